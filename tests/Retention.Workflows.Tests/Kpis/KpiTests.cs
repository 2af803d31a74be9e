using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests.Kpis;

/// <summary>Spec section 8: each KPI on both sides of its target, the playbook's ROI example, and "no data" for empty input.</summary>
public class KpiTests
{
    private static readonly WorkflowKpis Kpis = new(new KpiOptions());
    private static readonly Instant AsOf = Start + Duration.FromDays(7);
    private static readonly Instant Due = Start + Duration.FromDays(2);

    /// <summary>A recovery instance: the first step ("call") as given, optionally a "plan" step, an outcome and a booking.</summary>
    private static WorkflowInstance Case(
        RiskTier tier,
        StepStatus call = StepStatus.Done,
        string? outcome = "Done",
        bool late = false,
        StepStatus? plan = null,
        WorkflowOutcome? finish = null,
        bool booked = false,
        ImmutableLog log = default,
        Instant? doneAt = null)
    {
        var callState = new StepState(
            "call", StaffRole.CustomerServiceSupervisor, call, ReachedAt: Start, OpensAt: Start, DueAt: Due,
            CompletedAt: call == StepStatus.Done ? doneAt ?? (late ? Due + Duration.FromHours(1) : Start + Duration.FromHours(3)) : null,
            Outcome: call == StepStatus.Done ? outcome : null);
        var steps = new List<StepState> { callState };
        if (plan is { } p)
        {
            steps.Add(new StepState("plan", StaffRole.CustomerServiceSupervisor, p, ReachedAt: Start, DueAt: Due, CompletedAt: p == StepStatus.Done ? Start + Duration.FromHours(5) : null, Outcome: p == StepStatus.Done ? "Done" : null));
        }

        return new WorkflowInstance(
            "risk." + tier.ToString().ToLowerInvariant(), 1, "C" + Guid.NewGuid().ToString("N"), Start, new WorkflowContext(tier, storeZoneId: "Asia/Shanghai"), [.. steps],
            finish, finish is null ? null : AsOf, booked ? new LocalDate(2026, 3, 14) : null, log: log.Events);
    }

    private static WorkflowInstance[] Many(int n, Func<int, WorkflowInstance> make) => [.. Enumerable.Range(0, n).Select(make)];

    private static Kpi Get(IEnumerable<Kpi> kpis, string id) => kpis.Single(k => k.Id == id);

    private static void AssertKpi(Kpi kpi, double value, bool met)
    {
        Assert.NotNull(kpi.Value);
        Assert.Equal(value, kpi.Value!.Value, 4);
        Assert.Equal(met, kpi.Met);
    }

    [Fact]
    public void Playbook_roi_example_is_566_7_percent_and_meets_the_300_percent_target()
    {
        var roi = new RecoveryRoiFigures(30, 15, 5, 12_000m, 18_000m, 15_000m, 300_000m);
        var kpi = Get(Kpis.Results([], new KpiFigures(Roi: roi)), "results.roi");

        Assert.Equal(50, roi.Recovered);
        Assert.Equal(45_000m, roi.Cost);
        Assert.Equal(5.667, kpi.Value!.Value, 3);
        Assert.Equal("566.7 %", kpi.Format(kpi.Value.Value));
        Assert.True(kpi.Met);
        Assert.Equal(50, kpi.Count);

        // Exactly 300 % is not "more than 300 %".
        AssertKpi(Get(Kpis.Results([], new KpiFigures(Roi: new RecoveryRoiFigures(30, 15, 5, 12_000m, 18_000m, 15_000m, 180_000m))), "results.roi"), 3.0, false);
    }

    [Fact]
    public void A_follow_up_case_is_read_from_the_visit_s_follow_up_instance()
    {
        var engine = new WorkflowEngine(BuiltInWorkflows.Register(WorkflowRegistry.Empty));
        var router = new CaseRouter(new RoutingOptions());
        WorkflowInstance Begin(FollowUpFacts facts)
        {
            var i = engine.Start(BuiltInWorkflows.PostServiceFollowUp, "C1", router.RouteFollowUp(facts).ApplyTo(new WorkflowContext(storeZoneId: "Asia/Shanghai")), Start).Instance;
            return engine.Apply(i, new StepCompleted("immediate", StepOutcomes.Done, Start + Duration.FromMinutes(5)), Start + Duration.FromMinutes(5)).Instance;
        }

        // Not followed up yet.
        var fresh = Begin(new FollowUpFacts(IsVip: true));
        Assert.Equal(new FollowUpCase(Start, null), Kpis.FollowUpCaseOf(fresh));

        // The advisor's call answered at 30 h.
        var at30 = Start + Duration.FromHours(30);
        var called = engine.Apply(fresh, new StepCompleted("first-call", StepOutcomes.Done, at30), at30).Instance;
        Assert.Equal(new FollowUpCase(Start, at30, Answered: true), Kpis.FollowUpCaseOf(called));

        // Recovery care: no answer at 3 h, then the advisor's call at 26 h finds a problem that got solved.
        var at3 = Start + Duration.FromHours(3);
        var at26 = Start + Duration.FromHours(26);
        var care = engine.Apply(Begin(new FollowUpFacts(RedRecoveryCare: true)), new StepCompleted("care-call", StepOutcomes.NoAnswer, at3), at3).Instance;
        care = engine.Apply(care, new StepCompleted("first-call", "Problem", at26), at26).Instance;
        Assert.Equal(new FollowUpCase(Start, at3, true, true, true, "noise"), Kpis.FollowUpCaseOf(care, problemSolved: true, problem: "noise"));

        // Unanswered so far: attempted, not answered.
        var unanswered = engine.Apply(Begin(new FollowUpFacts(RedRecoveryCare: true)), new StepCompleted("care-call", StepOutcomes.NoAnswer, at3), at3).Instance;
        Assert.Equal(new FollowUpCase(Start, at3, Answered: false), Kpis.FollowUpCaseOf(unanswered));
    }

    [Fact]
    public void A_follow_up_case_of_the_wrong_workflow_or_with_a_solved_problem_never_found_is_rejected()
    {
        var engine = new WorkflowEngine(BuiltInWorkflows.Register(WorkflowRegistry.Empty));
        var yellow = engine.Start(BuiltInWorkflows.YellowRecovery, "C1", new WorkflowContext(RiskTier.Yellow, storeZoneId: "Asia/Shanghai"), Start).Instance;
        var followUp = engine.Start(BuiltInWorkflows.PostServiceFollowUp, "C2", new WorkflowContext(storeZoneId: "Asia/Shanghai"), Start).Instance;

        Assert.Equal("followUp", Assert.Throws<ArgumentException>(() => Kpis.FollowUpCaseOf(yellow)).ParamName);
        Assert.Equal("problemSolved", Assert.Throws<ArgumentException>(() => Kpis.FollowUpCaseOf(followUp, problemSolved: true)).ParamName);
        Assert.Equal("problem", Assert.Throws<ArgumentException>(() => Kpis.FollowUpCaseOf(followUp, problem: "noise")).ParamName);
        Assert.Throws<ArgumentNullException>(() => Kpis.FollowUpCaseOf(null!));
    }

    [Fact]
    public void Alert_handled_on_time_must_be_100_percent_for_every_tier()
    {
        AssertKpi(Get(Kpis.Process([Case(RiskTier.Yellow), Case(RiskTier.Yellow)], AsOf), "process.on-time.yellow"), 1.0, true);
        AssertKpi(Get(Kpis.Process([Case(RiskTier.Orange), Case(RiskTier.Orange, late: true)], AsOf), "process.on-time.orange"), 0.5, false);
        AssertKpi(Get(Kpis.Process([Case(RiskTier.Red), Case(RiskTier.Red, StepStatus.Escalated)], AsOf), "process.on-time.red"), 0.5, false);

        // The due instant is exclusive, as in the engine (Tick makes the step overdue at it): done exactly then is late.
        AssertKpi(Get(Kpis.Process([Case(RiskTier.Yellow, doneAt: Due - Duration.Epsilon), Case(RiskTier.Yellow, doneAt: Due)], AsOf), "process.on-time.yellow"), 0.5, false);

        // Not done and not due yet: not counted.
        Assert.False(Get(Kpis.Process([Case(RiskTier.Red, StepStatus.Due)], Start + Duration.FromHours(1)), "process.on-time.red").HasData);
    }

    [Fact]
    public void Call_answered_must_be_above_80_percent_and_willing_to_talk_above_60_percent()
    {
        var answered4of5 = Many(5, i => Case(RiskTier.Yellow, outcome: i == 0 ? StepOutcomes.NoAnswer : StepOutcomes.Done));
        var answered5of6 = Many(6, i => Case(RiskTier.Yellow, outcome: i == 0 ? StepOutcomes.NoAnswer : StepOutcomes.Done));
        AssertKpi(Get(Kpis.Process(answered4of5, AsOf), "process.call-answered"), 0.8, false);
        AssertKpi(Get(Kpis.Process(answered5of6, AsOf), "process.call-answered"), 5.0 / 6, true);

        var willing3of5 = Many(5, i => Case(RiskTier.Yellow, outcome: i < 2 ? StepOutcomes.Refused : StepOutcomes.Done));
        var willing4of5 = Many(5, i => Case(RiskTier.Yellow, outcome: i < 1 ? StepOutcomes.Refused : StepOutcomes.Agreed));
        AssertKpi(Get(Kpis.Process(willing3of5, AsOf), "process.willing-to-talk"), 0.6, false);
        AssertKpi(Get(Kpis.Process(willing4of5, AsOf), "process.willing-to-talk"), 0.8, true);
    }

    [Fact]
    public void Every_call_attempt_counts_so_an_unanswered_first_call_and_its_answered_retry_make_50_percent()
    {
        var engine = new WorkflowEngine(BuiltInWorkflows.Register(WorkflowRegistry.Empty));
        var i = engine.Start(BuiltInWorkflows.YellowRecovery, "C1", new WorkflowContext(RiskTier.Yellow, storeZoneId: "Asia/Shanghai"), Start).Instance;
        i = engine.Apply(i, new StepCompleted("call", StepOutcomes.NoAnswer, Start + Duration.FromHours(2)), Start + Duration.FromHours(2)).Instance;
        var now = Start + Duration.FromDays(1);
        i = engine.Apply(i, new StepCompleted("call-again", StepOutcomes.Done, now), now).Instance;
        var kpis = Kpis.Process([i], now);

        AssertKpi(Get(kpis, "process.call-answered"), 0.5, false);
        Assert.Equal((1, 2), (Get(kpis, "process.call-answered").Hits, Get(kpis, "process.call-answered").Count));
        AssertKpi(Get(kpis, "process.willing-to-talk"), 1.0, true);

        // Only the first call counts when the retry is not a call step of the options.
        var firstOnly = new KpiOptions();
        foreach (string id in KpiOptions.DefaultCallStepIds.Where(id => id != "call-again"))
        {
            firstOnly.CallStepIds.Add(id);
        }

        AssertKpi(Get(new WorkflowKpis(firstOnly).Process([i], now), "process.call-answered"), 0.0, false);
    }

    [Fact]
    public void A_customer_who_came_back_counts_as_recovered_while_the_care_steps_still_run_unless_the_option_says_otherwise()
    {
        var engine = new WorkflowEngine(BuiltInWorkflows.Register(WorkflowRegistry.Empty));
        var i = engine.Start(BuiltInWorkflows.OrangeRecovery, "C1", new WorkflowContext(RiskTier.Orange, valueScore: 50, storeZoneId: "Asia/Shanghai"), Start).Instance;
        var visit = Start + Duration.FromDays(5);
        i = engine.Apply(i, new VisitCompleted(visit), visit).Instance;
        var notYet = Case(RiskTier.Orange, finish: null);

        Assert.False(i.IsFinished);
        AssertKpi(Get(Kpis.Results([i, notYet, Case(RiskTier.Orange, finish: WorkflowOutcome.NotRecovered)], KpiFigures.None), "results.recovery.orange"), 0.5, true);
        var strict = new WorkflowKpis(new KpiOptions { RecoveredOnVisit = false });
        AssertKpi(Get(strict.Results([i, notYet, Case(RiskTier.Orange, finish: WorkflowOutcome.NotRecovered)], KpiFigures.None), "results.recovery.orange"), 0.0, false);
        Assert.False(Get(strict.Results([i, notYet], KpiFigures.None), "results.recovery.orange").HasData);
    }

    [Fact]
    public void Plan_sent_must_be_100_percent()
    {
        AssertKpi(Get(Kpis.Process([Case(RiskTier.Yellow, plan: StepStatus.Done)], AsOf), "process.plan-sent"), 1.0, true);
        AssertKpi(Get(Kpis.Process([Case(RiskTier.Yellow, plan: StepStatus.Done), Case(RiskTier.Orange, plan: StepStatus.Overdue)], AsOf), "process.plan-sent"), 0.5, false);
        Assert.False(Get(Kpis.Process([Case(RiskTier.Yellow, plan: StepStatus.Skipped)], AsOf), "process.plan-sent").HasData);
    }

    [Theory]
    [InlineData(RiskTier.Yellow, 1, 2, false)] // 50 % is not more than 50 %
    [InlineData(RiskTier.Yellow, 2, 3, true)]
    [InlineData(RiskTier.Orange, 3, 10, false)]
    [InlineData(RiskTier.Orange, 4, 10, true)]
    [InlineData(RiskTier.Red, 3, 20, false)]
    [InlineData(RiskTier.Red, 1, 6, true)]
    public void Booking_success_per_tier(RiskTier tier, int booked, int total, bool met)
    {
        var kpis = Kpis.Process(Many(total, i => Case(tier, booked: i < booked)), AsOf);
        AssertKpi(Get(kpis, $"process.booking.{tier.ToString().ToLowerInvariant()}"), (double)booked / total, met);
    }

    [Theory]
    [InlineData(RiskTier.Yellow, 3, 5, false)] // 60 % is not more than 60 %
    [InlineData(RiskTier.Yellow, 2, 3, true)]
    [InlineData(RiskTier.Orange, 3, 10, false)]
    [InlineData(RiskTier.Orange, 4, 10, true)]
    [InlineData(RiskTier.Red, 3, 20, false)]
    [InlineData(RiskTier.Red, 1, 6, true)]
    public void Recovery_success_per_tier(RiskTier tier, int recovered, int finished, bool met)
    {
        // Failures alternate NotRecovered and Farewell: a farewell is not a recovery. Running and cancelled ones do not count.
        var instances = Many(finished, i => Case(tier, finish: i < recovered ? WorkflowOutcome.Recovered : i % 2 == 0 ? WorkflowOutcome.NotRecovered : WorkflowOutcome.Farewell))
            .Append(Case(tier)).Append(Case(tier, finish: WorkflowOutcome.Cancelled)).ToArray();
        var kpi = Get(Kpis.Results(instances, KpiFigures.None), $"results.recovery.{tier.ToString().ToLowerInvariant()}");
        AssertKpi(kpi, (double)recovered / finished, met);
        Assert.Equal((recovered, finished), (kpi.Hits, kpi.Count));
    }

    [Fact]
    public void Still_active_after_3_months_above_80_percent_and_churn_down_at_least_30_percent()
    {
        AssertKpi(Get(Kpis.Results([], new KpiFigures(Activity: new RecoveredActivityFigures(100, 81))), "results.still-active"), 0.81, true);
        AssertKpi(Get(Kpis.Results([], new KpiFigures(Activity: new RecoveredActivityFigures(100, 80))), "results.still-active"), 0.80, false);

        // 20 % churn last year; 14 % this year is 30 % down, 15 % is 25 % down.
        AssertKpi(Get(Kpis.Results([], new KpiFigures(Churn: new ChurnFigures(1000, 200, 1000, 140))), "results.churn-down"), 0.30, true);
        AssertKpi(Get(Kpis.Results([], new KpiFigures(Churn: new ChurnFigures(1000, 200, 1000, 150))), "results.churn-down"), 0.25, false);
    }

    private static FollowUpCase Visit(bool followedUp = true, double hours = 24, bool answered = true, bool found = false, bool solved = false, string? problem = null) =>
        new(Start, followedUp ? Start + Duration.FromHours(hours) : null, answered && followedUp, found, solved, problem);

    private static Kpi FollowUpKpi(string id, FollowUpCase[] cases, FollowUpFigures? figures = null) =>
        Get(Kpis.FollowUp(cases, new KpiFigures(FollowUp: figures), AsOf), id);

    [Fact]
    public void First_follow_up_within_48_hours_at_least_95_percent()
    {
        var ok = Enumerable.Range(0, 20).Select(i => Visit(hours: i == 0 ? 48 : 47.99)).ToArray(); // 48 h itself is late
        var late = Enumerable.Range(0, 20).Select(i => Visit(hours: i < 2 ? 49 : 12)).ToArray();
        AssertKpi(FollowUpKpi("followup.within-48h", ok), 0.95, true);
        AssertKpi(FollowUpKpi("followup.within-48h", late), 0.90, false);

        // Without a follow-up: missed once 48 h have passed, not counted before.
        AssertKpi(FollowUpKpi("followup.within-48h", [Visit(), Visit(followedUp: false)]), 0.5, false);
        Assert.False(Get(Kpis.FollowUp([Visit(followedUp: false)], KpiFigures.None, Start + Duration.FromHours(47)), "followup.within-48h").HasData);
    }

    [Fact]
    public void Answer_rate_at_least_75_percent_problems_found_8_to_12_percent_and_solved_at_least_95_percent()
    {
        AssertKpi(FollowUpKpi("followup.answer-rate", [Visit(), Visit(), Visit(), Visit(answered: false)]), 0.75, true);
        AssertKpi(FollowUpKpi("followup.answer-rate", [Visit(), Visit(), Visit(answered: false), Visit(answered: false)]), 0.5, false);

        FollowUpCase[] Found(int found, int of) => [.. Enumerable.Range(0, of).Select(i => Visit(found: i < found, solved: i < found))];
        AssertKpi(FollowUpKpi("followup.problems-found", Found(1, 10)), 0.10, true);
        AssertKpi(FollowUpKpi("followup.problems-found", Found(2, 10)), 0.20, false);
        AssertKpi(FollowUpKpi("followup.problems-found", Found(0, 10)), 0.0, false);

        FollowUpCase[] Solved(int solved, int found) => [.. Enumerable.Range(0, found).Select(i => Visit(found: true, solved: i < solved))];
        AssertKpi(FollowUpKpi("followup.problems-solved", Solved(19, 20)), 0.95, true);
        AssertKpi(FollowUpKpi("followup.problems-solved", Solved(18, 20)), 0.90, false);
    }

    [Fact]
    public void Nps_raised_at_least_20_percent_promoters_refer_at_least_25_percent_and_follow_up_roi_at_least_5_to_1()
    {
        AssertKpi(FollowUpKpi("followup.nps-raised", [], new FollowUpFigures(npsBefore: 30, npsAfter: 36)), 0.2, true);
        AssertKpi(FollowUpKpi("followup.nps-raised", [], new FollowUpFigures(npsBefore: 30, npsAfter: 35)), 5.0 / 30, false);
        AssertKpi(FollowUpKpi("followup.promoters-refer", [], new FollowUpFigures(promoters: 100, promotersWhoReferred: 25)), 0.25, true);
        AssertKpi(FollowUpKpi("followup.promoters-refer", [], new FollowUpFigures(promoters: 100, promotersWhoReferred: 24)), 0.24, false);

        var roi = FollowUpKpi("followup.roi", [], new FollowUpFigures(revenue: 50_000m, cost: 10_000m));
        AssertKpi(roi, 5.0, true);
        Assert.Equal("5:1", roi.Format(roi.Value!.Value));
        AssertKpi(FollowUpKpi("followup.roi", [], new FollowUpFigures(revenue: 49_000m, cost: 10_000m)), 4.9, false);
    }

    [Fact]
    public void Empty_input_says_no_data_rather_than_0_or_100_percent()
    {
        var review = Kpis.Review([], [], KpiFigures.None, AsOf);

        Assert.Equal(22, review.Kpis.Length);
        Assert.Equal(22, review.Kpis.Select(k => k.Id).Distinct().Count());
        Assert.All(review.Kpis, k =>
        {
            Assert.False(k.HasData, k.Id);
            Assert.Null(k.Value);
            Assert.Null(k.Met);
            Assert.Contains("no data", k.ToString());
            AssertBothLocales(k.Name, k.Id);
        });
        Assert.Empty(review.Missed);
        Assert.Equal(0, review.Instances);

        // Zero churn last year, zero cost, NPS 0 before: nothing to divide by.
        var results = Kpis.Results([], new KpiFigures(Roi: new RecoveryRoiFigures(0, 0, 0, 0, 0, 0, 0), Churn: new ChurnFigures(100, 0, 100, 5), FollowUp: new FollowUpFigures(0, 10, revenue: 5, cost: 0)));
        Assert.False(Get(results, "results.roi").HasData);
        Assert.False(Get(results, "results.churn-down").HasData);
    }

    [Fact]
    public void Weekly_review_counts_reasons_for_failure_and_top_problems()
    {
        var cancelledLog = new ImmutableLog([new AppliedEvent(new Cancelled(AsOf, "moved away"), AsOf)]);
        WorkflowInstance[] instances =
        [
            Case(RiskTier.Yellow, finish: WorkflowOutcome.Recovered, booked: true),
            Case(RiskTier.Yellow, outcome: StepOutcomes.Refused, finish: WorkflowOutcome.NotRecovered),
            Case(RiskTier.Orange, outcome: StepOutcomes.Refused, finish: WorkflowOutcome.NotRecovered),
            Case(RiskTier.Red, finish: WorkflowOutcome.Farewell),
            Case(RiskTier.Red, StepStatus.Skipped, finish: WorkflowOutcome.Cancelled, log: cancelledLog),
            Case(RiskTier.Red, StepStatus.Escalated),
            Case(RiskTier.Orange, StepStatus.Due),
            null!,
        ];
        FollowUpCase[] followUps =
        [
            Visit(found: true, solved: true, problem: "noise"),
            Visit(found: true, problem: "noise"),
            Visit(found: true, solved: true, problem: "price"),
            Visit(answered: false),
            new(Start, null, Answered: true), // answered without a follow-up: bad record
        ];

        var review = Kpis.Review(instances, followUps, KpiFigures.None, AsOf);

        Assert.Equal((7, 2, 1, 1, 2, 1, 1), (review.Instances, review.Running, review.Overdue, review.Recovered, review.NotRecovered, review.Farewell, review.Cancelled));
        Assert.Equal([new ReasonCount("call: Refused", 2), new ReasonCount("call: Done", 1), new ReasonCount("cancelled: moved away", 1)], review.FailureReasons);
        Assert.Equal([new ReasonCount("noise", 2), new ReasonCount("price", 1)], review.TopProblems);
        Assert.Equal(4, Assert.Single(review.Problems).Index);
        Assert.Contains(review.Missed, k => k.Id == "followup.problems-solved");
        Assert.Equal(review.Kpis.Select(k => k.Group).Order(), review.Kpis.Select(k => k.Group));
    }

    [Fact]
    public void Invalid_options_are_rejected_naming_the_option()
    {
        var options = new KpiOptions { CallAnsweredTarget = 1.5, ProblemsFoundLow = 0.2, FollowUpWithin = TimeSpan.Zero, TopCount = 0 };
        options.NoAnswerOutcomes.Add("no answer");
        options.PlanStepIds.Add(" ");
        options.CallStepIds.Add("");

        var errors = KpiOptionsValidator.Collect(options);

        foreach (var path in new[] { "CallAnsweredTarget", "ProblemsFoundLow", "FollowUpWithin", "TopCount", "NoAnswerOutcomes[0]", "PlanStepIds[0]", "CallStepIds[0]" })
        {
            Assert.Contains(errors, e => e.StartsWith(path, StringComparison.Ordinal));
        }

        Assert.Throws<OptionsValidationException>(() => new WorkflowKpis(options));
        Assert.True(new KpiOptionsValidator().Validate(null, new KpiOptions()).Succeeded);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChurnFigures(10, 11, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecoveryRoiFigures(1, 0, 0, -1, 0, 0, 0));
    }

    [Fact]
    public void Targets_are_options()
    {
        var kpis = new WorkflowKpis(new KpiOptions { BookingYellowTarget = 0.4 });
        AssertKpi(Get(kpis.Process(Many(2, i => Case(RiskTier.Yellow, booked: i == 0)), AsOf), "process.booking.yellow"), 0.5, true);
    }

    /// <summary>A log to pass as an optional argument.</summary>
    public readonly record struct ImmutableLog(System.Collections.Immutable.ImmutableArray<AppliedEvent> Events);
}
