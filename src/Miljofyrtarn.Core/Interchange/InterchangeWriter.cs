using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog.Json;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using static Miljofyrtarn.Core.Interchange.InterchangeVocabulary;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>Domain objects to documents.</summary>
internal static class InterchangeWriter
{
    /// <summary>Refuses what the reader would refuse, so that what the library writes, its reader accepts: null events, sequence numbers below 1, blank actors.</summary>
    public static void CheckWritable(IReadOnlyList<LifecycleEvent?> events)
    {
        var problems = new Problems();
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is not { } e)
            {
                problems.Add(ErrorCodes.MissingProperty, $"events[{i}]");
                continue;
            }

            if (e.Sequence < 1)
            {
                problems.Add(ErrorCodes.InvalidValue, e.Sequence, "≥ 1");
            }

            if (string.IsNullOrWhiteSpace(e.Actor))
            {
                problems.Add(ErrorCodes.BlankText, "actor");
            }
        }

        problems.ThrowIfAny();
    }

    /// <summary>An event's document: the common fields, the type and its own fields, written by its entry in <see cref="EventRegistry"/>.</summary>
    public static EventDocument Event(LifecycleEvent e)
    {
        var entry = EventRegistry.Of(e);
        var d = new EventDocument { Type = entry.Name, Sequence = e.Sequence, OccurredAt = e.OccurredAt, Actor = e.Actor };
        entry.Write(e, d);
        return d;
    }

    /// <summary>A snapshot's roles, or null when the organisation has none to write (not governed, founder unknown).</summary>
    private static RolesDocument? RolesOf(OrganisationRoles roles) => !roles.IsGoverned && roles.Founder is null ? null : new RolesDocument
    {
        Founder = roles.Founder,
        Governed = roles.IsGoverned,
        Grants = roles.Grants.IsEmpty ? null : [.. roles.Grants.Select(g => new RoleGrantDocument
        {
            Person = g.Person, Role = GrantableRoles.Name(g.Role), Unit = g.Unit?.Value, GrantedAt = g.GrantedAt, GrantedBy = g.GrantedBy, RevokedAt = g.RevokedAt, RevokedBy = g.RevokedBy,
        })],
        Assignments = roles.Assignments.IsEmpty ? null : [.. roles.Assignments.Select(a => new CertifierAssignmentDocument { Certifier = Certifier(a.Certifier), AssignedAt = a.AssignedAt, AssignedBy = a.AssignedBy })],
    };

    /// <summary>A certifier as the documents write one.</summary>
    public static CertifierDocument Certifier(Certifier c) => new() { Id = c.Id, Name = c.Name, OrganisationNumber = c.OrganisationNumber.Value };

    /// <summary>A role event's own fields.</summary>
    public static void Role(EventDocument d, string person, SchemeRole role, UnitId? unit)
    {
        d.Person = person;
        d.Role = InterchangeVocabulary.GrantableRoles.Name(role);
        d.Unit = unit?.Value;
    }

    public static UnitDocument Unit(UnitDefinition u, UnitRole? role) => new()
    {
        Id = u.Id.Value,
        Name = u.Name,
        Role = role is { } r ? Roles.Name(r) : null,
        Address = u.Address,
        Municipality = u.Municipality,
        FullTimeEquivalents = u.FullTimeEquivalents,
        SetIds = u.SetIds.IsDefaultOrEmpty ? null : [.. u.SetIds],
        MainSetId = u.MainSetId,
        Answers = u.Answers is null || u.Answers.IsEmpty ? null : u.Answers.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value),
        Officer = u.Officer is { } o ? new PersonDocument { Id = o.Id, Name = o.Name } : null,
        Management = u.Management.IsDefaultOrEmpty ? null : [.. u.Management.Select(p => new PersonDocument { Id = p.Id, Name = p.Name })],
        Certificate = u.Certificate is null || u.Certificate.Kind == CertificateArrangementKind.Own
            ? null
            : new ArrangementDocument { Kind = Arrangements.Name(u.Certificate.Kind), Host = u.Certificate.Host?.Value },
    };

    public static AssessmentDocument Assessment(CriterionAssessment a, AssessmentDocument d)
    {
        d.Status = Statuses.Name(a.Status);
        d.RecordedAt = a.RecordedAt;
        d.RecordedBy = a.RecordedBy;
        d.Comment = a.Comment;
        d.Justification = a.Justification;
        d.Evidence = a.Evidence.IsEmpty ? null : [.. a.Evidence.Select(e => new EvidenceDocument { Reference = e.Reference, Sha256 = e.Sha256, ValidUntil = e.ValidUntil })];
        return d;
    }

    public static SnapshotDocument Snapshot(OrganisationLifecycle lifecycle)
    {
        var organisation = lifecycle.Organisation;
        var state = lifecycle.State;
        return new SnapshotDocument
        {
            Schema = SnapshotJson.SchemaId,
            SchemaVersion = SnapshotJson.CurrentSchemaVersion,
            CatalogVersion = organisation.Catalog.Version,
            Version = state.Version,
            LastEventAt = state.LastEventAt,
            Name = organisation.Name,
            Kind = Vocabulary.OrganisationKinds.Name(organisation.Kind),
            Number = organisation.Number.Value,
            StartedOn = organisation.StartedOn,
            CommonSetId = organisation.CommonSet.Id,
            PendingCommonSetId = organisation.PendingCommonSet?.Id,
            StartUpListSentOn = state.StartUpListSentOn,
            Roles = RolesOf(state.Roles),
            ClimateTarget = InterchangeReader.ClimateTargetDocument(state.ClimateTarget),
            Recomputations = state.Recomputations.IsEmpty ? null : [.. state.Recomputations.Select(r => new RecomputationDocument
            {
                Year = r.Year, FactorSet = InterchangeReader.FactorSetDocument(r.FactorSet), RecomputedAt = r.RecomputedAt, Actor = r.Actor,
            })],
            Allocation = organisation.AllocationOverrides.IsEmpty
                ? null
                : organisation.AllocationOverrides.OrderBy(a => a.Key).ToDictionary(a => a.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), a => Parties.Name(a.Value)),
            Units = [.. organisation.AllUnits.Select((unit, position) =>
            {
                var document = Unit(unit.Definition, unit.Role);
                var lifecycleOfUnit = state.Units[position];
                document.Lifecycle = new UnitLifecycleDocument
                {
                    State = UnitStates.Name(lifecycleOfUnit.State),
                    FirstApprovedOn = lifecycleOfUnit.FirstApprovedOn,
                    FollowUpAudits = lifecycleOfUnit.FollowUpAudits.IsEmpty ? null : [.. lifecycleOfUnit.FollowUpAudits.Select(d => (NodaTime.LocalDate?)d)],
                    Certificates = lifecycleOfUnit.Certificates.IsEmpty ? null : [.. lifecycleOfUnit.Certificates.Select(c => new CertificateDocument
                    {
                        Number = c.Number,
                        Holder = c.Holder.Value,
                        Units = [.. c.Units.Select(u => u.Value)],
                        IssuedOn = c.IssuedOn,
                        ValidFrom = c.ValidFrom,
                        ValidTo = c.ValidTo,
                        Status = CertificateStatuses.Name(c.Status),
                        Certifier = c.Certifier,
                    })],
                    Reports = lifecycleOfUnit.Reports.IsEmpty ? null : [.. lifecycleOfUnit.Reports.Values.Select(r => new ReportDocument
                    {
                        Year = r.Year,
                        DueOn = r.DueOn,
                        SubmittedAt = r.SubmittedAt,
                        Postponed = r.Postponed,
                        Content = ReportWriter.Content(r.Content),
                        Corrections = r.Corrections.IsEmpty ? null : [.. r.Corrections.Select(ReportWriter.Correction)],
                        FactorSet = InterchangeReader.FactorSetDocument(r.FactorSet),
                    })],
                };
                var assessments = organisation.AssessmentsAt(position);
                if (assessments.Length > 0)
                {
                    var records = new (int, int, CriterionAssessment)[assessments.Length];
                    for (var i = 0; i < assessments.Length; i++)
                    {
                        records[i] = (i, assessments[i].CriterionId, assessments[i].Assessment);
                    }

                    document.Assessments = new AssessmentRecords(records);
                }

                return (UnitDocument?)document;
            })],
        };
    }
}
