using System.Globalization;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using P = Miljofyrtarn.Core.Internal.Json.JsonPaths;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>Events: the common fields, then each type's own through <see cref="EventRegistry"/>.</summary>
internal sealed partial class InterchangeReader
{
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

    /// <summary>An emission factor set's reference at <c>factorSet</c> under the path; null (and no problem) when absent and optional.</summary>
    public Reporting.FactorSetReference? FactorSet(FactorSetReferenceDocument? f, string path, bool required)
    {
        var at = P.Property(path, "factorSet");
        if (f is null)
        {
            if (required)
            {
                Report(ErrorCodes.MissingProperty, at, "factorSet");
            }

            return null;
        }

        Unknown(f.Unknown, at);
        var id = Required(f.Id, at, "id");
        var published = Required(f.PublishedOn, at, "publishedOn");
        return id is null || published is null ? null : Construct(() => new Reporting.FactorSetReference(id, published.Value), at);
    }

    /// <summary>A climate target at <c>target</c> (an event) or <c>climateTarget</c> (a snapshot) under the path; null (and no problem) when absent and optional.</summary>
    public Reporting.ClimateTarget? ClimateTarget(ClimateTargetDocument? t, string path, string name, bool required)
    {
        var at = P.Property(path, name);
        if (t is null)
        {
            if (required)
            {
                Report(ErrorCodes.MissingProperty, at, name);
            }

            return null;
        }

        Unknown(t.Unknown, at);
        var baseYear = Required(t.BaseYear, at, "baseYear");
        var method = Enum(t.Method, at, "method", InterchangeVocabulary.Methods);
        var milestones = new List<Reporting.TargetMilestone>();
        var complete = t.Milestones is not null;
        for (var i = 0; i < (t.Milestones?.Count ?? 0); i++)
        {
            var m = t.Milestones![i];
            var mAt = P.Index(P.Property(at, "milestones"), i);
            if (m is null)
            {
                Report(ErrorCodes.MissingProperty, mAt, "milestone");
                complete = false;
                continue;
            }

            Unknown(m.Unknown, mAt);
            var year = Required(m.Year, mAt, "year");
            var cut = Required(m.ReductionPercent, mAt, "reductionPercent");
            if (year is null || cut is null)
            {
                complete = false;
                continue;
            }

            milestones.Add(new Reporting.TargetMilestone(year.Value, cut.Value));
        }

        if (t.Milestones is null)
        {
            Report(ErrorCodes.MissingProperty, P.Property(at, "milestones"), "milestones");
        }

        return baseYear is null || method is null || !complete ? null : Construct(() => Reporting.ClimateTarget.Create(baseYear.Value, method.Value, milestones, t.BaseEmissions), at);
    }

    /// <summary>The document of a climate target, or null.</summary>
    public static ClimateTargetDocument? ClimateTargetDocument(Reporting.ClimateTarget? t) => t is null ? null : new ClimateTargetDocument
    {
        BaseYear = t.BaseYear,
        Method = InterchangeVocabulary.Methods.Name(t.Method),
        Milestones = [.. t.Milestones.Select(m => new MilestoneDocument { Year = m.Year, ReductionPercent = m.ReductionPercent })],
        BaseEmissions = t.BaseEmissions,
    };

    /// <summary>The document of a factor set's reference, or null.</summary>
    public static FactorSetReferenceDocument? FactorSetDocument(Reporting.FactorSetReference? f) =>
        f is null ? null : new FactorSetReferenceDocument { Id = f.Id, PublishedOn = f.PublishedOn };

    /// <summary>
    /// A role event's fields: the person, a role the organisation grants, and its unit when it names one. The last value
    /// says whether every field present was readable (a unit that is there but invalid makes it false).
    /// </summary>
    public (string? Person, SchemeRole? Role, Organisations.UnitId? Unit, bool Complete) RoleEvent(EventDocument d, in EventHead h)
    {
        var person = Required(d.Person, h.Path, "person");
        var role = Enum(d.Role, h.Path, "role", InterchangeVocabulary.GrantableRoles);
        var unit = d.Unit is null ? null : UnitId(d.Unit, h.Path, "unit");
        return (person, role, unit, d.Unit is null || unit is not null);
    }
}
