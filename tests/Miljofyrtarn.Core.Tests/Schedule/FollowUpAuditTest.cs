using FluentAssertions;
using Miljofyrtarn.Calendar;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Tests.Lifecycle;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Schedule;

/// <summary>
/// The yearly follow-up audit is a dated rule, off by default: switched on, each certified unit has one on each
/// anniversary of its certificate before it expires, met when the audit is recorded.
/// </summary>
public class FollowUpAuditTest
{
    private static SchemeRuleBook AuditsFrom(LocalDate date) =>
        new([SchemeRules.Default, SchemeRules.Default with { EffectiveFrom = date, RequiresFollowUpAudit = true }]);

    private static AuditDeadlines Audits(OrganisationLifecycle heim) =>
        new([.. new DeadlineSchedule(heim).Between(new LocalDate(2024, 1, 1), new LocalDate(2028, 12, 31)).Where(d => d.Kind == DeadlineKind.FollowUpAudit).Select(d => (d.DueDate, d.Status))]);

    /// <summary>The follow-up deadlines' due dates and statuses.</summary>
    private sealed record AuditDeadlines((LocalDate Due, DeadlineStatus Status)[] Items);

    [Fact]
    public void TheDefaultRuleBook_HasNoFollowUpAudits()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);

        Audits(heim).Items.Should().BeEmpty();
    }

    [Fact]
    public void SwitchedOn_EachAnniversaryBeforeExpiry_HasAnAudit_MetWhenRecorded()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock, AuditsFrom(new LocalDate(2024, 1, 1)));
        SetDate(clock, 2025, 2, 1);

        Audits(heim).Items.Should().Equal((new LocalDate(2025, 3, 1), DeadlineStatus.DueSoon), (new LocalDate(2026, 3, 1), DeadlineStatus.Upcoming));

        heim = heim.RecordFollowUpAudit(Heim.Raadhuset, Kari.Id);
        SetDate(clock, 2026, 4, 1);

        Audits(heim).Items.Should().Equal((new LocalDate(2025, 3, 1), DeadlineStatus.Met), (new LocalDate(2026, 3, 1), DeadlineStatus.Overdue));
        heim.GetUnitLifecycle(Heim.Raadhuset).FollowUpAudits.Should().Equal(new LocalDate(2025, 2, 1));
    }

    [Fact]
    public void SwitchedOnLater_OnlyAnniversariesFromThatDateHaveAudits()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock, AuditsFrom(new LocalDate(2026, 1, 1)));

        Audits(heim).Items.Select(a => a.Due).Should().Equal(new LocalDate(2026, 3, 1));
    }

    [Fact]
    public void SwitchedOnLater_TheFirstRequiredAudit_IsMetByTheFirstAuditRecorded()
    {
        // Issue 33: certified 1 March 2024, audits required from 1 January 2026. The 2025 anniversary required none, so
        // the one audit recorded in February 2026 meets the 2026 anniversary. Before, the 2026 anniversary counted as
        // the second since the certificate started and asked for two audits: overdue although done.
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock, AuditsFrom(new LocalDate(2026, 1, 1)));
        SetDate(clock, 2026, 2, 10);
        heim = heim.RecordFollowUpAudit(Heim.Raadhuset, Kari.Id);
        SetDate(clock, 2026, 4, 1);

        Audits(heim).Items.Should().Equal((new LocalDate(2026, 3, 1), DeadlineStatus.Met));
    }

    [Fact]
    public void SwitchedOnLater_AnAuditRecordedBeforeTheRule_DoesNotMeetARequiredOne()
    {
        // A voluntary audit in February 2025, before the rule: the 2026 anniversary still needs its own.
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock, AuditsFrom(new LocalDate(2026, 1, 1)));
        SetDate(clock, 2025, 2, 10);
        heim = heim.RecordFollowUpAudit(Heim.Raadhuset, Kari.Id);
        SetDate(clock, 2026, 4, 1);

        Audits(heim).Items.Should().Equal((new LocalDate(2026, 3, 1), DeadlineStatus.Overdue));
    }

    [Fact]
    public void AnAudit_OfAUnitWithoutAValidCertificate_IsRefused_AndNothingChanges()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock, AuditsFrom(new LocalDate(2024, 1, 1)));

        var refused = FluentActions.Invoking(() => heim.RecordFollowUpAudit(Heim.Skole, Kari.Id)).Should().Throw<MiljofyrtarnException>().Which;

        refused.Code.Should().Be(ErrorCodes.NoValidCertificate);
        refused.Category.Should().Be(ErrorCategory.RefusedByRule, "a live refusal, not damaged data");
        heim.GetUnitLifecycle(Heim.Skole).FollowUpAudits.Should().BeEmpty();
    }

    [Fact]
    public void Audits_SurviveReplay_Documents_AndSnapshots_AndAreInTheCalendar()
    {
        var clock = Clock();
        var rules = AuditsFrom(new LocalDate(2024, 1, 1));
        var heim = WithCertifiedHeadquarters(clock, rules);
        SetDate(clock, 2025, 2, 20);
        heim = heim.RecordFollowUpAudit(Heim.Raadhuset, Kari.Id);
        var catalog = CriteriaCatalog.LoadDefault();

        var replayed = OrganisationLifecycle.Replay(catalog, HistoryJson.Read(HistoryJson.Write(catalog.Version, heim.History)).Events, clock, rules);
        var restored = SnapshotJson.Read(SnapshotJson.Write(heim), catalog, clock, rules);

        LifecycleFingerprint.Of(replayed).Should().Be(LifecycleFingerprint.Of(heim));
        restored.GetUnitLifecycle(Heim.Raadhuset).FollowUpAudits.Should().Equal(new LocalDate(2025, 2, 20));
        var calendar = DeadlineCalendar.Export(new DeadlineSchedule(heim), new LocalDate(2025, 1, 1), new LocalDate(2026, 12, 31), new CalendarExportOptions { Language = Language.NorwegianBokmal });
        calendar.Should().Contain("Årlig oppfølgingsrevisjon");
    }

    [Fact]
    public void ASnapshotWithAnAuditOutsideEveryCertificate_IsRefused()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        SetDate(clock, 2025, 2, 20);
        heim = heim.RecordFollowUpAudit(Heim.Raadhuset, Kari.Id);
        var text = System.Text.Encoding.UTF8.GetString(SnapshotJson.Write(heim)).Replace("\"followUpAudits\":[\"2025-02-20\"]", "\"followUpAudits\":[\"2023-02-20\"]", StringComparison.Ordinal);

        var problems = FluentActions.Invoking(() => SnapshotJson.Read(System.Text.Encoding.UTF8.GetBytes(text), CriteriaCatalog.LoadDefault(), clock))
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics;

        problems.Should().Contain(d => d.Code == ErrorCodes.ImpossibleState && d.Path!.EndsWith("followUpAudits[0]", StringComparison.Ordinal));
    }
}
