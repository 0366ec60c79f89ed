namespace Miljofyrtarn.Core.Organisations;

/// <content>Transient mode, for replay's working state: see <see cref="OrganisationState"/>.</content>
public sealed partial class Organisation
{
    /// <summary>Switches the state to transient mode; only for replay's working state, which no one else can see.</summary>
    internal void BeginTransient() => State.BeginTransient();

    /// <summary>Ends transient mode: the organisation is immutable from now on.</summary>
    internal void Freeze() => State.Freeze();
}
