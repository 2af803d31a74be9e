using System;

namespace Retention.Workflows;

/// <summary>What an anchored window counts from.</summary>
public enum AnchorKind
{
    /// <summary>The completion of another step of the same workflow (a skipped step counts as completed when it was skipped).</summary>
    Step = 0,

    /// <summary>The booked appointment day (event <see cref="AppointmentBooked"/>). The only anchor a window may start before.</summary>
    Appointment = 1,

    /// <summary>The end of the customer's visit (event <see cref="VisitCompleted"/>).</summary>
    Visit = 2,

    /// <summary>The customer's latest reply (event <see cref="CustomerReplied"/>).</summary>
    Reply = 3,
}

/// <summary>
/// The moment an anchored window counts from: another step's completion, the appointment day, the visit or the
/// customer's reply. Until the anchor is known (the appointment is not booked yet, ...) a step waiting on it stays
/// <see cref="StepStatus.Pending"/>. When an event moves the anchor (a re-booked appointment, a later visit) the
/// waiting step is rescheduled.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record WindowAnchor
{
    /// <summary>Creates an anchor.</summary>
    /// <param name="kind">What the window counts from.</param>
    /// <param name="stepId">For <see cref="AnchorKind.Step"/> the id of the step whose completion counts; otherwise <see langword="null"/>.</param>
    /// <exception cref="WorkflowDefinitionException">The kind is unknown, or a step anchor has no step id, or another anchor has one.</exception>
    public WindowAnchor(AnchorKind kind, string? stepId = null)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new WorkflowDefinitionException($"anchor kind {(int)kind} is not a known anchor");
        }

        if (kind == AnchorKind.Step && string.IsNullOrWhiteSpace(stepId))
        {
            throw new WorkflowDefinitionException("a step anchor needs the id of the step it counts from");
        }

        if (kind != AnchorKind.Step && stepId is not null)
        {
            throw new WorkflowDefinitionException($"a {kind} anchor takes no step id (was \"{stepId}\")");
        }

        Kind = kind;
        StepId = stepId;
    }

    /// <summary>The booked appointment day.</summary>
    public static WindowAnchor Appointment { get; } = new(AnchorKind.Appointment);

    /// <summary>The end of the visit.</summary>
    public static WindowAnchor Visit { get; } = new(AnchorKind.Visit);

    /// <summary>The customer's latest reply.</summary>
    public static WindowAnchor Reply { get; } = new(AnchorKind.Reply);

    /// <summary>What the window counts from.</summary>
    public AnchorKind Kind { get; }

    /// <summary>The id of the step whose completion counts, for <see cref="AnchorKind.Step"/>; otherwise <see langword="null"/>.</summary>
    public string? StepId { get; }

    /// <summary>The completion of another step.</summary>
    /// <param name="stepId">The step's id.</param>
    /// <returns>The anchor.</returns>
    /// <exception cref="WorkflowDefinitionException"><paramref name="stepId"/> is empty.</exception>
    public static WindowAnchor AfterStep(string stepId) => new(AnchorKind.Step, stepId);

    /// <summary>Describes the anchor in English: <c>the visit</c>, <c>step 'call'</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        AnchorKind.Step => $"step '{StepId}'",
        AnchorKind.Appointment => "the appointment",
        AnchorKind.Visit => "the visit",
        _ => "the reply",
    };
}
