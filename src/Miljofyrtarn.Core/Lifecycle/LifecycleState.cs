using System.Collections.Immutable;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>The state an organisation's events fold into: the organisation, each unit's lifecycle, the start-up, and the last event.</summary>
internal sealed record LifecycleState(
    Organisation Organisation,
    ImmutableArray<UnitLifecycle> Units,
    LocalDate? StartUpListSentOn,
    Instant LastEventAt,
    long Version);
