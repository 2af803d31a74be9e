using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Retention.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/Retention.Benchmarks -- --filter '*' --job short</c>.
/// Any BenchmarkDotNet switch works (<c>--list flat</c>, <c>--filter *Columns*</c>, <c>--job medium</c>).
/// </summary>
internal static class Program
{
    private static void Main(string[] args)
    {
        // Each benchmark class adds its own throughput columns ([ThroughputColumns]).
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance);
    }
}
