using System;
using System.Collections.Generic;

namespace Retention.Workflows;

/// <summary>
/// The trigger rules over the customer base (spec: workflows.md section 7): the thresholds of the built-in rules, which
/// built-in rules to drop, and rules of your own. Bind it from configuration (section <c>Retention:Workflows:Triggers</c>
/// by convention) or set it in code; <see cref="TriggerOptionsValidator"/> rejects nonsense with a message naming the
/// option path (for example <c>Rules[0].Conditions[1].Value</c>).
/// </summary>
/// <remarks>Mutable, like every options class: <see cref="TriggerEvaluator"/> builds its immutable rules from a validated copy.</remarks>
public sealed class TriggerOptions
{
    /// <summary>The name of the configuration section these options are usually bound from: <c>Retention:Workflows:Triggers</c>.</summary>
    public const string SectionName = "Retention:Workflows:Triggers";

    /// <summary>Rule <see cref="TriggerRules.VipCareCall"/>: a VIP more than this many days (0 to 36500) since the last service gets a care call. The default value is 30.</summary>
    public int VipCareAfterDays { get; set; } = 30;

    /// <summary>Rule <see cref="TriggerRules.LowRating"/>: a rating at or below this (0 to 10) is escalated at once. The default value is 6.</summary>
    public int LowRatingAtMost { get; set; } = 6;

    /// <summary>
    /// Rule <see cref="TriggerRules.LowRating"/>: only ratings given in the last this many days, today included (1 to 36500),
    /// fire, so an old rating does not fire every day. The default value is 1 (today's ratings).
    /// </summary>
    public int LowRatingRatedWithinDays { get; set; } = 1;

    /// <summary>Rule <see cref="TriggerRules.LowRating"/>: the supervisor must contact the customer within this long (more than zero, at most 30 days). The default value is 24 hours.</summary>
    public TimeSpan LowRatingContactWithin { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Rule <see cref="TriggerRules.SleepingWakeUp"/>: a sleeping customer gets the wake-up SMS and offer exactly this many months (1 to 1200) after the last visit. The default value is 6.</summary>
    public int SleepingWakeUpAtMonths { get; set; } = 6;

    /// <summary>Rule <see cref="TriggerRules.BrakeDay3Call"/>: a brake repair on a car with more than this many km (0 to 2000000) gets the call. The default value is 80000.</summary>
    public int BrakeMileageAboveKm { get; set; } = 80_000;

    /// <summary>Rule <see cref="TriggerRules.BrakeDay3Call"/>: the day of the call (1 to 36501), counting the repair day as day 1. The default value is 3.</summary>
    public int BrakeCallOnDay { get; set; } = 3;

    /// <summary>Rule <see cref="TriggerRules.BatteryWeekly"/>: a battery repair with at least this many earlier battery repairs (0 to 1000) starts the weekly follow-up. The default value is 2.</summary>
    public int BatteryEarlierRepairsAtLeast { get; set; } = 2;

    /// <summary>Rule <see cref="TriggerRules.BatteryWeekly"/>: the rule fires during this many days from the repair day on (1 to 36500), so an old repair does not start it again. The default value is 7.</summary>
    public int BatteryWithinDays { get; set; } = 7;

    /// <summary>Rule <see cref="TriggerRules.BatteryWeekly"/>: the workflow definition id it starts (weekly follow-up until stable). The default value is <c>followup.battery-weekly</c>.</summary>
    public string BatteryFollowUpWorkflowId { get; set; } = "followup.battery-weekly";

    /// <summary>Rule <see cref="TriggerRules.LapsedLowNps"/>: a customer more than this many months (1 to 1200) since the last visit whose latest rating is below <see cref="LapsedRatingBelow"/> gets the wake-up. The default value is 6.</summary>
    public int LapsedAfterMonths { get; set; } = 6;

    /// <summary>Rule <see cref="TriggerRules.LapsedLowNps"/>: a latest rating below this (1 to 10), with more than <see cref="LapsedAfterMonths"/> since the last visit, is a high churn risk. The default value is 8.</summary>
    public int LapsedRatingBelow { get; set; } = 8;

    /// <summary>Rule <see cref="TriggerRules.VipNotSeen"/>: a VIP not seen for more than this many months (1 to 1200) gets a care call. The default value is 3.</summary>
    public int VipNotSeenAfterMonths { get; set; } = 3;

    /// <summary>How long after a built-in rule fires its task is due, except the low-rating escalation (more than zero, at most 30 days). The default value is 1 day.</summary>
    public TimeSpan TaskDueWithin { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Ids of built-in rules (<see cref="TriggerRules.BuiltInIds"/>) to drop. The default value is empty.</summary>
    public IList<string> DisabledRules { get; } = new List<string>();

    /// <summary>Rules of your own, evaluated after the built-in ones; one with a built-in rule's id replaces it. The default value is empty.</summary>
    public IList<TriggerRuleOptions> Rules { get; } = new List<TriggerRuleOptions>();
}

/// <summary>A rule of your own in <see cref="TriggerOptions.Rules"/>; it becomes a <see cref="TriggerRule"/>.</summary>
public sealed class TriggerRuleOptions
{
    /// <summary>The rule id (see <see cref="TriggerRule.IsValidId"/>). The default value is empty (invalid).</summary>
    public string Id { get; set; } = "";

    /// <summary>The clauses; at least one, all must hold. The default value is empty (invalid).</summary>
    public IList<TriggerConditionOptions> Conditions { get; } = new List<TriggerConditionOptions>();

    /// <summary>The workflow definition id the rule starts; set this or <see cref="Task"/>, not both. The default value is <see langword="null"/>.</summary>
    public string? WorkflowId { get; set; }

    /// <summary>The task the rule assigns; set this or <see cref="WorkflowId"/>, not both. The default value is <see langword="null"/>.</summary>
    public TriggerTaskOptions? Task { get; set; }

    /// <summary>Why, in simplified Chinese; not empty. The default value is empty (invalid).</summary>
    public string ReasonZhCn { get; set; } = "";

    /// <summary>Why, in English; not empty. The default value is empty (invalid).</summary>
    public string ReasonEn { get; set; } = "";
}

/// <summary>A clause of a rule of your own; it becomes a <see cref="TriggerCondition"/> (see there for the allowed values).</summary>
public sealed class TriggerConditionOptions
{
    /// <summary>The fact read. The default value is <see cref="CustomerFact.IsVip"/>.</summary>
    public CustomerFact Fact { get; set; }

    /// <summary>The comparison, fact on the left. The default value is <see cref="ConditionOperator.Equal"/>.</summary>
    public ConditionOperator Operator { get; set; }

    /// <summary>The number compared with. The default value is 1.</summary>
    public double Value { get; set; } = 1;

    /// <summary>The text compared with, for <see cref="CustomerFact.LastRepairSystem"/>. The default value is <see langword="null"/>.</summary>
    public string? Text { get; set; }
}

/// <summary>The task of a rule of your own; it becomes a <see cref="TriggerTask"/>.</summary>
public sealed class TriggerTaskOptions
{
    /// <summary>Who does it. The default value is <see cref="StaffRole.ServiceAdvisor"/>.</summary>
    public StaffRole Role { get; set; } = StaffRole.ServiceAdvisor;

    /// <summary>The channel, or <see langword="null"/> when not a customer contact. The default value is <see langword="null"/>.</summary>
    public ContactChannel? Channel { get; set; }

    /// <summary>The Retention.Scripts id, or <see langword="null"/>. The default value is <see langword="null"/>.</summary>
    public string? ScriptId { get; set; }

    /// <summary>How long after the rule fired it is due (more than zero, at most 30 days). The default value is 1 day.</summary>
    public TimeSpan DueWithin { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The contact purpose for Retention.Contact, or <see langword="null"/>. The default value is <see langword="null"/>.</summary>
    public ContactPurpose? Purpose { get; set; }
}
