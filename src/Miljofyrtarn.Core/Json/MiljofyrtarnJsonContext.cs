using System.Text.Json.Serialization;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Core.Storage;

namespace Miljofyrtarn.Core.Json;

/// <summary>
/// The source-generated, AOT-safe JSON metadata of every web contract (<see cref="OrganisationOverview"/>,
/// <see cref="UnitReadinessView"/>, …) and command (<see cref="LifecycleCommand"/>): camelCase names, enums as camelCase
/// strings, IDs as strings (the domain values' converters are registered here and in <see cref="DomainValueResolver"/>, never on the domain types), dates as ISO <c>2027-03-01</c>, instants as ISO UTC, every property written (null when absent), unknown properties refused.
/// Internal so that its generated members are not public API; hosts reach it through <see cref="MiljofyrtarnJson"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
#if NET9_0_OR_GREATER
    AllowOutOfOrderMetadataProperties = true,
#endif
    GenerationMode = JsonSourceGenerationMode.Default,
    Converters = [typeof(UnitIdJsonConverter), typeof(CamelCaseEnumJsonConverter<MeasureUnit>)])]
[JsonSerializable(typeof(OrganisationOverview))]
[JsonSerializable(typeof(OrganisationReadinessView))]
[JsonSerializable(typeof(UnitReadinessView))]
[JsonSerializable(typeof(ResolutionView))]
[JsonSerializable(typeof(IReadOnlyList<AssessmentView>))]
[JsonSerializable(typeof(IReadOnlyList<ActionView>))]
[JsonSerializable(typeof(IReadOnlyList<DeadlineView>))]
[JsonSerializable(typeof(IReadOnlyList<ReasonView>))]
[JsonSerializable(typeof(ReasonView[]))]
[JsonSerializable(typeof(CountsView))]
[JsonSerializable(typeof(AnnualReportView))]
[JsonSerializable(typeof(ClimateAccountView))]
[JsonSerializable(typeof(System.Collections.Immutable.ImmutableArray<ClimateAccountView>))]
[JsonSerializable(typeof(ClimateTargetView))]
[JsonSerializable(typeof(Page<StreamSummary>))]
[JsonSerializable(typeof(Page<OrganisationSummary>))]
[JsonSerializable(typeof(LifecycleCommand))]
[JsonSerializable(typeof(StartOrganisationCommand))]
[JsonSerializable(typeof(RoleInput))]
[JsonSerializable(typeof(RolesView))]
[JsonSerializable(typeof(PublicOrganisationView))]
[JsonSerializable(typeof(CertifierInput))]
internal sealed partial class MiljofyrtarnJsonContext : JsonSerializerContext;
