using System;
using FsCheck.Xunit;
using NodaTime;
using Retention.Scoring.Tests.Support;
using Xunit;
using static Retention.Scoring.Tests.Support.Customers;

namespace Retention.Scoring.Tests;

/// <summary>scoring.md section 3: the risk tier and its profile.</summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
public class RiskTierTests
{
    public static TheoryData<double, RiskTier> Boundaries => new()
    {
        { 0, RiskTier.None },
        { 59.99, RiskTier.None },
        { Math.BitDecrement(60.0), RiskTier.None },
        { 60, RiskTier.Yellow },
        { 74.99, RiskTier.Yellow },
        { Math.BitDecrement(75.0), RiskTier.Yellow },
        { 75, RiskTier.Orange },
        { 89.99, RiskTier.Orange },
        { Math.BitDecrement(90.0), RiskTier.Orange },
        { 90, RiskTier.Red },
        { 100, RiskTier.Red },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Tier_boundaries_are_60_Yellow_75_Orange_90_Red_lower_bound_inclusive(double score, RiskTier tier)
    {
        Assert.Equal(tier, Scorer.TierOf(score));
    }

    [Theory]
    [InlineData(60, RiskTier.Yellow)] // 0 + 15 + 20 + 25 + 0: unhappy but one inquiry
    [InlineData(70, RiskTier.Yellow)]
    [InlineData(88, RiskTier.Orange)]
    [InlineData(94, RiskTier.Red)]
    public void Scored_customers_carry_the_tier_of_their_score(double expectedScore, RiskTier tier)
    {
        var signals = expectedScore switch
        {
            60 => Unhappy(30) with { ServiceInquiries = 1 },
            70 => Unhappy(30),
            88 => Unhappy(150),
            _ => Unhappy(170),
        };
        var risk = Scorer.Score(signals, AsOf);

        Assert.Equal(expectedScore, risk.Score, 9);
        Assert.Equal(tier, risk.Tier);
    }

    [Fact]
    public void Yellow_profile_is_15_25_percent_churn_cost_300_500_success_60_70_percent_supervisor_within_7_days()
    {
        var p = Scorer.ProfileOf(RiskTier.Yellow);

        Assert.Equal(RiskTier.Yellow, p.Tier);
        Assert.Equal(new ShareRange(0.15, 0.25), p.ChurnProbability);
        Assert.Equal(new MoneyRange(300, 500), p.RecoveryCost);
        Assert.Equal(new ShareRange(0.60, 0.70), p.RecoverySuccess);
        Assert.Equal(Duration.FromDays(7), p.RespondWithin);
        Assert.Equal(StaffRole.CustomerServiceSupervisor, p.Owner);
        Assert.Equal("doubting the service", p.StateOfMind.En);
        Assert.True(HasCjk(p.StateOfMind.ZhCn));
    }

    [Fact]
    public void Orange_profile_is_40_60_percent_churn_cost_800_1500_success_30_40_percent_store_manager_within_3_days()
    {
        var p = Scorer.ProfileOf(RiskTier.Orange);

        Assert.Equal(new ShareRange(0.40, 0.60), p.ChurnProbability);
        Assert.Equal(new MoneyRange(800, 1500), p.RecoveryCost);
        Assert.Equal(new ShareRange(0.30, 0.40), p.RecoverySuccess);
        Assert.Equal(Duration.FromDays(3), p.RespondWithin);
        Assert.Equal(StaffRole.StoreManager, p.Owner);
        Assert.Equal("comparing competitors", p.StateOfMind.En);
    }

    [Fact]
    public void Red_profile_is_70_85_percent_churn_cost_2000_3000_success_15_25_percent_general_manager_within_24_hours()
    {
        var p = Scorer.ProfileOf(RiskTier.Red);

        Assert.Equal(new ShareRange(0.70, 0.85), p.ChurnProbability);
        Assert.Equal(new MoneyRange(2000, 3000), p.RecoveryCost);
        Assert.Equal(new ShareRange(0.15, 0.25), p.RecoverySuccess);
        Assert.Equal(Duration.FromHours(24), p.RespondWithin);
        Assert.Equal(StaffRole.GeneralManager, p.Owner);
        Assert.Contains("gone", p.StateOfMind.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Profiles_are_options()
    {
        var options = new ScoringOptions();
        options.Tiers.Orange.Owner = StaffRole.ServiceManager;
        options.Tiers.Orange.RespondWithin = TimeSpan.FromHours(36);
        var p = new RiskScorer(options).ProfileOf(RiskTier.Orange);

        Assert.Equal(StaffRole.ServiceManager, p.Owner);
        Assert.Equal(Duration.FromHours(36), p.RespondWithin);
    }

    [Fact]
    public void Thresholds_are_options()
    {
        var options = new ScoringOptions();
        options.Tiers.YellowFrom = 50;
        var scorer = new RiskScorer(options);

        Assert.Equal(RiskTier.Yellow, scorer.TierOf(50));
        Assert.Equal(RiskTier.None, Scorer.TierOf(50));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(100.01)]
    [InlineData(double.NaN)]
    public void Tier_of_a_score_outside_0_100_is_bad_input(double score)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Scorer.TierOf(score));
        Assert.Equal("score", e.ParamName);
    }

    // ---- properties ----

    [Property]
    public bool Each_score_maps_to_exactly_the_one_tier_whose_range_holds_it(Fraction f)
    {
        double score = f.Value * 100;
        var tier = Scorer.TierOf(score);
        int matches = (score < 60 ? 1 : 0) + (score >= 60 && score < 75 ? 1 : 0) + (score >= 75 && score < 90 ? 1 : 0) + (score >= 90 && score <= 100 ? 1 : 0);
        var expected = score < 60 ? RiskTier.None : score < 75 ? RiskTier.Yellow : score < 90 ? RiskTier.Orange : RiskTier.Red;
        return matches == 1 && tier == expected;
    }

    [Property]
    public bool Tiers_are_ordered_a_higher_score_never_gets_a_lower_tier(Fraction a, Fraction b)
    {
        double lo = Math.Min(a.Value, b.Value) * 100, hi = Math.Max(a.Value, b.Value) * 100;
        return Scorer.TierOf(lo) <= Scorer.TierOf(hi);
    }

    [Property(MaxTest = 300)]
    public bool Tiers_follow_the_configured_thresholds_for_any_valid_options(ValidOptions o, Fraction f)
    {
        var scorer = new RiskScorer(o.Options);
        var t = o.Options.Tiers;
        double score = f.Value * 100;
        var expected = score >= t.RedFrom ? RiskTier.Red : score >= t.OrangeFrom ? RiskTier.Orange : score >= t.YellowFrom ? RiskTier.Yellow : RiskTier.None;
        return scorer.TierOf(score) == expected
            && scorer.TierOf(t.YellowFrom) == RiskTier.Yellow && scorer.TierOf(Math.BitDecrement(t.OrangeFrom)) == RiskTier.Yellow
            && scorer.TierOf(t.OrangeFrom) == RiskTier.Orange && scorer.TierOf(t.RedFrom) == RiskTier.Red
            && scorer.ProfileOf(RiskTier.Orange).Owner == t.Orange.Owner;
    }
}
