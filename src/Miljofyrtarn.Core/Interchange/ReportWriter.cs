using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Reporting;
using static Miljofyrtarn.Core.Interchange.InterchangeVocabulary;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>Writes an annual report's content and corrections into the interchange documents.</summary>
internal static class ReportWriter
{
    public static ReportContentDocument? Content(EnvironmentalReport? report) => report is null ? null : new ReportContentDocument
    {
        IndicatorCatalogVersion = report.CatalogVersion,
        Values = [.. report.Values.Select(v => (IndicatorValueDocument?)new IndicatorValueDocument
        {
            Indicator = v.Code,
            Value = v.Value,
            Unit = MeasureUnits.Name(v.Unit),
            Estimated = v.Estimated ? true : null,
        })],
        Goals = report.Goals.IsEmpty ? null : [.. report.Goals.Select(g => (GoalDocument?)new GoalDocument
        {
            Text = g.Text,
            TargetYear = g.TargetYear,
            Indicator = g.IndicatorCode,
            TargetValue = g.TargetValue,
            BaselineYear = g.BaselineYear,
        })],
        Measures = report.Measures.IsEmpty ? null : [.. report.Measures],
    };

    public static CorrectionDocument? Correction(ReportCorrection correction) => new()
    {
        CorrectedAt = correction.CorrectedAt,
        Actor = correction.Actor,
        Reason = correction.Reason,
        Replaced = Content(correction.Replaced),
    };
}
