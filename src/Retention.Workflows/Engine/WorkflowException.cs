using System;
using System.Collections.Generic;

namespace Retention.Workflows;

/// <summary>Why the engine rejected a start, an event or an instance.</summary>
public enum WorkflowProblem
{
    /// <summary>Not one of the more specific problems.</summary>
    Other = 0,

    /// <summary>The instance's definition (id and version) is not registered with the engine.</summary>
    DefinitionNotFound = 1,

    /// <summary>The instance does not fit its definition (its steps are not the definition's steps).</summary>
    DefinitionMismatch = 2,

    /// <summary>The instance has finished; it takes no more events.</summary>
    InstanceFinished = 3,

    /// <summary>The event names a step the definition does not have.</summary>
    UnknownStep = 4,

    /// <summary>The event reports an outcome the step may not end with.</summary>
    OutcomeNotAllowed = 5,

    /// <summary>The event completes a step that has not been reached yet or was skipped.</summary>
    StepNotActive = 6,

    /// <summary>The event completes a step that is already done, with a different outcome.</summary>
    StepAlreadyCompleted = 7,

    /// <summary>The event happened after "now".</summary>
    EventInFuture = 8,
}

/// <summary>
/// The engine rejected a start, an event or an instance. <see cref="Problem"/> says why; the message names the
/// workflow, the subject and the step.
/// </summary>
public sealed class WorkflowException : InvalidOperationException
{
    /// <summary>Creates the exception with <see cref="WorkflowProblem.Other"/>.</summary>
    public WorkflowException()
        : this("The workflow engine rejected the operation.")
    {
    }

    /// <summary>Creates the exception with <see cref="WorkflowProblem.Other"/>.</summary>
    /// <param name="message">The message.</param>
    public WorkflowException(string message)
        : this(message, (Exception?)null)
    {
    }

    /// <summary>Creates the exception with <see cref="WorkflowProblem.Other"/> and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public WorkflowException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="problem">Why the operation was rejected.</param>
    /// <param name="message">The message, naming what was wrong.</param>
    /// <param name="stepId">The step concerned, if any.</param>
    public WorkflowException(WorkflowProblem problem, string message, string? stepId = null)
        : base(message)
    {
        Problem = problem;
        StepId = stepId;
    }

    /// <summary>Why the operation was rejected.</summary>
    public WorkflowProblem Problem { get; }

    /// <summary>The step concerned, or <see langword="null"/>.</summary>
    public string? StepId { get; }

    internal static WorkflowException DefinitionNotFound(string id, int? version, IReadOnlyList<int> registered) =>
        new(
            WorkflowProblem.DefinitionNotFound,
            $"Workflow '{id}'{(version is int v ? $" v{v}" : string.Empty)} is not registered"
            + (registered.Count == 0 ? " in any version." : $"; registered versions: {string.Join(", ", registered)}. Instances stay on the version they started on, so keep it registered."));
}
