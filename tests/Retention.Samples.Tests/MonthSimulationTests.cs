using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NodaTime;
using Retention.Samples.DealerDay.CommandLine;
using Retention.Samples.DealerDay.Report;
using Retention.Samples.DealerDay.Sections;
using Retention.Samples.DealerDay.Simulation;
using Retention.Samples.Tests.Support;
using Retention.Scoring;
using Retention.Workflows;
using Xunit;

namespace Retention.Samples.Tests;

/// <summary>
/// The simulated month on the bundled data, in process (README "The simulated month"): four weeks from the as-of date,
/// a screening every Monday starting the built-in SOPs, five work rounds a day with seeded outcomes, and the numbers the
/// section prints. The assertions are on structure and invariants, not on the month's figures.
/// </summary>
public sealed class MonthSimulationTests(BundledMonth bundled) : IClassFixture<BundledMonth>
{
    private static readonly CaseKind[] RiskKinds = [CaseKind.Yellow, CaseKind.Orange, CaseKind.Red];

    private SimulatedMonth Month => bundled.Month;

    private DateTimeZone Zone => bundled.Store.StoreZone;

    [Fact]
    public void Two_runs_on_the_bundled_data_give_the_same_month()
    {
        using var again = SampleStore.Load();
        var second = again.Simulate();

        Assert.Equal(Month.Days, second.Days);
        Assert.Equal(Month.Escalations, second.Escalations);
        Assert.Equal(Month.DropReasons, second.DropReasons);
        Assert.Equal(Month.Cases.Count, second.Cases.Count);
        for (int i = 0; i < Month.Cases.Count; i++)
        {
            var (a, b) = (Month.Cases[i], second.Cases[i]);
            Assert.Equal((a.Kind, a.CustomerId, a.Booked, a.Visited, a.ProblemFound, a.Escalations, a.Approvals),
                (b.Kind, b.CustomerId, b.Booked, b.Visited, b.ProblemFound, b.Escalations, b.Approvals));
            Assert.Equal(a.Instance, b.Instance); // every step state and the whole event log
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void The_section_prints_the_same_text_on_every_run(string locale)
    {
        string first = WriteSection(bundled.Store, locale);
        using var again = SampleStore.Load();
        string second = WriteSection(again, locale);

        Assert.Equal(first, second);
        Assert.Contains(Month.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), first, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_seed_gives_another_month_on_the_same_screening()
    {
        var other = bundled.Store.Simulate(SimulatedStore.DefaultSeed + 1);

        Assert.Equal(SimulatedStore.DefaultSeed + 1, other.Seed);
        Assert.Equal(Month.Days.Select(d => d.Date), other.Days.Select(d => d.Date));

        // The first Monday's screening is the report's, whatever the seed; the outcomes are drawn from the seed.
        Assert.Equal(StartedOn(Month, Month.StartsAt), StartedOn(other, other.StartsAt));
        Assert.NotEqual(Month.Days.Select(d => (d.TasksDone, d.NoAnswer, d.Escalations, d.Bookings, d.Visits, d.Finished)),
            other.Days.Select(d => (d.TasksDone, d.NoAnswer, d.Escalations, d.Bookings, d.Visits, d.Finished)));

        static IEnumerable<(CaseKind, string)> StartedOn(SimulatedMonth month, Instant at) =>
            month.Cases.Where(c => RiskKinds.Contains(c.Kind) && c.Instance.StartedAt == at).Select(c => (c.Kind, c.CustomerId));
    }

    [Fact]
    public void The_month_is_the_28_days_from_the_Monday_as_of_date_in_order()
    {
        var start = DealerDayArguments.DefaultAsOf;
        Assert.Equal(IsoDayOfWeek.Monday, start.DayOfWeek);
        Assert.Equal(start, Month.Start);
        Assert.Equal(start.PlusDays(MonthSimulation.DayCount - 1), Month.End);
        Assert.Equal(start.At(StoreClock.ReportTime).InZoneStrictly(Zone).ToInstant(), Month.StartsAt);
        Assert.Equal(Month.End.PlusDays(1).AtStartOfDayInZone(Zone).ToInstant(), Month.EndsAt);
        Assert.Equal(SimulatedStore.DefaultSeed, Month.Seed);

        Assert.Equal(28, MonthSimulation.DayCount);
        Assert.Equal(Enumerable.Range(0, MonthSimulation.DayCount).Select(start.PlusDays), Month.Days.Select(d => d.Date));
        Assert.All(Month.Days, d => Assert.True(
            d.Started >= 0 && d.TasksDone >= 0 && d.NoAnswer >= 0 && d.Escalations >= 0 && d.Bookings >= 0 && d.Visits >= 0 && d.Finished >= 0
            && d.TouchesScheduled >= 0 && d.TouchesDropped >= 0,
            $"negative count on {d.Date}: {d}"));
    }

    [Fact]
    public void The_first_Monday_screening_starts_one_SOP_of_its_tier_for_every_customer_at_Yellow_or_above()
    {
        var screened = bundled.Store.Report.Customers.Where(c => c.Risk.Tier >= RiskTier.Yellow).ToList();
        Assert.NotEmpty(screened);

        var started = Month.Cases.Where(c => RiskKinds.Contains(c.Kind) && c.Instance.StartedAt == Month.StartsAt).ToList();
        Assert.Equal(
            screened.Select(c => (c.Row.CustomerId, KindOf(c.Risk.Tier))).Order(),
            started.Select(c => (c.CustomerId, c.Kind)).Order());
        Assert.All(started, c => Assert.Equal(DefinitionOf(c.Kind).Id, c.Instance.DefinitionId));
        Assert.True(Month.Days[0].Started >= started.Count, $"day 1 counts {Month.Days[0].Started} starts, the screening alone started {started.Count}");
    }

    [Fact]
    public void Risk_SOPs_start_only_at_a_Monday_screening_and_every_customer_at_Yellow_or_above_on_a_Monday_is_in_one()
    {
        var mondays = Enumerable.Range(0, MonthSimulation.DayCount / 7).Select(w => Month.Start.PlusWeeks(w)).ToList();
        Assert.Equal(4, mondays.Count);
        Assert.All(mondays, m => Assert.Equal(IsoDayOfWeek.Monday, m.DayOfWeek));
        var screenings = mondays.Select(m => m.At(StoreClock.ReportTime).InZoneStrictly(Zone).ToInstant()).ToList();

        var risk = Month.Cases.Where(c => RiskKinds.Contains(c.Kind)).ToList();
        Assert.All(risk, c => Assert.Contains(c.Instance.StartedAt, screenings));

        // Each later Monday rescores the file for that date: everybody at Yellow or above has a recovery by then.
        foreach (var (monday, at) in mondays.Zip(screenings).Skip(1))
        {
            var report = bundled.Store.Screen(monday);
            var inRecovery = risk.Where(c => c.Instance.StartedAt <= at).Select(c => c.CustomerId).ToHashSet(StringComparer.Ordinal);
            var missing = report.Customers.Where(c => c.Risk.Tier >= RiskTier.Yellow && !inRecovery.Contains(c.Row.CustomerId)).Select(c => c.Row.CustomerId).ToList();
            Assert.True(missing.Count == 0, $"at Yellow or above on {monday} but never started a recovery: {string.Join(", ", missing)}");
        }

        // The drift into the tiers shows: later Mondays start recoveries too.
        Assert.Contains(risk, c => c.Instance.StartedAt > Month.StartsAt);
    }

    [Fact]
    public void A_recovery_is_replaced_only_by_the_SOP_of_a_higher_tier_and_a_customer_has_one_recovery_running_at_a_time()
    {
        var risk = Month.Cases.Where(c => RiskKinds.Contains(c.Kind)).ToList();
        foreach (var cancelled in risk.Where(c => c.Instance.Outcome == WorkflowOutcome.Cancelled))
        {
            Assert.Contains(risk, c => c.CustomerId == cancelled.CustomerId && c.Kind > cancelled.Kind && c.Instance.StartedAt == cancelled.Instance.FinishedAt);
        }

        Assert.All(Month.Cases.Where(c => !RiskKinds.Contains(c.Kind)), c => Assert.NotEqual(WorkflowOutcome.Cancelled, c.Instance.Outcome));
        var running = risk.Where(c => !c.Instance.IsFinished).GroupBy(c => c.CustomerId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(running.Count == 0, $"more than one recovery running for {string.Join(", ", running)}");
        var followUps = Month.Cases.Where(c => c.Kind == CaseKind.FollowUp && !c.Instance.IsFinished).GroupBy(c => c.CustomerId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(followUps.Count == 0, $"more than one follow-up running for {string.Join(", ", followUps)}");
    }

    [Fact]
    public void The_first_Monday_also_starts_the_rescues_of_open_detractor_alerts_and_the_weekend_visitors_follow_ups()
    {
        var alerts = bundled.Store.Report.Survey!.OpenAlerts.Where(a => a.Grading is not null).ToList();
        Assert.NotEmpty(alerts);
        var rescues = Month.Cases.Where(c => c.Kind == CaseKind.NpsRescue).ToList();
        Assert.Equal(
            alerts.Select(a => (a.Answer.CustomerId, a.Answer.AnsweredAt)).Order(),
            rescues.Select(c => (c.CustomerId, c.Instance.StartedAt)).Order());
        string[] rescueIds = [BuiltInWorkflows.NpsRescueS.Id, BuiltInWorkflows.NpsRescueA.Id, BuiltInWorkflows.NpsRescueB.Id];
        Assert.All(rescues, c => Assert.Contains(c.Instance.DefinitionId, rescueIds));

        var weekend = bundled.Store.Report.Customers
            .Where(c => c.Row.Signals.LastVisit >= Month.Start.PlusDays(-2) && c.Row.Signals.LastVisit < Month.Start)
            .Select(c => c.Row.CustomerId)
            .ToList();
        Assert.NotEmpty(weekend);
        var early = Month.Cases.Where(c => c.Kind == CaseKind.FollowUp && c.Instance.StartedAt < Month.StartsAt).ToList();
        Assert.Equal(weekend.Order(StringComparer.Ordinal), early.Select(c => c.CustomerId).Order(StringComparer.Ordinal));
        Assert.All(early, c => Assert.Equal(BuiltInWorkflows.PostServiceFollowUp.Id, c.Instance.DefinitionId));
    }

    [Fact]
    public void Over_the_month_tasks_get_done_calls_go_unanswered_steps_escalate_customers_book_and_come_back()
    {
        var days = Month.Days;
        Assert.True(days.Sum(d => d.TasksDone) > 0);
        Assert.True(days.Sum(d => d.NoAnswer) > 0);
        Assert.True(days.Sum(d => d.Escalations) > 0);
        Assert.True(days.Sum(d => d.Bookings) > 0);
        Assert.True(days.Sum(d => d.Visits) > 0);
        Assert.True(days.Sum(d => d.Finished) > 0);
        Assert.True(days.Sum(d => d.TouchesScheduled) > 0);

        // Days advance: the first week is busy every day, and work still gets done in the last week.
        Assert.All(days.Take(7), d => Assert.True(d.TasksDone > 0, $"no task done on {d.Date}"));
        Assert.Contains(days.Skip(21), d => d.TasksDone > 0);

        // Every kind of case shows up.
        Assert.All(Enum.GetValues<CaseKind>().Where(k => k != CaseKind.Red), k => Assert.Contains(Month.Cases, c => c.Kind == k));
        Assert.Contains(Month.Cases, c => c.Instance.IsFinished);
        Assert.Contains(Month.Cases, c => !c.Instance.IsFinished);
    }

    [Fact]
    public void The_day_table_adds_up_to_what_happened_to_the_cases()
    {
        var days = Month.Days;
        var cases = Month.Cases;
        Assert.Equal(cases.Count, days.Sum(d => d.Started));
        Assert.Equal(Month.Escalations.Count, days.Sum(d => d.Escalations));
        Assert.Equal(cases.Sum(c => c.Escalations), days.Sum(d => d.Escalations));
        Assert.Equal(cases.Count(c => c.Booked), days.Sum(d => d.Bookings));
        Assert.Equal(cases.Count(c => c.Visited), days.Sum(d => d.Visits));

        // Each task done is one step completion in an instance's log (none counted twice, none lost).
        Assert.Equal(cases.Sum(c => c.Instance.Log.Count(e => e.Event is StepCompleted)), days.Sum(d => d.TasksDone));

        // Escalations name a customer with a case of that kind.
        Assert.All(Month.Escalations, e => Assert.Contains(cases, c => c.CustomerId == e.CustomerId && c.Kind == e.Kind));
        Assert.All(Month.Escalations, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason.En) || string.IsNullOrWhiteSpace(e.Reason.ZhCn)));
        Assert.All(Month.DropReasons, r => Assert.True(r.Count > 0));
        Assert.Equal(days.Sum(d => d.TouchesDropped), Month.DropReasons.Sum(r => r.Count));
    }

    [Fact]
    public void Every_started_instance_is_consistent_with_its_definition_and_its_case()
    {
        Assert.NotEmpty(Month.Cases);
        foreach (var c in Month.Cases)
        {
            var instance = c.Instance;
            var definition = Month.Engine.DefinitionOf(instance);
            string who = $"{c.Kind} case of {c.CustomerId}: {instance}";

            Assert.Equal(c.CustomerId, instance.Subject);
            if (RiskKinds.Contains(c.Kind))
            {
                Assert.Equal(DefinitionOf(c.Kind).Id, instance.DefinitionId);
            }

            Assert.Equal(Zone.Id, instance.StoreZoneId);
            Assert.Equal(definition.Steps.Select(s => s.Id), instance.Steps.Select(s => s.StepId));
            Assert.True(instance.StartedAt < Month.EndsAt, who);

            // Finished: an outcome, a finish time within the month, no open step. Running: exactly one open step.
            Assert.Equal(instance.Outcome is not null, instance.FinishedAt is not null);
            if (instance.IsFinished)
            {
                Assert.True(instance.FinishedAt >= instance.StartedAt && instance.FinishedAt <= Month.EndsAt, who);
                Assert.Null(instance.ActiveStep);
            }
            else
            {
                Assert.NotNull(instance.ActiveStep);
            }

            Assert.True(instance.Steps.Count(s => s.IsActive) <= 1, who);

            // Each step done has an outcome its definition allows, was reached first, and was done within the month.
            foreach (var state in instance.Steps.Where(s => s.Status == StepStatus.Done))
            {
                var step = definition.GetStep(state.StepId);
                Assert.True(state.Outcome is not null && step.Allows(state.Outcome), $"{who}: step {state.StepId} done as {state.Outcome}");
                Assert.True(state.ReachedAt is not null && state.CompletedAt is not null && state.CompletedAt <= Month.EndsAt, $"{who}: step {state.StepId}");
            }

            // The log runs forward in time, within the month; no step is completed twice (a recurring step once per occurrence).
            var log = instance.Log;
            Assert.All(log.Zip(log.Skip(1)), p => Assert.True(p.First.AppliedAt <= p.Second.AppliedAt, $"{who}: log out of order"));
            Assert.All(log, e => Assert.True(e.AppliedAt <= Month.EndsAt, $"{who}: event after the month"));
            var completions = log.Select(e => e.Event).OfType<StepCompleted>().ToList();
            Assert.Equal(completions.Count, completions.Distinct().Count());
            foreach (var group in completions.GroupBy(e => e.StepId))
            {
                var step = definition.GetStep(group.Key);
                var state = instance.StateOf(group.Key)!;
                Assert.All(group, e => Assert.True(step.Allows(e.Outcome), $"{who}: {e}"));
                if (step.Window is not RecurringWindow)
                {
                    Assert.True(group.Count() == 1, $"{who}: step {group.Key} completed {group.Count()} times");
                    Assert.Equal((StepStatus.Done, group.Single().Outcome), (state.Status, state.Outcome));
                }
            }

            // What the simulation kept about the case agrees with the instance.
            Assert.True(c.Escalations >= 0 && c.Approvals >= 0, who);
            Assert.Equal(c.ProblemFound, completions.Any(e => e.Outcome == "Problem"));
            if (c.Booked)
            {
                Assert.NotNull(instance.AppointmentDate);
                Assert.True(instance.Log.Any(e => e.Event is AppointmentBooked), who);
            }

            if (c.Visited)
            {
                Assert.True(c.Booked, $"{who}: came back without a booking");
                Assert.Contains(Month.Cases, f => f.Kind == CaseKind.FollowUp && f.CustomerId == c.CustomerId);
            }
        }
    }

    private static string WriteSection(SampleStore store, string locale)
    {
        using var text = new StringWriter();
        new WorkflowMonthSection(store.Simulation()).Write(store.Report, new ReportWriter(text, locale));
        return text.ToString();
    }

    private static CaseKind KindOf(RiskTier tier) => tier switch
    {
        RiskTier.Yellow => CaseKind.Yellow,
        RiskTier.Orange => CaseKind.Orange,
        _ => CaseKind.Red,
    };

    private static WorkflowDefinition DefinitionOf(CaseKind kind) => kind switch
    {
        CaseKind.Yellow => BuiltInWorkflows.YellowRecovery,
        CaseKind.Orange => BuiltInWorkflows.OrangeRecovery,
        _ => BuiltInWorkflows.RedRecovery,
    };
}
