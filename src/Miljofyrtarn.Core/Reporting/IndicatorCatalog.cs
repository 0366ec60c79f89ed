using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Reporting;

/// <summary>
/// A versioned catalog of report indicators: the standard ones and an organisation's own. Like the criteria catalog,
/// it is data: indicators are added, retired and replaced by report year.
/// </summary>
/// <remarks>Immutable and thread-safe. Reference equality.</remarks>
public sealed partial class IndicatorCatalog
{
    private readonly FrozenDictionary<string, Indicator> _byCode;

    private IndicatorCatalog(string version, ImmutableArray<Indicator> indicators)
    {
        Version = version;
        Indicators = indicators;
        _byCode = indicators.ToFrozenDictionary(i => i.Code, StringComparer.Ordinal);
    }

    /// <summary>The catalog's version, for example <c>2024.1</c>; a report records the version it was checked against.</summary>
    public string Version { get; }

    /// <summary>Every indicator, current and retired, in catalog order.</summary>
    public ImmutableArray<Indicator> Indicators { get; }

    /// <summary>Creates a catalog, checking that codes are unique and that every replacement names an indicator in it.</summary>
    /// <param name="version">The version; not blank.</param>
    /// <param name="indicators">The indicators.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="MiljofyrtarnException">A rule is broken; every problem is listed.</exception>
    public static IndicatorCatalog Create(string version, IEnumerable<Indicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(version))
        {
            problems.Add(ErrorCodes.BlankText, "version");
        }

        var list = indicators.ToImmutableArray();
        problems.Text(version, "version", Limits.NameLength);
        problems.NotEmpty(list.Length, "indicators");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var indicator in list)
        {
            if (indicator is null)
            {
                problems.Add(ErrorCodes.MissingProperty, "indicator");
            }
            else if (!seen.Add(indicator.Code))
            {
                problems.Add(ErrorCodes.DuplicateIndicator, indicator.Code);
            }
        }

        foreach (var indicator in list)
        {
            if (indicator?.ReplacedBy is { } replacement && !seen.Contains(replacement))
            {
                problems.Add(ErrorCodes.UnknownIndicator, replacement);
            }
        }

        problems.ThrowIfAny();
        return new IndicatorCatalog(version, list);
    }

    /// <summary>Combines this catalog with an organisation's own indicators (egne indikatorer).</summary>
    /// <param name="version">The combined catalog's version, for example <c>2024.1+heim.3</c>.</param>
    /// <param name="own">The organisation's own indicators; their codes must not clash with this catalog's.</param>
    /// <returns>The combined catalog.</returns>
    /// <exception cref="MiljofyrtarnException">A code clashes, or another rule is broken.</exception>
    public IndicatorCatalog WithOwn(string version, IEnumerable<Indicator> own) => Create(version, Indicators.Concat(own ?? []));

    /// <summary>The indicator with a code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The indicator.</returns>
    /// <exception cref="MiljofyrtarnException">No such indicator (<see cref="ErrorCodes.UnknownIndicator"/>).</exception>
    public Indicator Get(string code) =>
        TryGet(code, out var indicator) ? indicator : throw Problems.Single(ErrorCodes.UnknownIndicator, code ?? string.Empty);

    /// <summary>Looks up an indicator without throwing.</summary>
    /// <param name="code">The code.</param>
    /// <param name="indicator">The indicator, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(string code, [NotNullWhen(true)] out Indicator? indicator)
    {
        indicator = null;
        return code is not null && _byCode.TryGetValue(code, out indicator);
    }

    /// <summary>The indicators asked for in a report year, in catalog order.</summary>
    /// <param name="year">The report year.</param>
    /// <returns>The indicators.</returns>
    public IEnumerable<Indicator> ActiveIn(int year) => Indicators.Where(i => i.IsActiveIn(year));

    /// <inheritdoc />
    public override string ToString() => $"Indicators {Version} ({Indicators.Length})";
}
