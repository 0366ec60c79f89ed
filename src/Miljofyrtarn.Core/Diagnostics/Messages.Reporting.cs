namespace Miljofyrtarn.Core.Diagnostics;

/// <summary>The message templates of the annual report and the climate account (MFT06xx).</summary>
internal static partial class Messages
{
    private static IEnumerable<KeyValuePair<string, string[]>> ReportingTemplates() => new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [ErrorCodes.UnknownIndicator] = [
            "Det finnes ingen indikator «{0}» i indikatorkatalogen.",
            "Det finst ingen indikator «{0}» i indikatorkatalogen.",
            "There is no indicator '{0}' in the indicator catalog."],
        [ErrorCodes.WrongIndicatorUnit] = [
            "«{0}» er oppgitt i {1:unit}, men skal oppgis i {2:unit}.",
            "«{0}» er oppgitt i {1:unit}, men skal oppgjevast i {2:unit}.",
            "'{0}' is given in {1:unit} but belongs in {2:unit}."],
        [ErrorCodes.InvalidIndicatorValue] = [
            "Verdien {1:num} for «{0}» er ikke et gyldig tall: den kan ikke være negativ, uendelig eller mangle.",
            "Verdien {1:num} for «{0}» er ikkje eit gyldig tal: han kan ikkje vere negativ, uendeleg eller mangle.",
            "The value {1:num} of '{0}' is not a valid figure: it may not be negative, infinite or missing."],
        [ErrorCodes.PercentOver100] = [
            "«{0}» er en prosentandel og kan ikke være {1:num} %; høyst 100 %.",
            "«{0}» er ein prosentdel og kan ikkje vere {1:num} %; høgst 100 %.",
            "'{0}' is a percentage and cannot be {1:num} %; at most 100 %."],
        [ErrorCodes.NoEnergyContent] = [
            "«{0}» har ikke noe energiinnhold i indikatorkatalogen, så forbruket er ikke med i energiforbruket.",
            "«{0}» har ikkje noko energiinnhald i indikatorkatalogen, så forbruket er ikkje med i energiforbruket.",
            "'{0}' has no energy content in the indicator catalog, so its use is missing from the energy figure."],
        [ErrorCodes.NotInAccount] = [
            "«{0}» måler ingen aktivitet i indikatorkatalogen, så forbruket er ikke med i klimaregnskapet.",
            "«{0}» måler ingen aktivitet i indikatorkatalogen, så forbruket er ikkje med i klimarekneskapen.",
            "'{0}' measures no activity in the indicator catalog, so its use is missing from the climate account."],
        [ErrorCodes.GuaranteedExceedsUse] = [
            "«{0}» ({1:num} kWh) er strøm med opprinnelsesgaranti og en del av strømforbruket, men «{2}» er bare {3:num} kWh.",
            "«{0}» ({1:num} kWh) er straum med opphavsgaranti og ein del av straumforbruket, men «{2}» er berre {3:num} kWh.",
            "'{0}' ({1:num} kWh) is electricity covered by guarantees of origin and part of the electricity use, but '{2}' is only {3:num} kWh."],
        [ErrorCodes.DuplicateIndicatorValue] = [
            "Indikatoren «{0}» er oppgitt mer enn én gang i rapporten.",
            "Indikatoren «{0}» er oppgitt meir enn éin gong i rapporten.",
            "The indicator '{0}' is given more than once in the report."],
        [ErrorCodes.ReportYearNotEnded] = [
            "Det kan ikke rapporteres for {0} ennå: året er ikke omme (i dag er det {1}).",
            "Det kan ikkje rapporterast for {0} enno: året er ikkje omme (i dag er det {1}).",
            "{0} cannot be reported yet: the year has not ended (today is {1})."],
        [ErrorCodes.MandatoryIndicatorMissing] = [
            "Indikatoren «{0}» er obligatorisk i rapporten for {1}, men mangler.",
            "Indikatoren «{0}» er obligatorisk i rapporten for {1}, men manglar.",
            "The indicator '{0}' is mandatory in the report for {1} but missing."],
        [ErrorCodes.IndicatorNotInYear] = [
            "Indikatoren «{0}» brukes ikke i rapporteringsåret {1}.",
            "Indikatoren «{0}» vert ikkje brukt i rapporteringsåret {1}.",
            "The indicator '{0}' is not used in report year {1}."],
        [ErrorCodes.MissingEmissionFactor] = [
            "Faktorsettet «{2}» for {1} har ingen utslippsfaktor for «{0}»; last inn et sett som har det, eller utelat aktiviteten med en begrunnelse.",
            "Faktorsettet «{2}» for {1} har ingen utsleppsfaktor for «{0}»; last inn eit sett som har det, eller utelat aktiviteten med ei grunngjeving.",
            "The factor set '{2}' for {1} has no emission factor for '{0}'; load a set that has one, or leave the activity out with a reason."],
        [ErrorCodes.DuplicateEmissionFactor] = [
            "Faktorsettet for {1} ({2}) har mer enn én faktor for «{0}».",
            "Faktorsettet for {1} ({2}) har meir enn éin faktor for «{0}».",
            "The factor set for {1} ({2}) has more than one factor for '{0}'."],
        [ErrorCodes.NoFactorSet] = [
            "Ingen faktorsett for rapporteringsåret {0} var publisert {1}.",
            "Ingen faktorsett for rapporteringsåret {0} var publisert {1}.",
            "No factor set for report year {0} was published on {1}."],
        [ErrorCodes.ImplausibleChange] = [
            "«{0}» har endret seg fra {1:num} i {3} til {2:num}, ti ganger eller mer; kontroller tallet og enheten.",
            "«{0}» har endra seg frå {1:num} i {3} til {2:num}, ti gonger eller meir; kontroller talet og eininga.",
            "'{0}' changed from {1:num} in {3} to {2:num}, tenfold or more; check the figure and its unit."],
        [ErrorCodes.DuplicateIndicator] = [
            "Indikatorkoden «{0}» forekommer mer enn én gang i katalogen.",
            "Indikatorkoden «{0}» finst meir enn éin gong i katalogen.",
            "The indicator code '{0}' occurs more than once in the catalog."],
        [ErrorCodes.InvalidIndicatorCode] = [
            "«{0}» er ikke en gyldig kode (1–64 tegn: små bokstaver a–z, sifre og «-»).",
            "«{0}» er ikkje ein gyldig kode (1–64 teikn: små bokstavar a–z, siffer og «-»).",
            "'{0}' is not a valid code (1–64 characters: lowercase letters a–z, digits and '-')."],
        [ErrorCodes.ReportNotSubmitted] = [
            "{0} har ikke levert rapporten for {1}, så den kan ikke rettes.",
            "{0} har ikkje levert rapporten for {1}, så han kan ikkje rettast.",
            "{0} has not submitted the report for {1}, so it cannot be corrected."],
        [ErrorCodes.NoFeeSchedule] = [
            "Ingen prisliste gjaldt {0}.",
            "Ingen prisliste galdt {0}.",
            "No fee schedule was in force on {0}."],
        [ErrorCodes.MissingFullTimeEquivalents] = [
            "Antall årsverk er ikke oppgitt for {0}, så avgiften kan ikke beregnes.",
            "Talet på årsverk er ikkje oppgitt for {0}, så avgifta kan ikkje reknast ut.",
            "The full-time equivalents of {0} are not given, so its fee cannot be estimated."],
        [ErrorCodes.ReportNotFound] = [
            "{0} skylder ingen klima- og miljørapport for {1}.",
            "{0} skuldar ingen klima- og miljørapport for {1}.",
            "{0} owes no climate and environment report for {1}."],
        [ErrorCodes.FactorSetNotFound] = [
            "Faktorsettet «{0}» publisert {1} er ikke lastet, så klimaregnskapet som ble beregnet med det, kan ikke gjenskapes.",
            "Faktorsettet «{0}» publisert {1} er ikkje lasta, så klimarekneskapen som vart rekna ut med det, kan ikkje gjenskapast.",
            "The factor set '{0}' published on {1} is not loaded, so the climate account computed with it cannot be reproduced."],
        [ErrorCodes.RecomputationNotNeeded] = [
            "Klimaregnskapet for {0} er allerede beregnet med faktorsettet «{1}».",
            "Klimarekneskapen for {0} er alt rekna ut med faktorsettet «{1}».",
            "The climate account for {0} is already computed with the factor set '{1}'."],
        [ErrorCodes.NoBaseYearAccount] = [
            "Klimamålet regnes fra basisåret {0}, men det finnes ikke noe klimaregnskap for {0} etter målets metode for scope 2.",
            "Klimamålet blir rekna frå basisåret {0}, men det finst ingen klimarekneskap for {0} etter metoden for scope 2 i målet.",
            "The climate target counts from its base year {0}, but there is no climate account for {0} by the target's Scope 2 method."],
        [ErrorCodes.NoClimateTarget] = [
            "{0} har ikke satt noe klimamål.",
            "{0} har ikkje sett noko klimamål.",
            "{0} has set no climate target."],
        [ErrorCodes.NoAccountToRecompute] = [
            "{0} har ingen levert rapport med innhold for {1}, så det finnes ikke noe klimaregnskap å beregne på nytt.",
            "{0} har ingen levert rapport med innhald for {1}, så det finst ikkje nokon klimarekneskap å rekne ut på nytt.",
            "{0} has no submitted report with content for {1}, so there is no climate account to recompute."],
    };
}
