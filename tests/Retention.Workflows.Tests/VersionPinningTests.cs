using NodaTime;
using Retention.Workflows.Tests.Support;
using Xunit;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests;

/// <summary>Spec section 1: an instance started on definition version N keeps running on N after version N+1 ships.</summary>
public class VersionPinningTests
{
    private static readonly WorkflowDefinition V2 = new WorkflowBuilder("test.small", 2, T("Small v2"))
        .Step("sms", T("Text first")).OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Sms).Within(StepWindow.Hours(0, 2))
        .Step("call", T("Call back")).OwnedBy(StaffRole.ServiceManager).Within(StepWindow.Days(1, 3))
            .On(StepOutcomes.Done).Finish(WorkflowOutcome.Recovered)
        .Build();

    private static readonly WorkflowEngine Both = new(new WorkflowRegistry([Small, V2]));

    [Fact]
    public void An_instance_started_on_v1_keeps_running_on_v1_after_v2_is_registered()
    {
        var onV1 = Both.Start(Small, "C1", Context(), Start).Instance;
        var at = Start + Duration.FromHours(1);

        var next = Both.Apply(onV1, new StepCompleted("call", StepOutcomes.Agreed, at), at);

        Assert.Equal(1, next.Instance.DefinitionVersion);
        Assert.Equal("book", next.Instance.ActiveStep!.StepId); // v1's route; v2 has no such step
        Assert.Same(Small, Both.DefinitionOf(next.Instance));
        Assert.Equal(WorkflowProblem.UnknownStep, Assert.Throws<WorkflowException>(() => Both.Apply(onV1, new StepCompleted("sms", StepOutcomes.Done, at), at)).Problem);
    }

    [Fact]
    public void Starting_by_id_uses_the_newest_version_and_its_steps()
    {
        var t = Both.Start("test.small", "C2", WorkflowContext.Empty, Start);

        Assert.Equal(2, t.Instance.DefinitionVersion);
        Assert.Equal("sms", t.Instance.ActiveStep!.StepId);
        Assert.Equal(StaffRole.ServiceAdvisor, Assert.Single(Of<AssignTask>(t)).Role);
        Assert.Equal([1, 2], Both.Definitions.Versions("test.small"));
        Assert.Same(V2, Both.Definitions.Latest("test.small"));
    }

    [Fact]
    public void A_stored_v1_instance_still_runs_after_a_restart_with_both_versions()
    {
        var stored = WorkflowJson.Serialize(Engine.Start(Small, "C3", Context(), Start).Instance);

        var loaded = WorkflowJson.DeserializeInstance(stored);
        var t = Both.Apply(loaded, new StepCompleted("call", StepOutcomes.Refused, Start), Start);

        Assert.Equal((1, (WorkflowOutcome?)WorkflowOutcome.NotRecovered), (t.Instance.DefinitionVersion, t.Instance.Outcome));
    }

    [Fact]
    public void The_registry_refuses_two_different_definitions_under_one_id_and_version_and_ignores_the_same_one_twice()
    {
        var e = Assert.Throws<WorkflowDefinitionException>(() => new WorkflowRegistry([Small, SmallVersion(2), V2]));
        Assert.Contains("'test.small' v2 is registered twice with different content", e.Message, System.StringComparison.Ordinal);

        var registry = new WorkflowRegistry([Small, SmallVersion(1)]).Add(V2, V2);
        Assert.Equal(2, registry.Definitions.Length);
        Assert.True(registry.TryGet("test.small", 2, out var found));
        Assert.Same(V2, found);
        Assert.False(registry.TryGet("test.small", 3, out _));
    }
}
