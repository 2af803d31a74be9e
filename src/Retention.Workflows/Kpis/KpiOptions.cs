using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Retention.Workflows;

/// <summary>
/// The KPI targets of spec section 8 and how instances are read. Shares are fractions (0.8 is 80 %); the recovery ROI is a
/// fraction too (3 is 300 %); the follow-up ROI is a ratio (5 is 5:1). Bind it from configuration (section
/// <c>Retention:Workflows:Kpis</c> by convention); <see cref="KpiOptionsValidator"/> names the option in each error.
/// </summary>
/// <remarks>Mutable, like every options class: <see cref="WorkflowKpis"/> takes a validated copy.</remarks>
public sealed class KpiOptions
{
    /// <summary>The name of the configuration section these options are usually bound from: <c>Retention:Workflows:Kpis</c>.</summary>
    public const string SectionName = "Retention:Workflows:Kpis";

    /// <summary>Alerts handled on time (first step done by its due instant), per tier, at least this share (0 to 1). The default value is 1 (100 %).</summary>
    public double OnTimeTarget { get; set; } = 1.0;

    /// <summary>Calls answered, more than this share (0 to 1). The default value is 0.8.</summary>
    public double CallAnsweredTarget { get; set; } = 0.8;

    /// <summary>Customers willing to talk, more than this share of answered calls (0 to 1). The default value is 0.6.</summary>
    public double WillingToTalkTarget { get; set; } = 0.6;

    /// <summary>Plans sent, at least this share (0 to 1). The default value is 1 (100 %).</summary>
    public double PlanSentTarget { get; set; } = 1.0;

    /// <summary>Booking success in Yellow, more than this share (0 to 1). The default value is 0.5.</summary>
    public double BookingYellowTarget { get; set; } = 0.5;

    /// <summary>Booking success in Orange, more than this share (0 to 1). The default value is 0.3.</summary>
    public double BookingOrangeTarget { get; set; } = 0.3;

    /// <summary>Booking success in Red, more than this share (0 to 1). The default value is 0.15.</summary>
    public double BookingRedTarget { get; set; } = 0.15;

    /// <summary>Recovery success in Yellow (monthly), more than this share (0 to 1). The default value is 0.6.</summary>
    public double RecoveryYellowTarget { get; set; } = 0.6;

    /// <summary>Recovery success in Orange, more than this share (0 to 1). The default value is 0.3.</summary>
    public double RecoveryOrangeTarget { get; set; } = 0.3;

    /// <summary>Recovery success in Red, more than this share (0 to 1). The default value is 0.15.</summary>
    public double RecoveryRedTarget { get; set; } = 0.15;

    /// <summary>Recovered customers still active after 3 months (quarterly), more than this share (0 to 1). The default value is 0.8.</summary>
    public double StillActiveTarget { get; set; } = 0.8;

    /// <summary>Recovery ROI (quarterly), more than this fraction (0 to 1000). The default value is 3 (300 %).</summary>
    public double RecoveryRoiTarget { get; set; } = 3.0;

    /// <summary>
    /// Churn rate down year on year by at least this share (0 to 1), relative to last year's rate: (last year's rate - this
    /// year's) / last year's, so 0.3 means a rate of 20 % must fall to 14 % or less (not by 30 percentage points). With no
    /// churn last year the KPI has no data. The default value is 0.3.
    /// </summary>
    public double ChurnReductionTarget { get; set; } = 0.3;

    /// <summary>A first follow-up counts as on time when made less than this long after the visit (the deadline instant itself is late; more than zero, at most 30 days). The default value is 48 hours.</summary>
    public TimeSpan FollowUpWithin { get; set; } = TimeSpan.FromHours(48);

    /// <summary>First follow-ups on time, at least this share (0 to 1). The default value is 0.95.</summary>
    public double FollowUpOnTimeTarget { get; set; } = 0.95;

    /// <summary>Follow-ups answered, at least this share (0 to 1). The default value is 0.75.</summary>
    public double AnswerRateTarget { get; set; } = 0.75;

    /// <summary>Problems found in answered follow-ups, at least this share (0 to 1, at most <see cref="ProblemsFoundHigh"/>). The default value is 0.08.</summary>
    public double ProblemsFoundLow { get; set; } = 0.08;

    /// <summary>Problems found in answered follow-ups, at most this share (0 to 1). The default value is 0.12.</summary>
    public double ProblemsFoundHigh { get; set; } = 0.12;

    /// <summary>Problems solved, at least this share (0 to 1). The default value is 0.95.</summary>
    public double ProblemsSolvedTarget { get; set; } = 0.95;

    /// <summary>NPS raised after the follow-up, relative to before, at least this share (0 to 10). The default value is 0.2.</summary>
    public double NpsRaisedTarget { get; set; } = 0.2;

    /// <summary>Promoters who actually refer, at least this share (0 to 1). The default value is 0.25.</summary>
    public double PromotersReferTarget { get; set; } = 0.25;

    /// <summary>Follow-up ROI as revenue per unit of cost, at least this ratio (0 to 1000). The default value is 5 (5:1).</summary>
    public double FollowUpRoiTarget { get; set; } = 5.0;

    /// <summary>Step outcomes that mean the customer did not answer. Empty (the default): <see cref="DefaultNoAnswerOutcomes"/>, <c>NoAnswer</c>. A configured list replaces the default one.</summary>
    public IList<string> NoAnswerOutcomes { get; } = new List<string>();

    /// <summary>The outcomes used while <see cref="NoAnswerOutcomes"/> is empty: <c>NoAnswer</c>.</summary>
    public static IReadOnlyList<string> DefaultNoAnswerOutcomes { get; } = [StepOutcomes.NoAnswer];

    /// <summary>Step outcomes that mean the customer would not talk. Empty (the default): <see cref="DefaultRefusedOutcomes"/>, <c>Refused</c>. A configured list replaces the default one.</summary>
    public IList<string> RefusedOutcomes { get; } = new List<string>();

    /// <summary>The outcomes used while <see cref="RefusedOutcomes"/> is empty: <c>Refused</c>.</summary>
    public static IReadOnlyList<string> DefaultRefusedOutcomes { get; } = [StepOutcomes.Refused];

    /// <summary>
    /// Ids of the steps that call the customer in response to the alert, first attempts and retries (the call-answered and
    /// willing-to-talk KPIs count every attempt). Empty (the default): <see cref="DefaultCallStepIds"/>. A configured list
    /// replaces the default one. The problem-level workflows name their first step <c>first-contact</c> too: pass the KPIs
    /// the recovery instances only.
    /// </summary>
    public IList<string> CallStepIds { get; } = new List<string>();

    /// <summary>
    /// The call steps used while <see cref="CallStepIds"/> is empty: <c>call</c>, <c>call-again</c> (risk SOPs),
    /// <c>first-contact</c>, <c>first-contact-again</c> (NPS rescues), <c>outreach-high</c>, <c>outreach-mid</c> and
    /// <c>retry</c> (pre-churn).
    /// </summary>
    public static IReadOnlyList<string> DefaultCallStepIds { get; } = ["call", "call-again", "first-contact", "first-contact-again", "outreach-high", "outreach-mid", "retry"];

    /// <summary>
    /// Whether recovery success counts a customer as recovered once they came back for the visit (<see cref="VisitCompleted"/>),
    /// even though the workflow's care steps still run for months (spec: "success when the customer comes back for the visit
    /// and stays"; staying is the still-active KPI). When <see langword="false"/> only workflows finished as
    /// <see cref="WorkflowOutcome.Recovered"/> count. The default value is <see langword="true"/> (a <b>Decision</b>).
    /// </summary>
    public bool RecoveredOnVisit { get; set; } = true;

    /// <summary>
    /// Ids of the steps of a post-service follow-up that make the first follow-up, read by
    /// <see cref="WorkflowKpis.FollowUpCaseOf"/>. Empty (the default): <see cref="DefaultFollowUpStepIds"/>. A configured list
    /// replaces the default one.
    /// </summary>
    public IList<string> FollowUpStepIds { get; } = new List<string>();

    /// <summary>The follow-up steps used while <see cref="FollowUpStepIds"/> is empty: <c>care-call</c>, <c>automated-survey</c> and <c>first-call</c> (the built-in <c>followup.post-service</c>).</summary>
    public static IReadOnlyList<string> DefaultFollowUpStepIds { get; } = ["care-call", "automated-survey", "first-call"];

    /// <summary>Ids of the steps that send the plan (the plan-sent KPI). Empty (the default): <see cref="DefaultPlanStepIds"/>. A configured list replaces the default one.</summary>
    public IList<string> PlanStepIds { get; } = new List<string>();

    /// <summary>The plan steps used while <see cref="PlanStepIds"/> is empty: <c>plan</c> (the built-in Yellow and Orange SOPs).</summary>
    public static IReadOnlyList<string> DefaultPlanStepIds { get; } = ["plan"];

    /// <summary>A list option's effective value: the configured list, or the default one while it is empty.</summary>
    internal static IEnumerable<string> Effective(IList<string> configured, IReadOnlyList<string> defaults) =>
        configured.Count > 0 ? configured : defaults;

    /// <summary>How many failure reasons and problems the weekly review lists (1 to 100). The default value is 5.</summary>
    public int TopCount { get; set; } = 5;
}

/// <summary>Validates <see cref="KpiOptions"/>; each failure names the option (for example <c>ProblemsFoundLow</c>).</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class KpiOptionsValidator : IValidateOptions<KpiOptions>
{
    /// <summary>Validates the options.</summary>
    /// <param name="name">The options name (unused).</param>
    /// <param name="options">The options.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    public ValidateOptionsResult Validate(string? name, KpiOptions options)
    {
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Lists every problem with the options; empty when they are valid.</summary>
    /// <param name="options">The options.</param>
    /// <returns>One message per problem, each starting with the option's name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> Collect(KpiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Range(string path, double value, double max)
        {
            if (!(value >= 0 && value <= max))
            {
                errors.Add($"{path}: must be from 0 to {max} (was {value}).");
            }
        }

        Range(nameof(options.OnTimeTarget), options.OnTimeTarget, 1);
        Range(nameof(options.CallAnsweredTarget), options.CallAnsweredTarget, 1);
        Range(nameof(options.WillingToTalkTarget), options.WillingToTalkTarget, 1);
        Range(nameof(options.PlanSentTarget), options.PlanSentTarget, 1);
        Range(nameof(options.BookingYellowTarget), options.BookingYellowTarget, 1);
        Range(nameof(options.BookingOrangeTarget), options.BookingOrangeTarget, 1);
        Range(nameof(options.BookingRedTarget), options.BookingRedTarget, 1);
        Range(nameof(options.RecoveryYellowTarget), options.RecoveryYellowTarget, 1);
        Range(nameof(options.RecoveryOrangeTarget), options.RecoveryOrangeTarget, 1);
        Range(nameof(options.RecoveryRedTarget), options.RecoveryRedTarget, 1);
        Range(nameof(options.StillActiveTarget), options.StillActiveTarget, 1);
        Range(nameof(options.RecoveryRoiTarget), options.RecoveryRoiTarget, 1000);
        Range(nameof(options.ChurnReductionTarget), options.ChurnReductionTarget, 1);
        Range(nameof(options.FollowUpOnTimeTarget), options.FollowUpOnTimeTarget, 1);
        Range(nameof(options.AnswerRateTarget), options.AnswerRateTarget, 1);
        Range(nameof(options.ProblemsFoundLow), options.ProblemsFoundLow, 1);
        Range(nameof(options.ProblemsFoundHigh), options.ProblemsFoundHigh, 1);
        Range(nameof(options.ProblemsSolvedTarget), options.ProblemsSolvedTarget, 1);
        Range(nameof(options.NpsRaisedTarget), options.NpsRaisedTarget, 10);
        Range(nameof(options.PromotersReferTarget), options.PromotersReferTarget, 1);
        Range(nameof(options.FollowUpRoiTarget), options.FollowUpRoiTarget, 1000);
        if (options.ProblemsFoundLow > options.ProblemsFoundHigh)
        {
            errors.Add($"ProblemsFoundLow: must not be above ProblemsFoundHigh ({options.ProblemsFoundLow} > {options.ProblemsFoundHigh}).");
        }

        if (options.FollowUpWithin <= TimeSpan.Zero || options.FollowUpWithin > TimeSpan.FromDays(30))
        {
            errors.Add($"FollowUpWithin: must be more than zero and at most 30 days (was {options.FollowUpWithin}).");
        }

        void Names(string path, IList<string> names, bool outcomes)
        {
            for (int i = 0; i < names.Count; i++)
            {
                if (outcomes ? !StepOutcomes.IsValidName(names[i]) : string.IsNullOrWhiteSpace(names[i]))
                {
                    errors.Add($"{path}[{i}]: \"{names[i]}\" is not a valid {(outcomes ? "outcome name" : "step id")}.");
                }
            }
        }

        Names(nameof(options.NoAnswerOutcomes), options.NoAnswerOutcomes, true);
        Names(nameof(options.RefusedOutcomes), options.RefusedOutcomes, true);
        Names(nameof(options.PlanStepIds), options.PlanStepIds, false);
        Names(nameof(options.CallStepIds), options.CallStepIds, false);
        Names(nameof(options.FollowUpStepIds), options.FollowUpStepIds, false);
        if (options.TopCount is < 1 or > 100)
        {
            errors.Add($"TopCount: must be from 1 to 100 (was {options.TopCount}).");
        }

        return errors;
    }

    internal static void ThrowIfInvalid(KpiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Collect(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(KpiOptions), errors);
        }
    }
}
