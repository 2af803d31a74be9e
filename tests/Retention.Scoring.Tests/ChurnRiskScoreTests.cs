using System;
using System.Linq;
using FsCheck.Xunit;
using Retention.Scoring.Tests.Support;
using Xunit;
using static Retention.Scoring.Tests.Support.Customers;

namespace Retention.Scoring.Tests;

/// <summary>scoring.md section 2: the churn-risk score (0..100 points).</summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
public class ChurnRiskScoreTests
{
    [Fact]
    public void Worked_example_days_120_app_0_5_cancellation_30_percent_satisfaction_7_no_inquiries_scores_47_5()
    {
        var risk = Scorer.Score(WorkedExample, AsOf);

        Assert.True(risk.IsValid);
        Assert.Equal(120, risk.DaysSinceLastVisit);
        Assert.Equal(9, risk.DaysSinceLastVisitPoints, 9);
        Assert.Equal(15, risk.AppOpensPoints, 9);
        Assert.Equal(6, risk.CancellationRatePoints, 9);
        Assert.Equal(7.5, risk.SatisfactionPoints, 9);
        Assert.Equal(10, risk.ServiceInquiriesPoints, 9);
        Assert.Equal(47.5, risk.Score, 9);
        Assert.Equal(100, risk.Coverage, 9);
        Assert.Equal(MissingSignals.None, risk.Missing);
        Assert.Equal(RiskTier.None, risk.Tier);
        Assert.Equal(ChurnStage.EarlyChurn, risk.Stage);
    }

    [Fact]
    public void A_falling_ramp_at_its_zero_end_gives_positive_zero_points_never_minus_zero()
    {
        // Satisfaction ramps from 0 points at 10 to full at 0, app opens from 0 at 2 to full at 1:
        // at the zero end the scaled distance is -0.0, which must not surface as "-0" points.
        var risk = Scorer.Score(WorkedExample with { Satisfaction = 10, AppOpensPerMonth = 2 }, AsOf);

        Assert.False(double.IsNegative(risk.SatisfactionPoints));
        Assert.False(double.IsNegative(risk.AppOpensPoints));
        Assert.Equal("0", risk.SatisfactionPoints.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(89, 0)]
    [InlineData(90, 0)]
    [InlineData(100, 3)]
    [InlineData(120, 9)]
    [InlineData(190, 30)]
    [InlineData(400, 30)]
    public void Days_since_last_visit_term_is_days_minus_90_times_0_3_capped_at_30_never_below_0(int days, double points)
    {
        var risk = Scorer.Score(Content(days), AsOf);

        Assert.Equal(points, risk.DaysSinceLastVisitPoints, 9);
        Assert.Equal(points, risk.Score, 9);
    }

    [Theory]
    [InlineData(0.0, 15)]
    [InlineData(1.0, 15)]
    [InlineData(1.5, 7.5)]
    [InlineData(2.0, 0)]
    [InlineData(8.0, 0)]
    public void App_term_is_15_when_inactive_at_one_open_or_fewer_and_linear_between_1_and_2(double opens, double points)
    {
        var risk = Scorer.Score(Content(0) with { AppOpensPerMonth = opens }, AsOf);

        Assert.Equal(points, risk.AppOpensPoints, 9);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.1, 2)]
    [InlineData(0.3, 6)]
    [InlineData(1.0, 20)]
    public void Cancellation_term_is_rate_percent_times_0_2(double rate, double points)
    {
        Assert.Equal(points, Scorer.Score(Content(0) with { CancellationRate = rate }, AsOf).CancellationRatePoints, 9);
    }

    [Theory]
    [InlineData(10.0, 0)]
    [InlineData(8.0, 5)]
    [InlineData(7.0, 7.5)]
    [InlineData(0.0, 25)]
    public void Satisfaction_term_is_10_minus_satisfaction_times_2_5(double satisfaction, double points)
    {
        Assert.Equal(points, Scorer.Score(Content(0) with { Satisfaction = satisfaction }, AsOf).SatisfactionPoints, 9);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 0)]
    [InlineData(5, 0)]
    public void Inquiry_term_is_10_when_there_was_none_in_the_quarter(int inquiries, double points)
    {
        Assert.Equal(points, Scorer.Score(Content(0) with { ServiceInquiries = inquiries }, AsOf).ServiceInquiriesPoints, 9);
    }

    [Fact]
    public void Worst_customer_on_every_signal_scores_exactly_100()
    {
        Assert.Equal(100, Scorer.Score(Unhappy(190), AsOf).Score, 9);
    }

    [Fact]
    public void Missing_app_under_Zero_policy_gives_0_points_and_coverage_85()
    {
        var risk = Scorer.Score(WorkedExample with { AppOpensPerMonth = null }, AsOf);

        Assert.Equal(0, risk.AppOpensPoints);
        Assert.Equal(32.5, risk.Score, 9);
        Assert.Equal(85, risk.Coverage, 9);
        Assert.Equal(MissingSignals.AppOpens, risk.Missing);
        Assert.True(risk.Term(RiskSignal.AppOpens).IsMissing);
        Assert.False(risk.Term(RiskSignal.Satisfaction).IsMissing);
    }

    [Fact]
    public void Missing_app_under_Rescale_policy_scales_present_terms_by_100_over_85()
    {
        var options = new ScoringOptions();
        options.Risk.MissingSignals = MissingSignalPolicy.Rescale;
        var risk = new RiskScorer(options).Score(WorkedExample with { AppOpensPerMonth = null }, AsOf);

        Assert.Equal(32.5 * 100 / 85, risk.Score, 9);
        Assert.Equal(85, risk.Coverage, 9);
        Assert.Equal(MissingSignals.AppOpens, risk.Missing);
        Assert.Equal(32.5, risk.Terms().Sum(t => t.Points), 9); // points before rescaling
    }

    [Fact]
    public void Never_surveyed_under_Zero_policy_gives_0_points_and_coverage_75()
    {
        var risk = Scorer.Score(WorkedExample with { Satisfaction = null }, AsOf);

        Assert.Equal(40, risk.Score, 9);
        Assert.Equal(75, risk.Coverage, 9);
        Assert.Equal(MissingSignals.Satisfaction, risk.Missing);
    }

    [Fact]
    public void Both_optional_signals_missing_under_Rescale_policy_scales_by_100_over_60()
    {
        var options = new ScoringOptions();
        options.Risk.MissingSignals = MissingSignalPolicy.Rescale;
        var risk = new RiskScorer(options).Score(WorkedExample with { AppOpensPerMonth = null, Satisfaction = null }, AsOf);

        Assert.Equal(25 * 100.0 / 60, risk.Score, 9);
        Assert.Equal(60, risk.Coverage, 9);
        Assert.Equal(MissingSignals.AppOpens | MissingSignals.Satisfaction, risk.Missing);
    }

    [Fact]
    public void Rescale_policy_changes_nothing_when_no_signal_is_missing()
    {
        var options = new ScoringOptions();
        options.Risk.MissingSignals = MissingSignalPolicy.Rescale;

        Assert.Equal(47.5, new RiskScorer(options).Score(WorkedExample, AsOf).Score, 9);
    }

    [Fact]
    public void Rescale_policy_does_not_move_a_customer_with_every_signal_by_a_rounding_hair()
    {
        // Found by the property below: sum * 100 / 100 is not always sum in floating point.
        var signals = new CustomerSignals
        {
            LastVisit = AsOf.PlusDays(-274), AppOpensPerMonth = 4.883, CancellationRate = 0.9762, Satisfaction = 7.3, ServiceInquiries = 4,
        };
        var zero = Scorer.Score(signals, AsOf);
        var options = new ScoringOptions();
        options.Risk.MissingSignals = MissingSignalPolicy.Rescale;
        options.Tiers.YellowFrom = zero.Score; // a threshold right at the customer's score
        var rescaled = new RiskScorer(options).Score(signals, AsOf);

        Assert.True(SameBits(zero.Score, rescaled.Score), $"{zero.Score:R} vs {rescaled.Score:R}");
        Assert.Equal(RiskTier.Yellow, rescaled.Tier);
    }

    [Fact]
    public void Explanation_lists_each_term_largest_first_and_the_points_add_up_to_the_score()
    {
        var risk = Scorer.Score(WorkedExample, AsOf);
        var terms = risk.Terms();

        Assert.Equal(
            [RiskSignal.AppOpens, RiskSignal.ServiceInquiries, RiskSignal.DaysSinceLastVisit, RiskSignal.Satisfaction, RiskSignal.CancellationRate],
            terms.Select(t => t.Signal));
        Assert.Equal(risk.Score, terms.Sum(t => t.Points), 9);
        Assert.Equal([15.0, 10, 30, 25, 20], terms.Select(t => t.Weight));
        Assert.StartsWith("47.5 points = app opens per month 15 + service inquiries this quarter 10 + days since last visit 9", risk.Explain("en"), StringComparison.Ordinal);
        Assert.True(HasCjk(risk.Explain("zh-CN")));
        Assert.StartsWith("47.5 ", risk.Explain("zh-CN"), StringComparison.Ordinal);
    }

    [Fact]
    public void Explanation_mentions_coverage_and_the_missing_signal()
    {
        var risk = Scorer.Score(WorkedExample with { AppOpensPerMonth = null }, AsOf);

        Assert.Contains("app opens per month missing", risk.Explain("en"), StringComparison.Ordinal);
        Assert.Contains("(coverage 85 %)", risk.Explain("en"), StringComparison.Ordinal);
        Assert.Contains("缺失", risk.Explain("zh-CN"), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_assessment_is_not_valid()
    {
        Assert.False(default(RiskAssessment).IsValid);
        Assert.Equal("(invalid)", default(RiskAssessment).ToString());
    }

    // ---- properties ----

    [Property]
    public bool Score_is_always_within_0_and_100(Customer c)
    {
        var score = Scorer.Score(c.Signals, c.AsOf).Score;
        return score >= 0 && score <= 100;
    }

    [Property]
    public bool Score_is_always_within_0_and_100_under_Rescale_policy(Customer c)
    {
        var score = Rescaling.Score(c.Signals, c.AsOf).Score;
        return score >= 0 && score <= 100;
    }

    [Property]
    public bool Term_points_add_up_to_the_score_under_Zero_policy(Customer c)
    {
        var risk = Scorer.Score(c.Signals, c.AsOf);
        return Math.Abs(risk.Terms().Sum(t => t.Points) - risk.Score) < 1e-9
            && risk.Terms().All(t => t.Points >= 0 && t.Points <= t.Weight)
            && risk.DaysSinceLastVisit == c.Days;
    }

    [Property]
    public bool Risk_score_never_decreases_when_days_since_last_visit_grow(Customer c, byte moreDays)
    {
        var before = Scorer.Score(c.Signals, c.AsOf);
        var after = Scorer.Score(c.Signals with { LastVisit = c.Signals.LastVisit.PlusDays(-moreDays) }, c.AsOf);
        return after.Score >= before.Score && after.Tier >= before.Tier && after.Stage >= before.Stage;
    }

    [Property]
    public bool Risk_score_never_decreases_when_the_cancellation_rate_grows(Customer c, Fraction f)
    {
        double higher = Math.Min(1, c.Signals.CancellationRate + ((1 - c.Signals.CancellationRate) * f.Value));
        return Scorer.Score(c.Signals with { CancellationRate = higher }, c.AsOf).Score >= Scorer.Score(c.Signals, c.AsOf).Score;
    }

    [Property]
    public bool Risk_score_never_decreases_when_satisfaction_falls(Customer c, Fraction f)
    {
        var present = c.Signals with { Satisfaction = c.Signals.Satisfaction ?? 10 };
        var lower = present with { Satisfaction = present.Satisfaction!.Value * (1 - f.Value) };
        return Scorer.Score(lower, c.AsOf).Score >= Scorer.Score(present, c.AsOf).Score;
    }

    [Property]
    public bool Risk_score_never_decreases_when_app_opens_fall(Customer c, Fraction f)
    {
        var present = c.Signals with { AppOpensPerMonth = c.Signals.AppOpensPerMonth ?? 3 };
        var lower = present with { AppOpensPerMonth = present.AppOpensPerMonth!.Value * (1 - f.Value) };
        return Scorer.Score(lower, c.AsOf).Score >= Scorer.Score(present, c.AsOf).Score;
    }

    [Property]
    public bool Risk_score_never_decreases_when_service_inquiries_fall(Customer c, byte fewer)
    {
        var lower = c.Signals with { ServiceInquiries = Math.Max(0, c.Signals.ServiceInquiries - fewer) };
        return Scorer.Score(lower, c.AsOf).Score >= Scorer.Score(c.Signals, c.AsOf).Score;
    }

    [Property]
    public bool A_missing_signal_scores_like_a_perfect_one_under_Zero_policy(Customer c)
    {
        // "a customer without the app is not inactive": missing = 0 points = the best present value
        var missing = c.Signals with { AppOpensPerMonth = null, Satisfaction = null };
        var perfect = c.Signals with { AppOpensPerMonth = 2, Satisfaction = 10 };
        return Scorer.Score(missing, c.AsOf).Score == Scorer.Score(perfect, c.AsOf).Score;
    }

    [Property]
    public bool Rescale_policy_gives_the_Zero_score_times_100_over_coverage(Customer c)
    {
        var zero = Scorer.Score(c.Signals, c.AsOf);
        var rescaled = Rescaling.Score(c.Signals, c.AsOf);
        return rescaled.Coverage == zero.Coverage
            && Math.Abs(rescaled.Score - Math.Min(100, zero.Score * 100 / zero.Coverage)) < 1e-9
            && rescaled.Score >= zero.Score;
    }

    [Property]
    public bool Rescale_policy_gives_exactly_the_Zero_score_and_tier_when_no_signal_is_missing(Customer c)
    {
        var present = c.Signals with { AppOpensPerMonth = c.Signals.AppOpensPerMonth ?? 1.5, Satisfaction = c.Signals.Satisfaction ?? 7.3 };
        var zero = Scorer.Score(present, c.AsOf);
        var rescaled = Rescaling.Score(present, c.AsOf);
        return SameBits(zero.Score, rescaled.Score) && zero.Tier == rescaled.Tier && rescaled.Coverage == 100;
    }

    private static readonly RiskScorer Rescaling = new(new ScoringOptions { Risk = new RiskScoreOptions { MissingSignals = MissingSignalPolicy.Rescale } });
}
