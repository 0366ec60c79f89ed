namespace Miljofyrtarn.Core.Diagnostics;

/// <content>The codes of annual reports and climate accounts (MFT06xx).</content>
public static partial class ErrorCodes
{
    // ---- Annual reports and climate accounts (MFT06xx) ----

    /// <summary>No indicator with that code in the indicator catalog.</summary>
    public const string UnknownIndicator = "MFT0601";

    /// <summary>A value is given in another unit than its indicator's (or a factor's unit is not its indicator's).</summary>
    public const string WrongIndicatorUnit = "MFT0602";

    /// <summary>A figure is negative, not a number, or infinite.</summary>
    public const string InvalidIndicatorValue = "MFT0603";

    /// <summary>A percentage is over 100.</summary>
    public const string PercentOver100 = "MFT0604";

    /// <summary>The same indicator is given twice in one report.</summary>
    public const string DuplicateIndicatorValue = "MFT0605";

    /// <summary>A report is for a year that has not ended.</summary>
    public const string ReportYearNotEnded = "MFT0606";

    /// <summary>A mandatory indicator is missing from a report.</summary>
    public const string MandatoryIndicatorMissing = "MFT0607";

    /// <summary>An indicator is not asked for in the report year: retired, or not yet introduced.</summary>
    public const string IndicatorNotInYear = "MFT0608";

    /// <summary>The factor set lacks a factor the climate account needs.</summary>
    public const string MissingEmissionFactor = "MFT0609";

    /// <summary>Two factors for one activity in one factor set (one year and region).</summary>
    public const string DuplicateEmissionFactor = "MFT0610";

    /// <summary>No factor set qualifies for the report year on the day of computation.</summary>
    public const string NoFactorSet = "MFT0611";

    /// <summary>A warning, not a refusal: a figure changed tenfold or more since the previous report.</summary>
    public const string ImplausibleChange = "MFT0612";

    /// <summary>Two indicators with the same code in one catalog.</summary>
    public const string DuplicateIndicator = "MFT0613";

    /// <summary>An indicator or activity code is not 1–64 lowercase letters, digits and hyphens.</summary>
    public const string InvalidIndicatorCode = "MFT0614";

    /// <summary>A report is corrected that was never submitted.</summary>
    public const string ReportNotSubmitted = "MFT0615";

    /// <summary>No fee schedule had taken effect on the date.</summary>
    public const string NoFeeSchedule = "MFT0616";

    /// <summary>A unit's FTEs (årsverk) are not given, so its fee band is unknown.</summary>
    public const string MissingFullTimeEquivalents = "MFT0617";

    /// <summary>A unit owes no annual report for the year asked for, so there is none to show.</summary>
    public const string ReportNotFound = "MFT0618";

    /// <summary>A report gives more electricity covered by guarantees of origin than the electricity it used, which the guaranteed part is part of.</summary>
    public const string GuaranteedExceedsUse = "MFT0619";

    /// <summary>A warning, never a refusal: a fuel of the energy theme has no energy content, so it is missing from the energy figure.</summary>
    public const string NoEnergyContent = "MFT0620";

    /// <summary>A warning, never a refusal: a consumption of the energy theme measures no activity, so it is missing from the climate account.</summary>
    public const string NotInAccount = "MFT0621";

    /// <summary>
    /// No loaded emission factor set has the ID and publication day a report or a recomputation recorded, so the account
    /// recorded with it cannot be reproduced: load the set again (a corrected set is published under a new day).
    /// </summary>
    public const string FactorSetNotFound = "MFT0622";

    /// <summary>A climate account is recomputed with the factor set it already uses.</summary>
    public const string RecomputationNotNeeded = "MFT0623";

    /// <summary>No report with content is submitted for the year, so there is no climate account to recompute.</summary>
    public const string NoAccountToRecompute = "MFT0624";

    /// <summary>A climate target's path starts from its base year, but that year has no climate account with a figure by the target's Scope 2 method.</summary>
    public const string NoBaseYearAccount = "MFT0625";

    /// <summary>The organisation has set no climate target.</summary>
    public const string NoClimateTarget = "MFT0626";
}
