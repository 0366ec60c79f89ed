using Miljofyrtarn.Core.Diagnostics;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>
/// The certifier's impartiality (habilitet), checked when the foundation assigns a certifier and again when they certify
/// or recertify (see <c>docs/rules.md</c>, "Roles and impartiality"):
/// <list type="bullet">
/// <item>the certifier certifies for another organisation (a municipality may not certify its own units);</item>
/// <item>in a governed organisation, the certifier is the one assigned to the round;</item>
/// <item>the certifier holds no role in the organisation, granted or implied by its structure;</item>
/// <item>the certifier was not its consultant: never (<see cref="ConsultantIndependence.Ever"/>, the default) or not in
/// this round (<see cref="ConsultantIndependence.SameRound"/>).</item>
/// </list>
/// </summary>
internal static class Impartiality
{
    /// <summary>The first rule the certifier breaks, or null.</summary>
    /// <param name="state">The state.</param>
    /// <param name="book">The rule book: the rules in force on <paramref name="today"/>, and the scheme's time zone.</param>
    /// <param name="today">The day of the check.</param>
    /// <param name="certifier">The certifier.</param>
    /// <param name="assigned">Whether the certifier must be the one assigned (when certifying; not when being assigned).</param>
    /// <param name="position">The unit's position when certifying it: its current certificate starts the round.</param>
    public static Diagnostic? Check(LifecycleState state, SchemeRuleBook book, LocalDate today, Certifier certifier, bool assigned, int position = -1)
    {
        var organisation = state.Organisation;
        if (certifier.OrganisationNumber == organisation.Number)
        {
            return new Diagnostic(ErrorCodes.CertifierNotIndependent, [certifier.Name, organisation.Number.Value]);
        }

        var roles = state.Roles;
        if (assigned && roles.IsGoverned && roles.Assignment?.Certifier.Id != certifier.Id)
        {
            return new Diagnostic(ErrorCodes.CertifierNotAssigned, [certifier.Id, organisation.Name, roles.Assignment?.Certifier.Id ?? "–"]);
        }

        if (string.Equals(roles.Founder, certifier.Id, StringComparison.Ordinal) || organisation.NamesPerson(certifier.Id))
        {
            var (role, _) = roles.Implied(certifier.Id, organisation).First();
            return new Diagnostic(ErrorCodes.CertifierHoldsRole, [certifier.Id, role.ToString(), organisation.Name]);
        }

        if (roles.Grants.FirstOrDefault(g => g.IsActive && g.Role != SchemeRole.Consultant && g.Person == certifier.Id) is { } held)
        {
            return new Diagnostic(ErrorCodes.CertifierHoldsRole, [certifier.Id, held.Role.ToString(), organisation.Name]);
        }

        var since = book.On(today).ConsultantIndependence == ConsultantIndependence.SameRound && position >= 0
            ? state.Units[position].CurrentCertificate?.ValidFrom
            : null;
        return roles.Grants.FirstOrDefault(g => g.Role == SchemeRole.Consultant && g.Person == certifier.Id && EndsAfter(g, since, book)) is { } consultant
            ? new Diagnostic(ErrorCodes.CertifierWasConsultant, [certifier.Id, organisation.Name, book.DateOf(consultant.GrantedAt).ToString("yyyy-MM-dd", null)])
            : null;
    }

    /// <summary>Whether the consultant's role lasted into the round that started on <paramref name="since"/> (null: any time counts).</summary>
    private static bool EndsAfter(RoleGrant consultant, LocalDate? since, SchemeRuleBook book) =>
        since is not { } start || consultant.RevokedAt is not { } ended || book.DateOf(ended) >= start;
}
