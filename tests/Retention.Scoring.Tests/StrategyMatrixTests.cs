using System;
using System.Linq;
using Xunit;
using static Retention.Scoring.Tests.Support.Customers;

namespace Retention.Scoring.Tests;

/// <summary>scoring.md section 6: the strategy matrix (stage x value tier).</summary>
public class StrategyMatrixTests
{
    public static TheoryData<ChurnStage, ValueTier, StaffRole?, RecoveryChannels, RecoveryActions, int, int, double, double> RecoveringCells => new()
    {
        { ChurnStage.PreChurn, ValueTier.High, StaffRole.StoreManager, RecoveryChannels.Phone, RecoveryActions.ExclusiveBenefits | RecoveryActions.FreePickUp | RecoveryActions.VipUpgrade, 500, 800, 0.60, 0.70 },
        { ChurnStage.PreChurn, ValueTier.Mid, StaffRole.ServiceAdvisor, RecoveryChannels.Phone, RecoveryActions.MaintenanceReminder | RecoveryActions.SmallOffer | RecoveryActions.MembershipPoints, 200, 400, 0.45, 0.55 },
        { ChurnStage.PreChurn, ValueTier.Low, null, RecoveryChannels.Sms | RecoveryChannels.AppPush, RecoveryActions.GeneralCoupon, 50, 100, 0.35, 0.45 },
        { ChurnStage.EarlyChurn, ValueTier.High, StaffRole.StoreManager, RecoveryChannels.HomeVisit, RecoveryActions.FixRootCause | RecoveryActions.VipService, 800, 1500, 0.45, 0.55 },
        { ChurnStage.EarlyChurn, ValueTier.Mid, StaffRole.ServiceAdvisor, RecoveryChannels.Phone, RecoveryActions.SpecialOffer | RecoveryActions.ServiceUpgrade, 400, 800, 0.30, 0.40 },
        { ChurnStage.EarlyChurn, ValueTier.Low, null, RecoveryChannels.Sms | RecoveryChannels.WeChat | RecoveryChannels.AppPush, RecoveryActions.TimeLimitedOffer, 100, 200, 0.20, 0.30 },
        { ChurnStage.DeepChurn, ValueTier.High, StaffRole.GeneralManager, RecoveryChannels.HomeVisit, RecoveryActions.DeepDiagnosis | RecoveryActions.TailoredPlan, 1500, 3000, 0.20, 0.30 },
        { ChurnStage.DeepChurn, ValueTier.Mid, StaffRole.ServiceAdvisor, RecoveryChannels.Phone | RecoveryChannels.WeChat, RecoveryActions.LargeOffer, 500, 1000, 0.10, 0.20 },
    };

    [Theory]
    [MemberData(nameof(RecoveringCells))]
    public void Cells_that_recover_match_the_spec_table(
        ChurnStage stage, ValueTier tier, StaffRole? owner, RecoveryChannels channels, RecoveryActions actions, int costMin, int costMax, double successMin, double successMax)
    {
        var cell = Planner.StrategyFor(stage, tier);

        Assert.NotNull(cell);
        Assert.Equal(stage, cell.Stage);
        Assert.Equal(tier, cell.ValueTier);
        Assert.True(cell.Recover);
        Assert.Equal(owner, cell.Owner);
        Assert.Equal(channels, cell.Channels);
        Assert.Equal(actions, cell.Actions);
        Assert.Equal(new MoneyRange(costMin, costMax), cell.Cost);
        Assert.Equal(new ShareRange(successMin, successMax), cell.Success);
    }

    [Theory]
    [InlineData(ChurnStage.DeepChurn, ValueTier.Low)]
    [InlineData(ChurnStage.Lost, ValueTier.High)]
    [InlineData(ChurnStage.Lost, ValueTier.Mid)]
    [InlineData(ChurnStage.Lost, ValueTier.Low)]
    public void Deep_churn_low_value_and_every_lost_cell_is_do_not_recover(ChurnStage stage, ValueTier tier)
    {
        var cell = Planner.StrategyFor(stage, tier);

        Assert.NotNull(cell);
        Assert.False(cell.Recover);
        Assert.Null(cell.Owner);
        Assert.Equal(RecoveryChannels.None, cell.Channels);
        Assert.Equal(default, cell.Cost);
    }

    [Theory]
    [InlineData(ValueTier.Low)]
    [InlineData(ValueTier.Mid)]
    [InlineData(ValueTier.High)]
    public void Active_customers_have_no_cell(ValueTier tier)
    {
        Assert.Null(Planner.StrategyFor(ChurnStage.Active, tier));
    }

    [Fact]
    public void Every_cell_of_a_customer_in_churn_names_its_own_stage_and_tier()
    {
        var cells = Enum.GetValues<ChurnStage>().Where(s => s != ChurnStage.Active)
            .SelectMany(s => Enum.GetValues<ValueTier>().Select(t => (s, t, cell: Planner.StrategyFor(s, t))))
            .ToArray();

        Assert.Equal(12, cells.Length);
        Assert.All(cells, c => Assert.Equal((c.s, c.t), (c.cell!.Stage, c.cell.ValueTier)));
        Assert.Equal(8, cells.Count(c => c.cell!.Recover));
    }

    [Fact]
    public void Cells_are_options()
    {
        var options = new ScoringOptions();
        options.Strategy.DeepChurnLow = new StrategyCellOptions
        {
            Owner = null, Channels = RecoveryChannels.Sms, Actions = RecoveryActions.GeneralCoupon, CostMin = 10m, CostMax = 20m, SuccessMin = 0.05, SuccessMax = 0.1,
        };
        var cell = new RecoveryPlanner(options).StrategyFor(ChurnStage.DeepChurn, ValueTier.Low);

        Assert.NotNull(cell);
        Assert.True(cell.Recover);
        Assert.Equal(new MoneyRange(10m, 20m), cell.Cost);
    }

    [Fact]
    public void Unknown_stage_or_tier_has_no_cell()
    {
        Assert.Equal("stage", Assert.Throws<ArgumentOutOfRangeException>(() => Planner.StrategyFor((ChurnStage)9, ValueTier.Low)).ParamName);
        Assert.Equal("valueTier", Assert.Throws<ArgumentOutOfRangeException>(() => Planner.StrategyFor(ChurnStage.PreChurn, (ValueTier)3)).ParamName);
    }
}
