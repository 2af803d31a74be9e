using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace Retention.Scoring.Tests;

/// <summary>
/// Spec section 11 (bulk scoring) against sections 2-4: the vectorized columnar path of
/// <see cref="RiskScorer.ScoreColumns"/> gives bit-for-bit the results of the scalar routine and
/// of the one-customer <see cref="RiskScorer.Score"/>: scores (NaN and signed zeros included),
/// tiers, stages, summary counts, and the problems with their indexes, fields and messages.
/// </summary>
public class ColumnarFastPathTests
{
    private static readonly LocalDate AsOf = new(2026, 6, 30);

    // Written before scoring into every output slot; slots past the batch must keep it.
    private const double SentinelScore = -12345.678;
    private const RiskTier SentinelTier = (RiskTier)0xEE;
    private const ChurnStage SentinelStage = (ChurnStage)0xEE;
    private const int Extra = 3;

    [Fact]
    public void Fast_path_runs_where_256_bit_vectors_are_accelerated()
    {
        Assert.Equal(Vector256.IsHardwareAccelerated && Avx2.IsSupported, ColumnarFastPath.IsSupported);
    }

    [Property(Arbitrary = new[] { typeof(ColumnarArbitraries) }, MaxTest = 1000)]
    public void Columnar_fast_path_equals_the_scalar_routine_bit_for_bit(WideColumnarCase wide)
    {
        AssertSameAsScalarRoutine(wide.Case);
    }

    [Property(Arbitrary = new[] { typeof(ColumnarArbitraries) }, MaxTest = 1000)]
    public void Columnar_fast_path_equals_one_customer_Score_bit_for_bit(ColumnarCase c)
    {
        AssertSameAsScalarRoutine(c);
        AssertSameAsOneCustomerScore(c);
    }

    [Fact]
    public void Bad_records_inside_and_between_blocks_are_reported_in_index_order()
    {
        const int n = 1003;
        var c = ColumnarCase.Uniform(new ScoringOptions(), n, i => (i % 400, i % 7 == 0 ? double.NaN : i % 5, (i % 11) / 10.0, i % 9 == 0 ? double.NaN : i % 11, i % 3));
        foreach (int bad in new[] { 0, 7, 15, 500, 501, 999, 1000, 1002 })
        {
            c.Cancel[bad] = 1.5;
        }

        c.Days[8] = -1;
        c.App[16] = double.PositiveInfinity;
        c.Sat[17] = -0.5;
        c.Inq[17] = -1; // satisfaction is reported first: it comes first in the check order
        AssertSameAsScalarRoutine(c);
        AssertSameAsOneCustomerScore(c);

        var problems = new List<BatchProblem>();
        var summary = Score(c, problems).Summary;
        Assert.Equal(new[] { 0, 7, 8, 15, 16, 17, 500, 501, 999, 1000, 1002 }, problems.Select(p => p.Index));
        Assert.Equal(SignalField.LastVisit, problems[2].Field);
        Assert.Equal(SignalField.AppOpensPerMonth, problems[4].Field);
        Assert.Equal(SignalField.Satisfaction, problems[5].Field);
        Assert.Equal(11, summary.Invalid);
        Assert.Equal(n - 11, summary.Scored);
    }

    [Theory]
    [InlineData(MissingSignalPolicy.Zero)]
    [InlineData(MissingSignalPolicy.Rescale)]
    public void Falling_ramps_at_their_zero_end_score_positive_zero_on_every_path(MissingSignalPolicy policy)
    {
        // Every ramp falls and every signal sits at its ZeroAt: (0 x negative) is -0, which every path turns into +0.
        var o = new ScoringOptions();
        o.Risk.MissingSignals = policy;
        o.Risk.DaysSinceLastVisit = new RampOptions { ZeroAt = 100, FullAt = 0, Weight = 30 };
        o.Risk.CancellationRate = new RampOptions { ZeroAt = 0.5, FullAt = 0, Weight = 20 };
        var c = ColumnarCase.Uniform(o, 21, _ => (100, 2, 0.5, 10, 1));
        AssertSameAsScalarRoutine(c);
        AssertSameAsOneCustomerScore(c);
        Assert.False(double.IsNegative(Score(c, null).Scores[0]));
        Assert.Equal(0.0, Score(c, null).Scores[0]);
    }

    [Fact]
    public void Ramps_too_steep_for_a_finite_slope_are_rejected_before_any_path_can_produce_NaN()
    {
        // A subnormal span would make the inverse span infinite, and 0 x infinity NaN: the validator refuses it.
        var o = new ScoringOptions();
        o.Risk.AppOpens = new RampOptions { ZeroAt = 0, FullAt = 1e-320, Weight = 15 };
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new RiskScorer(o));
        Assert.Contains("Risk.AppOpens.FullAt", error.Message, System.StringComparison.Ordinal);
    }

    private static (double[] Scores, RiskTier[] Tiers, ChurnStage[] Stages, BatchSummary Summary) Score(ColumnarCase c, List<BatchProblem>? problems)
    {
        var scorer = new RiskScorer(c.Options);
        var scores = Enumerable.Repeat(SentinelScore, c.Count + Extra).ToArray();
        var tiers = Enumerable.Repeat(SentinelTier, c.Count + Extra).ToArray();
        var stages = Enumerable.Repeat(SentinelStage, c.Count + Extra).ToArray();
        var summary = scorer.ScoreColumns(c.Columns, scores, tiers, stages, problems);
        return (scores, tiers, stages, summary);
    }

    private static void AssertSameAsScalarRoutine(ColumnarCase c)
    {
        var scorer = new RiskScorer(c.Options);
        int n = c.Count;

        var problems = new List<BatchProblem>();
        var (scores, tiers, stages, summary) = Score(c, problems);

        var expectedScores = new double[n];
        var expectedTiers = new RiskTier[n];
        var expectedStages = new ChurnStage[n];
        var expectedProblems = new List<BatchProblem>();
        var counter = new BatchCounter();
        scorer.ColumnsScalar(c.Columns, 0, n, expectedScores, expectedTiers, expectedStages, expectedProblems, ref counter);

        for (int i = 0; i < n; i++)
        {
            Assert.True(SameBits(expectedScores[i], scores[i]), $"score at {i}: expected {Bits(expectedScores[i])}, got {Bits(scores[i])}");
            Assert.True(expectedTiers[i] == tiers[i], $"tier at {i}: expected {expectedTiers[i]}, got {tiers[i]}");
            Assert.True(expectedStages[i] == stages[i], $"stage at {i}: expected {expectedStages[i]}, got {stages[i]}");
        }

        for (int i = n; i < n + Extra; i++)
        {
            Assert.True(SameBits(SentinelScore, scores[i]), $"score slot {i} past the batch was written");
            Assert.Equal(SentinelTier, tiers[i]);
            Assert.Equal(SentinelStage, stages[i]);
        }

        Assert.Equal(expectedProblems, problems);
        Assert.Equal(counter.ToSummary(), summary);

        // Counting only (no problem list) changes nothing else.
        var countOnly = Score(c, null);
        Assert.Equal(summary, countOnly.Summary);
        Assert.True(scores.Zip(countOnly.Scores).All(p => SameBits(p.First, p.Second)));
        Assert.Equal(tiers, countOnly.Tiers);
        Assert.Equal(stages, countOnly.Stages);
    }

    private static void AssertSameAsOneCustomerScore(ColumnarCase c)
    {
        var scorer = new RiskScorer(c.Options);
        var problems = new List<BatchProblem>();
        var (scores, tiers, stages, summary) = Score(c, problems);
        var byIndex = problems.ToDictionary(p => p.Index);
        var tierCounts = new int[4];
        var stageCounts = new int[5];
        int invalid = 0;
        for (int i = 0; i < c.Count; i++)
        {
            var signals = new CustomerSignals
            {
                LastVisit = AsOf.PlusDays(-c.Days[i]),
                AppOpensPerMonth = double.IsNaN(c.App[i]) ? null : c.App[i],
                CancellationRate = c.Cancel[i],
                Satisfaction = double.IsNaN(c.Sat[i]) ? null : c.Sat[i],
                ServiceInquiries = c.Inq[i],
            };

            RiskAssessment a;
            try
            {
                a = scorer.Score(signals, AsOf);
            }
            catch (InvalidSignalException e)
            {
                Assert.True(byIndex.TryGetValue(i, out var p), $"record {i} is bad for Score ({e.Field}) but was not reported");
                Assert.Equal(e.Field, p.Field);
                Assert.True(double.IsNaN(scores[i]));
                Assert.Equal(RiskTier.None, tiers[i]);
                Assert.Equal(ChurnStage.Active, stages[i]);
                invalid++;
                continue;
            }

            Assert.False(byIndex.ContainsKey(i), $"record {i} is valid for Score but was reported");
            Assert.True(SameBits(a.Score, scores[i]), $"score at {i}: Score gives {Bits(a.Score)}, columns give {Bits(scores[i])}");
            Assert.Equal(a.Tier, tiers[i]);
            Assert.Equal(a.Stage, stages[i]);
            tierCounts[(int)a.Tier]++;
            stageCounts[(int)a.Stage]++;
        }

        Assert.Equal(invalid, summary.Invalid);
        for (int t = 0; t < tierCounts.Length; t++)
        {
            Assert.Equal(tierCounts[t], summary.Count((RiskTier)t));
        }

        for (int s = 0; s < stageCounts.Length; s++)
        {
            Assert.Equal(stageCounts[s], summary.Count((ChurnStage)s));
        }
    }

    private static bool SameBits(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    private static string Bits(double v) => string.Create(CultureInfo.InvariantCulture, $"{v:R} (0x{BitConverter.DoubleToInt64Bits(v):X16})");
}

/// <summary>A batch in columns with the options to score it; every day count fits a calendar date.</summary>
public sealed class ColumnarCase
{
    public ColumnarCase(ScoringOptions options, int[] days, double[] app, double[] cancel, double[] sat, int[] inq)
    {
        Options = options;
        Days = days;
        App = app;
        Cancel = cancel;
        Sat = sat;
        Inq = inq;
    }

    public ScoringOptions Options { get; }

    public int[] Days { get; }

    public double[] App { get; }

    public double[] Cancel { get; }

    public double[] Sat { get; }

    public int[] Inq { get; }

    public int Count => Days.Length;

    public SignalColumns Columns => new(Days, App, Cancel, Sat, Inq);

    public static ColumnarCase Uniform(ScoringOptions options, int n, Func<int, (int Days, double App, double Cancel, double Sat, int Inq)> record)
    {
        var rows = Enumerable.Range(0, n).Select(record).ToArray();
        return new ColumnarCase(options, rows.Select(r => r.Days).ToArray(), rows.Select(r => r.App).ToArray(),
            rows.Select(r => r.Cancel).ToArray(), rows.Select(r => r.Sat).ToArray(), rows.Select(r => r.Inq).ToArray());
    }

    public override string ToString()
    {
        var r = Options.Risk;
        static string Ramp(RampOptions o) => string.Create(CultureInfo.InvariantCulture, $"{o.ZeroAt:R}->{o.FullAt:R} w{o.Weight:R}");
        var head = string.Create(CultureInfo.InvariantCulture,
            $"{r.MissingSignals}; days {Ramp(r.DaysSinceLastVisit)}; app {Ramp(r.AppOpens)}; cancel {Ramp(r.CancellationRate)}; sat {Ramp(r.Satisfaction)}; inq {Ramp(r.ServiceInquiries)}; "
            + $"tiers {Options.Tiers.YellowFrom:R}/{Options.Tiers.OrangeFrom:R}/{Options.Tiers.RedFrom:R}; "
            + $"stages {Options.Stages.PreChurnFrom}/{Options.Stages.EarlyChurnFrom}/{Options.Stages.DeepChurnFrom}/{Options.Stages.LostFrom}; n {Count}");
        var rows = Enumerable.Range(0, Count).Select(i => string.Create(CultureInfo.InvariantCulture, $"[{i}] {Days[i]} {App[i]:R} {Cancel[i]:R} {Sat[i]:R} {Inq[i]}"));
        return head + Environment.NewLine + string.Join(Environment.NewLine, rows);
    }
}

/// <summary>A <see cref="ColumnarCase"/> whose ints also take the extremes (int.MinValue, int.MaxValue), for the columns-only comparison.</summary>
public sealed record WideColumnarCase(ColumnarCase Case)
{
    public override string ToString() => Case.ToString();
}

/// <summary>Generators: valid options (both missing-signal policies), then columns of 0..200 records, some bad.</summary>
public static class ColumnarArbitraries
{
    public static Arbitrary<ColumnarCase> Case() => Arb.From(CaseGen(wide: false));

    public static Arbitrary<WideColumnarCase> Wide() => Arb.From(CaseGen(wide: true).Select(c => new WideColumnarCase(c)));

    private static readonly double[] NaNs =
    [
        double.NaN, -double.NaN, BitConverter.Int64BitsToDouble(0x7FF8000000000001), BitConverter.Int64BitsToDouble(0x7FF0000000000001),
        BitConverter.Int64BitsToDouble(unchecked((long)0xFFF4000000000000)),
    ];

    private static Gen<ColumnarCase> CaseGen(bool wide) =>
        from options in OptionsGen()
        from length in Gen.Frequency((3, Gen.Choose(0, 200)), (1, Gen.Choose(0, 40)))
        from badPercent in Gen.Elements(0, 0, 0, 1, 5, 30, 100)
        from rows in Gen.ArrayOf(RecordGen(options, badPercent, wide), length)
        select new ColumnarCase(options, rows.Select(r => r.Days).ToArray(), rows.Select(r => r.App).ToArray(),
            rows.Select(r => r.Cancel).ToArray(), rows.Select(r => r.Sat).ToArray(), rows.Select(r => r.Inq).ToArray());

    private static Gen<(int Days, double App, double Cancel, double Sat, int Inq)> RecordGen(ScoringOptions o, int badPercent, bool wide) =>
        from roll in Gen.Choose(0, 99)
        from badMask in Gen.Choose(1, 31)
        let bad = roll < badPercent ? badMask : 0
        from days in (bad & 1) != 0 ? BadDays(wide) : ValidDays(o, wide)
        from app in (bad & 2) != 0 ? BadApp : ValidApp(o)
        from cancel in (bad & 4) != 0 ? BadCancel : ValidCancel(o)
        from sat in (bad & 8) != 0 ? BadSat : ValidSat(o)
        from inq in (bad & 16) != 0 ? BadInquiries(wide) : ValidInquiries(o, wide)
        select (days, app, cancel, sat, inq);

    private static Gen<double> Scaled(int from, int to, double divisor) => Gen.Choose(from, to).Select(k => k / divisor);

    // Values at and around the ramp ends hit t = 0, t = 1 and the signed zero; those outside the
    // signal's range are dropped (not filtered by the generator, which could retry forever).
    private static Gen<double> RampEnds(RampOptions r, Func<double, bool> valid, double fallback)
    {
        var ends = new[] { r.ZeroAt, r.FullAt, (r.ZeroAt + r.FullAt) / 2, Math.BitIncrement(r.ZeroAt), Math.BitDecrement(r.FullAt) }
            .Where(valid).DefaultIfEmpty(fallback).ToArray();
        return Gen.Elements(ends);
    }

    private static Gen<int> ValidDays(ScoringOptions o, bool wide)
    {
        var s = o.Stages;
        var thresholds = new[] { s.PreChurnFrom, s.EarlyChurnFrom, s.DeepChurnFrom, s.LostFrom }
            .SelectMany(t => new[] { t - 1, t, t + 1 }).Where(d => d >= 0).ToArray();
        var r = o.Risk.DaysSinceLastVisit;
        var rampEnds = new[] { r.ZeroAt, r.FullAt }.Where(v => v >= 0 && v <= 1_000_000 && v == Math.Floor(v)).Select(v => (int)v).DefaultIfEmpty(0).ToArray();
        return Gen.Frequency(
            (6, Gen.Choose(0, 1500)),
            (2, Gen.Elements(thresholds)),
            (1, Gen.Elements(rampEnds)),
            (1, Gen.Elements(wide ? new[] { 0, 1, 1_000_000, int.MaxValue } : new[] { 0, 1, 1_000_000 })));
    }

    private static Gen<int> BadDays(bool wide) =>
        Gen.Frequency((3, Gen.Choose(-1_000_000, -1)), (1, Gen.Elements(wide ? new[] { -1, int.MinValue } : new[] { -1 })));

    private static Gen<double> ValidApp(ScoringOptions o) => Gen.Frequency(
        (3, Gen.Elements(NaNs)),
        (6, Scaled(0, 10_000, 1000)),
        (2, RampEnds(o.Risk.AppOpens, v => v >= 0 && double.IsFinite(v), 1.0)),
        (2, Gen.Elements(0.0, -0.0, 1.0, 2.0, 1.5, double.Epsilon, 1e-310, 1e308, double.MaxValue)));

    private static readonly Gen<double> BadApp =
        Gen.Elements(-1e-300, -0.5, -1.0, -double.Epsilon, double.NegativeInfinity, double.PositiveInfinity, double.MinValue);

    private static Gen<double> ValidCancel(ScoringOptions o) => Gen.Frequency(
        (6, Scaled(0, 1000, 1000)),
        (2, RampEnds(o.Risk.CancellationRate, v => v >= 0 && v <= 1, 0.5)),
        (2, Gen.Elements(0.0, -0.0, 1.0, double.Epsilon, 0.1, 0.3)));

    private static readonly Gen<double> BadCancel =
        Gen.Elements(double.NaN, -double.NaN, -0.01, 1.0000000000000002, 2.0, double.PositiveInfinity, double.NegativeInfinity, -double.Epsilon);

    private static Gen<double> ValidSat(ScoringOptions o) => Gen.Frequency(
        (3, Gen.Elements(NaNs)),
        (6, Scaled(0, 10_000, 1000)),
        (2, RampEnds(o.Risk.Satisfaction, v => v >= 0 && v <= 10, 5.0)),
        (2, Gen.Elements(0.0, -0.0, 10.0, 7.0, double.Epsilon)));

    private static readonly Gen<double> BadSat =
        Gen.Elements(-0.001, 10.000000000000002, 11.0, double.PositiveInfinity, double.NegativeInfinity, -double.Epsilon);

    private static Gen<int> ValidInquiries(ScoringOptions o, bool wide)
    {
        var r = o.Risk.ServiceInquiries;
        var ends = new[] { r.ZeroAt, r.FullAt }.Where(v => v >= 0 && v <= 1000 && v == Math.Floor(v)).Select(v => (int)v).DefaultIfEmpty(0).ToArray();
        return Gen.Frequency(
            (6, Gen.Choose(0, 5)),
            (1, Gen.Elements(ends)),
            (1, Gen.Elements(wide ? new[] { 1_000_000, int.MaxValue } : new[] { 1_000_000 })));
    }

    private static Gen<int> BadInquiries(bool wide) =>
        Gen.Frequency((3, Gen.Choose(-100, -1)), (1, Gen.Elements(wide ? new[] { -1, int.MinValue } : new[] { -1 })));

    // ---- options ----

    internal static Gen<ScoringOptions> OptionsGen() =>
        (from policy in Gen.Elements(MissingSignalPolicy.Zero, MissingSignalPolicy.Rescale)
         from weights in WeightsGen()
         from days in RampEndsGen(scale: 500)
         from app in RampEndsGen(scale: 5)
         from cancel in RampEndsGen(scale: 1)
         from sat in RampEndsGen(scale: 10)
         from inq in RampEndsGen(scale: 3)
         from tiers in TiersGen()
         from stages in StagesGen()
         select Build(policy, weights, days, app, cancel, sat, inq, tiers, stages))
        .Where(o => ScoringOptionsValidator.Collect(o).Count == 0);

    private static ScoringOptions Build(
        MissingSignalPolicy policy, double[] w, (double, double) days, (double, double) app, (double, double) cancel, (double, double) sat, (double, double) inq,
        (double, double, double) tiers, (int, int, int, int) stages)
    {
        var o = new ScoringOptions();
        o.Risk.MissingSignals = policy;
        o.Risk.DaysSinceLastVisit = new RampOptions { ZeroAt = days.Item1, FullAt = days.Item2, Weight = w[0] };
        o.Risk.AppOpens = new RampOptions { ZeroAt = app.Item1, FullAt = app.Item2, Weight = w[1] };
        o.Risk.CancellationRate = new RampOptions { ZeroAt = cancel.Item1, FullAt = cancel.Item2, Weight = w[2] };
        o.Risk.Satisfaction = new RampOptions { ZeroAt = sat.Item1, FullAt = sat.Item2, Weight = w[3] };
        o.Risk.ServiceInquiries = new RampOptions { ZeroAt = inq.Item1, FullAt = inq.Item2, Weight = w[4] };
        (o.Tiers.YellowFrom, o.Tiers.OrangeFrom, o.Tiers.RedFrom) = tiers;
        (o.Stages.PreChurnFrom, o.Stages.EarlyChurnFrom, o.Stages.DeepChurnFrom, o.Stages.LostFrom) = stages;
        return o;
    }

    // Five positive weights adding up to 100 within rounding: the defaults, or random shares.
    private static Gen<double[]> WeightsGen() => Gen.Frequency(
        (1, Gen.Constant(new[] { 30.0, 15, 20, 25, 10 })),
        (4, Gen.ArrayOf(Gen.Choose(1, 1000), 5).Select(k =>
        {
            double sum = k.Sum();
            return k.Select(x => x * 100.0 / sum).ToArray();
        })));

    // Rising or falling ramps on the signal's own scale, integer ends (hit exactly by the data), and extremes
    // whose spans overflow or underflow (inverse span 0 or infinity: NaN terms).
    private static Gen<(double, double)> RampEndsGen(double scale) => Gen.Frequency(
        (4, from a in Scaled(-100, 1100, 1000) from b in Scaled(-100, 1100, 1000) select (a * scale, b * scale)),
        (3, from a in Gen.Choose(-1, (int)Math.Ceiling(scale) + 1) from b in Gen.Choose(-1, (int)Math.Ceiling(scale) + 1) select ((double)a, (double)b)),
        (1, Gen.Elements((0.0, 1e-320), (1e-320, 0.0), (-1e308, 1e308), (1e308, -1e308), (0.0, double.Epsilon), (5.0, 5.000000000001), (-0.0, 1.0))))
        .Where(p => p.Item1 != p.Item2);

    private static Gen<(double, double, double)> TiersGen() => Gen.Frequency(
        (1, Gen.Constant((60.0, 75.0, 90.0))),
        (2, Gen.ArrayOf(Gen.Choose(0, 100), 3).Select(v => Sorted(v.Select(x => (double)x)))),
        (2, Gen.ArrayOf(Scaled(0, 100_000, 1000), 3).Select(v => Sorted(v))))
        .Where(t => t.Item1 < t.Item2 && t.Item2 < t.Item3);

    private static (double, double, double) Sorted(IEnumerable<double> values)
    {
        var s = values.OrderBy(v => v).ToArray();
        return (s[0], s[1], s[2]);
    }

    private static Gen<(int, int, int, int)> StagesGen() =>
        from pre in Gen.Choose(1, 200)
        from early in Gen.Choose(1, 100)
        from deep in Gen.Choose(1, 200)
        from lost in Gen.Choose(1, 400)
        select (pre, pre + early, pre + early + deep, pre + early + deep + lost);
}

/// <summary>
/// Spec section 11 against sections 1-4: <see cref="RiskScorer.ScoreBatch"/> (its branch-light loop,
/// <see cref="BatchFastPath"/>) gives bit for bit what the reference loop and the one-customer
/// <see cref="RiskScorer.Score"/> give, including problems, for ISO and non-ISO calendars.
/// </summary>
public class BatchFastPathTests
{
    [Property(Arbitrary = new[] { typeof(BatchArbitraries) }, MaxTest = 2000)]
    public void Iso_day_numbers_differ_by_Period_DaysBetween(IsoDatePair pair)
    {
        var (a, b) = (pair.First, pair.Second);
        Assert.Equal(Period.DaysBetween(a, b), BatchFastPath.IsoDayNumber(b.Year, b.Month, b.Day) - BatchFastPath.IsoDayNumber(a.Year, a.Month, a.Day));
    }

    [Property(Arbitrary = new[] { typeof(BatchArbitraries) }, MaxTest = 500)]
    public void Batch_fast_path_equals_the_reference_loop_and_one_customer_Score(SignalBatch batch)
    {
        AssertSameAsReference(batch);
    }

    [Property(Arbitrary = new[] { typeof(BatchArbitraries) }, MaxTest = 20)]
    public void Large_batches_that_use_the_month_table_equal_the_reference(LargeSignalBatch large)
    {
        AssertSameAsReference(large.Batch);
    }

    [Fact]
    public void A_last_visit_in_another_calendar_than_the_as_of_date_throws_like_the_reference()
    {
        var asOf = new LocalDate(2026, 6, 30);
        var customers = Enumerable.Range(0, 10).Select(i => new CustomerSignals { LastVisit = asOf.PlusDays(-i * 30), CancellationRate = 0.1 }).ToArray();
        customers[7] = customers[7] with { LastVisit = customers[7].LastVisit.WithCalendar(CalendarSystem.Julian) };
        var scorer = new RiskScorer(new ScoringOptions());
        var expected = Assert.ThrowsAny<ArgumentException>(() => scorer.ScoreBatchScalar(customers, asOf, new RiskAssessment[10], null));
        var actual = Assert.ThrowsAny<ArgumentException>(() => scorer.ScoreBatch(customers, asOf, new RiskAssessment[10]));
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(expected.Message, actual.Message);
    }

    private static void AssertSameAsReference(SignalBatch batch)
    {
        var scorer = new RiskScorer(batch.Options);
        var customers = batch.Customers;
        int n = customers.Length;
        var results = new RiskAssessment[n + 2];
        var expected = new RiskAssessment[n + 2];
        var problems = new List<BatchProblem>();
        var expectedProblems = new List<BatchProblem>();
        var summary = scorer.ScoreBatch(customers, batch.AsOf, results, problems);
        var expectedSummary = scorer.ScoreBatchScalar(customers, batch.AsOf, expected, expectedProblems);

        Assert.Equal(expectedProblems, problems);
        Assert.Equal(expectedSummary, summary);
        Assert.Equal(summary, scorer.ScoreBatch(customers, batch.AsOf, new RiskAssessment[n], null));
        for (int i = 0; i < n + 2; i++)
        {
            AssertSame(expected[i], results[i], i);
        }

        // Both kernels, whichever this machine runs by default.
        foreach (bool wide in new[] { false, true })
        {
            var kernelResults = new RiskAssessment[n];
            var kernelProblems = new List<BatchProblem>();
            Assert.Equal(expectedSummary, BatchFastPath.Score(scorer, customers, batch.AsOf, kernelResults, kernelProblems, wide));
            Assert.Equal(expectedProblems, kernelProblems);
            for (int i = 0; i < n; i++)
            {
                AssertSame(expected[i], kernelResults[i], i);
            }
        }

        var byIndex = problems.ToDictionary(p => p.Index);
        for (int i = 0; i < n; i++)
        {
            try
            {
                var one = scorer.Score(customers[i], batch.AsOf);
                Assert.False(byIndex.ContainsKey(i), $"record {i} is valid for Score but was reported");
                AssertSame(one, results[i], i);
            }
            catch (InvalidSignalException e)
            {
                Assert.True(byIndex.TryGetValue(i, out var p), $"record {i} is bad for Score ({e.Field}) but was not reported");
                Assert.Equal(e.Field, p.Field);
                Assert.Equal(e.Message, new InvalidSignalException(p.Field, p.Message).Message);
                Assert.False(results[i].IsValid);
            }
        }
    }

    private static void AssertSame(RiskAssessment expected, RiskAssessment actual, int index)
    {
        Assert.True(expected == actual, $"assessment at {index}: expected {expected}, got {actual}");
        double[] Bits(RiskAssessment a) =>
            [a.Score, a.Coverage, a.DaysSinceLastVisitPoints, a.AppOpensPoints, a.CancellationRatePoints, a.SatisfactionPoints, a.ServiceInquiriesPoints];
        var e = Bits(expected);
        var a = Bits(actual);
        for (int k = 0; k < e.Length; k++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(e[k]) == BitConverter.DoubleToInt64Bits(a[k]),
                string.Create(CultureInfo.InvariantCulture, $"assessment at {index}, value {k}: expected {e[k]:R}, got {a[k]:R}"));
        }
    }
}

/// <summary>Two ISO dates anywhere in NodaTime's range.</summary>
public sealed record IsoDatePair(LocalDate First, LocalDate Second);

/// <summary>A batch of customers with the as-of date and options to score it.</summary>
public sealed class SignalBatch
{
    public SignalBatch(ScoringOptions options, LocalDate asOf, CustomerSignals[] customers)
    {
        Options = options;
        AsOf = asOf;
        Customers = customers;
    }

    public ScoringOptions Options { get; }

    public LocalDate AsOf { get; }

    public CustomerSignals[] Customers { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"as of {AsOf:uuuu-MM-dd} ({AsOf.Calendar.Id}), {Options.Risk.MissingSignals}, {Customers.Length} customers")
        + Environment.NewLine + string.Join(Environment.NewLine, Customers.Take(300).Select((c, i) => string.Create(CultureInfo.InvariantCulture,
            $"[{i}] {c.LastVisit:uuuu-MM-dd} {c.AppOpensPerMonth:R} {c.CancellationRate:R} {c.Satisfaction:R} {c.ServiceInquiries} {c.AnnualSpend} {c.Complaints}")));
}

/// <summary>A batch of at least 4,096 customers: large enough for the month table.</summary>
public sealed record LargeSignalBatch(SignalBatch Batch)
{
    public override string ToString() => Batch.ToString();
}

/// <summary>Generators for <see cref="BatchFastPathTests"/>.</summary>
public static class BatchArbitraries
{
    private static readonly LocalDate Min = LocalDate.MinIsoValue;
    private static readonly LocalDate Max = LocalDate.MaxIsoValue;

    public static Arbitrary<IsoDatePair> Pair() => Arb.From(
        from a in AnyIsoDate()
        from b in Gen.Frequency((1, AnyIsoDate()), (2, Near(a)))
        select new IsoDatePair(a, b));

    public static Arbitrary<SignalBatch> Batch() => Arb.From(BatchGen(Gen.Frequency((3, Gen.Choose(0, 200)), (1, Gen.Choose(0, 20)))));

    public static Arbitrary<LargeSignalBatch> Large() => Arb.From(BatchGen(Gen.Choose(4096, 5000)).Select(b => new LargeSignalBatch(b)));

    private static Gen<LocalDate> AnyIsoDate() =>
        Gen.Choose(0, Period.DaysBetween(Min, Max)).Select(d => Min.PlusDays(d));

    // A date within about four years of another, clamped to the ISO range.
    private static Gen<LocalDate> Near(LocalDate date) =>
        Gen.Choose(-1500, 1500).Select(d => Clamp(date, d));

    private static LocalDate Clamp(LocalDate date, int days)
    {
        int down = Period.DaysBetween(date.WithCalendar(CalendarSystem.Iso), Min);
        int up = Period.DaysBetween(date.WithCalendar(CalendarSystem.Iso), Max);
        return date.PlusDays(Math.Clamp(days, down, up));
    }

    private static Gen<SignalBatch> BatchGen(Gen<int> length) =>
        from options in ColumnarArbitraries.OptionsGen()
        from asOf in AsOfGen()
        from badPercent in Gen.Elements(0, 0, 0, 1, 5, 30, 100)
        from n in length
        from customers in Gen.ArrayOf(CustomerGen(asOf, badPercent), n)
        select new SignalBatch(options, asOf, customers);

    // Mostly ISO as-of dates (today, year ends, leap days, the range ends), sometimes the Julian calendar (the slow path).
    private static Gen<LocalDate> AsOfGen() => Gen.Frequency(
        (4, Gen.Choose(1990, 2100).SelectMany(y => Gen.Choose(1, 365).Select(d => new LocalDate(y, 1, 1).PlusDays(d - 1)))),
        (2, Gen.Elements(new LocalDate(2026, 6, 30), new LocalDate(2024, 2, 29), new LocalDate(2025, 1, 1), new LocalDate(2000, 3, 1), new LocalDate(1900, 3, 1), new LocalDate(2100, 2, 28))),
        (1, Gen.Elements(Min.PlusDays(100), Max, Max.PlusDays(-40), new LocalDate(1, 1, 1), new LocalDate(0, 3, 1), new LocalDate(-400, 2, 29))),
        (1, AnyIsoDate()),
        (1, Gen.Elements(new LocalDate(2026, 6, 17, CalendarSystem.Julian), new LocalDate(2024, 2, 29, CalendarSystem.Julian))));

    private static Gen<CustomerSignals> CustomerGen(LocalDate asOf, int badPercent) =>
        from roll in Gen.Choose(0, 99)
        from badMask in Gen.Choose(1, 127)
        let bad = roll < badPercent ? badMask : 0
        from lastVisit in (bad & 1) != 0 ? Future(asOf) : Past(asOf)
        from app in (bad & 2) != 0 ? Gen.Elements<double?>(-1.0, -double.Epsilon, double.PositiveInfinity, double.NegativeInfinity, double.NaN) : ValidApp
        from cancel in (bad & 4) != 0 ? Gen.Elements(-0.01, 1.0000000000000002, double.NaN, double.PositiveInfinity) : ValidCancel
        from sat in (bad & 8) != 0 ? Gen.Elements<double?>(-0.5, 10.5, double.NaN, double.NegativeInfinity) : ValidSat
        from inquiries in (bad & 16) != 0 ? Gen.Choose(-5, -1) : Gen.Frequency((6, Gen.Choose(0, 5)), (1, Gen.Elements(1_000_000, int.MaxValue)))
        from spend in (bad & 32) != 0 ? Gen.Elements(-0.01m, -1m, decimal.MinValue) : Gen.Elements(0m, new decimal(0, 0, 0, true, 2), 1234.5m, decimal.MaxValue)
        from complaints in (bad & 64) != 0 ? Gen.Choose(-3, -1) : Gen.Choose(0, 5)
        select new CustomerSignals
        {
            LastVisit = lastVisit,
            AppOpensPerMonth = app,
            CancellationRate = cancel,
            Satisfaction = sat,
            ServiceInquiries = inquiries,
            AnnualSpend = spend,
            Complaints = complaints,
        };

    // Recent visits, visits around the edge of the 64-year month table, and visits anywhere back to the range's start.
    private static Gen<LocalDate> Past(LocalDate asOf) =>
        Gen.Frequency(
            (6, Gen.Choose(0, 1500)),
            (1, Gen.Choose(0, 2)),
            (1, Gen.Choose(22_900, 23_800)),
            (1, Gen.Choose(0, 3_000_000)))
        .Select(d => Clamp(asOf, -d));

    private static Gen<LocalDate> Future(LocalDate asOf) =>
        Gen.Choose(1, 1000).Select(d => Clamp(asOf, d)).Select(d => d == asOf ? asOf.PlusDays(-1) : d);

    private static readonly Gen<double?> ValidApp = Gen.Frequency(
        (2, Gen.Constant<double?>(null)),
        (5, Gen.Choose(0, 10_000).Select(k => (double?)(k / 1000.0))),
        (1, Gen.Elements<double?>(0.0, -0.0, 1.0, 2.0, double.Epsilon, double.MaxValue)));

    private static readonly Gen<double> ValidCancel = Gen.Frequency(
        (5, Gen.Choose(0, 1000).Select(k => k / 1000.0)),
        (1, Gen.Elements(0.0, -0.0, 1.0, double.Epsilon)));

    private static readonly Gen<double?> ValidSat = Gen.Frequency(
        (2, Gen.Constant<double?>(null)),
        (5, Gen.Choose(0, 10_000).Select(k => (double?)(k / 1000.0))),
        (1, Gen.Elements<double?>(0.0, -0.0, 10.0, 7.0, double.Epsilon)));
}
