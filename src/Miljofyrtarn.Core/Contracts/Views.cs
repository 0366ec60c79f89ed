using System.Text.Json.Serialization;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Internal.Json;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using Miljofyrtarn.Core.Schedule;
using NodaTime;

namespace Miljofyrtarn.Core.Contracts;

/// <summary>What a frontend's front page shows: the organisation, its phase, and every unit with its state.</summary>
/// <param name="Number">The organisation number (<i>organisasjonsnummer</i>), nine digits.</param>
/// <param name="Name">The organisation's name.</param>
/// <param name="Kind">Municipality, county or other.</param>
/// <param name="Phase">Where the organisation is in the five phases.</param>
/// <param name="PhaseName">The phase's name.</param>
/// <param name="Version">The history's version: use it as the ETag and as the expected version of the next change.</param>
/// <param name="Today">The organisation's date today, in its time zone.</param>
/// <param name="StartUpListSentOn">When the start-up list was sent, if it was.</param>
/// <param name="Units">Headquarters (HK) first, then every unit (UE).</param>
public sealed record OrganisationOverview(
    string Number,
    string Name,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<OrganisationKind>))] OrganisationKind Kind,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<OrganisationPhase>))] OrganisationPhase Phase,
    ContractText PhaseName,
    long Version,
    [property: JsonConverter(typeof(IsoLocalDateConverter))] LocalDate Today,
    [property: JsonConverter(typeof(IsoLocalDateConverter))] LocalDate? StartUpListSentOn,
    IReadOnlyList<UnitOverview> Units);

/// <summary>One unit's line in the overview.</summary>
/// <param name="Id">The unit's ID.</param>
/// <param name="Name">The unit's name.</param>
/// <param name="Role">Headquarters (HK) or unit (UE).</param>
/// <param name="State">The unit's lifecycle state.</param>
/// <param name="StateName">The state's name.</param>
/// <param name="Certificate">The current certificate, if any.</param>
/// <param name="NextDeadline">The next deadline that is not met, if any.</param>
/// <param name="Overdue">How many of the unit's deadlines have passed unmet.</param>
public sealed record UnitOverview(
    UnitId Id,
    string Name,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<UnitRole>))] UnitRole Role,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<UnitState>))] UnitState State,
    ContractText StateName,
    CertificateView? Certificate,
    DeadlineView? NextDeadline,
    int Overdue);

/// <summary>A certificate (<i>sertifikat</i>).</summary>
/// <param name="Number">The certificate number.</param>
/// <param name="Holder">The unit that holds it.</param>
/// <param name="IssuedOn">When it was issued.</param>
/// <param name="ValidFrom">First day of validity.</param>
/// <param name="ValidTo">Last day of validity (the expiry).</param>
/// <param name="Status">Valid, expired, withdrawn or superseded.</param>
/// <param name="Certifier">The certifier (<i>sertifisør</i>) who issued it.</param>
public sealed record CertificateView(string Number, UnitId Holder, [property: JsonConverter(typeof(IsoLocalDateConverter))] LocalDate IssuedOn, [property: JsonConverter(typeof(IsoLocalDateConverter))] LocalDate ValidFrom, [property: JsonConverter(typeof(IsoLocalDateConverter))] LocalDate ValidTo, [property: JsonConverter(typeof(CamelCaseEnumConverter<CertificateStatus>))] CertificateStatus Status, string Certifier);

/// <summary>A unit's readiness for the certifier: counts, percent of must-criteria fulfilled, per theme, and what blocks.</summary>
/// <param name="Unit">The unit's ID.</param>
/// <param name="Name">The unit's name.</param>
/// <param name="Counts">The counts over every criterion that applies.</param>
/// <param name="PercentMustFulfilled">Share of the applicable must-criteria fulfilled, 0–100.</param>
/// <param name="ReadyForCertifier">Whether no must-criterion blocks.</param>
/// <param name="Themes">The counts per theme, in catalog order.</param>
/// <param name="Blocking">The must-criteria not yet fulfilled.</param>
public sealed record UnitReadinessView(
    UnitId Unit,
    string Name,
    CountsView Counts,
    double PercentMustFulfilled,
    bool ReadyForCertifier,
    IReadOnlyList<ThemeReadinessView> Themes,
    IReadOnlyList<BlockingCriterionView> Blocking);

/// <summary>The whole organisation's readiness: totals and every unit.</summary>
/// <remarks>A view of one moment for a frontend, compared by reference.</remarks>
/// <param name="counts">The totals.</param>
/// <param name="percentMustFulfilled">Share of the applicable must-criteria fulfilled, 0–100.</param>
/// <param name="units">Every unit, headquarters first.</param>
public sealed class OrganisationReadinessView(CountsView counts, double percentMustFulfilled, IReadOnlyList<UnitReadinessView> units)
{
    /// <summary>The totals.</summary>
    public CountsView Counts { get; } = counts;

    /// <summary>Share of the applicable must-criteria fulfilled, 0–100.</summary>
    public double PercentMustFulfilled { get; } = percentMustFulfilled;

    /// <summary>Every unit, headquarters first.</summary>
    public IReadOnlyList<UnitReadinessView> Units { get; } = units;
}

/// <summary>How many applicable criteria are in each status, and how many must-criteria still block.</summary>
/// <param name="NotStarted">Not started.</param>
/// <param name="InProgress">In progress.</param>
/// <param name="Fulfilled">Fulfilled.</param>
/// <param name="NotApplicable">Not applicable, with a justification.</param>
/// <param name="MustTotal">Must-criteria (<i>skal-krav</i>) in all.</param>
/// <param name="MustFulfilled">Must-criteria fulfilled.</param>
/// <param name="MustNotApplicable">Must-criteria not applicable.</param>
/// <param name="MustBlocking">Must-criteria neither fulfilled nor not applicable: what blocks delivery.</param>
public readonly record struct CountsView(int NotStarted, int InProgress, int Fulfilled, int NotApplicable, int MustTotal, int MustFulfilled, int MustNotApplicable, int MustBlocking)
{
    /// <summary>The counts of a readiness.</summary>
    /// <param name="counts">The library's counts.</param>
    /// <returns>The view.</returns>
    public static CountsView Of(ReadinessCounts counts) =>
        new(counts.NotStarted, counts.InProgress, counts.Fulfilled, counts.NotApplicable, counts.MustTotal, counts.MustFulfilled, counts.MustNotApplicable, counts.MustBlocking);
}

/// <summary>Counts for one theme (<i>tema</i>).</summary>
/// <param name="Theme">The theme's ID.</param>
/// <param name="Name">The theme's name.</param>
/// <param name="Counts">The counts.</param>
[JsonConverter(typeof(ThemeReadinessViewJsonConverter))]
public sealed record ThemeReadinessView(string Theme, ContractText Name, CountsView Counts);

/// <summary>A must-criterion that is not fulfilled yet.</summary>
/// <param name="Criterion">The criterion's ID.</param>
/// <param name="Title">Its title.</param>
/// <param name="Theme">Its theme's ID.</param>
/// <param name="Status">Its effective status.</param>
/// <param name="FulfilledBy">Who must fulfil it: headquarters (HK) or the unit.</param>
[JsonConverter(typeof(BlockingCriterionViewJsonConverter))]
public sealed record BlockingCriterionView(int Criterion, ContractText Title, string Theme, [property: JsonConverter(typeof(CamelCaseEnumConverter<FulfilmentStatus>))] FulfilmentStatus Status, [property: JsonConverter(typeof(CamelCaseEnumConverter<ResponsibleParty>))] ResponsibleParty FulfilledBy);

/// <summary>Which criteria apply to a unit, why, and who fulfils each.</summary>
/// <remarks>A view of one moment for a frontend, compared by reference.</remarks>
/// <param name="unit">The unit's ID.</param>
/// <param name="criteria">The criteria, in catalog order.</param>
/// <param name="unansweredQuestions">Introductory questions not answered yet, which may add criteria.</param>
public sealed class ResolutionView(UnitId unit, IReadOnlyList<ResolvedCriterionView> criteria, IReadOnlyList<string> unansweredQuestions)
{
    /// <summary>The unit's ID.</summary>
    public UnitId Unit { get; } = unit;

    /// <summary>The criteria, in catalog order.</summary>
    public IReadOnlyList<ResolvedCriterionView> Criteria { get; } = criteria;

    /// <summary>Introductory questions not answered yet, which may add criteria.</summary>
    public IReadOnlyList<string> UnansweredQuestions { get; } = unansweredQuestions;
}

/// <summary>One criterion that applies to a unit.</summary>
/// <param name="Id">The criterion's ID.</param>
/// <param name="Title">Its title.</param>
/// <param name="Theme">Its theme's ID.</param>
/// <param name="Obligation">Must or should.</param>
/// <param name="Sets">Why: the criteria sets that bring it in.</param>
/// <param name="ActivatedBy">Why: the introductory question whose answer brings it in, if any.</param>
/// <param name="Replaces">Retired criteria it replaces.</param>
/// <param name="FulfilledBy">Who fulfils it: headquarters (HK) for everyone, or the unit itself.</param>
/// <param name="DemandedBy">The units whose sets demand it (for a criterion HK fulfils).</param>
/// <param name="Status">Its effective status for the unit.</param>
public sealed record ResolvedCriterionView(
    int Id,
    ContractText Title,
    string Theme,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<Obligation>))] Obligation Obligation,
    IReadOnlyList<string> Sets,
    string? ActivatedBy,
    IReadOnlyList<int> Replaces,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<ResponsibleParty>))] ResponsibleParty FulfilledBy,
    IReadOnlyList<UnitId> DemandedBy,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<FulfilmentStatus>))] FulfilmentStatus Status);

/// <summary>A recorded assessment of one criterion.</summary>
/// <param name="Criterion">The criterion's ID.</param>
/// <param name="Status">The status recorded.</param>
/// <param name="RecordedAt">When.</param>
/// <param name="RecordedBy">By whom.</param>
/// <param name="Comment">The comment, if any.</param>
/// <param name="Justification">The justification (required for not applicable), if any.</param>
/// <param name="Evidence">Links or references to evidence.</param>
public sealed record AssessmentView(int Criterion, [property: JsonConverter(typeof(CamelCaseEnumConverter<FulfilmentStatus>))] FulfilmentStatus Status, [property: JsonConverter(typeof(IsoInstantConverter))] Instant RecordedAt, string RecordedBy, string? Comment, string? Justification, IReadOnlyList<string> Evidence);

/// <summary>A lifecycle action for a unit: allowed now, or blocked with every reason.</summary>
/// <param name="Action">The action.</param>
/// <param name="Name">The action's name.</param>
/// <param name="Allowed">Whether it is allowed now.</param>
/// <param name="Reasons">Why not, when blocked; empty when allowed.</param>
public sealed record ActionView([property: JsonConverter(typeof(CamelCaseEnumConverter<LifecycleAction>))] LifecycleAction Action, ContractText Name, bool Allowed, IReadOnlyList<ReasonView> Reasons);

/// <summary>A coded reason or problem, with its message.</summary>
/// <param name="Code">The stable code (<c>MFT0301</c>).</param>
/// <param name="Message">The message.</param>
/// <param name="Path">For a problem in a document, the JSON path of the offending value.</param>
public sealed record ReasonView(string Code, ContractText Message, string? Path = null);

/// <summary>A deadline (<i>frist</i>) with its status.</summary>
/// <param name="Id">A stable ID, unique in the organisation.</param>
/// <param name="Kind">What is due.</param>
/// <param name="KindName">The kind's name.</param>
/// <param name="Unit">The unit it is for.</param>
/// <param name="UnitName">The unit's name.</param>
/// <param name="Year">The report year, for annual reports.</param>
/// <param name="NominalDate">The date by the rules.</param>
/// <param name="DueDate">The date it is due, after any move past a holiday.</param>
/// <param name="Postponed">Whether a postponement was granted.</param>
/// <param name="Status">Upcoming, due soon, overdue, met.</param>
/// <param name="StatusName">The status's name.</param>
public sealed record DeadlineView(
    string Id,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<DeadlineKind>))] DeadlineKind Kind,
    ContractText KindName,
    UnitId Unit,
    string UnitName,
    int? Year,
    [property: JsonConverter(typeof(IsoLocalDateConverter))] LocalDate NominalDate,
    [property: JsonConverter(typeof(IsoLocalDateConverter))] LocalDate DueDate,
    bool Postponed,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<DeadlineStatus>))] DeadlineStatus Status,
    ContractText StatusName);
