using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>
/// A role in the scheme: who may do what in an organisation. The first five are held inside the organisation and granted
/// by its history (<see cref="RoleGranted"/>); the last two come from outside it.
/// </summary>
public enum SchemeRole
{
    /// <summary>Management (ledelsen): delivers the mapping to the certifier. Of one unit, or of the whole organisation.</summary>
    Management = 0,

    /// <summary>The environmental coordinator at headquarters (miljøkoordinator / miljøfyrtårnansvarlig): runs the work for every unit.</summary>
    Coordinator = 1,

    /// <summary>A unit's own contact (miljøfyrtårnansvarlig på enheten): acts for that unit only.</summary>
    UnitContact = 2,

    /// <summary>A consultant (miljøfyrtårnkonsulent): records assessments and reports, but approves nothing.</summary>
    Consultant = 3,

    /// <summary>A read-only member: sees the organisation's data, personal data included, and changes nothing.</summary>
    Reader = 4,

    /// <summary>The certifier (sertifisør) assigned to the organisation by the foundation (<see cref="CertifierAssigned"/>).</summary>
    Certifier = 5,

    /// <summary>Stiftelsen Miljøfyrtårn: assigns certifiers, grants postponements, may withdraw certificates. Vouched for by the host (<see cref="Actor.ForFoundation"/>).</summary>
    Foundation = 6,
}

/// <summary>What an actor asks to do: every command of the lifecycle, and reading an organisation's personal data.</summary>
public enum Operation
{
    /// <summary>Add an underlying unit.</summary>
    AddUnit = 0,

    /// <summary>Change a unit's details.</summary>
    UpdateUnit = 1,

    /// <summary>Remove a unit.</summary>
    RemoveUnit = 2,

    /// <summary>Allocate a criterion to headquarters or the units.</summary>
    Allocate = 3,

    /// <summary>Record an assessment of a criterion.</summary>
    RecordAssessment = 4,

    /// <summary>Complete the start-up.</summary>
    CompleteStartUp = 5,

    /// <summary>Open a unit's mapping.</summary>
    OpenMapping = 6,

    /// <summary>Deliver a unit's mapping to the certifier.</summary>
    Deliver = 7,

    /// <summary>Certify a unit.</summary>
    Certify = 8,

    /// <summary>Submit an annual report.</summary>
    SubmitAnnualReport = 9,

    /// <summary>Record a postponement of an annual report.</summary>
    GrantPostponement = 10,

    /// <summary>Open a unit's recertification.</summary>
    OpenRecertification = 11,

    /// <summary>Recertify a unit.</summary>
    Recertify = 12,

    /// <summary>Withdraw a certificate.</summary>
    Withdraw = 13,

    /// <summary>Correct a submitted annual report.</summary>
    CorrectAnnualReport = 14,

    /// <summary>Record the yearly follow-up audit.</summary>
    RecordFollowUpAudit = 15,

    /// <summary>Grant or revoke a role in the organisation.</summary>
    ManageRoles = 16,

    /// <summary>Assign the certifier of a certification round.</summary>
    AssignCertifier = 17,

    /// <summary>Read who recorded what, e-mail addresses and comments.</summary>
    ReadPersonalData = 18,

    /// <summary>Recompute a year's climate account with a newer emission factor set, or set the organisation's climate target.</summary>
    ManageClimateAccount = 19,
}

/// <summary>
/// Who acts: a person's stable ID (the identity provider's subject), and the roles the host vouches for from its sign-in:
/// that they act for the foundation, or hold a role in the organisation the request is about (for example from a group
/// in Entra ID). Roles in an organisation come from its history; vouched ones count besides them, for the whole
/// organisation. A plain string converts to an actor for whom the host vouches nothing.
/// </summary>
public readonly record struct Actor
{
    /// <summary>An actor for whom the host vouches nothing.</summary>
    /// <param name="id">The person's ID; not blank.</param>
    /// <exception cref="MiljofyrtarnException">The ID is blank (<see cref="ErrorCodes.BlankText"/>).</exception>
    public Actor(string id)
        : this(id, SchemeRoles.None)
    {
    }

    private Actor(string id, SchemeRoles vouched)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw Problems.Single(ErrorCodes.BlankText, "actor");
        }

        CheckPersonId(id);
        Id = id;
        Vouched = vouched;
    }

    /// <summary>
    /// The longest ID of a person the library records (an actor, a person granted a role, a certifier): 256 characters,
    /// room for any e-mail address (254) or identity provider's subject.
    /// </summary>
    public const int MaxLength = 256;

    /// <summary>Refuses a person's ID longer than <see cref="MaxLength"/>, quoting only its beginning.</summary>
    internal static void CheckPersonId(string id)
    {
        if (id.Length > MaxLength)
        {
            throw Problems.Single(ErrorCodes.PersonIdTooLong, id[..24] + "…", id.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The person's ID.</summary>
    public string Id { get; }

    /// <summary>Whether the host vouches that this person acts for Stiftelsen Miljøfyrtårn.</summary>
    public bool ActsForFoundation => Vouched.HasFlag(SchemeRoles.Foundation);

    private SchemeRoles Vouched { get; }

    /// <summary>Whether the host vouches for the role.</summary>
    /// <param name="role">The role.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool IsVouchedFor(SchemeRole role) => Enum.IsDefined(role) && Vouched.HasFlag((SchemeRoles)(1 << (int)role));

    /// <summary>An actor the host vouches for as acting for the foundation.</summary>
    /// <param name="id">The person's ID; not blank.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="MiljofyrtarnException">The ID is blank.</exception>
    public static Actor ForFoundation(string id) => new(id, SchemeRoles.Foundation);

    /// <summary>
    /// The same person, with roles the host vouches for in the organisation at hand (from its identity provider's claims).
    /// The certifier's role cannot be vouched for: the foundation assigns certifiers, in the history.
    /// </summary>
    /// <param name="roles">The roles.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="MiljofyrtarnException">A role is the certifier's, or not a role (<see cref="ErrorCodes.RoleNotGrantable"/>).</exception>
    public Actor WithRoles(IEnumerable<SchemeRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var vouched = Vouched;
        foreach (var role in roles)
        {
            if (role == SchemeRole.Certifier || !Enum.IsDefined(role))
            {
                throw Problems.Single(ErrorCodes.RoleNotGrantable, role.ToString());
            }

            vouched |= (SchemeRoles)(1 << (int)role);
        }

        return new Actor(Id, vouched);
    }

    /// <summary>An actor for whom the host vouches nothing.</summary>
    /// <param name="id">The person's ID.</param>
    public static implicit operator Actor(string id) => new(id);

    /// <inheritdoc />
    public override string ToString() => Id ?? string.Empty;

    /// <summary>The roles a host vouches for, as flags by <see cref="SchemeRole"/>'s value.</summary>
    [Flags]
    private enum SchemeRoles
    {
        None = 0,
        Foundation = 1 << SchemeRole.Foundation,
    }
}

/// <summary>A role granted in an organisation, as its history records it.</summary>
/// <remarks>Immutable.</remarks>
public sealed class RoleGrant
{
    internal RoleGrant(string person, SchemeRole role, UnitId? unit, Instant grantedAt, string grantedBy, Instant? revokedAt = null, string? revokedBy = null)
    {
        Person = person;
        Role = role;
        Unit = unit;
        GrantedAt = grantedAt;
        GrantedBy = grantedBy;
        RevokedAt = revokedAt;
        RevokedBy = revokedBy;
    }

    /// <summary>The person's ID.</summary>
    public string Person { get; }

    /// <summary>The role.</summary>
    public SchemeRole Role { get; }

    /// <summary>The unit the role is held for, or null for the whole organisation.</summary>
    public UnitId? Unit { get; }

    /// <summary>When it was granted.</summary>
    public Instant GrantedAt { get; }

    /// <summary>Who granted it.</summary>
    public string GrantedBy { get; }

    /// <summary>When it was revoked, or null while it is held.</summary>
    public Instant? RevokedAt { get; }

    /// <summary>Who revoked it, or null while it is held.</summary>
    public string? RevokedBy { get; }

    /// <summary>Whether the role is held now.</summary>
    public bool IsActive => RevokedAt is null;

    /// <summary>Whether the role was held at an instant.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> when granted at or before it and not revoked by then.</returns>
    public bool WasActiveAt(Instant instant) => GrantedAt <= instant && (RevokedAt is null || instant < RevokedAt);

    internal RoleGrant Revoke(Instant at, string by) => new(Person, Role, Unit, GrantedAt, GrantedBy, at, by);

    internal bool Covers(UnitId? unit) => Unit is null || Unit == unit;
}

/// <summary>The certifier the foundation assigned to an organisation, and since when: one certification round.</summary>
/// <param name="Certifier">The certifier.</param>
/// <param name="AssignedAt">When the round's assignment was made.</param>
/// <param name="AssignedBy">Who, for the foundation, assigned them.</param>
public sealed record CertifierAssignment(Certifier Certifier, Instant AssignedAt, string AssignedBy);
