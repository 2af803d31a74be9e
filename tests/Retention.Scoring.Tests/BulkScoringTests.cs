using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Retention.Scoring.Tests.Support;
using Xunit;
using static Retention.Scoring.Tests.Support.Customers;

namespace Retention.Scoring.Tests;

/// <summary>scoring.md section 11: bulk scoring over spans and columns.</summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
public class BulkScoringTests
{
    [Fact]
    public void Batch_summary_counts_valid_records_per_tier_and_stage()
    {
        var rows = new[] { WorkedExample, Unhappy(170), Unhappy(150), Unhappy(30), Content(10), Content(400), WorkedExample with { Satisfaction = 12 } };
        var results = new RiskAssessment[rows.Length];

        var summary = Scorer.ScoreBatch(rows, AsOf, results);

        Assert.Equal(6, summary.Scored);
        Assert.Equal(1, summary.Invalid);
        Assert.Equal((3, 1, 1, 1), (summary.Count(RiskTier.None), summary.Count(RiskTier.Yellow), summary.Count(RiskTier.Orange), summary.Count(RiskTier.Red)));
        Assert.Equal(
            (2, 0, 3, 0, 1),
            (summary.Count(ChurnStage.Active), summary.Count(ChurnStage.PreChurn), summary.Count(ChurnStage.EarlyChurn), summary.Count(ChurnStage.DeepChurn), summary.Count(ChurnStage.Lost)));
        Assert.Contains("scored 6, invalid 1", summary.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_batch_scores_nothing()
    {
        var summary = Scorer.ScoreBatch(ReadOnlySpan<CustomerSignals>.Empty, AsOf, Span<RiskAssessment>.Empty);

        Assert.Equal(default, summary);
        Assert.Equal(0, summary.Scored);
    }

    [Fact]
    public void Unknown_tier_or_stage_has_no_count()
    {
        var summary = Scorer.ScoreBatch(new[] { WorkedExample }, AsOf, new RiskAssessment[1]);

        Assert.Throws<ArgumentOutOfRangeException>(() => summary.Count((RiskTier)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => summary.Count((ChurnStage)9));
    }

    // ---- properties ----

    [Property]
    public void ScoreBatch_equals_Score_one_by_one_including_summary_counts(Batch b)
    {
        AssertBatchMatchesOneByOne(Scorer, b);
    }

    [Property(MaxTest = 200)]
    public void ScoreBatch_equals_Score_one_by_one_for_any_valid_options(ValidOptions o, Batch b)
    {
        AssertBatchMatchesOneByOne(new RiskScorer(o.Options), b);
    }

    [Property]
    public void ScoreColumns_gives_bit_identical_scores_tiers_and_stages_to_ScoreBatch(ColumnBatch b)
    {
        AssertColumnsMatchBatch(Scorer, b.Batch);
    }

    [Property(MaxTest = 200)]
    public void ScoreColumns_gives_bit_identical_results_to_ScoreBatch_for_any_valid_options(ValidOptions o, ColumnBatch b)
    {
        AssertColumnsMatchBatch(new RiskScorer(o.Options), b.Batch);
    }

    [Property]
    public bool Summaries_of_two_parts_add_up_to_the_summary_of_the_whole(Batch b, byte cut)
    {
        int k = b.Rows.Length == 0 ? 0 : cut % (b.Rows.Length + 1);
        var rows = b.Rows.AsSpan();
        var results = new RiskAssessment[rows.Length];
        var whole = Scorer.ScoreBatch(rows, b.AsOf, results);
        var first = Scorer.ScoreBatch(rows[..k], b.AsOf, results);
        var second = Scorer.ScoreBatch(rows[k..], b.AsOf, results);
        return whole == first + second && whole == first.Plus(second) && whole.Invalid == b.Bad.Length;
    }

    private static void AssertBatchMatchesOneByOne(RiskScorer scorer, Batch b)
    {
        var results = new RiskAssessment[b.Rows.Length + 2]; // longer than needed is fine
        var problems = new List<BatchProblem>();
        var summary = scorer.ScoreBatch(b.Rows, b.AsOf, results, problems);

        var tiers = new int[4];
        var stages = new int[5];
        var expectedProblems = new List<(int, SignalField)>();
        for (int i = 0; i < b.Rows.Length; i++)
        {
            RiskAssessment one;
            try
            {
                one = scorer.Score(b.Rows[i], b.AsOf);
            }
            catch (InvalidSignalException e)
            {
                expectedProblems.Add((i, e.Field));
                Assert.False(results[i].IsValid);
                continue;
            }

            Assert.Equal(one, results[i]);
            Assert.True(results[i].IsValid);
            tiers[(int)one.Tier]++;
            stages[(int)one.Stage]++;
        }

        Assert.Equal(expectedProblems, problems.Select(p => (p.Index, p.Field)));
        Assert.Equal(b.Bad, problems.Select(p => (p.Index, p.Field)));
        Assert.Equal(expectedProblems.Count, summary.Invalid);
        Assert.Equal(b.Rows.Length - expectedProblems.Count, summary.Scored);
        Assert.Equal(tiers, Enum.GetValues<RiskTier>().Select(summary.Count));
        Assert.Equal(stages, Enum.GetValues<ChurnStage>().Select(summary.Count));
    }

    private static void AssertColumnsMatchBatch(RiskScorer scorer, Batch b)
    {
        var rows = b.Rows;
        int n = rows.Length;
        int[] days = rows.Select(r => Period.DaysBetween(r.LastVisit, b.AsOf)).ToArray();
        double[] app = rows.Select(r => r.AppOpensPerMonth ?? double.NaN).ToArray();
        double[] cancel = rows.Select(r => r.CancellationRate).ToArray();
        double[] sat = rows.Select(r => r.Satisfaction ?? double.NaN).ToArray();
        int[] inquiries = rows.Select(r => r.ServiceInquiries).ToArray();

        var results = new RiskAssessment[n];
        var batchProblems = new List<BatchProblem>();
        var batchSummary = scorer.ScoreBatch(rows, b.AsOf, results, batchProblems);

        var scores = new double[n];
        var tiers = new RiskTier[n];
        var stages = new ChurnStage[n];
        var columnProblems = new List<BatchProblem>();
        var columnSummary = scorer.ScoreColumns(new SignalColumns(days, app, cancel, sat, inquiries), scores, tiers, stages, columnProblems);

        Assert.Equal(batchSummary, columnSummary);
        Assert.Equal(batchProblems.Select(p => (p.Index, p.Field)), columnProblems.Select(p => (p.Index, p.Field)));
        Assert.Equal(b.Bad, columnProblems.Select(p => (p.Index, p.Field)));
        for (int i = 0; i < n; i++)
        {
            if (results[i].IsValid)
            {
                Assert.True(SameBits(results[i].Score, scores[i]), $"row {i}: batch {results[i].Score:R}, columns {scores[i]:R}");
                Assert.Equal((results[i].Tier, results[i].Stage), (tiers[i], stages[i]));
            }
            else
            {
                Assert.True(double.IsNaN(scores[i]));
                Assert.Equal((RiskTier.None, ChurnStage.Active), (tiers[i], stages[i]));
            }
        }
    }
}
