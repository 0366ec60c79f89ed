using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;

namespace Miljofyrtarn.Core.Contracts;

/// <summary>Applying a <see cref="LifecycleCommand"/> to a lifecycle: the contracts sit at the edge and call the domain, never the other way.</summary>
public static class LifecycleCommandExtensions
{
    /// <summary>
    /// Applies a command (one lifecycle action with its data, for example as deserialised from a request) with the same
    /// guards and expected-version check as the action's own method.
    /// </summary>
    /// <param name="lifecycle">The lifecycle.</param>
    /// <param name="command">The command.</param>
    /// <param name="actor">
    /// Who acts (ignored by certifications, where the certifier acts, and by expiry, where the system does); a host that
    /// vouches for someone acting for the foundation passes <see cref="Actor.ForFoundation"/>.
    /// </param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">A field is missing, a guard does not hold, or the version is not the expected one; every reason is listed.</exception>
    public static OrganisationLifecycle Apply(this OrganisationLifecycle lifecycle, LifecycleCommand command, Actor actor, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(command);
        return command.ApplyTo(lifecycle, actor, expectedVersion);
    }
}
