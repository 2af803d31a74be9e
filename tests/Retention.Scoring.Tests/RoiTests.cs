using System;
using FsCheck.Xunit;
using Xunit;

namespace Retention.Scoring.Tests;

/// <summary>scoring.md section 10: ROI of recovery.</summary>
public class RoiTests
{
    [Theory]
    [InlineData(300_000, 45_000, 566.7)]
    [InlineData(110_000, 3_500, 3042.9)]
    [InlineData(1_000, 1_000, 0.0)]
    [InlineData(0, 1_000, -100.0)]
    public void ROI_is_value_minus_cost_over_cost_in_percent(int value, int cost, double percent)
    {
        var roi = RoiCalculator.Calculate(value, cost);

        Assert.Equal((decimal)percent, Math.Round(roi.Percent, 1, MidpointRounding.AwayFromZero));
        Assert.Equal(value, roi.RecoveredValue);
        Assert.Equal(cost, roi.RecoveryCost);
    }

    [Fact]
    public void Recovered_annual_spend_counts_over_a_3_year_horizon()
    {
        var calculator = new RoiCalculator(new ScoringOptions());
        var roi = calculator.ForAnnualSpend(100_000m, 45_000m);

        Assert.Equal(3m, calculator.HorizonYears);
        Assert.Equal(300_000m, roi.RecoveredValue);
        Assert.Equal(566.7m, Math.Round(roi.Percent, 1));
    }

    [Fact]
    public void Horizon_is_an_option()
    {
        var options = new ScoringOptions();
        options.Roi.HorizonYears = 2m;
        var roi = new RoiCalculator(options).ForAnnualSpend(100_000m, 50_000m);

        Assert.Equal(200_000m, roi.RecoveredValue);
        Assert.Equal(300m, roi.Percent);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Cost_of_zero_or_less_is_bad_input(int cost)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RoiCalculator.Calculate(300_000m, cost));
        Assert.Equal("recoveryCost", e.ParamName);
        Assert.Equal("recoveryCost", Assert.Throws<ArgumentOutOfRangeException>(() => new RoiCalculator(new ScoringOptions()).ForAnnualSpend(1m, cost)).ParamName);
    }

    [Fact]
    public void Negative_recovered_value_is_bad_input()
    {
        Assert.Equal("recoveredValue", Assert.Throws<ArgumentOutOfRangeException>(() => RoiCalculator.Calculate(-1m, 10m)).ParamName);
        Assert.Equal("recoveredAnnualSpend", Assert.Throws<ArgumentOutOfRangeException>(() => new RoiCalculator(new ScoringOptions()).ForAnnualSpend(-1m, 10m)).ParamName);
    }

    [Property(MaxTest = 2000)]
    public bool ROI_is_positive_exactly_when_value_exceeds_cost(uint value, uint cost)
    {
        decimal c = cost + 1m;
        var roi = RoiCalculator.Calculate(value, c);
        return Math.Sign(roi.Percent) == Math.Sign(value - c) && Math.Abs(((roi.Percent / 100m) + 1m) * c - value) < 1e-6m;
    }
}
