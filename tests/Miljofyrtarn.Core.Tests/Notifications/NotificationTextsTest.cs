using FluentAssertions;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Notifications;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Notifications;

/// <summary>
/// Every kind of reminder to the coordinator about the kindergarten, word for word in each language: the subject, the
/// body with the date as the reader writes it, the days in words (today, tomorrow, in 30 days), the certificate line,
/// the expired evidence listed, and the role the reader receives it in.
/// </summary>
public class NotificationTextsTest
{
    private static readonly Lazy<IReadOnlyList<Notification>> All = new(() =>
    {
        var heim = NotifiedHeim.Create(out var clock, AuditsFrom(new LocalDate(2024, 1, 1)));
        heim = NotifiedHeim.WithEvidence(heim, clock, Organisations.Heim.Barnehage, ("avtale-43", new LocalDate(2026, 5, 31)), ("avtale-44", new LocalDate(2026, 5, 31)));
        var options = NotificationOptions.Default with { CatchUpDays = 0, ReportLeadDays = [1, 0], AuditLeadDays = [30], ExpiryLeadDays = [30] };
        LocalDate[] days = [new(2026, 3, 31), new(2026, 4, 1), new(2026, 4, 2), new(2026, 6, 1), new(2026, 9, 1), new(2026, 1, 30), new(2027, 1, 30)];
        return [.. days.SelectMany(d => DueNotifications.On(heim, "964123454", d, options))
            .Where(n => n.Unit == Organisations.Heim.Barnehage && n.Recipient.Person == Coordinator)];
    });

    [Theory]
    [InlineData("AnnualReportDue@1", Language.NorwegianBokmal, "Påminnelse: klima- og miljørapport for 2025 – Solsikken barnehage", "Klima- og miljørapporten for 2025 for Solsikken barnehage (Heim kommune) skal leveres innen 01.04.2026, i morgen.\n\nDu får denne e-posten som miljøkoordinator for Heim kommune i Miljøfyrtårn.")]
    [InlineData("AnnualReportDue@1", Language.NorwegianNynorsk, "Påminning: klima- og miljørapport for 2025 – Solsikken barnehage", "Klima- og miljørapporten for 2025 for Solsikken barnehage (Heim kommune) skal leverast innan 01.04.2026, i morgon.\n\nDu får denne e-posten som miljøkoordinator for Heim kommune i Miljøfyrtårn.")]
    [InlineData("AnnualReportDue@1", Language.English, "Reminder: annual climate and environment report for 2025 – Solsikken barnehage", "The annual climate and environment report for 2025 for Solsikken barnehage (Heim kommune) is due on 2026-04-01, tomorrow.\n\nYou receive this e-mail as environmental coordinator of Heim kommune in Eco-Lighthouse (Miljøfyrtårn).")]
    [InlineData("AnnualReportDue@0", Language.NorwegianBokmal, "Påminnelse: klima- og miljørapport for 2025 – Solsikken barnehage", "Klima- og miljørapporten for 2025 for Solsikken barnehage (Heim kommune) skal leveres innen 01.04.2026, i dag.\n\nDu får denne e-posten som miljøkoordinator for Heim kommune i Miljøfyrtårn.")]
    [InlineData("AnnualReportDue@0", Language.NorwegianNynorsk, "Påminning: klima- og miljørapport for 2025 – Solsikken barnehage", "Klima- og miljørapporten for 2025 for Solsikken barnehage (Heim kommune) skal leverast innan 01.04.2026, i dag.\n\nDu får denne e-posten som miljøkoordinator for Heim kommune i Miljøfyrtårn.")]
    [InlineData("AnnualReportDue@0", Language.English, "Reminder: annual climate and environment report for 2025 – Solsikken barnehage", "The annual climate and environment report for 2025 for Solsikken barnehage (Heim kommune) is due on 2026-04-01, today.\n\nYou receive this e-mail as environmental coordinator of Heim kommune in Eco-Lighthouse (Miljøfyrtårn).")]
    [InlineData("AnnualReportOverdue@-1", Language.NorwegianBokmal, "Forfalt: klima- og miljørapport for 2025 – Solsikken barnehage", "Fristen for klima- og miljørapporten for 2025 for Solsikken barnehage (Heim kommune) var 01.04.2026, og rapporten er ikke levert. Lever den så snart som mulig.\n\nDu får denne e-posten som miljøkoordinator for Heim kommune i Miljøfyrtårn.")]
    [InlineData("AnnualReportOverdue@-1", Language.NorwegianNynorsk, "Forfalle: klima- og miljørapport for 2025 – Solsikken barnehage", "Fristen for klima- og miljørapporten for 2025 for Solsikken barnehage (Heim kommune) var 01.04.2026, og rapporten er ikkje levert. Lever han så snart som mogleg.\n\nDu får denne e-posten som miljøkoordinator for Heim kommune i Miljøfyrtårn.")]
    [InlineData("AnnualReportOverdue@-1", Language.English, "Overdue: annual climate and environment report for 2025 – Solsikken barnehage", "The annual climate and environment report for 2025 for Solsikken barnehage (Heim kommune) was due on 2026-04-01 and has not been submitted. Please submit it as soon as possible.\n\nYou receive this e-mail as environmental coordinator of Heim kommune in Eco-Lighthouse (Miljøfyrtårn).")]
    [InlineData("EvidenceExpired@-1", Language.NorwegianBokmal, "Dokumentasjonen er utløpt: kriterium 1002 – Solsikken barnehage", "Dokumentasjonen for kriterium 1002 for Solsikken barnehage (Heim kommune) var gyldig til og med 31.05.2026. Legg inn ny dokumentasjon.\n- avtale-43\n- avtale-44\n\nDu får denne e-posten som miljøkoordinator for Heim kommune i Miljøfyrtårn.")]
    [InlineData("EvidenceExpired@-1", Language.NorwegianNynorsk, "Dokumentasjonen har gått ut: kriterium 1002 – Solsikken barnehage", "Dokumentasjonen for kriterium 1002 for Solsikken barnehage (Heim kommune) var gyldig til og med 31.05.2026. Legg inn ny dokumentasjon.\n- avtale-43\n- avtale-44\n\nDu får denne e-posten som miljøkoordinator for Heim kommune i Miljøfyrtårn.")]
    [InlineData("EvidenceExpired@-1", Language.English, "Evidence has expired: criterion 1002 – Solsikken barnehage", "The evidence for criterion 1002 for Solsikken barnehage (Heim kommune) was valid through 2026-05-31. Please record new evidence.\n- avtale-43\n- avtale-44\n\nYou receive this e-mail as environmental coordinator of Heim kommune in Eco-Lighthouse (Miljøfyrtårn).")]
    [InlineData("RecertificationOpens@0", Language.NorwegianBokmal, "Resertifiseringen kan åpnes – Solsikken barnehage", "Fra 01.09.2026 kan resertifiseringen av Solsikken barnehage (Heim kommune) åpnes.\nSertifikat MFT-BH-1, gyldig til 01.03.2027.\n\nDu får denne e-posten som miljøkoordinator for Heim kommune i Miljøfyrtårn.")]
    [InlineData("RecertificationOpens@0", Language.NorwegianNynorsk, "Resertifiseringa kan opnast – Solsikken barnehage", "Frå 01.09.2026 kan resertifiseringa av Solsikken barnehage (Heim kommune) opnast.\nSertifikat MFT-BH-1, gyldig til 01.03.2027.\n\nDu får denne e-posten som miljøkoordinator for Heim kommune i Miljøfyrtårn.")]
    [InlineData("RecertificationOpens@0", Language.English, "Recertification can be opened – Solsikken barnehage", "From 2026-09-01, the recertification of Solsikken barnehage (Heim kommune) can be opened.\nCertificate MFT-BH-1, valid to 2027-03-01.\n\nYou receive this e-mail as environmental coordinator of Heim kommune in Eco-Lighthouse (Miljøfyrtårn).")]
    [InlineData("FollowUpAuditDue@30", Language.NorwegianBokmal, "Påminnelse: årlig oppfølgingsrevisjon – Solsikken barnehage", "Den årlige oppfølgingsrevisjonen for Solsikken barnehage (Heim kommune) skal være gjennomført innen 01.03.2026, om 30 dager.\nSertifikat MFT-BH-1, gyldig til 01.03.2027.\n\nDu får denne e-posten som miljøkoordinator for Heim kommune i Miljøfyrtårn.")]
    [InlineData("FollowUpAuditDue@30", Language.NorwegianNynorsk, "Påminning: årleg oppfølgingsrevisjon – Solsikken barnehage", "Den årlege oppfølgingsrevisjonen for Solsikken barnehage (Heim kommune) skal vere gjennomført innan 01.03.2026, om 30 dagar.\nSertifikat MFT-BH-1, gyldig til 01.03.2027.\n\nDu får denne e-posten som miljøkoordinator for Heim kommune i Miljøfyrtårn.")]
    [InlineData("FollowUpAuditDue@30", Language.English, "Reminder: yearly follow-up audit – Solsikken barnehage", "The yearly follow-up audit for Solsikken barnehage (Heim kommune) is due on 2026-03-01, in 30 days.\nCertificate MFT-BH-1, valid to 2027-03-01.\n\nYou receive this e-mail as environmental coordinator of Heim kommune in Eco-Lighthouse (Miljøfyrtårn).")]
    [InlineData("CertificateExpires@30", Language.NorwegianBokmal, "Sertifikatet utløper 01.03.2027 – Solsikken barnehage", "Sertifikatet til Solsikken barnehage (Heim kommune) er gyldig til og med 01.03.2027, om 30 dager. Resertifiser før det går ut.\nSertifikat MFT-BH-1, gyldig til 01.03.2027.\n\nDu får denne e-posten som miljøkoordinator for Heim kommune i Miljøfyrtårn.")]
    [InlineData("CertificateExpires@30", Language.NorwegianNynorsk, "Sertifikatet går ut 01.03.2027 – Solsikken barnehage", "Sertifikatet til Solsikken barnehage (Heim kommune) er gyldig til og med 01.03.2027, om 30 dagar. Resertifiser før det går ut.\nSertifikat MFT-BH-1, gyldig til 01.03.2027.\n\nDu får denne e-posten som miljøkoordinator for Heim kommune i Miljøfyrtårn.")]
    [InlineData("CertificateExpires@30", Language.English, "The certificate expires on 2027-03-01 – Solsikken barnehage", "The certificate of Solsikken barnehage (Heim kommune) is valid through 2027-03-01, in 30 days. Recertify before it expires.\nCertificate MFT-BH-1, valid to 2027-03-01.\n\nYou receive this e-mail as environmental coordinator of Heim kommune in Eco-Lighthouse (Miljøfyrtårn).")]
    public void EachKind_ReadsAsWritten(string occurrence, Language language, string subject, string body)
    {
        var notification = All.Value.Single(n => $"{n.Kind}@{n.DaysBefore}" == occurrence);

        NotificationTexts.Subject(notification, language).Should().Be(subject);
        NotificationTexts.Body(notification, language).Should().Be(body);
    }

    [Fact]
    public void EveryKindIsWritten_AndNoNotificationIsNull()
    {
        All.Value.Select(n => n.Kind).Distinct().Should().BeEquivalentTo(Enum.GetValues<NotificationKind>());
        FluentActions.Invoking(() => NotificationTexts.Subject(null!, Language.English)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => NotificationTexts.Body(null!, Language.English)).Should().Throw<ArgumentNullException>();
    }
}
