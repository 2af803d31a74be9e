using System.Text.Json.Serialization;
using NodaTime;

namespace Retention.Workflows;

/// <summary>Where a step of a running workflow stands.</summary>
public enum StepStatus
{
    /// <summary>Not actionable yet: not reached, or reached but waiting for the anchor its window counts from (an appointment not booked yet).</summary>
    Pending = 0,

    /// <summary>Reached and assigned: to be done between <see cref="StepState.OpensAt"/> and <see cref="StepState.DueAt"/>.</summary>
    Due = 1,

    /// <summary>Done, with an outcome.</summary>
    Done = 2,

    /// <summary>Skipped: its conditions did not hold when it was reached, or the workflow was cancelled while it was open.</summary>
    Skipped = 3,

    /// <summary>Past its due instant and not done; nobody more senior to escalate to.</summary>
    Overdue = 4,

    /// <summary>Past its due instant and not done; the escalation was sent.</summary>
    Escalated = 5,
}

/// <summary>
/// The state of one step in a <see cref="WorkflowInstance"/>, with its timestamps. Instances hold one per step of the
/// definition, in the definition's order.
/// </summary>
/// <param name="StepId">The step.</param>
/// <param name="Owner">Who does it.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Occurrence">The current occurrence of a recurring step, from 0; 0 for other steps.</param>
/// <param name="ReachedAt">When the workflow reached the step, or <see langword="null"/> while it has not.</param>
/// <param name="OpensAt">When the current occurrence's window opens: never before the step was reached, except that a step reached after its whole window has passed opens at its due instant (it is overdue at once); <see langword="null"/> while unknown.</param>
/// <param name="DueAt">When the current occurrence is due (overdue from this instant on), or <see langword="null"/> while unknown.</param>
/// <param name="CompletedAt">When the step (or its latest occurrence) was done or skipped, or <see langword="null"/>.</param>
/// <param name="Outcome">The outcome it (or its latest occurrence) ended with, or <see langword="null"/>.</param>
/// <param name="OverdueAt">When the engine found the current occurrence overdue, or <see langword="null"/>.</param>
/// <param name="EscalatedAt">When the engine escalated the current occurrence, or <see langword="null"/>.</param>
/// <param name="EscalatedTo">To whom, or <see langword="null"/>.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record StepState(
    string StepId,
    StaffRole Owner,
    StepStatus Status,
    int Occurrence = 0,
    Instant? ReachedAt = null,
    Instant? OpensAt = null,
    Instant? DueAt = null,
    Instant? CompletedAt = null,
    string? Outcome = null,
    Instant? OverdueAt = null,
    Instant? EscalatedAt = null,
    StaffRole? EscalatedTo = null)
{
    /// <summary>Whether the workflow is at this step: reached and neither done nor skipped.</summary>
    [JsonIgnore]
    public bool IsActive => ReachedAt is not null && Status is StepStatus.Pending or StepStatus.Due or StepStatus.Overdue or StepStatus.Escalated;
}
