namespace Miljofyrtarn.Core.Diagnostics;

/// <summary>The message templates of limits and integrity: what the library accepts, and tampering it detects.</summary>
internal static partial class Messages
{
    private static IEnumerable<KeyValuePair<string, string[]>> IntegrityTemplates() => new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [ErrorCodes.TextTooLong] = [
            "«{0}» er {1} tegn lang; grensen er {2} tegn.",
            "«{0}» er {1} teikn lang; grensa er {2} teikn.",
            "'{0}' is {1} characters long; the limit is {2}."],
        [ErrorCodes.InvalidText] = [
            "«{0}» inneholder et ugyldig tegn ({1}) på plass {2}: en halv surrogat eller et kontrolltegn.",
            "«{0}» inneheld eit ugyldig teikn ({1}) på plass {2}: ein halv surrogat eller eit kontrollteikn.",
            "'{0}' holds an invalid character ({1}) at position {2}: a lone surrogate or a control character."],
        [ErrorCodes.TooManyEntries] = [
            "«{0}» har {1} oppføringer; grensen er {2}.",
            "«{0}» har {1} oppføringar; grensa er {2}.",
            "'{0}' has {1} entries; the limit is {2}."],
        [ErrorCodes.NoEntries] = [
            "«{0}» er tom; minst én oppføring trengs.",
            "«{0}» er tom; minst éi oppføring trengst.",
            "'{0}' is empty; at least one entry is needed."],
        [ErrorCodes.MissingCsvColumn] = [
            "Kolonnen «{0}» mangler (linje {1}).",
            "Kolonnen «{0}» manglar (linje {1}).",
            "The column '{0}' is missing (line {1})."],
        [ErrorCodes.UnrecognisedDate] = [
            "«{0}» er ikke en dato på formen 01.03.2027 eller 2027-03-01.",
            "«{0}» er ikkje ein dato på forma 01.03.2027 eller 2027-03-01.",
            "'{0}' is not a date in the form 01.03.2027 or 2027-03-01."],
        [ErrorCodes.UnsupportedMediaType] = [
            "Forespørselen har innholdstypen «{0}»; API-et tar bare imot application/json.",
            "Førespurnaden har innhaldstypen «{0}»; API-et tek berre imot application/json.",
            "The request's content type is '{0}'; the API takes application/json only."],
        [ErrorCodes.PreconditionRequired] = [
            "Endringen må sendes med If-Match: hent organisasjonen først og send med dens ETag ({0}).",
            "Endringa må sendast med If-Match: hent organisasjonen først og send med ETag-en hennar ({0}).",
            "The change must be sent with If-Match: read the organisation first and send its ETag ({0})."],
        [ErrorCodes.HistoryFull] = [
            "Historikken har {0} hendelser, det meste den kan ha; ingenting mer kan registreres.",
            "Historikken har {0} hendingar, det meste han kan ha; ingenting meir kan registrerast.",
            "The history holds {0} events, the most it may; nothing more can be recorded."],
        [ErrorCodes.CorruptStoredValue] = [
            "Lageret «{0}» er endret utenfor biblioteket: {1} i rad {2} har feil type eller form.",
            "Lageret «{0}» er endra utanfor biblioteket: {1} i rad {2} har feil type eller form.",
            "The store '{0}' was altered outside the library: {1} in row {2} has the wrong type or form."],
        [ErrorCodes.FeedOutOfOrder] = [
            "Strømmen av hendelser i «{0}» er i feil rekkefølge: posisjon {1} kommer etter {2}.",
            "Straumen av hendingar i «{0}» er i feil rekkjefølgje: posisjon {1} kjem etter {2}.",
            "The feed of '{0}' is out of order: position {1} comes after {2}."],
        [ErrorCodes.UnverifiedHistory] = [
            "Historikken har ingen fullstendig hash-kjede (hendelse 1 til {0} er ikke bevist uendret), og uverifisert historikk er ikke tillatt.",
            "Historikken har inga fullstendig hash-kjede (hending 1 til {0} er ikkje prova uendra), og uverifisert historikk er ikkje tillate.",
            "The history has no complete hash chain (events 1 to {0} are not proven unchanged), and unverified history is not allowed."],
        [ErrorCodes.HistoryDiffersFromStatement] = [
            "Historikken til «{0}» stemmer ikke med den lagrede erklæringen: ved versjon {1} er kjedehodet et annet (en hendelse til og med {1} er endret, slettet eller satt inn).",
            "Historikken til «{0}» stemmer ikkje med den lagra fråsegna: ved versjon {1} er kjedehovudet eit anna (ei hending til og med {1} er endra, sletta eller sett inn).",
            "The history of '{0}' differs from the kept statement: at version {1} its chain head is another (an event up to and including {1} was changed, deleted or inserted)."],
        [ErrorCodes.InvalidStatementSignature] = [
            "Signaturen på erklæringen for «{0}» versjon {1} stemmer ikke med nøkkelen: erklæringen er endret eller signert med en annen nøkkel.",
            "Signaturen på fråsegna for «{0}» versjon {1} stemmer ikkje med nøkkelen: fråsegna er endra eller signert med ein annan nøkkel.",
            "The signature of the statement for '{0}' version {1} does not verify with the key: the statement was altered or signed with another key."],
        [ErrorCodes.HistoryBindingMismatch] = [
            "«{0}» er «{1}», men historikkens første hendelse, som hash-kjeden dekker, sier «{2}»: historikken er flyttet eller endret utenfor biblioteket.",
            "«{0}» er «{1}», men den første hendinga i historikken, som hash-kjeda dekkjer, seier «{2}»: historikken er flytta eller endra utanfor biblioteket.",
            "'{0}' is '{1}', but the history's first event, which the hash chain covers, says '{2}': the history was moved or altered outside the library."],
        [ErrorCodes.SnapshotMismatch] = [
            "Øyeblikksbildet av «{0}» ved versjon {1} stemmer ikke med historikken: {2:snapshot}. Det er endret utenfor biblioteket.",
            "Augneblinksbiletet av «{0}» ved versjon {1} stemmer ikkje med historikken: {2:snapshot}. Det er endra utanfor biblioteket.",
            "The snapshot of '{0}' at version {1} does not match its history: {2:snapshot}. It was altered outside the library."],
    };
}
