using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
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

/// <summary>
/// Documents to domain objects. Collects every problem with its JSON path; the caller throws them all (with lines)
/// and returns nothing when there is any.
/// </summary>
internal sealed partial class InterchangeReader(InterchangeOptions options)
{
    private readonly List<Diagnostic> _problems = [];

    public IReadOnlyList<Diagnostic> Problems => _problems;

    public bool Failed => _problems.Count > 0;

    public void Report(string code, string path, params string[] arguments) => _problems.Add(new Diagnostic(code, arguments, path));

    /// <summary>Whether the document is of a version this library reads; a different version is reported alone, since the rest would mislead.</summary>
    public bool CheckSchemaVersion(int? version, int current, string path, int oldest = 0)
    {
        if (version is null)
        {
            Report(ErrorCodes.MissingProperty, P.Property(path, "schemaVersion"), "schemaVersion");
            return false;
        }

        if (version != current && (version < oldest || version > current))
        {
            // Version 1 is the first; a later version adds a migration step here for each older one.
            Report(ErrorCodes.UnsupportedSchemaVersion, P.Property(path, "schemaVersion"), version.Value.ToString(CultureInfo.InvariantCulture), current.ToString(CultureInfo.InvariantCulture));
            return false;
        }

        return true;
    }

    public void Unknown(Dictionary<string, JsonElement>? unknown, string path)
    {
        if (unknown is null || options.UnknownProperties == UnknownPropertyHandling.Ignore)
        {
            return;
        }

        foreach (var name in unknown.Keys)
        {
            Report(ErrorCodes.UnknownProperty, P.Property(path, name), name);
        }
    }

    public T? Required<T>(T? value, string parent, string name)
        where T : struct
    {
        if (value is null)
        {
            Report(ErrorCodes.MissingProperty, P.Property(parent, name), name);
        }

        return value;
    }

    public string? Required(string? value, string parent, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Report(ErrorCodes.MissingProperty, P.Property(parent, name), name);
            return null;
        }

        return value;
    }

    public TEnum? Enum<TEnum>(string? value, string parent, string name, Vocabulary.Names<TEnum> names)
        where TEnum : struct, System.Enum
    {
        if (Required(value, parent, name) is not { } text)
        {
            return null;
        }

        if (!names.TryParse(text, out var result))
        {
            Report(ErrorCodes.InvalidValue, P.Property(parent, name), text, names.Expected);
            return null;
        }

        return result;
    }

    /// <summary>Runs a domain constructor; its coded refusals become problems at the path.</summary>
    public T? Construct<T>(Func<T> create, string path)
        where T : class
    {
        try
        {
            return create();
        }
        catch (MiljofyrtarnException exception)
        {
            foreach (var diagnostic in exception.Diagnostics)
            {
                _problems.Add(new Diagnostic(diagnostic.Code, diagnostic.Arguments, path));
            }

            return null;
        }
    }

    public UnitId? UnitId(string? value, string parent, string name)
    {
        if (Required(value, parent, name) is not { } text)
        {
            return null;
        }

        if (!Organisations.UnitId.IsValid(text))
        {
            Report(ErrorCodes.InvalidUnitId, P.Property(parent, name), text);
            return null;
        }

        return new UnitId(text);
    }

    public OrganisationNumber? Number(string? value, string parent, string name)
    {
        if (Required(value, parent, name) is not { } text)
        {
            return null;
        }

        if (!OrganisationNumber.TryParse(text, out var number))
        {
            Report(ErrorCodes.InvalidOrganisationNumber, P.Property(parent, name), text);
            return null;
        }

        return number;
    }

    public Person? Person(PersonDocument? document, string path)
    {
        if (document is null)
        {
            Report(ErrorCodes.MissingProperty, path, "person");
            return null;
        }

        Unknown(document.Unknown, path);
        var id = Required(document.Id, path, "id");
        var name = Required(document.Name, path, "name");
        return id is null || name is null ? null : new Person(id, name);
    }

    public UnitDefinition? Unit(UnitDocument? document, string path)
    {
        if (document is null)
        {
            Report(ErrorCodes.MissingProperty, path, "unit");
            return null;
        }

        Unknown(document.Unknown, path);
        var id = UnitId(document.Id, path, "id");
        var name = Required(document.Name, path, "name");
        var officer = document.Officer is null ? null : Person(document.Officer, P.Property(path, "officer"));
        var management = ImmutableArray.CreateBuilder<Person>();
        for (var i = 0; i < (document.Management?.Count ?? 0); i++)
        {
            if (Person(document.Management![i], P.Index(P.Property(path, "management"), i)) is { } person)
            {
                management.Add(person);
            }
        }

        var setIds = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < (document.SetIds?.Count ?? 0); i++)
        {
            if (Required(document.SetIds![i], P.Property(path, "setIds"), i.ToString(CultureInfo.InvariantCulture)) is { } setId)
            {
                setIds.Add(setId);
            }
        }

        var arrangement = CertificateArrangement.Own;
        if (document.Certificate is { } certificate)
        {
            var at = P.Property(path, "certificate");
            Unknown(certificate.Unknown, at);
            var kind = Enum(certificate.Kind, at, "kind", Arrangements);
            var host = kind is CertificateArrangementKind.Own or null ? null : UnitId(certificate.Host, at, "host");
            arrangement = kind switch
            {
                CertificateArrangementKind.CoLocated when host is { } h => CertificateArrangement.CoLocatedWith(h),
                CertificateArrangementKind.Attached when host is { } h => CertificateArrangement.AttachedTo(h),
                _ => CertificateArrangement.Own,
            };
        }

        if (id is null || name is null)
        {
            return null;
        }

        return new UnitDefinition(id.Value, name)
        {
            Address = document.Address,
            Municipality = document.Municipality,
            FullTimeEquivalents = document.FullTimeEquivalents,
            SetIds = setIds.ToImmutable(),
            MainSetId = document.MainSetId,
            Answers = document.Answers?.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary<string, bool>.Empty,
            Officer = officer,
            Management = management.ToImmutable(),
            Certificate = arrangement,
        };
    }

    public CriterionAssessment? Assessment(AssessmentDocument? document, string path)
    {
        if (document is null)
        {
            Report(ErrorCodes.MissingProperty, path, "assessment");
            return null;
        }

        if (document.Unknown is not null)
        {
            Unknown(document.Unknown, path);
        }

        var ok = true;
        var status = FulfilmentStatus.NotStarted;
        if (document.Status is null)
        {
            Report(ErrorCodes.MissingProperty, P.Property(path, "status"), "status");
            ok = false;
        }
        else if (!Statuses.TryParse(document.Status, out status))
        {
            Report(ErrorCodes.InvalidValue, P.Property(path, "status"), document.Status, Statuses.Expected);
            ok = false;
        }

        if (document.RecordedAt is null)
        {
            Report(ErrorCodes.MissingProperty, P.Property(path, "recordedAt"), "recordedAt");
            ok = false;
        }

        if (string.IsNullOrWhiteSpace(document.RecordedBy))
        {
            Report(ErrorCodes.MissingProperty, P.Property(path, "recordedBy"), "recordedBy");
            ok = false;
        }

        var evidence = ImmutableArray<EvidenceReference>.Empty;
        if (document.Evidence is { Count: > 0 } items)
        {
            var builder = ImmutableArray.CreateBuilder<EvidenceReference>(items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                var itemPath = P.Index(P.Property(path, "evidence"), i);
                if (items[i] is not { } item)
                {
                    Report(ErrorCodes.MissingProperty, itemPath, "evidence");
                    continue;
                }

                Unknown(item.Unknown, itemPath);
                if (Construct(() => new EvidenceReference(item.Reference!, item.Sha256, item.ValidUntil), itemPath) is { } reference)
                {
                    builder.Add(reference);
                }
            }

            evidence = builder.ToImmutable();
        }

        if (!ok)
        {
            return null;
        }

        try
        {
            return new CriterionAssessment(status, document.RecordedAt!.Value, document.RecordedBy!, document.Comment, document.Justification, evidence);
        }
        catch (MiljofyrtarnException exception)
        {
            foreach (var diagnostic in exception.Diagnostics)
            {
                _problems.Add(new Diagnostic(diagnostic.Code, diagnostic.Arguments, path));
            }

            return null;
        }
    }

    /// <summary>An event: the common fields, then its own, read by its type's entry in <see cref="EventRegistry"/>; an unknown type is refused with the known ones.</summary>
    public LifecycleEvent? Event(EventDocument? d, string path)
    {
        if (d is null)
        {
            Report(ErrorCodes.MissingProperty, path, "event");
            return null;
        }

        Unknown(d.Unknown, path);
        var entry = EventEntry(d.Type, path);
        var sequence = Required(d.Sequence, path, "sequence");
        var at = Required(d.OccurredAt, path, "occurredAt");
        var actor = Required(d.Actor, path, "actor");
        if (sequence is < 1)
        {
            Report(ErrorCodes.InvalidValue, P.Property(path, "sequence"), sequence.Value.ToString(CultureInfo.InvariantCulture), "≥ 1");
            return null;
        }

        return entry is null || sequence is null || at is null || actor is null
            ? null
            : entry.Read(this, d, new EventHead(sequence.Value, at.Value, actor, path));
    }

    private EventEntry? EventEntry(string? type, string path)
    {
        if (Required(type, path, "type") is not { } name)
        {
            return null;
        }

        var entry = EventRegistry.Find(name);
        if (entry is null)
        {
            Report(ErrorCodes.InvalidValue, P.Property(path, "type"), name, EventRegistry.Expected);
        }

        return entry;
    }

    /// <summary>A certifier, required at <c>certifier</c> under the path.</summary>
    public Certifier? Certifier(CertifierDocument? c, string path)
    {
        var at = P.Property(path, "certifier");
        if (c is null)
        {
            Report(ErrorCodes.MissingProperty, at, "certifier");
            return null;
        }

        Unknown(c.Unknown, at);
        var organisation = Number(c.OrganisationNumber, at, "organisationNumber");
        return organisation is null ? null : Construct(() => new Certifier(c.Id ?? string.Empty, c.Name ?? string.Empty, organisation.Value), at);
    }

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

        var state = new LifecycleState(organisation, Internal.PersistentVector<UnitLifecycle>.From(lifecycles), d.StartUpListSentOn, lastEventAt!.Value, version!.Value);

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
