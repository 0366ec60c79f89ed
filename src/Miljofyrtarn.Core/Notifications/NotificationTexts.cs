using System.Globalization;
using System.Text;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;

namespace Miljofyrtarn.Core.Notifications;

/// <summary>
/// A notification's subject and body in Norwegian Bokmål, Nynorsk or English: plain text, dates as the reader expects
/// them (<c>01.04.2027</c> in nb and nn), days counted in words, and the role the reader receives it in.
/// </summary>
/// <remarks>Thread-safe (static, stateless). The texts are the library's own; no runtime culture data is used.</remarks>
public static class NotificationTexts
{
    /// <summary>The subject line, for example «Påminnelse: klima- og miljørapport for 2026 – Heim barnehage».</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="language">The reader's language.</param>
    /// <returns>The subject, on one line.</returns>
    public static string Subject(Notification notification, Language language)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var n = notification;
        var (nb, nn, en) = n.Kind switch
        {
            NotificationKind.AnnualReportDue => ($"Påminnelse: klima- og miljørapport for {Y(n)}", $"Påminning: klima- og miljørapport for {Y(n)}", $"Reminder: annual climate and environment report for {Y(n)}"),
            NotificationKind.AnnualReportOverdue => ($"Forfalt: klima- og miljørapport for {Y(n)}", $"Forfalle: klima- og miljørapport for {Y(n)}", $"Overdue: annual climate and environment report for {Y(n)}"),
            NotificationKind.RecertificationOpens => ("Resertifiseringen kan åpnes", "Resertifiseringa kan opnast", "Recertification can be opened"),
            NotificationKind.FollowUpAuditDue => ("Påminnelse: årlig oppfølgingsrevisjon", "Påminning: årleg oppfølgingsrevisjon", "Reminder: yearly follow-up audit"),
            NotificationKind.CertificateExpires => ($"Sertifikatet utløper {D(n.DueDate, Language.NorwegianBokmal)}", $"Sertifikatet går ut {D(n.DueDate, Language.NorwegianNynorsk)}", $"The certificate expires on {D(n.DueDate, Language.English)}"),
            _ => ($"Dokumentasjonen er utløpt: kriterium {C(n)}", $"Dokumentasjonen har gått ut: kriterium {C(n)}", $"Evidence has expired: criterion {C(n)}"),
        };
        return Pick(language, nb, nn, en) + " – " + n.UnitName;
    }

    /// <summary>The body: what is due, for which unit of which organisation, by when, and why the reader receives it.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="language">The reader's language.</param>
    /// <returns>The body, lines separated by <c>\n</c>.</returns>
    public static string Body(Notification notification, Language language)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var n = notification;
        var unit = $"{n.UnitName} ({n.OrganisationName})";
        var due = D(n.DueDate, language);
        var when = In(n.DaysBefore, language);
        var text = new StringBuilder();
        text.Append(n.Kind switch
        {
            NotificationKind.AnnualReportDue => Pick(language,
                $"Klima- og miljørapporten for {Y(n)} for {unit} skal leveres innen {due}, {when}.",
                $"Klima- og miljørapporten for {Y(n)} for {unit} skal leverast innan {due}, {when}.",
                $"The annual climate and environment report for {Y(n)} for {unit} is due on {due}, {when}."),
            NotificationKind.AnnualReportOverdue => Pick(language,
                $"Fristen for klima- og miljørapporten for {Y(n)} for {unit} var {due}, og rapporten er ikke levert. Lever den så snart som mulig.",
                $"Fristen for klima- og miljørapporten for {Y(n)} for {unit} var {due}, og rapporten er ikkje levert. Lever han så snart som mogleg.",
                $"The annual climate and environment report for {Y(n)} for {unit} was due on {due} and has not been submitted. Please submit it as soon as possible."),
            NotificationKind.RecertificationOpens => Pick(language,
                $"Fra {due} kan resertifiseringen av {unit} åpnes.",
                $"Frå {due} kan resertifiseringa av {unit} opnast.",
                $"From {due}, the recertification of {unit} can be opened."),
            NotificationKind.FollowUpAuditDue => Pick(language,
                $"Den årlige oppfølgingsrevisjonen for {unit} skal være gjennomført innen {due}, {when}.",
                $"Den årlege oppfølgingsrevisjonen for {unit} skal vere gjennomført innan {due}, {when}.",
                $"The yearly follow-up audit for {unit} is due on {due}, {when}."),
            NotificationKind.CertificateExpires => Pick(language,
                $"Sertifikatet til {unit} er gyldig til og med {due}, {when}. Resertifiser før det går ut.",
                $"Sertifikatet til {unit} er gyldig til og med {due}, {when}. Resertifiser før det går ut.",
                $"The certificate of {unit} is valid through {due}, {when}. Recertify before it expires."),
            _ => Pick(language,
                $"Dokumentasjonen for kriterium {C(n)} for {unit} var gyldig til og med {due}. Legg inn ny dokumentasjon.",
                $"Dokumentasjonen for kriterium {C(n)} for {unit} var gyldig til og med {due}. Legg inn ny dokumentasjon.",
                $"The evidence for criterion {C(n)} for {unit} was valid through {due}. Please record new evidence."),
        });
        if (n.CertificateNumber is { } number && n.CertificateValidTo is { } validTo)
        {
            text.Append('\n').Append(Pick(language, "Sertifikat", "Sertifikat", "Certificate")).Append(' ').Append(number)
                .Append(Pick(language, ", gyldig til ", ", gyldig til ", ", valid to ")).Append(D(validTo, language)).Append('.');
        }

        foreach (var evidence in n.Evidence)
        {
            text.Append("\n- ").Append(evidence);
        }

        var role = Terms.Get("role", n.Recipient.Role.ToString(), language);
        text.Append("\n\n").Append(Pick(language,
            $"Du får denne e-posten som {role} for {n.OrganisationName} i Miljøfyrtårn.",
            $"Du får denne e-posten som {role} for {n.OrganisationName} i Miljøfyrtårn.",
            $"You receive this e-mail as {role} of {n.OrganisationName} in Eco-Lighthouse (Miljøfyrtårn)."));
        return text.ToString();
    }

    /// <summary>«om 30 dager», «om 1 dag», «i dag»; in English «in 30 days», «in 1 day», «today».</summary>
    private static string In(int days, Language language) => days switch
    {
        0 => Pick(language, "i dag", "i dag", "today"),
        1 => Pick(language, "i morgen", "i morgon", "tomorrow"),
        _ => Pick(language, $"om {N(days)} dager", $"om {N(days)} dagar", $"in {N(days)} days"),
    };

    private static string Pick(Language language, string nb, string nn, string en) => language switch
    {
        Language.NorwegianNynorsk => nn,
        Language.English => en,
        _ => nb,
    };

    private static string D(NodaTime.LocalDate date, Language language) => Dates.Format(date, language);

    private static string Y(Notification n) => N(n.Year ?? 0);

    private static string C(Notification n) => N(n.CriterionId ?? 0);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
