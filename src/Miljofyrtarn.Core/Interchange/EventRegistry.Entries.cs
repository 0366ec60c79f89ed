using Miljofyrtarn.Core.Catalog.Json;
using Miljofyrtarn.Core.Lifecycle;
using static Miljofyrtarn.Core.Interchange.InterchangeVocabulary;
using P = Miljofyrtarn.Core.Internal.Json.JsonPaths;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>The entries of <see cref="EventRegistry"/>: one per event type, its wire name, required fields, reader and writer side by side.</summary>
internal static partial class EventRegistry
{
    /// <summary>The entries, in the order of the schema's <c>type</c> enumeration.</summary>
    // Stryker disable String : the wire names and required fields are built once, in EventRegistry's static initializer,
    // where Stryker.NET cannot switch a mutant on after the first test; EventRegistryTest compares every one with the schema.
    private static IEnumerable<EventEntry> Entries() =>
    [
        Entry<OrganisationCreated>(
            "organisationCreated", ["catalogVersion", "name", "kind", "number", "startedOn", "headquarters"],
            static (r, d, in h) =>
            {
                var catalog = r.Required(d.CatalogVersion, h.Path, "catalogVersion");
                var name = r.Required(d.Name, h.Path, "name");
                var kind = r.Enum(d.Kind, h.Path, "kind", Vocabulary.OrganisationKinds);
                var number = r.Number(d.Number, h.Path, "number");
                var started = r.Required(d.StartedOn, h.Path, "startedOn");
                var hq = r.Unit(d.Headquarters, P.Property(h.Path, "headquarters"));
                return catalog is null || name is null || kind is null || number is null || started is null || hq is null
                    ? null
                    : new OrganisationCreated(h.Sequence, h.At, h.Actor, catalog, name, kind.Value, number.Value, started.Value, hq);
            },
            static (e, d) =>
            {
                d.CatalogVersion = e.CatalogVersion;
                d.Name = e.Name;
                d.Kind = Vocabulary.OrganisationKinds.Name(e.Kind);
                d.Number = e.Number.Value;
                d.StartedOn = e.StartedOn;
                d.Headquarters = InterchangeWriter.Unit(e.Headquarters, null);
            }),
        Entry<UnitAdded>(
            "unitAdded", ["unitDefinition"],
            static (r, d, in h) => r.Unit(d.UnitDefinition, P.Property(h.Path, "unitDefinition")) is { } unit ? new UnitAdded(h.Sequence, h.At, h.Actor, unit) : null,
            static (e, d) => d.UnitDefinition = InterchangeWriter.Unit(e.Unit, null)),
        Entry<UnitUpdated>(
            "unitUpdated", ["unitDefinition"],
            static (r, d, in h) => r.Unit(d.UnitDefinition, P.Property(h.Path, "unitDefinition")) is { } unit ? new UnitUpdated(h.Sequence, h.At, h.Actor, unit) : null,
            static (e, d) => d.UnitDefinition = InterchangeWriter.Unit(e.Unit, null)),
        Entry<UnitRemoved>(
            "unitRemoved", ["unit"],
            static (r, d, in h) => r.UnitId(d.Unit, h.Path, "unit") is { } unit ? new UnitRemoved(h.Sequence, h.At, h.Actor, unit) : null,
            static (e, d) => d.Unit = e.Unit.Value),
        Entry<ResponsibilityAllocated>(
            "responsibilityAllocated", ["criterionId", "party"],
            static (r, d, in h) =>
            {
                var criterion = r.Required(d.CriterionId, h.Path, "criterionId");
                var party = r.Enum(d.Party, h.Path, "party", Parties);
                return criterion is null || party is null ? null : new ResponsibilityAllocated(h.Sequence, h.At, h.Actor, criterion.Value, party.Value);
            },
            static (e, d) =>
            {
                d.CriterionId = e.CriterionId;
                d.Party = Parties.Name(e.Party);
            }),
        Entry<AssessmentRecorded>(
            "assessmentRecorded", ["unit", "criterionId", "assessment"],
            static (r, d, in h) =>
            {
                var unit = r.UnitId(d.Unit, h.Path, "unit");
                var criterion = r.Required(d.CriterionId, h.Path, "criterionId");
                var assessment = r.Assessment(d.Assessment, P.Property(h.Path, "assessment"));
                return unit is null || criterion is null || assessment is null ? null : new AssessmentRecorded(h.Sequence, h.At, h.Actor, unit.Value, criterion.Value, assessment);
            },
            static (e, d) =>
            {
                d.Unit = e.Unit.Value;
                d.CriterionId = e.CriterionId;
                d.Assessment = InterchangeWriter.Assessment(e.Assessment, new AssessmentDocument());
            }),
    
        Entry<StartUpCompleted>(
            "startUpCompleted", ["startUpListSentOn"],
            static (r, d, in h) => r.Required(d.StartUpListSentOn, h.Path, "startUpListSentOn") is { } sent ? new StartUpCompleted(h.Sequence, h.At, h.Actor, sent) : null,
            static (e, d) => d.StartUpListSentOn = e.StartUpListSentOn),
        Entry<MappingOpened>(
            "mappingOpened", ["unit"],
            static (r, d, in h) => r.UnitId(d.Unit, h.Path, "unit") is { } unit ? new MappingOpened(h.Sequence, h.At, h.Actor, unit) : null,
            static (e, d) => d.Unit = e.Unit.Value),
        Entry<MappingDelivered>(
            "mappingDelivered", ["unit"],
            static (r, d, in h) => r.UnitId(d.Unit, h.Path, "unit") is { } unit ? new MappingDelivered(h.Sequence, h.At, h.Actor, unit) : null,
            static (e, d) => d.Unit = e.Unit.Value),
        Entry<UnitCertified>(
            "unitCertified", ["unit", "certifier", "certificateNumber", "recertification"],
            static (r, d, in h) =>
            {
                var unit = r.UnitId(d.Unit, h.Path, "unit");
                var number = r.Required(d.CertificateNumber, h.Path, "certificateNumber");
                var recertification = r.Required(d.Recertification, h.Path, "recertification");
                var certifier = r.Certifier(d.Certifier, h.Path);
                return unit is null || number is null || recertification is null || certifier is null
                    ? null
                    : new UnitCertified(h.Sequence, h.At, h.Actor, unit.Value, certifier, number, recertification.Value);
            },
            static (e, d) =>
            {
                d.Unit = e.Unit.Value;
                d.Certifier = InterchangeWriter.Certifier(e.Certifier);
                d.CertificateNumber = e.CertificateNumber;
                d.Recertification = e.Recertification;
            }),
        Entry<AnnualReportSubmitted>(
            "annualReportSubmitted", ["unit", "year"],
            static (r, d, in h) =>
            {
                var unit = r.UnitId(d.Unit, h.Path, "unit");
                var year = r.Required(d.Year, h.Path, "year");
                var content = d.Content is null || unit is null || year is null ? null : r.Content(d.Content, P.Property(h.Path, "content"), unit.Value, year.Value);
                var set = r.FactorSet(d.FactorSet, h.Path, required: false);
                return unit is null || year is null || (d.Content is not null && content is null) || (d.FactorSet is not null && set is null)
                    ? null
                    : new AnnualReportSubmitted(h.Sequence, h.At, h.Actor, unit.Value, year.Value, content, set);
            },
            static (e, d) =>
            {
                d.Unit = e.Unit.Value;
                d.Year = e.Year;
                d.Content = ReportWriter.Content(e.Content);
                d.FactorSet = InterchangeReader.FactorSetDocument(e.FactorSet);
            }),
        Entry<ClimateAccountRecomputed>(
            "climateAccountRecomputed", ["year", "factorSet"],
            static (r, d, in h) =>
            {
                var year = r.Required(d.Year, h.Path, "year");
                var set = r.FactorSet(d.FactorSet, h.Path, required: true);
                return year is null || set is null ? null : new ClimateAccountRecomputed(h.Sequence, h.At, h.Actor, year.Value, set);
            },
            static (e, d) =>
            {
                d.Year = e.Year;
                d.FactorSet = InterchangeReader.FactorSetDocument(e.FactorSet);
            }),
        Entry<PostponementGranted>(
            "postponementGranted", ["unit", "year", "dueOn"],
            static (r, d, in h) =>
            {
                var unit = r.UnitId(d.Unit, h.Path, "unit");
                var year = r.Required(d.Year, h.Path, "year");
                var due = r.Required(d.DueOn, h.Path, "dueOn");
                return unit is null || year is null || due is null ? null : new PostponementGranted(h.Sequence, h.At, h.Actor, unit.Value, year.Value, due.Value);
            },
            static (e, d) =>
            {
                d.Unit = e.Unit.Value;
                d.Year = e.Year;
                d.DueOn = e.DueOn;
            }),
        Entry<RecertificationOpened>(
            "recertificationOpened", ["unit", "commonSetId"],
            static (r, d, in h) =>
            {
                var unit = r.UnitId(d.Unit, h.Path, "unit");
                var set = r.Required(d.CommonSetId, h.Path, "commonSetId");
                return unit is null || set is null ? null : new RecertificationOpened(h.Sequence, h.At, h.Actor, unit.Value, set);
            },
            static (e, d) =>
            {
                d.Unit = e.Unit.Value;
                d.CommonSetId = e.CommonSetId;
            }),
        Entry<CertificateWithdrawn>(
            "certificateWithdrawn", ["unit", "reason"],
            static (r, d, in h) =>
            {
                var unit = r.UnitId(d.Unit, h.Path, "unit");
                var reason = r.Required(d.Reason, h.Path, "reason");
                return unit is null || reason is null ? null : new CertificateWithdrawn(h.Sequence, h.At, h.Actor, unit.Value, reason);
            },
            static (e, d) =>
            {
                d.Unit = e.Unit.Value;
                d.Reason = e.Reason;
            }),
        Entry<CertificateExpired>(
            "certificateExpired", ["unit"],
            static (r, d, in h) => r.UnitId(d.Unit, h.Path, "unit") is { } unit ? new CertificateExpired(h.Sequence, h.At, h.Actor, unit) : null,
            static (e, d) => d.Unit = e.Unit.Value),
        Entry<AnnualReportCorrected>(
            "annualReportCorrected", ["unit", "year", "content", "reason"],
            static (r, d, in h) =>
            {
                var unit = r.UnitId(d.Unit, h.Path, "unit");
                var year = r.Required(d.Year, h.Path, "year");
                var reason = r.Required(d.Reason, h.Path, "reason");
                var content = r.RequiredObject(d.Content, h.Path, "content") is { } c && unit is not null && year is not null ? r.Content(c, P.Property(h.Path, "content"), unit.Value, year.Value) : null;
                return unit is null || year is null || reason is null || content is null ? null : new AnnualReportCorrected(h.Sequence, h.At, h.Actor, unit.Value, year.Value, content, reason);
            },
            static (e, d) =>
            {
                d.Unit = e.Unit.Value;
                d.Year = e.Year;
                d.Content = ReportWriter.Content(e.Content);
                d.Reason = e.Reason;
            }),
        Entry<FollowUpAuditRecorded>(
            "followUpAuditRecorded", ["unit"],
            static (r, d, in h) => r.UnitId(d.Unit, h.Path, "unit") is { } unit ? new FollowUpAuditRecorded(h.Sequence, h.At, h.Actor, unit) : null,
            static (e, d) => d.Unit = e.Unit.Value),
        Entry<RoleGranted>(
            "roleGranted", ["person", "role"],
            static (r, d, in h) => r.RoleEvent(d, h) is ({ } person, { } role, var unit, true) ? new RoleGranted(h.Sequence, h.At, h.Actor, person, role, unit) : null,
            static (e, d) => InterchangeWriter.Role(d, e.Person, e.Role, e.Unit)),
        Entry<RoleRevoked>(
            "roleRevoked", ["person", "role"],
            static (r, d, in h) => r.RoleEvent(d, h) is ({ } person, { } role, var unit, true) ? new RoleRevoked(h.Sequence, h.At, h.Actor, person, role, unit) : null,
            static (e, d) => InterchangeWriter.Role(d, e.Person, e.Role, e.Unit)),
        Entry<CertifierAssigned>(
            "certifierAssigned", ["certifier"],
            static (r, d, in h) => r.Certifier(d.Certifier, h.Path) is { } certifier ? new CertifierAssigned(h.Sequence, h.At, h.Actor, certifier) : null,
            static (e, d) => d.Certifier = InterchangeWriter.Certifier(e.Certifier)),
        Entry<ClimateTargetSet>(
            "climateTargetSet", ["target"],
            static (r, d, in h) => r.ClimateTarget(d.Target, h.Path, "target", required: true) is { } target ? new ClimateTargetSet(h.Sequence, h.At, h.Actor, target) : null,
            static (e, d) => d.Target = InterchangeReader.ClimateTargetDocument(e.Target)),
    ];
    // Stryker restore String
}
