using System.Collections.Frozen;
using System.Globalization;
using Miljofyrtarn.Core.Localization;

namespace Miljofyrtarn.Core.Diagnostics;

/// <summary>The localised message templates behind each <see cref="ErrorCodes">error code</see>.</summary>
internal static partial class Messages
{
    private static readonly FrozenDictionary<string, string[]> Templates = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [ErrorCodes.MalformedJson] = [
            "Dokumentet er ikke gyldig JSON her (for eksempel en manglende klamme, et manglende komma, tekst etter slutten eller ugyldige tegn).",
            "Dokumentet er ikkje gyldig JSON her (til dømes ei manglande klamme, eit manglande komma, tekst etter slutten eller ugyldige teikn).",
            "The document is not well-formed JSON here (for example a missing bracket or comma, content after the end, or invalid characters)."],
        [ErrorCodes.WrongJsonType] = [
            "Verdien har feil type; her skal det stå {0:jsontype}.",
            "Verdien har feil type; her skal det stå {0:jsontype}.",
            "The value has the wrong type; {0:jsontype} belongs here."],
        [ErrorCodes.DocumentTooLarge] = [
            "Dokumentet er større enn grensen på {0} byte.",
            "Dokumentet er større enn grensa på {0} byte.",
            "The document is larger than the limit of {0} bytes."],
        [ErrorCodes.DocumentTooDeep] = [
            "Dokumentet er nøstet dypere enn grensen på {0} nivåer.",
            "Dokumentet er nøsta djupare enn grensa på {0} nivå.",
            "The document nests deeper than the limit of {0} levels."],
        [ErrorCodes.DuplicateProperty] = [
            "Egenskapen «{0}» forekommer mer enn én gang i samme objekt.",
            "Eigenskapen «{0}» finst meir enn éin gong i same objekt.",
            "The property '{0}' occurs more than once in the same object."],
        [ErrorCodes.MissingProperty] = [
            "Den påkrevde egenskapen «{0}» mangler eller er tom.",
            "Den påkravde eigenskapen «{0}» manglar eller er tom.",
            "The required property '{0}' is missing or empty."],
        [ErrorCodes.UnknownProperty] = [
            "Egenskapen «{0}» er ukjent i dette formatet.",
            "Eigenskapen «{0}» er ukjend i dette formatet.",
            "The property '{0}' is not part of this format."],
        [ErrorCodes.InvalidValue] = [
            "Verdien «{0}» er ugyldig; gyldig er: {1}.",
            "Verdien «{0}» er ugyldig; gyldig er: {1}.",
            "The value '{0}' is invalid; valid is: {1}."],
        [ErrorCodes.UnsupportedSchemaVersion] = [
            "Skjemaversjon {0} støttes ikke; dette biblioteket leser versjon {1}.",
            "Skjemaversjon {0} er ikkje støtta; dette biblioteket les versjon {1}.",
            "Schema version {0} is not supported; this library reads version {1}."],
        [ErrorCodes.FileNotFound] = [
            "Finner ikke filen «{0}».",
            "Finn ikkje fila «{0}».",
            "The file '{0}' does not exist."],
        [ErrorCodes.FileNotReadable] = [
            "Filen «{0}» kan ikke leses: den er en mappe, mangler lesetilgang eller er låst.",
            "Fila «{0}» kan ikkje lesast: ho er ei mappe, manglar lesetilgang eller er låst.",
            "The file '{0}' cannot be read: it is a directory, access is denied, or it is locked."],
        [ErrorCodes.DuplicateId] = [
            "ID-en «{1}» er brukt for mer enn ett element av typen {0}.",
            "ID-en «{1}» er brukt for meir enn eitt element av typen {0}.",
            "The ID '{1}' is used for more than one {0}."],
        [ErrorCodes.UnknownTheme] = [
            "Kriterium {0} viser til temaet «{1}», som ikke finnes i katalogen.",
            "Kriterium {0} viser til temaet «{1}», som ikkje finst i katalogen.",
            "Criterion {0} refers to the theme '{1}', which is not in the catalog."],
        [ErrorCodes.UnknownCriterionInSet] = [
            "Kriteriesettet «{0}» viser til kriterium {1}, som ikke finnes i katalogen.",
            "Kriteriesettet «{0}» viser til kriterium {1}, som ikkje finst i katalogen.",
            "The criteria set '{0}' refers to criterion {1}, which is not in the catalog."],
        [ErrorCodes.RetiredWithoutReplacement] = [
            "Kriterium {0} er utgått, men oppgir ikke hvilket kriterium som erstatter det.",
            "Kriterium {0} er utgått, men oppgjev ikkje kva kriterium som erstattar det.",
            "Criterion {0} is retired but does not name the criterion that replaces it."],
        [ErrorCodes.CyclicReplacement] = [
            "Erstatningskjeden fra kriterium {0} går i ring: {1}.",
            "Erstatningskjeda frå kriterium {0} går i ring: {1}.",
            "The replacement chain from criterion {0} is cyclic: {1}."],
        [ErrorCodes.UnknownReplacement] = [
            "Kriterium {0} erstattes av kriterium {1}, som ikke finnes i katalogen.",
            "Kriterium {0} vert erstatta av kriterium {1}, som ikkje finst i katalogen.",
            "Criterion {0} is replaced by criterion {1}, which is not in the catalog."],
        [ErrorCodes.RetiredCriterionInActiveSet] = [
            "Kriteriesettet «{0}» er i kraft, men inneholder det utgåtte kriteriet {1}.",
            "Kriteriesettet «{0}» er i kraft, men inneheld det utgåtte kriteriet {1}.",
            "The criteria set '{0}' is in force but contains the retired criterion {1}."],
        [ErrorCodes.UnknownQuestion] = [
            "Vilkåret viser til det innledende spørsmålet «{0}», som ikke finnes i katalogen.",
            "Vilkåret viser til det innleiande spørsmålet «{0}», som ikkje finst i katalogen.",
            "The condition refers to the introductory question '{0}', which is not in the catalog."],
        [ErrorCodes.MissingNorwegianText] = [
            "Teksten «{0}» mangler bokmålsversjon (nb).",
            "Teksten «{0}» manglar bokmålsversjon (nb).",
            "The text '{0}' has no Norwegian Bokmål (nb) version."],
        [ErrorCodes.PeriodEndsBeforeStart] = [
            "Perioden slutter {1}, før den begynner {0}.",
            "Perioden sluttar {1}, før han byrjar {0}.",
            "The period ends on {1}, before it starts on {0}."],
        [ErrorCodes.ActiveWithReplacement] = [
            "Kriterium {0} er aktivt, men oppgir en erstatning ({1}); bare utgåtte kriterier erstattes.",
            "Kriterium {0} er aktivt, men oppgjev ei erstatning ({1}); berre utgåtte kriterium vert erstatta.",
            "Criterion {0} is active but names a replacement ({1}); only retired criteria are replaced."],
        [ErrorCodes.DuplicateCriterionInSet] = [
            "Kriteriesettet «{0}» inneholder kriterium {1} mer enn én gang.",
            "Kriteriesettet «{0}» inneheld kriterium {1} meir enn éin gong.",
            "The criteria set '{0}' lists criterion {1} more than once."],
        [ErrorCodes.AmbiguousCommonSets] = [
            "Fellessettene «{0}» og «{1}» gjelder fra samme dato for samme type virksomhet.",
            "Fellessetta «{0}» og «{1}» gjeld frå same dato for same type verksemd.",
            "The common sets '{0}' and '{1}' start on the same date for the same kind of organisation."],
        [ErrorCodes.NoCommonSet] = [
            "Katalogen har ingen felleskriterier for {0} med oppstart {1}.",
            "Katalogen har ingen felleskriterium for {0} med oppstart {1}.",
            "The catalog has no common criteria for {0} starting on {1}."],
        [ErrorCodes.SetThemeCriterion] = [
            "Kriteriesettet «{0}» plasserer kriterium {1} under et tema, men kriteriet er ikke med i settet eller er allerede plassert.",
            "Kriteriesettet «{0}» plasserer kriterium {1} under eit tema, men kriteriet er ikkje med i settet eller er alt plassert.",
            "The criteria set '{0}' places criterion {1} under a theme, but the criterion is not in the set or is already placed."],
        [ErrorCodes.UnknownSetTheme] = [
            "Kriteriesettet «{0}» grupperer kriterier under temaet «{1}», som ikke finnes i katalogen.",
            "Kriteriesettet «{0}» grupperer kriterium under temaet «{1}», som ikkje finst i katalogen.",
            "The criteria set '{0}' groups criteria under the theme '{1}', which is not in the catalog."],
        [ErrorCodes.InvalidOrganisationNumber] = [
            "«{0}» er ikke et gyldig organisasjonsnummer (9 sifre med gyldig kontrollsiffer).",
            "«{0}» er ikkje eit gyldig organisasjonsnummer (9 siffer med gyldig kontrollsiffer).",
            "'{0}' is not a valid organisation number (9 digits with a valid check digit)."],
        [ErrorCodes.SecondHeadquarters] = [
            "Enheten «{0}» kan ikke være hovedkontor; «{1}» er allerede hovedkontor.",
            "Eininga «{0}» kan ikkje vere hovudkontor; «{1}» er allereie hovudkontor.",
            "The unit '{0}' cannot be headquarters; '{1}' already is."],
        [ErrorCodes.DuplicateUnitId] = [
            "Enhets-ID-en «{0}» er allerede i bruk.",
            "Einings-ID-en «{0}» er allereie i bruk.",
            "The unit ID '{0}' is already in use."],
        [ErrorCodes.UnknownSet] = [
            "Kriteriesettet «{0}» finnes ikke i katalogen {1}.",
            "Kriteriesettet «{0}» finst ikkje i katalogen {1}.",
            "The criteria set '{0}' is not in the catalog {1}."],
        [ErrorCodes.SetNotInForce] = [
            "Kriteriesettet «{0}» er ikke i kraft {1}.",
            "Kriteriesettet «{0}» er ikkje i kraft {1}.",
            "The criteria set '{0}' is not in force on {1}."],
        [ErrorCodes.CommonSetNotLocked] = [
            "Enheten kan ikke velge fellessettet «{0}»; virksomheten følger «{1}».",
            "Eininga kan ikkje velje fellessettet «{0}»; verksemda følgjer «{1}».",
            "The unit cannot choose the common set '{0}'; the organisation follows '{1}'."],
        [ErrorCodes.UnknownQuestionAnswered] = [
            "Det innledende spørsmålet «{0}» finnes ikke i katalogen.",
            "Det innleiande spørsmålet «{0}» finst ikkje i katalogen.",
            "The introductory question '{0}' is not in the catalog."],
        [ErrorCodes.CriterionNotApplicable] = [
            "Kriterium {0} gjelder ikke for enheten «{1}».",
            "Kriterium {0} gjeld ikkje for eininga «{1}».",
            "Criterion {0} does not apply to the unit '{1}'."],
        [ErrorCodes.CriterionAllocatedToHeadquarters] = [
            "Kriterium {0} er fordelt til hovedkontoret og oppfylles ikke av enheten «{1}».",
            "Kriterium {0} er fordelt til hovudkontoret og vert ikkje oppfylt av eininga «{1}».",
            "Criterion {0} is allocated to headquarters and is not fulfilled by the unit '{1}'."],
        [ErrorCodes.JustificationRequired] = [
            "Kriterium {0} kan ikke settes som ikke relevant for «{1}» uten begrunnelse.",
            "Kriterium {0} kan ikkje setjast som ikkje relevant for «{1}» utan grunngjeving.",
            "Criterion {0} cannot be marked not applicable for '{1}' without a justification."],
        [ErrorCodes.InvalidSha256] = [
            "«{0}» er ikke en SHA-256-verdi (64 heksadesimale sifre).",
            "«{0}» er ikkje ein SHA-256-verdi (64 heksadesimale siffer).",
            "'{0}' is not a SHA-256 value (64 hexadecimal digits)."],
        [ErrorCodes.UnknownUnit] = [
            "Virksomheten har ingen enhet med ID «{0}».",
            "Verksemda har inga eining med ID «{0}».",
            "The organisation has no unit with the ID '{0}'."],
        [ErrorCodes.MainSetNotChosen] = [
            "Hovedkriteriesettet «{0}» er ikke blant enhetens kriteriesett.",
            "Hovudkriteriesettet «{0}» er ikkje blant kriteriesetta til eininga.",
            "The main set '{0}' is not one of the unit's criteria sets."],
        [ErrorCodes.InvalidUnitId] = [
            "«{0}» er ikke en gyldig enhets-ID (1–64 tegn: bokstaver, sifre, «-», «_» og «.»).",
            "«{0}» er ikkje ein gyldig einings-ID (1–64 teikn: bokstavar, siffer, «-», «_» og «.»).",
            "'{0}' is not a valid unit ID (1–64 characters: letters, digits, '-', '_' and '.')."],
        [ErrorCodes.InvalidFullTimeEquivalents] = [
            "Antall årsverk må være mellom 0 og 1 000 000; det var {0}.",
            "Talet på årsverk må vere mellom 0 og 1 000 000; det var {0}.",
            "The number of full-time equivalents must be between 0 and 1,000,000; it was {0}."],
        [ErrorCodes.InvalidCertificateHost] = [
            "Enheten «{0}» kan ikke dele eller knyttes til sertifikatet til «{1}»; vertsenheten må finnes, være en annen enhet og ha eget sertifikat, og ved samlokalisering ha samme adresse.",
            "Eininga «{0}» kan ikkje dele eller knytast til sertifikatet til «{1}»; vertseininga må finnast, vere ei anna eining og ha eige sertifikat, og ved samlokalisering ha same adresse.",
            "The unit '{0}' cannot share or be attached to the certificate of '{1}'; the host must exist, be another unit, hold its own certificate and, when co-located, have the same address."],
        [ErrorCodes.UnknownCriterion] = [
            "Kriterium {0} finnes ikke i katalogen.",
            "Kriterium {0} finst ikkje i katalogen.",
            "Criterion {0} is not in the catalog."],
        [ErrorCodes.UnitCannotBeRemoved] = [
            "Enheten «{0}» er hovedkontoret og kan ikke fjernes.",
            "Eininga «{0}» er hovudkontoret og kan ikkje fjernast.",
            "The unit '{0}' is headquarters and cannot be removed."],
        [ErrorCodes.BlankText] = [
            "«{0}» kan ikke være tom.",
            "«{0}» kan ikkje vere tom.",
            "'{0}' must not be blank."],
        [ErrorCodes.DuplicateEntry] = [
            "«{1}» forekommer mer enn én gang i {0}.",
            "«{1}» finst meir enn éin gong i {0}.",
            "'{1}' occurs more than once in {0}."],
        [ErrorCodes.TamperedHistory] = [
            "Historikken er endret: hendelse {0} stemmer ikke med hash-kjeden (den eller en tidligere hendelse er endret, slettet, satt inn eller flyttet).",
            "Historikken er endra: hending {0} stemmer ikkje med hash-kjeda (ho eller ei tidlegare hending er endra, sletta, sett inn eller flytta).",
            "The history was altered: event {0} does not match the hash chain (it or an earlier event was changed, deleted, inserted or moved)."],
        [ErrorCodes.DateOutOfRange] = [
            "Datoen {0} er utenfor området som støttes ({1} til {2}).",
            "Datoen {0} er utanfor området som er støtta ({1} til {2}).",
            "The date {0} is outside the supported range ({1} to {2})."],
        [ErrorCodes.InvalidReminderOffset] = [
            "Påminnelse {0} dager før fristen er ugyldig; tillatt er 0 til 366 dager, hver bare én gang.",
            "Påminning {0} dagar før fristen er ugyldig; tillate er 0 til 366 dagar, kvar berre éin gong.",
            "A reminder {0} days before the deadline is invalid; allowed are 0 to 366 days, each once."],
        [ErrorCodes.InvalidRuleBook] = [
            "Regelboken er ugyldig ved {0}: reglene må ha stigende, ulike startdatoer.",
            "Regelboka er ugyldig ved {0}: reglane må ha stigande, ulike startdatoar.",
            "The rule book is invalid at {0}: the rules must have increasing, distinct effective dates."],
        [ErrorCodes.NumberOutOfRange] = [
            "Verdien {1} for {0} er utenfor det tillatte området ({2} til {3}).",
            "Verdien {1} for {0} er utanfor det tillatne området ({2} til {3}).",
            "The value {1} of {0} is outside the allowed range ({2} to {3})."],
        [ErrorCodes.RangeEndsBeforeStart] = [
            "Perioden slutter {1}, før den begynner {0}.",
            "Perioden sluttar {1}, før han byrjar {0}.",
            "The range ends on {1}, before it starts on {0}."],
        [ErrorCodes.StoreUnavailable] = [
            "Hendelseslageret «{0}» kan ikke åpnes: mappen finnes ikke, tilgang mangler, eller serveren svarer ikke.",
            "Hendingslageret «{0}» kan ikkje opnast: mappa finst ikkje, tilgang manglar, eller tenaren svarar ikkje.",
            "The event store '{0}' cannot be opened: the directory does not exist, access is denied, or the server does not answer."],
        [ErrorCodes.StoreCorrupt] = [
            "«{0}» er ikke et hendelseslager, eller filen er skadet.",
            "«{0}» er ikkje eit hendingslager, eller fila er skadd.",
            "'{0}' is not an event store, or the file is damaged."],
        [ErrorCodes.StoreReadOnly] = [
            "Hendelseslageret «{0}» er skrivebeskyttet; hendelser kan ikke legges til.",
            "Hendingslageret «{0}» er skriveverna; hendingar kan ikkje leggjast til.",
            "The event store '{0}' is read-only; events cannot be appended."],
        [ErrorCodes.StoreFull] = [
            "Det er ikke plass til flere hendelser i «{0}»: disken er full.",
            "Det er ikkje plass til fleire hendingar i «{0}»: disken er full.",
            "There is no room for more events in '{0}': the disk is full."],
        [ErrorCodes.StreamNotFound] = [
            "Hendelseslageret har ingen organisasjon lagret som «{0}».",
            "Hendingslageret har ingen organisasjon lagra som «{0}».",
            "The event store holds no organisation stored as '{0}'."],
        [ErrorCodes.ActorRequired] = [
            "Ingen bruker er logget inn, så endringen «{0}» kan ikke knyttes til noen.",
            "Ingen brukar er logga inn, så endringa «{0}» kan ikkje knytast til nokon.",
            "Nobody is signed in, so the change '{0}' cannot be attributed to anyone."],
        [ErrorCodes.InvalidMunicipalityNumber] = [
            "Kommunenummeret «{0}» er ugyldig: det skal ha fire sifre, for eksempel 4601 for Bergen.",
            "Kommunenummeret «{0}» er ugyldig: det skal ha fire siffer, til dømes 4601 for Bergen.",
            "The municipality number '{0}' is invalid: it has four digits, for example 4601 for Bergen."],
        [ErrorCodes.InvalidSchemaName] = [
            "Skjemanavnet «{0}» kan ikke brukes: bruk små bokstaver a–z, sifre og _, høyst 63 tegn, og ikke et siffer først.",
            "Skjemanamnet «{0}» kan ikkje brukast: bruk små bokstavar a–z, siffer og _, høgst 63 teikn, og ikkje eit siffer først.",
            "The schema name '{0}' cannot be used: use lower-case letters a–z, digits and _, at most 63 characters, not starting with a digit."],
        [ErrorCodes.InMemoryDatabaseNotSupported] = [
            "«{0}» er en database i minnet, som forsvinner med hver tilkobling; bruk InMemoryEventStore.",
            "«{0}» er ein database i minnet, som forsvinn med kvar tilkopling; bruk InMemoryEventStore.",
            "'{0}' is an in-memory database, which vanishes with each connection; use InMemoryEventStore."],
    }.Concat(LifecycleTemplates()).Concat(ReportingTemplates()).Concat(RoleTemplates()).Concat(IntegrityTemplates()).ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>All codes that have messages; used by tests to check every code is localised.</summary>
    public static IEnumerable<string> Codes => Templates.Keys;

    /// <summary>How many arguments a code's messages name (the highest placeholder index plus one); null for an unknown code.</summary>
    public static int? ArgumentCount(string code) => ArgumentCounts.Value.TryGetValue(code, out var count) ? count : null;

    private static readonly Lazy<FrozenDictionary<string, int>> ArgumentCounts = new(() =>
        Templates.ToFrozenDictionary(t => t.Key, t => t.Value.Max(Placeholders), StringComparer.Ordinal));

    private static int Placeholders(string template)
    {
        var count = 0;
        for (var i = 0; i < template.Length - 1; i++)
        {
            if (template[i] == '{' && char.IsAsciiDigit(template[i + 1]))
            {
                var end = i + 1;
                while (end < template.Length && char.IsAsciiDigit(template[end]))
                {
                    end++;
                }

                count = Math.Max(count, int.Parse(template.AsSpan(i + 1, end - i - 1), CultureInfo.InvariantCulture) + 1);
            }
        }

        return count;
    }

    public static string Format(string code, Language language, IReadOnlyList<string> arguments)
    {
        if (!Templates.TryGetValue(code, out var templates))
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "No message is defined for this code.");
        }

        var template = templates[language switch
        {
            Language.NorwegianNynorsk => 1,
            Language.English => 2,
            _ => 0,
        }];
        var args = new object[arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            // ISO dates among the arguments are written as the reader expects them by the formatter (01.03.2027 in nb and
            // nn, or 1. mars 2027 with {n:long}); the arguments themselves stay ISO.
            args[i] = arguments[i];
        }

        return string.Format(new TermFormatter(language), template, args);
    }

    /// <summary>
    /// Formats arguments with the invariant culture; ISO dates in the language's form (<c>{n:long}</c> in prose); and
    /// <c>{n:state}</c>, <c>{n:action}</c>, <c>{n:phase}</c> and the other term kinds as localised terms.
    /// </summary>
    private sealed class TermFormatter(Language language) : IFormatProvider, ICustomFormatter
    {
        public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : CultureInfo.InvariantCulture.GetFormat(formatType);

        public string Format(string? format, object? arg, IFormatProvider? formatProvider) =>
            format == "num" && arg is string figure && double.TryParse(figure, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? Numbers.Format(number, language)
                : arg is string text && Dates.TryParseIso(text, out var date)
                ? format == "long" ? Dates.FormatLong(date, language) : Dates.Format(date, language)
                : format is "detail" or "roles" && arg is string list
                    ? string.Join(", ", list.Split(", ").Select(item => Terms.TryGet(format == "roles" ? "role" : format, item, language, out var detail) ? detail : item))
                : format is not null && arg is string name && Terms.TryGet(format, name, language, out var term)
                    ? term
                    : arg is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : arg?.ToString() ?? string.Empty;
    }
}
