using System.Collections.Generic;
using System.Linq;
using FsCheck.Fluent;
using Retention.Workflows.Tests.Support;
using Xunit;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests;

/// <summary>The properties are only as good as their runs: the generated scenarios must reach every step, every end and every kind of rejection.</summary>
public class GeneratorCoverageTests
{
    [Fact]
    public void Generated_runs_reach_every_step_every_outcome_escalations_replays_and_each_rejection()
    {
        var traces = Gens.Scenario.Sample(50, new FsCheck.Rnd(20260310UL, 1442695040888963407UL), 300).Select(s => Gens.Simulate(s, Engine)).ToArray();
        var entries = traces.SelectMany(t => t).ToArray();
        var finals = traces.Where(t => t.Count > 0).Select(t => t[^1].Result?.Instance ?? t[^1].Before).ToArray();

        var reached = new HashSet<string>(finals.SelectMany(i => i.Steps).Where(s => s.ReachedAt is not null).Select(s => s.StepId));
        Assert.Equal(Small.Steps.Select(s => s.Id).ToHashSet(), reached);
        Assert.Contains(finals, i => i.Steps.Any(s => s.Status == StepStatus.Skipped && s.StepId == "offer"));
        Assert.Contains(finals, i => i.StateOf("care")!.Occurrence >= 1);

        var outcomes = finals.Select(i => i.Outcome).OfType<WorkflowOutcome>().ToHashSet();
        Assert.Superset(new HashSet<WorkflowOutcome> { WorkflowOutcome.Recovered, WorkflowOutcome.NotRecovered, WorkflowOutcome.Cancelled }, outcomes);

        Assert.Contains(entries, e => e.Result?.Commands.OfType<Escalate>().Any() == true);
        Assert.Contains(entries, e => e.Op.Kind == OpKind.Replay && e.Result is not null);
        var problems = entries.Select(e => e.Rejected?.Problem).OfType<WorkflowProblem>().ToHashSet();
        Assert.Superset(
            new HashSet<WorkflowProblem> { WorkflowProblem.InstanceFinished, WorkflowProblem.UnknownStep, WorkflowProblem.OutcomeNotAllowed, WorkflowProblem.StepNotActive, WorkflowProblem.StepAlreadyCompleted },
            problems);
    }
}
