using System;
using NodaTime;
using Retention.Workflows.Tests.Support;
using Xunit;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests;

/// <summary>
/// Spec section 1: an event for a finished instance, an unknown step or an outcome the step does not allow is rejected
/// with a clear error (<see cref="WorkflowException"/> with its <see cref="WorkflowProblem"/>), and so is anything else
/// that does not fit the instance. A rejected event leaves the instance as it was.
/// </summary>
public class ErrorTests
{
    private static readonly Instant Later = Start + Duration.FromHours(3);

    private static WorkflowException Rejected(WorkflowInstance instance, WorkflowEvent e, Instant? now = null) =>
        Assert.Throws<WorkflowException>(() => Engine.Apply(instance, e, now ?? Later));

    [Fact]
    public void An_event_for_a_finished_instance_is_rejected_naming_the_outcome()
    {
        var finished = Run(StartSmall().Instance, new Cancelled(Later, "moved away"));

        var e = Rejected(finished, new StepCompleted("call", StepOutcomes.Agreed, Later));

        Assert.Equal(WorkflowProblem.InstanceFinished, e.Problem);
        Assert.Contains("finished (Cancelled)", e.Message, StringComparison.Ordinal);
        Assert.Contains("test.small", e.Message, StringComparison.Ordinal);
        Assert.Contains("C42", e.Message, StringComparison.Ordinal);
        Assert.Equal(WorkflowProblem.InstanceFinished, Rejected(finished, new VisitCompleted(Later)).Problem);
    }

    [Fact]
    public void An_unknown_step_is_rejected_listing_the_steps()
    {
        var e = Rejected(StartSmall().Instance, new StepCompleted("calll", StepOutcomes.Agreed, Later));

        Assert.Equal((WorkflowProblem.UnknownStep, "calll"), (e.Problem, e.StepId));
        Assert.Contains("no step 'calll'", e.Message, StringComparison.Ordinal);
        Assert.Contains("call, retry, offer, book, followup, care", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Done")]
    [InlineData("agreed")]
    [InlineData("Skipped")]
    [InlineData("")]
    public void An_outcome_the_step_does_not_allow_is_rejected_listing_the_allowed_ones(string outcome)
    {
        var e = Rejected(StartSmall().Instance, new StepCompleted("call", outcome, Later));

        Assert.Equal((WorkflowProblem.OutcomeNotAllowed, "call"), (e.Problem, e.StepId));
        Assert.Contains($"\"{outcome}\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("Agreed, Hesitant, NoAnswer, Refused", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_not_reached_yet_cannot_be_completed()
    {
        var e = Rejected(StartSmall().Instance, new StepCompleted("care", StepOutcomes.Done, Later));

        Assert.Equal((WorkflowProblem.StepNotActive, "care"), (e.Problem, e.StepId));
        Assert.Contains("not been reached", e.Message, StringComparison.Ordinal);
        Assert.Contains("at step 'call'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_skipped_step_cannot_be_completed()
    {
        var skipped = Run(StartSmall(valueScore: 10).Instance, new StepCompleted("call", StepOutcomes.Hesitant, Later));

        var e = Rejected(skipped, new StepCompleted("offer", StepOutcomes.Agreed, Later));

        Assert.Equal(WorkflowProblem.StepNotActive, e.Problem);
        Assert.Contains("skipped", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_done_step_cannot_be_completed_again_with_another_outcome()
    {
        var done = Run(StartSmall().Instance, new StepCompleted("call", StepOutcomes.Agreed, Later));

        var e = Rejected(done, new StepCompleted("call", StepOutcomes.Hesitant, Later));

        Assert.Equal(WorkflowProblem.StepAlreadyCompleted, e.Problem);
        Assert.Contains("already completed as Agreed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_after_now_is_rejected()
    {
        var e = Rejected(StartSmall().Instance, new VisitCompleted(Later + Duration.FromSeconds(1)), Later);

        Assert.Equal(WorkflowProblem.EventInFuture, e.Problem);
    }

    [Fact]
    public void An_instance_whose_definition_is_not_registered_is_rejected_naming_the_registered_versions()
    {
        var instance = StartSmall().Instance;
        var engine = new WorkflowEngine(new WorkflowRegistry([SmallVersion(2)]));

        var e = Assert.Throws<WorkflowException>(() => engine.Apply(instance, new CustomerReplied(Later), Later));
        Assert.Equal(WorkflowProblem.DefinitionNotFound, e.Problem);
        Assert.Contains("'test.small' v1 is not registered; registered versions: 2", e.Message, StringComparison.Ordinal);
        Assert.Equal(WorkflowProblem.DefinitionNotFound, Assert.Throws<WorkflowException>(() => engine.Tick(instance, Later + Duration.FromDays(9))).Problem);
        Assert.Equal(WorkflowProblem.DefinitionNotFound, Assert.Throws<WorkflowException>(() => engine.Start(Small, "C1", WorkflowContext.Empty, Start)).Problem);
        Assert.Equal(WorkflowProblem.DefinitionNotFound, Assert.Throws<WorkflowException>(() => engine.Start("test.other", "C1", WorkflowContext.Empty, Start)).Problem);
    }

    [Fact]
    public void Starting_a_definition_that_differs_from_the_registered_one_of_the_same_version_is_rejected()
    {
        var changed = new WorkflowBuilder("test.small", 1, T("Changed"))
            .Step("call", T("Call")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 1)).On(StepOutcomes.Done).Finish(WorkflowOutcome.Recovered)
            .Build();

        var e = Assert.Throws<WorkflowException>(() => Engine.Start(changed, "C1", WorkflowContext.Empty, Start));

        Assert.Equal(WorkflowProblem.DefinitionMismatch, e.Problem);
        Assert.Contains("new version", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_instance_whose_steps_are_not_its_definitions_steps_is_rejected()
    {
        var instance = StartSmall().Instance;
        var tampered = new WorkflowInstance(instance.DefinitionId, 1, instance.Subject, instance.StartedAt, instance.Context, instance.Steps.RemoveAt(5));

        var e = Assert.Throws<WorkflowException>(() => Engine.Apply(tampered, new CustomerReplied(Later), Later));

        Assert.Equal(WorkflowProblem.DefinitionMismatch, e.Problem);
    }

    [Fact]
    public void Null_and_empty_arguments_are_bad_input()
    {
        var instance = StartSmall().Instance;

        Assert.Equal("definition", Assert.Throws<ArgumentNullException>(() => Engine.Start((WorkflowDefinition)null!, "C", WorkflowContext.Empty, Start)).ParamName);
        Assert.Equal("subject", Assert.Throws<ArgumentException>(() => Engine.Start(Small, " ", WorkflowContext.Empty, Start)).ParamName);
        Assert.Equal("context", Assert.Throws<ArgumentNullException>(() => Engine.Start(Small, "C", null!, Start)).ParamName);
        Assert.Equal("instance", Assert.Throws<ArgumentNullException>(() => Engine.Apply(null!, new CustomerReplied(Start), Start)).ParamName);
        Assert.Equal("workflowEvent", Assert.Throws<ArgumentNullException>(() => Engine.Apply(instance, null!, Start)).ParamName);
        Assert.Throws<ArgumentNullException>(() => Engine.Apply(instance, new StepCompleted(null!, "Agreed", Start), Start));
        Assert.Equal("instance", Assert.Throws<ArgumentNullException>(() => Engine.Tick(null!, Start)).ParamName);
        Assert.Equal("definitions", Assert.Throws<ArgumentNullException>(() => new WorkflowEngine(null!)).ParamName);
    }

    [Fact]
    public void Invalid_options_are_rejected_when_the_engine_is_built_naming_each_option()
    {
        var e = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => new WorkflowEngine(new WorkflowOptions { StoreTimeZone = "Mars/Olympus", TouchPriority = -1 }, WorkflowRegistry.Empty));

        Assert.Contains(e.Failures, f => f.StartsWith("StoreTimeZone:", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("TouchPriority:", StringComparison.Ordinal));
    }

    [Fact]
    public void Context_values_out_of_range_are_rejected()
    {
        Assert.Equal("valueScore", Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowContext(valueScore: 101)).ParamName);
        Assert.Equal("valueScore", Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowContext(valueScore: double.NaN)).ParamName);
        Assert.Equal("riskTier", Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowContext(riskTier: (RiskTier)9)).ParamName);
        Assert.Equal("storeZoneId", Assert.Throws<ArgumentException>(() => new WorkflowContext(storeZoneId: "Shanghai")).ParamName);
    }
}
