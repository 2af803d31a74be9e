using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Retention.Workflows;

/// <summary>
/// Validates <see cref="TriggerOptions"/>. Each failure names the option path relative to the options (for example
/// <c>VipCareAfterDays</c> or <c>Rules[1].Conditions[0].Value</c>) and says what is wrong.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class TriggerOptionsValidator : IValidateOptions<TriggerOptions>
{
    /// <summary>Validates the options.</summary>
    /// <param name="name">The options name (unused).</param>
    /// <param name="options">The options.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    public ValidateOptionsResult Validate(string? name, TriggerOptions options)
    {
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Lists every problem with the options; empty when they are valid.</summary>
    /// <param name="options">The options.</param>
    /// <returns>One message per problem, each starting with the option path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> Collect(TriggerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Add(string path, string message) => errors.Add($"{path}: {message}.");
        void Range(string path, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                Add(path, $"must be from {min} to {max} (was {value})");
            }
        }

        void Within(string path, TimeSpan value)
        {
            if (value <= TimeSpan.Zero || value > TriggerTask.MaxDueWithin.ToTimeSpan())
            {
                Add(path, $"must be more than zero and at most 30 days (was {value})");
            }
        }

        Range(nameof(options.VipCareAfterDays), options.VipCareAfterDays, 0, TriggerCondition.MaxDays);
        Range(nameof(options.LowRatingAtMost), options.LowRatingAtMost, 0, 10);
        Range(nameof(options.LowRatingRatedWithinDays), options.LowRatingRatedWithinDays, 1, TriggerCondition.MaxDays);
        Within(nameof(options.LowRatingContactWithin), options.LowRatingContactWithin);
        Range(nameof(options.SleepingWakeUpAtMonths), options.SleepingWakeUpAtMonths, 1, TriggerCondition.MaxMonths);
        Range(nameof(options.BrakeMileageAboveKm), options.BrakeMileageAboveKm, 0, 2_000_000);
        Range(nameof(options.BrakeCallOnDay), options.BrakeCallOnDay, 1, TriggerCondition.MaxDays + 1);
        Range(nameof(options.BatteryEarlierRepairsAtLeast), options.BatteryEarlierRepairsAtLeast, 0, 1000);
        Range(nameof(options.BatteryWithinDays), options.BatteryWithinDays, 1, TriggerCondition.MaxDays);
        if (string.IsNullOrWhiteSpace(options.BatteryFollowUpWorkflowId))
        {
            Add(nameof(options.BatteryFollowUpWorkflowId), "must not be empty");
        }

        Range(nameof(options.LapsedAfterMonths), options.LapsedAfterMonths, 1, TriggerCondition.MaxMonths);
        Range(nameof(options.LapsedRatingBelow), options.LapsedRatingBelow, 1, 10);
        Range(nameof(options.VipNotSeenAfterMonths), options.VipNotSeenAfterMonths, 1, TriggerCondition.MaxMonths);
        Within(nameof(options.TaskDueWithin), options.TaskDueWithin);

        var customIds = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < options.Rules.Count; i++)
        {
            string path = $"Rules[{i}]";
            var rule = options.Rules[i];
            if (rule is null)
            {
                Add(path, "must not be null");
                continue;
            }

            if (!TriggerRule.IsValidId(rule.Id))
            {
                Add($"{path}.Id", $"must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter (was \"{rule.Id}\")");
            }
            else if (!customIds.Add(rule.Id))
            {
                Add($"{path}.Id", $"\"{rule.Id}\" is used by an earlier rule");
            }

            if (rule.Conditions.Count == 0)
            {
                Add($"{path}.Conditions", "must hold at least one condition");
            }

            for (int j = 0; j < rule.Conditions.Count; j++)
            {
                var c = rule.Conditions[j];
                if (c is null)
                {
                    Add($"{path}.Conditions[{j}]", "must not be null");
                }
                else if (TriggerCondition.Problem(c.Fact, c.Operator, c.Value, c.Text) is { } problem)
                {
                    string field = c.Fact == CustomerFact.LastRepairSystem ? "Text" : "Value";
                    Add($"{path}.Conditions[{j}].{field}", problem);
                }
            }

            if ((rule.WorkflowId is null) == (rule.Task is null))
            {
                Add(path, "must set exactly one of WorkflowId and Task");
            }
            else if (rule.WorkflowId is not null && string.IsNullOrWhiteSpace(rule.WorkflowId))
            {
                Add($"{path}.WorkflowId", "must not be empty");
            }
            else if (rule.Task is { } t)
            {
                if (t.DueWithin <= TimeSpan.Zero || t.DueWithin > TriggerTask.MaxDueWithin.ToTimeSpan())
                {
                    Add($"{path}.Task.DueWithin", $"must be more than zero and at most 30 days (was {t.DueWithin})");
                }
                else if (TriggerTask.Problem(t.Role, t.Channel, t.ScriptId, Duration.FromTimeSpan(t.DueWithin), t.Purpose) is { } problem)
                {
                    Add($"{path}.Task", problem);
                }
            }

            if (string.IsNullOrWhiteSpace(rule.ReasonZhCn))
            {
                Add($"{path}.ReasonZhCn", "must not be empty");
            }

            if (string.IsNullOrWhiteSpace(rule.ReasonEn))
            {
                Add($"{path}.ReasonEn", "must not be empty");
            }
        }

        for (int i = 0; i < options.DisabledRules.Count; i++)
        {
            string id = options.DisabledRules[i];
            if (!TriggerRules.BuiltInIds.Contains(id))
            {
                Add($"DisabledRules[{i}]", $"\"{id}\" is not a built-in rule id ({string.Join(", ", TriggerRules.BuiltInIds)})");
            }
        }

        return errors;
    }

    internal static void ThrowIfInvalid(TriggerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Collect(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TriggerOptions), errors);
        }
    }
}
