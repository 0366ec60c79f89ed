using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Diagnostics;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>
/// A unit's recorded assessments in a snapshot, written from and read into domain objects directly: a snapshot holds
/// thousands, and a DTO per assessment doubled the work. What the reader finds wrong is kept as problems with their
/// place (item and property), for <see cref="InterchangeReader"/> to report with the full path.
/// </summary>
[JsonConverter(typeof(AssessmentRecordsConverter))]
internal sealed class AssessmentRecords
{
    public AssessmentRecords(IReadOnlyList<(int Index, int CriterionId, CriterionAssessment Assessment)> records) => Records = records;

    /// <summary>The assessments read or to write, each with its position in the array.</summary>
    public IReadOnlyList<(int Index, int CriterionId, CriterionAssessment Assessment)> Records { get; }

    /// <summary>Problems found while reading: the item, the property (null for the item itself), the code and its arguments.</summary>
    public List<(int Index, string? Property, string Code, string[] Arguments)> Problems { get; } = [];

    /// <summary>Properties the format does not define, by item; reported or ignored as the options say.</summary>
    public List<(int Index, string Name)> UnknownProperties { get; } = [];

    /// <summary>The last <c>recordedBy</c> read, reused when the next is the same.</summary>
    internal string? LastRecordedBy { get; set; }
}

/// <summary>Reads and writes <see cref="AssessmentRecords"/> in the snapshot format (see <c>schemas/snapshot.schema.json</c>).</summary>
internal sealed class AssessmentRecordsConverter : JsonConverter<AssessmentRecords>
{
    private const int Status = 1, RecordedAt = 2, RecordedBy = 4, Comment = 8, Justification = 16, Evidence = 32, CriterionId = 64;

    public override void Write(Utf8JsonWriter writer, AssessmentRecords value, JsonSerializerOptions options)
    {
        Span<byte> instant = stackalloc byte[IsoInstant.Length];
        writer.WriteStartArray();
        foreach (var (_, criterionId, assessment) in value.Records)
        {
            writer.WriteStartObject();
            writer.WriteString("status"u8, InterchangeVocabulary.Statuses.Name(assessment.Status));
            if (IsoInstant.TryFormat(assessment.RecordedAt, instant))
            {
                writer.WriteString("recordedAt"u8, instant);
            }
            else
            {
                writer.WriteString("recordedAt"u8, InstantPattern.ExtendedIso.Format(assessment.RecordedAt));
            }
            writer.WriteString("recordedBy"u8, assessment.RecordedBy);
            if (assessment.Comment is { } comment)
            {
                writer.WriteString("comment"u8, comment);
            }

            if (assessment.Justification is { } justification)
            {
                writer.WriteString("justification"u8, justification);
            }

            if (!assessment.Evidence.IsEmpty)
            {
                writer.WriteStartArray("evidence"u8);
                foreach (var evidence in assessment.Evidence)
                {
                    writer.WriteStartObject();
                    writer.WriteString("reference"u8, evidence.Reference);
                    if (evidence.Sha256 is { } sha)
                    {
                        writer.WriteString("sha256"u8, sha);
                    }

                    if (evidence.ValidUntil is { } until)
                    {
                        writer.WriteString("validUntil"u8, LocalDatePattern.Iso.Format(until));
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteNumber("criterionId"u8, criterionId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public override AssessmentRecords Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("The assessments must be an array.");
        }

        var records = new List<(int, int, CriterionAssessment)>();
        var result = new AssessmentRecords(records);
        var index = -1;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            index++;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                result.Problems.Add((index, null, ErrorCodes.WrongJsonType, ["object"]));
                reader.Skip();
                continue;
            }

            if (ReadOne(ref reader, index, result) is { } record)
            {
                records.Add((index, record.Item1, record.Item2));
            }
        }

        return result;
    }

    private static (int, CriterionAssessment)? ReadOne(ref Utf8JsonReader reader, int index, AssessmentRecords result)
    {
        var seen = 0;
        var ok = true;
        var status = FulfilmentStatus.NotStarted;
        Instant recordedAt = default;
        string? recordedBy = null, comment = null, justification = null;
        var criterionId = 0;
        var evidence = ImmutableArray<EvidenceReference>.Empty;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString()!;
            reader.Read();
            var flag = property switch
            {
                "status" => Status,
                "recordedAt" => RecordedAt,
                "recordedBy" => RecordedBy,
                "comment" => Comment,
                "justification" => Justification,
                "evidence" => Evidence,
                "criterionId" => CriterionId,
                _ => 0,
            };
            if (flag == 0)
            {
                result.UnknownProperties.Add((index, property));
                reader.Skip();
                continue;
            }

            if ((seen & flag) != 0)
            {
                result.Problems.Add((index, property, ErrorCodes.DuplicateProperty, [property]));
                ok = false;
            }

            seen |= flag;
            if (reader.TokenType == JsonTokenType.Null && flag is Comment or Justification or Evidence)
            {
                continue;
            }

            var expected = flag is CriterionId ? JsonTokenType.Number : flag is Evidence ? JsonTokenType.StartArray : JsonTokenType.String;
            if (reader.TokenType != expected)
            {
                result.Problems.Add((index, property, ErrorCodes.WrongJsonType, [expected == JsonTokenType.Number ? "number" : expected == JsonTokenType.StartArray ? "array" : "text"]));
                reader.Skip();
                ok = false;
                continue;
            }

            switch (flag)
            {
                case Status:
                    if (!TryStatus(ref reader, out status))
                    {
                        result.Problems.Add((index, property, ErrorCodes.InvalidValue, [reader.GetString()!, InterchangeVocabulary.Statuses.Expected]));
                        ok = false;
                    }

                    break;
                case RecordedAt:
                    if (!reader.ValueIsEscaped && IsoInstant.TryParse(reader.ValueSpan, out recordedAt))
                    {
                        break;
                    }

                    var instantText = reader.GetString()!;
                    var instant = InstantPattern.ExtendedIso.Parse(instantText);
                    if (instant.Success)
                    {
                        recordedAt = instant.Value;
                    }
                    else
                    {
                        result.Problems.Add((index, property, ErrorCodes.InvalidValue, [instantText, "yyyy-MM-ddTHH:mm:ssZ"]));
                        ok = false;
                    }

                    break;
                case RecordedBy:
                    // Most records of a unit are by the same few people: reuse the previous string when the bytes match.
                    recordedBy = result.LastRecordedBy is { } last && !reader.ValueIsEscaped && reader.ValueTextEquals(last) ? last : reader.GetString();
                    result.LastRecordedBy = recordedBy;
                    break;
                case Comment:
                    comment = reader.GetString();
                    break;
                case Justification:
                    justification = reader.GetString();
                    break;
                case CriterionId:
                    if (!reader.TryGetInt32(out criterionId))
                    {
                        result.Problems.Add((index, property, ErrorCodes.WrongJsonType, ["integer"]));
                        ok = false;
                    }

                    break;
                default:
                    evidence = ReadEvidence(ref reader, index, result, ref ok);
                    break;
            }
        }

        foreach (var (flag, name) in new[] { (Status, "status"), (RecordedAt, "recordedAt"), (RecordedBy, "recordedBy"), (CriterionId, "criterionId") })
        {
            if ((seen & flag) == 0)
            {
                result.Problems.Add((index, name, ErrorCodes.MissingProperty, [name]));
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        try
        {
            return (criterionId, new CriterionAssessment(status, recordedAt, recordedBy!, comment, justification, evidence));
        }
        catch (MiljofyrtarnException exception)
        {
            foreach (var diagnostic in exception.Diagnostics)
            {
                result.Problems.Add((index, null, diagnostic.Code, [.. diagnostic.Arguments]));
            }

            return null;
        }
    }

    private static bool TryStatus(ref Utf8JsonReader reader, out FulfilmentStatus status)
    {
        (status, var ok) = reader.ValueTextEquals("fulfilled"u8) ? (FulfilmentStatus.Fulfilled, true)
            : reader.ValueTextEquals("inProgress"u8) ? (FulfilmentStatus.InProgress, true)
            : reader.ValueTextEquals("notStarted"u8) ? (FulfilmentStatus.NotStarted, true)
            : reader.ValueTextEquals("notApplicable"u8) ? (FulfilmentStatus.NotApplicable, true)
            : (FulfilmentStatus.NotStarted, false);
        return ok;
    }

    private static ImmutableArray<EvidenceReference> ReadEvidence(ref Utf8JsonReader reader, int index, AssessmentRecords result, ref bool ok)
    {
        var items = ImmutableArray.CreateBuilder<EvidenceReference>();
        var item = -1;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            item++;
            var place = string.Create(CultureInfo.InvariantCulture, $"evidence[{item}]");
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                result.Problems.Add((index, place, ErrorCodes.WrongJsonType, ["object"]));
                reader.Skip();
                ok = false;
                continue;
            }

            string? reference = null, sha = null;
            LocalDate? until = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var property = reader.GetString()!;
                reader.Read();
                switch (property)
                {
                    case "reference" when reader.TokenType == JsonTokenType.String:
                        reference = reader.GetString();
                        break;
                    case "sha256" when reader.TokenType is JsonTokenType.String or JsonTokenType.Null:
                        sha = reader.GetString();
                        break;
                    case "validUntil" when reader.TokenType == JsonTokenType.String:
                        var dateText = reader.GetString()!;
                        var date = LocalDatePattern.Iso.Parse(dateText);
                        if (date.Success)
                        {
                            until = date.Value;
                        }
                        else
                        {
                            result.Problems.Add((index, place + ".validUntil", ErrorCodes.InvalidValue, [dateText, "yyyy-MM-dd"]));
                            ok = false;
                        }

                        break;
                    case "validUntil" when reader.TokenType == JsonTokenType.Null:
                        break;
                    case "reference" or "sha256" or "validUntil":
                        result.Problems.Add((index, place + "." + property, ErrorCodes.WrongJsonType, ["text"]));
                        reader.Skip();
                        ok = false;
                        break;
                    default:
                        result.UnknownProperties.Add((index, place + "." + property));
                        reader.Skip();
                        break;
                }
            }

            try
            {
                items.Add(new EvidenceReference(reference!, sha, until));
            }
            catch (MiljofyrtarnException exception)
            {
                foreach (var diagnostic in exception.Diagnostics)
                {
                    result.Problems.Add((index, place, diagnostic.Code, [.. diagnostic.Arguments]));
                }

                ok = false;
            }
        }

        return items.ToImmutable();
    }
}
