using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Retention.Workflows.Tests.Support;

/// <summary>What a generated operation does to the running instance.</summary>
public enum OpKind
{
    /// <summary>Complete the active step with one of its outcomes (A picks it; half the time the first, the way forward), a little before now (B seconds, under an hour).</summary>
    CompleteActive,

    /// <summary>Complete any step (or an unknown one) with any outcome name (often rejected).</summary>
    CompleteAny,

    /// <summary>Complete a step that is already done, with one of its outcomes (the same one or another).</summary>
    CompleteDone,

    /// <summary>Book the appointment A % 12 - 1 days after today.</summary>
    Book,

    /// <summary>The visit ends now.</summary>
    Visit,

    /// <summary>The customer replies now.</summary>
    Reply,

    /// <summary>The host cancels now.</summary>
    Cancel,

    /// <summary>Tick at now.</summary>
    Tick,

    /// <summary>Apply again an event applied before (A picks it).</summary>
    Replay,
}

/// <summary>One generated operation: time moves on by <see cref="Advance"/> seconds, then the operation happens.</summary>
public sealed record Op(OpKind Kind, int Advance, int A, int B)
{
    public override string ToString() => $"+{Advance}s {Kind}({A},{B})";
}

/// <summary>A generated run of the small workflow: where and when it starts, what is known, and what happens.</summary>
public sealed record Scenario(string Zone, Instant Start, double? ValueScore, Op[] Ops, int[] ProbeSeconds)
{
    public override string ToString() => $"{Zone} {Start} valueScore={ValueScore} ops=[{string.Join(", ", Ops.Select(o => o.ToString()))}] probes=[{string.Join(", ", ProbeSeconds)}]";
}

/// <summary>One entry of a simulated run: the instance before, what was tried, and the outcome.</summary>
public sealed record TraceEntry(WorkflowInstance Before, Op Op, Instant Now, WorkflowEvent? Event, Transition? Result, WorkflowException? Rejected);

/// <summary>The generators behind the properties.</summary>
public static class Gens
{
    private static readonly string[] StepIds = ["call", "retry", "offer", "book", "followup", "care", "nope"];
    private static readonly string[] OutcomeNames = ["Agreed", "Hesitant", "NoAnswer", "Refused", "Done", "NoShow", "Skipped", "Bogus"];

    public static Gen<Op> Op { get; } =
        from kind in Gen.Frequency(
            (12, Gen.Constant(OpKind.CompleteActive)),
            (3, Gen.Constant(OpKind.CompleteAny)),
            (2, Gen.Constant(OpKind.CompleteDone)),
            (3, Gen.Constant(OpKind.Book)),
            (3, Gen.Constant(OpKind.Visit)),
            (1, Gen.Constant(OpKind.Reply)),
            (1, Gen.Constant(OpKind.Cancel)),
            (4, Gen.Constant(OpKind.Tick)),
            (3, Gen.Constant(OpKind.Replay)))
        from advance in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 3 * 86_400)), (1, Gen.Choose(3 * 86_400, 35 * 86_400)))
        from a in Gen.Choose(0, 1000)
        from b in Gen.Choose(0, 3599)
        select new Op(kind, advance, a, b);

    public static Gen<Scenario> Scenario { get; } =
        from zone in Gen.Elements("Asia/Shanghai", "Europe/Berlin", "America/New_York")
        from day in Gen.Choose(0, 364)
        from second in Gen.Choose(0, 86_399)
        from score in Gen.Elements<double?>(null, 10, 70, 70.5, 95)
        from n in Gen.Choose(0, 60)
        from ops in Gen.ArrayOf(Op, n)
        from probes in Gen.ArrayOf(Gen.Frequency((1, Gen.Choose(0, 3 * 86_400)), (1, Gen.Choose(0, 200 * 86_400))), 3)
        select new Scenario(zone, Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromDays(day) + Duration.FromSeconds(second), score, ops, probes);

    /// <summary>Runs a scenario against the engine, recording every step (rejected events included).</summary>
    public static List<TraceEntry> Simulate(Scenario s, WorkflowEngine engine)
    {
        var trace = new List<TraceEntry>();
        var instance = engine.Start(Fixtures.Small, "C1", new WorkflowContext(RiskTier.Yellow, valueScore: s.ValueScore, storeZoneId: s.Zone), s.Start).Instance;
        var applied = new List<WorkflowEvent>();
        var zone = DateTimeZoneProviders.Tzdb[s.Zone];
        var now = s.Start;
        foreach (var op in s.Ops)
        {
            now += Duration.FromSeconds(op.Advance);
            WorkflowEvent? e = op.Kind switch
            {
                OpKind.CompleteActive when instance.ActiveStep is { } active =>
                    new StepCompleted(active.StepId, Outcomes(active.StepId)[op.A % 2 == 0 ? 0 : op.A / 2 % Outcomes(active.StepId).Length], now - Duration.FromSeconds(op.B)),
                OpKind.CompleteActive => null,
                OpKind.CompleteAny => new StepCompleted(StepIds[op.A % StepIds.Length], OutcomeNames[op.B % OutcomeNames.Length], now),
                OpKind.CompleteDone when instance.Steps.Where(x => x.Status == StepStatus.Done).ToArray() is { Length: > 0 } done =>
                    new StepCompleted(done[op.A % done.Length].StepId, Outcomes(done[op.A % done.Length].StepId)[op.B % Outcomes(done[op.A % done.Length].StepId).Length], now),
                OpKind.CompleteDone => null,
                OpKind.Book => new AppointmentBooked(now.InZone(zone).Date.PlusDays((op.A % 12) - 1), now),
                OpKind.Visit => new VisitCompleted(now),
                OpKind.Reply => new CustomerReplied(now),
                OpKind.Cancel => new Cancelled(now, "generated"),
                OpKind.Replay when applied.Count > 0 => applied[op.A % applied.Count],
                _ => null,
            };

            if (op.Kind == OpKind.Tick)
            {
                var tick = engine.Tick(instance, now);
                trace.Add(new TraceEntry(instance, op, now, null, tick, null));
                instance = tick.Instance;
                continue;
            }

            if (e is null)
            {
                continue;
            }

            try
            {
                var t = engine.Apply(instance, e, now);
                trace.Add(new TraceEntry(instance, op, now, e, t, null));
                if (t.Changed)
                {
                    applied.Add(e);
                }

                instance = t.Instance;
            }
            catch (WorkflowException rejected)
            {
                trace.Add(new TraceEntry(instance, op, now, e, null, rejected));
            }
        }

        return trace;
    }

    private static string[] Outcomes(string stepId) => [.. Fixtures.Small.GetStep(stepId).Outcomes];
}

public static class Arbitraries
{
    public static Arbitrary<Scenario> Scenario() => Arb.From(Gens.Scenario);
}
