namespace Miljofyrtarn.Core.Diagnostics;

public static partial class ErrorCodes
{
    /// <summary>The category of an error code: what kind of problem it is, for a host to map to a status or a policy.</summary>
    /// <param name="code">A code from <see cref="ErrorCodes"/>, for example <c>MFT0314</c>.</param>
    /// <returns>The code's category.</returns>
    /// <exception cref="ArgumentException">The code is not one of the library's codes.</exception>
    public static ErrorCategory GetCategory(string code) =>
        TryGetCategory(code, out var category) ? category : throw new ArgumentException($"'{code}' is not a Miljofyrtarn error code.", nameof(code));

    /// <summary>The category of an error code, if it is one of the library's codes.</summary>
    /// <param name="code">The code.</param>
    /// <param name="category">The category, when the code is known.</param>
    /// <returns><see langword="true"/> when the code is one of <see cref="ErrorCodes"/>.</returns>
    public static bool TryGetCategory(string? code, out ErrorCategory category)
    {
        category = code switch
        {
            ActorLacksRole or CertifierNotAssigned or CertifierHoldsRole or CertifierWasConsultant => ErrorCategory.Forbidden,
            FileNotFound or UnknownUnit or UnknownCriterion or StreamNotFound or ReportNotFound or NoClimateTarget => ErrorCategory.NotFound,
            ConcurrencyConflict or DuplicateUnitId or RoleAlreadyHeld => ErrorCategory.Conflict,
            CorruptHistory or TamperedHistory or StoreCorrupt or CatalogMismatch or CorruptStoredValue or FeedOutOfOrder
                or HistoryDiffersFromStatement or InvalidStatementSignature or HistoryBindingMismatch or SnapshotMismatch
                or StateWithoutValidCertificate or ImpossibleState or ApprovedBeforeHeadquarters => ErrorCategory.CorruptData,
            StoreUnavailable or StoreReadOnly or StoreFull or FileNotReadable => ErrorCategory.Unavailable,
            SetNotInForce or CommonSetNotLocked or CriterionNotApplicable or CriterionAllocatedToHeadquarters or UnitCannotBeRemoved
                or StartUpNotCompleted or RolesNotAppointed or UnitDetailsIncomplete or NoManagementUser or NoMainSet
                or QuestionsUnanswered or HeadquartersNotCertified or CriteriaUnfulfilled or ActorNotManagement
                or CertifierNotIndependent or ActionNotAllowedInState or RecertificationTooEarly or TimeRunsBackwards
                or ReportYearNotDue or ReportAlreadySubmitted or PostponementNotLater or CoveredByHostCertificate
                or CertificateNotExpired or UnitHasCertificate or StartUpAlreadyCompleted or NoValidCertificate
                or ReportYearNotEnded or MandatoryIndicatorMissing or MissingEmissionFactor or NoFactorSet
                or ImplausibleChange or NoEnergyContent or NotInAccount or ReportNotSubmitted or FactorSetNotFound or RecomputationNotNeeded or NoAccountToRecompute or NoBaseYearAccount or NoFeeSchedule or MissingFullTimeEquivalents or RoleNotHeld
                or HistoryFull => ErrorCategory.RefusedByRule,
            _ => (ErrorCategory)(-1),
        };

        if (category != (ErrorCategory)(-1))
        {
            return true;
        }

        category = ErrorCategory.InvalidInput;
        return code is not null && IsInvalidInput(code);
    }

    private static bool IsInvalidInput(string code) => code switch
    {
        MalformedJson or WrongJsonType or DocumentTooLarge or DocumentTooDeep or DuplicateProperty or MissingProperty
            or UnknownProperty or InvalidValue or UnsupportedSchemaVersion => true,
        DuplicateId or UnknownTheme or UnknownCriterionInSet or RetiredWithoutReplacement or CyclicReplacement
            or UnknownReplacement or RetiredCriterionInActiveSet or UnknownQuestion or MissingNorwegianText
            or PeriodEndsBeforeStart or ActiveWithReplacement or DuplicateCriterionInSet or AmbiguousCommonSets
            or NoCommonSet or SetThemeCriterion or UnknownSetTheme => true,
        InvalidOrganisationNumber or SecondHeadquarters or UnknownSet or UnknownQuestionAnswered or JustificationRequired
            or InvalidSha256 or MainSetNotChosen or InvalidUnitId or InvalidFullTimeEquivalents or InvalidCertificateHost
            or BlankText or DuplicateEntry or InvalidCertificateNumber or InvalidMunicipalityNumber
            or TextTooLong or InvalidText or TooManyEntries or NoEntries => true,
        DateOutOfRange or InvalidReminderOffset or InvalidRuleBook or NumberOutOfRange or RangeEndsBeforeStart
            or InMemoryDatabaseNotSupported or ActorRequired or InvalidSchemaName or UnverifiedHistory or PreconditionRequired or UnsupportedMediaType
            or MissingCsvColumn or UnrecognisedDate => true,
        UnknownIndicator or WrongIndicatorUnit or InvalidIndicatorValue or PercentOver100 or DuplicateIndicatorValue or GuaranteedExceedsUse
            or IndicatorNotInYear or DuplicateEmissionFactor or DuplicateIndicator or InvalidIndicatorCode => true,
        RoleNotGrantable or UnitRoleNeedsUnit or PersonIdTooLong => true,
        _ => false,
    };
}
