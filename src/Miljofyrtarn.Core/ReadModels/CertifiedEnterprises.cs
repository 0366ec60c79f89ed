using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Core.ReadModels;

/// <summary>
/// A Miljøfyrtårn-certified enterprise in the municipality (<i>sertifisert virksomhet</i>), as the foundation lists them
/// per municipality: what the municipality's public page shows beside its own certification. No personal data.
/// </summary>
/// <param name="Number">The enterprise's organisation number.</param>
/// <param name="Name">Its name.</param>
/// <param name="CertificateNumber">Its certificate number.</param>
/// <param name="ValidTo">The last day its certificate is valid.</param>
/// <param name="Industry">Its industry (<i>bransje</i>), as the list names it.</param>
public sealed record CertifiedEnterprise(OrganisationNumber Number, string Name, string CertificateNumber, LocalDate ValidTo, string Industry);

/// <summary>
/// Reads the list of certified enterprises from a CSV file, as a coordinator saves it from a spreadsheet: a header row
/// naming the five columns (in Norwegian or English, in any order), then one enterprise per row, separated by <c>;</c>
/// (as Norwegian spreadsheets save it) or by <c>,</c>, with fields in double quotes where they hold the separator.
/// Dates are <c>01.03.2027</c> or <c>2027-03-01</c>.
/// </summary>
/// <remarks>
/// All or nothing: every bad row is reported, each with a coded, localised error naming its line and column, and no
/// list is returned while any row is bad. Thread-safe (static, stateless).
/// </remarks>
public static class CertifiedEnterpriseCsv
{
    /// <summary>The most rows a list may hold; the largest municipality has some thousands of certified enterprises.</summary>
    public const int MaxRows = 50_000;

    /// <summary>The columns, each with the header names it is known by (Norwegian Bokmål, Nynorsk and English).</summary>
    private static readonly (string Column, string[] Names)[] Columns =
    [
        ("organisasjonsnummer", ["organisasjonsnummer", "orgnr", "org.nr.", "organisation number"]),
        ("navn", ["navn", "namn", "name"]),
        ("sertifikatnummer", ["sertifikatnummer", "certificate number"]),
        ("gyldig til", ["gyldig til", "valid to"]),
        ("bransje", ["bransje", "industry"]),
    ];

    private static readonly LocalDatePattern Norwegian = LocalDatePattern.CreateWithInvariantCulture("dd'.'MM'.'uuuu");

    /// <summary>Reads a list from UTF-8 bytes (a byte-order mark is allowed).</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <returns>The enterprises, in the file's order.</returns>
    /// <exception cref="MiljofyrtarnException">The file is not valid UTF-8, lacks a column, or has bad rows; every problem is listed with its line.</exception>
    public static ImmutableArray<CertifiedEnterprise> Read(ReadOnlySpan<byte> utf8)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(utf8);
        }
        catch (DecoderFallbackException exception)
        {
            throw new MiljofyrtarnException([new Diagnostic(ErrorCodes.InvalidText, ["csv", "UTF-8", (exception.Index + 1).ToString(CultureInfo.InvariantCulture)])], exception);
        }

        return Read(text);
    }

    /// <summary>Reads a list from text.</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The enterprises, in the file's order.</returns>
    /// <exception cref="MiljofyrtarnException">The file lacks a column or has bad rows; every problem is listed with its line and column.</exception>
    public static ImmutableArray<CertifiedEnterprise> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var header = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        if (header < 0)
        {
            throw Problems.Single(ErrorCodes.MissingCsvColumn, Columns[0].Column, 1);
        }

        var separator = lines[header].Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var problems = new List<Diagnostic>();
        var positions = HeaderPositions(Fields(lines[header], separator), header + 1, problems);
        if (problems.Count > 0)
        {
            throw new MiljofyrtarnException(problems);
        }

        var result = ImmutableArray.CreateBuilder<CertifiedEnterprise>();
        var seen = new Dictionary<OrganisationNumber, int>();
        for (var i = header + 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            if (result.Count + problems.Count >= MaxRows)
            {
                throw Problems.Single(ErrorCodes.TooManyEntries, "csv", MaxRows);
            }

            if (Row(Fields(lines[i], separator), positions, i + 1, problems) is { } enterprise)
            {
                if (seen.TryGetValue(enterprise.Number, out var first))
                {
                    problems.Add(new Diagnostic(ErrorCodes.DuplicateEntry, [Columns[0].Column, enterprise.Number.Value, first.ToString(CultureInfo.InvariantCulture)], Columns[0].Column, i + 1, positions[0] + 1));
                }
                else
                {
                    seen[enterprise.Number] = i + 1;
                    result.Add(enterprise);
                }
            }
        }

        return problems.Count == 0 ? result.ToImmutable() : throw new MiljofyrtarnException(problems);
    }

    /// <summary>Where each column is in the header; a column the header lacks is a problem naming it.</summary>
    private static int[] HeaderPositions(List<string> fields, int line, List<Diagnostic> problems)
    {
        var positions = new int[Columns.Length];
        for (var c = 0; c < Columns.Length; c++)
        {
            positions[c] = fields.FindIndex(f => Columns[c].Names.Contains(f.Trim(), StringComparer.OrdinalIgnoreCase));
            if (positions[c] < 0)
            {
                problems.Add(new Diagnostic(ErrorCodes.MissingCsvColumn, [Columns[c].Column, line.ToString(CultureInfo.InvariantCulture)], Columns[c].Column, line));
            }
        }

        return positions;
    }

    /// <summary>One row as an enterprise, or null with its problems added (each naming the line and column).</summary>
    private static CertifiedEnterprise? Row(List<string> fields, int[] positions, int line, List<Diagnostic> problems)
    {
        var before = problems.Count;
        string? Field(int column)
        {
            var position = positions[column];
            if (position >= fields.Count)
            {
                problems.Add(new Diagnostic(ErrorCodes.MissingCsvColumn, [Columns[column].Column, line.ToString(CultureInfo.InvariantCulture)], Columns[column].Column, line, position + 1));
                return null;
            }

            var value = fields[position].Trim();
            if (value.Length == 0)
            {
                problems.Add(new Diagnostic(ErrorCodes.BlankText, [Columns[column].Column], Columns[column].Column, line, position + 1));
                return null;
            }

            var limit = column == 2 ? Limits.CertificateNumberLength : Limits.NameLength;
            if (value.Length > limit)
            {
                problems.Add(new Diagnostic(ErrorCodes.TextTooLong, [Columns[column].Column, value.Length.ToString(CultureInfo.InvariantCulture), limit.ToString(CultureInfo.InvariantCulture)], Columns[column].Column, line, position + 1));
                return null;
            }

            if (TextRules.FirstInvalid(value, multiline: false) is { } at)
            {
                problems.Add(new Diagnostic(ErrorCodes.InvalidText, [Columns[column].Column, TextRules.Describe(value, at), (at + 1).ToString(CultureInfo.InvariantCulture)], Columns[column].Column, line, position + 1));
                return null;
            }

            return value;
        }

        var numberText = Field(0);
        var name = Field(1);
        var certificate = Field(2);
        var validToText = Field(3);
        var industry = Field(4);
        OrganisationNumber number = default;
        if (numberText is not null && !OrganisationNumber.TryParse(numberText, out number))
        {
            problems.Add(new Diagnostic(ErrorCodes.InvalidOrganisationNumber, [numberText], Columns[0].Column, line, positions[0] + 1));
        }

        LocalDate validTo = default;
        if (validToText is not null)
        {
            var parsed = Norwegian.Parse(validToText) is { Success: true } norwegian ? norwegian : LocalDatePattern.Iso.Parse(validToText);
            if (!parsed.Success)
            {
                problems.Add(new Diagnostic(ErrorCodes.UnrecognisedDate, [validToText], Columns[3].Column, line, positions[3] + 1));
            }
            else if (!SupportedRange.Contains(parsed.Value))
            {
                var outside = SupportedRange.OutOfRange(parsed.Value);
                problems.Add(new Diagnostic(outside.Code, outside.Arguments, Columns[3].Column, line, positions[3] + 1));
            }
            else
            {
                validTo = parsed.Value;
            }
        }

        return problems.Count == before ? new CertifiedEnterprise(number, name!, certificate!, validTo, industry!) : null;
    }

    /// <summary>The fields of one line (RFC 4180: a field in double quotes may hold the separator, and <c>""</c> is a quote).</summary>
    private static List<string> Fields(string line, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
