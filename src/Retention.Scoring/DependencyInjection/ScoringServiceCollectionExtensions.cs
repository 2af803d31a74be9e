using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Retention.Scoring;

/// <summary>Registers Retention.Scoring in a service collection.</summary>
public static class ScoringServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RiskScorer"/>, <see cref="CustomerValuation"/>, <see cref="RecoveryPlanner"/>
    /// and <see cref="RoiCalculator"/> as singletons, with <see cref="ScoringOptions"/> validated at
    /// start-up by <see cref="ScoringOptionsValidator"/>. Calling it twice registers nothing twice
    /// (each <paramref name="configure"/> still applies).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the defaults, or <see langword="null"/>. To bind configuration, also call
    /// <c>services.AddOptions&lt;ScoringOptions&gt;().Bind(configuration.GetSection(ScoringOptions.SectionName))</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddRetentionScoring(this IServiceCollection services, Action<ScoringOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<ScoringOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScoringOptions>, ScoringOptionsValidator>());
        services.TryAddSingleton(sp => new RiskScorer(sp.GetRequiredService<IOptions<ScoringOptions>>()));
        services.TryAddSingleton(sp => new CustomerValuation(sp.GetRequiredService<IOptions<ScoringOptions>>()));
        services.TryAddSingleton(sp => new RecoveryPlanner(sp.GetRequiredService<IOptions<ScoringOptions>>()));
        services.TryAddSingleton(sp => new RoiCalculator(sp.GetRequiredService<IOptions<ScoringOptions>>()));
        return services;
    }
}
