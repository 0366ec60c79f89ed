using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Fees;

/// <summary>One band of a fee schedule: from a number of FTEs (årsverk) up to the next band's, the one-off establishment fee and the annual fee.</summary>
/// <param name="FromFullTimeEquivalents">The band's lower bound, inclusive; the band runs up to the next band's bound.</param>
/// <param name="EstablishmentFee">The one-off establishment fee (etableringsavgift), in NOK excluding VAT.</param>
/// <param name="AnnualFee">The annual service fee (årlig serviceavgift), in NOK excluding VAT.</param>
public sealed record FeeBand(int FromFullTimeEquivalents, decimal EstablishmentFee, decimal AnnualFee);

/// <summary>
/// The foundation's fees from a date: a one-off establishment fee and an annual service fee, both by FTE band and per
/// certified location (sertifisert lokasjon).
/// </summary>
/// <remarks>Immutable and thread-safe. Reference equality.</remarks>
public sealed class FeeSchedule
{
    private FeeSchedule(LocalDate effectiveFrom, ImmutableArray<FeeBand> bands, string source)
    {
        EffectiveFrom = effectiveFrom;
        Bands = bands;
        Source = source;
    }

    /// <summary>The 2024 bands (miljofyrtarn.no, priser og kostnader), in force from 1 January 2024.</summary>
    public static FeeSchedule Default { get; } = Create(new LocalDate(2024, 1, 1), "miljofyrtarn.no, priser og kostnader (2024)",
    [
        new(0, 4_880, 2_120), new(10, 7_510, 3_230), new(30, 11_330, 5_380), new(50, 14_070, 7_180),
        new(100, 17_350, 8_490), new(200, 20_680, 11_560), new(500, 23_420, 15_480), new(1_000, 26_700, 20_320),
    ]);

    /// <summary>The day the schedule takes effect.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>The bands, from 0 FTEs up; the last band has no upper bound.</summary>
    public ImmutableArray<FeeBand> Bands { get; }

    /// <summary>Where the figures come from.</summary>
    public string Source { get; }

    /// <summary>Creates a schedule: bands starting at 0, rising, with fees that are not negative.</summary>
    /// <param name="effectiveFrom">The day it takes effect.</param>
    /// <param name="source">Where the figures come from; not blank.</param>
    /// <param name="bands">The bands.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="MiljofyrtarnException">A rule is broken; every problem is listed.</exception>
    public static FeeSchedule Create(LocalDate effectiveFrom, string source, IEnumerable<FeeBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var list = bands.ToImmutableArray();
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(source))
        {
            problems.Add(ErrorCodes.BlankText, "source");
        }

        if (list.IsEmpty || list.Any(b => b is null) || list[0].FromFullTimeEquivalents != 0)
        {
            problems.Add(ErrorCodes.InvalidValue, "bands", "from 0 FTEs");
        }
        else
        {
            for (var i = 0; i < list.Length; i++)
            {
                if ((i > 0 && list[i].FromFullTimeEquivalents <= list[i - 1].FromFullTimeEquivalents) || list[i].EstablishmentFee < 0 || list[i].AnnualFee < 0)
                {
                    problems.Add(ErrorCodes.InvalidValue, $"bands[{i}]", "rising, fees ≥ 0");
                }
            }
        }

        problems.ThrowIfAny();
        return new FeeSchedule(effectiveFrom, list, source);
    }

    /// <summary>The schedule in force on a date: the latest that took effect on or before it.</summary>
    /// <param name="schedules">The schedules.</param>
    /// <param name="date">The date.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="MiljofyrtarnException">None had taken effect (<see cref="ErrorCodes.NoFeeSchedule"/>).</exception>
    public static FeeSchedule InForce(IEnumerable<FeeSchedule> schedules, LocalDate date) =>
        (schedules ?? throw new ArgumentNullException(nameof(schedules))).Where(s => s is not null && s.EffectiveFrom <= date).MaxBy(s => s.EffectiveFrom)
        ?? throw Problems.Single(ErrorCodes.NoFeeSchedule, NodaTime.Text.LocalDatePattern.Iso.Format(date));

    /// <summary>The band for a number of FTEs.</summary>
    /// <param name="fullTimeEquivalents">The FTEs; not negative.</param>
    /// <returns>The band.</returns>
    /// <exception cref="MiljofyrtarnException">A negative number (<see cref="ErrorCodes.NumberOutOfRange"/>).</exception>
    public FeeBand BandFor(decimal fullTimeEquivalents)
    {
        if (fullTimeEquivalents < 0)
        {
            throw Problems.Single(ErrorCodes.NumberOutOfRange, "fullTimeEquivalents", fullTimeEquivalents, 0, "∞");
        }

        var band = Bands[0];
        foreach (var candidate in Bands)
        {
            if (candidate.FromFullTimeEquivalents <= fullTimeEquivalents)
            {
                band = candidate;
            }
        }

        return band;
    }

    /// <summary>
    /// The estimated fees of an organisation: one line per location with a certificate of its own (headquarters and each
    /// underlying unit), whose FTEs are its own plus those of the co-located and attached units its certificate covers.
    /// </summary>
    /// <param name="organisation">The organisation.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="MiljofyrtarnException">A unit's FTEs are not given (<see cref="ErrorCodes.MissingFullTimeEquivalents"/>, each unit named).</exception>
    public FeeEstimate Estimate(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var problems = new Problems();
        foreach (var unit in organisation.AllUnits.Where(u => u.FullTimeEquivalents is null))
        {
            problems.Add(ErrorCodes.MissingFullTimeEquivalents, unit.Name);
        }

        problems.ThrowIfAny();
        var lines = organisation.AllUnits
            .Where(u => u.Certificate.Host is null)
            .Select(location =>
            {
                var fte = location.FullTimeEquivalents!.Value + organisation.AllUnits.Where(u => u.Certificate.Host == location.Id).Sum(u => u.FullTimeEquivalents!.Value);
                return new FeeLine(location.Id, fte, BandFor(fte));
            });
        return new FeeEstimate(this, [.. lines]);
    }
}

/// <summary>The fee of one certified location.</summary>
/// <param name="Location">The unit holding the certificate.</param>
/// <param name="FullTimeEquivalents">Its FTEs, with those of the units its certificate covers.</param>
/// <param name="Band">The band they fall in.</param>
public sealed record FeeLine(UnitId Location, decimal FullTimeEquivalents, FeeBand Band);

/// <summary>An organisation's estimated fees: per certified location, and in total.</summary>
/// <remarks>Immutable and thread-safe. A computed result, compared by reference.</remarks>
/// <param name="schedule">The schedule used.</param>
/// <param name="lines">One line per certified location, headquarters first.</param>
public sealed class FeeEstimate(FeeSchedule schedule, ImmutableArray<FeeLine> lines)
{
    /// <summary>The schedule used.</summary>
    public FeeSchedule Schedule { get; } = schedule;

    /// <summary>One line per certified location, headquarters first.</summary>
    public ImmutableArray<FeeLine> Lines { get; } = lines;

    /// <summary>The one-off establishment fees of every location, in NOK excluding VAT.</summary>
    public decimal EstablishmentFees => Lines.Sum(l => l.Band.EstablishmentFee);

    /// <summary>The annual service fees of every location, in NOK excluding VAT.</summary>
    public decimal AnnualFees => Lines.Sum(l => l.Band.AnnualFee);
}
