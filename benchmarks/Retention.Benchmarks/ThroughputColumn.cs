using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Retention.Benchmarks;

/// <summary>
/// Reads the mean time per operation as throughput. Every benchmark here sets
/// <c>OperationsPerInvoke</c> to the number of customers, so one operation is one customer.
/// </summary>
internal sealed class ThroughputColumn : IColumn
{
    /// <summary>Customers scored per second on one thread: 1 / mean.</summary>
    public static readonly ThroughputColumn CustomersPerSecond = new("Customers/s", "Customers scored per second on one thread (1 s / Mean)", perSecond: true);

    /// <summary>Time to score one million customers: mean x 1,000,000.</summary>
    public static readonly ThroughputColumn PerMillionCustomers = new("Per 1M customers", "Time to score 1,000,000 customers (Mean x 1,000,000)", perSecond: false);

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
            // ns per customer x 1e6 customers = ms per million.
            return nanoseconds.ToString("N2", CultureInfo.InvariantCulture) + " ms";
        }

        double perSecond = 1e9 / nanoseconds;
        return perSecond >= 1e6
            ? (perSecond / 1e6).ToString("N1", CultureInfo.InvariantCulture) + " M"
            : (perSecond / 1e3).ToString("N1", CultureInfo.InvariantCulture) + " k";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
