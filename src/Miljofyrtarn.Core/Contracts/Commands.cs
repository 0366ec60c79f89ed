using System.Text.Json.Serialization;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Internal.Json;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using NodaTime;

namespace Miljofyrtarn.Core.Contracts;

/// <summary>
/// One lifecycle action with its data, as a host receives it in a request and applies it with one call
/// (<see cref="LifecycleCommandExtensions.Apply(OrganisationLifecycle, LifecycleCommand, string, long?)"/>), with the same guards and expected-version
/// check as the typed methods. In JSON the <c>action</c> property names the command and comes first:
/// <c>{"action": "deliver", "unit": "raadhuset"}</c>. Read one with <see cref="Json.MiljofyrtarnJson.ReadCommand(ReadOnlySpan{byte})"/>.
/// </summary>
[JsonDerivedType(typeof(AddUnitCommand), "addUnit")]
[JsonDerivedType(typeof(UpdateUnitCommand), "updateUnit")]
[JsonDerivedType(typeof(RemoveUnitCommand), "removeUnit")]
[JsonDerivedType(typeof(AllocateCommand), "allocate")]
[JsonDerivedType(typeof(RecordAssessmentCommand), "recordAssessment")]
[JsonDerivedType(typeof(CompleteStartUpCommand), "completeStartUp")]
[JsonDerivedType(typeof(OpenMappingCommand), "openMapping")]
[JsonDerivedType(typeof(DeliverCommand), "deliver")]
[JsonDerivedType(typeof(CertifyCommand), "certify")]
[JsonDerivedType(typeof(SubmitAnnualReportCommand), "submitAnnualReport")]
[JsonDerivedType(typeof(CorrectAnnualReportCommand), "correctAnnualReport")]
[JsonDerivedType(typeof(GrantPostponementCommand), "grantPostponement")]
[JsonDerivedType(typeof(OpenRecertificationCommand), "openRecertification")]
[JsonDerivedType(typeof(RecertifyCommand), "recertify")]
[JsonDerivedType(typeof(WithdrawCommand), "withdraw")]
[JsonDerivedType(typeof(ExpireCommand), "expire")]
[JsonDerivedType(typeof(ExpireCertificatesCommand), "expireCertificates")]
[JsonDerivedType(typeof(RecordFollowUpAuditCommand), "recordFollowUpAudit")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
public abstract record LifecycleCommand
{
    private protected LifecycleCommand()
    {
    }

    /// <summary>The command's name, as in JSON's <c>action</c> (<c>deliver</c>); for logs and metrics.</summary>
    [JsonIgnore]
    public abstract string Name { get; }

    internal abstract OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion);
}

/// <summary>Adds a unit (UE) to the organisation.</summary>
/// <param name="Unit">The unit to add.</param>
public sealed record AddUnitCommand(UnitInput Unit) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "addUnit";

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
        lifecycle.AddUnit(CommandChecks.Require(Unit, "$.unit").ToDefinition(), actor, expectedVersion);
}

/// <summary>Changes a unit's details.</summary>
/// <param name="Unit">The unit's new definition; its ID names the unit.</param>
public sealed record UpdateUnitCommand(UnitInput Unit) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "updateUnit";

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
        lifecycle.UpdateUnit(CommandChecks.Require(Unit, "$.unit").ToDefinition(), actor, expectedVersion);
}

/// <summary>Removes a unit that has no certificate.</summary>
/// <param name="Unit">The unit.</param>
public sealed record RemoveUnitCommand(UnitId Unit) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "removeUnit";

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
        lifecycle.RemoveUnit(CommandChecks.Require(Unit, "$.unit"), actor, expectedVersion);
}

/// <summary>Decides who fulfils a criterion: headquarters for everyone, or each unit.</summary>
/// <param name="Criterion">The criterion's ID.</param>
/// <param name="Party">Headquarters (HK) or the unit.</param>
public sealed record AllocateCommand(int Criterion, [property: JsonConverter(typeof(CamelCaseEnumConverter<ResponsibleParty>))] ResponsibleParty Party) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "allocate";

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
        lifecycle.Allocate(Criterion, Party, actor, expectedVersion);
}

/// <summary>Records the assessment of one criterion for a unit (<i>kartlegging</i>).</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Criterion">The criterion's ID.</param>
/// <param name="Status">The status.</param>
/// <param name="Comment">A comment.</param>
/// <param name="Justification">Why the criterion does not apply (required for not applicable).</param>
/// <param name="Evidence">Evidence.</param>
public sealed record RecordAssessmentCommand(UnitId Unit, int Criterion, [property: JsonConverter(typeof(CamelCaseEnumConverter<FulfilmentStatus>))] FulfilmentStatus Status, string? Comment = null, string? Justification = null, IReadOnlyList<EvidenceInput>? Evidence = null) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "recordAssessment";

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
        lifecycle.RecordAssessment(CommandChecks.Require(Unit, "$.unit"), Criterion, Status, actor, Comment, Justification, Evidence is null ? default : [.. Evidence.Select((e, i) => new EvidenceReference(CommandChecks.Require(e, $"$.evidence[{i}]").Reference, e.Sha256, e.ValidUntil))], expectedVersion);
}

/// <summary>Completes the start-up phase (<i>oppstart</i>).</summary>
/// <param name="StartUpListSentOn">When the start-up list was sent.</param>
public sealed record CompleteStartUpCommand([property: JsonConverter(typeof(IsoLocalDateConverter))] LocalDate StartUpListSentOn) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "completeStartUp";

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
        lifecycle.CompleteStartUp(StartUpListSentOn, actor, expectedVersion);
}

/// <summary>Opens a unit's mapping.</summary>
/// <param name="Unit">The unit.</param>
public sealed record OpenMappingCommand(UnitId Unit) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "openMapping";

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
        lifecycle.OpenMapping(CommandChecks.Require(Unit, "$.unit"), actor, expectedVersion);
}

/// <summary>Delivers a unit's mapping to the certifier.</summary>
/// <param name="Unit">The unit.</param>
public sealed record DeliverCommand(UnitId Unit) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "deliver";

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
        lifecycle.Deliver(CommandChecks.Require(Unit, "$.unit"), actor, expectedVersion);
}

/// <summary>Certifies a unit (<i>sertifisering</i>); the certifier acts, not the caller's actor.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Certifier">The certifier, who is the actor.</param>
/// <param name="CertificateNumber">The new certificate's number.</param>
public sealed record CertifyCommand(UnitId Unit, CertifierInput Certifier, string CertificateNumber) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "certify";

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
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

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
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

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
        lifecycle.CorrectAnnualReport(CommandChecks.Require(Unit, "$.unit"), Year, CommandChecks.Require(Content, "$.content").ToReport(lifecycle, Unit, Year, "$.content"), CommandChecks.Require(Reason, "$.reason"), actor, expectedVersion);
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

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
        lifecycle.GrantPostponement(CommandChecks.Require(Unit, "$.unit"), Year, DueOn, actor, expectedVersion);
}

/// <summary>Opens a unit's recertification (<i>resertifisering</i>).</summary>
/// <param name="Unit">The unit.</param>
public sealed record OpenRecertificationCommand(UnitId Unit) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "openRecertification";

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
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

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
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

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
        lifecycle.Withdraw(CommandChecks.Require(Unit, "$.unit"), CommandChecks.Require(Reason, "$.reason"), actor, expectedVersion);
}

/// <summary>Records that a unit's certificate has expired (the system acts).</summary>
/// <param name="Unit">The unit.</param>
public sealed record ExpireCommand(UnitId Unit) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "expire";

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
        lifecycle.Expire(CommandChecks.Require(Unit, "$.unit"), expectedVersion);
}

/// <summary>Records every certificate that has expired by today (the system acts).</summary>
public sealed record ExpireCertificatesCommand : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "expireCertificates";

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
        lifecycle.ExpireCertificates(expectedVersion);
}

/// <summary>Records a follow-up audit (<i>oppfølgingsrevisjon</i>) of a unit.</summary>
/// <param name="Unit">The unit.</param>
public sealed record RecordFollowUpAuditCommand(UnitId Unit) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "recordFollowUpAudit";

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, string actor, long? expectedVersion) =>
        lifecycle.RecordFollowUpAudit(CommandChecks.Require(Unit, "$.unit"), actor, expectedVersion);
}
