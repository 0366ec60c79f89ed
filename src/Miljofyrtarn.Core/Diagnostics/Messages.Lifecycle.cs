
namespace Miljofyrtarn.Core.Diagnostics;

/// <summary>The message templates of the certification lifecycle: its guards, its history and its certificates.</summary>
internal static partial class Messages
{
    private static IEnumerable<KeyValuePair<string, string[]>> LifecycleTemplates() => new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [ErrorCodes.StartUpNotCompleted] = [
            "Oppstarten for «{0}» er ikke fullført; fullfør den på hovedkontoret først.",
            "Oppstarten for «{0}» er ikkje fullført; fullfør han på hovudkontoret først.",
            "The start-up of '{0}' is not completed; complete it on headquarters first."],
        [ErrorCodes.RolesNotAppointed] = [
            "Hovedkontoret «{0}» mangler miljøfyrtårnansvarlig eller bruker med ledelsesmerket; utnevn begge før oppstarten fullføres.",
            "Hovudkontoret «{0}» manglar miljøfyrtårnansvarleg eller brukar med leiingsmerket; utnemn begge før oppstarten vert fullført.",
            "Headquarters '{0}' has no Miljøfyrtårn officer or no user with the management label; appoint both before completing the start-up."],
        [ErrorCodes.UnitDetailsIncomplete] = [
            "Enheten «{0}» mangler opplysninger: {1:detail}.",
            "Eininga «{0}» manglar opplysningar: {1:detail}.",
            "The unit '{0}' is missing details: {1:detail}."],
        [ErrorCodes.NoManagementUser] = [
            "Enheten «{0}» har ingen bruker med ledelsesmerket; gi minst én bruker merket.",
            "Eininga «{0}» har ingen brukar med leiingsmerket; gje minst éin brukar merket.",
            "The unit '{0}' has no user with the management label; give at least one user the label."],
        [ErrorCodes.NoMainSet] = [
            "Enheten «{0}» har ikke valgt hovedkriteriesett; velg det blant enhetens kriteriesett.",
            "Eininga «{0}» har ikkje valt hovudkriteriesett; vel det blant kriteriesetta til eininga.",
            "The unit '{0}' has not chosen its main set; choose it among the unit's sets."],
        [ErrorCodes.QuestionsUnanswered] = [
            "Enheten «{0}» har ikke svart på de innledende spørsmålene: {1}.",
            "Eininga «{0}» har ikkje svart på dei innleiande spørsmåla: {1}.",
            "The unit '{0}' has not answered the introductory questions: {1}."],
        [ErrorCodes.HeadquartersNotCertified] = [
            "Hovedkontoret «{0}» har ikke gyldig sertifikat; enhetene kan starte kartleggingen og godkjennes når hovedkontoret er sertifisert.",
            "Hovudkontoret «{0}» har ikkje gyldig sertifikat; einingane kan starte kartlegginga og verte godkjende når hovudkontoret er sertifisert.",
            "Headquarters '{0}' has no valid certificate; the units can open their mapping and be approved once headquarters is certified."],
        [ErrorCodes.CriteriaUnfulfilled] = [
            "{0} skal-krav er ikke oppfylt for «{1}» (ID {2}); marker dem som oppfylt eller ikke relevant (med begrunnelse) før levering.",
            "{0} skal-krav er ikkje oppfylte for «{1}» (ID {2}); merk dei som oppfylte eller ikkje relevante (med grunngjeving) før levering.",
            "{0} must-criteria are unfulfilled for '{1}' (IDs {2}); mark them fulfilled, or not applicable with a justification, before delivering."],
        [ErrorCodes.ActorNotManagement] = [
            "«{0}» har ikke ledelsesmerket i «{1}» og kan ikke levere til sertifisør; en bruker med ledelsesmerket må levere.",
            "«{0}» har ikkje leiingsmerket i «{1}» og kan ikkje levere til sertifisør; ein brukar med leiingsmerket må levere.",
            "'{0}' does not have the management label in '{1}' and cannot deliver to the certifier; a user with the management label must deliver."],
        [ErrorCodes.CertifierNotIndependent] = [
            "Sertifisøren «{0}» tilhører virksomheten selv ({1}); en kommune kan ikke sertifisere egne enheter.",
            "Sertifisøren «{0}» høyrer til verksemda sjølv ({1}); ein kommune kan ikkje sertifisere eigne einingar.",
            "The certifier '{0}' belongs to the organisation itself ({1}); a municipality may not certify its own units."],
        [ErrorCodes.ActionNotAllowedInState] = [
            "«{1:action}» er ikke mulig når «{0}» har status «{2:state}».",
            "«{1:action}» er ikkje mogleg når «{0}» har status «{2:state}».",
            "'{1:action}' is not possible while '{0}' is '{2:state}'."],
        [ErrorCodes.RecertificationTooEarly] = [
            "Resertifisering kan tidligst åpnes {0:long}, seks måneder før sertifikatet utløper.",
            "Resertifisering kan tidlegast opnast {0:long}, seks månader før sertifikatet går ut.",
            "Recertification opens on {0:long} at the earliest, six months before the certificate expires."],
        [ErrorCodes.TimeRunsBackwards] = [
            "Handlingen er datert {0}, før siste hendelse {1}.",
            "Handlinga er datert {0}, før siste hending {1}.",
            "The action is dated {0}, before the last event at {1}."],
        [ErrorCodes.ConcurrencyConflict] = [
            "Noen andre har endret organisasjonen i mellomtiden (forventet versjon {0}, nå versjon {1}); hent den på nytt og prøv igjen.",
            "Nokon andre har endra organisasjonen i mellomtida (venta versjon {0}, no versjon {1}); hent han på nytt og prøv igjen.",
            "Someone else changed the organisation meanwhile (expected version {0}, now version {1}); load it again and retry."],
        [ErrorCodes.CorruptHistory] = [
            "Hendelseshistorikken er ugyldig ved hendelse {0}, som ble avvist med {1} (se neste melding).",
            "Hendingshistorikken er ugyldig ved hending {0}, som vart avvist med {1} (sjå neste melding).",
            "The event history is invalid at event {0}, which was refused with {1} (see the next message)."],
        [ErrorCodes.ReportYearNotDue] = [
            "«{0}» kan ikke levere årsrapport for {1} nå: første rapportår er {2}, og rapporten for {1} kan leveres fra {3:long}.",
            "«{0}» kan ikkje levere årsrapport for {1} no: første rapportår er {2}, og rapporten for {1} kan leverast frå {3:long}.",
            "'{0}' cannot submit the annual report for {1} now: the first report year is {2}, and the report for {1} can be submitted from {3:long}."],
        [ErrorCodes.ReportAlreadySubmitted] = [
            "Årsrapporten for {1} er allerede levert for «{0}».",
            "Årsrapporten for {1} er allereie levert for «{0}».",
            "The annual report for {1} is already submitted for '{0}'."],
        [ErrorCodes.PostponementNotLater] = [
            "Ny frist {0:long} er ikke senere enn gjeldende frist {1:long}.",
            "Ny frist {0:long} er ikkje seinare enn gjeldande frist {1:long}.",
            "The new due date, {0:long}, is not later than the current one, {1:long}."],
        [ErrorCodes.CoveredByHostCertificate] = [
            "Enheten «{0}» dekkes av sertifikatet til «{1}».",
            "Eininga «{0}» er dekt av sertifikatet til «{1}».",
            "The unit '{0}' is covered by the certificate of '{1}'."],
        [ErrorCodes.InvalidCertificateNumber] = [
            "Sertifikatnummeret «{0}» er tomt eller allerede brukt.",
            "Sertifikatnummeret «{0}» er tomt eller allereie brukt.",
            "The certificate number '{0}' is blank or already used."],
        [ErrorCodes.CertificateNotExpired] = [
            "Sertifikatet til «{0}» gjelder til og med {1:long}; det kan markeres som utløpt fra dagen etter.",
            "Sertifikatet til «{0}» gjeld til og med {1:long}; det kan merkast som utgått frå dagen etter.",
            "The certificate of '{0}' is valid until {1:long} inclusive; it can be expired from the day after."],
        [ErrorCodes.UnitHasCertificate] = [
            "Enheten «{0}» har status «{1:state}» og kan ikke fjernes; inndra sertifikatet først.",
            "Eininga «{0}» har status «{1:state}» og kan ikkje fjernast; inndra sertifikatet først.",
            "The unit '{0}' is '{1:state}' and cannot be removed; withdraw its certificate first."],
        [ErrorCodes.CatalogMismatch] = [
            "Historikken er registrert med katalog {0}, men katalog {1} ble gitt.",
            "Historikken er registrert med katalog {0}, men katalog {1} vart gitt.",
            "The history was recorded with catalog {0}, but catalog {1} was given."],
        [ErrorCodes.StartUpAlreadyCompleted] = [
            "Oppstarten for «{0}» er allerede fullført.",
            "Oppstarten for «{0}» er allereie fullført.",
            "The start-up of '{0}' is already completed."],
        [ErrorCodes.StateWithoutValidCertificate] = [
            "Enheten «{0}» har status «{1:state}», men har ikke et gyldig sertifikat.",
            "Eininga «{0}» har status «{1:state}», men har ikkje eit gyldig sertifikat.",
            "The unit '{0}' is '{1:state}' but has no valid certificate."],
        [ErrorCodes.NoValidCertificate] = [
            "«{0}» har ikke et gyldig sertifikat i dag (status «{1:state}»), så en oppfølgingsrevisjon kan ikke registreres.",
            "«{0}» har ikkje eit gyldig sertifikat i dag (status «{1:state}»), så ein oppfølgingsrevisjon kan ikkje registrerast.",
            "'{0}' holds no valid certificate today ('{1:state}'), so a follow-up audit cannot be recorded."],
        [ErrorCodes.ImpossibleState] = [
            "Tilstanden kan ikke oppstå for «{0}»: {1:invariant}.",
            "Tilstanden kan ikkje oppstå for «{0}»: {1:invariant}.",
            "The state cannot occur for '{0}': {1:invariant}."],
        [ErrorCodes.ApprovedBeforeHeadquarters] = [
            "Enheten «{0}» ble godkjent {1}, men hovedkontoret var ikke sertifisert før da.",
            "Eininga «{0}» vart godkjend {1}, men hovudkontoret var ikkje sertifisert før då.",
            "The unit '{0}' was approved on {1}, but headquarters was not certified before then."],
    };
}
