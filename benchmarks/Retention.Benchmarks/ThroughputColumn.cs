using System;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Retention.Benchmarks;

/// <summary>
/// Reads the mean time per operation as throughput. Every benchmark here sets
/// <c>OperationsPerInvoke</c> to the number of items it handles per call (customers, answers,
/// decisions, planned touches), so one operation is one item.
/// </summary>
internal sealed class ThroughputColumn : IColumn
{
    private readonly bool _perSecond;

    private ThroughputColumn(string name, string legend, bool perSecond)
    {
        ColumnName = name;
        Legend = legend;
        _perSecond = perSecond;
    }

    public string Id => nameof(ThroughputColumn) + "." + ColumnName;

    public string ColumnName { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => _perSecond ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend { get; }

    /// <summary>The time of one whole call: mean x OperationsPerInvoke (for example the time to score 1,000,000 customers).</summary>
    public static ThroughputColumn PerCall(string name, string legend) => new(name, legend, perSecond: false);

    /// <summary>Items per second on one thread: 1 s / mean.</summary>
    public static ThroughputColumn PerSecond(string name, string legend) => new(name, legend, perSecond: true);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null || statistics.Mean <= 0)
        {
            return "NA";
        }

        double nanoseconds = statistics.Mean;
        if (!_perSecond)
        {
            // ns per item x items per call = ns per call.
            double total = nanoseconds * benchmarkCase.Descriptor.OperationsPerInvoke;
            return total >= 1e9 ? (total / 1e9).ToString("N3", CultureInfo.InvariantCulture) + " s"
                : total >= 1e6 ? (total / 1e6).ToString("N2", CultureInfo.InvariantCulture) + " ms"
                : total >= 1e3 ? (total / 1e3).ToString("N2", CultureInfo.InvariantCulture) + " μs"
                : total.ToString("N2", CultureInfo.InvariantCulture) + " ns";
        }

        double perSecond = 1e9 / nanoseconds;
        return perSecond >= 1e6 ? (perSecond / 1e6).ToString("N1", CultureInfo.InvariantCulture) + " M"
            : perSecond >= 1e3 ? (perSecond / 1e3).ToString("N1", CultureInfo.InvariantCulture) + " k"
            : perSecond.ToString("N0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}

/// <summary>
/// Adds the two throughput columns to one benchmark class, named for what it counts: a per-call
/// time (mean x OperationsPerInvoke) and items per second.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ThroughputColumnsAttribute : Attribute, IConfigSource
{
    /// <param name="perCall">Header of the per-call column, e.g. "Per 1M customers".</param>
    /// <param name="perCallLegend">What it means.</param>
    /// <param name="perSecond">Header of the throughput column, e.g. "Customers/s".</param>
    /// <param name="perSecondLegend">What it means.</param>
    public ThroughputColumnsAttribute(string perCall, string perCallLegend, string perSecond, string perSecondLegend) =>
        Config = ManualConfig.CreateEmpty().AddColumn(
            ThroughputColumn.PerCall(perCall, perCallLegend),
            ThroughputColumn.PerSecond(perSecond, perSecondLegend));

    public IConfig Config { get; }
}
