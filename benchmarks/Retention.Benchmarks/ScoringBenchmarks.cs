using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Retention.Scoring;

namespace Retention.Benchmarks;

/// <summary>
/// Scores one million customers, four ways, on one thread. Each benchmark counts one operation
/// per customer (<c>OperationsPerInvoke</c>), so Mean is the time per customer and Allocated the
/// bytes per customer.
/// </summary>
[MemoryDiagnoser]
[ThroughputColumns(
    "Per 1M customers", "Time to score 1,000,000 customers (Mean x 1,000,000)",
    "Customers/s", "Customers scored per second on one thread (1 s / Mean)")]
public class ScoringBenchmarks
{
    public const int Customers = 1_000_000;

    private static readonly LocalDate AsOf = new(2026, 6, 30);

    private CustomerData _data = null!;
    private RiskScorer _scorer = null!;
    private RiskScorer _rescalingScorer = null!;
    private DateTime _asOfDateTime;
    private RiskAssessment[] _assessments = null!;
    private double[] _scores = null!;
    private RiskTier[] _tiers = null!;
    private ChurnStage[] _stages = null!;
    private List<BatchProblem> _problems = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = new CustomerData(Customers, AsOf);
        _scorer = new RiskScorer(new ScoringOptions());
        var rescaling = new ScoringOptions();
        rescaling.Risk.MissingSignals = MissingSignalPolicy.Rescale;
        _rescalingScorer = new RiskScorer(rescaling);
        _asOfDateTime = AsOf.ToDateTimeUnspecified();
        _assessments = new RiskAssessment[Customers];
        _scores = new double[Customers];
        _tiers = new RiskTier[Customers];
        _stages = new ChurnStage[Customers];
        _problems = new List<BatchProblem>();
    }

    /// <summary>(a) The hand-written app code: classes, LINQ, a List of results, DateTime arithmetic.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Customers, Description = "Naive (classes + LINQ)")]
    public int Naive()
    {
        var (results, tiers, stages) = NaiveScoring.ScoreAll(_data.AppCustomers, _asOfDateTime);
        return results.Count + tiers.Count + stages.Count;
    }

    /// <summary>(b) The one-customer API in a loop.</summary>
    [Benchmark(OperationsPerInvoke = Customers, Description = "RiskScorer.Score (loop)")]
    public int ScoreLoop()
    {
        var customers = _data.Signals;
        var results = _assessments;
        for (int i = 0; i < customers.Length; i++)
        {
            results[i] = _scorer.Score(customers[i], AsOf);
        }

        return results.Length;
    }

    /// <summary>(c) The batch API over spans of <see cref="CustomerSignals"/>.</summary>
    [Benchmark(OperationsPerInvoke = Customers, Description = "RiskScorer.ScoreBatch")]
    public int ScoreBatch()
    {
        _problems.Clear();
        return _scorer.ScoreBatch(_data.Signals, AsOf, _assessments, _problems).Scored;
    }

    /// <summary>(d) The columnar fast path.</summary>
    [Benchmark(OperationsPerInvoke = Customers, Description = "RiskScorer.ScoreColumns")]
    public int ScoreColumns()
    {
        _problems.Clear();
        var columns = new SignalColumns(_data.Days, _data.AppOpens, _data.CancellationRate, _data.Satisfaction, _data.ServiceInquiries);
        return _scorer.ScoreColumns(columns, _scores, _tiers, _stages, _problems).Scored;
    }

    /// <summary>(d') The columnar fast path under the Rescale missing-signal policy (adds a division per customer).</summary>
    [Benchmark(OperationsPerInvoke = Customers, Description = "RiskScorer.ScoreColumns (Rescale)")]
    public int ScoreColumnsRescale()
    {
        _problems.Clear();
        var columns = new SignalColumns(_data.Days, _data.AppOpens, _data.CancellationRate, _data.Satisfaction, _data.ServiceInquiries);
        return _rescalingScorer.ScoreColumns(columns, _scores, _tiers, _stages, _problems).Scored;
    }
}
