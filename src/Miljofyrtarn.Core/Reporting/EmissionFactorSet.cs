using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Miljofyrtarn.Core.Diagnostics;
using NodaTime;

namespace Miljofyrtarn.Core.Reporting;

/// <summary>How the factor set of a climate account is chosen when it is computed.</summary>
public enum FactorSetRule
{
    /// <summary>
    /// The set for the report year if it was published on the day of computation, else the newest published set for an
    /// earlier year. Recomputing after the report year's set is published gives the final figures.
    /// </summary>
    ForReportYear,

    /// <summary>The newest set published on the day of computation, whatever year it is for.</summary>
    NewestPublished,
}

/// <summary>
/// A versioned, sourced set of emission factors for one year and region: who published it and when, which GWP values
/// it uses, its licence and where to find it. A climate account records the set it used.
/// </summary>
/// <remarks>Immutable and thread-safe. Reference equality; a set is identified by <see cref="Id"/>.</remarks>
public sealed partial class EmissionFactorSet
{
    private readonly ImmutableDictionary<(string Activity, Scope2Method? Method), EmissionFactor> _factors;

    private EmissionFactorSet(string id, string publisher, int year, LocalDate publishedOn, string region, string gwpSet, string licence, string url, ImmutableArray<EmissionFactor> factors)
    {
        (Id, Publisher, Year, PublishedOn, Region, GwpSet, Licence, Url, Factors) = (id, publisher, year, publishedOn, region, gwpSet, licence, url, factors);
        _factors = factors.ToImmutableDictionary(f => (f.Activity, f.Method));
    }

    /// <summary>The set's ID, for example <c>no-2023</c>.</summary>
    public string Id { get; }

    /// <summary>Who published the figures (several publishers are named in <see cref="EmissionFactor.Source"/>).</summary>
    public string Publisher { get; }

    /// <summary>The year the factors are for.</summary>
    public int Year { get; }

    /// <summary>The day the set was published; an account computed before it cannot use it.</summary>
    public LocalDate PublishedOn { get; }

    /// <summary>The region, for example <c>NO</c>.</summary>
    public string Region { get; }

    /// <summary>The global-warming-potential values used, for example <c>IPCC AR5 GWP100</c>.</summary>
    public string GwpSet { get; }

    /// <summary>The licence the figures are published under.</summary>
    public string Licence { get; }

    /// <summary>Where the figures are published.</summary>
    public string Url { get; }

    /// <summary>The factors.</summary>
    public ImmutableArray<EmissionFactor> Factors { get; }

    /// <summary>Creates a set, refusing two factors for one activity (and, for Scope 2, one method).</summary>
    /// <param name="id">The ID.</param>
    /// <param name="publisher">The publisher.</param>
    /// <param name="year">The year the factors are for.</param>
    /// <param name="publishedOn">The day it was published.</param>
    /// <param name="region">The region.</param>
    /// <param name="gwpSet">The GWP values used.</param>
    /// <param name="licence">The licence.</param>
    /// <param name="url">Where it is published.</param>
    /// <param name="factors">The factors.</param>
    /// <returns>The set.</returns>
    /// <exception cref="MiljofyrtarnException">A rule is broken; every problem is listed.</exception>
    public static EmissionFactorSet Create(string id, string publisher, int year, LocalDate publishedOn, string region, string gwpSet, string licence, string url, IEnumerable<EmissionFactor> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        var problems = new Problems();
        foreach (var (name, text) in new[] { ("id", id), ("publisher", publisher), ("region", region), ("gwpSet", gwpSet), ("licence", licence), ("url", url) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(ErrorCodes.BlankText, name);
            }
        }

        if (year < SupportedRange.FirstYear || year > SupportedRange.LastYear)
        {
            problems.Add(ErrorCodes.NumberOutOfRange, "year", year, SupportedRange.FirstYear, SupportedRange.LastYear);
        }

        if (!SupportedRange.Contains(publishedOn))
        {
            problems.Add(ErrorCodes.DateOutOfRange, SupportedRange.Iso(publishedOn), SupportedRange.Iso(SupportedRange.MinDate), SupportedRange.Iso(SupportedRange.MaxDate));
        }

        var list = factors.ToImmutableArray();
        foreach (var (name, text) in new[] { ("id", id), ("publisher", publisher), ("region", region), ("gwpSet", gwpSet), ("licence", licence) })
        {
            problems.Text(text, name, Limits.NameLength);
        }

        problems.Text(url, "url", Limits.ReferenceLength);
        problems.NotEmpty(list.Length, "factors");
        var seen = new HashSet<(string, Scope2Method?)>();
        foreach (var factor in list)
        {
            if (factor is null)
            {
                problems.Add(ErrorCodes.MissingProperty, "factors");
            }
            else if (!seen.Add((factor.Activity, factor.Method)))
            {
                problems.Add(ErrorCodes.DuplicateEmissionFactor, factor.Activity, year, region ?? string.Empty);
            }
        }

        problems.ThrowIfAny();
        return new EmissionFactorSet(id, publisher, year, publishedOn, region!, gwpSet, licence, url, list);
    }

    /// <summary>Looks up the factor for an activity.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="method">For Scope 2 activities, the method; null for the others.</param>
    /// <param name="factor">The factor, when found.</param>
    /// <returns><see langword="true"/> when the set has it.</returns>
    public bool TryGetFactor(string activity, Scope2Method? method, [NotNullWhen(true)] out EmissionFactor? factor) =>
        _factors.TryGetValue((activity, method), out factor);

    /// <summary>Whether the set has a factor for the activity under any method.</summary>
    /// <param name="activity">The activity.</param>
    /// <returns><see langword="true"/> when it has.</returns>
    public bool Covers(string activity) => _factors.ContainsKey((activity, null)) || _factors.ContainsKey((activity, Scope2Method.LocationBased));

    /// <summary>Chooses the set a climate account uses, by a rule.</summary>
    /// <param name="sets">The sets to choose among.</param>
    /// <param name="reportYear">The report year.</param>
    /// <param name="computedOn">The day of computation: a set published later is not used.</param>
    /// <param name="rule">The rule.</param>
    /// <returns>The set.</returns>
    /// <exception cref="MiljofyrtarnException">No set qualifies (<see cref="ErrorCodes.NoFactorSet"/>).</exception>
    public static EmissionFactorSet Select(IEnumerable<EmissionFactorSet> sets, int reportYear, LocalDate computedOn, FactorSetRule rule = FactorSetRule.ForReportYear)
    {
        ArgumentNullException.ThrowIfNull(sets);
        return TrySelect(sets, reportYear, computedOn, rule, out var chosen)
            ? chosen
            : throw Problems.Single(ErrorCodes.NoFactorSet, reportYear, NodaTime.Text.LocalDatePattern.Iso.Format(computedOn));
    }

    /// <summary><see cref="Select"/> without the exception: false when no set qualifies.</summary>
    internal static bool TrySelect(IEnumerable<EmissionFactorSet> sets, int reportYear, LocalDate computedOn, FactorSetRule rule, [NotNullWhen(true)] out EmissionFactorSet? chosen)
    {
        var published = sets.Where(s => s is not null && s.PublishedOn <= computedOn);
        chosen = rule == FactorSetRule.NewestPublished
            ? published.OrderByDescending(s => s.PublishedOn).ThenByDescending(s => s.Year).FirstOrDefault()
            : published.Where(s => s.Year <= reportYear).OrderByDescending(s => s.Year).ThenByDescending(s => s.PublishedOn).FirstOrDefault();
        return chosen is not null;
    }

    /// <summary>This set's reference (its ID and publication day), as a climate account records it.</summary>
    public FactorSetReference Reference => new(Id, PublishedOn);

    /// <summary>Finds the set a reference names: the one with its ID, published on its day.</summary>
    /// <param name="sets">The sets to look in.</param>
    /// <param name="reference">The reference.</param>
    /// <returns>The set.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// No set has that ID and publication day (<see cref="ErrorCodes.FactorSetNotFound"/>): the set was removed or replaced
    /// since it was recorded, so the figures recorded with it cannot be reproduced.
    /// </exception>
    public static EmissionFactorSet Find(IEnumerable<EmissionFactorSet> sets, FactorSetReference reference)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(reference);
        return sets.FirstOrDefault(s => s is not null && s.Id == reference.Id && s.PublishedOn == reference.PublishedOn)
            ?? throw Problems.Single(ErrorCodes.FactorSetNotFound, reference.Id, SupportedRange.Iso(reference.PublishedOn));
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
