using System.Text.Json;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Internal.Json;
using Miljofyrtarn.Core.Localization;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Core.Catalog.Json;

/// <summary>The document's values: required and optional strings, texts, dates and names of enumerations, each refused with its path.</summary>
internal sealed partial class CatalogReader
{
    private void CheckUnknown(Dictionary<string, JsonElement>? unknown, string path)
    {
        if (unknown is null)
        {
            return;
        }

        foreach (var name in unknown.Keys)
        {
            Report(ErrorCodes.UnknownProperty, JsonPaths.Property(path, name), name);
        }
    }

    private string? RequiredString(string? value, string parent, string property)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Report(ErrorCodes.MissingProperty, JsonPaths.Property(parent, property), property);
            return null;
        }

        return value;
    }

    private string? OptionalString(string? value, string parent, string property)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            Report(ErrorCodes.InvalidValue, JsonPaths.Property(parent, property), value, "null | text");
            return null;
        }

        return value;
    }

    private LocalizedText? RequiredText(TextDocument? value, string parent, string property)
    {
        if (value is null)
        {
            Report(ErrorCodes.MissingProperty, JsonPaths.Property(parent, property), property);
            return null;
        }

        return Text(value, parent, property);
    }

    private LocalizedText? OptionalText(TextDocument? value, string parent, string property) =>
        value is null ? null : Text(value, parent, property);

    /// <summary>Validates a text; its path is only built when there is something to report.</summary>
    private LocalizedText? Text(TextDocument value, string parent, string property)
    {
        var blankNb = string.IsNullOrWhiteSpace(value.Nb);
        var blankNn = value.Nn is not null && string.IsNullOrWhiteSpace(value.Nn);
        var blankEn = value.En is not null && string.IsNullOrWhiteSpace(value.En);
        if (value.Unknown is null && !blankNb && !blankNn && !blankEn)
        {
            return new LocalizedText(value.Nb!, value.Nn, value.En);
        }

        var path = JsonPaths.Property(parent, property);
        CheckUnknown(value.Unknown, path);
        if (blankNb)
        {
            Report(ErrorCodes.MissingNorwegianText, JsonPaths.Property(path, "nb"), path);
        }

        OptionalString(value.Nn, path, "nn");
        OptionalString(value.En, path, "en");
        return blankNb || blankNn || blankEn ? null : new LocalizedText(value.Nb!, value.Nn, value.En);
    }

    private LocalDate? RequiredDate(string? value, string parent, string property)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Report(ErrorCodes.MissingProperty, JsonPaths.Property(parent, property), property);
            return null;
        }

        return OptionalDate(value, parent, property);
    }

    private LocalDate? OptionalDate(string? value, string parent, string property)
    {
        if (value is null)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(value);
        if (!parsed.Success)
        {
            Report(ErrorCodes.InvalidValue, JsonPaths.Property(parent, property), value, "yyyy-MM-dd");
            return null;
        }

        return parsed.Value;
    }

    private TEnum? RequiredEnum<TEnum>(string? value, string parent, string property, Vocabulary.Names<TEnum> names)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Report(ErrorCodes.MissingProperty, JsonPaths.Property(parent, property), property);
            return null;
        }

        return Enum(value, parent, property, names);
    }

    private TEnum? OptionalEnum<TEnum>(string? value, string parent, string property, Vocabulary.Names<TEnum> names, TEnum defaultValue)
        where TEnum : struct, Enum =>
        value is null ? defaultValue : Enum(value, parent, property, names);

    private TEnum? Enum<TEnum>(string value, string parent, string property, Vocabulary.Names<TEnum> names)
        where TEnum : struct, Enum
    {
        if (!names.TryParse(value, out var result))
        {
            Report(ErrorCodes.InvalidValue, JsonPaths.Property(parent, property), value, names.Expected);
            return null;
        }

        return result;
    }

    private TEnum? EnumAt<TEnum>(string? value, string path, string property, Vocabulary.Names<TEnum> names)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            Report(ErrorCodes.MissingProperty, path, property);
            return null;
        }

        if (!names.TryParse(value, out var result))
        {
            Report(ErrorCodes.InvalidValue, path, value, names.Expected);
            return null;
        }

        return result;
    }
}
