using BenchmarkDotNet.Running;

// Run all:   dotnet run -c Release --project benchmarks/Miljofyrtarn.Core.Benchmarks -- --filter '*'
// CI smoke:  MILJOFYRTARN_BENCHMARK_SMOKE=1 dotnet run -c Release --project benchmarks/Miljofyrtarn.Core.Benchmarks -- --filter '*' --job Dry --inProcess
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>The entry point's type, for BenchmarkSwitcher.</summary>
internal sealed partial class Program;
