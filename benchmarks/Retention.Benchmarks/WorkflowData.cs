using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using NodaTime;
using Retention.Workflows;
using ContactChannel = Retention.Contact.ContactChannel;
using ContactPurpose = Retention.Contact.ContactPurpose;
using RiskTier = Retention.Scoring.RiskTier;
using StaffRole = Retention.Scoring.StaffRole;

namespace Retention.Benchmarks;

/// <summary>
/// A million open workflow instances for the sweep and tick benchmarks, built once from a fixed seed: each started by
/// <see cref="WorkflowEngine.Start(WorkflowDefinition, string, WorkflowContext, Instant)"/> at a random instant in the
/// last 30 days, advanced a random number of steps with <see cref="StepCompleted"/> (each step done with a chance of
/// 95 %, at a random moment in or a little after its window, never after "now"; the rest stall), and ticked an hour
/// before "now", the way a host ticking every hour leaves them. None is finished: the last step is never completed.
/// </summary>
public sealed class WorkflowData
{
    public const int Seed = 20260704;

    /// <summary>The sweep's "now": 2026-07-01 10:00 in Asia/Shanghai.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 7, 1, 2, 0);

    /// <summary>The host's previous tick, an hour before <see cref="Now"/>.</summary>
    public static readonly Instant LastTick = Now - Duration.FromHours(1);

    /// <summary>Instances per chunk; each chunk has its own generator seeded from <see cref="Seed"/> and its index, so the data is the same however the chunks are scheduled.</summary>
    private const int Chunk = 10_000;

    /// <summary>The chance that a step is done (the rest stall at it, open or overdue).</summary>
    private const double DoneRate = 0.95;

    public WorkflowData(int count)
    {
        Definition = TestDefinition();
        Engine = new WorkflowEngine(new WorkflowRegistry([Definition]));
        // One context per tier, zone pinned, shared like a host would load them (no per-instance context).
        WorkflowContext[] contexts =
        [
            new(RiskTier.Yellow, valueScore: 55, storeZoneId: "Asia/Shanghai"),
            new(RiskTier.Orange, valueScore: 72, storeZoneId: "Asia/Shanghai"),
            new(RiskTier.Red, valueScore: 88, storeZoneId: "Asia/Shanghai"),
        ];
        Instances = new WorkflowInstance[count];
        // The setup runs once per benchmark process; building in chunks on every core keeps it to seconds.
        Parallel.For(0, (count + Chunk - 1) / Chunk, chunk =>
        {
            var rng = new Random(Seed + chunk);
            for (int i = chunk * Chunk, end = Math.Min(count, i + Chunk); i < end; i++)
            {
                Instances[i] = Engine.Tick(Build(rng, i, contexts), LastTick).Instance;
            }
        });
    }

    public WorkflowDefinition Definition { get; }

    public WorkflowEngine Engine { get; }

    /// <summary>The instances as the host stores them, ticked at <see cref="LastTick"/>: the sweep's input.</summary>
    public WorkflowInstance[] Instances { get; }

    private WorkflowInstance Build(Random rng, int i, WorkflowContext[] contexts)
    {
        var start = Now - Duration.FromTicks((long)(rng.NextDouble() * Duration.FromDays(30).BclCompatibleTicks));
        string subject = "C" + i.ToString("D7", CultureInfo.InvariantCulture);
        var instance = Engine.Start(Definition, subject, contexts[rng.Next(contexts.Length)], start).Instance;
        // Steps are done one after the other, each with a chance of DoneRate, somewhere in its window or up to 30 % of its
        // length late, never after "now"; the last step is never done, so every instance stays open.
        for (int s = 0; s < Definition.Steps.Length - 1 && rng.NextDouble() < DoneRate; s++)
        {
            var active = instance.ActiveStep!;
            var opens = active.OpensAt!.Value;
            var at = opens + Duration.FromTicks((long)((active.DueAt!.Value - opens).BclCompatibleTicks * rng.NextDouble() * 1.3));
            if (at > Now)
            {
                break;
            }

            string outcome = active.StepId == "call" ? StepOutcomes.Agreed : StepOutcomes.Done;
            instance = Engine.Apply(instance, new StepCompleted(active.StepId, outcome, at), at).Instance;
        }

        return instance;
    }

    /// <summary>
    /// The test workflow: five steps, hour and day windows from the start (in the store's zone), a customer touch on the
    /// first, escalation one role up (the options' default).
    /// </summary>
    public static WorkflowDefinition TestDefinition() =>
        new WorkflowBuilder("bench.recovery", 1, new LocalizedText("挽回（基准测试）", "Recovery (benchmark)"))
            .StartsOn(WorkflowTrigger.RiskTierEntered(RiskTier.Yellow))
            .Step("call", new LocalizedText("主管回访", "Supervisor calls back"))
                .OwnedBy(StaffRole.CustomerServiceSupervisor).Via(ContactChannel.Phone)
                .Script("bench.call").Within(StepWindow.Hours(0, 4)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Agreed).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("offer", new LocalizedText("发送方案", "Send the offer"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.WeChat).Within(StepWindow.Days(1, 2))
            .Step("remind", new LocalizedText("提醒预约", "Remind to book"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Sms).Within(StepWindow.Hours(48, 72))
            .Step("check", new LocalizedText("经理复核", "Manager checks"))
                .OwnedBy(StaffRole.ServiceManager).Within(StepWindow.Days(4, 7))
            .Step("review", new LocalizedText("店总月度回访", "Store manager's one-month follow-up"))
                .OwnedBy(StaffRole.StoreManager).Via(ContactChannel.Phone).Within(StepWindow.Days(25, 31))
                .On("Recovered").Finish(WorkflowOutcome.Recovered)
                .On("Lost").Finish(WorkflowOutcome.NotRecovered)
            .Build();

    /// <summary>Counts of the instances by where their active step stands (for the README and a sanity check).</summary>
    public static Dictionary<string, int> Describe(WorkflowInstance[] instances, Instant now)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            var a = instance.ActiveStep!;
            string key = a.Status + (a.OpensAt > now ? " (not open yet)" : a.DueAt <= now ? " (past due)" : " (open)");
            counts[key] = counts.GetValueOrDefault(key) + 1;
            counts["at " + a.StepId] = counts.GetValueOrDefault("at " + a.StepId) + 1;
        }

        return counts;
    }
}
