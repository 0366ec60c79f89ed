using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Internal.Json;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using NodaTime;

namespace Miljofyrtarn.Core.Contracts;

/// <summary>A unit (<i>enhet</i>) as a request gives it: the fields of <see cref="UnitDefinition"/> as plain values.</summary>
/// <param name="Id">The unit's ID (lower case letters, digits and dashes).</param>
/// <param name="Name">The unit's name.</param>
/// <param name="Address">Its address.</param>
/// <param name="FullTimeEquivalents">Its full-time equivalents (<i>årsverk</i>).</param>
/// <param name="Sets">The criteria sets (<i>bransjekrav</i>) it follows, by ID.</param>
/// <param name="MainSet">The main set, when it follows more than one.</param>
/// <param name="Answers">Answers to introductory questions, by question ID.</param>
/// <param name="Officer">The unit's environmental officer (<i>miljøfyrtårnansvarlig</i>).</param>
/// <param name="Management">Its management (<i>ledelse</i>).</param>
/// <param name="Arrangement">Own certificate (the default), co-located with or attached to a host unit.</param>
/// <param name="Host">The host unit, when co-located or attached.</param>
/// <param name="Municipality">The municipality number (<i>kommunenummer</i>) of the municipality it is in, four digits.</param>
public sealed record UnitInput(
    UnitId Id,
    string Name,
    string? Address = null,
    decimal? FullTimeEquivalents = null,
    IReadOnlyList<string>? Sets = null,
    string? MainSet = null,
    IReadOnlyDictionary<string, bool>? Answers = null,
    PersonInput? Officer = null,
    IReadOnlyList<PersonInput>? Management = null,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<CertificateArrangementKind>))] CertificateArrangementKind Arrangement = CertificateArrangementKind.Own,
    UnitId? Host = null,
    string? Municipality = null)
{
    /// <summary>The unit's definition.</summary>
    /// <param name="path">The JSON path of this input, for the problems.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="MiljofyrtarnException">A required field is missing (<see cref="ErrorCodes.MissingProperty"/>).</exception>
    public UnitDefinition ToDefinition(string path = "$.unit")
    {
        CommandChecks.Require(Id, path + ".id");
        CommandChecks.Require(Name, path + ".name");
        var arrangement = Arrangement switch
        {
            CertificateArrangementKind.Own => CertificateArrangement.Own,
            CertificateArrangementKind.CoLocated => CertificateArrangement.CoLocatedWith(CommandChecks.Require(Host, path + ".host")),
            CertificateArrangementKind.Attached => CertificateArrangement.AttachedTo(CommandChecks.Require(Host, path + ".host")),
            _ => throw CommandChecks.Invalid(Arrangement.ToString(), "own, coLocated, attached", path + ".arrangement"),
        };
        return new UnitDefinition(Id, Name)
        {
            Address = Address,
            Municipality = Municipality,
            FullTimeEquivalents = FullTimeEquivalents,
            SetIds = Sets is null ? [] : [.. Sets],
            MainSetId = MainSet,
            Answers = Answers is null ? ImmutableDictionary<string, bool>.Empty : Answers.ToImmutableDictionary(StringComparer.Ordinal),
            Officer = Officer?.ToPerson(path + ".officer"),
            Management = Management is null ? [] : [.. Management.Select((p, i) => CommandChecks.Require(p, $"{path}.management[{i}]").ToPerson($"{path}.management[{i}]"))],
            Certificate = arrangement,
        };
    }
}

/// <summary>A person as a request gives them.</summary>
/// <param name="Id">The user ID.</param>
/// <param name="Name">The name.</param>
public sealed record PersonInput(string Id, string Name)
{
    /// <summary>The person.</summary>
    /// <param name="path">The JSON path of this input, for the problems.</param>
    /// <returns>The person.</returns>
    public Person ToPerson(string path = "$")
    {
        CommandChecks.Require(Id, path + ".id");
        CommandChecks.Require(Name, path + ".name");
        return new Person(Id, Name);
    }
}

/// <summary>A certifier (<i>sertifisør</i>) as a request gives them.</summary>
/// <param name="Id">The certifier's user ID (the actor of the certification).</param>
/// <param name="Name">The name.</param>
/// <param name="OrganisationNumber">The certifier's organisation number.</param>
public sealed record CertifierInput(string Id, string Name, string OrganisationNumber)
{
    /// <summary>The certifier.</summary>
    /// <param name="path">The JSON path of this input, for the problems.</param>
    /// <returns>The certifier.</returns>
    public Certifier ToCertifier(string path = "$.certifier")
    {
        CommandChecks.Require(Id, path + ".id");
        CommandChecks.Require(Name, path + ".name");
        CommandChecks.Require(OrganisationNumber, path + ".organisationNumber");
        return new Certifier(Id, Name, Organisations.OrganisationNumber.Parse(OrganisationNumber));
    }
}

/// <summary>Evidence (<i>dokumentasjon</i>) for an assessment.</summary>
/// <param name="Reference">A link or document reference.</param>
/// <param name="Sha256">The document's SHA-256, hex, when known.</param>
/// <param name="ValidUntil">When the evidence stops being valid, if it does.</param>
public sealed record EvidenceInput(string Reference, string? Sha256 = null, [property: JsonConverter(typeof(IsoLocalDateConverter))] LocalDate? ValidUntil = null);

/// <summary>An annual report's content as a request gives it.</summary>
/// <param name="Figures">The figures.</param>
/// <param name="Goals">The goals, if any.</param>
/// <param name="Measures">The measures, if any.</param>
public sealed record ReportInput(IReadOnlyList<IndicatorValue> Figures, IReadOnlyList<ReportGoal>? Goals = null, IReadOnlyList<string>? Measures = null)
{
    internal EnvironmentalReport ToReport(OrganisationLifecycle lifecycle, UnitId unit, int year, string path)
    {
        CommandChecks.Require(Figures, path + ".figures");
        return lifecycle.CreateReport(unit, year, Figures, Goals, Measures);
    }
}

/// <summary>Checks on command inputs: every missing field is refused with its JSON path.</summary>
internal static class CommandChecks
{
    public static T Require<T>(T? value, string path)
        where T : class =>
        value is string text && string.IsNullOrWhiteSpace(text) || value is null ? throw Missing(path) : value;

    public static UnitId Require(UnitId? value, string path) =>
        value is { } unit && unit.Value.Length > 0 ? unit : throw Missing(path);

    public static UnitId Require(UnitId value, string path) =>
        value.Value.Length > 0 ? value : throw Missing(path);

    public static MiljofyrtarnException Missing(string path) =>
        new(new Diagnostic(ErrorCodes.MissingProperty, [Name(path)], path));

    public static MiljofyrtarnException Invalid(string value, string valid, string path) =>
        new(new Diagnostic(ErrorCodes.InvalidValue, [value, valid], path));

    private static string Name(string path) => path[(path.LastIndexOfAny(['.', '$']) + 1)..];
}
