using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Catalog;

/// <summary>The catalog's edges, where mutation testing found untested places: files that cannot be read, null IDs, and a set's last day.</summary>
public class CatalogEdgeTest
{
    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();

    [Fact]
    public void LoadFile_TellsAMissingFileFromOneThatCannotBeRead()
    {
        var folder = Directory.CreateTempSubdirectory("mft-catalog-").FullName;

        Code(() => CriteriaCatalog.LoadFile(Path.Combine(folder, "missing.json"))).Should().Be(ErrorCodes.FileNotFound);
        Code(() => CriteriaCatalog.LoadFile(folder)).Should().Be(ErrorCodes.FileNotReadable, "a folder is there but is not a file");
    }

    [Fact]
    public void LoadFile_RefusesABlankPath_AndHonoursItsOptions()
    {
        FluentActions.Invoking(() => CriteriaCatalog.LoadFile("  ")).Should().Throw<ArgumentException>("a blank path is a programming error");
        var file = Path.Combine(Directory.CreateTempSubdirectory("mft-catalog-").FullName, "catalog.json");
        File.WriteAllBytes(file, CatalogDocuments.Bytes(CatalogDocuments.Minimal));
        var tiny = new CatalogLoadOptions { MaxBytes = 64 };

        CriteriaCatalog.LoadFile(file).Version.Should().Be("test-1");
        Code(() => CriteriaCatalog.LoadFile(file, tiny)).Should().Be(ErrorCodes.DocumentTooLarge);
        CriteriaCatalog.TryLoad(CatalogDocuments.Bytes(CatalogDocuments.Minimal), out _, out var diagnostics, tiny).Should().BeFalse();
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.DocumentTooLarge);
    }

    [Fact]
    public void TryLoad_WithoutOptions_UsesTheDefaults()
    {
        CriteriaCatalog.TryLoad(CatalogDocuments.Bytes(CatalogDocuments.Minimal), out var catalog, out var diagnostics, null).Should().BeTrue();
        catalog!.Version.Should().Be("test-1");
        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void LookupsByANullId_AreRefusedAsProgrammingErrors()
    {
        FluentActions.Invoking(() => Catalog.GetSet(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => Catalog.TryGetTheme(null!, out _)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => Catalog.TryGetQuestion(null!, out _)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => Catalog.GetSet("felles-2016").ThemeOf(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void ASet_IsInForceFromItsFirstDayThroughItsLastDay()
    {
        var headOffice = Catalog.GetSet("hovedkontor-2016");

        headOffice.IsInForceOn(new LocalDate(2015, 12, 31)).Should().BeFalse();
        headOffice.IsInForceOn(new LocalDate(2016, 1, 1)).Should().BeTrue();
        headOffice.IsInForceOn(new LocalDate(2023, 2, 28)).Should().BeTrue("the last day is inclusive");
        headOffice.IsInForceOn(new LocalDate(2023, 3, 1)).Should().BeFalse();
        Catalog.GetSet("barnehage").IsInForceOn(new LocalDate(2200, 12, 31)).Should().BeTrue("a set without an end stays in force");
    }

    private static string Code(Action action) => FluentActions.Invoking(action).Should().Throw<MiljofyrtarnException>().Which.Code;
}
