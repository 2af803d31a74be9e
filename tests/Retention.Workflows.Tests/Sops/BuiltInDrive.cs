using System;
using System.Collections.Generic;
using NodaTime;
using Xunit;

namespace Retention.Workflows.Tests.Sops;

/// <summary>Runs a built-in definition through the engine by completing the active step again and again.</summary>
internal static class BuiltInDrive
{
    public static WorkflowEngine BuiltIns { get; } = new(BuiltInWorkflows.Register(WorkflowRegistry.Empty));

    /// <summary>A finished (or stopped) run: the last instance, every command in order, and the steps completed in order.</summary>
    public sealed record Trace(WorkflowInstance Instance, List<WorkflowCommand> Commands, List<string> Completed);

    /// <summary>
    /// Starts <paramref name="definition"/> and completes its active step with the outcome <paramref name="choose"/> picks
    /// (default: the step's first outcome, the way forward), 5 minutes after the step opens. A step waiting for the
    /// appointment gets a booking 3 days ahead; a step waiting for the visit gets the visit's end now. Stops when the
    /// workflow finishes or after <paramref name="stopAfter"/> completions.
    /// </summary>
    public static Trace Run(
        WorkflowDefinition definition,
        WorkflowContext context,
        Instant start,
        Func<WorkflowStep, int, string?>? choose = null,
        int stopAfter = int.MaxValue)
    {
        var t = BuiltIns.Start(definition, "C7", context, start);
        var instance = t.Instance;
        var commands = new List<WorkflowCommand>(t.Commands);
        var completed = new List<string>();
        var zone = DateTimeZoneProviders.Tzdb[instance.StoreZoneId];
        var now = start;
        for (int guard = 0; !instance.IsFinished && completed.Count < stopAfter; guard++)
        {
            Assert.True(guard < 500, $"{definition}: the run does not finish");
            var active = instance.ActiveStep ?? throw new InvalidOperationException($"{definition}: no active step");
            var step = definition.GetStep(active.StepId);
            if (active.DueAt is null)
            {
                WorkflowEvent e = step.Window.Anchor?.Kind switch
                {
                    AnchorKind.Appointment => new AppointmentBooked(now.InZone(zone).Date.PlusDays(3), now),
                    AnchorKind.Visit => new VisitCompleted(now),
                    _ => throw new InvalidOperationException($"{definition}: step '{step.Id}' waits for {step.Window.Anchor}"),
                };
                t = BuiltIns.Apply(instance, e, now);
            }
            else
            {
                var opens = active.OpensAt!.Value;
                now = (opens > now ? opens : now) + Duration.FromMinutes(5);
                string outcome = choose?.Invoke(step, active.Occurrence) ?? step.Outcomes[0];
                completed.Add(step.Id);
                t = BuiltIns.Apply(instance, new StepCompleted(step.Id, outcome, now), now);
            }

            Assert.True(t.Changed);
            instance = t.Instance;
            commands.AddRange(t.Commands);
        }

        return new Trace(instance, commands, completed);
    }

    /// <summary>Chooses <paramref name="outcome"/> for <paramref name="stepId"/>, the first outcome elsewhere.</summary>
    public static Func<WorkflowStep, int, string?> At(string stepId, string outcome) =>
        (step, _) => step.Id == stepId ? outcome : null;
}
