using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Retention.Workflows;

/// <summary>Registers Retention.Workflows in a service collection.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="WorkflowRegistry"/> (every <see cref="WorkflowDefinition"/> registered in the collection, see
    /// <see cref="AddWorkflowDefinition"/>) and <see cref="WorkflowEngine"/>, <see cref="TriggerEvaluator"/>, <see cref="WorkflowKpis"/> and <see cref="CaseRouter"/> as singletons, with <see cref="WorkflowOptions"/>
    /// validated at start-up by <see cref="WorkflowOptionsValidator"/> (and <see cref="TriggerOptions"/>, <see cref="KpiOptions"/>, <see cref="RoutingOptions"/> by theirs). Calling it twice registers nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the defaults, or <see langword="null"/>. To bind configuration, also call
    /// <c>services.AddOptions&lt;WorkflowOptions&gt;().Bind(configuration.GetSection(WorkflowOptions.SectionName))</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddRetentionWorkflows(this IServiceCollection services, Action<WorkflowOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<WorkflowOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkflowOptions>, WorkflowOptionsValidator>());
        services.TryAddSingleton(sp => new WorkflowRegistry(sp.GetServices<WorkflowDefinition>()));
        services.TryAddSingleton(sp => new WorkflowEngine(sp.GetRequiredService<IOptions<WorkflowOptions>>(), sp.GetRequiredService<WorkflowRegistry>()));

        // Trigger rules, KPIs and routing have their own options (sections Retention:Workflows:Triggers, :Kpis and :Routing), validated at start-up too.
        services.AddOptions<TriggerOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TriggerOptions>, TriggerOptionsValidator>());
        services.TryAddSingleton(sp => new TriggerEvaluator(sp.GetRequiredService<IOptions<TriggerOptions>>()));
        services.AddOptions<KpiOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KpiOptions>, KpiOptionsValidator>());
        services.TryAddSingleton(sp => new WorkflowKpis(sp.GetRequiredService<IOptions<KpiOptions>>()));
        services.AddOptions<RoutingOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>());
        services.TryAddSingleton(sp => new CaseRouter(sp.GetRequiredService<IOptions<RoutingOptions>>()));
        return services;
    }

    /// <summary>Registers a workflow definition for the <see cref="WorkflowRegistry"/> built by <see cref="AddRetentionWorkflows"/>. Register every version that still has running instances.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="definition">The definition.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddWorkflowDefinition(this IServiceCollection services, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(definition);
        services.AddSingleton(definition);
        return services;
    }
}
