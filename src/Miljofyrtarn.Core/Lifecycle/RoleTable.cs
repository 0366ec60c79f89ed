using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>
/// Who may do what: for each <see cref="Operation"/>, the roles that may take it. One table, in the style of the
/// lifecycle's; <c>docs/rules.md</c> shows it, rendered by <see cref="Markdown"/> (a test fails when the two differ).
/// </summary>
/// <remarks>
/// An organisation is governed from its first role event (<see cref="OrganisationLifecycle.IsGoverned"/>); from then
/// an action by an actor without one of its roles is refused with <see cref="ErrorCodes.ActorLacksRole"/> (category
/// <see cref="ErrorCategory.Forbidden"/>) and nothing changes. A role held for one unit counts only for actions on that
/// unit; a role held for the organisation counts everywhere. The foundation's role is never held: the host vouches for
/// it per request (<see cref="Actor.ForFoundation"/>).
/// </remarks>
public static class RoleTable
{
    private const SchemeRole M = SchemeRole.Management, C = SchemeRole.Coordinator, U = SchemeRole.UnitContact, K = SchemeRole.Consultant,
        R = SchemeRole.Reader, S = SchemeRole.Certifier, F = SchemeRole.Foundation;

    private static readonly FrozenDictionary<Operation, ImmutableArray<SchemeRole>> Table = new Dictionary<Operation, ImmutableArray<SchemeRole>>
    {
        [Operation.AddUnit] = [M, C],
        [Operation.UpdateUnit] = [M, C, U],
        [Operation.RemoveUnit] = [M, C],
        [Operation.Allocate] = [M, C],
        [Operation.RecordAssessment] = [C, U, K],
        [Operation.CompleteStartUp] = [M, C],
        [Operation.OpenMapping] = [M, C, U],
        [Operation.Deliver] = [M],
        [Operation.Certify] = [S],
        [Operation.SubmitAnnualReport] = [M, C, U],
        [Operation.GrantPostponement] = [F],
        [Operation.OpenRecertification] = [M, C, U],
        [Operation.Recertify] = [S],
        [Operation.Withdraw] = [S, F],
        [Operation.CorrectAnnualReport] = [M, C, U],
        [Operation.RecordFollowUpAudit] = [S],
        [Operation.ManageRoles] = [M, C],
        [Operation.AssignCertifier] = [F],
        [Operation.ReadPersonalData] = [M, C, U, K, R, S],
        [Operation.ManageClimateAccount] = [M, C],
    }.ToFrozenDictionary();

    /// <summary>The operation of each lifecycle action, by its value; null for the clock's own (expiry).</summary>
    private static readonly Operation?[] ByAction = [.. Enum.GetValues<LifecycleAction>().Order().Select(a => Enum.TryParse<Operation>(a.ToString(), out var o) ? o : (Operation?)null)];

    /// <summary>The operation a lifecycle action asks permission for, or null (expiry: the clock acts).</summary>
    internal static Operation? OperationOf(LifecycleAction action) => ByAction[(int)action];

    /// <summary>The roles that may take an operation, in the order of <see cref="SchemeRole"/>.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>The roles.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined operation.</exception>
    public static ImmutableArray<SchemeRole> RolesFor(Operation operation) =>
        Table.TryGetValue(operation, out var roles) ? roles : throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a defined operation.");

    /// <summary>Whether a role may take an operation.</summary>
    /// <param name="role">The role.</param>
    /// <param name="operation">The operation.</param>
    /// <returns><see langword="true"/> when the table allows it.</returns>
    public static bool Allows(SchemeRole role, Operation operation) => RolesFor(operation).Contains(role);

    /// <summary>The table as Markdown: an operation a row, a role a column, ✓ where allowed.</summary>
    /// <param name="language">The language of the names.</param>
    /// <returns>The table.</returns>
    public static string Markdown(Language language = Language.NorwegianBokmal)
    {
        var roles = Enum.GetValues<SchemeRole>();
        var text = new StringBuilder();
        text.Append('|').Append(language == Language.English ? " operation " : " handling ").Append('|');
        foreach (var role in roles)
        {
            text.Append(' ').Append(Terms.Get("role", role.ToString(), language)).Append(" |");
        }

        text.Append('\n').Append("|---|").Append(string.Concat(Enumerable.Repeat(":-:|", roles.Length))).Append('\n');
        foreach (var operation in Enum.GetValues<Operation>())
        {
            text.Append("| ").Append(Terms.Get("operation", operation.ToString(), language)).Append(" |");
            foreach (var role in roles)
            {
                text.Append(Allows(role, operation) ? " ✓ |" : "   |");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Why the actor may not take the operation in this state, or null when they may: when they hold one of its roles
    /// for the unit (or the organisation), or the host vouches for one of them (<see cref="Actor.WithRoles"/>,
    /// <see cref="Actor.ForFoundation"/>).
    /// In an organisation not yet governed, every operation but the role events themselves is allowed.
    /// </summary>
    internal static Diagnostic? Check(LifecycleState state, in Actor actor, Operation operation, UnitId? unit)
    {
        // Role events govern the organisation, so they are checked before it is: by the roles its structure implies.
        if (!state.Roles.IsGoverned && operation is not (Operation.ManageRoles or Operation.AssignCertifier))
        {
            return null;
        }

        var allowed = RolesFor(operation);
        foreach (var role in allowed)
        {
            if (actor.IsVouchedFor(role))
            {
                return null;
            }
        }

        var held = state.Roles.Held(actor.Id, unit, state.Organisation);
        foreach (var role in allowed)
        {
            if (held.Contains(role))
            {
                return null;
            }
        }

        return new Diagnostic(ErrorCodes.ActorLacksRole, [actor.Id, operation.ToString(), state.Organisation.Name, string.Join(", ", allowed)]);
    }
}
