using System.Collections.Immutable;
using System.Globalization;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Catalog.Json;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using NodaTime;
using static Miljofyrtarn.Core.Interchange.InterchangeVocabulary;
using P = Miljofyrtarn.Core.Internal.Json.JsonPaths;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>Snapshots: the organisation, each unit's lifecycle and the state, checked against the catalog.</summary>
internal sealed partial class InterchangeReader
{
    /// <summary>A snapshot to a lifecycle; references are checked against the catalog and among the units.</summary>
    public OrganisationLifecycle? Snapshot(SnapshotDocument d, CriteriaCatalog catalog, IClock clock, SchemeRuleBook rules)
    {
        const string root = P.Root;
        if (!CheckSchemaVersion(d.SchemaVersion, SnapshotJson.CurrentSchemaVersion, root))
        {
            return null;
        }

        Unknown(d.Unknown, root);

        var catalogVersion = Required(d.CatalogVersion, root, "catalogVersion");
        if (catalogVersion is not null && catalogVersion != catalog.Version)
        {
            Report(ErrorCodes.CatalogMismatch, P.Property(root, "catalogVersion"), catalogVersion, catalog.Version);
        }

        var version = Required(d.Version, root, "version");
        var lastEventAt = Required(d.LastEventAt, root, "lastEventAt");
        var name = Required(d.Name, root, "name");
        var kind = Enum(d.Kind, root, "kind", Vocabulary.OrganisationKinds);
        var number = Number(d.Number, root, "number");
        var startedOn = Required(d.StartedOn, root, "startedOn");
        CriteriaSet? commonSet = null;
        if (Required(d.CommonSetId, root, "commonSetId") is { } commonSetId && !catalog.TryGetSet(commonSetId, out commonSet))
        {
            Report(ErrorCodes.UnknownSet, P.Property(root, "commonSetId"), commonSetId, catalog.Version);
        }

        CriteriaSet? pendingCommonSet = null;
        if (d.PendingCommonSetId is { } pendingId)
        {
            if (!catalog.TryGetSet(pendingId, out pendingCommonSet))
            {
                Report(ErrorCodes.UnknownSet, P.Property(root, "pendingCommonSetId"), pendingId, catalog.Version);
            }
            else if (pendingCommonSet.Kind != CriteriaSetKind.Common || pendingCommonSet == commonSet)
            {
                Report(ErrorCodes.InvalidValue, P.Property(root, "pendingCommonSetId"), pendingId, "a common set other than commonSetId");
            }
        }

        var allocation = ImmutableDictionary.CreateBuilder<int, ResponsibleParty>();
        foreach (var (key, value) in d.Allocation ?? [])
        {
            var at = P.Property(P.Property(root, "allocation"), key);
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var criterionId))
            {
                Report(ErrorCodes.InvalidValue, at, key, "criterion ID");
                continue;
            }

            if (!Parties.TryParse(value, out var party))
            {
                Report(ErrorCodes.InvalidValue, at, value, Parties.Expected);
                continue;
            }

            allocation[criterionId] = party;
        }

        var units = new List<(UnitDefinition, UnitRole)>();
        var assessments = new List<IReadOnlyList<(int, CriterionAssessment)>>();
        var lifecycles = new List<UnitLifecycle>();
        var unitsPath = P.Property(root, "units");
        if (d.Units is null)
        {
            Report(ErrorCodes.MissingProperty, unitsPath, "units");
        }

        for (var i = 0; i < (d.Units?.Count ?? 0); i++)
        {
            var at = P.Index(unitsPath, i);
            var document = d.Units![i];
            var unit = Unit(document, at);
            var role = document is null ? null : Enum(document.Role, at, "role", Roles);
            var recorded = new List<(int, CriterionAssessment)>(document?.Assessments?.Records.Count ?? 0);
            if (document?.Assessments is { } records)
            {
                var assessmentsPath = P.Property(at, "assessments");
                foreach (var (index, property, code, arguments) in records.Problems)
                {
                    var item = P.Index(assessmentsPath, index);
                    Report(code, property is null ? item : property.StartsWith("evidence[", StringComparison.Ordinal) ? item + "." + property : P.Property(item, property), arguments);
                }

                if (options.UnknownProperties == UnknownPropertyHandling.Refuse)
                {
                    foreach (var (index, unknown) in records.UnknownProperties)
                    {
                        var item = P.Index(assessmentsPath, index);
                        Report(ErrorCodes.UnknownProperty, unknown.StartsWith("evidence[", StringComparison.Ordinal) ? item + "." + unknown : P.Property(item, unknown), unknown);
                    }
                }

                foreach (var (index, criterionId, assessment) in records.Records)
                {
                    if (catalog.TryGetCriterion(criterionId, out _))
                    {
                        recorded.Add((criterionId, assessment));
                    }
                    else
                    {
                        Report(ErrorCodes.UnknownCriterion, P.Property(P.Index(assessmentsPath, index), "criterionId"), criterionId.ToString(CultureInfo.InvariantCulture));
                    }
                }
            }

            var lifecycle = unit is null ? null : Lifecycle(document!.Lifecycle, P.Property(at, "lifecycle"), unit, rules);
            if (unit is not null && role is not null && lifecycle is not null)
            {
                units.Add((unit, role.Value));
                assessments.Add(recorded);
                lifecycles.Add(lifecycle);
            }
        }

        // Certificates may only name units of this organisation.
        var unitIds = units.Select(u => u.Item1.Id).ToHashSet();
        for (var i = 0; i < (d.Units?.Count ?? 0); i++)
        {
            for (var c = 0; c < (d.Units![i]?.Lifecycle?.Certificates?.Count ?? 0); c++)
            {
                var certificate = d.Units[i]!.Lifecycle!.Certificates![c];
                var at = P.Index(P.Property(P.Property(P.Index(unitsPath, i), "lifecycle"), "certificates"), c);
                foreach (var (reference, property) in (certificate?.Units ?? []).Select(u => (u, "units")).Prepend((certificate?.Holder, "holder")))
                {
                    if (reference is not null && Organisations.UnitId.IsValid(reference) && !unitIds.Contains(new UnitId(reference)))
                    {
                        Report(ErrorCodes.UnknownUnit, P.Property(at, property), reference);
                    }
                }
            }
        }

        if (Failed || commonSet is null)
        {
            return null;
        }

        var problems = new Diagnostics.Problems();
        var organisation = Construct(() => Organisation.Restore(catalog, name!, kind!.Value, number!.Value, startedOn!.Value, commonSet, pendingCommonSet, units, allocation.ToImmutable(), assessments, problems), unitsPath);
        if (organisation is null)
        {
            return null;
        }

        var roles = SnapshotRoles(d.Roles, P.Property(root, "roles"), unitIds);
        if (roles is null)
        {
            return null;
        }

        var recomputations = SnapshotRecomputations(d.Recomputations, P.Property(root, "recomputations"));
        var target = ClimateTarget(d.ClimateTarget, root, "climateTarget", required: false);
        if (d.ClimateTarget is not null && target is null)
        {
            return null;
        }

        var state = new LifecycleState(organisation, Internal.PersistentVector<UnitLifecycle>.From(lifecycles), d.StartUpListSentOn, lastEventAt!.Value, version!.Value)
        {
            Roles = roles, Recomputations = recomputations, ClimateTarget = target,
        };

        // A snapshot is trusted as the state at its version only if some sequence of actions can reach it.
        _problems.AddRange(LifecycleInvariants.Check(state, rules));
        return Failed ? null : OrganisationLifecycle.Restore(state, clock, rules);
    }

    private UnitLifecycle? Lifecycle(UnitLifecycleDocument? d, string path, UnitDefinition owner, SchemeRuleBook rules)
    {
        var unit = owner.Id;
        if (d is null)
        {
            Report(ErrorCodes.MissingProperty, path, "lifecycle");
            return null;
        }

        Unknown(d.Unknown, path);
        var state = Enum(d.State, path, "state", UnitStates);
        var certificates = ImmutableArray.CreateBuilder<Certificate>();
        for (var i = 0; i < (d.Certificates?.Count ?? 0); i++)
        {
            var at = P.Index(P.Property(path, "certificates"), i);
            if (d.Certificates![i] is not { } c)
            {
                Report(ErrorCodes.MissingProperty, at, "certificate");
                continue;
            }

            Unknown(c.Unknown, at);
            var number = Required(c.Number, at, "number");
            var holder = UnitId(c.Holder, at, "holder");
            var issued = Required(c.IssuedOn, at, "issuedOn");
            var from = Required(c.ValidFrom, at, "validFrom");
            var to = Required(c.ValidTo, at, "validTo");
            var status = Enum(c.Status, at, "status", CertificateStatuses);
            var certifier = Required(c.Certifier, at, "certifier");
            var covered = ImmutableArray.CreateBuilder<UnitId>();
            for (var u = 0; u < (c.Units?.Count ?? 0); u++)
            {
                if (UnitId(c.Units![u], P.Property(at, "units"), u.ToString(CultureInfo.InvariantCulture)) is { } id)
                {
                    covered.Add(id);
                }
            }

            if (number is not null && holder is not null && issued is not null && from is not null && to is not null && status is not null && certifier is not null)
            {
                certificates.Add(new Certificate(number, holder.Value, covered.ToImmutable(), issued.Value, from.Value, to.Value, status.Value, certifier));
            }
        }

        var reports = ImmutableSortedDictionary.CreateBuilder<int, AnnualReport>();
        for (var i = 0; i < (d.Reports?.Count ?? 0); i++)
        {
            var at = P.Index(P.Property(path, "reports"), i);
            if (d.Reports![i] is not { } r)
            {
                Report(ErrorCodes.MissingProperty, at, "report");
                continue;
            }

            Unknown(r.Unknown, at);
            var year = Required(r.Year, at, "year");
            var due = Required(r.DueOn, at, "dueOn");
            if (year is not null && due is not null)
            {
                reports[year.Value] = SnapshotReport(r, at, owner, rules, new AnnualReport(year.Value, due.Value, r.SubmittedAt, r.Postponed ?? false));
            }
        }

        var audits = ImmutableArray.CreateBuilder<LocalDate>();
        for (var i = 0; i < (d.FollowUpAudits?.Count ?? 0); i++)
        {
            if (Required(d.FollowUpAudits![i], P.Property(path, "followUpAudits"), i.ToString(CultureInfo.InvariantCulture)) is { } audit)
            {
                audits.Add(audit);
            }
        }

        return state is null ? null : new UnitLifecycle(unit, state.Value, certificates.ToImmutable(), reports.ToImmutable(), d.FirstApprovedOn, audits.ToImmutable());
    }
}
