using System;
using System.Collections.Immutable;
using System.Linq;
using Retention.Scripts;
using Retention.Workflows.Tests.Support;
using Xunit;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests;

/// <summary>
/// Spec section 1, definitions: id, version, trigger, ordered steps with owner, channels, scripts, window, conditions,
/// outcomes and routes, escalation; built fluently, checked as a whole with clear errors, and inspectable.
/// </summary>
public class DefinitionTests
{
    private static WorkflowBuilder New(string id = "test.def") => new(id, 1, T("Definition"));

    private static WorkflowDefinitionException Invalid(Func<WorkflowDefinition> build) => Assert.Throws<WorkflowDefinitionException>(() => build());

    [Fact]
    public void The_small_definition_is_inspectable()
    {
        Assert.Equal(("test.small", 1, "Small test"), (Small.Id, Small.Version, Small.Title.En));
        Assert.Equal(new WorkflowTrigger(TriggerKind.RiskTierEntered, "Yellow"), Small.Trigger);
        Assert.Equal(["call", "retry", "offer", "book", "followup", "care"], Small.Steps.Select(s => s.Id));
        Assert.Equal([StaffRole.CustomerServiceSupervisor, StaffRole.ServiceAdvisor, StaffRole.StoreManager], Small.Owners());
        Assert.Equal(["risk.yellow.supervisor-call", "followup.first-call"], Small.ScriptIds());
        Assert.Equal("D1-D2", Small.GetStep("call").Window.ToString());
        Assert.Equal([ContactChannel.Phone, ContactChannel.WeChat], Small.GetStep("call").Channels);
        Assert.Equal(["Agreed", "Hesitant", "NoAnswer", "Refused"], Small.GetStep("call").Outcomes);
        Assert.Equal(3, Small.IndexOf("book"));
        Assert.Equal(-1, Small.IndexOf("nope"));
        Assert.False(Small.TryGetStep("nope", out _));
        Assert.Contains("its steps are call, retry", Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => Small.GetStep("nope")).Message, StringComparison.Ordinal);
        Assert.Equal("test.small v1 (6 steps)", Small.ToString());
    }

    [Fact]
    public void Defaults_a_step_without_outcomes_ends_Done_and_goes_on_a_conditional_step_goes_on_when_skipped()
    {
        var followup = Small.GetStep("followup");
        Assert.Equal([new OutcomeRoute("Done", next: "care")], followup.Routes);

        var offer = Small.GetStep("offer");
        Assert.Equal(new OutcomeRoute("Skipped", next: "book"), offer.RouteFor(StepOutcomes.Skipped));
        Assert.Equal(new OutcomeRoute("Agreed", next: "book"), offer.RouteFor("Agreed"));
        Assert.False(offer.Allows(StepOutcomes.Skipped));
        Assert.Equal("valueScore > 70", Assert.Single(offer.Conditions).ToString());
        Assert.Equal(new StepApproval(800m, StaffRole.GeneralManager), offer.Approval);

        var twoOutcomes = New().Step("a", T("A")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 1)).Outcomes("Yes", "No")
            .Step("b", T("B")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 2)).On("Done").Finish(WorkflowOutcome.Recovered).Build();
        Assert.Equal(["b", "b"], twoOutcomes.Steps[0].Routes.Select(r => r.Next));
    }

    [Fact]
    public void Duplicate_step_ids_missing_targets_and_the_last_steps_missing_end_are_all_listed_at_once()
    {
        var e = Invalid(() => New()
            .Step("a", T("A")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 1)).On("Done").GoTo("zzz")
            .Step("a", T("A again")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 1))
            .Build());

        Assert.Contains(e.Problems, p => p.Contains("step 'a': outcome Done goes on to the next step, but this is the last step", StringComparison.Ordinal));
        Assert.StartsWith("workflow 'test.def' v1: ", e.Problems[0], StringComparison.Ordinal);

        var e2 = Invalid(() => New()
            .Step("a", T("A")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 1)).On("Done").GoTo("zzz")
            .Step("a", T("A again")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 1)).On("Done").Finish(WorkflowOutcome.Recovered)
            .Build());
        Assert.Contains(e2.Problems, p => p.EndsWith("step id 'a' is used more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void An_outcome_leading_to_a_step_that_does_not_exist_is_an_error()
    {
        var e = Invalid(() => New()
            .Step("a", T("A")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 1)).On("Done").GoTo("zzz").On("No").Finish(WorkflowOutcome.NotRecovered)
            .Build());

        Assert.Equal("workflow 'test.def' v1: step 'a': outcome Done leads to step 'zzz', which does not exist", Assert.Single(e.Problems));
    }

    [Fact]
    public void Cycles_are_rejected_naming_the_cycle()
    {
        var e = Invalid(() => New()
            .Step("a", T("A")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 1)).On("Done").Next().On("End").Finish(WorkflowOutcome.Recovered)
            .Step("b", T("B")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 2)).On("Again").GoTo("a").On("End").Finish(WorkflowOutcome.Recovered)
            .Build());

        Assert.Contains("the routes form a cycle (a -> b -> a)", Assert.Single(e.Problems), StringComparison.Ordinal);

        var self = Invalid(() => New().Step("a", T("A")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 1)).On("Again").GoTo("a").On("End").Finish(WorkflowOutcome.Recovered).Build());
        Assert.Contains("leads back to the step itself", self.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_that_can_never_be_reached_is_an_error()
    {
        var e = Invalid(() => New()
            .Step("a", T("A")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 1)).On("Done").Finish(WorkflowOutcome.Recovered)
            .Step("b", T("B")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 2)).On("Done").Finish(WorkflowOutcome.Recovered)
            .Build());

        Assert.Contains("step 'b' can never be reached from the first step 'a'", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_window_must_count_from_a_step_always_completed_before_it()
    {
        var e = Invalid(() => New()
            .Step("a", T("A")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 1)).On("Yes").Next().On("No").GoTo("c")
            .Step("b", T("B")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 2))
            .Step("c", T("C")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.DaysAfter(WindowAnchor.AfterStep("b"), 1, 1)).On("Done").Finish(WorkflowOutcome.Recovered)
            .Build());
        Assert.Contains("'c' can be reached without passing 'b'", Assert.Single(e.Problems), StringComparison.Ordinal);

        var missing = Invalid(() => New()
            .Step("a", T("A")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.DaysAfter(WindowAnchor.AfterStep("x"), 0, 1)).On("Done").Finish(WorkflowOutcome.Recovered)
            .Build());
        Assert.Contains("counts from step 'x', which does not exist", Assert.Single(missing.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_start_relative_window_may_not_end_before_the_window_of_a_step_leading_to_it()
    {
        var e = Invalid(() => New()
            .Step("a", T("A")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(3, 4))
            .Step("b", T("B")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 2)).On("Done").Finish(WorkflowOutcome.Recovered)
            .Build());
        Assert.Contains("step 'b': its window ends on D2, before the D4 of step 'a' that leads to it", Assert.Single(e.Problems), StringComparison.Ordinal);

        var hours = Invalid(() => New()
            .Step("a", T("A")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Hours(0, 8))
            .Step("b", T("B")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Hours(0, 4)).On("Done").Finish(WorkflowOutcome.Recovered)
            .Build());
        Assert.Contains("ends at 0-4 h, before the 0-8 h of step 'a'", Assert.Single(hours.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Step_level_mistakes_are_listed_per_step()
    {
        var e = Invalid(() => New()
            .Step("a", T("A")).Within(StepWindow.Days(1, 1))
            .Step("b", T("B")).OwnedBy(StaffRole.ServiceAdvisor)
            .Step("c", new LocalizedText("", "C")).OwnedBy(StaffRole.StoreManager).Within(StepWindow.Days(1, 2)).EscalateTo(StaffRole.ServiceAdvisor)
                .Via(ContactChannel.Sms, ContactChannel.Sms).Script("x", "x").When("valueScore >> 3").On("bad name!").Finish(WorkflowOutcome.Recovered)
            .Step("d", T("D")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 2)).Touch(ContactPurpose.Care)
                .On("Done").Finish(WorkflowOutcome.Cancelled).On("Stop").AtOnce().Finish(WorkflowOutcome.Recovered)
            .Build());

        string all = string.Join("\n", e.Problems);
        Assert.Contains("step 'a': needs an owner", all, StringComparison.Ordinal);
        Assert.Contains("step 'b': needs a window", all, StringComparison.Ordinal);
        Assert.Contains("step 'c': needs a title in both zh-CN and en", all, StringComparison.Ordinal);
        Assert.Contains("escalates to ServiceAdvisor, which must be a role more senior than the owner StoreManager", all, StringComparison.Ordinal);
        Assert.Contains("channel Sms is listed more than once", all, StringComparison.Ordinal);
        Assert.Contains("script x is listed more than once", all, StringComparison.Ordinal);
        Assert.Contains("step 'c': condition on valueScore: \"> 3\" is not a number", all, StringComparison.Ordinal);
        Assert.Contains("outcome \"bad name!\" must be 1 to 64 letters", all, StringComparison.Ordinal);
        Assert.Contains("step 'd': makes a customer touch but lists no channel", all, StringComparison.Ordinal);
        Assert.Contains("cannot finish the workflow as Cancelled", all, StringComparison.Ordinal);
        Assert.Contains("only a recurring step can end its recurrence at once", all, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conditional_last_step_must_say_where_to_go_when_skipped()
    {
        var e = Invalid(() => New()
            .Step("a", T("A")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 1)).When("grade == S").On("Done").Finish(WorkflowOutcome.Recovered)
            .Build());
        Assert.Contains("outcome Skipped goes on to the next step, but this is the last step", Assert.Single(e.Problems), StringComparison.Ordinal);

        var ok = New()
            .Step("a", T("A")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 1)).When("grade == S")
                .On("Done").Finish(WorkflowOutcome.Recovered).WhenSkipped().Finish(WorkflowOutcome.Farewell)
            .Build();
        Assert.Equal(WorkflowOutcome.Farewell, ok.Steps[0].RouteFor("Skipped")!.Finish);
    }

    [Fact]
    public void Definitions_built_by_hand_are_checked_the_same_way()
    {
        var step = new WorkflowStep("a", T("A"), StaffRole.ServiceAdvisor, StepWindow.Days(1, 1), [new OutcomeRoute("Done", next: "b")]);

        var e = Assert.Throws<WorkflowDefinitionException>(() => new WorkflowDefinition("test.hand", 0, T("Hand"), WorkflowTrigger.Manual, [step]));

        Assert.Contains(e.Problems, p => p.Contains("version must be at least 1 (was 0)", StringComparison.Ordinal));
        Assert.Contains("needs at least one step", Assert.Throws<WorkflowDefinitionException>(() => new WorkflowDefinition("x", 1, T("X"), WorkflowTrigger.Manual, [])).Message, StringComparison.Ordinal);
        Assert.Contains("must either lead to a step or finish the workflow, not both", Assert.Throws<WorkflowDefinitionException>(() => new OutcomeRoute("Done", "b", WorkflowOutcome.Recovered)).Message, StringComparison.Ordinal);
        Assert.Contains("routes Skipped but has no condition", Assert.Throws<WorkflowDefinitionException>(() => new WorkflowStep("a", T("A"), StaffRole.ServiceAdvisor, StepWindow.Days(1, 1), [new OutcomeRoute("Done", finish: WorkflowOutcome.Recovered), new OutcomeRoute("Skipped", "b")])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_ids_are_checked_against_the_Retention_Scripts_catalog()
    {
        Assert.Empty(Small.MissingScripts(ScriptCatalog.BuiltIn.Ids));

        var typo = New().Step("a", T("A")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 1)).Script("risk.yelow.supervisor-call")
            .On("Done").Finish(WorkflowOutcome.Recovered).Build();
        Assert.Equal(["step 'a': script 'risk.yelow.supervisor-call' is not in the catalog"], typo.MissingScripts(ScriptCatalog.BuiltIn.Ids));
    }

    [Fact]
    public void Equal_definitions_are_equal_and_a_changed_one_is_not()
    {
        Assert.Equal(Small, SmallVersion(1));
        Assert.Equal(Small.GetHashCode(), SmallVersion(1).GetHashCode());
        Assert.NotEqual(Small, SmallVersion(2));
        var changedStep = Small.Steps[0];
        var other = new WorkflowDefinition(Small.Id, 1, Small.Title, Small.Trigger, Small.Steps.SetItem(0, new WorkflowStep(changedStep.Id, changedStep.Title, changedStep.Owner, changedStep.Window, changedStep.Routes, [ContactChannel.Sms], changedStep.ScriptIds, changedStep.Conditions, changedStep.EscalateTo, changedStep.Touch)));
        Assert.NotEqual(Small, other);
    }
}

/// <summary>Spec section 1, conditions kept as data: "value score &gt; 70", "grade == S", evaluated against the instance's context.</summary>
public class ConditionTests
{
    [Theory]
    [InlineData("valueScore > 70", 70.5, true)]
    [InlineData("valueScore > 70", 70.0, false)]
    [InlineData("valueScore >= 70", 70.0, true)]
    [InlineData("valueScore < 60", 59.99, true)]
    [InlineData("valueScore <= 60", 60.0, true)]
    [InlineData("valueScore == 80", 80.0, true)]
    [InlineData("valueScore != 80", 80.0, false)]
    [InlineData("valueScore>80", 80.5, true)]
    public void Value_score_conditions_compare_numbers(string text, double score, bool met)
    {
        Assert.Equal(met, StepCondition.Parse(text).IsMetBy(new WorkflowContext(valueScore: score)));
    }

    [Theory]
    [InlineData("grade == S", DetractorGrade.S, true)]
    [InlineData("grade == S", DetractorGrade.A, false)]
    [InlineData("grade >= A", DetractorGrade.S, true)]
    [InlineData("grade >= A", DetractorGrade.B, false)]
    [InlineData("grade != B", DetractorGrade.A, true)]
    public void Grade_conditions_follow_seriousness_B_A_S(string text, DetractorGrade grade, bool met)
    {
        Assert.Equal(met, StepCondition.Parse(text).IsMetBy(new WorkflowContext(grade: grade)));
    }

    [Theory]
    [InlineData("riskTier >= Orange", RiskTier.Red, true)]
    [InlineData("riskTier >= Orange", RiskTier.Yellow, false)]
    [InlineData("riskTier == Yellow", RiskTier.Yellow, true)]
    public void Risk_tier_conditions_follow_tier_order(string text, RiskTier tier, bool met)
    {
        Assert.Equal(met, StepCondition.Parse(text).IsMetBy(new WorkflowContext(riskTier: tier)));
    }

    [Fact]
    public void Free_values_compare_as_numbers_when_both_are_numbers_else_as_text()
    {
        var context = WorkflowContext.Empty.With("repairs", "10").With("system", "brakes");

        Assert.True(StepCondition.Parse("repairs >= 2").IsMetBy(context)); // "10" < "2" as text
        Assert.True(StepCondition.Parse("system == brakes").IsMetBy(context));
        Assert.False(StepCondition.Parse("system == Brakes").IsMetBy(context));
        Assert.True(StepCondition.Parse("system != battery").IsMetBy(context));
    }

    [Fact]
    public void A_missing_value_never_meets_a_condition_whatever_the_operator()
    {
        Assert.False(StepCondition.Parse("valueScore > 70").IsMetBy(WorkflowContext.Empty));
        Assert.False(StepCondition.Parse("valueScore != 70").IsMetBy(WorkflowContext.Empty));
        Assert.False(StepCondition.Parse("grade != S").IsMetBy(WorkflowContext.Empty));
        Assert.False(StepCondition.Parse("mileage > 80000").IsMetBy(WorkflowContext.Empty));
    }

    [Theory]
    [InlineData("valueScore", "must read 'key op value'")]
    [InlineData("> 70", "must read 'key op value'")]
    [InlineData("valueScore => 70", "must read 'key op value'")]
    [InlineData("valueScore > ", "must be non-empty")]
    [InlineData("valueScore > high", "is not a number")]
    [InlineData("grade == C", "is not one of B, A, S")]
    [InlineData("grade == 2", "is not one of B, A, S")]
    [InlineData("riskTier == Purple", "is not one of None, Yellow, Orange, Red")]
    [InlineData("1abc == 2", "must start with a letter")]
    public void Malformed_conditions_are_rejected_saying_why(string text, string expected)
    {
        Assert.Contains(expected, Assert.Throws<WorkflowDefinitionException>(() => StepCondition.Parse(text)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_condition_reads_back_from_its_text()
    {
        foreach (var text in new[] { "valueScore > 70", "grade == S", "riskTier <= Orange", "repairs != 0", "mileage >= 80000" })
        {
            var c = StepCondition.Parse(text);
            Assert.Equal(text, c.ToString());
            Assert.Equal(c, StepCondition.Parse(c.ToString()));
        }
    }
}
