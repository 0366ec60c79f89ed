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
        ["deadline.AnnualReport"] = ["Klima- og miljørapport", "Klima- og miljørapport", "Annual climate and environment report"],
        ["deadline.RecertificationOpens"] = ["Resertifisering kan åpnes", "Resertifisering kan opnast", "Recertification opens"],
        ["deadline.ExpiryReminder"] = ["Påminnelse om utløp", "Påminning om utløp", "Expiry reminder"],
        ["deadline.CertificateExpiry"] = ["Sertifikatet utløper", "Sertifikatet går ut", "Certificate expires"],
        ["deadline.GraceEnds"] = ["Fristen etter utløp går ut", "Fristen etter utløp går ut", "Grace period ends"],
        ["phase.StartUp"] = ["Oppstart", "Oppstart", "Start-up"],
        ["phase.MeasuresAndCriteria"] = ["Tiltak og kriterier", "Tiltak og kriterium", "Measures and criteria"],
        ["phase.Approval"] = ["Godkjenning", "Godkjenning", "Approval"],
        ["phase.Improvement"] = ["Forbedring", "Forbetring", "Improvement"],
        ["phase.Recertification"] = ["Resertifisering", "Resertifisering", "Recertification"],
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
