using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Serialization;

namespace Retention.Workflows;

/// <summary>
/// One step of a workflow: who does what, through which channels, with which scripts, in which window, under which
/// conditions, the outcomes it may end with and where each leads, and who hears about it when it is overdue.
/// </summary>
/// <remarks>
/// <para>The constructor checks the step on its own (ids, names, duplicates, roles); <see cref="WorkflowDefinition"/>
/// checks how steps fit together (targets, cycles, anchors). Build steps with <see cref="WorkflowBuilder"/>.</para>
/// <para>Immutable and thread-safe. Equality compares every value, including the lists.</para>
/// </remarks>
public sealed record WorkflowStep
{
    private readonly ImmutableArray<string> _outcomes;

    /// <summary>Creates a step.</summary>
    /// <param name="id">The step's id, unique in its workflow: 1 to 64 letters, digits, <c>_</c>, <c>.</c> or <c>-</c>, starting with a letter.</param>
    /// <param name="title">What the step is, in both locales.</param>
    /// <param name="owner">Who does it.</param>
    /// <param name="window">When it is due.</param>
    /// <param name="routes">The outcomes it may end with and where each leads; at least one besides <see cref="StepOutcomes.Skipped"/>.</param>
    /// <param name="channels">The channels to use, preferred first; may be empty (an internal step such as a meeting).</param>
    /// <param name="scriptIds">The Retention.Scripts ids to use, first is the main one; may be empty.</param>
    /// <param name="conditions">Conditions that must all hold when the step is reached, else it is skipped; may be empty.</param>
    /// <param name="escalateTo">Who hears about it when it is overdue, more senior than <paramref name="owner"/>; <see langword="null"/> for the options' default.</param>
    /// <param name="touch">The customer touch it makes, or <see langword="null"/> for none.</param>
    /// <param name="approval">The budget it needs approved, or <see langword="null"/> for none.</param>
    /// <exception cref="WorkflowDefinitionException">Something about the step is invalid; every problem is listed.</exception>
    public WorkflowStep(
        string id,
        LocalizedText title,
        StaffRole owner,
        StepWindow window,
        ImmutableArray<OutcomeRoute> routes,
        ImmutableArray<ContactChannel> channels = default,
        ImmutableArray<string> scriptIds = default,
        ImmutableArray<StepCondition> conditions = default,
        StaffRole? escalateTo = null,
        StepTouch? touch = null,
        StepApproval? approval = null)
    {
        routes = routes.IsDefault ? [] : routes;
        channels = channels.IsDefault ? [] : channels;
        scriptIds = scriptIds.IsDefault ? [] : scriptIds;
        conditions = conditions.IsDefault ? [] : conditions;
        string name = IsValidId(id) ? $"step '{id}'" : "a step";
        var problems = new List<string>();
        void Add(string problem) => problems.Add($"{name}: {problem}");

        if (!IsValidId(id))
        {
            Add($"id \"{id}\" must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter");
        }

        if (string.IsNullOrWhiteSpace(title.ZhCn) || string.IsNullOrWhiteSpace(title.En))
        {
            Add("needs a title in both zh-CN and en");
        }

        if (!Enum.IsDefined(owner))
        {
            Add($"owner {(int)owner} is not a known role");
        }

        if (window is null)
        {
            Add("needs a window");
        }

        if (routes.Any(r => r is null) || channels.Any(c => !Enum.IsDefined(c)) || conditions.Any(c => c is null))
        {
            Add("routes and conditions must not hold null, and channels must be known channels");
        }
        else
        {
            foreach (var dup in routes.GroupBy(r => r.Outcome, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Add($"outcome {dup.Key} is routed more than once");
            }

            if (!routes.Any(r => r.Outcome != StepOutcomes.Skipped))
            {
                Add("needs at least one outcome (for example Done)");
            }

            bool routesSkip = routes.Any(r => r.Outcome == StepOutcomes.Skipped);
            if (routesSkip && conditions.IsEmpty)
            {
                Add("routes Skipped but has no condition, so it is never skipped");
            }

            if (window is not RecurringWindow && routes.Any(r => r.EndsRecurrence))
            {
                Add("only a recurring step can end its recurrence at once");
            }

            if (routes.Any(r => r.Outcome == StepOutcomes.Skipped && r.EndsRecurrence))
            {
                Add("the Skipped route cannot end a recurrence");
            }

            if (routes.Any(r => string.Equals(r.Next, id, StringComparison.Ordinal)))
            {
                Add("an outcome leads back to the step itself; repeat a step with a recurring window instead");
            }

            foreach (var dup in channels.GroupBy(c => c).Where(g => g.Count() > 1))
            {
                Add($"channel {dup.Key} is listed more than once");
            }
        }

        if (scriptIds.Any(s => string.IsNullOrWhiteSpace(s)))
        {
            Add("a script id is empty");
        }
        else
        {
            foreach (var dup in scriptIds.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Add($"script {dup.Key} is listed more than once");
            }
        }

        if (escalateTo is { } up && (!Enum.IsDefined(up) || up <= owner))
        {
            Add($"escalates to {up}, which must be a role more senior than the owner {owner}");
        }

        if (touch is not null)
        {
            if (!Enum.IsDefined(touch.Purpose))
            {
                Add($"touch purpose {(int)touch.Purpose} is not a known purpose");
            }

            if (touch.Department is not null && string.IsNullOrWhiteSpace(touch.Department))
            {
                Add("touch department must not be empty (use null for the default)");
            }

            if (touch.Priority is < 0 or > 1000)
            {
                Add($"touch priority must be from 0 to 1000 (was {touch.Priority})");
            }

            if (channels.IsEmpty)
            {
                Add("makes a customer touch but lists no channel");
            }
        }

        if (approval is not null && (approval.Amount <= 0 || !Enum.IsDefined(approval.Approver)))
        {
            Add($"approval needs an amount above zero and a known role (was {approval.Amount} by {approval.Approver})");
        }

        if (problems.Count > 0)
        {
            throw new WorkflowDefinitionException(problems);
        }

        Id = id;
        Title = title;
        Owner = owner;
        Window = window!;
        Routes = routes;
        Channels = channels;
        ScriptIds = scriptIds;
        Conditions = conditions;
        EscalateTo = escalateTo;
        Touch = touch;
        Approval = approval;
        _outcomes = [.. routes.Where(r => r.Outcome != StepOutcomes.Skipped).Select(r => r.Outcome)];
    }

    /// <summary>The step's id, unique in its workflow.</summary>
    public string Id { get; }

    /// <summary>What the step is, in both locales.</summary>
    public LocalizedText Title { get; }

    /// <summary>Who does it.</summary>
    public StaffRole Owner { get; }

    /// <summary>When it is due.</summary>
    public StepWindow Window { get; }

    /// <summary>Every outcome and where it leads, including the <see cref="StepOutcomes.Skipped"/> route of a conditional step.</summary>
    public ImmutableArray<OutcomeRoute> Routes { get; }

    /// <summary>The channels to use, preferred first.</summary>
    public ImmutableArray<ContactChannel> Channels { get; }

    /// <summary>The Retention.Scripts ids to use, main one first.</summary>
    public ImmutableArray<string> ScriptIds { get; }

    /// <summary>Conditions that must all hold when the step is reached, else it is skipped.</summary>
    public ImmutableArray<StepCondition> Conditions { get; }

    /// <summary>Who hears about it when it is overdue, or <see langword="null"/> for the options' default (one role up).</summary>
    public StaffRole? EscalateTo { get; }

    /// <summary>The customer touch the step makes, or <see langword="null"/>.</summary>
    public StepTouch? Touch { get; }

    /// <summary>The budget the step needs approved, or <see langword="null"/>.</summary>
    public StepApproval? Approval { get; }

    /// <summary>The outcomes a <see cref="StepCompleted"/> event may report for this step, in route order (never <see cref="StepOutcomes.Skipped"/>).</summary>
    [JsonIgnore]
    public ImmutableArray<string> Outcomes => _outcomes;

    /// <summary>Whether the step may end with the outcome.</summary>
    /// <param name="outcome">An outcome name.</param>
    /// <returns><see langword="true"/> when the outcome is one of <see cref="Outcomes"/>.</returns>
    public bool Allows(string? outcome) => outcome is not null && _outcomes.Contains(outcome, StringComparer.Ordinal);

    /// <summary>The route of an outcome (including <see cref="StepOutcomes.Skipped"/>), or <see langword="null"/> when the step has none.</summary>
    /// <param name="outcome">An outcome name.</param>
    /// <returns>The route, or <see langword="null"/>.</returns>
    public OutcomeRoute? RouteFor(string? outcome)
    {
        foreach (var r in Routes)
        {
            if (string.Equals(r.Outcome, outcome, StringComparison.Ordinal))
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>Whether all the step's conditions hold for the context (<see langword="true"/> when it has none).</summary>
    /// <param name="context">The workflow's context.</param>
    /// <returns><see langword="true"/> when the step runs; <see langword="false"/> when it is skipped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    public bool AppliesTo(WorkflowContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var c in Conditions)
        {
            if (!c.IsMetBy(context))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every value and list of both steps is equal.</summary>
    /// <param name="other">The other step.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(WorkflowStep? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && string.Equals(Id, other.Id, StringComparison.Ordinal)
            && Title == other.Title
            && Owner == other.Owner
            && Window == other.Window
            && Routes.SequenceEqual(other.Routes)
            && Channels.SequenceEqual(other.Channels)
            && ScriptIds.SequenceEqual(other.ScriptIds, StringComparer.Ordinal)
            && Conditions.SequenceEqual(other.Conditions)
            && EscalateTo == other.EscalateTo
            && Touch == other.Touch
            && Approval == other.Approval);

    /// <summary>A hash of the step's id, owner and window.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Id, Owner, Window, Routes.Length);

    /// <summary>Whether a text is a valid step (or workflow) id: 1 to 64 letters, digits, <c>_</c>, <c>.</c> or <c>-</c>, starting with a letter.</summary>
    /// <param name="id">The text.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValidId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64 || !char.IsAsciiLetter(id[0]))
        {
            return false;
        }

        foreach (char c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
