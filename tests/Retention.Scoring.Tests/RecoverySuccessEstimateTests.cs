using System;
using FsCheck.Xunit;
using Retention.Scoring.Tests.Support;
using Xunit;
using static Retention.Scoring.Tests.Support.Customers;

namespace Retention.Scoring.Tests;

/// <summary>scoring.md section 7: the recovery-success estimate.</summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
public class RecoverySuccessEstimateTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(89, 5)]
    [InlineData(90, 3)]
    [InlineData(179, 3)]
    [InlineData(180, 1)]
    [InlineData(359, 1)]
    [InlineData(360, 0)]
    [InlineData(1000, 0)]
    public void Churn_duration_scores_5_3_1_0_for_0_3_3_6_6_12_and_over_12_thirty_day_months(int days, double points)
    {
        Assert.Equal(points, Planner.EstimateSuccess(days, ChurnReason.Price, 9, Stickiness.High).DurationPoints);
    }

    [Theory]
    [InlineData(ChurnReason.Price, 5)]
    [InlineData(ChurnReason.ServiceExperience, 5)]
    [InlineData(ChurnReason.Inconvenience, 5)]
    [InlineData(ChurnReason.Other, 3)]
    [InlineData(ChurnReason.MovedOrChangedCar, 0)]
    public void Churn_reason_scores_5_when_solvable_3_when_partly_0_when_not(ChurnReason reason, double points)
    {
        Assert.Equal(points, Planner.EstimateSuccess(0, reason, 9, Stickiness.High).ReasonPoints);
    }

    [Fact]
    public void Unknown_churn_reason_counts_as_other()
    {
        Assert.Equal(3, Planner.EstimateSuccess(0, null, 9, Stickiness.High).ReasonPoints);
    }

    [Theory]
    [InlineData(10.0, 5)]
    [InlineData(8.01, 5)]
    [InlineData(8.0, 3)]
    [InlineData(6.0, 3)]
    [InlineData(5.99, 1)]
    [InlineData(0.0, 1)]
    public void Historical_satisfaction_scores_5_above_8_3_from_6_to_8_1_below_6(double satisfaction, double points)
    {
        Assert.Equal(points, Planner.EstimateSuccess(0, ChurnReason.Price, satisfaction, Stickiness.High).SatisfactionPoints);
    }

    [Fact]
    public void Never_surveyed_counts_as_the_middle_satisfaction_band()
    {
        Assert.Equal(3, Planner.EstimateSuccess(0, ChurnReason.Price, null, Stickiness.High).SatisfactionPoints);
    }

    [Theory]
    [InlineData(Stickiness.High, 5)]
    [InlineData(Stickiness.Medium, 3)]
    [InlineData(Stickiness.Low, 1)]
    public void Stickiness_scores_5_3_1(Stickiness stickiness, double points)
    {
        Assert.Equal(points, Planner.EstimateSuccess(0, ChurnReason.Price, 9, stickiness).StickinessPoints);
    }

    [Theory] // weights 30 / 40 / 20 / 10
    [InlineData(0, ChurnReason.Price, 9.0, Stickiness.High, 5.0, RecoveryAdvice.StronglyRecommend, 0.80)]
    [InlineData(0, ChurnReason.Price, 5.0, Stickiness.Medium, 4.0, RecoveryAdvice.StronglyRecommend, 0.50)]
    [InlineData(100, ChurnReason.Other, 7.0, Stickiness.Medium, 3.0, RecoveryAdvice.Recommend, 0.30)]
    [InlineData(200, ChurnReason.Price, 9.0, Stickiness.High, 3.8, RecoveryAdvice.Recommend, 0.46)]
    [InlineData(200, ChurnReason.Other, 5.0, Stickiness.Medium, 2.0, RecoveryAdvice.Cautious, 0.15)]
    [InlineData(200, ChurnReason.Other, 3.0, Stickiness.Low, 1.8, RecoveryAdvice.DoNotRecover, 0.135)]
    [InlineData(400, ChurnReason.MovedOrChangedCar, 3.0, Stickiness.Low, 0.3, RecoveryAdvice.DoNotRecover, 0.0225)]
    public void Weighted_total_maps_to_the_advice_band_with_its_success(
        int days, ChurnReason reason, double satisfaction, Stickiness stickiness, double total, RecoveryAdvice advice, double probability)
    {
        var e = Planner.EstimateSuccess(days, reason, satisfaction, stickiness);

        Assert.Equal(total, e.Total, 9);
        Assert.Equal(advice, e.Advice);
        Assert.Equal(probability, e.Probability, 9);
        Assert.True(HasCjk(e.Reason.ZhCn));
        Assert.True(IsLatin(e.Reason.En));
    }

    [Theory]
    [InlineData(5.0, RecoveryAdvice.StronglyRecommend, "strongly recommend recovery")]
    [InlineData(4.0, RecoveryAdvice.StronglyRecommend, "strongly recommend recovery")]
    [InlineData(3.99, RecoveryAdvice.Recommend, "recommend recovery")]
    [InlineData(3.0, RecoveryAdvice.Recommend, "recommend recovery")]
    [InlineData(2.99, RecoveryAdvice.Cautious, "be cautious")]
    [InlineData(2.0, RecoveryAdvice.Cautious, "be cautious")]
    [InlineData(1.99, RecoveryAdvice.DoNotRecover, "do not recover")]
    [InlineData(0.0, RecoveryAdvice.DoNotRecover, "do not recover")]
    public void Advice_bands_are_4_to_5_strongly_3_to_4_recommend_2_to_3_cautious_below_2_do_not_recover(double total, RecoveryAdvice advice, string words)
    {
        // Every dimension scores `total` points, so the weighted total is `total` whatever the weights.
        var options = new ScoringOptions();
        var s = options.SuccessEstimate;
        s.UpToThreeMonthsPoints = s.SolvablePoints = s.HighSatisfactionPoints = s.HighStickinessPoints = total;
        var e = new RecoveryPlanner(options).EstimateSuccess(0, ChurnReason.Price, 9, Stickiness.High);

        Assert.Equal(total, e.Total, 9);
        Assert.Equal(advice, e.Advice);
        Assert.EndsWith(": " + words, e.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        Assert.Equal("daysSinceLastVisit", Assert.Throws<ArgumentOutOfRangeException>(() => Planner.EstimateSuccess(-1, null, null, Stickiness.Low)).ParamName);
        Assert.Equal("historicalSatisfaction", Assert.Throws<ArgumentOutOfRangeException>(() => Planner.EstimateSuccess(0, null, 10.5, Stickiness.Low)).ParamName);
        Assert.Equal("historicalSatisfaction", Assert.Throws<ArgumentOutOfRangeException>(() => Planner.EstimateSuccess(0, null, double.NaN, Stickiness.Low)).ParamName);
        Assert.Equal("stickiness", Assert.Throws<ArgumentOutOfRangeException>(() => Planner.EstimateSuccess(0, null, null, (Stickiness)3)).ParamName);
        Assert.Equal("reason", Assert.Throws<ArgumentOutOfRangeException>(() => Planner.EstimateSuccess(0, (ChurnReason)5, null, Stickiness.Low)).ParamName);
    }

    // ---- properties ----

    [Property]
    public bool Total_and_probability_stay_in_range_and_the_advice_matches_the_band(ushort days, byte reason, Fraction satisfaction, byte stickiness)
    {
        var e = Planner.EstimateSuccess(days, (ChurnReason)(reason % 5), satisfaction.Value * 10, (Stickiness)(stickiness % 3));
        var band = e.Total >= 4 ? RecoveryAdvice.StronglyRecommend : e.Total >= 3 ? RecoveryAdvice.Recommend : e.Total >= 2 ? RecoveryAdvice.Cautious : RecoveryAdvice.DoNotRecover;
        return e.Total >= 0 && e.Total <= 5 && e.Probability >= 0 && e.Probability <= 1 && e.Advice == band
            && Math.Abs(e.Total - (((e.DurationPoints * 30) + (e.ReasonPoints * 40) + (e.SatisfactionPoints * 20) + (e.StickinessPoints * 10)) / 100)) < 1e-12;
    }

    [Property]
    public bool Estimated_success_never_falls_as_the_customer_comes_back_sooner(ushort a, ushort b, byte reason, byte stickiness)
    {
        var r = (ChurnReason)(reason % 5);
        var k = (Stickiness)(stickiness % 3);
        var sooner = Planner.EstimateSuccess(Math.Min(a, b), r, 7, k);
        var later = Planner.EstimateSuccess(Math.Max(a, b), r, 7, k);
        return sooner.Probability >= later.Probability && sooner.Advice >= later.Advice;
    }
}
