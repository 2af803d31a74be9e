using System;
using FsCheck.Xunit;
using Retention.Scoring.Tests.Support;
using Xunit;
using static Retention.Scoring.Tests.Support.Customers;

namespace Retention.Scoring.Tests;

/// <summary>scoring.md section 4: the churn stage by days since the last visit.</summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
public class ChurnStageTests
{
    [Theory]
    [InlineData(0, ChurnStage.Active)]
    [InlineData(89, ChurnStage.Active)]
    [InlineData(90, ChurnStage.PreChurn)]
    [InlineData(119, ChurnStage.PreChurn)]
    [InlineData(120, ChurnStage.EarlyChurn)]
    [InlineData(179, ChurnStage.EarlyChurn)]
    [InlineData(180, ChurnStage.DeepChurn)]
    [InlineData(364, ChurnStage.DeepChurn)]
    [InlineData(365, ChurnStage.Lost)]
    [InlineData(5000, ChurnStage.Lost)]
    public void Stage_boundaries_are_90_120_180_365_days_lower_bound_inclusive(int days, ChurnStage stage)
    {
        Assert.Equal(stage, Scorer.StageOf(days));
        Assert.Equal(stage, Scorer.Score(Content(days), AsOf).Stage);
    }

    [Fact]
    public void Active_profile_has_no_success_and_no_cost_cap()
    {
        var p = Scorer.ProfileOf(ChurnStage.Active);

        Assert.Equal(ChurnStage.Active, p.Stage);
        Assert.Equal(default, p.RecoverySuccess);
        Assert.Equal(default, p.CostCapShare);
    }

    [Theory]
    [InlineData(ChurnStage.PreChurn, 0.45, 0.55, 0.10, 0.15, "wake the memory")]
    [InlineData(ChurnStage.EarlyChurn, 0.30, 0.40, 0.20, 0.30, "strong reason to come back")]
    [InlineData(ChurnStage.DeepChurn, 0.15, 0.25, 0.40, 0.60, "create unique value")]
    [InlineData(ChurnStage.Lost, 0.05, 0.10, 0.0, 0.0, "do not recover")]
    public void Stage_profiles_match_the_spec_table(ChurnStage stage, double successMin, double successMax, double capMin, double capMax, string goal)
    {
        var p = Scorer.ProfileOf(stage);

        Assert.Equal(stage, p.Stage);
        Assert.Equal(new ShareRange(successMin, successMax), p.RecoverySuccess);
        Assert.Equal(new ShareRange(capMin, capMax), p.CostCapShare);
        Assert.Contains(goal, p.Goal.En, StringComparison.Ordinal);
        Assert.True(HasCjk(p.Goal.ZhCn));
    }

    [Fact]
    public void Stage_bounds_are_options()
    {
        var options = new ScoringOptions();
        options.Stages.PreChurnFrom = 60;
        var scorer = new RiskScorer(options);

        Assert.Equal(ChurnStage.PreChurn, scorer.StageOf(60));
        Assert.Equal(ChurnStage.Active, Scorer.StageOf(60));
    }

    [Fact]
    public void Stage_of_negative_days_is_bad_input()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Scorer.StageOf(-1));
        Assert.Equal("daysSinceLastVisit", e.ParamName);
    }

    [Fact]
    public void Unknown_tier_or_stage_has_no_profile()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Scorer.ProfileOf((ChurnStage)5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scorer.ProfileOf((RiskTier)4));
    }

    // ---- properties ----

    [Property]
    public bool Each_day_count_maps_to_exactly_the_one_stage_whose_range_holds_it(ushort days)
    {
        int matches = (days < 90 ? 1 : 0) + (days is >= 90 and < 120 ? 1 : 0) + (days is >= 120 and < 180 ? 1 : 0)
            + (days is >= 180 and < 365 ? 1 : 0) + (days >= 365 ? 1 : 0);
        var expected = days < 90 ? ChurnStage.Active : days < 120 ? ChurnStage.PreChurn : days < 180 ? ChurnStage.EarlyChurn : days < 365 ? ChurnStage.DeepChurn : ChurnStage.Lost;
        return matches == 1 && Scorer.StageOf(days) == expected;
    }

    [Property]
    public bool Stages_are_ordered_more_days_away_never_gets_an_earlier_stage(ushort a, ushort b) =>
        Scorer.StageOf(Math.Min(a, b)) <= Scorer.StageOf(Math.Max(a, b));

    [Property(MaxTest = 300)]
    public bool Stages_follow_the_configured_bounds_for_any_valid_options(ValidOptions o, ushort days)
    {
        var s = o.Options.Stages;
        var scorer = new RiskScorer(o.Options);
        var expected = days >= s.LostFrom ? ChurnStage.Lost : days >= s.DeepChurnFrom ? ChurnStage.DeepChurn
            : days >= s.EarlyChurnFrom ? ChurnStage.EarlyChurn : days >= s.PreChurnFrom ? ChurnStage.PreChurn : ChurnStage.Active;
        return scorer.StageOf(days) == expected
            && scorer.StageOf(s.PreChurnFrom - 1) == ChurnStage.Active && scorer.StageOf(s.PreChurnFrom) == ChurnStage.PreChurn
            && scorer.StageOf(s.LostFrom - 1) == ChurnStage.DeepChurn && scorer.StageOf(s.LostFrom) == ChurnStage.Lost;
    }
}
