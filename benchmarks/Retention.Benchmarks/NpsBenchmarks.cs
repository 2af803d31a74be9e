using System;
using BenchmarkDotNet.Attributes;
using Retention.Nps;

namespace Retention.Benchmarks;

/// <summary>
/// NPS overall and per segment over ten million answers, on one thread. Each benchmark counts one
/// operation per answer (<c>OperationsPerInvoke</c>), so Mean is the time per answer and Allocated
/// the bytes per answer (the result objects built once at the end are spread over all answers).
/// </summary>
[MemoryDiagnoser]
[ThroughputColumns(
    "Per 10M answers", "Time for the whole run over 10,000,000 answers (Mean x 10,000,000)",
    "Answers/s", "Answers counted per second on one thread (1 s / Mean)")]
public class NpsBenchmarks
{
    public const int Answers = 10_000_000;

    private NpsData _data = null!;
    private NpsCalculator _calculator = null!;

    [GlobalSetup(Target = nameof(Naive))]
    public void SetupNaive()
    {
        _data = new NpsData(Answers, withClasses: true);
        _calculator = new NpsCalculator(new NpsOptions());
        CheckSameResults();
    }

    // The library benchmarks read the columns only; the ten million answer objects are not built for them.
    [GlobalSetup(Targets = [nameof(BySegmentAdvisor), nameof(BySegmentStore), nameof(Overall)])]
    public void Setup()
    {
        _data = new NpsData(Answers, withClasses: false);
        _calculator = new NpsCalculator(new NpsOptions());
    }

    /// <summary>(a) The hand-written app code: classes, GroupBy on the advisor, Count per class.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Answers, Description = "Naive (classes + GroupBy/Count), per advisor")]
    public int Naive()
    {
        var (overall, rows) = NaiveNps.ByAdvisor(_data.Answers);
        return overall.Answers + rows.Count;
    }

    /// <summary>(b) The library's one-pass breakdown per advisor: 48 int keys.</summary>
    [Benchmark(OperationsPerInvoke = Answers, Description = "NpsCalculator.BySegment, 48 advisors (int)")]
    public int BySegmentAdvisor()
    {
        var breakdown = _calculator.BySegment<int>(_data.AdvisorIds, _data.Scores);
        return breakdown.Overall.Count + breakdown.Segments.Count;
    }

    /// <summary>(c) The same per store: 24 string keys (hashing a string per answer).</summary>
    [Benchmark(OperationsPerInvoke = Answers, Description = "NpsCalculator.BySegment, 24 stores (string)")]
    public int BySegmentStore()
    {
        var breakdown = _calculator.BySegment<string>(_data.StoreCodes, _data.Scores);
        return breakdown.Overall.Count + breakdown.Segments.Count;
    }

    /// <summary>(d) For reference: the overall NPS only, no segments.</summary>
    [Benchmark(OperationsPerInvoke = Answers, Description = "NpsCalculator.Compute, overall only")]
    public int Overall() => _calculator.Compute(_data.Scores).Count;

    // The baseline and the library must count the same thing; checked on a slice so the setup stays quick.
    private void CheckSameResults()
    {
        const int slice = 200_000;
        var (overall, rows) = NaiveNps.ByAdvisor(_data.Answers.GetRange(0, slice));
        var breakdown = _calculator.BySegment<int>(_data.AdvisorIds.AsSpan(0, slice), _data.Scores.AsSpan(0, slice));
        bool same = overall.Promoters == breakdown.Overall.Promoters
            && overall.Detractors == breakdown.Overall.Detractors
            && rows.Count == breakdown.Segments.Count
            && Math.Abs(overall.Nps - breakdown.Overall.Score!.Value) < 1e-9;
        foreach (var row in rows)
        {
            var s = breakdown.Segments[int.Parse(row.Segment, System.Globalization.CultureInfo.InvariantCulture)];
            same &= row.Promoters == s.Promoters && row.Passives == s.Passives && row.Detractors == s.Detractors;
        }

        if (!same)
        {
            throw new InvalidOperationException("The naive baseline and NpsCalculator.BySegment disagree; the benchmark would compare different work.");
        }
    }
}
