using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;
using Retention.Scoring.Tests.Support;
using Xunit;
using static Retention.Scoring.Tests.Support.Customers;

namespace Retention.Scoring.Tests;

/// <summary>
/// Conventions (README): every threshold, weight, window and budget is an option with the listed
/// default, validated at start-up; nonsense is rejected with a message naming the option.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
public class OptionsValidationTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(ScoringOptionsValidator.Collect(new ScoringOptions()));
        Assert.True(new ScoringOptionsValidator().Validate(null, new ScoringOptions()).Succeeded);
    }

    public static TheoryData<string> BreakerNames => new(Gens.Breakers.Select(b => b.What));

    [Theory]
    [MemberData(nameof(BreakerNames))]
    public void Each_broken_default_is_rejected_naming_the_option(string what)
    {
        var (_, path, breakIt) = Gens.Breakers.Single(b => b.What == what);
        var options = new ScoringOptions();
        breakIt(options);

        var result = new ScoringOptionsValidator().Validate(Options.DefaultName, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(path + ":", StringComparison.Ordinal));
        AssertConstructorsReject(options, path);
    }

    [Fact]
    public void Every_problem_is_listed_not_just_the_first()
    {
        var options = new ScoringOptions();
        options.Tiers.OrangeFrom = 50;
        options.Value.GrossMargin = 2m;
        options.Roi.HorizonYears = 0m;

        var errors = ScoringOptionsValidator.Collect(options);

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Tiers.OrangeFrom: must be greater than Tiers.YellowFrom (60) (was 50)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Value.GrossMargin: must be in (0, 1]", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Roi.HorizonYears: must be > 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Risk_weights_that_do_not_add_up_to_100_are_rejected_with_their_sum()
    {
        var options = new ScoringOptions();
        options.Risk.DaysSinceLastVisit.Weight = 35;

        var error = Assert.Single(ScoringOptionsValidator.Collect(options));

        Assert.Equal("Risk.*.Weight: the five weights must add up to 100 (they add up to 105).", error);
    }

    [Theory]
    [InlineData(5e-10, true)]
    [InlineData(-5e-10, true)]
    [InlineData(2e-9, false)]
    [InlineData(-2e-9, false)]
    public void Weights_must_add_up_to_100_within_1e_9(double off, bool accepted)
    {
        var options = new ScoringOptions();
        options.Risk.DaysSinceLastVisit.Weight = 30 + off;

        Assert.Equal(accepted, ScoringOptionsValidator.Collect(options).Count == 0);
    }

    [Fact]
    public void A_missing_options_section_is_rejected_naming_it()
    {
        var options = new ScoringOptions { Tiers = null! };

        Assert.Contains("Tiers: is missing (null).", ScoringOptionsValidator.Collect(options));
        Assert.Throws<OptionsValidationException>(() => new RiskScorer(options));
    }

    [Fact]
    public void Null_options_are_bad_input()
    {
        Assert.Throws<ArgumentNullException>(() => ScoringOptionsValidator.Collect(null!));
        Assert.Throws<ArgumentNullException>(() => new RiskScorer((ScoringOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new RiskScorer((IOptions<ScoringOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => new CustomerValuation((ScoringOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new RecoveryPlanner((ScoringOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new RoiCalculator((ScoringOptions)null!));
    }

    [Fact]
    public void Options_changed_after_the_types_are_built_do_not_change_them()
    {
        var options = new ScoringOptions();
        var scorer = new RiskScorer(options);
        var valuation = new CustomerValuation(options);
        var planner = new RecoveryPlanner(options);
        var roi = new RoiCalculator(options);

        options.Tiers.YellowFrom = 10;
        options.Tiers.Yellow.Owner = StaffRole.RegionalManager;
        options.Risk.MissingSignals = MissingSignalPolicy.Rescale;
        options.Stages.PreChurnFrom = 30;
        options.Value.GrossMargin = 1m;
        options.Value.MidTierFrom = 0m;
        options.Decision.RedFullRecoveryBudget = 99_999m;
        options.SuccessEstimate.Price = Solvability.NotSolvable;
        options.Strategy.PreChurnMid.CostMax = 99_999m;
        options.Roi.HorizonYears = 10m;

        Assert.Equal(RiskTier.None, scorer.TierOf(50));
        Assert.Equal(StaffRole.CustomerServiceSupervisor, scorer.ProfileOf(RiskTier.Yellow).Owner);
        Assert.Equal(32.5, scorer.Score(WorkedExample with { AppOpensPerMonth = null }, AsOf).Score, 9);
        Assert.Equal(ChurnStage.Active, scorer.StageOf(30));
        Assert.Equal(7000m, valuation.LifetimeValue(3000m));
        Assert.Equal(ValueTier.Low, valuation.TierOf(100m));
        Assert.Equal(3000m, planner.Decide(Unhappy(170), AsOf, 90).Budget);
        Assert.Equal(Solvability.Solvable, planner.ReasonInfo(ChurnReason.Price).Solvability);
        Assert.Equal(400m, planner.StrategyFor(ChurnStage.PreChurn, ValueTier.Mid)!.Cost.Max);
        Assert.Equal(3m, roi.HorizonYears);
    }

    // ---- properties ----

    [Property]
    public void Any_valid_options_build_every_type_and_scoring_deciding_and_batch_scoring_never_throw_on_valid_signals(ValidOptions o, Customer c, Fraction valueScore)
    {
        Assert.Empty(ScoringOptionsValidator.Collect(o.Options));
        var scorer = new RiskScorer(o.Options);
        var valuation = new CustomerValuation(o.Options);
        var planner = new RecoveryPlanner(o.Options);
        var roi = new RoiCalculator(o.Options);

        var risk = scorer.Score(c.Signals, c.AsOf);
        Assert.InRange(risk.Score, 0, 100);
        Assert.InRange(risk.Coverage, 0, 100 + 1e-9);

        var value = valuation.Assess(c.Signals.AnnualSpend, valueScore.Value * 100);
        Assert.True(value.MaxRecoveryCost >= 0);

        var context = new RecoveryContext { Reason = (ChurnReason)(c.Days % 5), Stickiness = (Stickiness)(c.Days % 3) };
        var decision = planner.Decide(c.Signals, c.AsOf, valueScore.Value * 100, context);
        Assert.Equal(risk, decision.Risk);
        Assert.True(decision.Budget >= 0);
        Assert.True(HasCjk(decision.Reason.ZhCn) && IsLatin(decision.Reason.En));
        Assert.InRange(decision.Success.Total, 0, 5);
        Assert.InRange(decision.Success.Probability, 0, 1);

        var results = new RiskAssessment[3];
        var summary = scorer.ScoreBatch(new[] { c.Signals, c.Signals with { CancellationRate = 2 }, c.Signals }, c.AsOf, results, new List<BatchProblem>());
        Assert.Equal((2, 1), (summary.Scored, summary.Invalid));

        Assert.True(roi.ForAnnualSpend(c.Signals.AnnualSpend, 1m).Percent >= -100m);
    }

    [Property]
    public void Options_with_exactly_one_thing_broken_are_rejected_by_every_constructor_naming_the_broken_option(BrokenOptions o)
    {
        AssertConstructorsReject(o.Options, o.Path);
    }

    private static void AssertConstructorsReject(ScoringOptions options, string path)
    {
        var constructors = new Func<object>[]
        {
            () => new RiskScorer(options),
            () => new CustomerValuation(options),
            () => new RecoveryPlanner(options),
            () => new RoiCalculator(options),
            () => new RiskScorer(Options.Create(options)),
        };

        foreach (var construct in constructors)
        {
            var e = Assert.Throws<OptionsValidationException>(construct);
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Contains(e.Failures, f => f.StartsWith(path + ":", StringComparison.Ordinal));
            Assert.All(e.Failures, f => Assert.Contains(path, f, StringComparison.Ordinal)); // nothing else is reported broken
            Assert.Equal(typeof(ScoringOptions), e.OptionsType);
        }
    }
}
