using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Json;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Testing;

namespace Miljofyrtarn.Core.Benchmarks;

/// <summary>
/// The readiness of 1 HK + 200 UEs (1,000 criteria) written as JSON for a frontend: through the library's web contracts
/// (<see cref="ContractViews"/> and <see cref="MiljofyrtarnJson"/>), against the baseline a host wrote by hand before
/// the contracts existed: its own DTOs, mapped field by field and written by its own source-generated context. Both
/// start from the same computed readiness and write into a reused buffer. Targets: time at most 1.0× the baseline's,
/// output at most 1.2× its size (printed at set-up and recorded in docs/benchmarks.md).
/// </summary>
[MemoryDiagnoser]
public class ContractBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private OrganisationReadiness _readiness = null!;

    [GlobalSetup]
    public void Setup()
    {
        _readiness = LargeMunicipality.Create().GetReadiness();
        var baseline = Measure(HandWritten);
        var contracts = Measure(Contracts);
        Console.WriteLine($"// readiness JSON: hand-written DTOs {baseline:N0} bytes, contracts {contracts:N0} bytes, ratio {(double)contracts / baseline:F2}");
    }

    [Benchmark(Baseline = true, Description = "Hand-written DTOs")]
    public int HandWritten()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(writer, HostDtos.Map(_readiness), HostDtoContext.Default.HostReadiness);
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "Web contracts")]
    public int Contracts()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(writer, ContractViews.ToView(_readiness, Language.NorwegianBokmal), MiljofyrtarnJson.GetTypeInfo<OrganisationReadinessView>());
        return _buffer.WrittenCount;
    }

    private static int Measure(Func<int> write) => write();
}

#pragma warning disable CS1591
/// <summary>What a host wrote by hand to show readiness: the fields a dashboard needs, as plain strings and numbers.</summary>
public static class HostDtos
{
    public static HostReadiness Map(OrganisationReadiness readiness)
    {
        var units = new List<HostUnitReadiness>(readiness.Units.Length);
        foreach (var unit in readiness.Units)
        {
            var themes = new List<HostTheme>(unit.Themes.Length);
            foreach (var theme in unit.Themes)
            {
                themes.Add(new HostTheme(theme.Theme.Id, theme.Theme.Name.Get(Language.NorwegianBokmal), Counts(theme.Counts)));
            }

            var blocking = new List<HostBlocking>(unit.Blocking.Length);
            foreach (var b in unit.Blocking)
            {
                blocking.Add(new HostBlocking(b.Criterion.Id, b.Criterion.Title.Get(Language.NorwegianBokmal), b.Criterion.Theme.Id, b.Status.ToString(), b.FulfilledBy.ToString()));
            }

            units.Add(new HostUnitReadiness(unit.Unit.Id.Value, unit.Unit.Name, Counts(unit.Counts), Math.Round(unit.Counts.PercentMustFulfilled, 1), unit.IsReadyForCertifier, themes, blocking));
        }

        return new HostReadiness(Counts(readiness.Counts), Math.Round(readiness.Counts.PercentMustFulfilled, 1), units);
    }

    private static HostCounts Counts(ReadinessCounts c) =>
        new(c.NotStarted, c.InProgress, c.Fulfilled, c.NotApplicable, c.MustTotal, c.MustFulfilled, c.MustNotApplicable);
}

public sealed record HostReadiness(HostCounts Counts, double PercentMustFulfilled, List<HostUnitReadiness> Units);

public sealed record HostUnitReadiness(string Unit, string Name, HostCounts Counts, double PercentMustFulfilled, bool ReadyForCertifier, List<HostTheme> Themes, List<HostBlocking> Blocking);

public sealed record HostCounts(int NotStarted, int InProgress, int Fulfilled, int NotApplicable, int MustTotal, int MustFulfilled, int MustNotApplicable);

public sealed record HostTheme(string Theme, string Name, HostCounts Counts);

public sealed record HostBlocking(int Criterion, string Title, string Theme, string Status, string FulfilledBy);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HostReadiness))]
public sealed partial class HostDtoContext : JsonSerializerContext;
#pragma warning restore CS1591
