using System.Threading.Tasks;
using Retention.Samples.DealerDay.Simulation;
using Retention.Tests.Shared;

namespace Retention.Samples.Tests.Support;

/// <summary>
/// Runs the sample program as its own process, as a user would: the sample's assembly is copied next to the tests (with
/// its runtime configuration and the bundled <c>data/</c> folder), and the .NET host runs it with the given arguments.
/// </summary>
internal static class SampleProcess
{
    public static string AssemblyPath => typeof(MonthSimulation).Assembly.Location;

    public static Task<ProcessRun> RunAsync(params string[] args) => DotNetProcess.ExecAsync(AssemblyPath, args);
}
