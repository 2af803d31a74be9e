using System;
using System.Text.Json.Serialization;

namespace Retention.Workflows;

/// <summary>How a finished workflow ended.</summary>
public enum WorkflowOutcome
{
    /// <summary>The customer was won back (or the follow-up did its job).</summary>
    Recovered = 0,

    /// <summary>The recovery failed: the customer refused or did not come back.</summary>
    NotRecovered = 1,

    /// <summary>A polite farewell: not worth a full recovery, the relationship is kept (Red SOP, value score below 60).</summary>
    Farewell = 2,

    /// <summary>Cancelled by the host (event <see cref="Cancelled"/>); no route may end this way.</summary>
    Cancelled = 3,
}

/// <summary>
/// Common step outcome names. Outcomes are free names (letters, digits, <c>_</c> and <c>-</c>); a step lists the ones it
/// may end with in its routes. <see cref="Skipped"/> is reserved for the route a step takes when its conditions do not hold.
/// </summary>
public static class StepOutcomes
{
    /// <summary>The step was done (the default outcome of a step that declares none).</summary>
    public const string Done = "Done";

    /// <summary>The customer agreed.</summary>
    public const string Agreed = "Agreed";

    /// <summary>The customer hesitated.</summary>
    public const string Hesitant = "Hesitant";

    /// <summary>The customer refused.</summary>
    public const string Refused = "Refused";

    /// <summary>Nobody answered.</summary>
    public const string NoAnswer = "NoAnswer";

    /// <summary>Reserved: the route of a step whose conditions do not hold. Cannot be reported in <see cref="StepCompleted"/>.</summary>
    public const string Skipped = "Skipped";

    /// <summary>Whether a name is a valid outcome name: 1 to 64 letters, digits, <c>_</c> or <c>-</c>, starting with a letter.</summary>
    /// <param name="outcome">The name.</param>
    /// <returns><see langword="true"/> when it is valid.</returns>
    public static bool IsValidName(string? outcome)
    {
        if (string.IsNullOrEmpty(outcome) || outcome.Length > 64 || !char.IsAsciiLetter(outcome[0]))
        {
            return false;
        }

        foreach (char c in outcome)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// Where a step's outcome leads: to another step (<see cref="Next"/>) or to the end of the workflow with an outcome
/// (<see cref="Finish"/>); exactly one of the two. On a recurring step the route is taken after the last occurrence,
/// unless <see cref="EndsRecurrence"/> says to take it at once.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record OutcomeRoute
{
    /// <summary>Creates a route.</summary>
    /// <param name="outcome">The step outcome (see <see cref="StepOutcomes.IsValidName"/>).</param>
    /// <param name="next">The id of the step it leads to, or <see langword="null"/> when it finishes the workflow.</param>
    /// <param name="finish">The workflow outcome it finishes with, or <see langword="null"/> when it leads to a step.</param>
    /// <param name="endsRecurrence">On a recurring step: take the route at once, dropping the remaining occurrences (for example <c>Refused</c> or <c>Stable</c>). Only recurring steps may set it.</param>
    /// <exception cref="WorkflowDefinitionException">The outcome name is invalid, not exactly one target is given, or the workflow outcome is unknown or <see cref="WorkflowOutcome.Cancelled"/>.</exception>
    public OutcomeRoute(string outcome, string? next = null, WorkflowOutcome? finish = null, bool endsRecurrence = false)
    {
        if (!StepOutcomes.IsValidName(outcome))
        {
            throw new WorkflowDefinitionException($"outcome \"{outcome}\" must be 1 to 64 letters, digits, '_' or '-', starting with a letter");
        }

        if ((next is null) == (finish is null))
        {
            throw new WorkflowDefinitionException($"outcome {outcome} must either lead to a step or finish the workflow, not {(next is null ? "neither" : "both")}");
        }

        if (next is not null && string.IsNullOrWhiteSpace(next))
        {
            throw new WorkflowDefinitionException($"outcome {outcome} leads to an empty step id");
        }

        if (finish is { } f && (!Enum.IsDefined(f) || f == WorkflowOutcome.Cancelled))
        {
            throw new WorkflowDefinitionException($"outcome {outcome} cannot finish the workflow as {f}: use Recovered, NotRecovered or Farewell (Cancelled is for the Cancelled event)");
        }

        Outcome = outcome;
        Next = next;
        Finish = finish;
        EndsRecurrence = endsRecurrence;
    }

    /// <summary>The step outcome.</summary>
    public string Outcome { get; }

    /// <summary>The step it leads to, or <see langword="null"/>.</summary>
    public string? Next { get; }

    /// <summary>The workflow outcome it finishes with, or <see langword="null"/>.</summary>
    public WorkflowOutcome? Finish { get; }

    /// <summary>On a recurring step: whether the route is taken at once rather than after the last occurrence.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool EndsRecurrence { get; }

    /// <summary>Describes the route: <c>Agreed -&gt; confirm</c>, <c>Refused -&gt; finish NotRecovered</c>, <c>Stable (at once) -&gt; finish Recovered</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        (EndsRecurrence ? $"{Outcome} (at once)" : Outcome) + (Next is not null ? $" -> {Next}" : $" -> finish {Finish}");
}

/// <summary>What starts a workflow.</summary>
public enum TriggerKind
{
    /// <summary>Started by hand (or by host logic the package does not know).</summary>
    Manual = 0,

    /// <summary>A customer entered a churn-risk tier (Retention.Scoring).</summary>
    RiskTierEntered = 1,

    /// <summary>A customer gave a detractor answer (Retention.Nps).</summary>
    DetractorAnswered = 2,

    /// <summary>A customer entered a churn stage (Retention.Scoring).</summary>
    ChurnStageEntered = 3,

    /// <summary>A service visit ended.</summary>
    VisitCompleted = 4,

    /// <summary>A problem was reported (follow-up call or any report).</summary>
    ProblemReported = 5,

    /// <summary>A trigger rule over the customer base fired.</summary>
    Rule = 6,
}

/// <summary>
/// What starts a workflow, as a description the host reads: the kind and an optional detail (the tier, the grade,
/// the rule's name). The engine does not fire triggers; the host starts instances when the trigger happens.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record WorkflowTrigger
{
    /// <summary>Creates a trigger description.</summary>
    /// <param name="kind">What starts the workflow.</param>
    /// <param name="detail">A detail such as <c>Yellow</c>, <c>S</c> or a rule name; <see langword="null"/> for none.</param>
    /// <exception cref="WorkflowDefinitionException">The kind is unknown or the detail is empty.</exception>
    public WorkflowTrigger(TriggerKind kind, string? detail = null)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new WorkflowDefinitionException($"trigger kind {(int)kind} is not a known kind");
        }

        if (detail is not null && string.IsNullOrWhiteSpace(detail))
        {
            throw new WorkflowDefinitionException("a trigger detail must not be empty (use null for none)");
        }

        Kind = kind;
        Detail = detail;
    }

    /// <summary>Started by hand.</summary>
    public static WorkflowTrigger Manual { get; } = new(TriggerKind.Manual);

    /// <summary>What starts the workflow.</summary>
    public TriggerKind Kind { get; }

    /// <summary>The detail, or <see langword="null"/>.</summary>
    public string? Detail { get; }

    /// <summary>A customer entered the tier.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The trigger.</returns>
    public static WorkflowTrigger RiskTierEntered(RiskTier tier) => new(TriggerKind.RiskTierEntered, tier.ToString());

    /// <summary>A detractor answer of the grade.</summary>
    /// <param name="grade">The grade.</param>
    /// <returns>The trigger.</returns>
    public static WorkflowTrigger DetractorAnswered(DetractorGrade grade) => new(TriggerKind.DetractorAnswered, grade.ToString());

    /// <summary>Describes the trigger: <c>RiskTierEntered Yellow</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Detail is null ? Kind.ToString() : $"{Kind} {Detail}";
}

/// <summary>
/// The customer touch a step makes, for the contact calendar of Retention.Contact: when such a step becomes due the
/// engine emits a <see cref="PlanTouch"/> next to the <see cref="AssignTask"/>.
/// </summary>
/// <param name="Purpose">Why the store contacts the customer (decides caps and exemptions in Retention.Contact).</param>
/// <param name="Department">Who plans the touch, or <see langword="null"/> for <see cref="WorkflowOptions.TouchDepartment"/>.</param>
/// <param name="Priority">Higher goes first when touches compete, or <see langword="null"/> for <see cref="WorkflowOptions.TouchPriority"/>.</param>
public sealed record StepTouch(ContactPurpose Purpose, string? Department = null, int? Priority = null);

/// <summary>A budget a step needs approved: when the step is reached the engine emits a <see cref="RequestApproval"/>.</summary>
/// <param name="Amount">The amount in the store's currency; more than zero.</param>
/// <param name="Approver">Who approves it.</param>
public sealed record StepApproval(decimal Amount, StaffRole Approver);
