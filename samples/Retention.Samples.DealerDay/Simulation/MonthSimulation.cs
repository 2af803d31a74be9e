using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using Retention.Contact;
using Retention.Nps;
using Retention.Samples.DealerDay.Report;
using Retention.Scoring;
using Retention.Workflows;
using LocalizedText = Retention.Scoring.LocalizedText;

namespace Retention.Samples.DealerDay.Simulation;

/// <summary>One simulated workflow: the instance as it is now, and what happened to it that the KPIs need.</summary>
internal sealed class SimulatedCase(CaseKind kind, string customerId, WorkflowInstance instance)
{
    public CaseKind Kind { get; } = kind;

    public string CustomerId { get; } = customerId;

    public WorkflowInstance Instance { get; set; } = instance;

    public bool Booked { get; set; }

    /// <summary>The customer came back: the visit step of the SOP was done.</summary>
    public bool Visited { get; set; }

    public bool ProblemFound { get; set; }

    public int Escalations { get; set; }

    public decimal Approvals { get; set; }

    /// <summary>Contact steps already tried today (a call that went unanswered is tried again tomorrow, not in the next hour).</summary>
    public HashSet<(string Step, int Occurrence)> TriedToday { get; } = [];
}

/// <summary>One day of the month, in numbers.</summary>
internal sealed record SimulatedDay(
    LocalDate Date, int Started, int TasksDone, int NoAnswer, int Escalations, int Bookings, int Visits, int Finished, int TouchesScheduled, int TouchesDropped);

/// <summary>How often the calendar gave a reason for a dropped touch (its first reason), with the reason's text.</summary>
internal sealed record DropReason(ContactReasonCode Code, LocalizedText Text, int Count);

/// <summary>An escalation the engine emitted, for the examples.</summary>
internal sealed record EscalationExample(Instant At, string CustomerId, CaseKind Kind, LocalizedText Reason);

/// <summary>What a simulated month produced.</summary>
internal sealed record SimulatedMonth(
    LocalDate Start, LocalDate End, Instant StartsAt, Instant EndsAt, ulong Seed, IReadOnlyList<SimulatedCase> Cases, IReadOnlyList<SimulatedDay> Days,
    IReadOnlyList<EscalationExample> Escalations, IReadOnlyList<DropReason> DropReasons, WorkflowEngine Engine);

/// <summary>
/// A store's month on its data, run through Retention.Workflows: every Monday the screening (the report's scoring, redone
/// for that Monday) starts the built-in SOPs for customers who entered Yellow, Orange or Red; open detractor alerts start
/// the NPS rescue of their grade and the weekend's visits the post-service follow-up. Each day has five work rounds: the
/// engine ticks every instance (overdue steps escalate), <see cref="DueTaskSweep"/> collects the open tasks, and the
/// simulated staff (<see cref="SimulatedStore"/>) do some of them with seeded outcomes; appointments and visits come back
/// as events. The customer touches the engine asks for go through the contact calendar once a day.
/// </summary>
internal sealed class MonthSimulation(WorkflowEngine engine, ContactCalendar calendar, Func<LocalDate, DealerDayReport> screen, ulong seed = SimulatedStore.DefaultSeed)
{
    /// <summary>Four weeks: four Monday screenings.</summary>
    public const int DayCount = 28;

    /// <summary>A visit is taken to end at this time on its day.</summary>
    public static readonly LocalTime VisitEnd = new(17, 0);

    /// <summary>The work rounds of a day, store time: tick, sweep, work.</summary>
    private static readonly LocalTime[] Rounds = [new(9, 0), new(11, 0), new(14, 0), new(16, 0), new(18, 0)];

    public SimulatedMonth Run(DealerDayReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var clock = report.Clock ?? throw new ArgumentException("The report needs its clock (DealerDayReport.With).", nameof(report));
        var zone = clock.Zone;
        var store = new SimulatedStore(seed);
        var cases = new List<SimulatedCase>();
        var riskCase = new Dictionary<string, SimulatedCase>(StringComparer.Ordinal);
        var followUp = new Dictionary<string, SimulatedCase>(StringComparer.Ordinal);
        var examples = new List<EscalationExample>();
        var days = new List<SimulatedDay>();
        var states = report.Contacts?.States ?? new Dictionary<string, CustomerContactState>(StringComparer.Ordinal);
        var buffer = new DueTask[256];
        var dropReasons = new Dictionary<ContactReasonCode, DropReason>();

        for (int d = 0; d < DayCount; d++)
        {
            var date = clock.AsOf.PlusDays(d);
            int started = 0, done = 0, noAnswer = 0, escalations = 0, bookings = 0, visits = 0, finished = 0;
            var touches = new List<PlannedTouch>();
            foreach (var c in cases)
            {
                c.TriedToday.Clear();
            }

            void Handle(SimulatedCase c, Transition t)
            {
                c.Instance = t.Instance;
                foreach (var command in t.Commands)
                {
                    switch (command)
                    {
                        case Escalate e:
                            c.Escalations++;
                            escalations++;
                            examples.Add(new EscalationExample(e.DueAt, c.CustomerId, c.Kind, new(e.Reason.ZhCn, e.Reason.En)));
                            break;
                        case PlanTouch p:
                            touches.Add(p.ToPlannedTouch(string.Create(CultureInfo.InvariantCulture, $"{cases.IndexOf(c)}/{p.StepId}/{p.Occurrence}")));
                            break;
                        case RequestApproval a:
                            c.Approvals += a.Amount;
                            break;
                    }
                }
            }

            SimulatedCase Start(WorkflowDefinition definition, CaseKind kind, string customer, WorkflowContext context, Instant at)
            {
                var c = new SimulatedCase(kind, customer, null!);
                cases.Add(c);
                Handle(c, engine.Start(definition, customer, context, at));
                started++;

                // An automated first message (the thank-you SMS) goes out a few minutes after the start, not in the next work round.
                var first = definition.Steps[0];
                if (SimulatedStore.IsAutomated(first) && c.Instance.ActiveStep?.StepId == first.Id && store.WorksOn(first))
                {
                    var sent = at + Duration.FromMinutes(5);
                    Handle(c, engine.Apply(c.Instance, new StepCompleted(first.Id, StepOutcomes.Done, sent), sent));
                    done++;
                }

                return c;
            }

            // Monday: the screening. The first Monday is the report itself; later Mondays score the same file for that date.
            if (d % 7 == 0)
            {
                var at = date.At(StoreClock.ReportTime).InZoneLeniently(zone).ToInstant();
                var screened = d == 0 ? report : screen(date);
                foreach (var s in screened.Customers.Where(s => s.Risk.Tier >= RiskTier.Yellow).OrderBy(s => s.Row.CustomerId, StringComparer.Ordinal))
                {
                    string id = s.Row.CustomerId;
                    var kind = s.Risk.Tier switch { RiskTier.Yellow => CaseKind.Yellow, RiskTier.Orange => CaseKind.Orange, _ => CaseKind.Red };
                    if (riskCase.TryGetValue(id, out var running))
                    {
                        // Already in a recovery: only a higher tier replaces it (the new SOP takes over).
                        if (running.Instance.IsFinished || kind <= running.Kind || running.Visited)
                        {
                            continue;
                        }

                        Handle(running, engine.Apply(running.Instance, new Cancelled(at, "tier rose to " + s.Risk.Tier), at));
                    }

                    var value = s.Decision.Value;
                    var context = new WorkflowContext(s.Risk.Tier, valueScore: value.ValueScore, storeZoneId: zone.Id)
                        .With(BuiltInWorkflows.ValueTierKey, value.Tier.ToString());
                    var definition = kind switch { CaseKind.Yellow => BuiltInWorkflows.YellowRecovery, CaseKind.Orange => BuiltInWorkflows.OrangeRecovery, _ => BuiltInWorkflows.RedRecovery };
                    riskCase[id] = Start(definition, kind, id, context, at);
                }

                if (d == 0)
                {
                    // Open detractor alerts: the rescue started when the answer came in (it may already be late).
                    foreach (var alert in report.Survey?.OpenAlerts ?? [])
                    {
                        if (alert.Grading is not { } grading)
                        {
                            continue;
                        }

                        var definition = grading.Grade switch { DetractorGrade.S => BuiltInWorkflows.NpsRescueS, DetractorGrade.A => BuiltInWorkflows.NpsRescueA, _ => BuiltInWorkflows.NpsRescueB };
                        Start(definition, CaseKind.NpsRescue, alert.Answer.CustomerId, new WorkflowContext(grade: grading.Grade, storeZoneId: zone.Id), alert.Answer.AnsweredAt);
                    }

                    // The weekend's visits: their follow-up started when they left.
                    foreach (var s in report.Customers.Where(s => s.Row.Signals.LastVisit >= date.PlusDays(-2) && s.Row.Signals.LastVisit < date).OrderBy(s => s.Row.CustomerId, StringComparer.Ordinal))
                    {
                        var left = s.Row.Signals.LastVisit.At(VisitEnd).InZoneLeniently(zone).ToInstant();
                        followUp[s.Row.CustomerId] = Start(BuiltInWorkflows.PostServiceFollowUp, CaseKind.FollowUp, s.Row.CustomerId, new WorkflowContext(storeZoneId: zone.Id), left);
                    }
                }
            }

            foreach (var time in Rounds)
            {
                var now = date.At(time).InZoneLeniently(zone).ToInstant();
                foreach (var c in cases.Where(c => !c.Instance.IsFinished).ToList())
                {
                    Handle(c, engine.Tick(c.Instance, now));
                }

                // Collect the open tasks first, then work on them (working changes the instances the sweep reads).
                var instances = cases.Select(c => c.Instance).ToArray();
                var open = new List<DueTask>();
                int next = 0;
                while (next < instances.Length)
                {
                    int n = DueTaskSweep.Collect(instances, now, buffer, ref next);
                    open.AddRange(buffer.AsSpan(0, n).ToArray());
                }

                foreach (var task in open)
                {
                    var c = cases[task.Index];
                    var step = engine.DefinitionOf(c.Instance).GetStep(task.StepId);
                    if (c.TriedToday.Contains((task.StepId, task.Occurrence)) || !store.WorksOn(step))
                    {
                        continue; // left undone this round
                    }

                    c.TriedToday.Add((task.StepId, task.Occurrence));
                    if (!store.Reaches(step, c.Kind))
                    {
                        noAnswer++;
                        if (step.Allows(StepOutcomes.NoAnswer))
                        {
                            Handle(c, engine.Apply(c.Instance, new StepCompleted(step.Id, StepOutcomes.NoAnswer, now), now));
                            done++;
                        }

                        continue;
                    }

                    string outcome = store.OutcomeOf(step, c.Kind);
                    Handle(c, engine.Apply(c.Instance, new StepCompleted(step.Id, outcome, now), now));
                    done++;
                    c.ProblemFound |= outcome == "Problem";

                    // The SOP's visit step done: the customer came back; the visit anchors what follows and starts its follow-up.
                    if (outcome == StepOutcomes.Done && step.Window is AnchoredDayWindow { Anchor.Kind: AnchorKind.Appointment, FromDay: 0 })
                    {
                        c.Visited = true;
                        visits++;
                        if (!c.Instance.IsFinished)
                        {
                            Handle(c, engine.Apply(c.Instance, new VisitCompleted(now), now));
                        }

                        if (!followUp.TryGetValue(c.CustomerId, out var f) || f.Instance.IsFinished)
                        {
                            followUp[c.CustomerId] = Start(BuiltInWorkflows.PostServiceFollowUp, CaseKind.FollowUp, c.CustomerId, new WorkflowContext(storeZoneId: zone.Id), now);
                        }
                    }

                    // The SOP now waits for an appointment: the customer books one.
                    if (!c.Instance.IsFinished && c.Instance.AppointmentDate is null && c.Instance.ActiveStep is { } active
                        && engine.DefinitionOf(c.Instance).GetStep(active.StepId).Window.Anchor?.Kind == AnchorKind.Appointment)
                    {
                        Handle(c, engine.Apply(c.Instance, new AppointmentBooked(date.PlusDays(store.DaysToAppointment()), now), now));
                        c.Booked = true;
                        bookings++;
                    }

                    if (c.Instance.IsFinished)
                    {
                        finished++;
                    }
                }
            }

            // The day's customer touches through one calendar, against each customer's history and preferences.
            int scheduled = 0, dropped = 0;
            if (touches.Count > 0)
            {
                var known = new Dictionary<string, CustomerContactState>(StringComparer.Ordinal);
                foreach (var t in touches)
                {
                    known[t.CustomerId] = states.TryGetValue(t.CustomerId, out var state) ? state : new CustomerContactState([], default, false);
                }

                var plan = calendar.Plan(touches, known, date.AtStartOfDayInZone(zone).ToInstant());
                scheduled = plan.Scheduled.Count;
                dropped = plan.Dropped.Count;
                foreach (var reason in plan.Dropped.Where(x => x.Reasons.Count > 0).Select(x => x.Reasons[0]))
                {
                    dropReasons[reason.Code] = dropReasons.TryGetValue(reason.Code, out var r)
                        ? r with { Count = r.Count + 1 }
                        : new DropReason(reason.Code, new(reason.Text.ZhCn, reason.Text.En), 1);
                }
            }

            days.Add(new SimulatedDay(date, started, done, noAnswer, escalations, bookings, visits, finished, scheduled, dropped));
        }

        var last = clock.AsOf.PlusDays(DayCount - 1);
        return new SimulatedMonth(clock.AsOf, last, clock.Now, last.PlusDays(1).AtStartOfDayInZone(zone).ToInstant(), seed, cases, days, examples,
            dropReasons.Values.OrderByDescending(r => r.Count).ThenBy(r => r.Code).ToList(), engine);
    }

    /// <summary>The engine the simulation runs: the built-in SOPs, in the store's zone.</summary>
    public static WorkflowEngine CreateEngine(DateTimeZone zone) =>
        new(new WorkflowOptions { StoreTimeZone = zone.Id }, BuiltInWorkflows.Register(WorkflowRegistry.Empty));
}
