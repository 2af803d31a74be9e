using System.Text.Json.Serialization;
using NodaTime;

namespace Retention.Workflows;

/// <summary>
/// Something that happened to a running workflow, applied with
/// <see cref="WorkflowEngine.Apply(WorkflowInstance, WorkflowEvent, Instant)"/>. Events are values: applying an event
/// equal to one already applied changes nothing.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
[JsonPolymorphic]
[JsonDerivedType(typeof(StepCompleted), "stepCompleted")]
[JsonDerivedType(typeof(AppointmentBooked), "appointmentBooked")]
[JsonDerivedType(typeof(VisitCompleted), "visitCompleted")]
[JsonDerivedType(typeof(CustomerReplied), "customerReplied")]
[JsonDerivedType(typeof(Cancelled), "cancelled")]
public abstract record WorkflowEvent
{
    private protected WorkflowEvent()
    {
    }

    /// <summary>When it happened, for events that carry an instant.</summary>
    internal abstract Instant? Moment { get; }
}

/// <summary>A step (or the current occurrence of a recurring step) was done, with an outcome the step allows.</summary>
/// <param name="StepId">The step.</param>
/// <param name="Outcome">The outcome, one of the step's <see cref="WorkflowStep.Outcomes"/>.</param>
/// <param name="At">When it was done; not after "now". A time before the step was reached counts as the moment it was reached.</param>
public sealed record StepCompleted(string StepId, string Outcome, Instant At) : WorkflowEvent
{
    internal override Instant? Moment => At;
}

/// <summary>
/// The customer booked an appointment (again: a later booking moves the appointment and reschedules what waits on it).
/// The moment of the booking tells bookings apart: a re-booking back to a day booked before is a new event, while the
/// same booking delivered twice (same day, same moment) changes nothing.
/// </summary>
/// <param name="Date">The appointment day in the store's zone.</param>
/// <param name="At">When the booking was made; not after "now".</param>
public sealed record AppointmentBooked(LocalDate Date, Instant At) : WorkflowEvent
{
    internal override Instant? Moment => At;
}

/// <summary>The customer's visit ended (a later visit replaces it as the anchor of windows "after the visit").</summary>
/// <param name="At">When the visit ended; not after "now".</param>
public sealed record VisitCompleted(Instant At) : WorkflowEvent
{
    internal override Instant? Moment => At;
}

/// <summary>The customer replied (the latest reply anchors windows "after the reply").</summary>
/// <param name="At">When the customer replied; not after "now".</param>
public sealed record CustomerReplied(Instant At) : WorkflowEvent
{
    internal override Instant? Moment => At;
}

/// <summary>The host cancelled the workflow; it finishes as <see cref="WorkflowOutcome.Cancelled"/> and the open step is skipped.</summary>
/// <param name="At">When it was cancelled; not after "now".</param>
/// <param name="Reason">Why, for the record.</param>
public sealed record Cancelled(Instant At, string Reason) : WorkflowEvent
{
    internal override Instant? Moment => At;
}

/// <summary>An event in an instance's log, with the moment the engine applied it.</summary>
/// <param name="Event">The event.</param>
/// <param name="AppliedAt">The "now" it was applied at.</param>
public sealed record AppliedEvent(WorkflowEvent Event, Instant AppliedAt);
