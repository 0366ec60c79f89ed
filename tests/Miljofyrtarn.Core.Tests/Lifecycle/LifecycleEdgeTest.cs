using System.Collections.Immutable;
using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Schedule;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Lifecycle;

/// <summary>
/// The lifecycle's value types and rule book at their edges, where mutation testing found untested places: a
/// certificate's first and last valid day, its equality member by member, a certifier's problems, the bounds of every
/// rule period, which rule version is in force, and the report years the rule book accepts.
/// </summary>
public class LifecycleEdgeTest
{
    private static readonly Certificate Issued = new(
        "MFT-1", new UnitId("raadhuset"), [new UnitId("raadhuset")], new LocalDate(2024, 3, 1), new LocalDate(2024, 3, 1), new LocalDate(2027, 3, 1), CertificateStatus.Valid, "kari");

    private static IReadOnlyList<Diagnostic> Refused(Action action) =>
        FluentActions.Invoking(action).Should().Throw<MiljofyrtarnException>().Which.Diagnostics;

    [Theory]
    [InlineData(CertificateStatus.Valid, true)]
    [InlineData(CertificateStatus.Expired, true)]
    [InlineData(CertificateStatus.Withdrawn, false)]
    [InlineData(CertificateStatus.Superseded, false)]
    public void ACertificate_IsValidFromItsFirstThroughItsLastDay_UnlessWithdrawnOrSuperseded(CertificateStatus status, bool counts)
    {
        var certificate = Issued.WithStatus(status);

        certificate.IsValidOn(new LocalDate(2024, 2, 29)).Should().BeFalse();
        certificate.IsValidOn(new LocalDate(2024, 3, 1)).Should().Be(counts);
        certificate.IsValidOn(new LocalDate(2027, 3, 1)).Should().Be(counts, "the last valid day is valid all day");
        certificate.IsValidOn(new LocalDate(2027, 3, 2)).Should().BeFalse();
    }

    [Fact]
    public void CertificateEquality_LooksAtEveryMember_AndItReadsAsNumberHolderPeriodAndStatus()
    {
        var same = new Certificate("MFT-1", new UnitId("raadhuset"), [new UnitId("raadhuset")], new LocalDate(2024, 3, 1), new LocalDate(2024, 3, 1), new LocalDate(2027, 3, 1), CertificateStatus.Valid, "kari");
        Issued.Equals(same).Should().BeTrue();
        Issued.Equals((object)same).Should().BeTrue();
        Issued.GetHashCode().Should().Be(same.GetHashCode());
        Certificate[] others =
        [
            new("MFT-2", Issued.Holder, Issued.Units, Issued.IssuedOn, Issued.ValidFrom, Issued.ValidTo, Issued.Status, Issued.Certifier),
            new(Issued.Number, new UnitId("skole"), Issued.Units, Issued.IssuedOn, Issued.ValidFrom, Issued.ValidTo, Issued.Status, Issued.Certifier),
            new(Issued.Number, Issued.Holder, [Issued.Holder, new UnitId("kantine")], Issued.IssuedOn, Issued.ValidFrom, Issued.ValidTo, Issued.Status, Issued.Certifier),
            new(Issued.Number, Issued.Holder, Issued.Units, Issued.IssuedOn.PlusDays(1), Issued.ValidFrom, Issued.ValidTo, Issued.Status, Issued.Certifier),
            new(Issued.Number, Issued.Holder, Issued.Units, Issued.IssuedOn, Issued.ValidFrom.PlusDays(1), Issued.ValidTo, Issued.Status, Issued.Certifier),
            new(Issued.Number, Issued.Holder, Issued.Units, Issued.IssuedOn, Issued.ValidFrom, Issued.ValidTo.PlusDays(1), Issued.Status, Issued.Certifier),
            new(Issued.Number, Issued.Holder, Issued.Units, Issued.IssuedOn, Issued.ValidFrom, Issued.ValidTo, CertificateStatus.Expired, Issued.Certifier),
            new(Issued.Number, Issued.Holder, Issued.Units, Issued.IssuedOn, Issued.ValidFrom, Issued.ValidTo, Issued.Status, "ola"),
        ];
        others.Should().OnlyContain(other => !Issued.Equals(other));
        Issued.ToString().Should().Be("MFT-1 raadhuset 2024-03-01–2027-03-01 Valid");
        Issued.Equals(null).Should().BeFalse();
    }

    [Fact]
    public void ACertifier_ListsEveryProblem()
    {
        Refused(() => _ = new Certifier(" ", " ", default)).Select(d => (d.Code, d.Arguments[0])).Should().Equal(
            (ErrorCodes.BlankText, "certifier.id"), (ErrorCodes.BlankText, "certifier.name"), (ErrorCodes.InvalidOrganisationNumber, string.Empty));
    }

    [Theory]
    [InlineData("P1D", true)]
    [InlineData("P10Y", true)]
    [InlineData("P0D", false)]
    [InlineData("P10Y1D", false)]
    [InlineData("P-1D", false)]
    [InlineData("PT5H", false)]
    public void ACertificatesValidity_IsPositive_AndAtMostTenYears(string period, bool accepted)
    {
        var rules = SchemeRules.Default with { CertificateValidity = NodaTime.Text.PeriodPattern.Roundtrip.Parse(period).Value };
        Action build = () => SchemeRuleBook.Of(rules);

        if (accepted)
        {
            build.Should().NotThrow();
        }
        else
        {
            Refused(build).Should().ContainSingle().Which.Arguments.Should().Equal("CertificateValidity", rules.CertificateValidity.ToString(), "P1D", "P10Y");
        }
    }

    [Theory]
    [InlineData("P0D", true)]
    [InlineData("P10Y", true)]
    [InlineData("P-1D", false)]
    [InlineData("P10Y1D", false)]
    public void TheOtherPeriods_MayBeZero_AndAtMostTenYears(string period, bool accepted)
    {
        var value = NodaTime.Text.PeriodPattern.Roundtrip.Parse(period).Value;
        foreach (var rules in new[]
        {
            SchemeRules.Default with { RecertificationOpensBefore = value },
            SchemeRules.Default with { ExpiryReminderBefore = value },
            SchemeRules.Default with { GraceAfterExpiry = value },
        })
        {
            Action build = () => SchemeRuleBook.Of(rules);
            if (accepted)
            {
                build.Should().NotThrow();
            }
            else
            {
                Refused(build).Should().ContainSingle().Which.Arguments[2].Should().Be("P0D");
            }
        }

        Refused(() => SchemeRuleBook.Of(SchemeRules.Default with { GraceAfterExpiry = null! })).Single().Arguments[1].Should().Be("null");
    }

    [Fact]
    public void TheRulesInForce_AreTheLatestVersionThatTookEffectOnOrBeforeTheDate()
    {
        var book = new SchemeRuleBook(
        [
            SchemeRules.Default,
            SchemeRules.Default with { EffectiveFrom = new LocalDate(2030, 1, 1), CertificateValidity = Period.FromYears(4) },
            SchemeRules.Default with { EffectiveFrom = new LocalDate(2035, 1, 1), CertificateValidity = Period.FromYears(5) },
        ]);

        book.On(new LocalDate(2029, 12, 31)).CertificateValidity.Should().Be(Period.FromYears(3));
        book.On(new LocalDate(2030, 1, 1)).CertificateValidity.Should().Be(Period.FromYears(4));
        book.On(new LocalDate(2034, 12, 31)).CertificateValidity.Should().Be(Period.FromYears(4));
        book.On(new LocalDate(2035, 1, 1)).CertificateValidity.Should().Be(Period.FromYears(5));
        book.On(new LocalDate(2100, 1, 1)).CertificateValidity.Should().Be(Period.FromYears(5));
    }

    [Fact]
    public void Adjust_MovesADateToTheNextWorkingDay_OnlyUnderThatPolicy()
    {
        var saturday = new LocalDate(2029, 3, 31);
        SchemeRuleBook.Default.Adjust(saturday).Should().Be(saturday);
        SchemeRuleBook.Of(SchemeRules.Default with { Adjustment = DeadlineAdjustment.NextWorkingDay }).Adjust(saturday)
            .Should().Be(new LocalDate(2029, 4, 3), "Easter Sunday and Monday follow");
        SchemeRuleBook.Of(SchemeRules.Default with { Adjustment = DeadlineAdjustment.NextWorkingDay }).Adjust(new LocalDate(2029, 3, 27))
            .Should().Be(new LocalDate(2029, 3, 27), "a working day stays");
        FluentActions.Invoking(() => SchemeRuleBook.Default.LastValidDay(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void AnnualReports_AreDueTheFirstOfAprilTheNextYear_ForYearsThroughTheSecondToLastSupportedYear()
    {
        SchemeRuleBook.Default.NominalAnnualReportDue(1900).Should().Be(new LocalDate(1901, 4, 1));
        SchemeRuleBook.Default.NominalAnnualReportDue(2199).Should().Be(new LocalDate(2200, 4, 1));
        Refused(() => SchemeRuleBook.Default.NominalAnnualReportDue(2200)).Single().Arguments.Should().Equal("year", "2200", "1900", "2199");
        Refused(() => SchemeRuleBook.Default.NominalAnnualReportDue(1899)).Single().Code.Should().Be(ErrorCodes.NumberOutOfRange);
        Refused(() => SchemeRuleBook.Default.EndOfDay(new LocalDate(2201, 1, 1))).Single().Code.Should().Be(ErrorCodes.DateOutOfRange);
    }

    [Fact]
    public void LifecycleActions_HaveOneFlagEach_AndAnUndefinedActionIsRefused()
    {
        foreach (var action in Enum.GetValues<LifecycleAction>())
        {
            action.ToFlag().Should().Be((LifecycleActions)(1 << (int)action));
        }

        FluentActions.Invoking(() => ((LifecycleAction)40).ToFlag()).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("action");
        ImmutableArray<UnitState> states = [.. Enum.GetValues<UnitState>()];
        states.Select(s => s.GetName(Core.Localization.Language.NorwegianBokmal)).Should().OnlyHaveUniqueItems().And.NotContain(string.Empty);
    }

    [Fact]
    public void UnitLifecycles_AreEqualByValue_AndAnAllowedActionSaysSo()
    {
        var heim = HeimLifecycle.WithCertifiedHeadquarters(HeimLifecycle.Clock());
        var again = OrganisationLifecycle.Replay(heim.Organisation.Catalog, heim.History, HeimLifecycle.Clock(2024, 3, 2));
        var raadhuset = heim.GetUnitLifecycle(Organisations.Heim.Raadhuset);

        raadhuset.Equals(again.GetUnitLifecycle(Organisations.Heim.Raadhuset)).Should().BeTrue();
        raadhuset.Equals(heim.GetUnitLifecycle(Organisations.Heim.Skole)).Should().BeFalse();
        raadhuset.ToString().Should().StartWith("raadhuset Certified MFT-HK-1");
        raadhuset.Equals(null).Should().BeFalse();
        var allowed = heim.GetActions(Organisations.Heim.Raadhuset).First(a => a.IsAllowed);
        allowed.ToString(Core.Localization.Language.English).Should().EndWith(": allowed");
        allowed.ToString(Core.Localization.Language.NorwegianBokmal).Should().EndWith(": tillatt");
    }
}
