using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace Retention.Workflows;

/// <summary>
/// A workflow (an SOP): id, version, title, what starts it, and its ordered steps. The first step is where every
/// instance starts; each step's outcomes lead to another step or finish the workflow.
/// </summary>
/// <remarks>
/// <para>The constructor checks the whole graph and lists every problem: unique step ids, outcome targets that exist,
/// no cycles (repeat a step with a <see cref="RecurringWindow"/>), every step reachable from the first, a
/// <see cref="StepOutcomes.Skipped"/> route on every conditional step, step anchors that name a step always completed
/// before the anchored one, and start-relative windows that never end earlier than the window of a step leading to
/// them. Definitions read from JSON go through the same checks.</para>
/// <para>Instances are pinned to a definition's id and version: publish a change as a new version and register both
/// (<see cref="WorkflowRegistry"/>); running instances keep their version.</para>
/// <para>Immutable and thread-safe. Equality compares every value, including the steps.</para>
/// </remarks>
public sealed record WorkflowDefinition
{
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a definition. Prefer <see cref="WorkflowBuilder"/>, which fills in default routes.</summary>
    /// <param name="id">The workflow's id (same rules as step ids), such as <c>risk.yellow</c>.</param>
    /// <param name="version">The version, from 1.</param>
    /// <param name="title">The title in both locales.</param>
    /// <param name="trigger">What starts it.</param>
    /// <param name="steps">The steps in order; the first is where instances start.</param>
    /// <exception cref="WorkflowDefinitionException">The definition is invalid; every problem is listed.</exception>
    public WorkflowDefinition(string id, int version, LocalizedText title, WorkflowTrigger trigger, ImmutableArray<WorkflowStep> steps)
    {
        steps = steps.IsDefault ? [] : steps;
        var problems = new List<string>();
        if (!WorkflowStep.IsValidId(id))
        {
            problems.Add($"workflow id \"{id}\" must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter");
        }

        if (version < 1)
        {
            problems.Add($"version must be at least 1 (was {version})");
        }

        if (string.IsNullOrWhiteSpace(title.ZhCn) || string.IsNullOrWhiteSpace(title.En))
        {
            problems.Add("the workflow needs a title in both zh-CN and en");
        }

        if (trigger is null)
        {
            problems.Add("the workflow needs a trigger (WorkflowTrigger.Manual when started by hand)");
        }

        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        if (steps.IsEmpty || steps.Any(s => s is null))
        {
            problems.Add(steps.IsEmpty ? "the workflow needs at least one step" : "a step is null");
        }
        else
        {
            for (int i = 0; i < steps.Length; i++)
            {
                if (!_index.TryAdd(steps[i].Id, i))
                {
                    problems.Add($"step id '{steps[i].Id}' is used more than once");
                }
            }

            if (problems.Count == 0)
            {
                CheckGraph(steps, _index, problems);
            }
        }

        if (problems.Count > 0)
        {
            string name = WorkflowStep.IsValidId(id) ? $"workflow '{id}' v{version}: " : string.Empty;
            throw new WorkflowDefinitionException(problems.Select(p => name + p));
        }

        Id = id;
        Version = version;
        Title = title;
        Trigger = trigger!;
        Steps = steps;
        InitialStates = [.. steps.Select(s => new StepState(s.Id, s.Owner, StepStatus.Pending))];
    }

    /// <summary>The workflow's id.</summary>
    public string Id { get; }

    /// <summary>The version, from 1.</summary>
    public int Version { get; }

    /// <summary>The title in both locales.</summary>
    public LocalizedText Title { get; }

    /// <summary>What starts the workflow.</summary>
    public WorkflowTrigger Trigger { get; }

    /// <summary>The steps in order; instances start at the first.</summary>
    public ImmutableArray<WorkflowStep> Steps { get; }

    /// <summary>One unreached state per step, shared by every new instance (states are immutable).</summary>
    internal ImmutableArray<StepState> InitialStates { get; }

    /// <summary>The distinct step owners, in step order.</summary>
    /// <returns>The roles.</returns>
    public IReadOnlyList<StaffRole> Owners() => Steps.Select(s => s.Owner).Distinct().ToArray();

    /// <summary>The distinct script ids of all steps, in step order.</summary>
    /// <returns>The script ids.</returns>
    public IReadOnlyList<string> ScriptIds() => Steps.SelectMany(s => s.ScriptIds).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The script ids the steps use that are not among <paramref name="knownScriptIds"/> (for example
    /// <c>ScriptCatalog.Ids</c> of Retention.Scripts), each as <c>step 'id': script 'x' is not in the catalog</c>.
    /// </summary>
    /// <param name="knownScriptIds">The ids the host's script catalog holds.</param>
    /// <returns>One message per missing script; empty when every script is known.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="knownScriptIds"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<string> MissingScripts(IEnumerable<string> knownScriptIds)
    {
        ArgumentNullException.ThrowIfNull(knownScriptIds);
        var known = knownScriptIds.ToHashSet(StringComparer.Ordinal);
        return Steps.SelectMany(s => s.ScriptIds.Where(id => !known.Contains(id)).Select(id => $"step '{s.Id}': script '{id}' is not in the catalog")).ToArray();
    }

    /// <summary>The position of a step.</summary>
    /// <param name="stepId">The step's id.</param>
    /// <returns>Its index in <see cref="Steps"/>, or -1 when there is no such step.</returns>
    public int IndexOf(string? stepId) => stepId is not null && _index.TryGetValue(stepId, out int i) ? i : -1;

    /// <summary>Finds a step.</summary>
    /// <param name="stepId">The step's id.</param>
    /// <param name="step">The step, when found.</param>
    /// <returns><see langword="true"/> when the workflow has the step.</returns>
    public bool TryGetStep(string? stepId, [NotNullWhen(true)] out WorkflowStep? step)
    {
        int i = IndexOf(stepId);
        step = i < 0 ? null : Steps[i];
        return step is not null;
    }

    /// <summary>Gets a step.</summary>
    /// <param name="stepId">The step's id.</param>
    /// <returns>The step.</returns>
    /// <exception cref="KeyNotFoundException">The workflow has no such step; the message lists the step ids.</exception>
    public WorkflowStep GetStep(string stepId) =>
        TryGetStep(stepId, out var step) ? step : throw new KeyNotFoundException($"Workflow '{Id}' v{Version} has no step '{stepId}'; its steps are {string.Join(", ", Steps.Select(s => s.Id))}.");

    /// <summary>Whether every value and step of both definitions is equal.</summary>
    /// <param name="other">The other definition.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(WorkflowDefinition? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && string.Equals(Id, other.Id, StringComparison.Ordinal)
            && Version == other.Version
            && Title == other.Title
            && Trigger == other.Trigger
            && Steps.SequenceEqual(other.Steps));

    /// <summary>A hash of the id and version.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Id, Version, Steps.Length);

    /// <summary>Describes the definition: <c>risk.yellow v1 (7 steps)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Id} v{Version} ({Steps.Length} steps)";

    private static void CheckGraph(ImmutableArray<WorkflowStep> steps, Dictionary<string, int> index, List<string> problems)
    {
        int n = steps.Length;
        var next = new List<int>[n];
        for (int i = 0; i < n; i++)
        {
            var step = steps[i];
            next[i] = [];
            foreach (var route in step.Routes)
            {
                if (route.Next is null)
                {
                    continue;
                }

                if (index.TryGetValue(route.Next, out int j))
                {
                    next[i].Add(j);
                }
                else
                {
                    problems.Add($"step '{step.Id}': outcome {route.Outcome} leads to step '{route.Next}', which does not exist");
                }
            }

            if (!step.Conditions.IsEmpty && step.RouteFor(StepOutcomes.Skipped) is null)
            {
                problems.Add($"step '{step.Id}': has conditions but no Skipped route saying where to go when they do not hold");
            }
        }

        // Cycles: depth-first search with colours.
        var colour = new byte[n];
        var path = new List<int>();
        bool Visit(int i)
        {
            colour[i] = 1;
            path.Add(i);
            foreach (int j in next[i])
            {
                if (colour[j] == 1)
                {
                    var cycle = path.Skip(path.IndexOf(j)).Append(j).Select(k => steps[k].Id);
                    problems.Add($"the routes form a cycle ({string.Join(" -> ", cycle)}); repeat a step with a recurring window instead");
                    return false;
                }

                if (colour[j] == 0 && !Visit(j))
                {
                    return false;
                }
            }

            colour[i] = 2;
            path.RemoveAt(path.Count - 1);
            return true;
        }

        for (int i = 0; i < n; i++)
        {
            if (colour[i] == 0 && !Visit(i))
            {
                return;
            }
        }

        var reachable = Reach(next, 0, avoid: -1);
        for (int i = 1; i < n; i++)
        {
            if (!reachable[i])
            {
                problems.Add($"step '{steps[i].Id}' can never be reached from the first step '{steps[0].Id}'");
            }
        }

        for (int i = 0; i < n; i++)
        {
            var step = steps[i];
            if (step.Window.Anchor is { Kind: AnchorKind.Step, StepId: { } anchorId })
            {
                int a = index.TryGetValue(anchorId, out int ai) ? ai : -1;
                if (a < 0)
                {
                    problems.Add($"step '{step.Id}': its window counts from step '{anchorId}', which does not exist");
                }
                else if (a == i)
                {
                    problems.Add($"step '{step.Id}': its window cannot count from its own completion");
                }
                else if (i == 0 || Reach(next, 0, avoid: a)[i])
                {
                    problems.Add($"step '{step.Id}': its window counts from step '{anchorId}', but '{step.Id}' can be reached without passing '{anchorId}'");
                }
            }

            foreach (int j in next[i])
            {
                var later = steps[j];
                string? backwards = (step.Window, later.Window) switch
                {
                    (DayWindow a, DayWindow b) when b.LastDay < a.LastDay => $"ends on D{b.LastDay}, before the D{a.LastDay}",
                    (HourWindow a, HourWindow b) when b.To < a.To => $"ends at {b}, before the {a}",
                    _ => null,
                };
                if (backwards is not null)
                {
                    problems.Add($"step '{later.Id}': its window {backwards} of step '{step.Id}' that leads to it");
                }
            }
        }
    }

    private static bool[] Reach(List<int>[] next, int from, int avoid)
    {
        var seen = new bool[next.Length];
        if (from == avoid)
        {
            return seen;
        }

        var stack = new Stack<int>();
        stack.Push(from);
        seen[from] = true;
        while (stack.Count > 0)
        {
            foreach (int j in next[stack.Pop()])
            {
                if (!seen[j] && j != avoid)
                {
                    seen[j] = true;
                    stack.Push(j);
                }
            }
        }

        return seen;
    }
}
