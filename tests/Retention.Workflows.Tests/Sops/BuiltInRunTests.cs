using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using Retention.Scripts;
using Xunit;
using static Retention.Workflows.Tests.Sops.BuiltInDrive;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests.Sops;

/// <summary>
/// Spec sections 2-6 run through the engine: each built-in SOP end to end on its happy path, and the branches the spec
/// names (Yellow hesitant, Orange home visit above 70, Red budgets and farewell below 60, NPS escalation, pre-churn tiers),
/// with day windows right across a daylight-saving change. Diagrams of every built-in name every step.
/// </summary>
public class BuiltInRunTests
{
    private static WorkflowContext Happy(WorkflowDefinition d) => new(
        riskTier: d.Trigger.Kind == TriggerKind.RiskTierEntered ? Enum.Parse<RiskTier>(d.Trigger.Detail!) : null,
        grade: d.Trigger.Kind == TriggerKind.DetractorAnswered ? Enum.Parse<DetractorGrade>(d.Trigger.Detail!) : null,
        valueScore: 90,
        storeZoneId: "Asia/Shanghai",
        values: ImmutableSortedDictionary<string, string>.Empty.Add(BuiltInWorkflows.ValueTierKey, "High"));

    public static TheoryData<string, string> HappyPaths { get; } = new()
    {
        { "risk.yellow", "call classify plan decide remind visit after-visit care" },
        { "risk.orange", "call meeting-home-visit plan home-visit first-visit followup-d1 followup-d7 followup-d30" },
        { "risk.red", "call full-recovery home-visit commitment top-service delivery care-first-3-months care-monthly" },
        { "nps.rescue.s", "grade first-contact investigate design start execute review" },
        { "nps.rescue.a", "grade first-contact investigate design start execute review" },
        { "nps.rescue.b", "grade first-contact investigate design start execute review" },
        { "churn.pre", "analyse outreach-high confirm" },
        { "churn.early", "call visit follow-up" },
        { "churn.deep", "reconnect solve upgrade" },
        { "followup.post-service", "immediate first-call care relationship" },
        { "problem.l1", "first-contact solution resolve daily-follow-up" },
        { "problem.l2", "first-contact inspection resolve follow-up-d3 follow-up-d7" },
        { "problem.l3", "first-contact close" },
    };

    [Theory]
    [MemberData(nameof(HappyPaths))]
    public void Each_built_in_runs_end_to_end_on_its_happy_path_and_ends_recovered(string id, string path)
    {
        var d = BuiltInWorkflows.All.Single(x => x.Id == id);

        var run = Run(d, Happy(d), Start);

        Assert.Equal(WorkflowOutcome.Recovered, run.Instance.Outcome);
        Assert.Equal(path.Split(' '), run.Completed.Distinct());
        Assert.All(path.Split(' '), s => Assert.Equal(StepStatus.Done, run.Instance.StateOf(s)!.Status));

        // One task per occurrence reached, with a catalog script; a touch for every task of a step that reaches the customer.
        var tasks = run.Commands.OfType<AssignTask>().ToArray();
        Assert.Equal(run.Completed.Count, tasks.Length);
        Assert.All(tasks, t => Assert.True(t.ScriptId is null || ScriptCatalog.BuiltIn.Ids.Contains(t.ScriptId), t.ScriptId));
        var touches = run.Commands.OfType<PlanTouch>().Select(p => (p.StepId, p.Occurrence)).ToHashSet();
        Assert.All(tasks, t => Assert.Equal(d.GetStep(t.StepId).Touch is not null, touches.Contains((t.StepId, t.Occurrence))));
        Assert.All(run.Commands.OfType<PlanTouch>(), p => Assert.Equal("C7", p.CustomerId));
    }

    [Fact]
    public void Yellow_requests_the_budget_when_classifying_and_repeats_the_care_three_times()
    {
        var run = Run(BuiltInWorkflows.YellowRecovery, Happy(BuiltInWorkflows.YellowRecovery), Start);

        Assert.Equal(new RequestApproval("classify", 500m, StaffRole.ServiceManager), Assert.Single(run.Commands.OfType<RequestApproval>()));
        Assert.Equal(3, run.Completed.Count(s => s == "care"));
        var visit = run.Instance.VisitAt!.Value.InZone(Shanghai).Date;
        Assert.Equal(
            [visit.PlusDays(30), visit.PlusDays(30).PlusMonths(1), visit.PlusDays(30).PlusMonths(2)],
            run.Commands.OfType<AssignTask>().Where(t => t.StepId == "care").Select(t => t.OpensAt.InZone(Shanghai).Date));
    }

    [Fact]
    public void Yellow_hesitant_customer_gets_no_pressure_the_offer_is_held_and_an_agreement_later_still_leads_to_the_visit()
    {
        var run = Run(BuiltInWorkflows.YellowRecovery, Happy(BuiltInWorkflows.YellowRecovery), Start, At("decide", StepOutcomes.Hesitant), stopAfter: 4);

        Assert.Equal("hold", run.Instance.ActiveStep!.StepId);
        var hold = run.Commands.OfType<AssignTask>().Last();
        Assert.Equal(("hold", "risk.yellow.hold-offer", ContactChannel.Phone), (hold.StepId, hold.ScriptId, hold.Channel));
        Assert.Equal(Local(Shanghai, 2026, 3, 24, 0), hold.DueAt); // offer held to the end of D14
        Assert.Equal(ContactPurpose.Recovery, run.Commands.OfType<PlanTouch>().Last().Purpose);

        var agreed = Run(BuiltInWorkflows.YellowRecovery, Happy(BuiltInWorkflows.YellowRecovery), Start, (s, _) => s.Id == "decide" ? StepOutcomes.Hesitant : null);
        Assert.Equal(WorkflowOutcome.Recovered, agreed.Instance.Outcome);
        Assert.Equal("call classify plan decide hold remind visit after-visit care".Split(' '), agreed.Completed.Distinct());
    }

    [Theory]
    [InlineData("risk.yellow", "call call-again classify plan decide remind visit after-visit care")]
    [InlineData("risk.orange", "call call-again meeting-home-visit plan home-visit first-visit followup-d1 followup-d7 followup-d30")]
    [InlineData("risk.red", "call call-again full-recovery home-visit commitment top-service delivery care-first-3-months care-monthly")]
    [InlineData("nps.rescue.s", "grade first-contact first-contact-again investigate design start execute review")]
    [InlineData("nps.rescue.b", "grade first-contact first-contact-again investigate design start execute review")]
    public void Two_unanswered_calls_do_not_end_the_recovery_the_plan_goes_on_in_writing(string id, string path)
    {
        var d = BuiltInWorkflows.All.Single(x => x.Id == id);

        var run = Run(d, Happy(d), Start, (s, _) => s.Id is "call" or "call-again" or "first-contact" or "first-contact-again" ? StepOutcomes.NoAnswer : null);

        Assert.Equal(WorkflowOutcome.Recovered, run.Instance.Outcome);
        Assert.Equal(path.Split(' '), run.Completed.Distinct());
        var retry = run.Commands.OfType<AssignTask>().Single(t => t.StepId.EndsWith("-again", StringComparison.Ordinal));
        Assert.Equal(d.Steps[1].ScriptIds[0], retry.ScriptId);
    }

    [Theory]
    [InlineData("nps.rescue.s", StaffRole.StoreManager)]
    [InlineData("nps.rescue.a", StaffRole.StoreManager)]
    [InlineData("nps.rescue.b", StaffRole.CustomerServiceSupervisor)]
    public void A_rescue_plan_above_the_grades_authority_goes_to_the_grades_approver_before_it_is_carried_out(string id, StaffRole approver)
    {
        var d = BuiltInWorkflows.All.Single(x => x.Id == id);

        var run = Run(d, Happy(d), Start, (s, _) => s.Id switch
        {
            "design" => BuiltInWorkflows.AboveAuthority,
            "approve" => "Approved",
            _ => null,
        });

        Assert.Equal(WorkflowOutcome.Recovered, run.Instance.Outcome);
        Assert.Equal("grade first-contact investigate design approve start execute review".Split(' '), run.Completed.Distinct());
        var task = run.Commands.OfType<AssignTask>().Single(t => t.StepId == "approve");
        Assert.Equal(approver, task.Role);
        Assert.Equal(StepStatus.Pending, Run(d, Happy(d), Start).Instance.StateOf("approve")!.Status); // within authority: never reached
    }

    [Fact]
    public void Yellow_hesitant_customer_who_lets_the_offer_expire_is_not_recovered()
    {
        var run = Run(BuiltInWorkflows.YellowRecovery, Happy(BuiltInWorkflows.YellowRecovery), Start, (s, _) => s.Id switch
        {
            "decide" => StepOutcomes.Hesitant,
            "hold" => "Expired",
            _ => null,
        });

        Assert.Equal(WorkflowOutcome.NotRecovered, run.Instance.Outcome);
        Assert.Equal(StepStatus.Pending, run.Instance.StateOf("visit")!.Status); // never reached
    }

    [Theory]
    [InlineData(70.0, false)]
    [InlineData(71.0, true)]
    [InlineData(null, false)]
    public void Orange_makes_the_home_visit_and_asks_for_1500_only_above_a_value_score_of_70_else_800(double? valueScore, bool visits)
    {
        var context = new WorkflowContext(RiskTier.Orange, valueScore: valueScore, storeZoneId: "Asia/Shanghai");

        var run = Run(BuiltInWorkflows.OrangeRecovery, context, Start);

        Assert.Equal(WorkflowOutcome.Recovered, run.Instance.Outcome);
        Assert.Equal(visits ? StepStatus.Done : StepStatus.Skipped, run.Instance.StateOf("home-visit")!.Status);
        Assert.Equal(visits, run.Commands.OfType<PlanTouch>().Any(p => p.StepId == "home-visit" && p.Channel == ContactChannel.HomeVisit));
        Assert.Equal(
            visits ? new RequestApproval("meeting-home-visit", 1500m, StaffRole.GeneralManager) : new RequestApproval("meeting", 800m, StaffRole.GeneralManager),
            Assert.Single(run.Commands.OfType<RequestApproval>()));
        Assert.Equal(visits ? StepStatus.Pending : StepStatus.Done, run.Instance.StateOf("meeting")!.Status); // not on the path with a visit
        Assert.Equal(visits ? StepStatus.Done : StepStatus.Skipped, run.Instance.StateOf("meeting-home-visit")!.Status);
    }

    [Theory]
    [InlineData(95.0, "full-recovery", 3000)]
    [InlineData(80.5, "full-recovery", 3000)]
    [InlineData(80.0, "full-recovery", 3000)] // 80 inclusive, as Retention.Scoring decides (CHANGELOG Decisions)
    [InlineData(79.9, "effort", 2000)]
    [InlineData(70.0, "effort", 2000)]
    [InlineData(60.0, "effort", 2000)]
    [InlineData(null, "effort", 2000)]
    public void Red_emergency_meeting_picks_full_recovery_from_80_and_effort_from_60_to_below_80(double? valueScore, string budgetStep, int amount)
    {
        var context = new WorkflowContext(RiskTier.Red, valueScore: valueScore, storeZoneId: "Asia/Shanghai");

        var run = Run(BuiltInWorkflows.RedRecovery, context, Start);

        Assert.Equal(WorkflowOutcome.Recovered, run.Instance.Outcome);
        Assert.Equal(new RequestApproval(budgetStep, amount, StaffRole.GeneralManager), Assert.Single(run.Commands.OfType<RequestApproval>()));
        Assert.Equal(StepStatus.Done, run.Instance.StateOf(budgetStep)!.Status);
        Assert.Equal(budgetStep == "effort" ? StepStatus.Skipped : StepStatus.Pending, run.Instance.StateOf("farewell")!.Status); // skipped, or never reached
    }

    [Theory]
    [InlineData(59.9)]
    [InlineData(0.0)]
    public void Red_below_60_says_a_polite_farewell_with_a_500_budget_and_ends_as_farewell(double valueScore)
    {
        var context = new WorkflowContext(RiskTier.Red, valueScore: valueScore, storeZoneId: "Asia/Shanghai");

        var run = Run(BuiltInWorkflows.RedRecovery, context, Start);

        Assert.Equal(WorkflowOutcome.Farewell, run.Instance.Outcome);
        Assert.Equal(["call", "farewell"], run.Completed);
        Assert.Equal(new RequestApproval("farewell", 500m, StaffRole.GeneralManager), Assert.Single(run.Commands.OfType<RequestApproval>()));
        Assert.Equal(StepStatus.Skipped, run.Instance.StateOf("full-recovery")!.Status);
        Assert.All(new[] { "effort", "home-visit", "care-monthly" }, s => Assert.NotEqual(StepStatus.Done, run.Instance.StateOf(s)!.Status));

        // The meeting is the same local day as the call.
        var farewell = run.Commands.OfType<AssignTask>().Single(t => t.StepId == "farewell");
        Assert.Equal(Local(Shanghai, 2026, 3, 11, 0), farewell.DueAt);
    }

    [Fact]
    public void Red_call_is_due_within_24_hours_and_an_unanswered_call_escalates_to_the_regional_manager()
    {
        var t = BuiltIns.Start(BuiltInWorkflows.RedRecovery, "C7", new WorkflowContext(RiskTier.Red, valueScore: 90), Start);

        Assert.Equal(Start + Duration.FromHours(24), t.Instance.StateOf("call")!.DueAt);
        var escalation = Assert.Single(Of<Escalate>(BuiltIns.Tick(t.Instance, Start + Duration.FromHours(24))));
        Assert.Equal((StaffRole.GeneralManager, StaffRole.RegionalManager), (escalation.FromRole, escalation.ToRole));
    }

    [Fact]
    public void Nps_grade_S_first_contact_not_made_in_2_hours_escalates_to_the_regional_manager()
    {
        var started = BuiltIns.Start(BuiltInWorkflows.NpsRescueS, "C7", new WorkflowContext(grade: DetractorGrade.S), Start).Instance;
        var graded = BuiltIns.Apply(started, new StepCompleted("grade", StepOutcomes.Done, Start + Duration.FromMinutes(10)), Start + Duration.FromMinutes(10));
        var task = Assert.Single(Of<AssignTask>(graded));
        Assert.Equal(("first-contact", StaffRole.ServiceManager, Start + Duration.FromHours(2), "nps.detractor.first-call"), (task.StepId, task.Role, task.DueAt, task.ScriptId));
        Assert.Equal(ContactPurpose.Urgent, Assert.Single(Of<PlanTouch>(graded)).Purpose);

        Assert.False(BuiltIns.Tick(graded.Instance, Start + Duration.FromMinutes(119)).Changed);
        var escalation = Assert.Single(Of<Escalate>(BuiltIns.Tick(graded.Instance, Start + Duration.FromHours(2))));

        Assert.Equal(("first-contact", StaffRole.ServiceManager, StaffRole.RegionalManager), (escalation.StepId, escalation.FromRole, escalation.ToRole));
    }

    [Theory]
    [InlineData(DetractorGrade.A, 6, StaffRole.ServiceManager, StaffRole.StoreManager)]
    [InlineData(DetractorGrade.B, 24, StaffRole.ServiceAdvisor, StaffRole.CustomerServiceSupervisor)]
    public void Nps_grades_A_and_B_have_their_deadline_and_escalate_one_role_up(DetractorGrade grade, int hours, StaffRole responder, StaffRole up)
    {
        var d = grade == DetractorGrade.A ? BuiltInWorkflows.NpsRescueA : BuiltInWorkflows.NpsRescueB;
        var started = BuiltIns.Start(d, "C7", new WorkflowContext(grade: grade), Start).Instance;
        var graded = BuiltIns.Apply(started, new StepCompleted("grade", StepOutcomes.Done, Start + Duration.FromMinutes(10)), Start + Duration.FromMinutes(10));

        var task = Assert.Single(Of<AssignTask>(graded));
        Assert.Equal((Start + Duration.FromHours(2), Start + Duration.FromHours(hours), responder), (task.OpensAt, task.DueAt, task.Role));
        var escalation = Assert.Single(Of<Escalate>(BuiltIns.Tick(graded.Instance, task.DueAt)));
        Assert.Equal(up, escalation.ToRole);
    }

    [Fact]
    public void Nps_grade_B_counts_the_later_steps_from_the_first_contact()
    {
        var run = Run(BuiltInWorkflows.NpsRescueB, new WorkflowContext(grade: DetractorGrade.B), Start, stopAfter: 2);

        Assert.Equal(["grade", "first-contact"], run.Completed);
        var contact = run.Instance.StateOf("first-contact")!.CompletedAt!.Value;
        Assert.Equal(Start + Duration.FromMinutes(125), contact); // the driver answers as soon as the window opens
        var investigate = run.Instance.ActiveStep!;
        Assert.Equal(("investigate", (Instant?)contact, (Instant?)(contact + Duration.FromHours(4))), (investigate.StepId, investigate.OpensAt, investigate.DueAt));
    }

    [Theory]
    [InlineData("High", "outreach-high", StaffRole.StoreManager, "prechurn.high.manager-call")]
    [InlineData("Mid", "outreach-mid", StaffRole.ServiceAdvisor, "prechurn.mid.advisor-call")]
    [InlineData("Low", "outreach-low", StaffRole.ServiceAdvisor, "prechurn.low.sms")]
    [InlineData(null, "outreach-low", StaffRole.ServiceAdvisor, "prechurn.low.sms")]
    public void Pre_churn_reaches_out_by_value_tier(string? tier, string step, StaffRole owner, string script)
    {
        var context = tier is null ? new WorkflowContext(storeZoneId: "Asia/Shanghai") : new WorkflowContext(storeZoneId: "Asia/Shanghai").With(BuiltInWorkflows.ValueTierKey, tier);

        var run = Run(BuiltInWorkflows.PreChurn, context, Start, stopAfter: 1);

        Assert.Equal(step, run.Instance.ActiveStep!.StepId);
        var task = run.Commands.OfType<AssignTask>().Last();
        Assert.Equal((step, owner, script, Start + Duration.FromHours(24)), (task.StepId, task.Role, task.ScriptId, task.DueAt));
    }

    [Fact]
    public void Pre_churn_no_answer_tries_again_after_3_days_and_a_second_no_answer_is_not_recovered()
    {
        var run = Run(BuiltInWorkflows.PreChurn, Happy(BuiltInWorkflows.PreChurn), Start, (s, _) => s.Id is "outreach-high" or "retry" ? StepOutcomes.NoAnswer : null);

        Assert.Equal(WorkflowOutcome.NotRecovered, run.Instance.Outcome);
        Assert.Equal(["analyse", "outreach-high", "retry"], run.Completed);
        var retry = run.Commands.OfType<AssignTask>().Single(t => t.StepId == "retry");
        Assert.Equal((Local(Shanghai, 2026, 3, 13, 0), Local(Shanghai, 2026, 3, 15, 0)), (retry.OpensAt, retry.DueAt));
    }

    [Fact]
    public void Problem_L1_follows_up_daily_until_satisfied()
    {
        int calls = 0;
        var run = Run(BuiltInWorkflows.ProblemL1, new WorkflowContext(storeZoneId: "Asia/Shanghai"), Start, (s, occurrence) =>
        {
            if (s.Id != "daily-follow-up")
            {
                return null;
            }

            calls++;
            return occurrence < 3 ? "NotYet" : "Satisfied";
        });

        Assert.Equal(WorkflowOutcome.Recovered, run.Instance.Outcome);
        Assert.Equal(4, calls);
        var days = run.Commands.OfType<AssignTask>().Where(t => t.StepId == "daily-follow-up").Select(t => t.DueAt.InZone(Shanghai).Date).ToArray();
        Assert.Equal(days[0].PlusDays(1), days[1]);
    }

    [Fact]
    public void Yellow_D1_D2_started_in_Berlin_the_day_before_summer_time_is_due_at_local_midnight_37_hours_later()
    {
        var start = Local(Berlin, 2026, 3, 28, 10); // Saturday; clocks go forward on Sunday 29 March at 02:00
        var context = new WorkflowContext(RiskTier.Yellow, valueScore: 50, storeZoneId: "Europe/Berlin");

        var t = BuiltIns.Start(BuiltInWorkflows.YellowRecovery, "C7", context, start);

        var call = Assert.Single(Of<AssignTask>(t));
        Assert.Equal((start, Local(Berlin, 2026, 3, 30, 0)), (call.OpensAt, call.DueAt));
        Assert.Equal(Utc(2026, 3, 29, 22), call.DueAt);
        Assert.Equal(Duration.FromHours(37), call.DueAt - call.OpensAt);
        Assert.Equal(new LocalDate(2026, 3, 29), Assert.Single(Of<PlanTouch>(t)).LatestDate);

        // D2-D3 opens at the start of the 23-hour Sunday and spans 47 hours.
        var classify = Assert.Single(Of<AssignTask>(BuiltIns.Apply(t.Instance, new StepCompleted("call", StepOutcomes.Done, start), start)));
        Assert.Equal((Local(Berlin, 2026, 3, 29, 0), Local(Berlin, 2026, 3, 31, 0)), (classify.OpensAt, classify.DueAt));
        Assert.Equal(Duration.FromHours(47), classify.DueAt - classify.OpensAt);
    }

    [Theory]
    [MemberData(nameof(BuiltInDefinitionTests.Ids), MemberType = typeof(BuiltInDefinitionTests))]
    public void Mermaid_renders_each_built_in_and_names_every_step(string id)
    {
        var d = BuiltInWorkflows.All.Single(x => x.Id == id);

        foreach (string locale in new[] { "en", "zh-CN" })
        {
            string flowchart = WorkflowDiagram.ToMermaidFlowchart(d, locale);
            string timeline = WorkflowDiagram.ToMermaidTimeline(d, locale);
            var lines = new HashSet<string>(flowchart.Split('\n').Select(l => l.Trim()));

            Assert.StartsWith("flowchart TD\n", flowchart, StringComparison.Ordinal);
            Assert.StartsWith("timeline\n", timeline, StringComparison.Ordinal);
            for (int i = 0; i < d.Steps.Length; i++)
            {
                string title = d.Steps[i].Title.Get(locale);
                Assert.Contains($"s{i + 1}[\"{i + 1}. {title}<br/>", flowchart, StringComparison.Ordinal);
                Assert.Contains(title.Replace(":", " -", StringComparison.Ordinal), timeline, StringComparison.Ordinal);
            }

            Assert.Contains(lines, l => l.StartsWith("end_Recovered", StringComparison.Ordinal) || l.StartsWith("end_Farewell", StringComparison.Ordinal));
        }
    }
}
