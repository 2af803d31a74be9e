using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Retention.Workflows;

/// <summary>
/// Validates <see cref="WorkflowOptions"/>. Each failure names the option (for example <c>StoreTimeZone</c>) and says
/// what is wrong.
/// </summary>
/// <remarks>Stateless and thread-safe; registered by <c>AddRetentionWorkflows</c> and run at start-up.</remarks>
public sealed class WorkflowOptionsValidator : IValidateOptions<WorkflowOptions>
{
    /// <summary>Validates the options.</summary>
    /// <param name="name">The options name (unused).</param>
    /// <param name="options">The options.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    public ValidateOptionsResult Validate(string? name, WorkflowOptions options)
    {
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Lists every problem with the options; empty when they are valid.</summary>
    /// <param name="options">The options.</param>
    /// <returns>One message per problem, each starting with the option's name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> Collect(WorkflowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Add(string path, string message) => errors.Add($"{path}: {message}.");

        if (string.IsNullOrWhiteSpace(options.StoreTimeZone) || DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.StoreTimeZone) is null)
        {
            Add("StoreTimeZone", $"must be an IANA time zone id such as Asia/Shanghai (was \"{options.StoreTimeZone}\")");
        }

        if (options.EscalationGrace < TimeSpan.Zero || options.EscalationGrace > WorkflowOptions.MaxEscalationGrace)
        {
            Add("EscalationGrace", $"must be from 00:00:00 to 30 days (was {options.EscalationGrace})");
        }

        if (string.IsNullOrWhiteSpace(options.TouchDepartment))
        {
            Add("TouchDepartment", "must not be empty");
        }

        if (options.TouchPriority is < 0 or > 1000)
        {
            Add("TouchPriority", $"must be from 0 to 1000 (was {options.TouchPriority})");
        }

        return errors;
    }

    internal static void ThrowIfInvalid(WorkflowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Collect(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(WorkflowOptions), errors);
        }
    }
}
