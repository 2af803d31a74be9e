using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace Retention.Workflows;

/// <summary>
/// One clause of a trigger rule: a fact of <see cref="CustomerFacts"/>, an operator and a value, such as
/// <c>DaysSinceLastVisit &gt; 30</c>, <c>MonthsSinceLastVisit == 6</c> or <c>LastRepairSystem == brake</c>. A fact the
/// record does not have (no visit, no rating) makes the clause false whatever the operator.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record TriggerCondition
{
    /// <summary>The largest number of days an elapsed-days clause may name: 36500 (100 years).</summary>
    public const int MaxDays = 36_500;

    /// <summary>The largest number of months a <see cref="CustomerFact.MonthsSinceLastVisit"/> clause may name: 1200.</summary>
    public const int MaxMonths = 1_200;

    /// <summary>Creates a clause.</summary>
    /// <param name="fact">The fact read.</param>
    /// <param name="operator">The comparison (fact on the left).</param>
    /// <param name="value">
    /// The number compared with: 0 or 1 for yes/no facts (with <see cref="ConditionOperator.Equal"/> or
    /// <see cref="ConditionOperator.NotEqual"/>); a whole number of days (0 to 36500) or months (0 to 1200) for elapsed
    /// facts; 0-10 for the rating; 0 to 2,000,000 km for the mileage; 0 to 1000 for earlier repairs. Ignored for
    /// <see cref="CustomerFact.LastRepairSystem"/>.
    /// </param>
    /// <param name="text">The text compared with for <see cref="CustomerFact.LastRepairSystem"/> (equal or not equal, ignoring case); <see langword="null"/> otherwise.</param>
    /// <exception cref="ArgumentException">The fact, operator, value or text does not fit; the message says what is allowed.</exception>
    public TriggerCondition(CustomerFact fact, ConditionOperator @operator, double value = 1, string? text = null)
    {
        if (Problem(fact, @operator, value, text) is { } problem)
        {
            throw new ArgumentException(problem, nameof(value));
        }

        Fact = fact;
        Operator = @operator;
        Value = fact == CustomerFact.LastRepairSystem ? 0 : value;
        Text = fact == CustomerFact.LastRepairSystem ? text : null;
    }

    /// <summary>The fact read.</summary>
    public CustomerFact Fact { get; }

    /// <summary>The comparison, with the fact on the left.</summary>
    public ConditionOperator Operator { get; }

    /// <summary>The number compared with (0 for text facts).</summary>
    public double Value { get; }

    /// <summary>The text compared with, for <see cref="CustomerFact.LastRepairSystem"/>; otherwise <see langword="null"/>.</summary>
    public string? Text { get; }

    /// <summary>A yes/no fact is true.</summary>
    /// <param name="fact">A yes/no fact such as <see cref="CustomerFact.IsVip"/>.</param>
    /// <returns>The clause <c>fact == 1</c>.</returns>
    /// <exception cref="ArgumentException">The fact is not a yes/no fact.</exception>
    public static TriggerCondition Is(CustomerFact fact) => new(fact, ConditionOperator.Equal, 1);

    /// <summary>Whether the clause holds for a customer on a day.</summary>
    /// <param name="facts">The customer's facts (assumed valid; see <see cref="TriggerEvaluator.Check"/>).</param>
    /// <param name="today">Today in the store's zone.</param>
    /// <returns><see langword="true"/> when the fact is known and the comparison holds.</returns>
    public bool IsMetBy(in CustomerFacts facts, LocalDate today)
    {
        switch (Fact)
        {
            case CustomerFact.IsVip: return Compare(facts.IsVip ? 1 : 0);
            case CustomerFact.IsSleeping: return Compare(facts.IsSleeping ? 1 : 0);
            case CustomerFact.WeatherWarning: return Compare(facts.WeatherWarning ? 1 : 0);
            case CustomerFact.Holiday: return Compare(facts.Holiday ? 1 : 0);
            case CustomerFact.IsBirthday:
                return facts.Birthday is { } b && Compare(IsAnniversary(b, today, 0) ? 1 : 0);
            case CustomerFact.IsPurchaseAnniversary:
                return facts.PurchaseDate is { } p && Compare(IsAnniversary(p, today, 1) ? 1 : 0);
            case CustomerFact.DaysSinceLastVisit:
                return facts.LastVisit is { } v && Compare(Period.DaysBetween(v, today));
            case CustomerFact.MonthsSinceLastVisit:
                // Compare today with the visit day plus N months: the month arithmetic decides, not a day count.
                return facts.LastVisit is { } m && Holds(today.CompareTo(m.PlusMonths((int)Value)));
            case CustomerFact.LatestRating:
                return facts.LatestRating is { } r && Compare(r);
            case CustomerFact.DaysSinceRating:
                return facts.RatedOn is { } ro && Compare(Period.DaysBetween(ro, today));
            case CustomerFact.LastRepairSystem:
                return facts.LastRepairSystem is { } s
                    && string.Equals(s.Trim(), Text, StringComparison.OrdinalIgnoreCase) == (Operator == ConditionOperator.Equal);
            case CustomerFact.DaysSinceLastRepair:
                return facts.LastRepairOn is { } ro2 && Compare(Period.DaysBetween(ro2, today));
            case CustomerFact.MileageKm:
                return facts.MileageKm is { } km && Compare(km);
            case CustomerFact.EarlierRepairsOfSystem:
                return Compare(facts.EarlierRepairsOfSystem);
            default:
                return false;
        }
    }

    /// <summary>Describes the clause: <c>DaysSinceLastVisit &gt; 30</c>, <c>LastRepairSystem == brake</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Fact} {Symbol(Operator)} {(Fact == CustomerFact.LastRepairSystem ? Text : Value.ToString(CultureInfo.InvariantCulture))}";

    /// <summary>What is wrong with a clause's parts, or <see langword="null"/> when they fit.</summary>
    internal static string? Problem(CustomerFact fact, ConditionOperator op, double value, string? text)
    {
        if (!Enum.IsDefined(fact))
        {
            return $"fact {(int)fact} is not a known customer fact";
        }

        if (!Enum.IsDefined(op))
        {
            return $"operator {(int)op} is not a known operator";
        }

        bool equality = op is ConditionOperator.Equal or ConditionOperator.NotEqual;
        switch (fact)
        {
            case CustomerFact.IsVip or CustomerFact.IsSleeping or CustomerFact.WeatherWarning or CustomerFact.IsBirthday or CustomerFact.IsPurchaseAnniversary or CustomerFact.Holiday:
                return !equality || value is not (0 or 1) ? $"{fact} is yes/no: use Equal or NotEqual with 0 or 1 (was {Symbol(op)} {value.ToString(CultureInfo.InvariantCulture)})" : null;
            case CustomerFact.LastRepairSystem:
                return !equality || string.IsNullOrWhiteSpace(text) ? $"{fact} is compared as text: use Equal or NotEqual with a non-empty Text" : null;
            case CustomerFact.DaysSinceLastVisit or CustomerFact.DaysSinceRating or CustomerFact.DaysSinceLastRepair:
                return Whole(value, MaxDays) ? null : $"{fact} must be compared with a whole number of days from 0 to {MaxDays} (was {value.ToString(CultureInfo.InvariantCulture)})";
            case CustomerFact.MonthsSinceLastVisit:
                return Whole(value, MaxMonths) ? null : $"{fact} must be compared with a whole number of months from 0 to {MaxMonths} (was {value.ToString(CultureInfo.InvariantCulture)})";
            case CustomerFact.LatestRating:
                return value is >= 0 and <= 10 ? null : $"{fact} must be compared with a number from 0 to 10 (was {value.ToString(CultureInfo.InvariantCulture)})";
            case CustomerFact.MileageKm:
                return value is >= 0 and <= 2_000_000 ? null : $"{fact} must be compared with a number of km from 0 to 2000000 (was {value.ToString(CultureInfo.InvariantCulture)})";
            default: // EarlierRepairsOfSystem
                return value is >= 0 and <= 1000 ? null : $"{fact} must be compared with a number from 0 to 1000 (was {value.ToString(CultureInfo.InvariantCulture)})";
        }
    }

    /// <summary>Whether today is an anniversary of <paramref name="date"/> at least <paramref name="minYears"/> years on; 29 February falls on 28 February in other years.</summary>
    internal static bool IsAnniversary(LocalDate date, LocalDate today, int minYears)
    {
        int years = today.Year - date.Year;
        return years >= minYears && date.PlusYears(years) == today;
    }

    private static bool Whole(double value, int max) => value >= 0 && value <= max && Math.Floor(value) == value;

    private bool Compare(double fact) => Holds(fact.CompareTo(Value));

    private bool Holds(int comparison) => Operator switch
    {
        ConditionOperator.Equal => comparison == 0,
        ConditionOperator.NotEqual => comparison != 0,
        ConditionOperator.GreaterThan => comparison > 0,
        ConditionOperator.GreaterOrEqual => comparison >= 0,
        ConditionOperator.LessThan => comparison < 0,
        _ => comparison <= 0,
    };

    private static string Symbol(ConditionOperator op) => op switch
    {
        ConditionOperator.Equal => "==",
        ConditionOperator.NotEqual => "!=",
        ConditionOperator.GreaterThan => ">",
        ConditionOperator.GreaterOrEqual => ">=",
        ConditionOperator.LessThan => "<",
        ConditionOperator.LessOrEqual => "<=",
        _ => op.ToString(),
    };
}

/// <summary>A task a trigger rule asks the host to assign: who, how, with which script, by when.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record TriggerTask
{
    /// <summary>The most <see cref="DueWithin"/> may be: 30 days.</summary>
    public static readonly Duration MaxDueWithin = Duration.FromDays(30);

    /// <summary>Creates a task description.</summary>
    /// <param name="role">Who does it.</param>
    /// <param name="channel">The channel, or <see langword="null"/> when the task is not a customer contact.</param>
    /// <param name="scriptId">The Retention.Scripts id, or <see langword="null"/> for none.</param>
    /// <param name="dueWithin">How long after the rule fired it is due; more than zero and at most 30 days.</param>
    /// <param name="purpose">The contact purpose for Retention.Contact, or <see langword="null"/> when not a customer contact.</param>
    /// <exception cref="ArgumentException">A part is out of range or unknown; the message names it.</exception>
    public TriggerTask(StaffRole role, ContactChannel? channel, string? scriptId, Duration dueWithin, ContactPurpose? purpose = null)
    {
        if (Problem(role, channel, scriptId, dueWithin, purpose) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        Role = role;
        Channel = channel;
        ScriptId = scriptId;
        DueWithin = dueWithin;
        Purpose = purpose;
    }

    /// <summary>Who does it.</summary>
    public StaffRole Role { get; }

    /// <summary>The channel, or <see langword="null"/>.</summary>
    public ContactChannel? Channel { get; }

    /// <summary>The Retention.Scripts id, or <see langword="null"/>.</summary>
    public string? ScriptId { get; }

    /// <summary>How long after the rule fired the task is due, more than zero and at most 30 days.</summary>
    public Duration DueWithin { get; }

    /// <summary>The contact purpose for Retention.Contact, or <see langword="null"/>.</summary>
    public ContactPurpose? Purpose { get; }

    internal static string? Problem(StaffRole role, ContactChannel? channel, string? scriptId, Duration dueWithin, ContactPurpose? purpose)
    {
        if (!Enum.IsDefined(role))
        {
            return $"role {(int)role} is not a known staff role";
        }

        if (channel is { } c && !Enum.IsDefined(c))
        {
            return $"channel {(int)c} is not a known channel";
        }

        if (purpose is { } p && !Enum.IsDefined(p))
        {
            return $"purpose {(int)p} is not a known contact purpose";
        }

        if (scriptId is not null && string.IsNullOrWhiteSpace(scriptId))
        {
            return "the script id must not be empty (use null for none)";
        }

        return dueWithin <= Duration.Zero || dueWithin > MaxDueWithin ? $"the task must be due within more than zero and at most 30 days (was {dueWithin})" : null;
    }
}

/// <summary>What a trigger rule starts: a workflow (by definition id) or a single task; exactly one of the two.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record TriggerAction
{
    private TriggerAction(string? workflowId, TriggerTask? task)
    {
        WorkflowId = workflowId;
        Task = task;
    }

    /// <summary>The workflow definition to start, or <see langword="null"/> when the rule assigns a task.</summary>
    public string? WorkflowId { get; }

    /// <summary>The task to assign, or <see langword="null"/> when the rule starts a workflow.</summary>
    public TriggerTask? Task { get; }

    /// <summary>Start a workflow (the host calls <see cref="WorkflowEngine.Start(string, string, WorkflowContext, Instant)"/>).</summary>
    /// <param name="workflowId">The definition id; not empty.</param>
    /// <returns>The action.</returns>
    /// <exception cref="ArgumentException"><paramref name="workflowId"/> is empty.</exception>
    public static TriggerAction StartWorkflow(string workflowId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowId);
        return new(workflowId, null);
    }

    /// <summary>Assign a single task.</summary>
    /// <param name="task">The task.</param>
    /// <returns>The action.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is <see langword="null"/>.</exception>
    public static TriggerAction AssignTask(TriggerTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new(null, task);
    }

    /// <summary>Describes the action: <c>start followup.battery-weekly</c> or <c>task ServiceAdvisor Phone within 1:00:00:00</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => WorkflowId is not null
        ? $"start {WorkflowId}"
        : $"task {Task!.Role} {Task.Channel?.ToString() ?? "-"} {Task.ScriptId ?? "-"} within {Task.DueWithin}";
}

/// <summary>
/// A trigger rule as data (spec: workflows.md section 7): an id, clauses that must all hold for a customer, what it
/// starts, and why, in both locales. Rules are evaluated over the whole base by <see cref="TriggerEvaluator"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TriggerRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="id">The rule id: 1 to 64 letters, digits, <c>.</c>, <c>_</c> or <c>-</c>, starting with a letter.</param>
    /// <param name="conditions">The clauses; at least one, all must hold.</param>
    /// <param name="action">What the rule starts.</param>
    /// <param name="reason">Why, in both locales (neither empty).</param>
    /// <exception cref="ArgumentException">The id is invalid, there is no clause, or the reason is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="conditions"/> or <paramref name="action"/> is <see langword="null"/>.</exception>
    public TriggerRule(string id, IEnumerable<TriggerCondition> conditions, TriggerAction action, LocalizedText reason)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(action);
        if (!IsValidId(id))
        {
            throw new ArgumentException($"The rule id \"{id}\" must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter.", nameof(id));
        }

        var clauses = conditions.ToImmutableArray();
        if (clauses.IsEmpty || clauses.Any(c => c is null))
        {
            throw new ArgumentException($"Rule {id} needs at least one condition and no null ones.", nameof(conditions));
        }

        if (string.IsNullOrWhiteSpace(reason.ZhCn) || string.IsNullOrWhiteSpace(reason.En))
        {
            throw new ArgumentException($"Rule {id} needs a reason in both zh-CN and en.", nameof(reason));
        }

        Id = id;
        Conditions = clauses;
        Action = action;
        Reason = reason;
    }

    /// <summary>The rule id.</summary>
    public string Id { get; }

    /// <summary>The clauses; all must hold.</summary>
    public ImmutableArray<TriggerCondition> Conditions { get; }

    /// <summary>What the rule starts.</summary>
    public TriggerAction Action { get; }

    /// <summary>Why, in both locales.</summary>
    public LocalizedText Reason { get; }

    /// <summary>Whether every clause holds for a customer on a day.</summary>
    /// <param name="facts">The customer's facts (assumed valid; see <see cref="TriggerEvaluator.Check"/>).</param>
    /// <param name="today">Today in the store's zone.</param>
    /// <returns><see langword="true"/> when the rule fires.</returns>
    public bool IsMetBy(in CustomerFacts facts, LocalDate today)
    {
        foreach (var c in Conditions)
        {
            if (!c.IsMetBy(in facts, today))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a name is a valid rule id: 1 to 64 letters, digits, <c>.</c>, <c>_</c> or <c>-</c>, starting with a letter.</summary>
    /// <param name="id">The name.</param>
    /// <returns><see langword="true"/> when it is valid.</returns>
    public static bool IsValidId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64 || !char.IsAsciiLetter(id[0]))
        {
            return false;
        }

        foreach (char c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Describes the rule: <c>vip.care-call: IsVip == 1 and DaysSinceLastVisit &gt; 30 -&gt; task ...</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Id}: {string.Join(" and ", Conditions)} -> {Action}";
}
