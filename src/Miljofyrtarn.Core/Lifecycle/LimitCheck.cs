using System.Globalization;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>
/// Checks what an event would record against <see cref="Limits"/>, the supported range of dates and numbers, and the
/// rules for valid text, before the event is applied: the closure of the library's state, so that whatever it accepts
/// its own readers read back. Collects every problem, naming each field and its limit.
/// </summary>
internal sealed class LimitCheck
{
    private readonly Problems _problems = new();

    /// <summary>
    /// Checks an event before it is recorded: its actor, its instant, and what it records; the state (null for a store's
    /// append) adds the counts of the organisation: units, role grants and events.
    /// </summary>
    /// <exception cref="MiljofyrtarnException">Anything is over a limit or out of range; every problem is listed.</exception>
    public static void Check(LifecycleEvent @event, LifecycleState? state)
    {
        var check = new LimitCheck();
        check.PersonId(@event.Actor, "actor");
        if (!SupportedRange.Contains(@event.OccurredAt))
        {
            check._problems.Add(ErrorCodes.DateOutOfRange, NodaTime.Text.InstantPattern.General.Format(@event.OccurredAt), SupportedRange.Iso(SupportedRange.MinDate), SupportedRange.Iso(SupportedRange.MaxDate));
        }

        if (@event.Sequence > Limits.Events)
        {
            check._problems.Add(ErrorCodes.HistoryFull, Number(Limits.Events));
        }

        @event.CheckLimits(check, state);
        check.ThrowIfAny();
    }

    /// <summary>Throws every problem found, if there is any.</summary>
    public void ThrowIfAny() => _problems.ThrowIfAny();

    /// <summary>A text: at most <paramref name="max"/> characters, no lone surrogate, no control character (tab and newlines allowed in several lines).</summary>
    public void Text(string? value, string field, int max, bool multiline = false) => _problems.Text(value, field, max, multiline);

    /// <summary>A collection's size: at most <paramref name="max"/> entries.</summary>
    public void Count(int count, string field, int max)
    {
        if (count > max)
        {
            _problems.Add(ErrorCodes.TooManyEntries, field, Number(count), Number(max));
        }
    }

    /// <summary>A date: within 1900–2200.</summary>
    public void Date(LocalDate? date, string field)
    {
        if (date is { } d && !SupportedRange.Contains(d))
        {
            _problems.Add(ErrorCodes.DateOutOfRange, SupportedRange.Iso(d), SupportedRange.Iso(SupportedRange.MinDate), SupportedRange.Iso(SupportedRange.MaxDate));
        }
    }

    /// <summary>A year: within 1900–2200.</summary>
    public void Year(int year, string field)
    {
        if (year is < SupportedRange.FirstYear or > SupportedRange.LastYear)
        {
            _problems.Add(ErrorCodes.NumberOutOfRange, field, Number(year), Number(SupportedRange.FirstYear), Number(SupportedRange.LastYear));
        }
    }

    /// <summary>A quantity: at most <paramref name="max"/> (one that is negative or not finite is the report's own check, <see cref="ErrorCodes.InvalidIndicatorValue"/>).</summary>
    public void Quantity(double? value, string field, double max)
    {
        if (value is { } v && double.IsFinite(v) && v > max)
        {
            _problems.Add(ErrorCodes.NumberOutOfRange, field, Number(v), "0", Number(max));
        }
    }

    /// <summary>A unit's description: its name, address and management.</summary>
    public void Unit(UnitDefinition? unit, string field)
    {
        if (unit is null)
        {
            return;
        }

        Text(unit.Name, field + ".name", Limits.NameLength);
        Text(unit.Address, field + ".address", Limits.AddressLength);
        Person(unit.Officer, field + ".officer");
        Count(unit.Management.IsDefault ? 0 : unit.Management.Length, field + ".management", Limits.ManagementUsers);
        if (!unit.Management.IsDefault && unit.Management.Length <= Limits.ManagementUsers)
        {
            foreach (var person in unit.Management)
            {
                Person(person, field + ".management");
            }
        }
    }

    /// <summary>A person's ID: at most <see cref="Limits.PersonIdLength"/> characters (<see cref="ErrorCodes.PersonIdTooLong"/>, as for an actor), of valid text.</summary>
    public void PersonId(string? id, string field)
    {
        if (id is { Length: > Limits.PersonIdLength })
        {
            _problems.Add(ErrorCodes.PersonIdTooLong, id[..24] + "…", Number(id.Length), Number(Limits.PersonIdLength));
            return;
        }

        Text(id, field, Limits.PersonIdLength);
    }

    /// <summary>A person: their ID and name.</summary>
    public void Person(Person? person, string field)
    {
        if (person is not null)
        {
            PersonId(person.Id, field + ".id");
            Text(person.Name, field + ".name", Limits.NameLength);
        }
    }

    /// <summary>A certifier: their ID and name.</summary>
    public void Certifier(Certifier? certifier, string field)
    {
        if (certifier is not null)
        {
            PersonId(certifier.Id, field + ".id");
            Text(certifier.Name, field + ".name", Limits.NameLength);
        }
    }

    /// <summary>An assessment: its comment, justification and evidence.</summary>
    public void Assessment(CriterionAssessment? assessment)
    {
        if (assessment is null)
        {
            return;
        }

        Text(assessment.Comment, "comment", Limits.TextLength, multiline: true);
        Text(assessment.Justification, "justification", Limits.TextLength, multiline: true);
        Count(assessment.Evidence.Length, "evidence", Limits.EvidenceReferences);
        if (assessment.Evidence.Length <= Limits.EvidenceReferences)
        {
            foreach (var evidence in assessment.Evidence)
            {
                Text(evidence.Reference, "evidence.reference", Limits.ReferenceLength);
                Date(evidence.ValidUntil, "evidence.validUntil");
            }
        }
    }

    /// <summary>An annual report's content: its year, figures, goals and measures.</summary>
    public void Report(EnvironmentalReport? report)
    {
        if (report is null)
        {
            return;
        }

        Year(report.Year, "year");
        Count(report.Goals.Length, "goals", Limits.ReportEntries);
        Count(report.Measures.Length, "measures", Limits.ReportEntries);
        foreach (var value in report.Values)
        {
            Quantity(value?.Value, "values", Limits.Quantity);
        }

        foreach (var goal in report.Goals.Length <= Limits.ReportEntries ? report.Goals : [])
        {
            Text(goal.Text, "goals.text", Limits.TextLength, multiline: true);
            Quantity(goal.TargetValue, "goals.targetValue", Limits.Quantity);
        }

        foreach (var measure in report.Measures.Length <= Limits.ReportEntries ? report.Measures : [])
        {
            Text(measure, "measures", Limits.TextLength, multiline: true);
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
