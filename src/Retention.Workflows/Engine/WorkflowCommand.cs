using System;
using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NodaTime;

namespace Retention.Workflows;

/// <summary>
/// What a transition asks the host to do: assign a task, escalate, plan a customer touch, request an approval. The
/// engine does none of it; the host carries commands out (and may store them, they serialise with
/// <see cref="WorkflowJson"/>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
[JsonPolymorphic]
[JsonDerivedType(typeof(AssignTask), "assignTask")]
[JsonDerivedType(typeof(Escalate), "escalate")]
[JsonDerivedType(typeof(PlanTouch), "planTouch")]
[JsonDerivedType(typeof(RequestApproval), "requestApproval")]
public abstract record WorkflowCommand
{
    private protected WorkflowCommand(string stepId) => StepId = stepId;

    /// <summary>The step the command is about.</summary>
    public string StepId { get; }
}

/// <summary>Give the step's task to a role: do it between <see cref="OpensAt"/> and <see cref="DueAt"/>.</summary>
/// <param name="StepId">The step.</param>
/// <param name="Occurrence">The occurrence, from 0 (recurring steps have several).</param>
/// <param name="Role">Who does it.</param>
/// <param name="OpensAt">From when.</param>
/// <param name="DueAt">Due at (overdue from this instant on).</param>
/// <param name="ScriptId">The main script, or <see langword="null"/>.</param>
/// <param name="Channel">The preferred channel, or <see langword="null"/> (an internal step).</param>
/// <param name="Title">What to do, in both locales.</param>
public sealed record AssignTask(string StepId, int Occurrence, StaffRole Role, Instant OpensAt, Instant DueAt, string? ScriptId, ContactChannel? Channel, LocalizedText Title)
    : WorkflowCommand(StepId);

/// <summary>Tell a more senior role that a step is overdue. Emitted once per step occurrence.</summary>
/// <param name="StepId">The step.</param>
/// <param name="Occurrence">The occurrence, from 0.</param>
/// <param name="FromRole">The step's owner.</param>
/// <param name="ToRole">Who is told.</param>
/// <param name="DueAt">When the step was due.</param>
/// <param name="Reason">Why, in both locales.</param>
public sealed record Escalate(string StepId, int Occurrence, StaffRole FromRole, StaffRole ToRole, Instant DueAt, LocalizedText Reason)
    : WorkflowCommand(StepId);

/// <summary>
/// Plan a customer touch through the contact calendar of Retention.Contact (caps, spacing and quiet hours apply there).
/// <see cref="ToPlannedTouch"/> gives the calendar's input.
/// </summary>
/// <param name="StepId">The step.</param>
/// <param name="Occurrence">The occurrence, from 0.</param>
/// <param name="CustomerId">The customer (the instance's subject).</param>
/// <param name="Channel">The preferred channel.</param>
/// <param name="Purpose">Why.</param>
/// <param name="Department">Who plans it.</param>
/// <param name="Priority">Higher goes first when touches compete.</param>
/// <param name="Owner">Who makes the touch.</param>
/// <param name="Earliest">The earliest acceptable instant.</param>
/// <param name="Latest">The instant the step is due (exclusive).</param>
/// <param name="LatestDate">The last acceptable day in the store's zone (inclusive): the day of the last instant before <paramref name="Latest"/>, and never before the day of <paramref name="Earliest"/> (a step reached after its window closed may still be touched that day).</param>
public sealed record PlanTouch(
    string StepId,
    int Occurrence,
    string CustomerId,
    ContactChannel Channel,
    ContactPurpose Purpose,
    string Department,
    int Priority,
    StaffRole Owner,
    Instant Earliest,
    Instant Latest,
    LocalDate LatestDate)
    : WorkflowCommand(StepId)
{
    /// <summary>The touch as the contact calendar's input (<c>ContactCalendar.Plan</c> of Retention.Contact).</summary>
    /// <param name="id">The planner's id for the touch, unique in a batch (for example the instance key, step and occurrence).</param>
    /// <returns>The planned touch.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    public Retention.Contact.PlannedTouch ToPlannedTouch(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new Retention.Contact.PlannedTouch(id, CustomerId, Department, Purpose, Channel, Priority, Earliest, LatestDate, (Retention.Contact.StaffRole)(int)Owner);
    }
}

/// <summary>Ask a role to approve a budget for a step.</summary>
/// <param name="StepId">The step.</param>
/// <param name="Amount">The amount in the store's currency.</param>
/// <param name="Approver">Who approves it.</param>
public sealed record RequestApproval(string StepId, decimal Amount, StaffRole Approver) : WorkflowCommand(StepId);

/// <summary>
/// The result of a transition: the new instance and the commands for the host. When nothing changed
/// (<see cref="Changed"/> is <see langword="false"/>) <see cref="Instance"/> is the very instance passed in and there
/// are no commands.
/// </summary>
/// <param name="Instance">The instance after the transition.</param>
/// <param name="Commands">What the host should do, in order.</param>
/// <param name="Changed">Whether the instance changed.</param>
public sealed record Transition(WorkflowInstance Instance, ImmutableArray<WorkflowCommand> Commands, bool Changed);
