namespace Miljofyrtarn.Core;

/// <summary>
/// The largest values the library accepts, the same for every way in: an action on
/// <see cref="Lifecycle.OrganisationLifecycle"/>, a command (<see cref="Contracts.LifecycleCommand"/>), a call to the web
/// API, and an append to an event store. Anything over a limit is refused before anything changes, with a coded error
/// naming the field and the limit (<see cref="Diagnostics.ErrorCodes.TextTooLong"/>,
/// <see cref="Diagnostics.ErrorCodes.TooManyEntries"/>, <see cref="Diagnostics.ErrorCodes.NumberOutOfRange"/>,
/// <see cref="Diagnostics.ErrorCodes.DocumentTooLarge"/>), so every state the library can reach can be written and
/// read back by its own readers, whose limits are derived from these.
/// </summary>
/// <remarks>
/// Lengths count UTF-16 code units (what <see cref="string.Length"/> says; a Norwegian letter is one). History stored
/// before these limits existed is read back as it is: the limits apply to what is recorded from now on. See
/// <c>docs/limits.md</c> for the table of every field.
/// </remarks>
public static class Limits
{
    /// <summary>The longest name of an organisation, a unit, a person or a certifier: 200 characters.</summary>
    public const int NameLength = 200;

    /// <summary>The longest address of a unit: 200 characters.</summary>
    public const int AddressLength = 200;

    /// <summary>The longest ID of a person or a certifier, and of whoever records an event: 256 characters.</summary>
    public const int PersonIdLength = Lifecycle.Actor.MaxLength;

    /// <summary>The longest name of an event store's stream (usually the organisation number): 256 characters.</summary>
    public const int StreamNameLength = 256;

    /// <summary>The longest certificate number: 64 characters.</summary>
    public const int CertificateNumberLength = 64;

    /// <summary>The longest free text (a comment, a justification, a reason, a measure, a goal): 4,000 characters, several lines allowed.</summary>
    public const int TextLength = 4000;

    /// <summary>The longest evidence reference (a URI or a document name): 2,048 characters.</summary>
    public const int ReferenceLength = 2048;

    /// <summary>The most units in one organisation, headquarters included: 20,000 (the library is measured with up to 10,000 and the headquarters).</summary>
    public const int Units = 20_000;

    /// <summary>The most users with the management label in one unit: 50.</summary>
    public const int ManagementUsers = 50;

    /// <summary>The most evidence references in one assessment: 50.</summary>
    public const int EvidenceReferences = 50;

    /// <summary>The most goals, and the most measures, in one annual report: 100 each (its figures are one per indicator of the catalog).</summary>
    public const int ReportEntries = 100;

    /// <summary>The most role grants held in one organisation at a time: 10,000.</summary>
    public const int RoleGrants = 10_000;

    /// <summary>The most recomputations of climate accounts recorded in one organisation: 1,000.</summary>
    public const int Recomputations = 1_000;

    /// <summary>The most events in one organisation's history: 1,000,000.</summary>
    public const int Events = 1_000_000;

    /// <summary>The largest figure in an annual report, or goal: 1e12 (a thousand billion kWh, kg or kroner).</summary>
    public const double Quantity = 1e12;

    /// <summary>The largest emission factor, in kg CO₂e per unit: 1e6.</summary>
    public const double EmissionFactor = 1e6;

    /// <summary>
    /// The largest stored event, in bytes of its JSON: 8 MiB. The field limits keep every event under it (the largest
    /// event they allow is a corrected annual report of about 5 MiB, every character escaped); an event store refuses a
    /// larger one, and its reader accepts any event up to this size.
    /// </summary>
    public const int EventBytes = 8 * 1024 * 1024;
}
