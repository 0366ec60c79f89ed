using System.Collections.Immutable;
using System.Globalization;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using static Miljofyrtarn.Core.Interchange.InterchangeVocabulary;
using P = Miljofyrtarn.Core.Internal.Json.JsonPaths;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>Reading an annual report's content and corrections.</summary>
internal sealed partial class InterchangeReader
{
    /// <summary>A required object or list: reported as missing at its path when absent.</summary>
    public T? RequiredObject<T>(T? value, string parent, string name)
        where T : class
    {
        if (value is null)
        {
            Report(ErrorCodes.MissingProperty, P.Property(parent, name), name);
        }

        return value;
    }

    /// <summary>A report's content as the document states it, with every shape problem reported at its path.</summary>
    public EnvironmentalReport? Content(ReportContentDocument d, string path, UnitId unit, int year)
    {
        Unknown(d.Unknown, path);
        var version = Required(d.IndicatorCatalogVersion, path, "indicatorCatalogVersion");
        var failed = version is null;
        var values = ImmutableArray.CreateBuilder<IndicatorValue>();
        for (var i = 0; i < (RequiredObject(d.Values, path, "values")?.Count ?? 0); i++)
        {
            var at = P.Index(P.Property(path, "values"), i);
            if (d.Values![i] is not { } v)
            {
                Report(ErrorCodes.MissingProperty, at, "value");
                failed = true;
                continue;
            }

            Unknown(v.Unknown, at);
            var code = Required(v.Indicator, at, "indicator");
            var value = Required(v.Value, at, "value");
            var measure = Enum(v.Unit, at, "unit", MeasureUnits);
            if (value is { } number && !double.IsFinite(number))
            {
                // A number beyond double's range reads as infinity; no figure can be that.
                Report(ErrorCodes.InvalidIndicatorValue, P.Property(at, "value"), code ?? string.Empty, EnvironmentalReport.Number(number));
                value = null;
            }

            if (code is null || value is null || measure is null)
            {
                failed = true;
                continue;
            }

            values.Add(new IndicatorValue(code, value.Value, measure.Value, v.Estimated ?? false));
        }

        var goals = ImmutableArray.CreateBuilder<ReportGoal>();
        for (var i = 0; i < (d.Goals?.Count ?? 0); i++)
        {
            var at = P.Index(P.Property(path, "goals"), i);
            if (d.Goals![i] is not { } g)
            {
                Report(ErrorCodes.MissingProperty, at, "goal");
                failed = true;
                continue;
            }

            Unknown(g.Unknown, at);
            var text = Required(g.Text, at, "text");
            var target = Required(g.TargetYear, at, "targetYear");
            if (g.TargetValue is { } goalValue && !double.IsFinite(goalValue))
            {
                Report(ErrorCodes.InvalidIndicatorValue, P.Property(at, "targetValue"), g.Indicator ?? string.Empty, EnvironmentalReport.Number(goalValue));
                target = null;
            }

            if (text is null || target is null)
            {
                failed = true;
                continue;
            }

            goals.Add(new ReportGoal(text, target.Value, g.Indicator, g.TargetValue, g.BaselineYear));
        }

        var measures = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < (d.Measures?.Count ?? 0); i++)
        {
            if (Required(d.Measures![i], P.Property(path, "measures"), i.ToString(CultureInfo.InvariantCulture)) is { } measure)
            {
                measures.Add(measure);
            }
            else
            {
                failed = true;
            }
        }

        return failed ? null : EnvironmentalReport.Unchecked(unit, year, version!, values.ToImmutable(), goals.ToImmutable(), measures.ToImmutable());
    }

    /// <summary>
    /// A snapshot's report with its content and corrections. Content is checked in full against the rule book's indicator
    /// catalog as of the day it was submitted or corrected, with the unit's sets; content without a submission is refused.
    /// </summary>
    private AnnualReport SnapshotReport(ReportDocument r, string path, UnitDefinition owner, SchemeRuleBook rules, AnnualReport report)
    {
        EnvironmentalReport? Checked(ReportContentDocument? d, string at, NodaTime.Instant? on)
        {
            if (d is null || Content(d, at, owner.Id, report.Year) is not { } content)
            {
                return null;
            }

            if (on is not { } instant)
            {
                Report(ErrorCodes.MissingProperty, P.Property(path, "submittedAt"), "submittedAt");
                return null;
            }

            if (content.CatalogVersion != rules.Indicators.Version)
            {
                Report(ErrorCodes.CatalogMismatch, P.Property(at, "indicatorCatalogVersion"), content.CatalogVersion, rules.Indicators.Version);
                return null;
            }

            return Construct(() => EnvironmentalReport.Create(rules.Indicators, owner.Id, report.Year, content.Values, rules.DateOf(instant), owner.SetIds, content.Goals, content.Measures), at);
        }

        var corrections = ImmutableArray.CreateBuilder<ReportCorrection>();
        for (var i = 0; i < (r.Corrections?.Count ?? 0); i++)
        {
            var at = P.Index(P.Property(path, "corrections"), i);
            if (r.Corrections![i] is not { } c)
            {
                Report(ErrorCodes.MissingProperty, at, "correction");
                continue;
            }

            Unknown(c.Unknown, at);
            var when = Required(c.CorrectedAt, at, "correctedAt");
            var actor = Required(c.Actor, at, "actor");
            var reason = Required(c.Reason, at, "reason");
            var replaced = Checked(c.Replaced, P.Property(at, "replaced"), report.SubmittedAt);
            if (when is not null && actor is not null && reason is not null)
            {
                corrections.Add(new ReportCorrection(when.Value, actor, reason, replaced));
            }
        }

        var latest = corrections.Count > 0 ? corrections[^1].CorrectedAt : report.SubmittedAt;
        var factorSet = FactorSet(r.FactorSet, path, required: false);
        if (factorSet is not null && report.SubmittedAt is null)
        {
            Report(ErrorCodes.InvalidValue, P.Property(path, "factorSet"), factorSet.ToString(), "submittedAt");
        }

        return report with { Content = Checked(r.Content, P.Property(path, "content"), latest), Corrections = corrections.ToImmutable(), FactorSet = factorSet };
    }
}
