using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Retention.Nps.Tests.Support;
using Xunit;
using static Retention.Nps.Tests.Support.Fixtures;

namespace Retention.Nps.Tests;

/// <summary>
/// Spec section 2: NPS = % promoters - % detractors, with its margin of error (variance = p + d - (p - d)^2,
/// standard error = sqrt(variance / n), interval = NPS +- z x standard error x 100), distribution, counts per
/// class and NPS per segment in one pass; an empty set has no NPS.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
public class NpsScoreTests
{
    // 20 answers: 9 promoters (10 x4, 9 x5), 5 passives (8 x3, 7 x2), 6 detractors (6 x2, 5, 3, 1, 0).
    private static readonly int[] Twenty = Shuffled(Scores((10, 4), (9, 5), (8, 3), (7, 2), (6, 2), (5, 1), (3, 1), (1, 1), (0, 1)));

    [Fact]
    public void NPS_of_a_hand_computed_set_with_its_margin_of_error()
    {
        var summary = Calculator.Compute(Twenty);

        // p = 9/20 = 0.45, d = 6/20 = 0.30, NPS = (0.45 - 0.30) x 100 = 15
        // variance = 0.45 + 0.30 - 0.15^2 = 0.7275; standard error = sqrt(0.7275 / 20) = sqrt(0.036375) = 0.1907223...
        // margin = 1.96 x 0.1907223 x 100 = 37.3815730...; interval = 15 +- 37.38 = -22.38 .. 52.38
        Assert.Equal((20, 9, 5, 6, 0), (summary.Count, summary.Promoters, summary.Passives, summary.Detractors, summary.Invalid));
        Assert.True(summary.HasScore);
        Assert.Equal(15.0, summary.Score!.Value, 9);
        Assert.Equal(0.19072231122760652, summary.StandardError!.Value, 12);
        Assert.Equal(37.38157300061088, summary.MarginOfError!.Value, 9);
        Assert.Equal(-22.38157300061088, summary.IntervalLow!.Value, 9);
        Assert.Equal(52.38157300061088, summary.IntervalHigh!.Value, 9);
        Assert.Equal(1.96, summary.Z);
        Assert.Equal(0.45, summary.PromoterShare, 12);
        Assert.Equal(0.30, summary.DetractorShare, 12);
        Assert.Equal(new[] { 1, 1, 0, 1, 0, 1, 2, 2, 3, 5, 4 }, summary.Distribution);
        Assert.Equal("NPS 15.0 (CI -22.4 to 52.4), n = 20", summary.ToString());
    }

    [Fact]
    public void The_README_example_formats_as_documented()
    {
        // 125 promoters, 80 passives, 45 detractors: p = 0.5, d = 0.18, NPS 32; variance = 0.68 - 0.32^2 = 0.5776;
        // margin = 1.96 x sqrt(0.5776 / 250) x 100 = 9.42; interval 22.58 .. 41.42
        var summary = Calculator.Compute(Shuffled(Scores((10, 60), (9, 65), (8, 50), (7, 30), (6, 20), (2, 25))));

        Assert.Equal(1.96 * Math.Sqrt(0.5776 / 250) * 100, summary.MarginOfError!.Value, 9);
        Assert.Equal("NPS 32.0 (CI 22.6 to 41.4), n = 250", summary.ToString());
    }

    [Fact]
    public void A_99_percent_interval_is_wider_by_the_ratio_of_the_z_values()
    {
        var summary = new NpsCalculator(new NpsOptions { ConfidenceZ = 2.58 }).Compute(Twenty);

        Assert.Equal(2.58 * Math.Sqrt(0.7275 / 20) * 100, summary.MarginOfError!.Value, 9);
        Assert.Equal(15.0, summary.Score!.Value, 9);
        Assert.Equal(2.58, summary.Z);
    }

    [Fact]
    public void The_interval_is_cut_to_the_range_an_NPS_can_take()
    {
        // 9 promoters, 1 detractor: p = 0.9, d = 0.1, NPS 80; variance = 1.0 - 0.64 = 0.36; margin = 1.96 x sqrt(0.036) x 100 = 37.19
        var summary = Calculator.Compute(Scores((10, 9), (2, 1)));

        Assert.Equal(80.0, summary.Score!.Value, 9);
        Assert.Equal(1.96 * Math.Sqrt(0.036) * 100, summary.MarginOfError!.Value, 9);
        Assert.Equal(80 - (1.96 * Math.Sqrt(0.036) * 100), summary.IntervalLow!.Value, 9);
        Assert.Equal(100.0, summary.IntervalHigh);
    }

    [Theory]
    [InlineData(10, 100.0)]
    [InlineData(8, 0.0)]
    [InlineData(0, -100.0)]
    public void A_set_of_one_class_has_an_NPS_of_100_0_or_minus_100_and_no_margin(int score, double nps)
    {
        var summary = Calculator.Compute(Scores((score, 12)));

        Assert.Equal(nps, summary.Score);
        Assert.Equal(0.0, summary.MarginOfError);
        Assert.Equal(nps, summary.IntervalLow);
        Assert.Equal(nps, summary.IntervalHigh);
    }

    [Fact]
    public void The_empty_set_has_no_NPS_and_says_so()
    {
        var summary = Calculator.Compute(ReadOnlySpan<int>.Empty);

        Assert.False(summary.HasScore);
        Assert.Null(summary.Score);
        Assert.Null(summary.StandardError);
        Assert.Null(summary.MarginOfError);
        Assert.Null(summary.IntervalLow);
        Assert.Null(summary.IntervalHigh);
        Assert.Equal(0, summary.Count);
        Assert.Equal(0.0, summary.PromoterShare);
        Assert.Equal(new int[11], summary.Distribution);
        Assert.Equal("no NPS (no answers)", summary.ToString());
        Assert.Null(Calculator.Compute(Array.Empty<NpsAnswer>()).Score);
    }

    [Fact]
    public void A_set_of_only_bad_scores_has_no_NPS_but_counts_them()
    {
        var problems = new List<AnswerProblem>();
        var summary = Calculator.Compute(new[] { -1, 11 }, problems);

        Assert.Null(summary.Score);
        Assert.False(summary.HasScore);
        Assert.Equal(2, summary.Invalid);
        Assert.Equal(new[] { 0, 1 }, problems.Select(p => p.Index));
        Assert.Equal("no NPS (no answers)", summary.ToString());
    }

    [Fact]
    public void Invalid_scores_are_counted_and_reported_by_index_while_the_rest_count()
    {
        var problems = new List<AnswerProblem>();
        var summary = Calculator.Compute(new[] { 10, 11, 6, -1, 9, 100, 7 }, problems);

        Assert.Equal(new[] { 1, 3, 5 }, problems.Select(p => p.Index));
        Assert.Contains("11", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("-1", problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("[0, 10]", problems[2].Message, StringComparison.Ordinal);
        Assert.Equal(3, summary.Invalid);
        Assert.Equal((4, 2, 1, 1), (summary.Count, summary.Promoters, summary.Passives, summary.Detractors));
        Assert.Equal((2 - 1) * 100.0 / 4, summary.Score!.Value, 9);
        Assert.Equal(3, Calculator.Compute(new[] { 10, 11, 6, -1, 9, 100, 7 }).Invalid);
    }

    [Fact]
    public void Answers_count_like_their_scores()
    {
        var answers = Twenty.Select((s, i) => new NpsAnswer($"c{i}", $"v{i}", s, AnsweredAt)).ToArray();

        Assert.Equal(15.0, Calculator.Compute(answers).Score!.Value, 9);
        Assert.Throws<ArgumentNullException>(() => Calculator.Compute((IEnumerable<NpsAnswer>)null!));
    }

    [Fact]
    public void Bad_answers_are_reported_by_index_and_left_out()
    {
        var answers = new[] { 10, 11, 6, -1, 9 }.Select((s, i) => new NpsAnswer($"c{i}", $"v{i}", s, AnsweredAt)).ToArray();
        var problems = new List<AnswerProblem>();

        var summary = Calculator.Compute(answers, problems);

        Assert.Equal([1, 3], problems.Select(p => p.Index));
        Assert.Contains("11", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal((2, 3), (summary.Invalid, summary.Promoters + summary.Passives + summary.Detractors));
        Assert.Equal(summary.Score, Calculator.Compute(answers).Score);
    }

    [Fact]
    public void NPS_per_segment_equals_computing_each_segment_on_its_own()
    {
        string[] keys = ["north", "south", "east", "north", "south", "east", "north", "north", "south", "east", "east", "north", "south"];
        int[] scores = [10, 0, 8, 9, 6, 11, 3, 10, 10, 7, 9, -4, 5];
        var problems = new List<AnswerProblem>();

        var breakdown = Calculator.BySegment<string>(keys, scores, problems);

        Assert.Equal(3, breakdown.Segments.Count);
        var north = breakdown.Segments["north"];
        var south = breakdown.Segments["south"];
        var east = breakdown.Segments["east"];
        AssertSame(Calculator.Compute(new[] { 10, 9, 3, 10, -4 }), north);
        AssertSame(Calculator.Compute(new[] { 0, 6, 10, 5 }), south);
        AssertSame(Calculator.Compute(new[] { 8, 11, 7, 9 }), east);
        Assert.Equal(50.0, north.Score!.Value, 9);   // 3 promoters, 1 detractor of 4
        Assert.Equal(-50.0, south.Score!.Value, 9);  // 1 promoter, 3 detractors of 4
        Assert.Equal(100.0 / 3, east.Score!.Value, 9); // 1 promoter, 2 passives of 3
        Assert.Equal((1, 1, 0), (north.Invalid, east.Invalid, south.Invalid));
        AssertSame(Calculator.Compute(scores), breakdown.Overall);
        Assert.Equal(new[] { 5, 11 }, problems.Select(p => p.Index));
    }

    [Fact]
    public void A_segment_of_only_bad_scores_is_listed_without_an_NPS()
    {
        var breakdown = Calculator.BySegment<int>(new[] { 1, 2 }, new[] { 9, 42 });

        Assert.Null(breakdown.Segments[2].Score);
        Assert.Equal(1, breakdown.Segments[2].Invalid);
        Assert.Equal(100.0, breakdown.Segments[1].Score);
    }

    [Fact]
    public void Keys_and_scores_of_different_lengths_are_bad_input()
    {
        var e = Assert.Throws<ArgumentException>(() => Calculator.BySegment<string>(new[] { "a" }, new[] { 9, 9 }));
        Assert.Equal("keys", e.ParamName);
    }

    [Fact]
    public void A_distribution_must_hold_11_non_negative_counts_and_z_must_be_positive()
    {
        Assert.Equal("distribution", Assert.Throws<ArgumentException>(() => NpsSummary.FromDistribution(new int[10], NpsClassifier.Standard, 1.96)).ParamName);
        var negative = new int[11];
        negative[4] = -1;
        Assert.Equal("distribution", Assert.Throws<ArgumentException>(() => NpsSummary.FromDistribution(negative, NpsClassifier.Standard, 1.96)).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentOutOfRangeException>(() => NpsSummary.FromDistribution(new int[11], NpsClassifier.Standard, 0)).ParamName);
        Assert.Throws<ArgumentNullException>(() => NpsSummary.FromDistribution(new int[11], null!, 1.96));
        Assert.Equal(15.0, NpsSummary.FromDistribution(new[] { 1, 1, 0, 1, 0, 1, 2, 2, 3, 5, 4 }, NpsClassifier.Standard, 1.96).Score!.Value, 9);
    }

    // ---- properties ----

    [Property]
    public void NPS_is_always_between_minus_100_and_100_and_missing_only_without_valid_answers(MixedScores s)
    {
        var summary = Calculator.Compute(s.Scores);
        int valid = s.Scores.Count(NpsClassifier.IsValidScore);

        Assert.Equal(valid, summary.Count);
        Assert.Equal(s.Scores.Length - valid, summary.Invalid);
        Assert.Equal(valid > 0, summary.Score is not null);
        if (summary.Score is double nps)
        {
            Assert.InRange(nps, -100, 100);
            Assert.Equal((summary.Promoters - summary.Detractors) * 100.0 / summary.Count, nps, 9);
        }

        Assert.Equal(valid, summary.Distribution.Sum());
        Assert.Equal(summary.Count, summary.Promoters + summary.Passives + summary.Detractors);
    }

    [Property]
    public void Adding_a_promoter_never_lowers_the_NPS_and_adding_a_detractor_never_raises_it(ValidOptions o, ValidScores s)
    {
        var calculator = new NpsCalculator(o.Options);
        var before = calculator.Compute(s.Scores).Score;
        var withPromoter = calculator.Compute(s.Scores.Append(10).ToArray()).Score!.Value;
        var withDetractor = calculator.Compute(s.Scores.Append(0).ToArray()).Score!.Value;

        Assert.True(withPromoter >= (before ?? 100), $"{before} -> {withPromoter} with a promoter");
        Assert.True(withDetractor <= (before ?? -100), $"{before} -> {withDetractor} with a detractor");
        if (before is double b && b < 100)
        {
            Assert.True(withPromoter > b);
        }
    }

    [Property]
    public void The_interval_contains_the_NPS_and_is_the_margin_either_side_cut_to_the_range(ValidOptions o, MixedScores s)
    {
        var summary = new NpsCalculator(o.Options).Compute(s.Scores);
        if (summary.Score is not double nps)
        {
            Assert.Null(summary.IntervalLow);
            return;
        }

        double p = (double)summary.Promoters / summary.Count, d = (double)summary.Detractors / summary.Count;
        double margin = o.Options.ConfidenceZ * Math.Sqrt((p + d - ((p - d) * (p - d))) / summary.Count) * 100;
        Assert.Equal(margin, summary.MarginOfError!.Value, 9);
        Assert.InRange(nps, summary.IntervalLow!.Value, summary.IntervalHigh!.Value);
        Assert.Equal(Math.Max(-100, nps - margin), summary.IntervalLow!.Value, 9);
        Assert.Equal(Math.Min(100, nps + margin), summary.IntervalHigh!.Value, 9);
        Assert.True(summary.MarginOfError >= 0);
    }

    [Property]
    public void For_the_same_shares_more_answers_never_widen_the_margin_and_narrow_it_unless_it_is_0(ClassCounts c, byte seed)
    {
        int k = 2 + (seed % 49);
        var small = NpsSummary.FromDistribution(c.Distribution(), NpsClassifier.Standard, 1.96);
        var large = NpsSummary.FromDistribution(c.Distribution(k), NpsClassifier.Standard, 1.96);

        Assert.Equal(small.Score, large.Score);
        Assert.Equal(c.Total * k, large.Count);
        if (small.MarginOfError == 0)
        {
            Assert.Equal(0.0, large.MarginOfError);
        }
        else
        {
            Assert.True(large.MarginOfError < small.MarginOfError, $"{small.MarginOfError} -> {large.MarginOfError} at k = {k}");
            Assert.Equal(small.MarginOfError!.Value / Math.Sqrt(k), large.MarginOfError!.Value, 9);
        }
    }

    [Property]
    public void The_margin_is_0_exactly_when_every_answer_is_in_one_class(ClassCounts c)
    {
        var summary = NpsSummary.FromDistribution(c.Distribution(), NpsClassifier.Standard, 1.96);
        bool oneClass = c.Promoters == c.Total || c.Passives == c.Total || c.Detractors == c.Total;

        Assert.Equal(oneClass, summary.MarginOfError == 0);
    }

    [Property(MaxTest = 500)]
    public void Per_segment_overall_equals_Compute_over_all_scores_and_each_segment_equals_Compute_over_its_own(ValidOptions o, SegmentedScores s)
    {
        var calculator = new NpsCalculator(o.Options);
        var problems = new List<AnswerProblem>();
        var breakdown = calculator.BySegment<string>(s.Keys, s.Scores, problems);
        var overallProblems = new List<AnswerProblem>();

        AssertSame(calculator.Compute(s.Scores, overallProblems), breakdown.Overall);
        Assert.Equal(overallProblems, problems);
        Assert.Equal(s.Keys.Distinct().Order(), breakdown.Segments.Keys.Order());
        foreach (var (key, segment) in breakdown.Segments)
        {
            AssertSame(calculator.Compute(s.Scores.Where((_, i) => s.Keys[i] == key).ToArray()), segment);
        }
    }

    private static void AssertSame(NpsSummary expected, NpsSummary actual)
    {
        Assert.Equal(
            (expected.Count, expected.Invalid, expected.Promoters, expected.Passives, expected.Detractors),
            (actual.Count, actual.Invalid, actual.Promoters, actual.Passives, actual.Detractors));
        Assert.Equal(expected.Distribution, actual.Distribution);
        Assert.Equal(expected.Score, actual.Score);
        Assert.Equal(expected.StandardError, actual.StandardError);
        Assert.Equal(expected.MarginOfError, actual.MarginOfError);
        Assert.Equal(expected.IntervalLow, actual.IntervalLow);
        Assert.Equal(expected.IntervalHigh, actual.IntervalHigh);
        Assert.Equal(expected.Z, actual.Z);
    }
}
