using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Retention.Scoring.Tests.Support;
using Xunit;
using static Retention.Scoring.Tests.Support.Customers;

namespace Retention.Scoring.Tests;

/// <summary>scoring.md section 9: the recovery decision.</summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
public class RecoveryDecisionTests
{
    private static readonly RecoveryContext Price = new() { Reason = ChurnReason.Price };

    /// <summary>One hand-made customer per rule (and per branch of a rule), with the rule and verdict the spec expects.</summary>
    private static readonly Dictionary<string, (DecisionRule Rule, RecoveryVerdict Verdict, Func<RecoveryDecision> Decide)> Cases = new()
    {
        ["active customer"] = (DecisionRule.ActiveNoRisk, RecoveryVerdict.NotNeeded, () => Planner.Decide(Content(30), AsOf, 50)),
        ["lost, no exception"] = (DecisionRule.LostNoException, RecoveryVerdict.DoNotRecover, () => Planner.Decide(Content(400), AsOf, 95)),
        ["lost, customer contacted the store"] = (DecisionRule.LostException, RecoveryVerdict.Recover,
            () => Planner.Decide(Content(400), AsOf, 50, new RecoveryContext { LostExceptions = LostCustomerExceptions.CustomerContactedStore })),
        ["lost, competitor closed"] = (DecisionRule.LostException, RecoveryVerdict.Recover,
            () => Planner.Decide(Content(400), AsOf, 50, new RecoveryContext { LostExceptions = LostCustomerExceptions.CompetitorClosed })),
        ["lost, moved back"] = (DecisionRule.LostException, RecoveryVerdict.Recover,
            () => Planner.Decide(Content(400), AsOf, 50, new RecoveryContext { LostExceptions = LostCustomerExceptions.MovedBack })),
        ["lost, influential high-value customer"] = (DecisionRule.LostException, RecoveryVerdict.Recover,
            () => Planner.Decide(Content(400, 6000m) with { SocialInfluence = true }, AsOf, 50)),
        ["problem customer with 3 complaints"] = (DecisionRule.ProblemCustomer, RecoveryVerdict.DoNotRecover,
            () => Planner.Decide(Content(100) with { Complaints = 3 }, AsOf, 90)),
        ["deep churn, annual spend 5000 not above 5000"] = (DecisionRule.DeepChurnLowSpend, RecoveryVerdict.DoNotRecover,
            () => Planner.Decide(Content(200, 5000m), AsOf, 90, Price)),
        ["deep churn, moved or changed car"] = (DecisionRule.DeepChurnUnsolvableReason, RecoveryVerdict.DoNotRecover,
            () => Planner.Decide(Content(200, 6000m), AsOf, 90, new RecoveryContext { Reason = ChurnReason.MovedOrChangedCar })),
        ["deep churn, social influence"] = (DecisionRule.DeepChurnSocialInfluence, RecoveryVerdict.HighPriorityRecovery,
            () => Planner.Decide(Content(200, 6000m) with { SocialInfluence = true }, AsOf, 90, Price)),
        ["deep churn, likely success (3.8 -> 46 %)"] = (DecisionRule.DeepChurnLikelySuccess, RecoveryVerdict.DeepRecovery,
            () => Planner.Decide(Content(200, 6000m), AsOf, 90, Price with { Stickiness = Stickiness.High, HistoricalSatisfaction = 9 })),
        ["deep churn, unlikely success (1.8 -> 13.5 %)"] = (DecisionRule.DeepChurnUnlikelySuccess, RecoveryVerdict.DoNotRecover,
            () => Planner.Decide(Content(200, 6000m) with { Satisfaction = 3 }, AsOf, 90, new RecoveryContext { Reason = ChurnReason.Other, Stickiness = Stickiness.Low })),
        ["low value in pre-churn"] = (DecisionRule.LowValueCustomer, RecoveryVerdict.AutomatedOnly, () => Planner.Decide(Content(100, 1000m), AsOf, 10)),
        ["red tier, value score 85"] = (DecisionRule.RedHighValue, RecoveryVerdict.FullRecovery, () => Planner.Decide(Unhappy(170), AsOf, 85)),
        ["red tier, value score 70"] = (DecisionRule.RedMidValue, RecoveryVerdict.MakeEffort, () => Planner.Decide(Unhappy(170), AsOf, 70)),
        ["red tier, value score 50"] = (DecisionRule.RedLowValue, RecoveryVerdict.PoliteFarewell, () => Planner.Decide(Unhappy(170), AsOf, 50)),
        ["orange tier, value score 75"] = (DecisionRule.OrangeHomeVisit, RecoveryVerdict.Recover, () => Planner.Decide(Unhappy(150), AsOf, 75)),
        ["orange tier, value score 70"] = (DecisionRule.OrangeStandard, RecoveryVerdict.Recover, () => Planner.Decide(Unhappy(150), AsOf, 70)),
        ["yellow tier"] = (DecisionRule.YellowStandard, RecoveryVerdict.Recover, () => Planner.Decide(Unhappy(30), AsOf, 50)),
        ["pre-churn, mid value"] = (DecisionRule.StrategyMatrix, RecoveryVerdict.Recover, () => Planner.Decide(Content(100), AsOf, 50)),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_hand_made_customer_gets_the_rule_and_verdict_of_the_spec(string name)
    {
        var (rule, verdict, decide) = Cases[name];
        var decision = decide();

        Assert.Equal(rule, decision.Rule);
        Assert.Equal(verdict, decision.Verdict);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Every_decision_gives_its_reason_in_zh_CN_and_en(string name)
    {
        var reason = Cases[name].Decide().Reason;

        Assert.False(string.IsNullOrWhiteSpace(reason.ZhCn));
        Assert.False(string.IsNullOrWhiteSpace(reason.En));
        Assert.True(HasCjk(reason.ZhCn), reason.ZhCn);
        Assert.True(IsLatin(reason.En), reason.En);
        Assert.Equal(reason.ZhCn, reason.Get("zh-CN"));
        Assert.Equal(reason.En, reason.Get("en-GB"));
        foreach (string enumName in Enum.GetNames<ChurnStage>().Concat(Enum.GetNames<StaffRole>()).Where(n => n.Any(char.IsUpper) && n.Skip(1).Any(char.IsUpper)))
        {
            Assert.DoesNotContain(enumName, reason.ZhCn + reason.En, StringComparison.Ordinal); // words, not enum names such as PreChurn
        }
    }

    [Fact]
    public void Every_decision_rule_is_reachable_with_a_hand_made_customer()
    {
        var reached = Cases.Values.Select(c => c.Decide().Rule).ToHashSet();

        Assert.Equal(Enum.GetValues<DecisionRule>().ToHashSet(), reached);
    }

    [Fact]
    public void Active_customer_needs_nothing_and_gets_no_budget()
    {
        var d = Planner.Decide(Content(30), AsOf, 99);

        Assert.False(d.Recovers);
        Assert.Equal(0m, d.Budget);
        Assert.Null(d.Owner);
        Assert.Null(d.RespondWithin);
        Assert.Equal(RecoveryChannels.None, d.Channels);
    }

    [Fact]
    public void Lost_customer_is_not_recovered_even_with_a_high_value_score()
    {
        var d = Planner.Decide(Content(365, 20_000m), AsOf, 100);

        Assert.Equal(DecisionRule.LostNoException, d.Rule);
        Assert.False(d.Recovers);
        Assert.Equal(0m, d.Budget);
    }

    [Fact]
    public void Lost_exception_is_handled_by_the_store_manager_within_the_value_based_cap()
    {
        var d = Planner.Decide(Content(400), AsOf, 50, new RecoveryContext { LostExceptions = LostCustomerExceptions.CompetitorClosed | LostCustomerExceptions.MovedBack });

        Assert.Equal(StaffRole.StoreManager, d.Owner);
        Assert.Equal(420m, d.Budget);
        Assert.Equal(420m, d.MaxRecoveryCost);
        Assert.Contains("competing store closed", d.Reason.En, StringComparison.Ordinal);
        Assert.Contains("moved back", d.Reason.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5000, true, true, DecisionRule.LostNoException)] // mid value: not an exception
    [InlineData(6000, false, true, DecisionRule.LostNoException)] // no influence
    [InlineData(6000, true, false, DecisionRule.LostNoException)] // option off
    [InlineData(6000, true, true, DecisionRule.LostException)]
    public void Lost_influential_customer_is_an_exception_only_when_high_value_and_the_option_allows(int spend, bool influence, bool option, DecisionRule rule)
    {
        var options = new ScoringOptions();
        options.Decision.LostHighValueInfluencerIsException = option;
        var d = new RecoveryPlanner(options).Decide(Content(400, spend) with { SocialInfluence = influence }, AsOf, 50);

        Assert.Equal(rule, d.Rule);
    }

    [Theory]
    [InlineData(2, 100, DecisionRule.StrategyMatrix)]
    [InlineData(3, 100, DecisionRule.ProblemCustomer)]
    [InlineData(10, 170, DecisionRule.ProblemCustomer)] // even in the red tier
    [InlineData(3, 30, DecisionRule.ProblemCustomer)] // yellow tier, active
    [InlineData(3, 10, DecisionRule.ActiveNoRisk)] // not at risk: nothing to decide
    public void Problem_customers_with_3_or_more_complaints_do_not_soak_up_the_budget(int complaints, int days, DecisionRule rule)
    {
        var signals = (days == 170 || days == 30 ? Unhappy(days) : Content(days)) with { Complaints = complaints };
        var d = Planner.Decide(signals, AsOf, 95);

        Assert.Equal(rule, d.Rule);
        if (rule == DecisionRule.ProblemCustomer)
        {
            Assert.Equal(RecoveryVerdict.DoNotRecover, d.Verdict);
            Assert.Equal(0m, d.Budget);
        }
    }

    [Theory]
    [InlineData(LimitedRecoveryPolicy.DoNotRecover, RecoveryVerdict.DoNotRecover, DecisionRule.ProblemCustomer, 0)]
    [InlineData(LimitedRecoveryPolicy.CheapestAutomated, RecoveryVerdict.AutomatedOnly, DecisionRule.ProblemCustomer, 50)]
    [InlineData(LimitedRecoveryPolicy.Standard, RecoveryVerdict.Recover, DecisionRule.StrategyMatrix, 400)]
    public void Problem_customer_policy_is_an_option(LimitedRecoveryPolicy policy, RecoveryVerdict verdict, DecisionRule rule, int budget)
    {
        var options = new ScoringOptions();
        options.Decision.ProblemCustomers = policy;
        var d = new RecoveryPlanner(options).Decide(Content(100) with { Complaints = 4 }, AsOf, 50);

        Assert.Equal((verdict, rule, (decimal)budget), (d.Verdict, d.Rule, d.Budget));
    }

    [Fact]
    public void Low_value_customer_gets_only_the_cheapest_automated_path()
    {
        var d = Planner.Decide(Unhappy(170, 1999.99m), AsOf, 95); // red tier, but low value

        Assert.Equal(DecisionRule.LowValueCustomer, d.Rule);
        Assert.Equal(RecoveryVerdict.AutomatedOnly, d.Verdict);
        Assert.Null(d.Owner);
        Assert.Equal(RecoveryChannels.Sms | RecoveryChannels.AppPush, d.Channels);
        Assert.Equal(RecoveryActions.GeneralCoupon, d.Actions);
        Assert.Equal(50m, d.Budget);
        Assert.True(d.Recovers);
    }

    [Theory]
    [InlineData(LimitedRecoveryPolicy.DoNotRecover, RecoveryVerdict.DoNotRecover, DecisionRule.LowValueCustomer, 0)]
    [InlineData(LimitedRecoveryPolicy.Standard, RecoveryVerdict.AutomatedOnly, DecisionRule.StrategyMatrix, 100)]
    public void Low_value_policy_is_an_option(LimitedRecoveryPolicy policy, RecoveryVerdict verdict, DecisionRule rule, int budget)
    {
        var options = new ScoringOptions();
        options.Decision.LowValueCustomers = policy;
        var d = new RecoveryPlanner(options).Decide(Content(100, 1000m), AsOf, 50);

        Assert.Equal((verdict, rule, (decimal)budget), (d.Verdict, d.Rule, d.Budget));
    }

    [Theory]
    [InlineData(5000.00, DecisionRule.DeepChurnLowSpend)]
    [InlineData(5000.01, DecisionRule.DeepChurnLikelySuccess)] // total 2.6: 24 % > 20 %
    public void Deep_churn_gives_up_unless_annual_spend_is_above_5000(double spend, DecisionRule rule)
    {
        Assert.Equal(rule, Planner.Decide(Content(200, (decimal)spend), AsOf, 90).Rule);
    }

    [Fact]
    public void Deep_churn_with_social_influence_is_a_high_priority_executive_recovery()
    {
        var d = Cases["deep churn, social influence"].Decide();

        Assert.Equal(StaffRole.GeneralManager, d.Owner);
        Assert.Equal(RecoveryChannels.HomeVisit, d.Channels);
        Assert.Equal(3000m, d.Budget);
        Assert.True(d.Actions.HasFlag(RecoveryActions.DeepDiagnosis | RecoveryActions.TailoredPlan | RecoveryActions.ValueComparison));
    }

    [Fact]
    public void Deep_churn_success_must_be_above_20_percent()
    {
        var likely = Cases["deep churn, likely success (3.8 -> 46 %)"].Decide();
        var unlikely = Cases["deep churn, unlikely success (1.8 -> 13.5 %)"].Decide();

        Assert.Equal(0.46, likely.Success.Probability, 9);
        Assert.Equal(3000m, likely.Budget);
        Assert.Equal(0.135, unlikely.Success.Probability, 9);
        Assert.Equal(0m, unlikely.Budget);
    }

    [Theory]
    [InlineData(100.0, RecoveryVerdict.FullRecovery, DecisionRule.RedHighValue, 3000)]
    [InlineData(85.0, RecoveryVerdict.FullRecovery, DecisionRule.RedHighValue, 3000)]
    [InlineData(80.0, RecoveryVerdict.FullRecovery, DecisionRule.RedHighValue, 3000)]
    [InlineData(79.99, RecoveryVerdict.MakeEffort, DecisionRule.RedMidValue, 2000)]
    [InlineData(70.0, RecoveryVerdict.MakeEffort, DecisionRule.RedMidValue, 2000)]
    [InlineData(60.0, RecoveryVerdict.MakeEffort, DecisionRule.RedMidValue, 2000)]
    [InlineData(59.99, RecoveryVerdict.PoliteFarewell, DecisionRule.RedLowValue, 500)]
    [InlineData(50.0, RecoveryVerdict.PoliteFarewell, DecisionRule.RedLowValue, 500)]
    [InlineData(0.0, RecoveryVerdict.PoliteFarewell, DecisionRule.RedLowValue, 500)]
    public void Red_tier_budget_is_3000_from_value_80_2000_from_60_and_500_below(double valueScore, RecoveryVerdict verdict, DecisionRule rule, int budget)
    {
        var d = Planner.Decide(Unhappy(170), AsOf, valueScore);

        Assert.Equal(RiskTier.Red, d.Risk.Tier);
        Assert.Equal((verdict, rule, (decimal)budget), (d.Verdict, d.Rule, d.Budget));
        Assert.Equal(StaffRole.GeneralManager, d.Owner);
        Assert.Equal(Duration.FromHours(24), d.RespondWithin);
        Assert.True(d.BudgetExceedsValueCap); // 420 is the value-based cap of a 3000 / year customer
    }

    [Theory]
    [InlineData(75.0, DecisionRule.OrangeHomeVisit, RecoveryChannels.HomeVisit, 1500)]
    [InlineData(70.01, DecisionRule.OrangeHomeVisit, RecoveryChannels.HomeVisit, 1500)]
    [InlineData(70.0, DecisionRule.OrangeStandard, RecoveryChannels.Phone, 800)]
    [InlineData(10.0, DecisionRule.OrangeStandard, RecoveryChannels.Phone, 800)]
    public void Orange_tier_recommends_a_home_visit_only_above_value_70(double valueScore, DecisionRule rule, RecoveryChannels channels, int budget)
    {
        var d = Planner.Decide(Unhappy(150), AsOf, valueScore);

        Assert.Equal(RiskTier.Orange, d.Risk.Tier);
        Assert.Equal((rule, channels, (decimal)budget), (d.Rule, d.Channels, d.Budget));
        Assert.Equal(StaffRole.StoreManager, d.Owner);
        Assert.Equal(Duration.FromDays(3), d.RespondWithin);
    }

    [Fact]
    public void Yellow_tier_is_the_supervisors_standard_response_within_7_days()
    {
        var d = Planner.Decide(Unhappy(30), AsOf, 50);

        Assert.Equal(RiskTier.Yellow, d.Risk.Tier);
        Assert.Equal(StaffRole.CustomerServiceSupervisor, d.Owner);
        Assert.Equal(500m, d.Budget);
        Assert.Equal(Duration.FromDays(7), d.RespondWithin);
        Assert.Contains("7 days", d.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Pre_churn_mid_value_customer_without_risk_tier_follows_the_strategy_matrix()
    {
        var d = Planner.Decide(Content(100), AsOf, 50, Price);

        Assert.Equal(ChurnStage.PreChurn, d.Risk.Stage);
        Assert.Equal(RiskTier.None, d.Risk.Tier);
        Assert.Equal(ValueTier.Mid, d.Value.Tier);
        Assert.Equal(StaffRole.ServiceAdvisor, d.Owner);
        Assert.Equal(RecoveryChannels.Phone, d.Channels);
        Assert.Equal(400m, d.Budget);
        Assert.Null(d.RespondWithin);
        Assert.Equal(
            RecoveryActions.MaintenanceReminder | RecoveryActions.SmallOffer | RecoveryActions.MembershipPoints | RecoveryActions.ExclusiveBenefits | RecoveryActions.ValueComparison,
            d.Actions);
        Assert.Contains("45-55 %", d.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_do_not_recover_cell_outside_the_deep_churn_tree_means_do_not_recover()
    {
        var options = new ScoringOptions();
        options.Strategy.EarlyChurnMid = new StrategyCellOptions { Recover = false };
        var d = new RecoveryPlanner(options).Decide(Content(130), AsOf, 50);

        Assert.Equal((RecoveryVerdict.DoNotRecover, DecisionRule.StrategyMatrix, 0m), (d.Verdict, d.Rule, d.Budget));
    }

    [Fact]
    public void Deep_churn_in_a_do_not_recover_cell_is_not_recovered_even_below_a_lowered_spend_line()
    {
        // Found by the options property: with the spend line below the low-value tier, the tree used to
        // return a high-priority recovery with no owner, no channel and no budget.
        var options = new ScoringOptions();
        options.Decision.DeepChurnMinimumAnnualSpend = 1000m;
        var planner = new RecoveryPlanner(options);

        var low = planner.Decide(Content(200, 1500m) with { SocialInfluence = true }, AsOf, 90, Price);
        var mid = planner.Decide(Content(200, 3000m) with { SocialInfluence = true }, AsOf, 90, Price);

        Assert.Equal((RecoveryVerdict.DoNotRecover, DecisionRule.StrategyMatrix, 0m), (low.Verdict, low.Rule, low.Budget));
        Assert.True(HasCjk(low.Reason.ZhCn));
        Assert.Equal((RecoveryVerdict.HighPriorityRecovery, DecisionRule.DeepChurnSocialInfluence, 1000m), (mid.Verdict, mid.Rule, mid.Budget));
        Assert.Equal(RecoveryChannels.Phone | RecoveryChannels.WeChat, mid.Channels);
    }

    [Fact]
    public void Yellow_tier_response_in_a_do_not_recover_cell_still_says_how_to_reach_the_customer()
    {
        var options = new ScoringOptions();
        options.Strategy.PreChurnMid = new StrategyCellOptions { Recover = false };
        var d = new RecoveryPlanner(options).Decide(Unhappy(100), AsOf, 50); // 73 points: yellow, pre-churn, mid value

        Assert.Equal((RiskTier.Yellow, ChurnStage.PreChurn), (d.Risk.Tier, d.Risk.Stage));
        Assert.Equal(DecisionRule.YellowStandard, d.Rule);
        Assert.Equal(RecoveryChannels.Phone, d.Channels);
        Assert.Equal(500m, d.Budget);
    }

    [Fact]
    public void Yellow_tier_response_uses_the_channels_of_a_recovering_cell()
    {
        var options = new ScoringOptions();
        options.Decision.LowValueCustomers = LimitedRecoveryPolicy.Standard;
        var d = new RecoveryPlanner(options).Decide(Unhappy(100, 1000m), AsOf, 50);

        Assert.Equal(DecisionRule.YellowStandard, d.Rule);
        Assert.Equal(RecoveryChannels.Sms | RecoveryChannels.AppPush, d.Channels);
        Assert.Equal(RecoveryActions.GeneralCoupon, d.Actions);
    }

    [Fact]
    public void Value_score_can_come_from_the_stores_CLV_distribution()
    {
        var distribution = ValueDistribution.Create(Enumerable.Range(1, 10).Select(i => Valuation.LifetimeValue(i * 1000m)).ToArray());
        var vip = Planner.Decide(Unhappy(170, 9000m), AsOf, distribution); // CLV 22000: value score 80
        var other = Planner.Decide(Unhappy(170, 8000m), AsOf, distribution); // CLV 19500: value score 70

        Assert.Equal(80, vip.Value.ValueScore);
        Assert.Equal(DecisionRule.RedHighValue, vip.Rule);
        Assert.Equal(DecisionRule.RedMidValue, other.Rule);
    }

    [Fact]
    public void Bad_value_score_or_signal_is_bad_input()
    {
        Assert.Equal("valueScore", Assert.Throws<ArgumentOutOfRangeException>(() => Planner.Decide(Content(100), AsOf, 100.5)).ParamName);
        Assert.Equal("valueScore", Assert.Throws<ArgumentOutOfRangeException>(() => Planner.Decide(Content(100), AsOf, double.NaN)).ParamName);
        var e = Assert.Throws<InvalidSignalException>(() => Planner.Decide(Content(100) with { Complaints = -1 }, AsOf, 50));
        Assert.Equal(SignalField.Complaints, e.Field);
        Assert.Throws<ArgumentNullException>(() => Planner.Decide(Content(100), AsOf, (ValueDistribution)null!));
    }

    // ---- properties ----

    [Property]
    public bool Every_decision_with_default_options_explains_itself_in_both_locales(Customer c, Fraction valueScore, byte reason, byte stickiness)
    {
        var context = new RecoveryContext { Reason = (ChurnReason)(reason % 5), Stickiness = (Stickiness)(stickiness % 3) };
        var d = Planner.Decide(c.Signals, c.AsOf, valueScore.Value * 100, context);
        return HasCjk(d.Reason.ZhCn) && IsLatin(d.Reason.En) && Enum.IsDefined(d.Rule)
            && d.Risk == Scorer.Score(c.Signals, c.AsOf) && d.Budget >= 0;
    }

    [Property(MaxTest = 500)]
    public void For_any_valid_options_a_decision_that_recovers_says_how_and_one_that_does_not_spends_nothing(ValidOptions o, Customer c, Fraction valueScore, byte reason, byte stickiness)
    {
        var context = new RecoveryContext { Reason = (ChurnReason)(reason % 5), Stickiness = (Stickiness)(stickiness % 3) };
        var d = new RecoveryPlanner(o.Options).Decide(c.Signals, c.AsOf, valueScore.Value * 100, context);

        Assert.True(Enum.IsDefined(d.Rule));
        Assert.True(d.Budget >= 0);
        if (d.Recovers)
        {
            Assert.NotEqual(RecoveryChannels.None, d.Channels);
        }
        else
        {
            Assert.Equal((0m, RecoveryChannels.None, (StaffRole?)null), (d.Budget, d.Channels, d.Owner));
        }
    }

    [Property]
    public bool Lost_customers_are_never_recovered_without_an_exception(Customer c, Fraction valueScore)
    {
        var lost = c.Signals with { LastVisit = c.AsOf.PlusDays(-365 - (c.Days % 1000)), SocialInfluence = false };
        var d = Planner.Decide(lost, c.AsOf, valueScore.Value * 100);
        return d.Rule == DecisionRule.LostNoException && !d.Recovers && d.Budget == 0;
    }

    [Property]
    public bool Customers_who_must_not_soak_up_the_budget_never_get_more_than_the_automated_path(Customer c, Fraction valueScore)
    {
        var d = Planner.Decide(c.Signals, c.AsOf, valueScore.Value * 100);
        bool limited = (c.Signals.Complaints >= 3 || c.Signals.AnnualSpend < 2000m) && d.Risk.Stage != ChurnStage.Lost;
        return !limited || d.Budget <= 50m;
    }
}
