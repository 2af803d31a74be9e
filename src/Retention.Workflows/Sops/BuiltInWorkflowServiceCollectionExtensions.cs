using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace Retention.Workflows;

/// <summary>Registers the built-in SOP definitions (<see cref="BuiltInWorkflows"/>) in a service collection.</summary>
public static class BuiltInWorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers every definition of <see cref="BuiltInWorkflows.All"/> for the <see cref="WorkflowRegistry"/> built by
    /// <see cref="WorkflowServiceCollectionExtensions.AddRetentionWorkflows"/>, like
    /// <see cref="WorkflowServiceCollectionExtensions.AddWorkflowDefinition"/> does for one. Calling it twice registers
    /// nothing twice. Call <c>AddRetentionWorkflows</c> too (before or after).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddBuiltInWorkflows(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var definition in BuiltInWorkflows.All)
        {
            bool registered = services.Any(d => d.ServiceType == typeof(WorkflowDefinition) && !d.IsKeyedService && ReferenceEquals(d.ImplementationInstance, definition));
            if (!registered)
            {
                services.AddWorkflowDefinition(definition);
            }
        }

        return services;
    }
}
