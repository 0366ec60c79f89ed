using System.Collections.Frozen;
using Miljofyrtarn.Core.Localization;

namespace Miljofyrtarn.Core.Diagnostics;

/// <summary>Localised names of the lifecycle's states, actions and phases, keyed by kind and enum name.</summary>
internal static class Terms
{
    private static readonly FrozenDictionary<string, string[]> Table = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["state.NotStarted"] = ["Ikke startet", "Ikkje starta", "Not started"],
        ["state.MappingOpen"] = ["Miljøkartlegging åpen", "Miljøkartlegging open", "Mapping open"],
        ["state.Delivered"] = ["Levert til sertifisør", "Levert til sertifisør", "Delivered to the certifier"],
        ["state.Certified"] = ["Sertifisert", "Sertifisert", "Certified"],
        ["state.RecertificationOpen"] = ["Resertifisering åpen", "Resertifisering open", "Recertification open"],
        ["state.RecertificationDelivered"] = ["Resertifisering levert", "Resertifisering levert", "Recertification delivered"],
        ["state.Expired"] = ["Utløpt", "Utgått", "Expired"],
        ["state.Withdrawn"] = ["Inndratt", "Inndrege", "Withdrawn"],
        ["action.CompleteStartUp"] = ["Fullføre oppstart", "Fullføre oppstart", "Complete the start-up"],
        ["action.OpenMapping"] = ["Åpne miljøkartlegging", "Opne miljøkartlegging", "Open the mapping"],
        ["action.Deliver"] = ["Levere til sertifisør", "Levere til sertifisør", "Deliver to the certifier"],
        ["action.Certify"] = ["Sertifisere", "Sertifisere", "Certify"],
        ["action.SubmitAnnualReport"] = ["Levere årlig klima- og miljørapport", "Levere årleg klima- og miljørapport", "Submit the annual report"],
        ["action.GrantPostponement"] = ["Registrere utsatt frist", "Registrere utsett frist", "Record a granted postponement"],
        ["action.OpenRecertification"] = ["Åpne resertifisering", "Opne resertifisering", "Open recertification"],
        ["action.Recertify"] = ["Resertifisere", "Resertifisere", "Recertify"],
        ["action.Withdraw"] = ["Inndra sertifikat", "Inndra sertifikat", "Withdraw the certificate"],
        ["action.Expire"] = ["Markere sertifikat som utløpt", "Markere sertifikat som utgått", "Expire the certificate"],
        ["action.CorrectAnnualReport"] = ["Rette årlig klima- og miljørapport", "Rette årleg klima- og miljørapport", "Correct the annual report"],
        ["action.RecordFollowUpAudit"] = ["Registrere årlig oppfølgingsrevisjon", "Registrere årleg oppfølgingsrevisjon", "Record the yearly follow-up audit"],
        ["action.RemoveUnit"] = ["Fjerne enheten", "Fjerne eininga", "Remove the unit"],
        ["deadline.AnnualReport"] = ["Klima- og miljørapport", "Klima- og miljørapport", "Annual climate and environment report"],
        ["deadline.RecertificationOpens"] = ["Resertifisering kan åpnes", "Resertifisering kan opnast", "Recertification opens"],
        ["deadline.ExpiryReminder"] = ["Påminnelse om utløp", "Påminning om utløp", "Expiry reminder"],
        ["deadline.CertificateExpiry"] = ["Sertifikatet utløper", "Sertifikatet går ut", "Certificate expires"],
        ["deadline.GraceEnds"] = ["Fristen etter utløp går ut", "Fristen etter utløp går ut", "Grace period ends"],
        ["deadline.FollowUpAudit"] = ["Årlig oppfølgingsrevisjon", "Årleg oppfølgingsrevisjon", "Yearly follow-up audit"],
        ["invariant.UnitsOutOfStep"] = ["livssyklusene stemmer ikke med organisasjonens enheter", "livssyklusane stemmer ikkje med einingane i organisasjonen", "the lifecycles do not match the organisation's units"],
        ["invariant.CertificateHolder"] = ["sertifikatet tilhører en annen enhet", "sertifikatet høyrer til ei anna eining", "the certificate belongs to another unit"],
        ["invariant.OlderCertificateValid"] = ["et eldre sertifikat står fortsatt som gyldig", "eit eldre sertifikat står framleis som gyldig", "an older certificate is still marked valid"],
        ["invariant.CertificateStatusForState"] = ["sertifikatets status passer ikke med enhetens status", "statusen til sertifikatet passar ikkje med statusen til eininga", "the certificate's status does not fit the unit's state"],
        ["invariant.CertificateWithoutApproval"] = ["enheten har sertifikat uten å ha startet", "eininga har sertifikat utan å ha starta", "the unit has a certificate without having started"],
        ["invariant.IssuedAfterLastEvent"] = ["sertifikatet er utstedt etter siste hendelse", "sertifikatet er skrive ut etter siste hending", "the certificate was issued after the last event"],
        ["invariant.FirstApproval"] = ["første godkjenning stemmer ikke med det første sertifikatet", "første godkjenning stemmer ikkje med det første sertifikatet", "the first approval does not match the first certificate"],
        ["invariant.CoveredUnitLifecycle"] = ["enheten dekkes av vertens sertifikat, men har en egen livssyklus", "eininga er dekt av sertifikatet til verten, men har ein eigen livssyklus", "the unit is covered by its host's certificate but has a lifecycle of its own"],
        ["invariant.ReportYear"] = ["rapporten står under feil år", "rapporten står under feil år", "the report is filed under the wrong year"],
        ["invariant.ReportBeforeApproval"] = ["det finnes en årsrapport for et år før første godkjenning", "det finst ein årsrapport for eit år før første godkjenning", "there is an annual report for a year before the first approval"],
        ["invariant.ReportAfterLastEvent"] = ["rapporten er levert etter siste hendelse", "rapporten er levert etter siste hending", "the report was submitted after the last event"],
        ["invariant.ReportContentWithoutSubmission"] = ["rapporten har innhold, men er ikke levert", "rapporten har innhald, men er ikkje levert", "the report has content but was not submitted"],
        ["invariant.FollowUpAuditOutsideCertificate"] = ["en oppfølgingsrevisjon ligger utenfor sertifikatenes gyldighet eller i feil rekkefølge", "ein oppfølgingsrevisjon ligg utanfor gyldigheita til sertifikata eller i feil rekkjefølgje", "a follow-up audit lies outside the certificates' validity or out of order"],
        ["invariant.StartedBeforeStartUp"] = ["en enhet er i gang før oppstarten er fullført", "ei eining er i gang før oppstarten er fullført", "a unit is under way before the start-up is completed"],
        ["invariant.StartUpAfterLastEvent"] = ["oppstarten er datert etter siste hendelse", "oppstarten er datert etter siste hending", "the start-up is dated after the last event"],
        ["jsontype.text"] = ["en tekst", "ein tekst", "a string"],
        ["jsontype.number"] = ["et tall", "eit tal", "a number"],
        ["jsontype.integer"] = ["et heltall", "eit heiltal", "a whole number"],
        ["jsontype.boolean"] = ["true eller false", "true eller false", "true or false"],
        ["jsontype.date"] = ["en dato som tekst på formen 2027-03-01", "ein dato som tekst på forma 2027-03-01", "a date as text such as 2027-03-01"],
        ["jsontype.instant"] = ["et tidspunkt som tekst på formen 2027-03-01T08:00:00Z", "eit tidspunkt som tekst på forma 2027-03-01T08:00:00Z", "an instant as text such as 2027-03-01T08:00:00Z"],
        ["jsontype.object"] = ["et objekt ({ … })", "eit objekt ({ … })", "an object ({ … })"],
        ["jsontype.array"] = ["en liste ([ … ])", "ei liste ([ … ])", "an array ([ … ])"],
        ["jsontype.value"] = ["en verdi av en annen type", "ein verdi av ein annan type", "a value of another type"],
        ["detail.address"] = ["adresse", "adresse", "address"],
        ["detail.fullTimeEquivalents"] = ["antall årsverk", "talet på årsverk", "full-time equivalents"],
        ["detail.officer"] = ["miljøfyrtårnansvarlig", "miljøfyrtårnansvarleg", "environmental officer"],
        ["category.InvalidInput"] = ["Ugyldig forespørsel", "Ugyldig førespurnad", "Invalid request"],
        ["category.NotFound"] = ["Finnes ikke", "Finst ikkje", "Not found"],
        ["category.RefusedByRule"] = ["Avvist av regelverket", "Avvist av regelverket", "Refused by the rules"],
        ["category.Conflict"] = ["Endret av noen andre", "Endra av nokon andre", "Changed by someone else"],
        ["category.CorruptData"] = ["Lagrede data er skadet", "Lagra data er skada", "Stored data is damaged"],
        ["category.Unavailable"] = ["Lageret er ikke tilgjengelig nå", "Lageret er ikkje tilgjengeleg no", "The store is unavailable now"],
        ["deadlinestatus.Upcoming"] = ["kommende", "kommande", "upcoming"],
        ["deadlinestatus.DueSoon"] = ["snart", "snart", "due soon"],
        ["deadlinestatus.Overdue"] = ["forfalt", "forfalle", "overdue"],
        ["deadlinestatus.Met"] = ["oppfylt", "oppfylt", "met"],
        ["deadlinestatus.Passed"] = ["passert", "passert", "passed"],
        ["phase.StartUp"] = ["Oppstart", "Oppstart", "Start-up"],
        ["phase.MeasuresAndCriteria"] = ["Tiltak og kriterier", "Tiltak og kriterium", "Measures and criteria"],
        ["phase.Approval"] = ["Godkjenning", "Godkjenning", "Approval"],
        ["phase.Improvement"] = ["Forbedring", "Forbetring", "Improvement"],
        ["phase.Recertification"] = ["Resertifisering", "Resertifisering", "Recertification"],
        ["unit.KilowattHour"] = ["kilowattimer (kWh)", "kilowattimar (kWh)", "kilowatt hours (kWh)"],
        ["unit.Litre"] = ["liter (l)", "liter (l)", "litres (l)"],
        ["unit.Kilogram"] = ["kilo (kg)", "kilo (kg)", "kilograms (kg)"],
        ["unit.StandardCubicMetre"] = ["standardkubikkmeter (Sm³)", "standardkubikkmeter (Sm³)", "standard cubic metres (Sm³)"],
        ["unit.Kilometre"] = ["kilometer (km)", "kilometer (km)", "kilometres (km)"],
        ["unit.Percent"] = ["prosent (%)", "prosent (%)", "percent (%)"],
        ["unit.FullTimeEquivalent"] = ["årsverk", "årsverk", "full-time equivalents"],
        ["unit.SquareMetre"] = ["kvadratmeter (m²)", "kvadratmeter (m²)", "square metres (m²)"],
        ["unit.Count"] = ["antall", "tal", "count"],
        ["indicatortheme.BaseFigures"] = ["Grunnlagstall", "Grunnlagstal", "Base figures"],
        ["indicatortheme.WorkingEnvironment"] = ["Arbeidsmiljø", "Arbeidsmiljø", "Working environment"],
        ["indicatortheme.Waste"] = ["Avfall", "Avfall", "Waste"],
        ["indicatortheme.Energy"] = ["Energi", "Energi", "Energy"],
        ["indicatortheme.Purchasing"] = ["Innkjøp", "Innkjøp", "Purchasing"],
        ["indicatortheme.Transport"] = ["Transport", "Transport", "Transport"],
        ["status.NotStarted"] = ["Ikke påbegynt", "Ikkje påbyrja", "Not started"],
        ["status.InProgress"] = ["Under arbeid", "Under arbeid", "In progress"],
        ["status.Fulfilled"] = ["Oppfylt", "Oppfylt", "Fulfilled"],
        ["status.NotApplicable"] = ["Ikke relevant", "Ikkje relevant", "Not applicable"],
        ["obligation.Must"] = ["Må", "Må", "Must"],
        ["obligation.Should"] = ["Bør", "Bør", "Should"],
        ["party.Headquarters"] = ["Hovedkontoret", "Hovudkontoret", "The headquarters"],
        ["party.Unit"] = ["Enheten selv", "Eininga sjølv", "The unit itself"],
        ["role.Headquarters"] = ["Hovedkontor (HK)", "Hovudkontor (HK)", "Headquarters (HK)"],
        ["role.Unit"] = ["Underliggende enhet (UE)", "Underliggjande eining (UE)", "Underlying unit (UE)"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> Keys => Table.Keys;

    public static bool TryGet(string kind, string name, Language language, out string term)
    {
        if (Table.TryGetValue(string.Concat(kind, ".", name), out var terms))
        {
            term = terms[(int)language is >= 0 and <= 2 ? (int)language : 0];
            return true;
        }

        term = string.Empty;
        return false;
    }

    public static string Get(string kind, string name, Language language) =>
        TryGet(kind, name, language, out var term) ? term : name;
}
