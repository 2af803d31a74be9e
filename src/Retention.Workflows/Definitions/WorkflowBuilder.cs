using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Retention.Workflows;

/// <summary>
/// Declares a workflow fluently, one step after the other, and builds an immutable, checked
/// <see cref="WorkflowDefinition"/>:
/// <code>
/// var definition = new WorkflowBuilder("risk.yellow", 1, new LocalizedText("黄色预警挽回", "Yellow recovery"))
///     .StartsOn(WorkflowTrigger.RiskTierEntered(RiskTier.Yellow))
///     .Step("call", new LocalizedText("回访", "Call back"))
///         .OwnedBy(StaffRole.CustomerServiceSupervisor).Via(ContactChannel.Phone)
///         .Script("risk.yellow.supervisor-call").Within(StepWindow.Days(1, 2))
///         .On("Agreed").Next()
///         .On("Refused").Finish(WorkflowOutcome.NotRecovered)
///     .Step("plan", new LocalizedText("发送方案", "Send the plan"))
///         .OwnedBy(StaffRole.CustomerServiceSupervisor).Within(StepWindow.Days(2, 3))
///         .On("Done").Finish(WorkflowOutcome.Recovered)
///     .Build();
/// </code>
/// </summary>
/// <remarks>
/// <para>Defaults filled in by <see cref="Build"/>: a step that declares no outcome ends with <see cref="StepOutcomes.Done"/>
/// and goes on to the next step; an outcome routed with <see cref="RouteBuilder.Next"/> (or declared with
/// <see cref="StepBuilder.Outcomes"/>) goes to the next step in declaration order; a conditional step without a
/// <see cref="StepBuilder.WhenSkipped"/> route goes on to the next step when skipped. The last step has no next step, so
/// it must say how the workflow ends.</para>
/// <para>Not thread-safe (a builder is a short-lived, single-threaded object); the definition it builds is immutable.</para>
/// </remarks>
public sealed class WorkflowBuilder
{
    private readonly string _id;
    private readonly int _version;
    private readonly LocalizedText _title;
    private readonly List<StepBuilder> _steps = [];
    private readonly List<string> _problems = [];
    private WorkflowTrigger _trigger = WorkflowTrigger.Manual;

    /// <summary>Starts a definition.</summary>
    /// <param name="id">The workflow's id, such as <c>risk.yellow</c>.</param>
    /// <param name="version">The version, from 1.</param>
    /// <param name="title">The title in both locales.</param>
    public WorkflowBuilder(string id, int version, LocalizedText title)
    {
        _id = id;
        _version = version;
        _title = title;
    }

    /// <summary>Says what starts the workflow (default <see cref="WorkflowTrigger.Manual"/>).</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trigger"/> is <see langword="null"/>.</exception>
    public WorkflowBuilder StartsOn(WorkflowTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        _trigger = trigger;
        return this;
    }

    /// <summary>Adds the next step and returns its builder.</summary>
    /// <param name="id">The step's id, unique in the workflow.</param>
    /// <param name="title">What the step is, in both locales.</param>
    /// <returns>The step's builder; its <see cref="StepBuilder.Step"/> and <see cref="StepBuilder.Build"/> continue here.</returns>
    public StepBuilder Step(string id, LocalizedText title)
    {
        var step = new StepBuilder(this, id, title);
        _steps.Add(step);
        return step;
    }

    /// <summary>Checks everything and builds the definition.</summary>
    /// <returns>The definition.</returns>
    /// <exception cref="WorkflowDefinitionException">Something is invalid; every problem found is listed, each naming its step.</exception>
    public WorkflowDefinition Build()
    {
        var problems = new List<string>(_problems);
        var steps = new List<WorkflowStep>();
        for (int i = 0; i < _steps.Count; i++)
        {
            string? next = i + 1 < _steps.Count ? _steps[i + 1].Id : null;
            try
            {
                if (_steps[i].Create(next, problems) is { } step)
                {
                    steps.Add(step);
                }
            }
            catch (WorkflowDefinitionException e)
            {
                problems.AddRange(e.Problems);
            }
        }

        if (problems.Count > 0)
        {
            string name = WorkflowStep.IsValidId(_id) ? $"workflow '{_id}' v{_version}: " : string.Empty;
            throw new WorkflowDefinitionException(problems.Select(p => name + p));
        }

        return new WorkflowDefinition(_id, _version, _title, _trigger, [.. steps]);
    }

    internal void Problem(string problem) => _problems.Add(problem);
}

/// <summary>Declares one step of a <see cref="WorkflowBuilder"/>. Every method returns a builder, so a whole workflow is one expression.</summary>
/// <remarks>Not thread-safe.</remarks>
public sealed class StepBuilder
{
    private readonly WorkflowBuilder _workflow;
    private readonly LocalizedText _title;
    private readonly List<(string Outcome, string? Next, WorkflowOutcome? Finish, bool ToNext, bool AtOnce)> _routes = [];
    private readonly List<ContactChannel> _channels = [];
    private readonly List<string> _scripts = [];
    private readonly List<StepCondition> _conditions = [];
    private StaffRole? _owner;
    private StepWindow? _window;
    private StaffRole? _escalateTo;
    private StepTouch? _touch;
    private StepApproval? _approval;

    internal StepBuilder(WorkflowBuilder workflow, string id, LocalizedText title)
    {
        _workflow = workflow;
        Id = id;
        _title = title;
    }

    internal string Id { get; }

    /// <summary>Says who does the step (required).</summary>
    /// <param name="owner">The role.</param>
    /// <returns>This builder.</returns>
    public StepBuilder OwnedBy(StaffRole owner)
    {
        _owner = owner;
        return this;
    }

    /// <summary>Adds channels, preferred first.</summary>
    /// <param name="channels">The channels.</param>
    /// <returns>This builder.</returns>
    public StepBuilder Via(params ContactChannel[] channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        _channels.AddRange(channels);
        return this;
    }

    /// <summary>Adds Retention.Scripts ids, main one first.</summary>
    /// <param name="scriptIds">The script ids.</param>
    /// <returns>This builder.</returns>
    public StepBuilder Script(params string[] scriptIds)
    {
        ArgumentNullException.ThrowIfNull(scriptIds);
        _scripts.AddRange(scriptIds);
        return this;
    }

    /// <summary>Says when the step is due (required).</summary>
    /// <param name="window">The window, such as <see cref="StepWindow.Days"/>.</param>
    /// <returns>This builder.</returns>
    public StepBuilder Within(StepWindow window)
    {
        _window = window;
        return this;
    }

    /// <summary>Adds a condition that must hold when the step is reached, else it is skipped.</summary>
    /// <param name="condition">The condition as text, such as <c>valueScore &gt; 70</c> (see <see cref="StepCondition.Parse"/>).</param>
    /// <returns>This builder.</returns>
    public StepBuilder When(string condition)
    {
        try
        {
            _conditions.Add(StepCondition.Parse(condition));
        }
        catch (Exception e) when (e is WorkflowDefinitionException or ArgumentException)
        {
            _workflow.Problem($"step '{Id}': {(e is WorkflowDefinitionException w ? w.Problems[0] : e.Message)}");
        }

        return this;
    }

    /// <summary>Adds a condition that must hold when the step is reached, else it is skipped.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is <see langword="null"/>.</exception>
    public StepBuilder When(StepCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        _conditions.Add(condition);
        return this;
    }

    /// <summary>Says who hears about the step when it is overdue (default: the options' rule, one role up).</summary>
    /// <param name="role">A role more senior than the owner.</param>
    /// <returns>This builder.</returns>
    public StepBuilder EscalateTo(StaffRole role)
    {
        _escalateTo = role;
        return this;
    }

    /// <summary>Says the step touches the customer, so the engine also plans the touch through Retention.Contact.</summary>
    /// <param name="purpose">Why the store contacts the customer.</param>
    /// <param name="department">Who plans it, or <see langword="null"/> for the options' default.</param>
    /// <param name="priority">Its priority (0 to 1000), or <see langword="null"/> for the options' default.</param>
    /// <returns>This builder.</returns>
    public StepBuilder Touch(ContactPurpose purpose, string? department = null, int? priority = null)
    {
        _touch = new StepTouch(purpose, department, priority);
        return this;
    }

    /// <summary>Says the step needs a budget approved; the engine requests it when the step is reached.</summary>
    /// <param name="amount">The amount, more than zero.</param>
    /// <param name="approver">Who approves it.</param>
    /// <returns>This builder.</returns>
    public StepBuilder RequestApproval(decimal amount, StaffRole approver)
    {
        _approval = new StepApproval(amount, approver);
        return this;
    }

    /// <summary>Declares an outcome; say where it leads on the returned builder.</summary>
    /// <param name="outcome">The outcome name, such as <see cref="StepOutcomes.Agreed"/>.</param>
    /// <returns>The route builder.</returns>
    public RouteBuilder On(string outcome) => new(this, outcome);

    /// <summary>Declares outcomes that all go on to the next step.</summary>
    /// <param name="outcomes">The outcome names.</param>
    /// <returns>This builder.</returns>
    public StepBuilder Outcomes(params string[] outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        foreach (string o in outcomes)
        {
            _routes.Add((o, null, null, true, false));
        }

        return this;
    }

    /// <summary>Says where to go when the step's conditions do not hold (default: the next step).</summary>
    /// <returns>The route builder.</returns>
    public RouteBuilder WhenSkipped() => new(this, StepOutcomes.Skipped);

    /// <summary>Adds the next step to the workflow.</summary>
    /// <param name="id">The step's id.</param>
    /// <param name="title">What the step is, in both locales.</param>
    /// <returns>The new step's builder.</returns>
    public StepBuilder Step(string id, LocalizedText title) => _workflow.Step(id, title);

    /// <summary>Builds the workflow (see <see cref="WorkflowBuilder.Build"/>).</summary>
    /// <returns>The definition.</returns>
    /// <exception cref="WorkflowDefinitionException">Something is invalid; every problem is listed.</exception>
    public WorkflowDefinition Build() => _workflow.Build();

    internal StepBuilder AddRoute(string outcome, string? next, WorkflowOutcome? finish, bool toNext, bool atOnce)
    {
        _routes.Add((outcome, next, finish, toNext, atOnce));
        return this;
    }

    internal WorkflowStep? Create(string? nextStep, List<string> problems)
    {
        string name = $"step '{Id}'";
        List<(string Outcome, string? Next, WorkflowOutcome? Finish, bool ToNext, bool AtOnce)> declared =
            _routes.Count == 0 ? [(StepOutcomes.Done, null, null, true, false)] : [.. _routes];
        if (_conditions.Count > 0 && !declared.Any(r => r.Outcome == StepOutcomes.Skipped))
        {
            declared = [.. declared, (StepOutcomes.Skipped, null, null, true, false)];
        }

        var routes = new List<OutcomeRoute>();
        foreach (var (outcome, next, finish, toNext, atOnce) in declared)
        {
            if (toNext && nextStep is null)
            {
                problems.Add($"{name}: outcome {outcome} goes on to the next step, but this is the last step; say how the workflow ends with .On(\"{outcome}\").Finish(...)");
                continue;
            }

            try
            {
                routes.Add(new OutcomeRoute(outcome, toNext ? nextStep : next, toNext ? null : finish, atOnce));
            }
            catch (WorkflowDefinitionException e)
            {
                problems.AddRange(e.Problems.Select(p => $"{name}: {p}"));
            }
        }

        if (_owner is null)
        {
            problems.Add($"{name}: needs an owner (.OwnedBy(...))");
        }

        if (_window is null)
        {
            problems.Add($"{name}: needs a window (.Within(...))");
        }

        if (_owner is not { } owner || _window is null)
        {
            return null;
        }

        return new WorkflowStep(Id, _title, owner, _window, [.. routes], [.. _channels], [.. _scripts], [.. _conditions], _escalateTo, _touch, _approval);
    }
}

/// <summary>Says where one outcome of a step leads. Each method returns the step's builder.</summary>
/// <remarks>Not thread-safe.</remarks>
public sealed class RouteBuilder
{
    private readonly StepBuilder _step;
    private readonly string _outcome;
    private bool _atOnce;

    internal RouteBuilder(StepBuilder step, string outcome)
    {
        _step = step;
        _outcome = outcome;
    }

    /// <summary>On a recurring step: take this route at once, dropping the remaining occurrences (default: after the last occurrence).</summary>
    /// <returns>This route builder.</returns>
    public RouteBuilder AtOnce()
    {
        _atOnce = true;
        return this;
    }

    /// <summary>The outcome leads to another step.</summary>
    /// <param name="stepId">The step's id (declared before or after this one).</param>
    /// <returns>The step's builder.</returns>
    public StepBuilder GoTo(string stepId) => _step.AddRoute(_outcome, stepId, null, false, _atOnce);

    /// <summary>The outcome leads to the next step in declaration order.</summary>
    /// <returns>The step's builder.</returns>
    public StepBuilder Next() => _step.AddRoute(_outcome, null, null, true, _atOnce);

    /// <summary>The outcome finishes the workflow.</summary>
    /// <param name="outcome">How the workflow ends: <see cref="WorkflowOutcome.Recovered"/>, <see cref="WorkflowOutcome.NotRecovered"/> or <see cref="WorkflowOutcome.Farewell"/>.</param>
    /// <returns>The step's builder.</returns>
    public StepBuilder Finish(WorkflowOutcome outcome) => _step.AddRoute(_outcome, null, outcome, false, _atOnce);
}
