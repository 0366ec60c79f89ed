using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using P = Miljofyrtarn.Core.Internal.Json.JsonPaths;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>A snapshot's roles: the founder, whether the organisation is governed, its grants and the certifiers assigned to it.</summary>
internal sealed partial class InterchangeReader
{
    /// <summary>A snapshot's recorded recomputations of climate accounts, in order; each unreadable one a problem.</summary>
    public ImmutableArray<AccountRecomputation> SnapshotRecomputations(List<RecomputationDocument?>? d, string path)
    {
        var result = ImmutableArray.CreateBuilder<AccountRecomputation>();
        for (var i = 0; i < (d?.Count ?? 0); i++)
        {
            var at = P.Index(path, i);
            if (d![i] is not { } r)
            {
                Report(ErrorCodes.MissingProperty, at, "recomputation");
                continue;
            }

            Unknown(r.Unknown, at);
            var year = Required(r.Year, at, "year");
            var set = FactorSet(r.FactorSet, at, required: true);
            var when = Required(r.RecomputedAt, at, "recomputedAt");
            var actor = Required(r.Actor, at, "actor");
            if (year is not null && set is not null && when is not null && actor is not null)
            {
                result.Add(new AccountRecomputation(year.Value, set, when.Value, actor));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The roles, <see cref="OrganisationRoles.None"/> when the snapshot has none, or null when any is refused.</summary>
    public OrganisationRoles? SnapshotRoles(RolesDocument? d, string path, HashSet<UnitId> unitIds)
    {
        if (d is null)
        {
            return OrganisationRoles.None;
        }

        Unknown(d.Unknown, path);
        var before = _problems.Count;
        var grants = ImmutableList.CreateBuilder<RoleGrant>();
        for (var i = 0; i < (d.Grants?.Count ?? 0); i++)
        {
            if (Grant(d.Grants![i], P.Index(P.Property(path, "grants"), i), unitIds) is { } grant)
            {
                grants.Add(grant);
            }
        }

        var assignments = ImmutableList.CreateBuilder<CertifierAssignment>();
        for (var i = 0; i < (d.Assignments?.Count ?? 0); i++)
        {
            var at = P.Index(P.Property(path, "assignments"), i);
            var a = d.Assignments![i];
            if (a is null)
            {
                Report(ErrorCodes.MissingProperty, at, "assignment");
                continue;
            }

            Unknown(a.Unknown, at);
            var certifier = Certifier(a.Certifier, at);
            var assignedAt = Required(a.AssignedAt, at, "assignedAt");
            var assignedBy = Required(a.AssignedBy, at, "assignedBy");
            if (certifier is not null && assignedAt is not null && assignedBy is not null)
            {
                assignments.Add(new CertifierAssignment(certifier, assignedAt.Value, assignedBy));
            }
        }

        var governed = d.Governed ?? false;
        if (!governed && (grants.Count > 0 || assignments.Count > 0))
        {
            Report(ErrorCodes.InvalidValue, P.Property(path, "governed"), "false", "true");
        }

        return _problems.Count > before ? null : OrganisationRoles.Restored(grants.ToImmutable(), assignments.ToImmutable(), governed, d.Founder);
    }

    private RoleGrant? Grant(RoleGrantDocument? g, string at, HashSet<UnitId> unitIds)
    {
        if (g is null)
        {
            Report(ErrorCodes.MissingProperty, at, "grant");
            return null;
        }

        Unknown(g.Unknown, at);
        var person = Required(g.Person, at, "person");
        if (person is { Length: > Actor.MaxLength })
        {
            Report(ErrorCodes.PersonIdTooLong, P.Property(at, "person"), person[..24] + "…", person.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Actor.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        var role = Enum(g.Role, at, "role", InterchangeVocabulary.GrantableRoles);
        var unit = g.Unit is null ? null : UnitId(g.Unit, at, "unit");
        if (unit is { } id && !unitIds.Contains(id))
        {
            Report(ErrorCodes.UnknownUnit, P.Property(at, "unit"), id.Value);
            return null;
        }

        var grantedAt = Required(g.GrantedAt, at, "grantedAt");
        var grantedBy = Required(g.GrantedBy, at, "grantedBy");
        if (g.RevokedAt is { } revokedAt && grantedAt is { } granted && revokedAt < granted)
        {
            Report(ErrorCodes.RangeEndsBeforeStart, P.Property(at, "revokedAt"));
            return null;
        }

        return person is null || role is null || (g.Unit is not null && unit is null) || grantedAt is null || grantedBy is null
            ? null
            : new RoleGrant(person, role.Value, unit, grantedAt.Value, grantedBy, g.RevokedAt, g.RevokedAt is null ? null : g.RevokedBy ?? grantedBy);
    }
}
