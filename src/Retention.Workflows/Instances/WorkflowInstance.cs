using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Serialization;
using NodaTime;

namespace Retention.Workflows;

/// <summary>
/// One running (or finished) workflow for one subject: pinned to its definition's id and version, with its context,
/// the state of every step, the anchors events have set, the outcome when finished, and the log of applied events.
/// Create instances with <see cref="WorkflowEngine.Start(WorkflowDefinition, string, WorkflowContext, Instant)"/> and
/// move them with <see cref="WorkflowEngine.Apply"/> and <see cref="WorkflowEngine.Tick"/>; store them with
/// <see cref="WorkflowJson"/>.
/// </summary>
/// <remarks>
/// <para>At most one step is active at a time (the workflow is a single path through its steps).</para>
/// <para>Immutable and thread-safe. Equality compares every value, including the step states and the log.</para>
/// </remarks>
public sealed record WorkflowInstance
{
    private readonly StepState? _active;

    /// <summary>Creates an instance from its parts (as stored). The engine creates new ones; use this to load your own storage format.</summary>
    /// <param name="definitionId">The definition's id.</param>
    /// <param name="definitionVersion">The definition's version, from 1.</param>
    /// <param name="subject">The customer id.</param>
    /// <param name="startedAt">When it started.</param>
    /// <param name="context">The context; its store zone must be set.</param>
    /// <param name="steps">One state per definition step, in the definition's order; at most one active.</param>
    /// <param name="outcome">How it finished, or <see langword="null"/> while running.</param>
    /// <param name="finishedAt">When it finished, or <see langword="null"/> while running.</param>
    /// <param name="appointmentDate">The booked appointment day, if any.</param>
    /// <param name="visitAt">When the (latest) visit ended, if any.</param>
    /// <param name="repliedAt">When the customer last replied, if any.</param>
    /// <param name="log">The applied events, oldest first.</param>
    /// <exception cref="ArgumentException">A part is missing or the parts do not fit together; the message names it.</exception>
    public WorkflowInstance(
        string definitionId,
        int definitionVersion,
        string subject,
        Instant startedAt,
        WorkflowContext context,
        ImmutableArray<StepState> steps,
        WorkflowOutcome? outcome = null,
        Instant? finishedAt = null,
        LocalDate? appointmentDate = null,
        Instant? visitAt = null,
        Instant? repliedAt = null,
        ImmutableArray<AppliedEvent> log = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(definitionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(context);
        if (definitionVersion < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(definitionVersion), definitionVersion, "The definition version must be at least 1.");
        }

        if (context.StoreZoneId is null)
        {
            throw new ArgumentException("A started instance's context must name its store zone.", nameof(context));
        }

        if (steps.IsDefaultOrEmpty || steps.Any(s => s is null))
        {
            throw new ArgumentException("An instance needs one state per step, none of them null.", nameof(steps));
        }

        log = log.IsDefault ? [] : log;
        if (log.Any(e => e?.Event is null))
        {
            throw new ArgumentException("The log must not hold null events.", nameof(log));
        }

        if (outcome.HasValue != finishedAt.HasValue || (outcome is { } o && !Enum.IsDefined(o)))
        {
            throw new ArgumentException("A finished instance has both a known outcome and a finish time; a running one has neither.", nameof(outcome));
        }

        foreach (var s in steps)
        {
            if (!s.IsActive)
            {
                continue;
            }

            if (_active is not null || outcome is not null)
            {
                throw new ArgumentException(
                    outcome is null ? $"At most one step may be active (found '{_active!.StepId}' and '{s.StepId}')." : $"A finished instance has no active step (found '{s.StepId}').",
                    nameof(steps));
            }

            _active = s;
        }

        DefinitionId = definitionId;
        DefinitionVersion = definitionVersion;
        Subject = subject;
        StartedAt = startedAt;
        Context = context;
        Steps = steps;
        Outcome = outcome;
        FinishedAt = finishedAt;
        AppointmentDate = appointmentDate;
        VisitAt = visitAt;
        RepliedAt = repliedAt;
        Log = log;
        if (_active is { Status: not StepStatus.Pending, OpensAt: Instant opens, DueAt: Instant due })
        {
            HasOpenTask = true;
            OpenTaskOpensAt = opens;
            OpenTaskDueAt = due;
        }
    }

    /// <summary>The definition's id.</summary>
    public string DefinitionId { get; }

    /// <summary>The definition's version; the instance keeps running on it after newer versions ship.</summary>
    public int DefinitionVersion { get; }

    /// <summary>The customer id.</summary>
    public string Subject { get; }

    /// <summary>When it started.</summary>
    public Instant StartedAt { get; }

    /// <summary>The context, with the store zone pinned.</summary>
    public WorkflowContext Context { get; }

    /// <summary>One state per definition step, in the definition's order.</summary>
    public ImmutableArray<StepState> Steps { get; }

    /// <summary>How it finished, or <see langword="null"/> while running.</summary>
    public WorkflowOutcome? Outcome { get; }

    /// <summary>When it finished, or <see langword="null"/> while running.</summary>
    public Instant? FinishedAt { get; }

    /// <summary>The booked appointment day, if any.</summary>
    public LocalDate? AppointmentDate { get; }

    /// <summary>When the latest visit ended, if any.</summary>
    public Instant? VisitAt { get; }

    /// <summary>When the customer last replied, if any.</summary>
    public Instant? RepliedAt { get; }

    /// <summary>The applied events, oldest first.</summary>
    public ImmutableArray<AppliedEvent> Log { get; }

    /// <summary>Whether it has finished.</summary>
    [JsonIgnore]
    public bool IsFinished => Outcome is not null;

    /// <summary>The step the workflow is at, or <see langword="null"/> when finished.</summary>
    [JsonIgnore]
    public StepState? ActiveStep => _active;

    /// <summary>The store's time zone id (from the context).</summary>
    [JsonIgnore]
    public string StoreZoneId => Context.StoreZoneId!;

    internal bool HasOpenTask { get; }

    internal Instant OpenTaskOpensAt { get; }

    internal Instant OpenTaskDueAt { get; }

    /// <summary>The state of a step.</summary>
    /// <param name="stepId">The step's id.</param>
    /// <returns>The state, or <see langword="null"/> when the instance has no such step.</returns>
    public StepState? StateOf(string stepId)
    {
        foreach (var s in Steps)
        {
            if (string.Equals(s.StepId, stepId, StringComparison.Ordinal))
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>Whether every value, step state and log entry of both instances is equal.</summary>
    /// <param name="other">The other instance.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(WorkflowInstance? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && string.Equals(DefinitionId, other.DefinitionId, StringComparison.Ordinal)
            && DefinitionVersion == other.DefinitionVersion
            && string.Equals(Subject, other.Subject, StringComparison.Ordinal)
            && StartedAt == other.StartedAt
            && Context.Equals(other.Context)
            && Outcome == other.Outcome
            && FinishedAt == other.FinishedAt
            && AppointmentDate == other.AppointmentDate
            && VisitAt == other.VisitAt
            && RepliedAt == other.RepliedAt
            && Steps.SequenceEqual(other.Steps)
            && Log.SequenceEqual(other.Log));

    /// <summary>A hash of the definition, subject and start.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(DefinitionId, DefinitionVersion, Subject, StartedAt, Log.Length);

    /// <summary>Describes the instance: <c>risk.yellow v1 for C42: at 'call' (Due)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{DefinitionId} v{DefinitionVersion} for {Subject}: " + (Outcome is { } o ? $"finished {o}" : _active is { } a ? $"at '{a.StepId}' ({a.Status})" : "not started");
}
