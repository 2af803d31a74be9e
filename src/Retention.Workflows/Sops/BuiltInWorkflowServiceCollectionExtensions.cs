using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Retention.Scoring;

namespace Retention.Workflows;

/// <summary>Registers the built-in SOP definitions (<see cref="BuiltInWorkflows"/>) in a service collection.</summary>
public static class BuiltInWorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers every definition of <see cref="BuiltInWorkflows.All"/> for the <see cref="WorkflowRegistry"/> built by
    /// <see cref="WorkflowServiceCollectionExtensions.AddRetentionWorkflows"/>, like
    /// <see cref="WorkflowServiceCollectionExtensions.AddWorkflowDefinition"/> does for one. Calling it twice registers
    /// nothing twice. Call <c>AddRetentionWorkflows</c> too (before or after). The risk-tier SOPs take their budgets and
    /// value-score lines from the registered <c>ScoringOptions</c>, the NPS rescues their grade deadlines, responders,
    /// authorities and step deadlines from the registered <c>NpsOptions</c> (see
    /// <see cref="BuiltInWorkflows.For(ScoringOptions, Retention.Nps.NpsOptions)"/>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddBuiltInWorkflows(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(BuiltInMarker)))
        {
            return services;
        }

        // Built once from the host's scoring options (defaults when none are configured), so budgets and value-score lines agree.
        services.AddSingleton(sp => new BuiltInMarker(BuiltInWorkflows.For(
            sp.GetRequiredService<IOptions<ScoringOptions>>().Value, sp.GetRequiredService<IOptions<Retention.Nps.NpsOptions>>().Value)));
        services.AddOptions<ScoringOptions>();
        services.AddOptions<Retention.Nps.NpsOptions>();
        for (int i = 0; i < BuiltInWorkflows.All.Length; i++)
        {
            int index = i;
            services.AddSingleton(sp => sp.GetRequiredService<BuiltInMarker>().Definitions[index]);
        }

        return services;
    }

    /// <summary>Marks the registration and holds the definitions, built once per provider.</summary>
    private sealed record BuiltInMarker(System.Collections.Immutable.ImmutableArray<WorkflowDefinition> Definitions);
}
