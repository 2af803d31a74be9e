using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Retention.Scripts;
using Xunit;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests.Sops;

/// <summary>
/// Spec sections 2-6: each built-in SOP's steps, owners and windows against the spec's tables; scripts from the built-in
/// catalog; touches, budgets and escalations; registration.
/// </summary>
public class BuiltInDefinitionTests
{
    private const StaffRole Sup = StaffRole.CustomerServiceSupervisor;
    private const StaffRole Sa = StaffRole.ServiceAdvisor;
    private const StaffRole Sm = StaffRole.ServiceManager;
    private const StaffRole Mgr = StaffRole.StoreManager;
    private const StaffRole Gm = StaffRole.GeneralManager;

    public static TheoryData<string> Ids { get; } = new(BuiltInWorkflows.All.Select(d => d.Id));

    private static (string Id, StaffRole Owner, string Window)[] Rows(WorkflowDefinition d) =>
        [.. d.Steps.Select(s => (s.Id, s.Owner, s.Window.ToString()))];

    private static string?[] Scripts(WorkflowDefinition d) => [.. d.Steps.Select(s => s.ScriptIds.IsEmpty ? null : string.Join(" ", s.ScriptIds))];

    [Fact]
    public void There_are_fourteen_built_ins_with_stable_ids_all_version_1()
    {
        Assert.Equal(
            ["risk.yellow", "risk.orange", "risk.red", "nps.rescue.s", "nps.rescue.a", "nps.rescue.b", "churn.pre", "churn.early", "churn.deep", "followup.post-service", "problem.l1", "problem.l2", "problem.l3", "followup.battery-weekly"],
            BuiltInWorkflows.All.Select(d => d.Id));
        Assert.All(BuiltInWorkflows.All, d => Assert.Equal(1, d.Version));
        Assert.Same(BuiltInWorkflows.YellowRecovery, BuiltInWorkflows.All[0]);
        Assert.Equal(
            [10, 10, 11, 9, 9, 9, 6, 3, 3, 7, 4, 5, 2, 1],
            BuiltInWorkflows.All.Select(d => d.Steps.Length));
    }

    [Fact]
    public void Yellow_follows_the_seven_step_table_with_the_hesitant_branch_and_the_reminder_the_day_before()
    {
        var d = BuiltInWorkflows.YellowRecovery;

        Assert.Equal(WorkflowTrigger.RiskTierEntered(RiskTier.Yellow), d.Trigger);
        Assert.Equal(
            [
                ("call", Sup, "D1-D2"), ("call-again", Sup, "D+1 after step 'call'"), ("classify", Sup, "D2-D3"), ("plan", Sup, "D3-D4"), ("decide", Sup, "D4-D5"),
                ("hold", Sup, "D5-D14"), ("remind", Sup, "D-1 after the appointment"), ("visit", Sup, "the appointment day"),
                ("after-visit", Sup, "D+1 after the visit"), ("care", Sa, "D+30..D+36 after the visit, then every month, 3 times"),
            ],
            Rows(d));
        Assert.Equal(
            ["risk.yellow.supervisor-call", "risk.yellow.supervisor-call", null, "risk.yellow.price-offer risk.yellow.service-apology", null, "risk.yellow.hold-offer", null, null, "risk.yellow.after-visit", null],
            Scripts(d));
        Assert.Equal(["Price", "ServiceExperience", "Inconvenience", "Other"], d.GetStep("classify").Outcomes);
        Assert.Equal(new StepApproval(500m, Sm), d.GetStep("classify").Approval);
        Assert.Equal([ContactChannel.WeChat, ContactChannel.Sms], d.GetStep("plan").Channels);
        var decide = d.GetStep("decide");
        Assert.Equal(("remind", "hold"), (decide.RouteFor(StepOutcomes.Agreed)!.Next, decide.RouteFor(StepOutcomes.Hesitant)!.Next));
        Assert.Equal(WorkflowOutcome.NotRecovered, decide.RouteFor(StepOutcomes.Refused)!.Finish);
        Assert.Equal(ContactPurpose.Transactional, d.GetStep("remind").Touch!.Purpose);
        Assert.Equal(ContactPurpose.Care, d.GetStep("care").Touch!.Purpose);
    }

    [Fact]
    public void Orange_is_the_store_managers_with_the_budget_approval_the_conditional_home_visit_and_three_follow_ups()
    {
        var d = BuiltInWorkflows.OrangeRecovery;

        Assert.Equal(WorkflowTrigger.RiskTierEntered(RiskTier.Orange), d.Trigger);
        Assert.Equal(
            [
                ("call", Mgr, "D1"), ("call-again", Mgr, "2-6 h after step 'call'"), ("meeting-home-visit", Mgr, "D1"), ("meeting", Mgr, "D1"),
                ("plan", Mgr, "D2"), ("home-visit", Mgr, "D3"),
                ("first-visit", Mgr, "the appointment day"), ("followup-d1", Mgr, "D+1 after the visit"),
                ("followup-d7", Mgr, "D+7 after the visit"), ("followup-d30", Mgr, "D+30 after the visit"),
            ],
            Rows(d));
        Assert.Equal(["risk.orange.manager-call", "risk.orange.manager-call", null, null, "risk.orange.plan", null, null, "followup.first-call", "followup.day7", "followup.day30"], Scripts(d));

        // The budget follows Retention.Scoring's decision: 1500 with the home visit (value score above 70), 800 without.
        Assert.Equal(new StepApproval(1500m, Gm), d.GetStep("meeting-home-visit").Approval);
        Assert.Equal("valueScore > 70", Assert.Single(d.GetStep("meeting-home-visit").Conditions).ToString());
        Assert.Equal("plan", d.GetStep("meeting-home-visit").RouteFor(StepOutcomes.Done)!.Next);
        Assert.Equal(new StepApproval(800m, Gm), d.GetStep("meeting").Approval);
        Assert.Empty(d.GetStep("meeting").Conditions);
        Assert.Equal("valueScore > 70", Assert.Single(d.GetStep("home-visit").Conditions).ToString());
        Assert.Equal([ContactChannel.HomeVisit], d.GetStep("home-visit").Channels);
        Assert.Equal(
            [ContactChannel.Phone, ContactChannel.WeChat, ContactChannel.Phone],
            new[] { "followup-d1", "followup-d7", "followup-d30" }.Select(id => d.GetStep(id).Channels[0]));
    }

    [Fact]
    public void Red_is_the_general_managers_with_three_budgets_by_value_score_and_the_farewell_ending()
    {
        var d = BuiltInWorkflows.RedRecovery;

        Assert.Equal(WorkflowTrigger.RiskTierEntered(RiskTier.Red), d.Trigger);
        Assert.Equal(
            [
                ("call", Gm, "0-24 h"), ("call-again", Gm, "1-3 h after step 'call'"), ("full-recovery", Gm, "D+0 after step 'call'"), ("farewell", Gm, "D+0 after step 'call'"),
                ("effort", Gm, "D+0 after step 'call'"), ("home-visit", Gm, "D2"), ("commitment", Gm, "D+0..D+1 after step 'home-visit'"),
                ("top-service", Gm, "the appointment day"), ("delivery", Gm, "D+0 after the visit"),
                ("care-first-3-months", Sa, "D+14..D+16 after the visit, then every 2 weeks, 6 times"),
                ("care-monthly", Sa, "D+30..D+32 after step 'care-first-3-months', then every month, 9 times"),
            ],
            Rows(d));
        Assert.Equal(["risk.red.gm-call", "risk.red.gm-call", null, null, null, "risk.red.apology-plan", "risk.red.commitment-letter", null, null, null, null], Scripts(d));
        Assert.Equal(
            [(3000m, "valueScore >= 80"), (500m, "valueScore < 60"), (2000m, "")],
            new[] { "full-recovery", "farewell", "effort" }.Select(id => (d.GetStep(id).Approval!.Amount, string.Join(" and ", d.GetStep(id).Conditions))));
        Assert.All(new[] { "full-recovery", "farewell", "effort" }, id => Assert.Equal(Gm, d.GetStep(id).Approval!.Approver));
        Assert.Equal(WorkflowOutcome.Farewell, d.GetStep("farewell").RouteFor(StepOutcomes.Done)!.Finish);
        Assert.Equal("home-visit", d.GetStep("full-recovery").RouteFor(StepOutcomes.Done)!.Next);
    }

    [Theory]
    [InlineData(DetractorGrade.S, "0-2 h", StaffRole.ServiceManager, ContactPurpose.Urgent, "0-1 h after step 'first-contact'", StaffRole.StoreManager, "5000")]
    [InlineData(DetractorGrade.A, "2-6 h", StaffRole.ServiceManager, ContactPurpose.Recovery, "1-4 h after step 'first-contact'", StaffRole.StoreManager, "2000")]
    [InlineData(DetractorGrade.B, "2-24 h", StaffRole.ServiceAdvisor, ContactPurpose.Recovery, "1-4 h after step 'first-contact'", StaffRole.CustomerServiceSupervisor, "500")]
    public void Nps_rescue_has_the_six_hour_windows_with_the_grades_deadline_responder_retry_and_approver(
        DetractorGrade grade, string firstContact, StaffRole responder, ContactPurpose purpose, string retry, StaffRole approver, string authority)
    {
        var d = grade switch { DetractorGrade.S => BuiltInWorkflows.NpsRescueS, DetractorGrade.A => BuiltInWorkflows.NpsRescueA, _ => BuiltInWorkflows.NpsRescueB };
        string[] later = grade == DetractorGrade.B
            ? ["0-4 h after step 'first-contact'", "4-8 h after step 'first-contact'", "8-20 h after step 'first-contact'", "8-68 h after step 'first-contact'", "68-164 h after step 'first-contact'"]
            : ["4-8 h", "8-12 h", "12-24 h", "12-72 h", "72-168 h"];

        Assert.Equal("nps.rescue." + grade.ToString().ToLowerInvariant(), d.Id);
        Assert.Equal(WorkflowTrigger.DetractorAnswered(grade), d.Trigger);
        Assert.Equal(
            [
                ("grade", Sm, "0-2 h"), ("first-contact", responder, firstContact), ("first-contact-again", responder, retry),
                ("investigate", responder, later[0]), ("design", responder, later[1]), ("approve", approver, "0-2 h after step 'design'"),
                ("start", responder, later[2]), ("execute", responder, later[3]), ("review", Sm, later[4]),
            ],
            Rows(d));
        Assert.Equal([null, "nps.detractor.first-call", "nps.detractor.first-call", null, null, null, "nps.detractor.callback", "nps.detractor.progress nps.rerating-request", null], Scripts(d));
        Assert.Equal(purpose, d.GetStep("first-contact").Touch!.Purpose);
        var up = grade == DetractorGrade.S ? (StaffRole?)StaffRole.RegionalManager : null;
        Assert.Equal((up, up), (d.GetStep("first-contact").EscalateTo, d.GetStep("first-contact-again").EscalateTo));
        Assert.Equal(("investigate", "first-contact-again"), (d.GetStep("first-contact").RouteFor(StepOutcomes.Done)!.Next, d.GetStep("first-contact").RouteFor(StepOutcomes.NoAnswer)!.Next));
        Assert.Equal([StepOutcomes.Done, BuiltInWorkflows.AboveAuthority], d.GetStep("design").Outcomes);
        Assert.Equal("start", d.GetStep("design").RouteFor(StepOutcomes.Done)!.Next);
        Assert.Equal("start", d.GetStep("approve").RouteFor("Declined")!.Next);
        Assert.Contains(authority, d.GetStep("design").Title.En, StringComparison.Ordinal);
        Assert.Null(d.GetStep("approve").Approval); // the plan's total is the host's: the task is the request
        Assert.Equal([ContactChannel.Phone, ContactChannel.HomeVisit], d.GetStep("start").Channels); // call back, apologise in person
        Assert.Equal([ContactChannel.Phone], d.GetStep("execute").Channels);
    }

    [Theory]
    [InlineData("risk.yellow", "classify")]
    [InlineData("risk.orange", "meeting-home-visit")]
    [InlineData("risk.red", "full-recovery")]
    public void Risk_calls_try_again_once_when_nobody_answers_and_go_on_in_writing_after_a_second_no_answer(string id, string afterCall)
    {
        var d = BuiltInWorkflows.All.Single(w => w.Id == id);
        var call = d.GetStep("call");
        var again = d.GetStep("call-again");

        Assert.Equal((afterCall, "call-again"), (call.RouteFor(StepOutcomes.Done)!.Next, call.RouteFor(StepOutcomes.NoAnswer)!.Next));
        Assert.Equal([StepOutcomes.Done, StepOutcomes.NoAnswer, StepOutcomes.Refused], again.Outcomes);
        Assert.Equal(again.RouteFor(StepOutcomes.Done)!.Next, again.RouteFor(StepOutcomes.NoAnswer)!.Next);
        Assert.Equal(WorkflowOutcome.NotRecovered, again.RouteFor(StepOutcomes.Refused)!.Finish);
        Assert.Equal((call.Owner, ContactPurpose.Recovery), (again.Owner, again.Touch!.Purpose));
        Assert.Equal(call.ScriptIds, again.ScriptIds);
        Assert.Equal(AnchorKind.Step, again.Window.Anchor!.Kind);
    }

    [Fact]
    public void Pre_churn_analyses_then_reaches_out_by_value_tier_within_24_h_retries_after_3_days_and_confirms_the_day_before()
    {
        var d = BuiltInWorkflows.PreChurn;

        Assert.Equal(new WorkflowTrigger(TriggerKind.ChurnStageEntered, "PreChurn"), d.Trigger);
        Assert.Equal(
            [
                ("analyse", Sa, "0-24 h"), ("outreach-high", Mgr, "0-24 h"), ("outreach-mid", Sa, "0-24 h"), ("outreach-low", Sa, "0-24 h"),
                ("retry", Sa, "D4-D5"), ("confirm", Sa, "D-1 after the appointment"),
            ],
            Rows(d));
        Assert.Equal([null, "prechurn.high.manager-call", "prechurn.mid.advisor-call", "prechurn.low.sms", "prechurn.mid.advisor-call", null], Scripts(d));
        Assert.Equal(["valueTier == High"], d.GetStep("outreach-high").Conditions.Select(c => c.ToString()));
        Assert.Equal(["valueTier == Mid"], d.GetStep("outreach-mid").Conditions.Select(c => c.ToString()));
        Assert.Empty(d.GetStep("outreach-low").Conditions);
        Assert.Equal(ContactPurpose.Marketing, d.GetStep("outreach-low").Touch!.Purpose);
        Assert.Equal([ContactChannel.Sms, ContactChannel.AppPush], d.GetStep("outreach-low").Channels);
    }

    [Fact]
    public void Early_and_deep_churn_follow_their_lists()
    {
        Assert.Equal(
            [("call", Mgr, "D1-D3"), ("visit", Mgr, "the appointment day"), ("follow-up", Mgr, "D+1..D+2 after the visit")],
            Rows(BuiltInWorkflows.EarlyChurn));
        Assert.Equal(["earlychurn.manager-call", null, "followup.first-call"], Scripts(BuiltInWorkflows.EarlyChurn));
        Assert.Equal(
            [("reconnect", Gm, "D1-D7"), ("solve", Sm, "D8-D14"), ("upgrade", Sa, "D15-D21")],
            Rows(BuiltInWorkflows.DeepChurn));
        Assert.Equal([ContactChannel.HomeVisit], BuiltInWorkflows.DeepChurn.GetStep("reconnect").Channels);
    }

    [Fact]
    public void Post_service_follow_up_follows_the_touch_table()
    {
        var d = BuiltInWorkflows.PostServiceFollowUp;

        Assert.Equal(TriggerKind.VisitCompleted, d.Trigger.Kind);
        Assert.Equal(
            [
                ("immediate", Sa, "0-2 h"), ("care-call", Sa, "0-24 h"), ("automated-survey", Sa, "24-48 h"), ("problem-call", Sa, "0-2 h after step 'automated-survey'"),
                ("first-call", Sa, "24-48 h"), ("care", Sa, "D8"), ("relationship", Sa, "D31"),
            ],
            Rows(d));
        Assert.Equal(["followup.immediate", "followup.first-call", "followup.first-call", "followup.first-call", "followup.first-call", "followup.day7", "followup.day30"], Scripts(d));
        Assert.Equal(
            [ContactChannel.Sms, ContactChannel.Phone, ContactChannel.Phone, ContactChannel.Phone, ContactChannel.Phone, ContactChannel.Sms, ContactChannel.Phone],
            d.Steps.Select(s => s.Channels[0]));
        Assert.All(d.Steps, s => Assert.Equal(ContactPurpose.ServiceFollowUp, s.Touch!.Purpose));

        // Dual channel: the automated survey only when the context says so; a problem reported to it goes to a person.
        var survey = d.GetStep("automated-survey");
        Assert.Equal("followUpBy == Automated", Assert.Single(survey.Conditions).ToString());
        Assert.Equal(("first-call", "care", "problem-call"), (survey.RouteFor(StepOutcomes.Skipped)!.Next, survey.RouteFor(StepOutcomes.Done)!.Next, survey.RouteFor("Problem")!.Next));
        Assert.Equal([StepOutcomes.Done, StepOutcomes.NoAnswer, "Problem"], d.GetStep("first-call").Outcomes);

        // Red-tier recovery care: the advisor within 24 h; unanswered, the advisor's usual call at 24-48 h.
        var careCall = d.GetStep("care-call");
        Assert.Equal("followUpBy == RecoveryCare", Assert.Single(careCall.Conditions).ToString());
        Assert.Equal(("care", "first-call", "care"), (careCall.RouteFor(StepOutcomes.Done)!.Next, careCall.RouteFor(StepOutcomes.NoAnswer)!.Next, careCall.RouteFor("Problem")!.Next));
    }

    [Fact]
    public void Problem_levels_follow_the_table()
    {
        Assert.Equal(
            [("first-contact", Sup, "0-2 h"), ("solution", Sup, "0-4 h"), ("resolve", Sup, "0-24 h"), ("daily-follow-up", Sup, "D+1 after step 'resolve', then every day, 14 times")],
            Rows(BuiltInWorkflows.ProblemL1));
        Assert.Equal(ContactPurpose.Urgent, BuiltInWorkflows.ProblemL1.GetStep("first-contact").Touch!.Purpose);
        Assert.True(BuiltInWorkflows.ProblemL1.GetStep("daily-follow-up").RouteFor("Satisfied")!.EndsRecurrence);
        Assert.Equal(
            [("first-contact", Sa, "0-4 h"), ("inspection", Sa, "0-24 h"), ("resolve", Sa, "0-48 h"), ("follow-up-d3", Sa, "D+3 after step 'resolve'"), ("follow-up-d7", Sa, "D+7 after step 'resolve'")],
            Rows(BuiltInWorkflows.ProblemL2));
        Assert.Equal([("first-contact", Sa, "0-24 h"), ("close", Sa, "0-72 h")], Rows(BuiltInWorkflows.ProblemL3));
        Assert.Equal(
            ["L1", "L2", "L3"],
            new[] { BuiltInWorkflows.ProblemL1, BuiltInWorkflows.ProblemL2, BuiltInWorkflows.ProblemL3 }.Select(d => d.Trigger.Detail));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_script_id_is_in_the_built_in_catalog(string id)
    {
        var d = BuiltInWorkflows.All.Single(x => x.Id == id);

        Assert.Empty(d.MissingScripts(ScriptCatalog.BuiltIn.Ids));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Steps_that_reach_the_customer_plan_a_touch_and_internal_steps_do_not(string id)
    {
        var d = BuiltInWorkflows.All.Single(x => x.Id == id);

        Assert.All(d.Steps, s => Assert.True(s.Channels.IsEmpty == s.Touch is null, $"step '{s.Id}'"));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Titles_are_in_both_locales_and_the_definition_round_trips_through_json(string id)
    {
        var d = BuiltInWorkflows.All.Single(x => x.Id == id);

        AssertBothLocales(d.Title, id);
        Assert.All(d.Steps, s => AssertBothLocales(s.Title, $"{id}/{s.Id}"));
        Assert.Equal(d, WorkflowJson.DeserializeDefinition(WorkflowJson.Serialize(d)));
    }

    [Fact]
    public void Register_adds_every_built_in_to_a_registry_and_twice_changes_nothing()
    {
        var once = BuiltInWorkflows.Register(WorkflowRegistry.Empty);
        var twice = BuiltInWorkflows.Register(once);

        Assert.Equal(14, once.Definitions.Length);
        Assert.Equal(once.Definitions, twice.Definitions);
        Assert.Same(BuiltInWorkflows.RedRecovery, once.Latest("risk.red"));
        Assert.Throws<ArgumentNullException>(() => BuiltInWorkflows.Register(null!));
    }

    [Fact]
    public void AddBuiltInWorkflows_registers_them_for_the_engine_once()
    {
        var services = new ServiceCollection()
            .AddRetentionWorkflows()
            .AddBuiltInWorkflows()
            .AddBuiltInWorkflows();
        using var provider = services.BuildServiceProvider();

        Assert.Equal(14, services.Count(s => s.ServiceType == typeof(WorkflowDefinition)));
        var engine = provider.GetRequiredService<WorkflowEngine>();
        Assert.Equal(BuiltInWorkflows.All.Select(d => d.Id).Order(StringComparer.Ordinal), engine.Definitions.Definitions.Select(d => d.Id));
        Assert.Equal("problem.l3", engine.Start("problem.l3", "C1", WorkflowContext.Empty, Start).Instance.DefinitionId);
        Assert.Throws<ArgumentNullException>(() => BuiltInWorkflowServiceCollectionExtensions.AddBuiltInWorkflows(null!));
    }
}

/// <summary>workflows.md section 7: every workflow a built-in trigger rule starts exists among the built-in definitions.</summary>
public class BuiltInTriggerTargetTests
{
    [Fact]
    public void Every_built_in_trigger_rule_that_starts_a_workflow_names_a_built_in_definition()
    {
        var ids = BuiltInWorkflows.All.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var rule in TriggerRules.BuiltIn(new TriggerOptions()))
        {
            if (rule.Action.WorkflowId is string id)
            {
                Assert.Contains(id, ids);
            }
        }

        Assert.Contains("followup.battery-weekly", ids);
    }
}
