using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Notifications;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Notifications;

public class DueNotificationsTest
{
    private const string Stream = "964123454";
    private static readonly string Kontakt = "solsikken-barnehage@heim.kommune.no";
    private static readonly string Leder = "leder.solsikken-barnehage@heim.kommune.no";

    /// <summary>Town hall and kindergarten certified on 1 March 2024: the report for 2025 is due 1 April 2026, the certificates run to 1 March 2027.</summary>
    private static (OrganisationLifecycle Heim, FakeClock Clock) Heim() => (NotifiedHeim.Create(out var clock), clock);

    private static List<(string Unit, string Person, SchemeRole Role, NotificationKind Kind, int Days)> Summary(IEnumerable<Notification> notifications) =>
        [.. notifications.Select(n => (n.Unit.Value, n.Recipient.Person, n.Recipient.Role, n.Kind, n.DaysBefore))];

    [Fact]
    public void ReportReminder_ThirtyDaysBefore_GoesToTheUnitsContactAndTheCoordinator()
    {
        var (heim, _) = Heim();

        var due = DueNotifications.On(heim, Stream, new LocalDate(2026, 3, 2));

        Summary(due).Should().BeEquivalentTo(new[]
        {
            ("raadhuset", Coordinator, SchemeRole.Coordinator, NotificationKind.AnnualReportDue, 30),
            ("solsikken-barnehage", Kontakt, SchemeRole.UnitContact, NotificationKind.AnnualReportDue, 30),
            ("solsikken-barnehage", Coordinator, SchemeRole.Coordinator, NotificationKind.AnnualReportDue, 30),
        });
        due.Should().OnlyContain(n => n.Year == 2025 && n.DueDate == new LocalDate(2026, 4, 1) && n.SendOn == new LocalDate(2026, 3, 2) && n.Stream == Stream);
        due.Select(n => n.Key).Should().BeInAscendingOrder(StringComparer.Ordinal).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void DaysWithoutARule_HaveNoNotifications_AndCatchingUpIsBoundedByTheOptions()
    {
        var (heim, _) = Heim();
        var strict = NotificationOptions.Default with { CatchUpDays = 0 };

        DueNotifications.On(heim, Stream, new LocalDate(2026, 3, 3), strict).Should().BeEmpty();
        DueNotifications.On(heim, Stream, new LocalDate(2026, 3, 1)).Should().BeEmpty("the first reminder is 30 days before");
        DueNotifications.On(heim, Stream, new LocalDate(2026, 3, 9)).Should().HaveCount(3, "a week of catching up reaches back to 2 March");
        DueNotifications.On(heim, Stream, new LocalDate(2026, 3, 10)).Should().BeEmpty("eight days is beyond a week");
    }

    [Fact]
    public void OfOneDeadlinesReminders_OnlyTheLatestDueIsSent()
    {
        var (heim, _) = Heim();

        var due = DueNotifications.On(heim, Stream, new LocalDate(2026, 3, 25), NotificationOptions.Default with { CatchUpDays = 31 });

        due.Should().HaveCount(3).And.OnlyContain(n => n.DaysBefore == 7);
    }

    [Fact]
    public void ReportNotSubmitted_IsOverdueTheDayAfter_ToManagementToo_AndASubmittedOneNotifiesNoOne()
    {
        var (heim, clock) = Heim();
        SetDate(clock, 2026, 4, 2);

        var overdue = DueNotifications.On(heim, Stream, new LocalDate(2026, 4, 2));

        Summary(overdue.Where(n => n.Unit == Organisations.Heim.Barnehage)).Should().BeEquivalentTo(new[] {
            ("solsikken-barnehage", Coordinator, SchemeRole.Coordinator, NotificationKind.AnnualReportOverdue, -1),
            ("solsikken-barnehage", Leder, SchemeRole.Management, NotificationKind.AnnualReportOverdue, -1),
            ("solsikken-barnehage", Kontakt, SchemeRole.UnitContact, NotificationKind.AnnualReportOverdue, -1),
            ("solsikken-barnehage", Mayor, SchemeRole.Management, NotificationKind.AnnualReportOverdue, -1) });
        var submitted = heim.SubmitAnnualReport(Organisations.Heim.Barnehage, 2025, Coordinator);
        DueNotifications.On(submitted, Stream, new LocalDate(2026, 4, 2)).Should().OnlyContain(n => n.Unit == Organisations.Heim.Raadhuset);
    }

    [Fact]
    public void Certificate_NotifiesWhenRecertificationOpens_AndNinetyAndThirtyDaysBeforeItExpires()
    {
        var (heim, _) = Heim();

        var opens = DueNotifications.On(heim, Stream, new LocalDate(2026, 9, 1));
        var ninety = DueNotifications.On(heim, Stream, new LocalDate(2026, 12, 1));
        var thirty = DueNotifications.On(heim, Stream, new LocalDate(2027, 1, 30));

        opens.Should().NotBeEmpty().And.OnlyContain(n => n.Kind == NotificationKind.RecertificationOpens && n.DaysBefore == 0 && n.Recipient.Role != SchemeRole.UnitContact);
        ninety.Should().OnlyContain(n => n.Kind == NotificationKind.CertificateExpires && n.DaysBefore == 90 && n.DueDate == new LocalDate(2027, 3, 1));
        ninety.Select(n => n.CertificateNumber).Should().BeEquivalentTo(["MFT-HK-1", "MFT-HK-1", "MFT-BH-1", "MFT-BH-1", "MFT-BH-1", "MFT-BH-1"]);
        thirty.Should().OnlyContain(n => n.Kind == NotificationKind.CertificateExpires && n.DaysBefore == 30);
    }

    [Fact]
    public void RecertificationDelivered_StopsTheExpiryReminders_ButAnOpenOneDoesNot()
    {
        var (heim, clock) = Heim();
        SetDate(clock, 2026, 9, 2);
        heim = heim.OpenRecertification(Organisations.Heim.Barnehage, Coordinator);

        DueNotifications.On(heim, Stream, new LocalDate(2026, 12, 1)).Should().Contain(n => n.Unit == Organisations.Heim.Barnehage && n.Kind == NotificationKind.CertificateExpires);
        heim = heim.Deliver(Organisations.Heim.Barnehage, Leder);
        DueNotifications.On(heim, Stream, new LocalDate(2026, 12, 1)).Should().NotBeEmpty().And.OnlyContain(n => n.Unit == Organisations.Heim.Raadhuset);
    }

    [Fact]
    public void EvidencePastItsDate_IsNotifiedTheDayAfter_ByCriterion()
    {
        var (heim, clock) = Heim();
        var criterion = NotifiedHeim.OwnCriterion(heim, Organisations.Heim.Barnehage);
        heim = NotifiedHeim.WithEvidence(heim, clock, Organisations.Heim.Barnehage,
            ("https://arkiv.heim.kommune.no/avtale-42", new LocalDate(2026, 5, 31)), ("avtale-43", new LocalDate(2026, 5, 31)), ("avtale-44", null));

        DueNotifications.On(heim, Stream, new LocalDate(2026, 5, 31)).Should().BeEmpty();
        var expired = DueNotifications.On(heim, Stream, new LocalDate(2026, 6, 1));

        expired.Should().HaveCount(2).And.OnlyContain(n => n.Kind == NotificationKind.EvidenceExpired && n.CriterionId == criterion && n.DaysBefore == -1);
        expired[0].Evidence.Should().Equal("https://arkiv.heim.kommune.no/avtale-42", "avtale-43");
        Summary(expired).Select(s => s.Person).Should().BeEquivalentTo([Kontakt, Coordinator]);
    }

    [Fact]
    public void GrantedRoles_Receive_AndRevokedOnesDoNot()
    {
        var (heim, _) = Heim();
        heim = heim.GrantRole("vikar@heim.kommune.no", SchemeRole.UnitContact, Organisations.Heim.Barnehage, Coordinator)
            .GrantRole("assistent@heim.kommune.no", SchemeRole.Coordinator, null, Coordinator)
            .GrantRole("tidligere@heim.kommune.no", SchemeRole.Coordinator, null, Coordinator)
            .RevokeRole("tidligere@heim.kommune.no", SchemeRole.Coordinator, null, Coordinator)
            .GrantRole("konsulent@firma.no", SchemeRole.Consultant, null, Coordinator);

        var recipients = DueNotifications.RecipientsFor(heim, Organisations.Heim.Barnehage, NotificationKind.AnnualReportDue);

        recipients.Should().Equal(
            new NotificationRecipient(Kontakt, SchemeRole.UnitContact),
            new NotificationRecipient("vikar@heim.kommune.no", SchemeRole.UnitContact),
            new NotificationRecipient(Coordinator, SchemeRole.Coordinator),
            new NotificationRecipient("assistent@heim.kommune.no", SchemeRole.Coordinator));
        DueNotifications.RecipientsFor(heim, Organisations.Heim.Raadhuset, NotificationKind.AnnualReportDue)
            .Should().NotContain(r => r.Person == "vikar@heim.kommune.no", "a unit's contact is not the town hall's");
    }

    [Fact]
    public void Keys_AreStable_NamePartsUniquely_AndEscapeTheSeparator()
    {
        var (heim, _) = Heim();
        heim = heim.GrantRole("a|b%c", SchemeRole.Coordinator, null, Coordinator);

        var first = DueNotifications.On(heim, "kommune|1", new LocalDate(2026, 3, 2));
        var again = DueNotifications.On(heim, "kommune|1", new LocalDate(2026, 3, 4));

        again.Select(n => n.Key).Should().Equal(first.Select(n => n.Key), "catching up computes the same keys");
        first.Should().Contain(n => n.Key == "kommune%7C1|AnnualReportDue|solsikken-barnehage/2025|2026-04-01@30|a%7Cb%25c");
        first.Select(n => n.Key.Split('|').Length).Should().OnlyContain(parts => parts == 5);
    }

    [Theory]
    [InlineData(Language.NorwegianBokmal, "Påminnelse: klima- og miljørapport for 2025 – Solsikken barnehage", "innen 01.04.2026, om 30 dager", "som enhetens kontaktperson")]
    [InlineData(Language.NorwegianNynorsk, "Påminning: klima- og miljørapport for 2025 – Solsikken barnehage", "innan 01.04.2026, om 30 dagar", "som kontaktperson for eininga")]
    [InlineData(Language.English, "Reminder: annual climate and environment report for 2025 – Solsikken barnehage", "due on 2026-04-01, in 30 days", "as the unit's contact")]
    public void Texts_AreInTheReadersLanguage_WithDatesAsTheReaderExpects(Language language, string subject, string due, string role)
    {
        var (heim, _) = Heim();
        var reminder = DueNotifications.On(heim, Stream, new LocalDate(2026, 3, 2)).Single(n => n.Recipient.Person == Kontakt);

        NotificationTexts.Subject(reminder, language).Should().Be(subject);
        NotificationTexts.Body(reminder, language).Should().Contain(due).And.Contain(role).And.Contain("Solsikken barnehage (Heim kommune)");
    }

    [Fact]
    public void Texts_OfEveryKind_AreTheirOwnInEachLanguage()
    {
        var (heim, clock) = Heim();
        heim = NotifiedHeim.WithEvidence(heim, clock, Organisations.Heim.Barnehage, ("avtale-43", new LocalDate(2026, 5, 31)));
        var days = new[] { new LocalDate(2026, 3, 2), new LocalDate(2026, 4, 2), new LocalDate(2026, 6, 1), new LocalDate(2026, 9, 1), new LocalDate(2026, 12, 1) };
        var all = days.SelectMany(d => DueNotifications.On(heim, Stream, d)).ToList();

        all.Select(n => n.Kind).Distinct().Should().BeEquivalentTo([NotificationKind.AnnualReportDue, NotificationKind.AnnualReportOverdue, NotificationKind.EvidenceExpired, NotificationKind.RecertificationOpens, NotificationKind.CertificateExpires]);
        foreach (var n in all)
        {
            var texts = Enum.GetValues<Language>().Select(l => NotificationTexts.Subject(n, l) + NotificationTexts.Body(n, l)).ToList();
            texts.Should().OnlyHaveUniqueItems($"{n.Kind} is written in each language");
            texts[0].Should().NotContainAny("Reminder", "Overdue", " due ", "expired", "valid through");
            texts[0].Should().MatchRegex(@"\d\d\.\d\d\.\d{4}");
        }
    }

    [Fact]
    public void BadOptionsAndArguments_AreRefusedWithCodes()
    {
        var (heim, _) = Heim();

        FluentActions.Invoking(() => NotificationOptions.Default with { ReportLeadDays = [30, 30, 367, -1] }).Should().Throw<MiljofyrtarnException>()
            .Which.Diagnostics.Select(d => (d.Code, d.Arguments[0])).Should().Equal((ErrorCodes.InvalidReminderOffset, "30"), (ErrorCodes.InvalidReminderOffset, "367"), (ErrorCodes.InvalidReminderOffset, "-1"));
        FluentActions.Invoking(() => NotificationOptions.Default with { CatchUpDays = 32 }).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.NumberOutOfRange);
        FluentActions.Invoking(() => DueNotifications.On(heim, " ", new LocalDate(2026, 3, 2))).Should().Throw<MiljofyrtarnException>();
        FluentActions.Invoking(() => DueNotifications.On(heim, Stream, new LocalDate(2201, 1, 1))).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.DateOutOfRange);
        (NotificationOptions.Default with { ExpiryLeadDays = [7, 60, 0] }).ExpiryLeadDays.Should().Equal(60, 7, 0);
    }
}
