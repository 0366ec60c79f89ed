using System.Collections.Immutable;
using System.Globalization;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>What an event's evolve handler is given besides the state: the rule book, and the event's day in the scheme's time zone.</summary>
/// <param name="Rules">The scheme's dated rules.</param>
/// <param name="Today">The day the event happened.</param>
internal readonly record struct EvolveContext(SchemeRuleBook Rules, LocalDate Today);

/// <summary>
/// The steps the events' evolve handlers share: moving a unit through the transition table (after every guard of the
/// action holds), issuing and ending certificates, and recording reports.
/// </summary>
internal static class Evolution
{
    /// <summary>
    /// Checks that the table allows the action from the unit's state and that every guard holds, and returns the unit's
    /// position; otherwise throws every reason. A unit covered by its host's certificate is refused, unless the action
    /// applies to such units too (<see cref="LifecycleTable.NeedsOwnCertificate"/>).
    /// </summary>
    public static int Check(LifecycleState state, in EvolveContext context, UnitId unit, LifecycleAction action, ActionInput input)
    {
        var position = LifecycleTable.NeedsOwnCertificate(action) ? OwnPosition(state, unit) : PositionOrThrow(state, unit);
        var reasons = LifecycleTable.Reasons(new GuardContext(state, context.Rules, position, context.Today, action, input));
        return reasons.IsEmpty ? position : throw new MiljofyrtarnException(reasons);
    }

    /// <summary>Checks the action (see <see cref="Check"/>) and moves the unit to the table's target state.</summary>
    public static LifecycleState Transit(LifecycleState state, in EvolveContext context, UnitId unit, LifecycleAction action, ActionInput input)
    {
        var position = Check(state, context, unit, action, input);
        var target = LifecycleTable.Find(state.Units[position].State, action)!.To ?? throw new InvalidOperationException($"{action} has no target state.");
        return state with { Units = state.Units.SetItem(position, state.Units[position].With(state: target)) };
    }

    /// <summary>Issues a certificate (or a recertification's new one) after the action's guards hold: its validity by the rules in force that day.</summary>
    public static LifecycleState Certify(LifecycleState state, in EvolveContext context, UnitCertified e)
    {
        if (e.Actor != e.Certifier.Id)
        {
            throw Problems.Single(ErrorCodes.InvalidValue, e.Actor, e.Certifier.Id);
        }

        var action = e.Recertification ? LifecycleAction.Recertify : LifecycleAction.Certify;
        var moved = Transit(state, context, e.Unit, action, new ActionInput(e.Actor, new CertificationData(e.Certifier, e.CertificateNumber)));
        var today = context.Today;
        var position = state.Organisation.PositionOf(e.Unit);
        var lifecycle = moved.Units[position];
        var previous = lifecycle.CurrentCertificate;
        var validTo = context.Rules.On(today).CertificateValidTo(today, position == 0, e.Recertification, previous, moved.Units[0].CurrentCertificate);

        var units = ImmutableArray.CreateBuilder<UnitId>();
        units.Add(e.Unit);
        units.AddRange(state.Organisation.CoveredBy(position).Select(p => state.Organisation.UnitAt(p).Id));
        var certificate = new Certificate(e.CertificateNumber, e.Unit, units.ToImmutable(), today, today, validTo, CertificateStatus.Valid, e.Certifier.Id);
        var certificates = previous is { Status: CertificateStatus.Valid }
            ? lifecycle.Certificates.SetItem(lifecycle.Certificates.Length - 1, previous.WithStatus(CertificateStatus.Superseded))
            : lifecycle.Certificates;
        var updated = lifecycle.With(certificates: certificates.Add(certificate), firstApprovedOn: lifecycle.FirstApprovedOn ?? today);

        // HK approved on a newer common-criteria version: every UE switches with it.
        var organisation = position == 0 ? moved.Organisation.CompleteCommonSetSwitch() : moved.Organisation;
        return moved with { Organisation = organisation, Units = moved.Units.SetItem(position, updated), CertificateNumbers = state.AllCertificateNumbers().SetItem(e.CertificateNumber, true) };
    }

    /// <summary>
    /// The common set a recertification opened on a day is mapped on: for headquarters the version in force that day (a
    /// newer one when it has come), for a unit the organisation's current one.
    /// </summary>
    public static CriteriaSet CommonSetForRecertification(Organisation organisation, LocalDate today) =>
        organisation.Catalog.TrySelectCommonSet(organisation.Kind, today, out var newer) ? newer : organisation.HeadquartersCommonSet;

    /// <summary>Ends the unit's current certificate with a status, when it is still valid.</summary>
    public static LifecycleState EndCertificate(LifecycleState state, UnitId unit, CertificateStatus status)
    {
        var position = state.Organisation.PositionOf(unit);
        var lifecycle = state.Units[position];
        var current = lifecycle.CurrentCertificate!;
        var certificates = current.Status == CertificateStatus.Valid
            ? lifecycle.Certificates.SetItem(lifecycle.Certificates.Length - 1, current.WithStatus(status))
            : lifecycle.Certificates;
        return state with { Units = state.Units.SetItem(position, lifecycle.With(certificates: certificates)) };
    }

    /// <summary>Records a submitted annual report (with its content checked again) or a granted postponement.</summary>
    public static LifecycleState Report(LifecycleState state, in EvolveContext context, UnitId unit, int year, string actor, LocalDate? dueOn, Instant? submittedAt, EnvironmentalReport? content)
    {
        if (dueOn is { } requested)
        {
            SupportedRange.Check(requested);
        }

        var action = dueOn is null ? LifecycleAction.SubmitAnnualReport : LifecycleAction.GrantPostponement;
        var moved = Transit(state, context, unit, action, new ActionInput(actor, new ReportData(year, dueOn)));
        var position = state.Organisation.PositionOf(unit);
        var lifecycle = moved.Units[position];
        var report = lifecycle.Reports.TryGetValue(year, out var existing)
            ? existing
            : new AnnualReport(year, context.Rules.AnnualReportDue(year), null, false);
        report = dueOn is { } due
            ? report with { DueOn = due, Postponed = true }
            : report with { SubmittedAt = submittedAt, Content = content is null ? null : CheckedContent(state, context, position, year, content) };
        return moved with { Units = moved.Units.SetItem(position, lifecycle.With(reports: lifecycle.Reports.SetItem(year, report))) };
    }

    /// <summary>The content re-checked for the unit at a position, as of the event's day: the unit's own, for the year, every rule.</summary>
    public static EnvironmentalReport CheckedContent(LifecycleState state, in EvolveContext context, int position, int year, EnvironmentalReport content)
    {
        var unit = state.Organisation.AllUnits[position];
        var indicators = context.Rules.Indicators;
        var problems = new Problems();
        if (content.Unit != unit.Id)
        {
            problems.Add(ErrorCodes.InvalidValue, content.Unit.Value, unit.Id.Value);
        }

        if (content.Year != year)
        {
            problems.Add(ErrorCodes.InvalidValue, content.Year, year.ToString(CultureInfo.InvariantCulture));
        }

        if (content.CatalogVersion != indicators.Version)
        {
            problems.Add(ErrorCodes.CatalogMismatch, content.CatalogVersion, indicators.Version);
        }

        problems.ThrowIfAny();

        // Every rule again, for this unit's sets and as of the event's day; the event's own content is kept, so the state and
        // the history hold the same report.
        EnvironmentalReport.Create(indicators, unit.Id, year, content.Values, context.Today, unit.Definition.SetIds, content.Goals, content.Measures);
        return content;
    }

    /// <summary>The position of a unit that holds its own certificate: known, and not covered by a host's.</summary>
    public static int OwnPosition(LifecycleState state, UnitId unit)
    {
        var position = PositionOrThrow(state, unit);
        var definition = state.Organisation.AllUnits[position];
        if (definition.Certificate.Host is { } host)
        {
            throw Problems.Single(ErrorCodes.CoveredByHostCertificate, definition.Name, state.Organisation.TryGetUnit(host, out var hostUnit) ? hostUnit.Name : host.Value);
        }

        return position;
    }

    /// <summary>The position of a unit, or the coded refusal for an unknown one.</summary>
    public static int PositionOrThrow(LifecycleState state, UnitId unit)
    {
        var position = state.Organisation.PositionOf(unit);
        return position >= 0 ? position : throw Problems.Single(ErrorCodes.UnknownUnit, unit);
    }

    /// <summary>Whether a report with content is submitted for the year: whether the year has a climate account.</summary>
    public static bool HasAccount(LifecycleState state, int year)
    {
        foreach (var unit in state.Units)
        {
            if (unit.Reports.TryGetValue(year, out var report) && report.Content is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The factor set the year's climate account uses as recorded: the latest recomputation's, else the newest set the
    /// submitted reports named (reports submitted on different days may name different sets), else null.
    /// </summary>
    public static Reporting.FactorSetReference? AccountFactorSet(LifecycleState state, int year)
    {
        for (var i = state.Recomputations.Length - 1; i >= 0; i--)
        {
            if (state.Recomputations[i].Year == year)
            {
                return state.Recomputations[i].FactorSet;
            }
        }

        return SubmittedFactorSet(state, year);
    }

    /// <summary>The newest set (by publication day, then ID) the reports submitted for the year named, or null.</summary>
    public static Reporting.FactorSetReference? SubmittedFactorSet(LifecycleState state, int year)
    {
        Reporting.FactorSetReference? newest = null;
        foreach (var unit in state.Units)
        {
            if (unit.Reports.TryGetValue(year, out var report) && report.Content is not null && report.FactorSet is { } set
                && (newest is null || set.PublishedOn > newest.PublishedOn || (set.PublishedOn == newest.PublishedOn && string.CompareOrdinal(set.Id, newest.Id) > 0)))
            {
                newest = set;
            }
        }

        return newest;
    }
}
