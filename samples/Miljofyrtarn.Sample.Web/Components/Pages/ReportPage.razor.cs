using System.Globalization;
using Microsoft.AspNetCore.Components;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;

namespace Miljofyrtarn.Sample.Web.Components.Pages;

/// <summary>A unit's annual climate and environment report for a year: the figures, entered or as submitted.</summary>
public sealed partial class ReportPage
{
    /// <summary>The report year from the address.</summary>
    [Parameter]
    public int Year { get; set; }

    /// <summary>The form's fields, as posted: one text per indicator code (parsed here, explained in the reader's language).</summary>
    [SupplyParameterFromForm(FormName = "report")]
    public ReportForm? Form { get; set; }

    private AnnualReportView? Submitted { get; set; }

    private IReadOnlyList<Indicator> Indicators { get; set; } = [];

    /// <inheritdoc />
    protected override void PrepareForms() => Form ??= new();

    /// <inheritdoc />
    protected override void Show(OrganisationLifecycle lifecycle, Unit unit)
    {
        Submitted = lifecycle.ToReportView(unit.Id, Year, Ui.Contract) is { SubmittedAt: not null } view ? view : null;
        Indicators = [.. Repository.Rules.Indicators.ActiveIn(Year)];
    }

    private bool Mandatory(Indicator indicator) => indicator.IsMandatoryFor(Year, Unit!.Definition.SetIds);

    private async Task SubmitAsync()
    {
        if (Lifecycle is null || Unit is null)
        {
            return;
        }

        var values = new List<IndicatorValue>();
        foreach (var indicator in Indicators)
        {
            var text = Form?.Figures.GetValueOrDefault(indicator.Code);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (ParseNumber(text) is { } value)
            {
                values.Add(new IndicatorValue(indicator.Code, value, indicator.Unit));
            }
            else
            {
                AddField(indicator.Code, Ui.T($"«{text.Trim()}» er ikke et tall. Skriv for eksempel 1234,5.", $"«{text.Trim()}» er ikkje eit tal. Skriv til dømes 1234,5.", $"“{text.Trim()}” is not a number. Write, for example, 1234.5."));
            }
        }

        var measures = (Form?.Measures ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (FieldProblems.Count > 0)
        {
            return;
        }

        try
        {
            // The library's own checks of the content (units, ranges, mandatory figures), so each refusal can be shown
            // beside the figure it names; nothing is recorded by this call.
            Lifecycle.CreateReport(Unit.Id, Year, values, measures: measures);
        }
        catch (MiljofyrtarnException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                var message = ContractViews.ToReasons([diagnostic], Ui.Contract)[0];
                if (diagnostic.Arguments.Count > 0 && Indicators.Any(i => i.Code == diagnostic.Arguments[0]))
                {
                    AddField(diagnostic.Arguments[0], message.Message.Get(Ui.Language));
                }
                else
                {
                    Problems.Add(message);
                }
            }

            return;
        }

        var command = new SubmitAnnualReportCommand(Unit.Id, Year, new ReportInput(values, null, measures));
        if (await ExecuteAsync(command, Form?.Version))
        {
            GoTo($"units/{Uri.EscapeDataString(Unit.Id.Value)}/reports/{Year.ToString(CultureInfo.InvariantCulture)}", "report");
            return;
        }

        Show();
    }

    /// <summary>A number as a Norwegian or English reader writes it: <c>1 234,5</c>, <c>1234.5</c>, <c>−3</c>.</summary>
    private static double? ParseNumber(string text)
    {
        var normalised = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal)
            .Replace("\u202f", string.Empty, StringComparison.Ordinal).Replace('\u2212', '-').Replace(',', '.');
        return double.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The report form.</summary>
    public sealed class ReportForm
    {
        /// <summary>The figures by indicator code, as typed.</summary>
        public Dictionary<string, string?> Figures { get; set; } = new(StringComparer.Ordinal);

        /// <summary>The measures carried out, one per line.</summary>
        public string? Measures { get; set; }

        /// <summary>The organisation's version the form was made from.</summary>
        public string? Version { get; set; }
    }
}
