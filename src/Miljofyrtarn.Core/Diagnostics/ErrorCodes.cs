namespace Miljofyrtarn.Core.Diagnostics;

/// <summary>
/// The stable codes of every error the library reports. A code never changes meaning and is never
/// reused; the message that goes with it is localised (see <see cref="Diagnostic.GetMessage(Localization.Language)"/>).
/// The full list with explanations is in <c>docs/error-codes.md</c>.
/// </summary>
public static partial class ErrorCodes
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

    /// <summary>A file to read does not exist.</summary>
    public const string FileNotFound = "MFT0010";

    /// <summary>A file exists but cannot be read: it is a directory, access is denied, or it is locked.</summary>
    public const string FileNotReadable = "MFT0011";

    /// <summary>A request body of a content type the API does not take (HTTP 415): it takes <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = "MFT0012";

    /// <summary>A CSV file lacks a column: its header does not name it, or a row has too few fields to reach it.</summary>
    public const string MissingCsvColumn = "MFT0013";

    /// <summary>A date in a file is in neither form a Norwegian spreadsheet saves: <c>01.03.2027</c> or <c>2027-03-01</c>.</summary>
    public const string UnrecognisedDate = "MFT0014";

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

    /// <summary>A set places a criterion under one of its themes, but the criterion is not in the set, or is placed twice.</summary>
    public const string SetThemeCriterion = "MFT0115";

    /// <summary>A set groups criteria under a theme that is not in the catalog.</summary>
    public const string UnknownSetTheme = "MFT0116";

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

    // ---- Lifecycle (MFT03xx) ----

    /// <summary>The organisation's start-up (oppstart) is not completed.</summary>
    public const string StartUpNotCompleted = "MFT0301";

    /// <summary>Start-up needs headquarters' Miljøfyrtårn officer and at least one management user.</summary>
    public const string RolesNotAppointed = "MFT0302";

    /// <summary>A unit's details are incomplete (name, address, full-time equivalents, officer as contact person).</summary>
    public const string UnitDetailsIncomplete = "MFT0303";

    /// <summary>A unit has no user with the management label (ledelsen).</summary>
    public const string NoManagementUser = "MFT0304";

    /// <summary>A unit has not chosen its main set (hovedkriteriesett).</summary>
    public const string NoMainSet = "MFT0305";

    /// <summary>A unit has not answered every introductory question.</summary>
    public const string QuestionsUnanswered = "MFT0306";

    /// <summary>Headquarters (HK) has no valid certificate, so a unit (UE) cannot open its mapping or be approved.</summary>
    public const string HeadquartersNotCertified = "MFT0307";

    /// <summary>Must-criteria are neither fulfilled nor marked not applicable.</summary>
    public const string CriteriaUnfulfilled = "MFT0308";

    /// <summary>Only a user with the management label may deliver the mapping to the certifier.</summary>
    public const string ActorNotManagement = "MFT0309";

    /// <summary>The certifier belongs to the organisation itself; a municipality may not certify its own units.</summary>
    public const string CertifierNotIndependent = "MFT0310";

    /// <summary>The action is not possible in the unit's current state.</summary>
    public const string ActionNotAllowedInState = "MFT0311";

    /// <summary>Recertification opens no earlier than six months before the certificate expires.</summary>
    public const string RecertificationTooEarly = "MFT0312";

    /// <summary>An action is dated before the organisation's last event.</summary>
    public const string TimeRunsBackwards = "MFT0313";

    /// <summary>The history has moved on since the version the action expected.</summary>
    public const string ConcurrencyConflict = "MFT0314";

    /// <summary>An event history is out of order, has gaps, or contains an event its state did not allow.</summary>
    public const string CorruptHistory = "MFT0315";

    /// <summary>An annual report for a year the unit does not report for (before its first report year, or not yet ended).</summary>
    public const string ReportYearNotDue = "MFT0316";

    /// <summary>The annual report for that year is already submitted.</summary>
    public const string ReportAlreadySubmitted = "MFT0317";

    /// <summary>A postponement must move the due date later than it is.</summary>
    public const string PostponementNotLater = "MFT0318";

    /// <summary>A co-located or attached unit is certified through its host and has no lifecycle of its own.</summary>
    public const string CoveredByHostCertificate = "MFT0319";

    /// <summary>A certificate number is blank or already issued.</summary>
    public const string InvalidCertificateNumber = "MFT0320";

    /// <summary>A unit's municipality number (<i>kommunenummer</i>) is not four digits starting with a county's number.</summary>
    public const string InvalidMunicipalityNumber = "MFT0221";

    /// <summary>A text is longer than its limit (<see cref="Limits"/>); the message names the field, the length and the limit.</summary>
    public const string TextTooLong = "MFT0222";

    /// <summary>A text holds a lone surrogate, or a control character other than tab and (where several lines are allowed) a line break.</summary>
    public const string InvalidText = "MFT0223";

    /// <summary>A collection has more entries than its limit (<see cref="Limits"/>): units, management users, evidence, goals, measures, role grants.</summary>
    public const string TooManyEntries = "MFT0224";

    /// <summary>A collection that must hold something is empty: an emission factor set without factors, an indicator catalog without indicators.</summary>
    public const string NoEntries = "MFT0225";

    /// <summary>A certificate cannot expire before its last valid day has passed.</summary>
    public const string CertificateNotExpired = "MFT0321";

    /// <summary>A unit that holds a certificate or is in certification cannot be removed; withdraw it first.</summary>
    public const string UnitHasCertificate = "MFT0322";

    /// <summary>An event history was recorded with another catalog version than the one given for replay.</summary>
    public const string CatalogMismatch = "MFT0323";

    /// <summary>The start-up is already completed.</summary>
    public const string StartUpAlreadyCompleted = "MFT0324";

    /// <summary>A stored state has a unit in a certified state without a valid certificate (none, or one withdrawn, expired or superseded).</summary>
    public const string StateWithoutValidCertificate = "MFT0325";

    /// <summary>A stored state breaks one of the lifecycle's invariants, so no sequence of actions can have reached it (see <c>docs/quality.md</c>).</summary>
    public const string ImpossibleState = "MFT0326";

    /// <summary>A unit (UE) was first approved before headquarters (HK) was ever certified.</summary>
    public const string ApprovedBeforeHeadquarters = "MFT0327";

    /// <summary>An event's stored hash does not match: the event, or one before it, was changed, deleted, inserted or moved.</summary>
    public const string TamperedHistory = "MFT0328";

    /// <summary>A follow-up audit is recorded for a unit that holds no valid certificate of its own today.</summary>
    public const string NoValidCertificate = "MFT0329";

    /// <summary>An organisation's history holds the most events it may (<see cref="Limits.Events"/>); nothing more can be recorded.</summary>
    public const string HistoryFull = "MFT0330";

    /// <summary>A change came without <c>If-Match</c> where the host requires one (HTTP 428): read the organisation first and send its ETag.</summary>
    public const string PreconditionRequired = "MFT0331";

    // ---- Schedule (MFT04xx) ----

    /// <summary>A date is outside the range the holiday calendar supports (1900–2200 for the Norwegian calendar).</summary>
    public const string DateOutOfRange = "MFT0401";

    /// <summary>A reminder offset is negative, longer than a year, or listed twice.</summary>
    public const string InvalidReminderOffset = "MFT0402";

    /// <summary>The dated rules of a rule book are empty or not in strictly increasing order of their effective dates.</summary>
    public const string InvalidRuleBook = "MFT0403";

    /// <summary>A number (a count of days, a year, a sequence number) is outside the range the operation accepts.</summary>
    public const string NumberOutOfRange = "MFT0404";

    /// <summary>The end of a date range is before its start.</summary>
    public const string RangeEndsBeforeStart = "MFT0405";

    // ---- Event stores (MFT05xx) ----

    /// <summary>The event store cannot be opened or reached: a missing directory, no access, or a server that does not answer.</summary>
    public const string StoreUnavailable = "MFT0501";

    /// <summary>The event store's file is not a database of this store, or it is damaged.</summary>
    public const string StoreCorrupt = "MFT0502";

    /// <summary>The event store is read-only, so events cannot be appended.</summary>
    public const string StoreReadOnly = "MFT0503";

    /// <summary>The event store has no room for more events: the disk is full.</summary>
    public const string StoreFull = "MFT0504";

    /// <summary>An in-memory SQLite database was given; it would vanish with each connection. Use the in-memory event store.</summary>
    public const string InMemoryDatabaseNotSupported = "MFT0505";

    /// <summary>The event store holds no stream of that name: the organisation is not there (not found, as opposed to a corrupt history).</summary>
    public const string StreamNotFound = "MFT0506";

    /// <summary>A request that changes something names no user (nobody is signed in), so the change cannot be attributed.</summary>
    public const string ActorRequired = "MFT0507";

    /// <summary>A database schema name for a server store is not a plain identifier: lower-case letters a–z, digits and underscores, up to 63, not starting with a digit.</summary>
    public const string InvalidSchemaName = "MFT0508";

    /// <summary>A value read from a store has the wrong storage type or form (a hash stored as text, a position that is not a number): the store was edited outside the library.</summary>
    public const string CorruptStoredValue = "MFT0509";

    /// <summary>A page of the global feed has positions that do not strictly increase, so a reader resuming from its last position could loop.</summary>
    public const string FeedOutOfOrder = "MFT0510";

    /// <summary>A history without a complete hash chain (a version 1 document or store, or one with missing hashes) is refused, unless reading unverified history is allowed explicitly.</summary>
    public const string UnverifiedHistory = "MFT0511";

    /// <summary>A history differs from a kept chain statement (<see cref="Storage.ChainStatement"/>): its chain head at the statement's version is another.</summary>
    public const string HistoryDiffersFromStatement = "MFT0512";

    /// <summary>A chain statement's signature does not verify with the key given: it was altered, or signed with another key.</summary>
    public const string InvalidStatementSignature = "MFT0513";

    /// <summary>
    /// A value outside the hash chain disagrees with the history's first event, which the chain covers: a stream that
    /// holds another organisation's history (streams swapped or renamed), or a history document whose
    /// <c>catalogVersion</c> header is not the catalog its first event records.
    /// </summary>
    public const string HistoryBindingMismatch = "MFT0514";

    /// <summary>
    /// A stored snapshot does not match the history it summarises: its recorded chain head is not the stored hash of
    /// the event at its version, its digest does not cover its document, or the state it holds is not the state the
    /// events replay to. The snapshot (a cache of the history) was altered outside the library.
    /// </summary>
    public const string SnapshotMismatch = "MFT0515";

    // ---- Roles and access (MFT07xx) ----

    /// <summary>The actor holds no role that may take this action in the organisation (category <see cref="ErrorCategory.Forbidden"/>).</summary>
    public const string ActorLacksRole = "MFT0701";

    /// <summary>The certifier is not the one the foundation assigned to the organisation's round.</summary>
    public const string CertifierNotAssigned = "MFT0702";

    /// <summary>The certifier holds a role in the organisation, so is not impartial.</summary>
    public const string CertifierHoldsRole = "MFT0703";

    /// <summary>The certifier was the organisation's consultant, so is not impartial.</summary>
    public const string CertifierWasConsultant = "MFT0704";

    /// <summary>The organisation cannot grant this role: the certifier is assigned by the foundation, and the foundation is vouched for by the host.</summary>
    public const string RoleNotGrantable = "MFT0705";

    /// <summary>The person does not hold the role to be revoked.</summary>
    public const string RoleNotHeld = "MFT0706";

    /// <summary>A unit's contact is granted without naming the unit.</summary>
    public const string UnitRoleNeedsUnit = "MFT0707";

    /// <summary>The person holds the role already (for that unit, or the organisation).</summary>
    public const string RoleAlreadyHeld = "MFT0708";

    /// <summary>A person's ID (an actor, a person granted a role, a certifier) is longer than <see cref="Lifecycle.Actor.MaxLength"/> characters.</summary>
    public const string PersonIdTooLong = "MFT0709";
}
