using System.Text.Json.Serialization;
using Miljofyrtarn.Core.Internal.Json;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Contracts;

// The commands of certification, annual reports and certificates; the first ones are in Commands.cs.

/// <summary>Certifies a unit (<i>sertifisering</i>); the certifier acts, not the caller's actor.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Certifier">The certifier, who is the actor.</param>
/// <param name="CertificateNumber">The new certificate's number.</param>
public sealed record CertifyCommand(UnitId Unit, CertifierInput Certifier, string CertificateNumber) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "certify";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.Certify;

    /// <inheritdoc />
    [JsonIgnore]
    public override UnitId? Subject => Unit;

    /// <inheritdoc />
    [JsonIgnore]
    public override string? ActingPerson => Certifier?.Id;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.Certify(CommandChecks.Require(Unit, "$.unit"), CommandChecks.Require(Certifier, "$.certifier").ToCertifier(), CommandChecks.Require(CertificateNumber, "$.certificateNumber"), expectedVersion);
}

/// <summary>Submits a unit's annual report (<i>årsrapport</i>).</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Year">The report year.</param>
/// <param name="Content">The figures, goals and measures; null records only that it was submitted.</param>
public sealed record SubmitAnnualReportCommand(UnitId Unit, int Year, ReportInput? Content = null) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "submitAnnualReport";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.SubmitAnnualReport;

    /// <inheritdoc />
    [JsonIgnore]
    public override UnitId? Subject => Unit;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.SubmitAnnualReport(CommandChecks.Require(Unit, "$.unit"), Year, actor, Content?.ToReport(lifecycle, Unit, Year, "$.content"), expectedVersion);
}

/// <summary>Corrects a submitted annual report's content.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Year">The report year.</param>
/// <param name="Content">The corrected content.</param>
/// <param name="Reason">Why it is corrected.</param>
public sealed record CorrectAnnualReportCommand(UnitId Unit, int Year, ReportInput Content, string Reason) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "correctAnnualReport";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.CorrectAnnualReport;

    /// <inheritdoc />
    [JsonIgnore]
    public override UnitId? Subject => Unit;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.CorrectAnnualReport(CommandChecks.Require(Unit, "$.unit"), Year, CommandChecks.Require(Content, "$.content").ToReport(lifecycle, Unit, Year, "$.content"), CommandChecks.Require(Reason, "$.reason"), actor, expectedVersion);
}

/// <summary>Recomputes a year's climate account with another emission factor set of the rule book, on the record.</summary>
/// <param name="Year">The report year.</param>
/// <param name="FactorSet">The set's ID, for example <c>no-2023</c>.</param>
/// <param name="PublishedOn">The day the set was published: its version.</param>
public sealed record RecomputeClimateAccountCommand(int Year, string FactorSet, [property: JsonConverter(typeof(IsoLocalDateConverter))] LocalDate PublishedOn) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "recomputeClimateAccount";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.ManageClimateAccount;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.RecomputeClimateAccount(Year, new Reporting.FactorSetReference(CommandChecks.Require(FactorSet, "$.factorSet"), PublishedOn), actor, expectedVersion);
}

/// <summary>Sets the organisation's climate target (klimamål), replacing any earlier one.</summary>
/// <param name="BaseYear">The base year.</param>
/// <param name="Method">The Scope 2 method the emissions are counted with.</param>
/// <param name="Milestones">The targets: each a year and a cut in percent of the base year's emissions.</param>
/// <param name="BaseEmissions">The base year's emissions in kg CO2e when they come from elsewhere; null to take them from the base year's account.</param>
public sealed record SetClimateTargetCommand(
    int BaseYear,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<Reporting.Scope2Method>))] Reporting.Scope2Method Method,
    IReadOnlyList<Reporting.TargetMilestone> Milestones,
    double? BaseEmissions = null) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "setClimateTarget";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.ManageClimateAccount;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.SetClimateTarget(Reporting.ClimateTarget.Create(BaseYear, Method, CommandChecks.Require(Milestones, "$.milestones"), BaseEmissions), actor, expectedVersion);
}

/// <summary>Postpones an annual report's deadline.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Year">The report year.</param>
/// <param name="DueOn">The new due date.</param>
public sealed record GrantPostponementCommand(UnitId Unit, int Year, [property: JsonConverter(typeof(IsoLocalDateConverter))] LocalDate DueOn) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "grantPostponement";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.GrantPostponement;

    /// <inheritdoc />
    [JsonIgnore]
    public override UnitId? Subject => Unit;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.GrantPostponement(CommandChecks.Require(Unit, "$.unit"), Year, DueOn, actor, expectedVersion);
}

/// <summary>Opens a unit's recertification (<i>resertifisering</i>).</summary>
/// <param name="Unit">The unit.</param>
public sealed record OpenRecertificationCommand(UnitId Unit) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "openRecertification";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.OpenRecertification;

    /// <inheritdoc />
    [JsonIgnore]
    public override UnitId? Subject => Unit;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.OpenRecertification(CommandChecks.Require(Unit, "$.unit"), actor, expectedVersion);
}

/// <summary>Recertifies a unit; the certifier acts.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Certifier">The certifier, who is the actor.</param>
/// <param name="CertificateNumber">The new certificate's number.</param>
public sealed record RecertifyCommand(UnitId Unit, CertifierInput Certifier, string CertificateNumber) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "recertify";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.Recertify;

    /// <inheritdoc />
    [JsonIgnore]
    public override UnitId? Subject => Unit;

    /// <inheritdoc />
    [JsonIgnore]
    public override string? ActingPerson => Certifier?.Id;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.Recertify(CommandChecks.Require(Unit, "$.unit"), CommandChecks.Require(Certifier, "$.certifier").ToCertifier(), CommandChecks.Require(CertificateNumber, "$.certificateNumber"), expectedVersion);
}

/// <summary>Withdraws a unit's certificate.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Reason">Why.</param>
public sealed record WithdrawCommand(UnitId Unit, string Reason) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "withdraw";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.Withdraw;

    /// <inheritdoc />
    [JsonIgnore]
    public override UnitId? Subject => Unit;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.Withdraw(CommandChecks.Require(Unit, "$.unit"), CommandChecks.Require(Reason, "$.reason"), actor, expectedVersion);
}

/// <summary>Records that a unit's certificate has expired (the system acts).</summary>
/// <param name="Unit">The unit.</param>
public sealed record ExpireCommand(UnitId Unit) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "expire";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => null;

    /// <inheritdoc />
    [JsonIgnore]
    public override UnitId? Subject => Unit;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.Expire(CommandChecks.Require(Unit, "$.unit"), expectedVersion);
}

/// <summary>Records every certificate that has expired by today (the system acts).</summary>
public sealed record ExpireCertificatesCommand : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "expireCertificates";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => null;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.ExpireCertificates(expectedVersion);
}

/// <summary>Records a follow-up audit (<i>oppfølgingsrevisjon</i>) of a unit.</summary>
/// <param name="Unit">The unit.</param>
public sealed record RecordFollowUpAuditCommand(UnitId Unit) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "recordFollowUpAudit";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.RecordFollowUpAudit;

    /// <inheritdoc />
    [JsonIgnore]
    public override UnitId? Subject => Unit;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.RecordFollowUpAudit(CommandChecks.Require(Unit, "$.unit"), actor, expectedVersion);
}
