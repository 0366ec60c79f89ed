using FluentAssertions;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Notifications;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Notifications;

/// <summary>The edges the mutation run found untested: options and their defaults, the window's ends, the kinds kept apart, evidence of units that are not under way, and the range's ends.</summary>
public class DueNotificationsEdgeTest
{
    private const string Stream = "964123454";
    private static readonly NotificationOptions Strict = NotificationOptions.Default with { CatchUpDays = 0 };

    private static OrganisationLifecycle Heim(out NodaTime.Testing.FakeClock clock) => NotifiedHeim.Create(out clock);

    [Fact]
    public void TheDefaults_AreAsDocumented()
    {
        var options = new NotificationOptions();

        options.ReportLeadDays.Should().Equal(30, 7);
        options.AuditLeadDays.Should().Equal(30);
        options.ExpiryLeadDays.Should().Equal(90, 30);
        options.ReportOverdue.Should().BeTrue();
        options.RecertificationOpens.Should().BeTrue();
        options.EvidenceExpired.Should().BeTrue();
        options.CatchUpDays.Should().Be(7);
        options.Should().Be(NotificationOptions.Default, "two option sets with the same lead times are equal");
        options.GetHashCode().Should().Be(NotificationOptions.Default.GetHashCode());
        (options with { ReportLeadDays = [30, 6] }).Should().NotBe(options);
        (options with { AuditLeadDays = [29] }).Should().NotBe(options);
        (options with { ExpiryLeadDays = [90] }).Should().NotBe(options);
        (options with { ReportOverdue = false }).Should().NotBe(options);
        (options with { RecertificationOpens = false }).Should().NotBe(options);
        (options with { EvidenceExpired = false }).Should().NotBe(options);
        (options with { CatchUpDays = 6 }).Should().NotBe(options);
        options.Equals(null).Should().BeFalse();
    }

    [Fact]
    public void LeadTimes_AcceptTheDayItselfAnd366_AndNoneOrDefaultAsNone()
    {
        var options = NotificationOptions.Default with { ReportLeadDays = [366, 0], AuditLeadDays = [], ExpiryLeadDays = default };

        options.ReportLeadDays.Should().Equal(366, 0);
        options.AuditLeadDays.Should().BeEmpty();
        options.ExpiryLeadDays.Should().BeEmpty();
        var heim = Heim(out _);
        DueNotifications.On(heim, Stream, new LocalDate(2025, 3, 31), options with { CatchUpDays = 0 }).Should().OnlyContain(n => n.DaysBefore == 366);
        DueNotifications.On(heim, Stream, new LocalDate(2026, 12, 1), options).Should().BeEmpty("no expiry reminders are asked for");
    }

    [Fact]
    public void ALongLeadTime_IsLookedFor_AsFarAhead()
    {
        var heim = Heim(out _);
        var options = Strict with { ReportLeadDays = [1], AuditLeadDays = [1], ExpiryLeadDays = [200] };

        DueNotifications.On(heim, Stream, new LocalDate(2027, 3, 1).PlusDays(-200), options)
            .Should().NotBeEmpty().And.OnlyContain(n => n.Kind == NotificationKind.CertificateExpires && n.DaysBefore == 200);
    }

    [Fact]
    public void TheOverdueNotice_IsFoundWithoutCatchingUp_AndSupersedesTheReminders()
    {
        var heim = Heim(out _);

        DueNotifications.On(heim, Stream, new LocalDate(2026, 4, 2), Strict).Should().NotBeEmpty().And.OnlyContain(n => n.Kind == NotificationKind.AnnualReportOverdue);
        DueNotifications.On(heim, Stream, new LocalDate(2026, 4, 2), NotificationOptions.Default with { CatchUpDays = 31 })
            .Should().OnlyContain(n => n.Kind == NotificationKind.AnnualReportOverdue, "the 7-day reminder still in the window is superseded by the notice");
        DueNotifications.On(heim, Stream, new LocalDate(2026, 4, 2), Strict with { ReportOverdue = false }).Should().BeEmpty();
    }

    [Fact]
    public void OnlyTheReport_IsEverOverdue_AndReportsNameNoCertificate()
    {
        var heim = Heim(out _);

        var afterExpiry = DueNotifications.On(heim, Stream, new LocalDate(2027, 3, 2), NotificationOptions.Default with { CatchUpDays = 31 });
        var reminders = DueNotifications.On(heim, Stream, new LocalDate(2026, 3, 2));

        afterExpiry.Should().NotContain(n => n.Kind == NotificationKind.AnnualReportOverdue && n.DueDate == new LocalDate(2027, 3, 1));
        reminders.Should().NotBeEmpty().And.OnlyContain(n => n.CertificateNumber == null && n.CertificateValidTo == null && n.CriterionId == null && n.Evidence.IsEmpty);
    }

    [Fact]
    public void RecertificationAndEvidence_CanBeSwitchedOff()
    {
        var heim = Heim(out var clock);
        heim = NotifiedHeim.WithEvidence(heim, clock, Organisations.Heim.Barnehage, ("avtale", new LocalDate(2026, 5, 31)));

        DueNotifications.On(heim, Stream, new LocalDate(2026, 9, 1), Strict with { RecertificationOpens = false }).Should().BeEmpty();
        DueNotifications.On(heim, Stream, new LocalDate(2026, 6, 1), Strict with { EvidenceExpired = false }).Should().BeEmpty();
        DueNotifications.On(heim, Stream, new LocalDate(2026, 6, 1), Strict).Should().NotBeEmpty("on the first day of the window, with no catching up");
    }

    [Fact]
    public void EvidenceOfAUnitNotUnderWay_NotifiesNoOne()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        var skole = Organisations.Heim.Skole;
        heim = NotifiedHeim.WithEvidence(heim, clock, skole, ("avtale", new LocalDate(2026, 5, 31)));
        heim.GetUnitLifecycle(skole).State.Should().Be(UnitState.NotStarted);

        DueNotifications.On(heim, Stream, new LocalDate(2026, 6, 1), Strict).Should().NotContain(n => n.Unit == skole);
        var started = heim.OpenMapping(skole, Coordinator);
        DueNotifications.On(started, Stream, new LocalDate(2026, 6, 1), Strict).Should().Contain(n => n.Unit == skole && n.Kind == NotificationKind.EvidenceExpired);
    }

    [Fact]
    public void KeysOfEveryKind_NameTheirSubjectExactly()
    {
        var heim = Heim(out var clock);
        var criterion = NotifiedHeim.OwnCriterion(heim, Organisations.Heim.Barnehage);
        heim = NotifiedHeim.WithEvidence(heim, clock, Organisations.Heim.Barnehage, ("avtale", new LocalDate(2026, 5, 31)));

        DueNotifications.On(heim, Stream, new LocalDate(2026, 6, 1), Strict).Select(n => n.Key)
            .Should().Contain($"964123454|EvidenceExpired|solsikken-barnehage/criterion-{criterion}|2026-05-31@-1|{Coordinator}");
        DueNotifications.On(heim, Stream, new LocalDate(2026, 9, 1), Strict).Select(n => n.Key)
            .Should().Contain($"964123454|RecertificationOpens|solsikken-barnehage|2026-09-01@0|{Coordinator}");
    }

    [Fact]
    public void TheLongestKey_TheLibraryCanMake_FitsTheLedger()
    {
        var heim = Heim(out _);
        var person = new string('|', Limits.PersonIdLength);
        heim = heim.GrantRole(person, SchemeRole.Coordinator, null, Coordinator);
        var stream = new string('%', Limits.StreamNameLength);

        var longest = DueNotifications.On(heim, stream, new LocalDate(2026, 4, 2)).Where(n => n.Recipient.Person == person).MaxBy(n => n.Key.Length)!;

        longest.Key.Length.Should().BeGreaterThan(1_500).And.BeLessThanOrEqualTo(Core.Storage.NotificationLedgerRules.MaxKeyLength);
        FluentActions.Invoking(() => Core.Storage.NotificationLedgerRules.CheckClaim(longest.Key, "host", Duration.FromMinutes(10))).Should().NotThrow();
    }

    [Fact]
    public void TheEndsOfTheSupportedRange_AreDaysLikeAnyOther()
    {
        var heim = Heim(out _);

        DueNotifications.On(heim, Stream, SchemeRuleBook.MinDate).Should().BeEmpty();
        DueNotifications.On(heim, Stream, SchemeRuleBook.MaxDate).Should().BeEmpty();
    }

    [Fact]
    public void NullArguments_AreRefused()
    {
        FluentActions.Invoking(() => DueNotifications.On(null!, Stream, new LocalDate(2026, 3, 2))).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => DueNotifications.RecipientsFor(null!, Organisations.Heim.Raadhuset, NotificationKind.AnnualReportDue)).Should().Throw<ArgumentNullException>();
    }
}
