using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog.Json;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
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
}
