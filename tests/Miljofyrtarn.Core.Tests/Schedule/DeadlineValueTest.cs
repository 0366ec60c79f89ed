using FluentAssertions;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Schedule;

/// <summary>
/// A deadline is a value: two queries of the same state give equal deadlines (not the same objects), and any field that
/// differs, the status included, makes them different. Its members read back what it was built from.
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
}
