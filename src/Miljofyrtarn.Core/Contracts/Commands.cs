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
/// (<see cref="LifecycleCommandExtensions.Apply(OrganisationLifecycle, LifecycleCommand, Actor, long?)"/>), with the same guards and expected-version
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
[JsonDerivedType(typeof(RecomputeClimateAccountCommand), "recomputeClimateAccount")]
[JsonDerivedType(typeof(SetClimateTargetCommand), "setClimateTarget")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
public abstract record LifecycleCommand
{
    private protected LifecycleCommand()
    {
    }

    /// <summary>The command's name, as in JSON's <c>action</c> (<c>deliver</c>); for logs and metrics.</summary>
    [JsonIgnore]
    public abstract string Name { get; }

    /// <summary>
    /// What the command asks permission for (<see cref="RoleTable"/>); null for the clock's own actions (expiry), which
    /// anyone who may see the organisation may trigger.
    /// </summary>
    [JsonIgnore]
    public abstract Operation? Operation { get; }

    /// <summary>The unit the command acts on, or null when it acts on the organisation as a whole.</summary>
    [JsonIgnore]
    public virtual UnitId? Subject => null;

    /// <summary>
    /// Who must be the one acting, when the command names them: the certifier of a certification. A host refuses the
    /// command when the signed-in person is someone else; null for every other command.
    /// </summary>
    [JsonIgnore]
    public virtual string? ActingPerson => null;

    internal abstract OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion);
}

/// <summary>Adds a unit (UE) to the organisation.</summary>
/// <param name="Unit">The unit to add.</param>
public sealed record AddUnitCommand(UnitInput Unit) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "addUnit";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.AddUnit;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.AddUnit(CommandChecks.Require(Unit, "$.unit").ToDefinition(), actor, expectedVersion);
}

/// <summary>Changes a unit's details.</summary>
/// <param name="Unit">The unit's new definition; its ID names the unit.</param>
public sealed record UpdateUnitCommand(UnitInput Unit) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "updateUnit";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.UpdateUnit;

    /// <inheritdoc />
    [JsonIgnore]
    public override UnitId? Subject => Unit?.Id;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.UpdateUnit(CommandChecks.Require(Unit, "$.unit").ToDefinition(), actor, expectedVersion);
}

/// <summary>Removes a unit that has no certificate.</summary>
/// <param name="Unit">The unit.</param>
public sealed record RemoveUnitCommand(UnitId Unit) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "removeUnit";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.RemoveUnit;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
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

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.Allocate;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
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

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.RecordAssessment;

    /// <inheritdoc />
    [JsonIgnore]
    public override UnitId? Subject => Unit;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.RecordAssessment(CommandChecks.Require(Unit, "$.unit"), Criterion, Status, actor, Comment, Justification, Evidence is null ? default : [.. Evidence.Select((e, i) => new EvidenceReference(CommandChecks.Require(e, $"$.evidence[{i}]").Reference, e.Sha256, e.ValidUntil))], expectedVersion);
}

/// <summary>Completes the start-up phase (<i>oppstart</i>).</summary>
/// <param name="StartUpListSentOn">When the start-up list was sent.</param>
public sealed record CompleteStartUpCommand([property: JsonConverter(typeof(IsoLocalDateConverter))] LocalDate StartUpListSentOn) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "completeStartUp";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.CompleteStartUp;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.CompleteStartUp(StartUpListSentOn, actor, expectedVersion);
}

/// <summary>Opens a unit's mapping.</summary>
/// <param name="Unit">The unit.</param>
public sealed record OpenMappingCommand(UnitId Unit) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "openMapping";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.OpenMapping;

    /// <inheritdoc />
    [JsonIgnore]
    public override UnitId? Subject => Unit;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.OpenMapping(CommandChecks.Require(Unit, "$.unit"), actor, expectedVersion);
}

/// <summary>Delivers a unit's mapping to the certifier.</summary>
/// <param name="Unit">The unit.</param>
public sealed record DeliverCommand(UnitId Unit) : LifecycleCommand
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Name => "deliver";

    /// <inheritdoc />
    [JsonIgnore]
    public override Operation? Operation => Lifecycle.Operation.Deliver;

    /// <inheritdoc />
    [JsonIgnore]
    public override UnitId? Subject => Unit;

    internal override OrganisationLifecycle ApplyTo(OrganisationLifecycle lifecycle, Actor actor, long? expectedVersion) =>
        lifecycle.Deliver(CommandChecks.Require(Unit, "$.unit"), actor, expectedVersion);
}
