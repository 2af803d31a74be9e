using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using Retention.Scoring.Tests.Support;
using Xunit;
using static Retention.Scoring.Tests.Support.Customers;

namespace Retention.Scoring.Tests;

/// <summary>scoring.md section 5: value tier, CLV, maximum recovery spend and value score.</summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
public class CustomerValueTests
{
    public static TheoryData<decimal, ValueTier> TierBoundaries => new()
    {
        { 0m, ValueTier.Low },
        { 1999.99m, ValueTier.Low },
        { 2000m, ValueTier.Mid },
        { 3000m, ValueTier.Mid },
        { 5000m, ValueTier.Mid },
        { 5000.01m, ValueTier.High },
        { 1_000_000m, ValueTier.High },
    };

    [Theory]
    [MemberData(nameof(TierBoundaries))]
    public void Value_tier_is_Low_below_2000_Mid_from_2000_to_5000_inclusive_High_above_5000(decimal annualSpend, ValueTier tier)
    {
        Assert.Equal(tier, Valuation.TierOf(annualSpend));
        Assert.Equal(tier, Valuation.Assess(annualSpend).Tier);
    }

    [Fact]
    public void CLV_worked_example_3000_x_50_percent_x_5_minus_500_is_7000()
    {
        Assert.Equal(7000m, Valuation.LifetimeValue(3000m));
    }

    [Fact]
    public void Maximum_recovery_cost_worked_example_7000_x_30_percent_over_5_years_is_420()
    {
        Assert.Equal(420m, Valuation.MaxRecoveryCost(7000m));
        Assert.Equal(420m, Valuation.Assess(3000m).MaxRecoveryCost);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-500)]
    public void Maximum_recovery_cost_is_never_negative(int lifetimeValue)
    {
        Assert.Equal(0m, Valuation.MaxRecoveryCost(lifetimeValue));
    }

    [Fact]
    public void CLV_can_be_negative_when_acquisition_cost_exceeds_the_margin_earned()
    {
        var a = Valuation.Assess(100m);

        Assert.Equal(-250m, a.LifetimeValue);
        Assert.Equal(0m, a.MaxRecoveryCost);
    }

    [Fact]
    public void CLV_inputs_are_options()
    {
        var options = new ScoringOptions();
        options.Value.GrossMargin = 0.4m;
        options.Value.ExpectedLifetimeYears = 4m;
        options.Value.AcquisitionCost = 0m;
        options.Value.RecoveryShare = 0.5m;
        var valuation = new CustomerValuation(options);

        Assert.Equal(4800m, valuation.LifetimeValue(3000m));
        Assert.Equal(600m, valuation.MaxRecoveryCost(4800m));
    }

    [Fact]
    public void Assessment_without_a_distribution_has_no_value_score_and_is_not_VIP()
    {
        var a = Valuation.Assess(3000m);

        Assert.Equal(new ValueAssessment(3000m, ValueTier.Mid, 7000m, 420m, null, false), a);
    }

    [Theory]
    [InlineData(80.0, true)]
    [InlineData(79.99, false)]
    [InlineData(100.0, true)]
    [InlineData(0.0, false)]
    public void Value_score_80_or_more_is_VIP(double valueScore, bool vip)
    {
        var a = Valuation.Assess(3000m, valueScore);

        Assert.Equal(valueScore, a.ValueScore);
        Assert.Equal(vip, a.IsVip);
        Assert.Equal(80, Valuation.VipValueScore);
    }

    [Fact]
    public void Value_score_is_the_percentile_rank_of_the_CLV_in_the_base()
    {
        // CLVs of spends 1000..10000 (step 1000): 2000, 4500, 7000, ..., 24500
        var clvs = Enumerable.Range(1, 10).Select(i => Valuation.LifetimeValue(i * 1000m)).ToArray();
        var distribution = ValueDistribution.Create(clvs);

        Assert.Equal(10, distribution.Count);
        Assert.Equal(2000m, distribution.Min);
        Assert.Equal(24_500m, distribution.Max);
        Assert.Equal(0, distribution.PercentileRank(2000m));
        Assert.Equal(20, distribution.PercentileRank(7000m));
        Assert.Equal(80, distribution.PercentileRank(22_000m));
        Assert.Equal(90, distribution.PercentileRank(24_500m));
        Assert.Equal(100, distribution.PercentileRank(1_000_000m));
        Assert.Equal(0, distribution.PercentileRank(-1_000_000m));
        var vip = Valuation.Assess(9000m, distribution);
        Assert.Equal(80, vip.ValueScore);
        Assert.True(vip.IsVip);
        Assert.False(Valuation.Assess(8000m, distribution).IsVip);
    }

    [Fact]
    public void Distribution_from_a_sequence_equals_distribution_from_a_span()
    {
        IEnumerable<decimal> clvs = new List<decimal> { 300m, -20m, 7000m, 50m, 50m };
        var fromSequence = ValueDistribution.Create(clvs);
        var fromSpan = ValueDistribution.Create(clvs.ToArray().AsSpan());

        Assert.Equal(5, fromSequence.Count);
        Assert.Equal(-20m, fromSequence.Min);
        Assert.Equal(7000m, fromSequence.Max);
        foreach (var v in new[] { -20m, 50m, 300m, 7000m, 8000m })
        {
            Assert.Equal(fromSpan.PercentileRank(v), fromSequence.PercentileRank(v));
        }
    }

    [Fact]
    public void Equal_CLVs_share_one_value_score()
    {
        var distribution = ValueDistribution.Create(new[] { 10m, 20m, 20m, 20m, 30m });

        Assert.Equal(20, distribution.PercentileRank(20m));
        Assert.Equal(80, distribution.PercentileRank(30m));
    }

    // ---- properties ----

    [Property]
    public bool Percentile_rank_is_always_within_0_and_100(ClvBase b, decimal probe)
    {
        var d = ValueDistribution.Create(b.Values);
        var rank = d.PercentileRank(probe);
        return rank >= 0 && rank <= 100 && d.PercentileRank(b.Values.Min()) == 0;
    }

    [Property]
    public bool Percentile_rank_never_decreases_as_the_CLV_grows(ClvBase b, int x, int y)
    {
        var d = ValueDistribution.Create(b.Values);
        decimal lo = Math.Min(x, y) / 10m, hi = Math.Max(x, y) / 10m;
        var members = b.Values.Order().ToArray();
        return d.PercentileRank(lo) <= d.PercentileRank(hi)
            && members.Zip(members.Skip(1)).All(p => d.PercentileRank(p.First) <= d.PercentileRank(p.Second));
    }

    [Property]
    public bool Percentile_rank_is_100_times_the_share_of_strictly_lower_CLVs(ClvBase b, decimal probe)
    {
        var d = ValueDistribution.Create(b.Values);
        double expected = 100.0 * b.Values.Count(v => v < probe) / b.Values.Length;
        return Math.Abs(d.PercentileRank(probe) - expected) < 1e-9;
    }

    [Property(MaxTest = 1000)]
    public bool Exactly_the_top_20_percent_of_distinct_CLVs_reach_a_value_score_of_80(DistinctClvBase b)
    {
        var d = ValueDistribution.Create(b.Values);
        var vips = b.Values.Where(v => d.PercentileRank(v) >= 80).ToHashSet();
        var top = b.Values.OrderDescending().Take(b.Values.Length / 5).ToHashSet();
        return vips.SetEquals(top) && d.PercentileRank(d.Min) == 0;
    }

    [Property]
    public bool Value_tier_never_decreases_as_annual_spend_grows(uint a, uint b)
    {
        decimal lo = Math.Min(a, b) / 100m, hi = Math.Max(a, b) / 100m;
        var tier = Valuation.TierOf(lo);
        var expected = lo > 5000m ? ValueTier.High : lo >= 2000m ? ValueTier.Mid : ValueTier.Low;
        return tier == expected && tier <= Valuation.TierOf(hi);
    }

    [Property]
    public bool CLV_and_recovery_cap_follow_the_formulas(uint cents)
    {
        decimal spend = cents / 100m;
        var a = Valuation.Assess(spend);
        decimal clv = (spend * 0.5m * 5m) - 500m;
        return a.LifetimeValue == clv && a.MaxRecoveryCost == Math.Max(0m, clv * 0.3m / 5m) && a.MaxRecoveryCost >= 0;
    }
}
