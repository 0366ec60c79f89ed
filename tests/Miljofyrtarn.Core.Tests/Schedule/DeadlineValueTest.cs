using FluentAssertions;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Schedule;

/// <summary>
/// A deadline is a value: two queries of the same state give equal deadlines (not the same objects), and any field that
/// differs, the status included, makes them different. Its members read back what it was built from. A certificate's
/// deadlines belong to its number, an annual report only to its unit and year (the deadlines of one unit share one
/// object per query, which holds the certificate number for them).
/// </summary>
public class DeadlineValueTest
{
    private static readonly LocalDate From = new(2024, 1, 1);
    private static readonly LocalDate To = new(2030, 12, 31);

    [Fact]
    public void TwoQueriesOfOneState_GiveEqualDeadlines_WithEqualHashCodes()
    {
        var heim = WithCertifiedHeadquarters(Clock(), AuditsFrom(From));

        var first = new DeadlineSchedule(heim).Between(From, To);
        var second = new DeadlineSchedule(heim).Between(From, To);

        first.Should().NotBeEmpty().And.HaveCount(second.Length);
        for (var i = 0; i < first.Length; i++)
        {
            first[i].Should().NotBeSameAs(second[i]);
            first[i].Should().Be(second[i]);
            (first[i] == second[i]).Should().BeTrue();
            first[i].GetHashCode().Should().Be(second[i].GetHashCode());
        }

        first.Should().OnlyHaveUniqueItems("no two deadlines of a schedule are equal");
    }

    [Fact]
    public void AChangedStatus_MakesTheDeadlineDifferent()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        var before = new DeadlineSchedule(heim).Between(From, To).Single(d => d.Kind == DeadlineKind.AnnualReport && d.Year == 2025);

        SetDate(clock, 2026, 4, 2);
        var after = new DeadlineSchedule(heim).Between(From, To).Single(d => d.Kind == DeadlineKind.AnnualReport && d.Year == 2025);

        after.Status.Should().Be(DeadlineStatus.Overdue);
        after.Should().NotBe(before);
        (after != before).Should().BeTrue();
        after.Id.Should().Be(before.Id);
    }

    [Fact]
    public void EachKind_ReadsBackItsUnitNumbersAndDates()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock, AuditsFrom(From));
        SetDate(clock, 2025, 2, 1);

        var deadlines = new DeadlineSchedule(heim).Between(From, To).Where(d => d.Unit == Heim.Raadhuset).ToList();

        deadlines.Should().OnlyContain(d => d.UnitName == "Rådhuset" && d.Id.StartsWith("964123454/raadhuset/", StringComparison.Ordinal));
        var report = deadlines.Single(d => d.Kind == DeadlineKind.AnnualReport && d.Year == 2025);
        report.Id.Should().Be("964123454/raadhuset/AnnualReport/2025");
        (report.NominalDate, report.DueDate, report.Postponed, report.Moved).Should().Be((new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 1), false, false));
        var audit = deadlines.Where(d => d.Kind == DeadlineKind.FollowUpAudit).Should().HaveCount(2).And.Subject.Last();
        (audit.Id, audit.Year, audit.DueDate, audit.Status).Should().Be(("964123454/raadhuset/FollowUpAudit/MFT-HK-1-2", (int?)null, new LocalDate(2026, 3, 1), DeadlineStatus.Upcoming));
        var expiry = deadlines.Single(d => d.Kind == DeadlineKind.CertificateExpiry);
        (expiry.Id, expiry.Year, expiry.Adjustment).Should().Be(("964123454/raadhuset/CertificateExpiry/MFT-HK-1", (int?)null, DeadlineAdjustment.None));
        expiry.PassesAt.Should().Be(expiry.DueDate.PlusDays(1).AtStartOfDayInZone(heim.Rules.TimeZone).ToInstant());
        expiry.ToString().Should().Contain("Kind = CertificateExpiry").And.Contain("UnitName = Rådhuset").And.Contain("Year = ,");
    }

    [Fact]
    public void TheSameCertificateUnderTwoNumbers_GivesEqualReportsAndDifferentCertificateDeadlines()
    {
        // One state certified twice, on the same day, under two numbers.
        var clock = Clock();
        var started = Start(clock).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);
        SetDate(clock, 2024, 3, 1);
        var first = new DeadlineSchedule(Certify(started, Heim.Raadhuset, "MFT-A")).Between(From, To);
        var second = new DeadlineSchedule(Certify(started, Heim.Raadhuset, "MFT-B")).Between(From, To);

        first.Select(d => (d.Kind, d.Year, d.DueDate, d.Status)).Should().Equal(second.Select(d => (d.Kind, d.Year, d.DueDate, d.Status)));
        for (var i = 0; i < first.Length; i++)
        {
            if (first[i].Kind == DeadlineKind.AnnualReport)
            {
                first[i].Should().Be(second[i], "an annual report belongs to its unit and year, not to a certificate");
                first[i].GetHashCode().Should().Be(second[i].GetHashCode());
                first[i].Id.Should().Be(second[i].Id);
            }
            else
            {
                first[i].Should().NotBe(second[i], "a {0} belongs to its certificate", first[i].Kind);
                (first[i].Id, second[i].Id).Should().Be(($"964123454/raadhuset/{first[i].Kind}/MFT-A", $"964123454/raadhuset/{first[i].Kind}/MFT-B"));
            }
        }

        first.Select(d => d.Kind).Should().Contain([DeadlineKind.AnnualReport, DeadlineKind.CertificateExpiry]);
    }

    [Fact]
    public void DeadlinesOfTwoUnits_AreNeverEqual_AndEachIsEqualOnlyToItself()
    {
        var clock = Clock();
        var heim = Certify(WithCertifiedHeadquarters(clock), Heim.Barnehage, "MFT-B-1");
        var deadlines = new DeadlineSchedule(heim).Between(From, To);

        deadlines.Select(d => d.Unit).Distinct().Should().HaveCount(2);
        for (var i = 0; i < deadlines.Length; i++)
        {
            for (var j = 0; j < deadlines.Length; j++)
            {
                deadlines[i].Equals(deadlines[j]).Should().Be(i == j, "{0} and {1}", deadlines[i].Id, deadlines[j].Id);
            }

            deadlines[i].Equals(null).Should().BeFalse();
            deadlines[i].Equals((object)"not a deadline").Should().BeFalse();
        }
    }

    [Fact]
    public void TwoUnitsOfTheSameName_HaveDifferentDeadlines()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock)
            .AddUnit(Heim.Unit(new UnitId("avdeling-nord"), "Avdeling", "barnehage", kitchen: true), Coordinator)
            .AddUnit(Heim.Unit(new UnitId("avdeling-sor"), "Avdeling", "barnehage", kitchen: true), Coordinator);
        heim = Certify(Certify(heim, new UnitId("avdeling-nord"), "MFT-N"), new UnitId("avdeling-sor"), "MFT-S");

        var deadlines = new DeadlineSchedule(heim).Between(From, To);
        var north = deadlines.Where(d => d.Unit == new UnitId("avdeling-nord") && d.Kind == DeadlineKind.AnnualReport).ToList();
        var south = deadlines.Where(d => d.Unit == new UnitId("avdeling-sor") && d.Kind == DeadlineKind.AnnualReport).ToList();

        north.Select(d => (d.UnitName, d.Year, d.DueDate, d.Status)).Should().NotBeEmpty().And.Equal(south.Select(d => (d.UnitName, d.Year, d.DueDate, d.Status)));
        north.Zip(south).Should().OnlyContain(pair => !pair.First.Equals(pair.Second), "the units differ, though their names do not");
    }

    [Fact]
    public void AReportPostponedToTwoDates_IsTwoDifferentDeadlines()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        SetDate(clock, 2026, 3, 10);
        Deadline Report(LocalDate grantedTo) => new DeadlineSchedule(heim.GrantPostponement(Heim.Raadhuset, 2025, grantedTo, Coordinator))
            .Between(From, To).Single(d => d.Kind == DeadlineKind.AnnualReport && d.Year == 2025);

        var june = Report(new LocalDate(2026, 6, 1));
        var july = Report(new LocalDate(2026, 7, 1));

        (june.Postponed, june.Status, june.Moved).Should().Be((july.Postponed, july.Status, july.Moved));
        june.Should().NotBe(july);
        june.Should().Be(Report(new LocalDate(2026, 6, 1)));
    }

    [Fact]
    public void TwoReportsPostponedToOneDay_AreTwoDeadlines()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        SetDate(clock, 2026, 3, 10);
        heim = heim.GrantPostponement(Heim.Raadhuset, 2025, new LocalDate(2027, 6, 1), Coordinator);
        SetDate(clock, 2027, 3, 10);
        heim = heim.GrantPostponement(Heim.Raadhuset, 2026, new LocalDate(2027, 6, 1), Coordinator);

        var reports = new DeadlineSchedule(heim).Between(From, To).Where(d => d.Kind == DeadlineKind.AnnualReport && d.DueDate == new LocalDate(2027, 6, 1)).ToList();

        reports.Select(d => d.Year).Should().Equal(2025, 2026);
        reports[0].Should().NotBe(reports[1]);
    }

    [Fact]
    public void TheSameDueDateFromTwoNominalDates_IsTwoDeadlines()
    {
        // 1 April 2028 is a Saturday, moved to Monday 3 April; under the other rules the report is due on 3 April itself.
        var moved = SchemeRuleBook.Of(SchemeRules.Default with { Adjustment = DeadlineAdjustment.NextWorkingDay });
        var onMonday = SchemeRuleBook.Of(SchemeRules.Default with { Adjustment = DeadlineAdjustment.NextWorkingDay, AnnualReportDue = new AnnualDate(4, 3) });
        Deadline Report(SchemeRuleBook rules) => new DeadlineSchedule(WithCertifiedHeadquarters(Clock(), rules))
            .Between(From, To).Single(d => d.Kind == DeadlineKind.AnnualReport && d.Year == 2027);

        var (first, second) = (Report(moved), Report(onMonday));

        (first.DueDate, first.NominalDate, first.Moved).Should().Be((new LocalDate(2028, 4, 3), new LocalDate(2028, 4, 1), true));
        (second.DueDate, second.NominalDate, second.Moved).Should().Be((new LocalDate(2028, 4, 3), new LocalDate(2028, 4, 3), false));
        first.Should().NotBe(second);
    }

    [Fact]
    public void EveryKindStatusAndAdjustment_FitsTheDeadlinesPackedByte()
    {
        // A deadline keeps kind and status in three bits each and the adjustment in one: a new value needs a wider field.
        Enum.GetValues<DeadlineKind>().Select(k => (int)k).Should().OnlyContain(k => k >= 0 && k < 8);
        Enum.GetValues<DeadlineStatus>().Select(s => (int)s).Should().OnlyContain(s => s >= 0 && s < 8);
        Enum.GetValues<DeadlineAdjustment>().Should().Equal(DeadlineAdjustment.None, DeadlineAdjustment.NextWorkingDay);
    }
}
