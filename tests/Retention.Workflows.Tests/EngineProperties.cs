using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Retention.Workflows.Tests.Support;
using Xunit;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests;

/// <summary>
/// Spec section 1, the engine's rules over random event sequences on the small workflow (random zone, start, value
/// score; completions of the active step, of random steps with random outcomes, bookings, visits, replies, cancels, ticks
/// and replays of earlier events).
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 400)]
public class EngineProperties
{
    [Property]
    public void No_step_completes_twice(Scenario s)
    {
        var trace = Gens.Simulate(s, Engine);
        var doneAt = new Dictionary<string, StepState>();
        var completions = new Dictionary<string, int>();
        foreach (var entry in trace.Where(t => t.Result is { Changed: true }))
        {
            var after = entry.Result!.Instance;
            foreach (var state in after.Steps)
            {
                if (doneAt.TryGetValue(state.StepId, out var done))
                {
                    Assert.Equal(done, state); // a done step never changes again
                }
                else if (state.Status == StepStatus.Done)
                {
                    doneAt[state.StepId] = state;
                }
            }

            if (entry.Event is StepCompleted c)
            {
                completions[c.StepId] = completions.GetValueOrDefault(c.StepId) + 1;
            }
        }

        foreach (var (stepId, count) in completions)
        {
            Assert.True(count <= Small.GetStep(stepId).Window.Occurrences, $"{stepId} completed {count} times");
        }
    }

    [Property]
    public void Replaying_an_event_changes_nothing(Scenario s)
    {
        foreach (var entry in Gens.Simulate(s, Engine).Where(t => t.Event is not null && t.Result is { Changed: true }))
        {
            var after = entry.Result!.Instance;
            var again = Engine.Apply(after, entry.Event!, entry.Now + Duration.FromHours(1));

            Assert.False(again.Changed);
            Assert.Same(after, again.Instance);
            Assert.Empty(again.Commands);
        }
    }

    [Property]
    public void Replays_and_rejected_events_inside_a_run_leave_the_instance_as_it_was(Scenario s)
    {
        foreach (var entry in Gens.Simulate(s, Engine))
        {
            if (entry.Op.Kind == OpKind.Replay && entry.Result is { } replay)
            {
                Assert.Same(entry.Before, replay.Instance);
                Assert.Empty(replay.Commands);
            }

            if (entry.Rejected is { } rejected)
            {
                Assert.NotEqual(WorkflowProblem.Other, rejected.Problem);
                Assert.False(string.IsNullOrWhiteSpace(rejected.Message));
            }
        }
    }

    [Property]
    public void Json_round_trip_is_lossless(Scenario s)
    {
        foreach (var entry in Gens.Simulate(s, Engine).Where(t => t.Result is not null))
        {
            var instance = entry.Result!.Instance;
            string json = WorkflowJson.Serialize(instance);
            var back = WorkflowJson.DeserializeInstance(json);

            Assert.Equal(instance, back);
            Assert.Equal(json, WorkflowJson.Serialize(back));
            foreach (var c in entry.Result.Commands)
            {
                Assert.Equal(c, WorkflowJson.DeserializeCommand(WorkflowJson.Serialize(c)));
            }
        }
    }

    [Property]
    public void Deadlines_of_consecutive_steps_never_go_backwards(Scenario s)
    {
        Instant? last = null;
        foreach (var entry in Gens.Simulate(s, Engine).Where(t => t.Result is not null))
        {
            foreach (var task in entry.Result!.Commands.OfType<AssignTask>())
            {
                var state = entry.Result.Instance.StateOf(task.StepId)!;
                Assert.True(task.OpensAt <= task.DueAt, $"{task.StepId} opens {task.OpensAt} after it is due {task.DueAt}");
                Assert.True(
                    task.OpensAt >= state.ReachedAt || (task.OpensAt == task.DueAt && task.DueAt < state.ReachedAt),
                    $"{task.StepId} opens {task.OpensAt} before it was reached {state.ReachedAt} though its window had not passed");

                // Windows that count from the start or from a step follow the flow; windows that count from a customer
                // event (appointment, visit, reply) follow that event, so they do not take part in the order.
                bool followsEvent = Small.GetStep(task.StepId).Window.Anchor?.Kind is AnchorKind.Appointment or AnchorKind.Visit or AnchorKind.Reply;
                if (!followsEvent && last is Instant previous)
                {
                    Assert.True(task.DueAt >= previous, $"{task.StepId}#{task.Occurrence} is due {task.DueAt}, before the previous step's {previous}");
                }

                last = task.DueAt;
            }
        }
    }

    [Property]
    public void Tick_at_any_time_never_escalates_a_step_that_is_done(Scenario s)
    {
        foreach (var entry in Gens.Simulate(s, Engine).Where(t => t.Result is not null))
        {
            var instance = entry.Result!.Instance;
            foreach (int seconds in s.ProbeSeconds)
            {
                var at = entry.Now + Duration.FromSeconds(seconds);
                var tick = Engine.Tick(instance, at);
                foreach (var escalate in tick.Commands.OfType<Escalate>())
                {
                    var before = instance.StateOf(escalate.StepId)!;
                    Assert.False(instance.IsFinished);
                    Assert.True(before.IsActive, $"escalated {escalate.StepId} in state {before.Status}");
                    Assert.NotEqual(StepStatus.Done, before.Status);
                    Assert.True(before.DueAt <= at);
                    Assert.Equal(StepStatus.Escalated, tick.Instance.StateOf(escalate.StepId)!.Status);
                }

                Assert.All(tick.Commands, c => Assert.IsType<Escalate>(c));
                Assert.Empty(Engine.Tick(tick.Instance, at).Commands); // escalations are emitted once
            }
        }
    }

    [Property]
    public void A_finished_instance_takes_no_more_events_but_replays(Scenario s)
    {
        foreach (var entry in Gens.Simulate(s, Engine).Where(t => t.Before.IsFinished && t.Op.Kind != OpKind.Tick))
        {
            bool replay = entry.Before.Log.Any(l => l.Event.Equals(entry.Event));
            Assert.Equal(replay, entry.Result is not null);
            Assert.Equal(!replay, entry.Rejected?.Problem == WorkflowProblem.InstanceFinished);
        }
    }
}
