using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Retention.Workflows;

/// <summary>
/// Runs workflow instances as pure transitions: <see cref="Start(WorkflowDefinition, string, WorkflowContext, Instant)"/>,
/// <see cref="Apply"/> and <see cref="Tick"/> each take an instance (or a definition), an input and "now", and return the
/// new instance with the commands for the host (<see cref="Transition"/>). Nothing is stored, sent or read from a clock.
/// </summary>
/// <remarks>
/// <para><b>Flow.</b> An instance starts at the first step. A reached step whose conditions do not hold is skipped and
/// its <see cref="StepOutcomes.Skipped"/> route is followed; otherwise it becomes <see cref="StepStatus.Due"/> with its
/// window resolved in the store's zone (an <see cref="AssignTask"/>, plus a <see cref="PlanTouch"/> when the step touches
/// the customer), or stays <see cref="StepStatus.Pending"/> until the event its window counts from arrives. Reaching a
/// step that needs a budget emits a <see cref="RequestApproval"/>. Completing a step follows its outcome's route to the
/// next step or to the end of the workflow. A recurring step assigns its occurrences one after the other.</para>
/// <para><b>Idempotent.</b> An event equal to one in the instance's log, a <see cref="StepCompleted"/> for a step already
/// done with the same outcome, and a <see cref="Tick"/> that finds nothing new change nothing: the result holds the same
/// instance and no command. Anything else that does not fit (a finished instance, an unknown step, an outcome the step
/// does not allow, a step not reached, an event in the future) throws <see cref="WorkflowException"/>.</para>
/// <para><b>Versions.</b> Instances are pinned to their definition's id and version; the engine looks the definition up
/// in <see cref="Definitions"/>.</para>
/// <para>Holds a validated copy of the options and an immutable registry; immutable and thread-safe.</para>
/// </remarks>
public sealed class WorkflowEngine
{
    private readonly string _defaultZone;
    private readonly bool _oneRoleUp;
    private readonly Duration _grace;
    private readonly string _department;
    private readonly int _priority;

    /// <summary>Creates an engine with the default options.</summary>
    /// <param name="definitions">The definitions it runs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definitions"/> is <see langword="null"/>.</exception>
    public WorkflowEngine(WorkflowRegistry definitions)
        : this(new WorkflowOptions(), definitions)
    {
    }

    /// <summary>Creates an engine, validating the options first.</summary>
    /// <param name="options">The options.</param>
    /// <param name="definitions">The definitions it runs.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad option.</exception>
    public WorkflowEngine(WorkflowOptions options, WorkflowRegistry definitions)
    {
        WorkflowOptionsValidator.ThrowIfInvalid(options);
        ArgumentNullException.ThrowIfNull(definitions);
        Definitions = definitions;
        _defaultZone = options.StoreTimeZone;
        _oneRoleUp = options.EscalateOneRoleUp;
        _grace = Duration.FromTimeSpan(options.EscalationGrace);
        _department = options.TouchDepartment;
        _priority = options.TouchPriority;
    }

    /// <summary>Creates an engine from the options registered in dependency injection.</summary>
    /// <param name="options">The options.</param>
    /// <param name="definitions">The definitions it runs.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public WorkflowEngine(IOptions<WorkflowOptions> options, WorkflowRegistry definitions)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value, definitions)
    {
    }

    /// <summary>The definitions the engine runs, by id and version.</summary>
    public WorkflowRegistry Definitions { get; }

    /// <summary>Starts the newest registered version of a workflow.</summary>
    /// <param name="definitionId">The workflow id.</param>
    /// <param name="subject">The customer id.</param>
    /// <param name="context">What is known about the case; its store zone defaults to <see cref="WorkflowOptions.StoreTimeZone"/>.</param>
    /// <param name="now">The current instant; the start.</param>
    /// <returns>The new instance and its first commands.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is empty.</exception>
    /// <exception cref="WorkflowException">No version of the workflow is registered.</exception>
    public Transition Start(string definitionId, string subject, WorkflowContext context, Instant now) =>
        Start(Definitions.Latest(definitionId), subject, context, now);

    /// <summary>Starts a workflow for a subject: reaches the first step (or the first whose conditions hold).</summary>
    /// <param name="definition">The definition; it must be registered (instances are looked up by id and version later).</param>
    /// <param name="subject">The customer id.</param>
    /// <param name="context">What is known about the case; its store zone defaults to <see cref="WorkflowOptions.StoreTimeZone"/>.</param>
    /// <param name="now">The current instant; the start.</param>
    /// <returns>The new instance and its first commands.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is empty.</exception>
    /// <exception cref="WorkflowException">The definition is not registered, or a different definition is registered under its id and version.</exception>
    public Transition Start(WorkflowDefinition definition, string subject, WorkflowContext context, Instant now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(context);
        var registered = Definitions.Get(definition.Id, definition.Version);
        if (!registered.Equals(definition))
        {
            throw new WorkflowException(
                WorkflowProblem.DefinitionMismatch,
                $"A different definition is registered as '{definition.Id}' v{definition.Version}; publish changes as a new version.");
        }

        context = context.StoreZoneId is null ? context.InZone(_defaultZone) : context;
        var run = new Run(this, registered, subject, now, context, [.. registered.InitialStates]);
        run.Reach(0, now);
        return run.Result(original: null, logged: null);
    }

    /// <summary>Applies an event to an instance.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="workflowEvent">The event.</param>
    /// <param name="now">The current instant; the event's time must not be after it.</param>
    /// <returns>The new instance and the commands; the same instance and no command when the event changes nothing.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>, or the event's step id or outcome is.</exception>
    /// <exception cref="WorkflowException">The event does not fit the instance; <see cref="WorkflowException.Problem"/> says why.</exception>
    public Transition Apply(WorkflowInstance instance, WorkflowEvent workflowEvent, Instant now)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(workflowEvent);
        var definition = DefinitionOf(instance);
        foreach (var logged in instance.Log)
        {
            if (logged.Event.Equals(workflowEvent))
            {
                return Unchanged(instance);
            }
        }

        string who = $"'{instance.DefinitionId}' v{instance.DefinitionVersion} for {instance.Subject}";
        if (instance.IsFinished)
        {
            throw new WorkflowException(
                WorkflowProblem.InstanceFinished,
                $"Workflow {who} finished ({instance.Outcome}) at {instance.FinishedAt}; it takes no more events (got {workflowEvent}).",
                (workflowEvent as StepCompleted)?.StepId);
        }

        if (workflowEvent.Moment is Instant moment && moment > now)
        {
            throw new WorkflowException(WorkflowProblem.EventInFuture, $"Workflow {who}: the event happened at {moment}, after now ({now}): {workflowEvent}.");
        }

        var run = new Run(this, definition, instance);
        switch (workflowEvent)
        {
            case StepCompleted done:
                if (!CompleteStep(run, definition, instance, done, who))
                {
                    return Unchanged(instance);
                }

                break;
            case AppointmentBooked booked:
                run.Appointment = booked.Date;
                run.Reanchor(AnchorKind.Appointment);
                break;
            case VisitCompleted visit:
                run.Visit = visit.At;
                run.Reanchor(AnchorKind.Visit);
                break;
            case CustomerReplied reply:
                run.Reply = reply.At;
                run.Reanchor(AnchorKind.Reply);
                break;
            case Cancelled cancelled:
                ArgumentNullException.ThrowIfNull(cancelled.Reason, nameof(workflowEvent));
                run.Finish(WorkflowOutcome.Cancelled, Max(cancelled.At, instance.StartedAt));
                break;
            default:
                throw new WorkflowException($"Unknown event type {workflowEvent.GetType().Name}.");
        }

        return run.Result(instance, new AppliedEvent(workflowEvent, now));
    }

    /// <summary>
    /// Moves an instance's clock to <paramref name="now"/>: the open step, when past its due instant, becomes
    /// <see cref="StepStatus.Overdue"/>, and, once <see cref="WorkflowOptions.EscalationGrace"/> has passed too, is escalated to
    /// its escalation role (<see cref="StepStatus.Escalated"/> and one <see cref="Escalate"/> command; never twice for the same
    /// occurrence). Finished instances and steps that are done, skipped or not due yet are left alone.
    /// </summary>
    /// <param name="instance">The instance.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The new instance and the escalations; the same instance and no command when nothing is new.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="instance"/> is <see langword="null"/>.</exception>
    /// <exception cref="WorkflowException">The instance's definition is not registered or does not fit (checked only when the tick has something to do, so sweeping ticks stay cheap).</exception>
    public Transition Tick(WorkflowInstance instance, Instant now)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.IsFinished || instance.ActiveStep is not { DueAt: Instant due } active || now < due
            || active.Status is not (StepStatus.Due or StepStatus.Overdue))
        {
            return Unchanged(instance);
        }

        var definition = DefinitionOf(instance);
        int i = definition.IndexOf(active.StepId);
        var step = definition.Steps[i];
        var to = EscalationRoleOf(step);
        var run = new Run(this, definition, instance);
        if (to is StaffRole role && now >= due + _grace)
        {
            run.States[i] = active with { Status = StepStatus.Escalated, OverdueAt = active.OverdueAt ?? now, EscalatedAt = now, EscalatedTo = role };
            run.Commands.Add(new Escalate(step.Id, active.Occurrence, step.Owner, role, due, EscalationReason(step, due, run.Zone, role)));
        }
        else if (active.Status == StepStatus.Due)
        {
            run.States[i] = active with { Status = StepStatus.Overdue, OverdueAt = now };
        }
        else
        {
            return Unchanged(instance);
        }

        run.Changed = true;
        return run.Result(instance, logged: null);
    }

    /// <summary>The registered definition an instance runs on (its id and version).</summary>
    /// <param name="instance">The instance.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="instance"/> is <see langword="null"/>.</exception>
    /// <exception cref="WorkflowException">It is not registered (<see cref="WorkflowProblem.DefinitionNotFound"/>) or its steps are not the instance's (<see cref="WorkflowProblem.DefinitionMismatch"/>).</exception>
    public WorkflowDefinition DefinitionOf(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var definition = Definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        bool fits = definition.Steps.Length == instance.Steps.Length;
        for (int i = 0; fits && i < definition.Steps.Length; i++)
        {
            fits = string.Equals(definition.Steps[i].Id, instance.Steps[i].StepId, StringComparison.Ordinal);
        }

        return fits
            ? definition
            : throw new WorkflowException(
                WorkflowProblem.DefinitionMismatch,
                $"The instance for {instance.Subject} does not fit '{definition.Id}' v{definition.Version}: its steps are not the definition's steps.");
    }

    /// <summary>Who hears about the step when it is overdue: its <see cref="WorkflowStep.EscalateTo"/>, else (with <see cref="WorkflowOptions.EscalateOneRoleUp"/>) the role one step more senior than its owner.</summary>
    /// <param name="step">The step.</param>
    /// <returns>The role, or <see langword="null"/> when the step is only marked overdue.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="step"/> is <see langword="null"/>.</exception>
    public StaffRole? EscalationRoleOf(WorkflowStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.EscalateTo ?? (_oneRoleUp && step.Owner < StaffRole.RegionalManager ? step.Owner + 1 : null);
    }

    private static bool CompleteStep(Run run, WorkflowDefinition definition, WorkflowInstance instance, StepCompleted done, string who)
    {
        ArgumentNullException.ThrowIfNull(done.StepId, nameof(done));
        ArgumentNullException.ThrowIfNull(done.Outcome, nameof(done));
        int i = definition.IndexOf(done.StepId);
        if (i < 0)
        {
            throw new WorkflowException(
                WorkflowProblem.UnknownStep,
                $"Workflow {who} has no step '{done.StepId}'; its steps are {string.Join(", ", definition.Steps.Select(s => s.Id))}.",
                done.StepId);
        }

        var step = definition.Steps[i];
        if (!step.Allows(done.Outcome))
        {
            throw new WorkflowException(
                WorkflowProblem.OutcomeNotAllowed,
                $"Workflow {who}: step '{step.Id}' cannot end with outcome \"{done.Outcome}\"; it allows {string.Join(", ", step.Outcomes)}.",
                step.Id);
        }

        var state = instance.Steps[i];
        switch (state.Status)
        {
            case StepStatus.Done when string.Equals(state.Outcome, done.Outcome, StringComparison.Ordinal):
                return false;
            case StepStatus.Done:
                throw new WorkflowException(
                    WorkflowProblem.StepAlreadyCompleted,
                    $"Workflow {who}: step '{step.Id}' was already completed as {state.Outcome} at {state.CompletedAt}; it cannot be completed again as {done.Outcome}.",
                    step.Id);
            case StepStatus.Skipped:
                throw new WorkflowException(WorkflowProblem.StepNotActive, $"Workflow {who}: step '{step.Id}' was skipped; it cannot be completed.", step.Id);
            default:
                if (state.ReachedAt is null)
                {
                    string at = instance.ActiveStep is { } a ? $"the workflow is at step '{a.StepId}'" : "the workflow has no open step";
                    throw new WorkflowException(WorkflowProblem.StepNotActive, $"Workflow {who}: step '{step.Id}' has not been reached yet; {at}.", step.Id);
                }

                run.Complete(i, done.Outcome, done.At);
                return true;
        }
    }

    private static LocalizedText EscalationReason(WorkflowStep step, Instant due, DateTimeZone zone, StaffRole to)
    {
        string local = due.InZone(zone).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var owner = RoleNames.Of(step.Owner);
        var up = RoleNames.Of(to);
        return new LocalizedText(
            $"「{step.Title.ZhCn}」（{owner.ZhCn}）应于 {local}（{zone.Id}）前完成，至今未完成，已升级至{up.ZhCn}。",
            $"'{step.Title.En}' ({owner.En}) was due by {local} ({zone.Id}) and is not done; escalated to the {up.En}.");
    }

    private static Transition Unchanged(WorkflowInstance instance) => new(instance, [], false);

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    /// <summary>The mutable working state of one transition.</summary>
    private sealed class Run : IWindowFacts
    {
        private readonly WorkflowEngine _engine;
        private readonly WorkflowDefinition _definition;
        private readonly string _subject;
        private readonly WorkflowContext _context;

        public Run(WorkflowEngine engine, WorkflowDefinition definition, string subject, Instant start, WorkflowContext context, StepState[] states)
        {
            _engine = engine;
            _definition = definition;
            _subject = subject;
            _context = context;
            Start = start;
            States = states;
            Zone = DateTimeZoneProviders.Tzdb[context.StoreZoneId!];
        }

        public Run(WorkflowEngine engine, WorkflowDefinition definition, WorkflowInstance instance)
            : this(engine, definition, instance.Subject, instance.StartedAt, instance.Context, [.. instance.Steps])
        {
            Appointment = instance.AppointmentDate;
            Visit = instance.VisitAt;
            Reply = instance.RepliedAt;
        }

        public DateTimeZone Zone { get; }

        public Instant Start { get; }

        public LocalDate? Appointment { get; set; }

        public Instant? Visit { get; set; }

        public Instant? Reply { get; set; }

        public StepState[] States { get; }

        public List<WorkflowCommand> Commands { get; } = [];

        public bool Changed { get; set; }

        private WorkflowOutcome? Outcome { get; set; }

        private Instant? FinishedAt { get; set; }

        public Instant? CompletedAt(string stepId)
        {
            int i = _definition.IndexOf(stepId);
            return i < 0 ? null : States[i].CompletedAt;
        }

        /// <summary>Reaches step <paramref name="index"/> at <paramref name="at"/>, skipping steps whose conditions do not hold.</summary>
        public void Reach(int index, Instant at)
        {
            Changed = true;
            while (true)
            {
                var step = _definition.Steps[index];
                if (!step.AppliesTo(_context))
                {
                    States[index] = States[index] with { Status = StepStatus.Skipped, ReachedAt = at, CompletedAt = at };
                    var skip = step.RouteFor(StepOutcomes.Skipped)!;
                    if (skip.Finish is WorkflowOutcome end)
                    {
                        Finish(end, at);
                        return;
                    }

                    index = _definition.IndexOf(skip.Next);
                    continue;
                }

                States[index] = new StepState(step.Id, step.Owner, StepStatus.Pending, ReachedAt: at);
                if (step.Approval is { } approval)
                {
                    Commands.Add(new RequestApproval(step.Id, approval.Amount, approval.Approver));
                }

                Schedule(index);
                return;
            }
        }

        /// <summary>Resolves the active step's current occurrence; assigns it when its window is known and new.</summary>
        public void Schedule(int index)
        {
            var s = States[index];
            var step = _definition.Steps[index];
            if (!step.Window.TryResolve(this, s.Occurrence, out var opens, out var due))
            {
                if (s.Status != StepStatus.Pending || s.DueAt is not null)
                {
                    States[index] = s with { Status = StepStatus.Pending, OpensAt = null, DueAt = null, OverdueAt = null, EscalatedAt = null, EscalatedTo = null };
                    Changed = true;
                }

                return;
            }

            var floor = s.Occurrence == 0 ? s.ReachedAt!.Value : s.CompletedAt ?? s.ReachedAt!.Value;
            opens = Max(opens, floor);
            if (opens > due)
            {
                opens = due;
            }

            if (s.Status != StepStatus.Pending && s.OpensAt == opens && s.DueAt == due)
            {
                return;
            }

            States[index] = s with { Status = StepStatus.Due, OpensAt = opens, DueAt = due, OverdueAt = null, EscalatedAt = null, EscalatedTo = null };
            Changed = true;
            Commands.Add(new AssignTask(
                step.Id,
                s.Occurrence,
                step.Owner,
                opens,
                due,
                step.ScriptIds.IsEmpty ? null : step.ScriptIds[0],
                step.Channels.IsEmpty ? null : step.Channels[0],
                step.Title));
            if (step.Touch is { } touch)
            {
                Commands.Add(new PlanTouch(
                    step.Id,
                    s.Occurrence,
                    _subject,
                    step.Channels[0],
                    touch.Purpose,
                    touch.Department ?? _engine._department,
                    touch.Priority ?? _engine._priority,
                    step.Owner,
                    opens,
                    due,
                    // A step reached after its window closed opens at its due instant: its touch may still happen that day,
                    // so the last day is never before the first (the calendar would reject the touch as malformed).
                    LocalDate.Max((due - Duration.Epsilon).InZone(Zone).Date, opens.InZone(Zone).Date)));
            }
        }

        /// <summary>Reschedules the active step when its window counts from the anchor that just moved.</summary>
        public void Reanchor(AnchorKind kind)
        {
            Changed = true;
            for (int i = 0; i < States.Length; i++)
            {
                if (States[i].IsActive && _definition.Steps[i].Window.Anchor?.Kind == kind)
                {
                    Schedule(i);
                }
            }
        }

        public void Complete(int index, string outcome, Instant at)
        {
            var s = States[index];
            var step = _definition.Steps[index];
            var route = step.RouteFor(outcome)!;
            at = Max(at, s.ReachedAt!.Value);
            Changed = true;
            if (!route.EndsRecurrence && s.Occurrence + 1 < step.Window.Occurrences)
            {
                States[index] = s with { Status = StepStatus.Pending, Occurrence = s.Occurrence + 1, CompletedAt = at, Outcome = outcome };
                Schedule(index);
                return;
            }

            States[index] = s with { Status = StepStatus.Done, CompletedAt = at, Outcome = outcome };
            if (route.Finish is WorkflowOutcome end)
            {
                Finish(end, at);
            }
            else
            {
                Reach(_definition.IndexOf(route.Next), at);
            }
        }

        public void Finish(WorkflowOutcome outcome, Instant at)
        {
            Changed = true;
            for (int i = 0; i < States.Length; i++)
            {
                if (States[i].IsActive)
                {
                    States[i] = States[i] with { Status = StepStatus.Skipped, CompletedAt = Max(at, States[i].ReachedAt!.Value) };
                }
            }

            Outcome = outcome;
            FinishedAt = at;
        }

        public Transition Result(WorkflowInstance? original, AppliedEvent? logged)
        {
            if (original is not null && !Changed)
            {
                return Unchanged(original);
            }

            var log = original?.Log ?? [];
            var instance = new WorkflowInstance(
                _definition.Id,
                _definition.Version,
                _subject,
                Start,
                _context,
                [.. States],
                Outcome ?? original?.Outcome,
                FinishedAt ?? original?.FinishedAt,
                Appointment,
                Visit,
                Reply,
                logged is null ? log : log.Add(logged));
            return new Transition(instance, [.. Commands], true);
        }
    }
}
