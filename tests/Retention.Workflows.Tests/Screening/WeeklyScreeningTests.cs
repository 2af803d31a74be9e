using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Retention.Scoring;
using Xunit;

namespace Retention.Workflows.Tests.Screening;

/// <summary>workflows.md section 4: the Monday screening turns the base's decisions into one layered list pushed to owners.</summary>
public class WeeklyScreeningTests
{
    private static readonly LocalDate Monday = new(2026, 11, 23);
    private static readonly RecoveryPlanner Planner = new(new ScoringOptions());

    // Customers of samples/rules/cases.csv, decided with the default options.
    private static RecoveryDecision Decide(int daysAway, double appOpens, double cancellation, double? satisfaction, decimal spend, double valueScore, int complaints = 0, bool influence = false, ChurnReason? reason = null, Stickiness stickiness = Stickiness.Low, LostCustomerExceptions lost = LostCustomerExceptions.None) =>
        Planner.Decide(
            new CustomerSignals
            {
                LastVisit = Monday.PlusDays(-daysAway), AppOpensPerMonth = appOpens, CancellationRate = cancellation, Satisfaction = satisfaction,
                AnnualSpend = spend, Complaints = complaints, SocialInfluence = influence,
            },
            Monday,
            valueScore,
            new RecoveryContext { Reason = reason, Stickiness = stickiness, LostExceptions = lost });

    private static readonly RecoveryDecision Red = Decide(170, 0, 1, 1, 6000, 80, reason: ChurnReason.ServiceExperience, stickiness: Stickiness.High);
    private static readonly RecoveryDecision Orange = Decide(150, 0.5, 0.6, 1, 8000, 75, reason: ChurnReason.ServiceExperience, stickiness: Stickiness.Medium);
    private static readonly RecoveryDecision Yellow = Decide(60, 0, 0.5, 0, 4000, 50);
    private static readonly RecoveryDecision DeepRecovery = Decide(200, 1.5, 0.2, 9, 7000, 88, reason: ChurnReason.Price, stickiness: Stickiness.High);
    private static readonly RecoveryDecision PreChurnMid = Decide(95, 3, 0.1, 8, 2500, 40);
    private static readonly RecoveryDecision PreChurnHigh = Decide(95, 3, 0.1, 8, 9000, 90);
    private static readonly RecoveryDecision EarlyChurnMid = Decide(125, 3, 0.1, 8, 3000, 50);
    private static readonly RecoveryDecision LowValuePreChurn = Decide(100, 1, 0.5, 3, 1200, 20, reason: ChurnReason.Price);
    private static readonly RecoveryDecision LostException = Decide(500, 0, 0.5, 5, 3000, 45, lost: LostCustomerExceptions.CustomerContactedStore);
    private static readonly RecoveryDecision Active = Decide(10, 6, 0, 10, 1500, 10);
    private static readonly RecoveryDecision LostForGood = Decide(400, 0, 0.5, 3, 9000, 90);

    [Fact]
    public void The_inputs_are_the_decisions_they_are_meant_to_be()
    {
        Assert.Equal(
            [DecisionRule.RedHighValue, DecisionRule.OrangeHomeVisit, DecisionRule.YellowStandard, DecisionRule.DeepChurnLikelySuccess, DecisionRule.StrategyMatrix, DecisionRule.StrategyMatrix,
                DecisionRule.StrategyMatrix, DecisionRule.LowValueCustomer, DecisionRule.LostException, DecisionRule.ActiveNoRisk, DecisionRule.LostNoException],
            new[] { Red, Orange, Yellow, DeepRecovery, PreChurnMid, PreChurnHigh, EarlyChurnMid, LowValuePreChurn, LostException, Active, LostForGood }.Select(d => d.Rule));
        Assert.Equal((ChurnStage.PreChurn, ValueTier.Mid), (PreChurnMid.Risk.Stage, PreChurnMid.Value.Tier));
        Assert.Equal((ChurnStage.PreChurn, ValueTier.High), (PreChurnHigh.Risk.Stage, PreChurnHigh.Value.Tier));
        Assert.Equal(ChurnStage.EarlyChurn, EarlyChurnMid.Risk.Stage);
        Assert.Equal((ChurnStage.PreChurn, RecoveryVerdict.AutomatedOnly), (LowValuePreChurn.Risk.Stage, LowValuePreChurn.Verdict));
    }

    [Fact]
    public void Every_customer_to_act_on_is_listed_by_layer_with_the_decision_s_owner_and_the_workflow_to_start()
    {
        ScreeningCustomer[] customers =
        [
            new("C-active", Active), new("C-pre-mid", PreChurnMid), new("C-lost", LostForGood), new("C-yellow", Yellow), new("C-pre-high", PreChurnHigh),
            new("C-low", LowValuePreChurn), new("C-red", Red), new("C-exception", LostException), new("C-early", EarlyChurnMid), new("C-deep", DeepRecovery), new("C-orange", Orange),
        ];

        var list = WeeklyScreening.Screen(customers, Monday);

        Assert.Equal(Monday, list.ScreenedOn);
        Assert.Equal(
            [
                ("C-red", ScreeningLayer.Red, "risk.red"), ("C-orange", ScreeningLayer.Orange, "risk.orange"), ("C-yellow", ScreeningLayer.Yellow, "risk.yellow"),
                ("C-deep", ScreeningLayer.DeepChurn, "churn.deep"), ("C-early", ScreeningLayer.EarlyChurn, "churn.early"), ("C-pre-high", ScreeningLayer.PreChurnHigh, "churn.pre"),
                ("C-pre-mid", ScreeningLayer.PreChurnMid, "churn.pre"), ("C-low", ScreeningLayer.PreChurnLow, "churn.pre"), ("C-exception", ScreeningLayer.LostException, (string?)null),
            ],
            list.Entries.Select(e => (e.CustomerId, e.Layer, e.WorkflowId)));
        Assert.Equal((1, 1), (list.NotNeeded, list.DoNotRecover));
        Assert.Empty(list.Problems);
        Assert.All(list.Entries, e => Assert.Equal(customers[e.Index].Decision, e.Decision));
        Assert.All(list.Entries, e => Assert.Equal(e.Decision.Owner, e.Owner));
        Assert.Equal(StaffRole.GeneralManager, list.Entries[0].Owner);
        Assert.Equal(8, list.ToStart().Length); // the lost-customer exception has no built-in workflow
        Assert.Equal(["C-red"], list.In(ScreeningLayer.Red).Select(e => e.CustomerId));
        Assert.All(list.For(StaffRole.StoreManager), e => Assert.Equal(StaffRole.StoreManager, e.Owner));
    }

    [Fact]
    public void The_entry_s_context_starts_the_workflow_down_the_right_branch()
    {
        var list = WeeklyScreening.Screen([new("C-low", LowValuePreChurn), new("C-high", PreChurnHigh), new("C-orange", Orange)], Monday);
        var engine = new WorkflowEngine(BuiltInWorkflows.Register(WorkflowRegistry.Empty));

        string FirstOutreach(ScreeningEntry e)
        {
            var definition = BuiltInWorkflows.All.Single(d => d.Id == e.WorkflowId);
            var start = Monday.AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant();
            var i = engine.Start(definition, e.CustomerId, e.Context, start).Instance;
            return engine.Apply(i, new StepCompleted(i.ActiveStep!.StepId, StepOutcomes.Done, start), start).Instance.ActiveStep!.StepId;
        }

        var low = list.Entries.Single(e => e.CustomerId == "C-low");
        var high = list.Entries.Single(e => e.CustomerId == "C-high");
        var orange = list.Entries.Single(e => e.CustomerId == "C-orange");

        // The automated-only verdict puts a customer on the automated path even when the value tier would call for a person.
        Assert.Equal("Low", low.Context.Values[BuiltInWorkflows.ValueTierKey]);
        Assert.Equal("outreach-low", FirstOutreach(low));
        Assert.Equal("outreach-high", FirstOutreach(high));
        Assert.Equal((RiskTier?)RiskTier.Orange, orange.Context.RiskTier);
        Assert.Equal(75, orange.Context.ValueScore);
    }

    [Fact]
    public void A_workflow_already_running_is_listed_but_not_started_again()
    {
        var list = WeeklyScreening.Screen([new("C1", Red, OpenWorkflowId: "risk.red"), new("C2", Red, OpenWorkflowId: "risk.orange")], Monday);

        Assert.Equal([(true, false), (false, true)], list.Entries.Select(e => (e.AlreadyRunning, e.Start)));
        Assert.Equal(["C2"], list.ToStart().Select(e => e.CustomerId));
    }

    [Fact]
    public void Within_a_layer_the_highest_value_score_comes_first_then_the_customer_id()
    {
        var lower = Decide(95, 3, 0.1, 8, 2500, 30);
        var list = WeeklyScreening.Screen([new("B", lower), new("C", PreChurnMid), new("A", PreChurnMid)], Monday);

        Assert.Equal(["A", "C", "B"], list.Entries.Select(e => e.CustomerId));
    }

    [Fact]
    public void Bad_records_are_reported_by_index_and_the_rest_are_screened()
    {
        var list = WeeklyScreening.Screen([new("", Red), new("C2", null!), new("C3", Orange)], Monday);

        Assert.Equal([0, 1], list.Problems.Select(p => p.Index));
        Assert.Contains("customers[0]", list.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("C2", list.Problems[1].Message, StringComparison.Ordinal);
        Assert.Equal(["C3"], list.Entries.Select(e => e.CustomerId));
    }

    [Fact]
    public void An_empty_base_gives_an_empty_list()
    {
        var list = WeeklyScreening.Screen([], Monday);

        Assert.Empty(list.Entries);
        Assert.Equal((0, 0), (list.NotNeeded, list.DoNotRecover));
    }

    // ---- properties ----

    private static readonly Gen<ScreeningCustomer> Customer =
        from days in Gen.Choose(0, 600)
        from opens in Gen.Choose(0, 10)
        from cancel in Gen.Choose(0, 10)
        from satisfaction in Gen.Choose(0, 10)
        from spend in Gen.Choose(0, 20_000)
        from complaints in Gen.Choose(0, 4)
        from influence in Gen.Elements(true, false)
        from score in Gen.Choose(0, 100)
        from reason in Gen.Elements<ChurnReason?>(null, ChurnReason.Price, ChurnReason.ServiceExperience, ChurnReason.MovedOrChangedCar)
        from id in Gen.Choose(0, 50)
        from open in Gen.Elements<string?>(null, "risk.red", "churn.pre")
        select new ScreeningCustomer("C" + id, Decide(days, opens, cancel / 10.0, satisfaction, spend, score, complaints, influence, reason), open);

    [Property(MaxTest = 200)]
    public Property Every_customer_is_listed_once_or_counted_and_the_list_is_in_layer_order() =>
        Prop.ForAll(Gen.ArrayOf(Customer).ToArbitrary(), customers =>
        {
            var list = WeeklyScreening.Screen(customers, Monday);

            Assert.Equal(customers.Length, list.Entries.Length + list.NotNeeded + list.DoNotRecover);
            Assert.Equal(list.Entries.Length, list.Entries.Select(e => e.Index).Distinct().Count());
            Assert.All(list.Entries, e => Assert.True(e.Decision.Verdict is not (RecoveryVerdict.NotNeeded or RecoveryVerdict.DoNotRecover)));
            Assert.All(list.Entries.Zip(list.Entries.Skip(1)), p => Assert.True(p.First.Layer <= p.Second.Layer));
            Assert.All(list.Entries, e => Assert.Equal(e.WorkflowId is not null && e.WorkflowId == customers[e.Index].OpenWorkflowId, e.AlreadyRunning));
            Assert.All(list.Entries.Where(e => e.Decision.Risk.Tier >= RiskTier.Yellow && e.Layer <= ScreeningLayer.Yellow), e => Assert.StartsWith("risk.", e.WorkflowId, StringComparison.Ordinal));
            Assert.All(list.Entries.Where(e => e.WorkflowId is not null), e => Assert.Contains(BuiltInWorkflows.All, d => d.Id == e.WorkflowId));
        });
}
