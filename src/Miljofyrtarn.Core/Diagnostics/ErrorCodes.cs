namespace Miljofyrtarn.Core.Diagnostics;

/// <summary>
/// The stable codes of every error the library reports. A code never changes meaning and is never
/// reused; the message that goes with it is localised (see <see cref="Diagnostic.GetMessage(Localization.Language)"/>).
/// The full list with explanations is in <c>docs/error-codes.md</c>.
/// </summary>
public static class ErrorCodes
{
    // ---- JSON documents (MFT00xx) ----

    /// <summary>The document is not well-formed JSON (syntax error, trailing content, comments, empty input).</summary>
    public const string MalformedJson = "MFT0001";

    /// <summary>A JSON value has the wrong type for its property (a string where a number belongs, and so on).</summary>
    public const string WrongJsonType = "MFT0002";

    /// <summary>The document is larger than the configured maximum size.</summary>
    public const string DocumentTooLarge = "MFT0003";

    /// <summary>The document nests objects or arrays deeper than the configured maximum depth.</summary>
    public const string DocumentTooDeep = "MFT0004";

    /// <summary>An object has the same property name twice.</summary>
    public const string DuplicateProperty = "MFT0005";

    /// <summary>A required property is missing, null or blank.</summary>
    public const string MissingProperty = "MFT0006";

    /// <summary>An object has a property the format does not define.</summary>
    public const string UnknownProperty = "MFT0007";

    /// <summary>A value is not one of the allowed values or is not in the required form (for example a date that is not ISO <c>yyyy-MM-dd</c>).</summary>
    public const string InvalidValue = "MFT0008";

    /// <summary>The document's schema version is not one this library reads.</summary>
    public const string UnsupportedSchemaVersion = "MFT0009";

    // ---- Catalog (MFT01xx) ----

    /// <summary>Two themes, questions, criteria or sets share an ID.</summary>
    public const string DuplicateId = "MFT0101";

    /// <summary>A criterion names a theme the catalog does not define.</summary>
    public const string UnknownTheme = "MFT0102";

    /// <summary>A criteria set names a criterion the catalog does not define.</summary>
    public const string UnknownCriterionInSet = "MFT0103";

    /// <summary>A retired criterion does not name the criterion that replaces it.</summary>
    public const string RetiredWithoutReplacement = "MFT0104";

    /// <summary>Following the replacements of a retired criterion comes back to a criterion already visited.</summary>
    public const string CyclicReplacement = "MFT0105";

    /// <summary>A retired criterion names a replacement that the catalog does not define.</summary>
    public const string UnknownReplacement = "MFT0106";

    /// <summary>A set that is still in force contains a retired criterion.</summary>
    public const string RetiredCriterionInActiveSet = "MFT0107";

    /// <summary>An applicability condition refers to an introductory question the catalog does not define.</summary>
    public const string UnknownQuestion = "MFT0108";

    /// <summary>A text has no Norwegian Bokmål (<c>nb</c>) version.</summary>
    public const string MissingNorwegianText = "MFT0109";

    /// <summary>An effective period ends before it starts.</summary>
    public const string PeriodEndsBeforeStart = "MFT0110";

    /// <summary>An active criterion names a replacement; only retired criteria are replaced.</summary>
    public const string ActiveWithReplacement = "MFT0111";

    /// <summary>A criteria set lists the same criterion twice.</summary>
    public const string DuplicateCriterionInSet = "MFT0112";

    /// <summary>Two common sets with the same start date are open to the same kind of organisation, so the choice between them is ambiguous.</summary>
    public const string AmbiguousCommonSets = "MFT0113";

    /// <summary>No common criteria set in the catalog applies to the organisation kind on the given date.</summary>
    public const string NoCommonSet = "MFT0114";

    // ---- Organisation, resolution and assessment (MFT02xx) ----

    /// <summary>An organisation number (organisasjonsnummer) is not 9 digits with a valid MOD11 check digit.</summary>
    public const string InvalidOrganisationNumber = "MFT0201";

    /// <summary>A second headquarters (HK) was added; an organisation has exactly one.</summary>
    public const string SecondHeadquarters = "MFT0202";

    /// <summary>A unit ID is already used in the organisation.</summary>
    public const string DuplicateUnitId = "MFT0203";

    /// <summary>A criteria set is not in the organisation's catalog.</summary>
    public const string UnknownSet = "MFT0204";

    /// <summary>A criteria set is not in force on the date it is chosen.</summary>
    public const string SetNotInForce = "MFT0205";

    /// <summary>A unit chose a common set other than the organisation's locked common-criteria version.</summary>
    public const string CommonSetNotLocked = "MFT0206";

    /// <summary>A unit answered an introductory question the catalog does not have.</summary>
    public const string UnknownQuestionAnswered = "MFT0207";

    /// <summary>An assessment was recorded for a criterion that does not apply to the unit.</summary>
    public const string CriterionNotApplicable = "MFT0208";

    /// <summary>An assessment was recorded by a unit (UE) for a criterion allocated to headquarters (HK).</summary>
    public const string CriterionAllocatedToHeadquarters = "MFT0209";

    /// <summary>A criterion was marked not applicable without a justification.</summary>
    public const string JustificationRequired = "MFT0210";

    /// <summary>An evidence checksum is not a SHA-256 value (64 hexadecimal digits).</summary>
    public const string InvalidSha256 = "MFT0211";

    /// <summary>No unit of the organisation has the given ID.</summary>
    public const string UnknownUnit = "MFT0212";

    /// <summary>A unit's main set (hovedkriteriesett) is not one of its sets.</summary>
    public const string MainSetNotChosen = "MFT0213";

    /// <summary>A unit ID is blank, too long or has characters other than letters, digits, '-', '_' and '.'.</summary>
    public const string InvalidUnitId = "MFT0214";

    /// <summary>A number of full-time equivalents (årsverk) is negative or absurd.</summary>
    public const string InvalidFullTimeEquivalents = "MFT0215";

    /// <summary>A unit shares or is attached to a certificate that cannot host it (unknown unit, itself, a unit without its own certificate, or a different location).</summary>
    public const string InvalidCertificateHost = "MFT0216";

    /// <summary>A criterion ID is not in the organisation's catalog.</summary>
    public const string UnknownCriterion = "MFT0217";

    /// <summary>Headquarters cannot be removed from its organisation.</summary>
    public const string UnitCannotBeRemoved = "MFT0218";

    /// <summary>A required text (a name, a person, an evidence reference, an actor) is blank.</summary>
    public const string BlankText = "MFT0219";

    /// <summary>The same person is listed twice, or two evidence references are the same.</summary>
    public const string DuplicateEntry = "MFT0220";
}
