using System.Globalization;
using Microsoft.AspNetCore.Components;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Sample.Web.Dashboard;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Sample.Web.Components.Pages;

/// <summary>One unit: readiness, criteria, the assessment form and the lifecycle's actions.</summary>
public sealed partial class UnitPage
{
    /// <summary>The dates a reader may type: Norwegian (20.01.2024) or ISO (2024-01-20).</summary>
    private static readonly LocalDatePattern[] DatePatterns = [LocalDatePattern.CreateWithInvariantCulture("dd.MM.uuuu"), LocalDatePattern.CreateWithInvariantCulture("d.M.uuuu"), LocalDatePattern.Iso];

    /// <summary>The assessment form's fields, as posted (all text: the page parses and explains, never the runtime).</summary>
    [SupplyParameterFromForm(FormName = "assess")]
    public AssessmentForm? Assess { get; set; }

    /// <summary>The action form's fields, as posted.</summary>
    [SupplyParameterFromForm(FormName = "act")]
    public ActionForm? Act { get; set; }

    [Inject]
    private DeadlineOptions DeadlineOptions { get; set; } = default!;

    private UnitReadinessView? Readiness { get; set; }

    private ResolutionView? Resolution { get; set; }

    private IReadOnlyList<ActionView> Actions { get; set; } = [];

    /// <summary>Whether the signed-in person may record assessments on this unit.</summary>
    private bool MayAssess { get; set; }

    private IReadOnlyList<int> ReportYears { get; set; } = [];

    /// <inheritdoc />
    protected override void PrepareForms()
    {
        Assess ??= new();
        Act ??= new();
    }

    /// <inheritdoc />
    protected override void Show(OrganisationLifecycle lifecycle, Unit unit)
    {
        Readiness = ContractViews.ToView(lifecycle.Organisation.GetReadiness(unit.Id), Ui.Contract);
        Resolution = lifecycle.Organisation.ToResolutionView(unit.Id, Ui.Contract);
        // Removing a unit, correcting a report and recording a follow-up audit are done from their own pages or through
        // the API; this page offers the actions that move the unit's lifecycle.
        // Each person sees what they may do and nothing else: an action their roles do not allow is left out, not shown
        // as blocked.
        Actions = !Ui.IsSignedIn ? [] : [.. lifecycle.ToActionViews(unit.Id, Ui.Actor, Ui.Contract)
            .Where(a => a.Action is not (LifecycleAction.RemoveUnit or LifecycleAction.CorrectAnnualReport or LifecycleAction.RecordFollowUpAudit))
            .Where(a => !a.Reasons.Any(r => r.Code == ErrorCodes.ActorLacksRole))];
        MayAssess = Ui.IsSignedIn && lifecycle.May(Ui.ActingAs, Operation.RecordAssessment, unit.Id);
        var today = lifecycle.Today;
        ReportYears = [.. new DeadlineSchedule(lifecycle, DeadlineOptions).Between(today.PlusYears(-5), today.PlusYears(1))
            .Where(d => d.Kind == DeadlineKind.AnnualReport && d.Unit == unit.Id && d.Year is not null)
            .Select(d => d.Year!.Value)
            .Concat(lifecycle.GetUnitLifecycle(unit.Id).Reports.Keys)
            .Distinct().Order()];
    }

    private async Task SaveAssessmentAsync()
    {
        var form = Assess ?? new();
        if (Unit is null)
        {
            return;
        }

        if (!int.TryParse(form.Criterion, NumberStyles.None, CultureInfo.InvariantCulture, out var criterion))
        {
            AddField("criterion", Ui.T("Velg et kriterium fra listen.", "Vel eit kriterium frå lista.", "Choose a criterion from the list."));
        }

        if (!Enum.TryParse<FulfilmentStatus>(form.Status, ignoreCase: false, out var status) || !Enum.IsDefined(status))
        {
            AddField("status", Ui.T("Velg en status fra listen.", "Vel ein status frå lista.", "Choose a status from the list."));
        }

        if (!string.IsNullOrWhiteSpace(form.Evidence) && !Uri.TryCreate(form.Evidence.Trim(), UriKind.Absolute, out _))
        {
            AddField("evidence", Ui.T("Skriv en hel lenke, for eksempel https://heim.kommune.no/dok/123.", "Skriv ei heil lenkje, til dømes https://heim.kommune.no/dok/123.", "Write a whole link, for example https://heim.kommune.no/dok/123."));
        }

        if (FieldProblems.Count > 0)
        {
            return;
        }

        var command = new RecordAssessmentCommand(Unit.Id, criterion, status, Blank(form.Comment), Blank(form.Justification),
            Blank(form.Evidence) is { } evidence ? [new EvidenceInput(evidence)] : null);
        if (await ExecuteAsync(command, form.Version, AssessmentField))
        {
            GoTo($"units/{Uri.EscapeDataString(Unit.Id.Value)}", "assessed");
            return;
        }

        Show();
    }

    private async Task ActAsync()
    {
        var form = Act ?? new();
        if (Unit is null)
        {
            return;
        }

        if (!Enum.TryParse<LifecycleAction>(form.Action, ignoreCase: false, out var action) || !Enum.IsDefined(action))
        {
            Problems.Add(new ReasonView("form", ContractText.Of("Ukjent handling.", "Ukjend handling.", "Unknown action.")));
            return;
        }

        var command = Command(action, form);
        if (command is null || FieldProblems.Count > 0)
        {
            return;
        }

        if (await ExecuteAsync(command, form.Version, ActionField))
        {
            GoTo($"units/{Uri.EscapeDataString(Unit.Id.Value)}", "action");
            return;
        }

        Show();
    }

    private LifecycleCommand? Command(LifecycleAction action, ActionForm form)
    {
        var unit = Unit!.Id;
        switch (action)
        {
            case LifecycleAction.CompleteStartUp:
                return Date(form.StartUpListSentOn, "startUpListSentOn") is { } sent ? new CompleteStartUpCommand(sent) : null;
            case LifecycleAction.OpenMapping:
                return new OpenMappingCommand(unit);
            case LifecycleAction.Deliver:
                return new DeliverCommand(unit);
            case LifecycleAction.Certify:
            case LifecycleAction.Recertify:
                Required(form.CertifierName, "certifierName");
                Required(form.CertifierId, "certifierId");
                Required(form.CertifierOrganisation, "certifierOrganisation");
                Required(form.CertificateNumber, "certificateNumber");
                var organisation = form.CertifierOrganisation?.Replace(" ", string.Empty, StringComparison.Ordinal) ?? string.Empty;
                if (organisation.Length > 0)
                {
                    try
                    {
                        OrganisationNumber.Parse(organisation);
                    }
                    catch (MiljofyrtarnException e)
                    {
                        AddField("certifierOrganisation", ContractViews.ToReasons(e.Diagnostics, Ui.Contract)[0].Message.Get(Ui.Language));
                    }
                }

                if (FieldProblems.Count > 0)
                {
                    return null;
                }

                if (!string.Equals(form.CertifierId!.Trim(), Ui.Actor, StringComparison.Ordinal))
                {
                    // The certifier certifies, in their own name: nobody records a certification for someone else.
                    AddField("certifierId", Ui.T("Du kan bare godkjenne i eget navn.", "Du kan berre godkjenne i eige namn.", "You may only approve in your own name."));
                    return null;
                }

                var certifier = new CertifierInput(form.CertifierId!.Trim(), form.CertifierName!.Trim(), organisation);
                return action == LifecycleAction.Certify
                    ? new CertifyCommand(unit, certifier, form.CertificateNumber!.Trim())
                    : new RecertifyCommand(unit, certifier, form.CertificateNumber!.Trim());
            case LifecycleAction.OpenRecertification:
                return new OpenRecertificationCommand(unit);
            case LifecycleAction.Withdraw:
                Required(form.Reason, "reason");
                return FieldProblems.Count > 0 ? null : new WithdrawCommand(unit, form.Reason!.Trim());
            case LifecycleAction.Expire:
                return new ExpireCommand(unit);
            default:
                Problems.Add(new ReasonView("form", ContractText.Of(
                    "Denne handlingen gjøres fra sin egen side.", "Denne handlinga gjer du frå si eiga side.", "This action is done from its own page.")));
                return null;
        }
    }

    private LocalDate? Date(string? text, string field)
    {
        foreach (var pattern in DatePatterns)
        {
            var parsed = pattern.Parse(text?.Trim() ?? string.Empty);
            if (parsed.Success)
            {
                return parsed.Value;
            }
        }

        AddField(field, Ui.T($"«{text}» er ikke en dato. Skriv for eksempel 20.01.2024.", $"«{text}» er ikkje ein dato. Skriv til dømes 20.01.2024.", $"“{text}” is not a date. Write, for example, 2024-01-20."));
        return null;
    }

    private void Required(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            AddField(field, Ui.T("Fyll ut feltet.", "Fyll ut feltet.", "Fill in this field."));
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? AssessmentField(ReasonView reason) => reason.Code switch
    {
        ErrorCodes.JustificationRequired => "justification",
        ErrorCodes.CriterionNotApplicable or ErrorCodes.CriterionAllocatedToHeadquarters or ErrorCodes.UnknownCriterion => "criterion",
        _ when reason.Path?.Contains("evidence", StringComparison.OrdinalIgnoreCase) == true => "evidence",
        _ when reason.Path?.Contains("comment", StringComparison.OrdinalIgnoreCase) == true => "comment",
        _ => null,
    };

    private static string? ActionField(ReasonView reason) => reason.Path switch
    {
        { } path when path.EndsWith("certificateNumber", StringComparison.Ordinal) => "certificateNumber",
        { } path when path.EndsWith("organisationNumber", StringComparison.Ordinal) => "certifierOrganisation",
        { } path when path.EndsWith("certifier.name", StringComparison.Ordinal) => "certifierName",
        { } path when path.EndsWith("certifier.id", StringComparison.Ordinal) => "certifierId",
        _ => reason.Code switch
        {
            ErrorCodes.InvalidCertificateNumber => "certificateNumber",
            ErrorCodes.InvalidOrganisationNumber => "certifierOrganisation",
            _ => null,
        },
    };

    private string? Invalid(string field) => FieldProblems.ContainsKey(field) ? "true" : null;

    private string? Describe(string field, string? hint = null) =>
        string.Join(' ', new[] { hint, FieldProblems.ContainsKey(field) ? field + "-error" : null }.Where(s => s is not null)) is { Length: > 0 } ids ? ids : null;

    /// <summary>The assessment form.</summary>
    public sealed class AssessmentForm
    {
        /// <summary>The criterion's number.</summary>
        public string? Criterion { get; set; }

        /// <summary>The status's name.</summary>
        public string? Status { get; set; }

        /// <summary>A comment.</summary>
        public string? Comment { get; set; }

        /// <summary>Why a must-criterion does not apply.</summary>
        public string? Justification { get; set; }

        /// <summary>A link to the evidence.</summary>
        public string? Evidence { get; set; }

        /// <summary>The organisation's version the form was made from.</summary>
        public string? Version { get; set; }
    }

    /// <summary>The action form: the button pressed and the fields some actions need.</summary>
    public sealed class ActionForm
    {
        /// <summary>The action (the pressed button's value).</summary>
        public string? Action { get; set; }

        /// <summary>The organisation's version the form was made from.</summary>
        public string? Version { get; set; }

        /// <summary>The day the start-up list was sent (complete start-up).</summary>
        public string? StartUpListSentOn { get; set; }

        /// <summary>The certifier's name.</summary>
        public string? CertifierName { get; set; }

        /// <summary>The certifier's id (e-mail).</summary>
        public string? CertifierId { get; set; }

        /// <summary>The certifier's organisation number.</summary>
        public string? CertifierOrganisation { get; set; }

        /// <summary>The certificate's number.</summary>
        public string? CertificateNumber { get; set; }

        /// <summary>Why the certificate is withdrawn.</summary>
        public string? Reason { get; set; }
    }
}
