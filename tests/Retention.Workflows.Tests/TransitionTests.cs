using System.Linq;
using NodaTime;
using Retention.Workflows.Tests.Support;
using Xunit;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests;

/// <summary>
/// Spec section 1, transitions: Start reaches the first step and assigns it; StepCompleted follows the outcome's route;
/// conditions skip steps; anchored steps wait for their event; recurring steps assign occurrence after occurrence;
/// Tick marks overdue steps and escalates once; Cancelled finishes. Everything is pure: the input is never changed.
/// </summary>
public class TransitionTests
{
    private static readonly Instant Day2 = Start + Duration.FromDays(1);

    [Fact]
    public void Start_reaches_the_first_step_assigns_it_and_plans_the_touch()
    {
        var t = StartSmall();
        var instance = t.Instance;

        Assert.True(t.Changed);
        Assert.Equal(("test.small", 1, "C42", Start), (instance.DefinitionId, instance.DefinitionVersion, instance.Subject, instance.StartedAt));
        Assert.Equal("Asia/Shanghai", instance.Context.StoreZoneId); // pinned from the options
        var call = instance.StateOf("call")!;
        Assert.Equal(StepStatus.Due, call.Status);
        Assert.Equal((Start, Start, Local(Shanghai, 2026, 3, 12, 0)), (call.ReachedAt!.Value, call.OpensAt!.Value, call.DueAt!.Value));
        Assert.Same(call, instance.ActiveStep);
        Assert.All(instance.Steps.Skip(1), s => Assert.Equal((StepStatus.Pending, (Instant?)null), (s.Status, s.ReachedAt)));

        var task = Assert.Single(Of<AssignTask>(t));
        Assert.Equal(new AssignTask("call", 0, StaffRole.CustomerServiceSupervisor, Start, Local(Shanghai, 2026, 3, 12, 0), "risk.yellow.supervisor-call", ContactChannel.Phone, T("Call back")), task);
        var touch = Assert.Single(Of<PlanTouch>(t));
        Assert.Equal(("C42", ContactChannel.Phone, ContactPurpose.Recovery, "aftersales", 50), (touch.CustomerId, touch.Channel, touch.Purpose, touch.Department, touch.Priority));
        Assert.Equal((Start, task.DueAt, new LocalDate(2026, 3, 11)), (touch.Earliest, touch.Latest, touch.LatestDate));
        Assert.Equal(2, t.Commands.Length);
        Assert.Empty(instance.Log);
    }

    [Fact]
    public void A_context_zone_wins_over_the_options()
    {
        var instance = StartSmall(zone: "Europe/Berlin", at: Local(Berlin, 2026, 3, 28, 10)).Instance;

        Assert.Equal("Europe/Berlin", instance.StoreZoneId);
        Assert.Equal(Utc(2026, 3, 29, 22), instance.StateOf("call")!.DueAt);
    }

    [Fact]
    public void Agreed_leads_to_the_appointment_step_which_waits_for_the_booking_then_is_due_on_the_appointment_day()
    {
        var started = StartSmall().Instance;
        var agreed = Engine.Apply(started, new StepCompleted("call", StepOutcomes.Agreed, Day2), Day2);

        Assert.Equal(StepStatus.Done, agreed.Instance.StateOf("call")!.Status);
        Assert.Equal((StepOutcomes.Agreed, (Instant?)Day2), (agreed.Instance.StateOf("call")!.Outcome, agreed.Instance.StateOf("call")!.CompletedAt));
        var book = agreed.Instance.StateOf("book")!;
        Assert.Equal((StepStatus.Pending, (Instant?)Day2, (Instant?)null), (book.Status, book.ReachedAt, book.DueAt));
        Assert.Empty(agreed.Commands);
        Assert.Equal(StepStatus.Pending, agreed.Instance.StateOf("offer")!.Status); // not on the path

        var booked = Engine.Apply(agreed.Instance, new AppointmentBooked(new LocalDate(2026, 3, 14), Day2), Day2);
        var task = Assert.Single(Of<AssignTask>(booked));
        Assert.Equal(("book", Local(Shanghai, 2026, 3, 14, 0), Local(Shanghai, 2026, 3, 15, 0)), (task.StepId, task.OpensAt, task.DueAt));
        Assert.Equal(StepStatus.Due, booked.Instance.StateOf("book")!.Status);
        Assert.Equal(new LocalDate(2026, 3, 14), booked.Instance.AppointmentDate);
        Assert.Equal(2, booked.Instance.Log.Length);
        Assert.Equal(new AppliedEvent(new AppointmentBooked(new LocalDate(2026, 3, 14), Day2), Day2), booked.Instance.Log[1]);
    }

    [Fact]
    public void A_booking_made_before_the_step_is_reached_is_used_when_it_is_reached()
    {
        var started = StartSmall().Instance;
        var booked = Engine.Apply(started, new AppointmentBooked(new LocalDate(2026, 3, 14), Start), Start).Instance;

        var agreed = Engine.Apply(booked, new StepCompleted("call", StepOutcomes.Agreed, Day2), Day2);

        Assert.Equal(Local(Shanghai, 2026, 3, 15, 0), Assert.Single(Of<AssignTask>(agreed)).DueAt);
    }

    [Fact]
    public void Re_booking_moves_the_appointment_and_reassigns_the_step()
    {
        var instance = Run(StartSmall().Instance, new StepCompleted("call", StepOutcomes.Agreed, Day2), new AppointmentBooked(new LocalDate(2026, 3, 14), Day2));

        var moved = Engine.Apply(instance, new AppointmentBooked(new LocalDate(2026, 3, 16), Day2 + Duration.FromMinutes(5)), Day2 + Duration.FromMinutes(5));

        Assert.Equal(Local(Shanghai, 2026, 3, 17, 0), Assert.Single(Of<AssignTask>(moved)).DueAt);
        Assert.Equal(Local(Shanghai, 2026, 3, 17, 0), moved.Instance.StateOf("book")!.DueAt);
    }

    [Fact]
    public void Re_booking_back_to_a_day_booked_before_moves_the_appointment_again_while_the_same_booking_twice_changes_nothing()
    {
        var first = new AppointmentBooked(new LocalDate(2026, 3, 14), Day2);
        var instance = Run(StartSmall().Instance, new StepCompleted("call", StepOutcomes.Agreed, Day2), first);
        var later = Day2 + Duration.FromMinutes(5);
        var evenLater = Day2 + Duration.FromMinutes(10);
        instance = Engine.Apply(instance, new AppointmentBooked(new LocalDate(2026, 3, 16), later), later).Instance;

        var back = Engine.Apply(instance, new AppointmentBooked(new LocalDate(2026, 3, 14), evenLater), evenLater);
        var duplicate = Engine.Apply(back.Instance, first, evenLater);

        Assert.True(back.Changed);
        Assert.Equal(new LocalDate(2026, 3, 14), back.Instance.AppointmentDate);
        Assert.Equal(Local(Shanghai, 2026, 3, 15, 0), back.Instance.StateOf("book")!.DueAt);
        Assert.False(duplicate.Changed); // the first booking delivered again
        Assert.Same(back.Instance, duplicate.Instance);
    }

    [Fact]
    public void A_booking_made_after_now_is_rejected()
    {
        var instance = Run(StartSmall().Instance, new StepCompleted("call", StepOutcomes.Agreed, Day2));

        var e = Assert.Throws<WorkflowException>(() => Engine.Apply(instance, new AppointmentBooked(new LocalDate(2026, 3, 14), Day2 + Duration.FromHours(1)), Day2));

        Assert.Equal(WorkflowProblem.EventInFuture, e.Problem);
    }

    [Theory]
    [InlineData(80.0, "offer")]
    [InlineData(70.0, "book")]
    [InlineData(null, "book")]
    public void Hesitant_goes_to_the_manager_offer_only_if_the_value_score_is_above_70_else_the_offer_is_skipped(double? score, string expectedActive)
    {
        var t = Engine.Apply(StartSmall(score).Instance, new StepCompleted("call", StepOutcomes.Hesitant, Day2), Day2);

        Assert.Equal(expectedActive, t.Instance.ActiveStep!.StepId);
        var offer = t.Instance.StateOf("offer")!;
        if (expectedActive == "offer")
        {
            Assert.Equal(StepStatus.Due, offer.Status);
            Assert.Equal(new RequestApproval("offer", 800m, StaffRole.GeneralManager), Assert.Single(Of<RequestApproval>(t)));
            Assert.Equal(Local(Shanghai, 2026, 3, 14, 0), Assert.Single(Of<AssignTask>(t)).DueAt); // D2-D4
        }
        else
        {
            Assert.Equal((StepStatus.Skipped, (Instant?)Day2, (Instant?)Day2), (offer.Status, offer.ReachedAt, offer.CompletedAt));
            Assert.Empty(Of<RequestApproval>(t));
            Assert.Empty(t.Commands); // the appointment step waits for the booking
        }
    }

    [Fact]
    public void Refused_finishes_the_workflow_as_not_recovered()
    {
        var t = Engine.Apply(StartSmall().Instance, new StepCompleted("call", StepOutcomes.Refused, Day2), Day2);

        Assert.Equal((WorkflowOutcome.NotRecovered, (Instant?)Day2), (t.Instance.Outcome, t.Instance.FinishedAt));
        Assert.True(t.Instance.IsFinished);
        Assert.Null(t.Instance.ActiveStep);
        Assert.Empty(t.Commands);
    }

    [Fact]
    public void No_answer_leads_to_a_second_attempt_three_days_after_the_call()
    {
        var callAt = Local(Shanghai, 2026, 3, 10, 20);
        var t = Engine.Apply(StartSmall().Instance, new StepCompleted("call", StepOutcomes.NoAnswer, callAt), callAt);

        var task = Assert.Single(Of<AssignTask>(t));
        Assert.Equal(("retry", StaffRole.ServiceAdvisor), (task.StepId, task.Role));
        Assert.Equal((Local(Shanghai, 2026, 3, 13, 0), Local(Shanghai, 2026, 3, 14, 0)), (task.OpensAt, task.DueAt)); // D+3: 13 March
    }

    [Fact]
    public void A_whole_recovery_runs_to_Recovered_with_monthly_care_three_times()
    {
        var visit = Local(Shanghai, 2026, 3, 14, 16);
        var followedUp = Local(Shanghai, 2026, 3, 15, 10);
        var instance = Run(
            StartSmall().Instance,
            new StepCompleted("call", StepOutcomes.Agreed, Day2),
            new AppointmentBooked(new LocalDate(2026, 3, 14), Day2),
            new StepCompleted("book", StepOutcomes.Done, visit - Duration.FromHours(1)));

        var visited = Engine.Apply(instance, new VisitCompleted(visit), visit);
        Assert.Equal(Local(Shanghai, 2026, 3, 16, 0), Assert.Single(Of<AssignTask>(visited)).DueAt);
        Assert.Equal("followup", Assert.Single(Of<PlanTouch>(visited)).StepId);

        var care0 = Engine.Apply(visited.Instance, new StepCompleted("followup", StepOutcomes.Done, followedUp), followedUp);
        var first = Assert.Single(Of<AssignTask>(care0));
        Assert.Equal(("care", 0, Local(Shanghai, 2026, 4, 14, 0), Local(Shanghai, 2026, 4, 15, 0)), (first.StepId, first.Occurrence, first.OpensAt, first.DueAt));
        var touch = Assert.Single(Of<PlanTouch>(care0));
        Assert.Equal(("crm", 10, ContactChannel.WeChat), (touch.Department, touch.Priority, touch.Channel));

        var at1 = Local(Shanghai, 2026, 4, 14, 11);
        var care1 = Engine.Apply(care0.Instance, new StepCompleted("care", StepOutcomes.Done, at1), at1);
        Assert.Equal((1, Local(Shanghai, 2026, 5, 15, 0)), (Assert.Single(Of<AssignTask>(care1)).Occurrence, Of<AssignTask>(care1)[0].DueAt));
        Assert.Equal((StepStatus.Due, 1, (Instant?)at1, StepOutcomes.Done), (care1.Instance.StateOf("care")!.Status, care1.Instance.StateOf("care")!.Occurrence, care1.Instance.StateOf("care")!.CompletedAt, care1.Instance.StateOf("care")!.Outcome));
        Assert.False(care1.Instance.IsFinished);

        var at2 = Local(Shanghai, 2026, 5, 14, 11);
        var care2 = Engine.Apply(care1.Instance, new StepCompleted("care", StepOutcomes.Done, at2), at2);
        Assert.Equal((2, Local(Shanghai, 2026, 6, 15, 0)), (Assert.Single(Of<AssignTask>(care2)).Occurrence, Of<AssignTask>(care2)[0].DueAt));

        var at3 = Local(Shanghai, 2026, 6, 14, 11);
        var done = Engine.Apply(care2.Instance, new StepCompleted("care", StepOutcomes.Done, at3), at3);
        Assert.Equal((WorkflowOutcome.Recovered, (Instant?)at3), (done.Instance.Outcome, done.Instance.FinishedAt));
        Assert.Equal(StepStatus.Done, done.Instance.StateOf("care")!.Status);
        Assert.Empty(done.Commands);
        Assert.Equal(8, done.Instance.Log.Length);
    }

    [Fact]
    public void A_refusal_during_a_recurring_step_finishes_at_once()
    {
        var instance = Run(
            StartSmall().Instance,
            new StepCompleted("call", StepOutcomes.Agreed, Day2),
            new StepCompleted("book", StepOutcomes.Done, Day2),
            new VisitCompleted(Day2),
            new StepCompleted("followup", StepOutcomes.Done, Day2));

        var refused = Engine.Apply(instance, new StepCompleted("care", StepOutcomes.Refused, Day2), Day2);

        Assert.Equal(WorkflowOutcome.NotRecovered, refused.Instance.Outcome);
        Assert.Equal((StepStatus.Done, 0), (refused.Instance.StateOf("care")!.Status, refused.Instance.StateOf("care")!.Occurrence));
    }

    [Fact]
    public void A_step_completed_before_it_was_reached_counts_as_completed_when_reached()
    {
        var early = Start - Duration.FromHours(5);
        var t = Engine.Apply(StartSmall().Instance, new StepCompleted("call", StepOutcomes.Agreed, early), Start);

        Assert.Equal(Start, t.Instance.StateOf("call")!.CompletedAt);
    }

    [Fact]
    public void Cancelled_finishes_the_workflow_and_skips_the_open_step()
    {
        var t = Engine.Apply(StartSmall().Instance, new Cancelled(Day2, "customer moved away"), Day2);

        Assert.Equal((WorkflowOutcome.Cancelled, (Instant?)Day2), (t.Instance.Outcome, t.Instance.FinishedAt));
        Assert.Equal((StepStatus.Skipped, (Instant?)Day2), (t.Instance.StateOf("call")!.Status, t.Instance.StateOf("call")!.CompletedAt));
        Assert.Empty(t.Commands);
    }

    [Fact]
    public void A_reply_is_recorded_and_logged()
    {
        var t = Engine.Apply(StartSmall().Instance, new CustomerReplied(Day2), Day2 + Duration.FromMinutes(1));

        Assert.True(t.Changed);
        Assert.Equal(Day2, t.Instance.RepliedAt);
        Assert.Equal(Day2 + Duration.FromMinutes(1), Assert.Single(t.Instance.Log).AppliedAt);
    }

    [Fact]
    public void Transitions_never_change_the_instance_they_are_given()
    {
        var started = StartSmall().Instance;
        string before = WorkflowJson.Serialize(started);

        Engine.Apply(started, new StepCompleted("call", StepOutcomes.Agreed, Day2), Day2);
        Engine.Tick(started, Day2 + Duration.FromDays(5));
        Engine.Apply(started, new Cancelled(Day2, "x"), Day2);

        Assert.Equal(before, WorkflowJson.Serialize(started));
    }

    // ---- idempotency ----

    [Fact]
    public void Applying_the_same_event_twice_changes_nothing_the_second_time()
    {
        var e = new StepCompleted("call", StepOutcomes.Agreed, Day2);
        var once = Engine.Apply(StartSmall().Instance, e, Day2);

        var twice = Engine.Apply(once.Instance, e, Day2 + Duration.FromHours(3));

        Assert.False(twice.Changed);
        Assert.Same(once.Instance, twice.Instance);
        Assert.Empty(twice.Commands);
    }

    [Fact]
    public void A_repeated_event_is_a_no_op_even_after_the_instance_finished()
    {
        var e = new StepCompleted("call", StepOutcomes.Refused, Day2);
        var finished = Engine.Apply(StartSmall().Instance, e, Day2).Instance;

        var again = Engine.Apply(finished, e, Day2);

        Assert.Same(finished, again.Instance);
        Assert.False(again.Changed);
    }

    [Fact]
    public void Completing_a_done_step_again_with_the_same_outcome_at_another_time_changes_nothing()
    {
        var once = Run(StartSmall().Instance, new StepCompleted("call", StepOutcomes.Agreed, Day2));

        var again = Engine.Apply(once, new StepCompleted("call", StepOutcomes.Agreed, Day2 + Duration.FromHours(1)), Day2 + Duration.FromHours(1));

        Assert.Same(once, again.Instance);
        Assert.Empty(again.Commands);
    }

    // ---- tick ----

    [Fact]
    public void Tick_before_the_due_instant_changes_nothing()
    {
        var started = StartSmall().Instance;

        var t = Engine.Tick(started, Local(Shanghai, 2026, 3, 12, 0) - Duration.Epsilon);

        Assert.Same(started, t.Instance);
        Assert.Empty(t.Commands);
    }

    [Fact]
    public void Tick_at_the_due_instant_escalates_one_role_up_once()
    {
        var started = StartSmall().Instance;
        var due = Local(Shanghai, 2026, 3, 12, 0);

        var t = Engine.Tick(started, due);

        var escalate = Assert.Single(Of<Escalate>(t));
        Assert.Equal(("call", 0, StaffRole.CustomerServiceSupervisor, StaffRole.ServiceManager, due), (escalate.StepId, escalate.Occurrence, escalate.FromRole, escalate.ToRole, escalate.DueAt));
        AssertBothLocales(escalate.Reason, "escalation reason");
        Assert.Contains("2026-03-12 00:00", escalate.Reason.En, System.StringComparison.Ordinal);
        Assert.Contains("Call back", escalate.Reason.En, System.StringComparison.Ordinal);
        var call = t.Instance.StateOf("call")!;
        Assert.Equal((StepStatus.Escalated, (Instant?)due, (Instant?)due, (StaffRole?)StaffRole.ServiceManager), (call.Status, call.OverdueAt, call.EscalatedAt, call.EscalatedTo));

        var again = Engine.Tick(t.Instance, due + Duration.FromDays(3));
        Assert.Same(t.Instance, again.Instance);
        Assert.Empty(again.Commands);
    }

    [Fact]
    public void With_a_grace_period_the_step_is_overdue_first_and_escalated_when_the_grace_is_over()
    {
        var engine = new WorkflowEngine(new WorkflowOptions { EscalationGrace = System.TimeSpan.FromHours(2) }, Engine.Definitions);
        var started = engine.Start(Small, "C1", Context(), Start).Instance;
        var due = Local(Shanghai, 2026, 3, 12, 0);

        var overdue = engine.Tick(started, due + Duration.FromHours(1));
        Assert.Equal(StepStatus.Overdue, overdue.Instance.StateOf("call")!.Status);
        Assert.Empty(overdue.Commands);
        Assert.Same(overdue.Instance, engine.Tick(overdue.Instance, due + Duration.FromHours(1.5)).Instance);

        var escalated = engine.Tick(overdue.Instance, due + Duration.FromHours(2));
        Assert.Single(Of<Escalate>(escalated));
        Assert.Equal((StepStatus.Escalated, (Instant?)(due + Duration.FromHours(1))), (escalated.Instance.StateOf("call")!.Status, escalated.Instance.StateOf("call")!.OverdueAt));
    }

    [Fact]
    public void Without_one_role_up_a_step_with_no_escalation_role_is_only_marked_overdue()
    {
        var engine = new WorkflowEngine(new WorkflowOptions { EscalateOneRoleUp = false }, Engine.Definitions);
        var started = engine.Start(Small, "C1", Context(), Start).Instance;

        var t = engine.Tick(started, Start + Duration.FromDays(10));

        Assert.Equal(StepStatus.Overdue, t.Instance.StateOf("call")!.Status);
        Assert.Empty(t.Commands);
        Assert.True(t.Changed);
    }

    [Fact]
    public void An_explicit_escalation_role_wins_and_a_regional_managers_step_has_nobody_above()
    {
        var definition = new WorkflowBuilder("test.roles", 1, T("Roles"))
            .Step("a", T("A")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Hours(0, 2)).EscalateTo(StaffRole.GeneralManager)
            .Step("b", T("B")).OwnedBy(StaffRole.RegionalManager).Within(StepWindow.Hours(2, 4)).On(StepOutcomes.Done).Finish(WorkflowOutcome.Recovered)
            .Build();
        var engine = new WorkflowEngine(new WorkflowRegistry([definition]));
        var started = engine.Start(definition, "C1", WorkflowContext.Empty, Start).Instance;

        Assert.Equal(StaffRole.GeneralManager, Assert.Single(Of<Escalate>(engine.Tick(started, Start + Duration.FromHours(3)))).ToRole);

        var atB = engine.Apply(started, new StepCompleted("a", StepOutcomes.Done, Start), Start).Instance;
        var tick = engine.Tick(atB, Start + Duration.FromHours(5));
        Assert.Equal(StepStatus.Overdue, tick.Instance.StateOf("b")!.Status);
        Assert.Empty(tick.Commands);
        Assert.Null(engine.EscalationRoleOf(definition.GetStep("b")));
    }

    [Fact]
    public void Tick_on_a_finished_instance_or_a_waiting_step_changes_nothing()
    {
        var finished = Run(StartSmall().Instance, new StepCompleted("call", StepOutcomes.Refused, Day2));
        var waiting = Run(StartSmall().Instance, new StepCompleted("call", StepOutcomes.Agreed, Day2));

        Assert.Same(finished, Engine.Tick(finished, Day2 + Duration.FromDays(400)).Instance);
        Assert.Same(waiting, Engine.Tick(waiting, Day2 + Duration.FromDays(400)).Instance);
    }

    [Fact]
    public void Completing_an_escalated_step_still_works()
    {
        var escalated = Engine.Tick(StartSmall().Instance, Start + Duration.FromDays(5)).Instance;
        var at = Start + Duration.FromDays(6);

        var t = Engine.Apply(escalated, new StepCompleted("call", StepOutcomes.Agreed, at), at);

        var call = t.Instance.StateOf("call")!;
        Assert.Equal((StepStatus.Done, (Instant?)at), (call.Status, call.CompletedAt));
        Assert.NotNull(call.EscalatedAt); // history kept
    }

    // ---- commands to Retention.Contact ----

    [Fact]
    public void A_planned_touch_becomes_the_contact_calendars_input()
    {
        var touch = Assert.Single(Of<PlanTouch>(StartSmall()));

        var planned = touch.ToPlannedTouch("C42/call/0");

        Assert.Equal(
            new Retention.Contact.PlannedTouch("C42/call/0", "C42", "aftersales", ContactPurpose.Recovery, ContactChannel.Phone, 50, Start, new LocalDate(2026, 3, 11), Retention.Contact.StaffRole.CustomerServiceSupervisor),
            planned);
    }

    [Fact]
    public void Every_role_maps_to_the_contact_packages_role_of_the_same_name()
    {
        foreach (var role in System.Enum.GetValues<StaffRole>())
        {
            var touch = new PlanTouch("s", 0, "c", ContactChannel.Sms, ContactPurpose.Care, "d", 1, role, Start, Start, new LocalDate(2026, 1, 1));
            Assert.Equal(role.ToString(), touch.ToPlannedTouch("x").Owner.ToString());
        }
    }
}
