using BenchmarkDotNet.Running;

// Run all:   dotnet run -c Release --project benchmarks/Miljofyrtarn.Core.Benchmarks -- --filter '*'
// CI smoke:  MILJOFYRTARN_BENCHMARK_SMOKE=1 dotnet run -c Release --project benchmarks/Miljofyrtarn.Core.Benchmarks -- --filter '*' --job Dry --inProcess
// Writers:   dotnet run -c Release --project benchmarks/Miljofyrtarn.Core.Benchmarks -- load [seconds]   (issue 32's load runner)
if (args is ["load", ..])
{
    return await Miljofyrtarn.Core.Benchmarks.Load.WriterLoad.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>The entry point's type, for BenchmarkSwitcher.</summary>
internal sealed partial class Program;
