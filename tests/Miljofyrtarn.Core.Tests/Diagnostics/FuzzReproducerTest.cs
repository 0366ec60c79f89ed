using System.Text.Json;
using FluentAssertions;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Json;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Tests.Lifecycle;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Diagnostics;

/// <summary>
/// Every reproducer the fuzz harness (tests/Miljofyrtarn.Fuzz) ever found, kept in Fixtures/fuzz/&lt;reader&gt;/: each
/// is now either read (and written again) or refused with a code, never anything else.
/// </summary>
public class FuzzReproducerTest
{
    public static TheoryData<string> Reproducers()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz"), file));
        }

        return data;
    }

    [Fact]
    public void TheReproducers_AreThere() => Reproducers().Count.Should().BeGreaterThanOrEqualTo(3);

    [Theory]
    [MemberData(nameof(Reproducers))]
    public void AReproducer_IsReadOrRefusedWithACode(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz", file));
        var reader = file.Split(Path.DirectorySeparatorChar)[0];
        Action read = reader switch
        {
            "catalog" => () => CriteriaCatalog.Load(bytes),
            "snapshot" => () => SnapshotJson.Read(bytes, CriteriaCatalog.LoadDefault(), HeimLifecycle.Clock()),
            "history" => () => { var read = HistoryJson.Read(bytes); HistoryJson.Write(read.CatalogVersion, read.Events); },
            "indicators" => () => IndicatorCatalogJson.Write(IndicatorCatalogJson.Read(bytes)),
            "factors" => () => EmissionFactorSetJson.Write(EmissionFactorSetJson.Read(bytes)),
            "commands" => () => JsonSerializer.SerializeToUtf8Bytes(MiljofyrtarnJson.ReadCommand(bytes), MiljofyrtarnJson.GetTypeInfo<LifecycleCommand>()),
            _ => throw new InvalidOperationException($"Unknown reader folder {reader}."),
        };

        try
        {
            read();
        }
        catch (MiljofyrtarnException exception)
        {
            exception.Code.Should().MatchRegex("^MFT[0-9]{4}$");
        }
    }
}
