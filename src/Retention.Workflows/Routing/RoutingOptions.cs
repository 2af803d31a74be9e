using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Retention.Workflows;

/// <summary>
/// Who follows up a visit and which problem level a report gets (spec: workflows.md sections 5 and 6), read by
/// <see cref="CaseRouter"/>. Bind it from configuration (section <c>Retention:Workflows:Routing</c> by convention);
/// <see cref="RoutingOptionsValidator"/> names the option in each error.
/// </summary>
/// <remarks>Mutable, like every options class: <see cref="CaseRouter"/> takes a validated copy.</remarks>
public sealed class RoutingOptions
{
    /// <summary>The name of the configuration section these options are usually bound from: <c>Retention:Workflows:Routing</c>.</summary>
    public const string SectionName = "Retention:Workflows:Routing";

    /// <summary>Whether a VIP gets the advisor's call instead of the automated survey. The default value is <see langword="true"/>.</summary>
    public bool AdvisorCallForVip { get; set; } = true;

    /// <summary>A customer whose latest rating is below this (0 to 11; 0 turns the rule off) gets the advisor's call. The default value is 7.</summary>
    public int AdvisorCallBelowRating { get; set; } = 7;

    /// <summary>Whether a complex repair gets the advisor's call. The default value is <see langword="true"/>.</summary>
    public bool AdvisorCallForComplexRepair { get; set; } = true;

    /// <summary>Whether a customer with past complaints gets the advisor's call. The default value is <see langword="true"/>.</summary>
    public bool AdvisorCallForPastComplaints { get; set; } = true;

    /// <summary>
    /// Whether a customer in the first three months of a Red-tier recovery's care gets the advisor's call within 24 hours of
    /// every service (<see cref="FollowUpBy.RecoveryCare"/>). The default value is <see langword="true"/>.
    /// </summary>
    public bool RecoveryCareCallWithinADay { get; set; } = true;

    /// <summary>A rating at or below this (0 to 10) is an urgent problem, level 1. The default value is 3.</summary>
    public int UrgentRatingAtMost { get; set; } = 3;

    /// <summary>A rating at or below this (from <see cref="UrgentRatingAtMost"/> to 10) is an important problem, level 2. The default value is 6.</summary>
    public int ImportantRatingAtMost { get; set; } = 6;

    /// <summary>A rating at or below this with remarks (from <see cref="ImportantRatingAtMost"/> to 10) is a general problem, level 3. The default value is 8.</summary>
    public int GeneralRatingAtMost { get; set; } = 8;

    /// <summary>The workflow started for a level 1 problem. The default value is <c>problem.l1</c>.</summary>
    public string UrgentWorkflowId { get; set; } = "problem.l1";

    /// <summary>The workflow started for a level 2 problem. The default value is <c>problem.l2</c>.</summary>
    public string ImportantWorkflowId { get; set; } = "problem.l2";

    /// <summary>The workflow started for a level 3 problem. The default value is <c>problem.l3</c>.</summary>
    public string GeneralWorkflowId { get; set; } = "problem.l3";
}

/// <summary>Validates <see cref="RoutingOptions"/>; each failure names the option (for example <c>ImportantRatingAtMost</c>).</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class RoutingOptionsValidator : IValidateOptions<RoutingOptions>
{
    /// <summary>Validates the options.</summary>
    /// <param name="name">The options name (unused).</param>
    /// <param name="options">The options.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Lists every problem with the options; empty when they are valid.</summary>
    /// <param name="options">The options.</param>
    /// <returns>One message per problem, each starting with the option's name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> Collect(RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.AdvisorCallBelowRating is < 0 or > 11)
        {
            errors.Add($"AdvisorCallBelowRating: must be from 0 to 11 (was {options.AdvisorCallBelowRating}).");
        }

        if (options.UrgentRatingAtMost is < 0 or > 10)
        {
            errors.Add($"UrgentRatingAtMost: must be from 0 to 10 (was {options.UrgentRatingAtMost}).");
        }

        if (options.ImportantRatingAtMost < options.UrgentRatingAtMost || options.ImportantRatingAtMost > 10)
        {
            errors.Add($"ImportantRatingAtMost: must be from UrgentRatingAtMost ({options.UrgentRatingAtMost}) to 10 (was {options.ImportantRatingAtMost}).");
        }

        if (options.GeneralRatingAtMost < options.ImportantRatingAtMost || options.GeneralRatingAtMost > 10)
        {
            errors.Add($"GeneralRatingAtMost: must be from ImportantRatingAtMost ({options.ImportantRatingAtMost}) to 10 (was {options.GeneralRatingAtMost}).");
        }

        void Id(string path, string? id)
        {
            if (!WorkflowStep.IsValidId(id))
            {
                errors.Add($"{path}: must be a workflow id of 1 to 64 letters, digits, '_', '.' or '-', starting with a letter (was \"{id}\").");
            }
        }

        Id(nameof(options.UrgentWorkflowId), options.UrgentWorkflowId);
        Id(nameof(options.ImportantWorkflowId), options.ImportantWorkflowId);
        Id(nameof(options.GeneralWorkflowId), options.GeneralWorkflowId);
        return errors;
    }

    internal static void ThrowIfInvalid(RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Collect(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(RoutingOptions), errors);
        }
    }
}
