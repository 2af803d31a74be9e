using System;
using Xunit;
using static Retention.Scoring.Tests.Support.Customers;

namespace Retention.Scoring.Tests;

/// <summary>scoring.md section 8: churn reasons, their solvability and first remedy.</summary>
public class ChurnReasonTests
{
    [Theory]
    [InlineData(ChurnReason.Price, Solvability.Solvable, 0.35, 0.45)]
    [InlineData(ChurnReason.ServiceExperience, Solvability.Solvable, 0.25, 0.25)]
    [InlineData(ChurnReason.Inconvenience, Solvability.Solvable, 0.15, 0.20)]
    [InlineData(ChurnReason.MovedOrChangedCar, Solvability.NotSolvable, 0.10, 0.10)]
    [InlineData(ChurnReason.Other, Solvability.PartlySolvable, 0.0, 0.15)]
    public void Price_service_and_inconvenience_are_solvable_moving_is_not_other_is_partly(
        ChurnReason reason, Solvability solvability, double shareMin, double shareMax)
    {
        var info = Planner.ReasonInfo(reason);

        Assert.Equal(reason, info.Reason);
        Assert.Equal(solvability, info.Solvability);
        Assert.Equal(new ShareRange(shareMin, shareMax), info.TypicalShare);
        Assert.False(string.IsNullOrWhiteSpace(info.Remedy.En));
        Assert.True(HasCjk(info.Remedy.ZhCn));
    }

    [Theory]
    [InlineData(ChurnReason.Price, RecoveryActions.ExclusiveBenefits | RecoveryActions.ValueComparison)]
    [InlineData(ChurnReason.ServiceExperience, RecoveryActions.ApologyAndCommitment | RecoveryActions.VipService)]
    [InlineData(ChurnReason.Inconvenience, RecoveryActions.FreePickUp | RecoveryActions.LoanerCar | RecoveryActions.FastLane)]
    [InlineData(ChurnReason.Other, RecoveryActions.None)]
    [InlineData(ChurnReason.MovedOrChangedCar, RecoveryActions.None)]
    public void First_remedy_matches_the_problem_type(ChurnReason reason, RecoveryActions remedy)
    {
        Assert.Equal(remedy, Planner.ReasonInfo(reason).FirstRemedy);
    }

    [Fact]
    public void The_first_remedy_is_part_of_a_recovery_for_that_reason()
    {
        var context = new RecoveryContext { Reason = ChurnReason.Inconvenience };
        var decision = Planner.Decide(Content(100), AsOf, 50, context);

        Assert.Equal(DecisionRule.StrategyMatrix, decision.Rule);
        Assert.True(decision.Actions.HasFlag(RecoveryActions.FreePickUp | RecoveryActions.LoanerCar | RecoveryActions.FastLane));
        Assert.True(decision.Actions.HasFlag(RecoveryActions.MaintenanceReminder)); // and the cell's own actions
    }

    [Fact]
    public void Solvability_is_an_option()
    {
        var options = new ScoringOptions();
        options.SuccessEstimate.Price = Solvability.PartlySolvable;
        var planner = new RecoveryPlanner(options);

        Assert.Equal(Solvability.PartlySolvable, planner.ReasonInfo(ChurnReason.Price).Solvability);
        Assert.Equal(3, planner.EstimateSuccess(0, ChurnReason.Price, 9, Stickiness.High).ReasonPoints);
    }

    [Fact]
    public void Unknown_reason_is_bad_input()
    {
        Assert.Equal("reason", Assert.Throws<ArgumentOutOfRangeException>(() => Planner.ReasonInfo((ChurnReason)5)).ParamName);
    }
}
