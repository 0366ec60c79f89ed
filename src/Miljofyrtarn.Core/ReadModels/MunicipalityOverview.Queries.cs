using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Schedule;
using NodaTime;

namespace Miljofyrtarn.Core.ReadModels;

/// <summary>The overview's questions: every unit, a municipality's units, and who must recertify soon.</summary>
public sealed partial class MunicipalityOverview
{
    // Each organisation's rows, for the version and the day they were computed on; an event or a new day recomputes them.
    private readonly Dictionary<string, (long Version, LocalDate Today, IReadOnlyList<OverviewEntry> Entries)> _entries = new(StringComparer.Ordinal);

    /// <summary>Every unit of every organisation held, or only those in one municipality, ordered by organisation, then headquarters first and the units in their order.</summary>
    /// <param name="municipality">A municipality number (<i>kommunenummer</i>, four digits), or null for all units.</param>
    /// <returns>The units, each with its certificate, state, expiry, next deadline and overdue reports as of today.</returns>
    /// <exception cref="MiljofyrtarnException">The municipality number is not four digits (<see cref="ErrorCodes.InvalidMunicipalityNumber"/>).</exception>
    public IReadOnlyList<OverviewEntry> GetUnits(string? municipality = null)
    {
        if (municipality is not null)
        {
            CheckMunicipality(municipality);
        }

        lock (_gate)
        {
            IEnumerable<string> streams = municipality is null
                ? _streams.Keys
                : _byMunicipality.TryGetValue(municipality, out var inMunicipality) ? inMunicipality : [];
            var entries = new List<OverviewEntry>();
            foreach (var stream in streams.Order(StringComparer.Ordinal))
            {
                entries.AddRange(EntriesOf(stream).Where(e => municipality is null || e.Municipality == municipality));
            }

            return entries;
        }
    }

    /// <summary>
    /// The units in a municipality whose certificate expires within a period from today: who must recertify, the
    /// soonest first. A unit whose recertification is done has a new certificate and is not listed.
    /// </summary>
    /// <param name="municipality">The municipality number (<i>kommunenummer</i>), four digits.</param>
    /// <param name="within">How far ahead, for example <c>Period.FromMonths(6)</c>.</param>
    /// <returns>The units whose valid certificate's last day is today or within the period, by expiry, then organisation and unit.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// The municipality number is not four digits (<see cref="ErrorCodes.InvalidMunicipalityNumber"/>), or the period
    /// runs backwards (<see cref="ErrorCodes.RangeEndsBeforeStart"/>).
    /// </exception>
    public IReadOnlyList<OverviewEntry> MustRecertifyWithin(string municipality, Period within)
    {
        ArgumentNullException.ThrowIfNull(within);
        CheckMunicipality(municipality);
        var today = _rules.DateOf(_clock.GetCurrentInstant());
        var until = today.Plus(within);
        if (until < today)
        {
            throw Problems.Single(ErrorCodes.RangeEndsBeforeStart, SupportedRange.Iso(today), SupportedRange.Iso(until));
        }

        return [.. GetUnits(municipality)
            .Where(e => e.CertificateStatus == CertificateStatus.Valid && e.ExpiresOn is { } expires && expires >= today && expires <= until)
            .OrderBy(e => e.ExpiresOn)
            .ThenBy(e => e.Stream, StringComparer.Ordinal)
            .ThenBy(e => e.Unit.Value, StringComparer.Ordinal)];
    }

    /// <summary>An organisation's rows, from the cache while its version and today are unchanged.</summary>
    private IReadOnlyList<OverviewEntry> EntriesOf(string stream)
    {
        var lifecycle = _streams[stream].Lifecycle;
        var today = lifecycle.Today;
        if (_entries.TryGetValue(stream, out var cached) && cached.Version == lifecycle.Version && cached.Today == today)
        {
            return cached.Entries;
        }

        var organisation = lifecycle.Organisation;
        var summary = DeadlineSummary.Of(lifecycle, _deadlines);
        var entries = new OverviewEntry[organisation.AllUnits.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var unit = organisation.AllUnits[i];
            var unitLifecycle = lifecycle.GetUnitLifecycle(unit.Id);
            var certificate = unitLifecycle.CurrentCertificate;
            entries[i] = new OverviewEntry(
                stream,
                organisation.Number,
                organisation.Name,
                unit.Id,
                unit.Name,
                unit.Role,
                MunicipalityOf(unit, organisation),
                unitLifecycle.State,
                certificate?.Number,
                certificate?.Status,
                certificate?.ValidTo,
                summary.Next(unit.Id),
                summary.OverdueReports(unit.Id));
        }

        _entries[stream] = (lifecycle.Version, today, entries);
        return entries;
    }

    private static void CheckMunicipality(string municipality)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        if (!Organisations.Organisation.IsMunicipalityNumber(municipality))
        {
            throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.InvalidMunicipalityNumber, [municipality]));
        }
    }
}
