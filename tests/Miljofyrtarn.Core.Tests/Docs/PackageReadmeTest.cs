using FluentAssertions;
using Miljofyrtarn.Calendar;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Schedule;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Docs;

/// <summary>
/// Each package has a short README of its own, packed as the package's readme; its example is the code in the regions
/// below, verbatim, so it compiles and runs.
/// </summary>
public class PackageReadmeTest
{
    [Fact]
    public void CoreExample_Runs()
    {
        var Console = new StringWriter();
        #region core
        var catalog = CriteriaCatalog.LoadDefault();
        var common = catalog.SelectCommonSet(OrganisationKind.Municipality, new LocalDate(2024, 9, 1));
        var clock = new FakeClock(Instant.FromUtc(2024, 9, 2, 8, 0));
        var heim = OrganisationLifecycle.Start(catalog, "Heim kommune", OrganisationKind.Municipality,
            OrganisationNumber.Parse("964123454"), new UnitDefinition(new UnitId("raadhuset"), "Rådhuset"), "miljo@heim.kommune.no", clock);
        Console.WriteLine($"{common.Name.Get(Language.NorwegianBokmal)}: {heim.Phase.GetName(Language.NorwegianBokmal)}");
        #endregion

        Console.ToString().Should().Be("Felleskriterier, kommuner og fylkeskommuner: Oppstart" + Environment.NewLine);
    }

    [Fact]
    public void CalendarExample_Runs()
    {
        var lifecycle = Lifecycle.HeimLifecycle.WithCertifiedHeadquarters(Lifecycle.HeimLifecycle.Clock());
        #region calendar
        var schedule = new DeadlineSchedule(lifecycle);
        var ics = DeadlineCalendar.Export(schedule, new LocalDate(2024, 1, 1), new LocalDate(2027, 12, 31));
        File.WriteAllText("heim-frister.ics", ics);
        #endregion

        ics.Should().Contain("BEGIN:VEVENT");
        File.Delete("heim-frister.ics");
    }

    public static TheoryData<string, string> Packages() => new()
    {
        { "Miljofyrtarn.Core", "core" },
        { "Miljofyrtarn.Calendar", "calendar" },
        { "Miljofyrtarn.Storage.Sqlite", "sqlite" },
        { "Miljofyrtarn.Storage.Postgres", "postgres" },
        { "Miljofyrtarn.AspNetCore", "readme-host" },
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public void EachPackage_HasAShortReadmeOfItsOwn_WithItsExampleVerbatim(string package, string region)
    {
        var readme = RepositoryFiles.Read($"src/{package}/README.md").Replace("\r\n", "\n", StringComparison.Ordinal);
        var source = region switch
        {
            "sqlite" => "tests/Miljofyrtarn.Storage.Sqlite.Tests/PackageReadmeExampleTest.cs",
            "postgres" => "tests/Miljofyrtarn.Storage.Postgres.Tests/PackageReadmeExampleTest.cs",
            "readme-host" => "tests/Miljofyrtarn.AspNetCore.Tests/ReadmeHostTest.cs",
            _ => "tests/Miljofyrtarn.Core.Tests/Docs/PackageReadmeTest.cs",
        };

        readme.Should().StartWith($"# {package}").And.Contain($"dotnet add package {package}");
        readme.Length.Should().BeLessThan(4000, "a package README is short; the repository README has the rest");
        readme.Should().Contain(RepositoryFiles.Region(source, region));
        readme.Should().NotContain("](docs/").And.NotContain("](../", "relative links do not work on a package page");
    }
}
