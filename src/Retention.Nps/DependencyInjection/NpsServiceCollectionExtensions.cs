using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Retention.Nps;

/// <summary>Registers Retention.Nps in a service collection.</summary>
public static class NpsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="NpsCalculator"/>, <see cref="LowScoreAlerter"/>, <see cref="DetractorGrader"/>,
    /// <see cref="RescuePlaybook"/> and <see cref="RescueStatistics"/> as singletons, with <see cref="NpsOptions"/>
    /// validated at start-up by <see cref="NpsOptionsValidator"/>. Calling it twice registers nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the defaults, or <see langword="null"/>. To bind configuration, also call
    /// <c>services.AddOptions&lt;NpsOptions&gt;().Bind(configuration.GetSection(NpsOptions.SectionName))</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddRetentionNps(this IServiceCollection services, Action<NpsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<NpsOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NpsOptions>, NpsOptionsValidator>());
        services.TryAddSingleton(sp => new NpsCalculator(sp.GetRequiredService<IOptions<NpsOptions>>()));
        services.TryAddSingleton(sp => new LowScoreAlerter(sp.GetRequiredService<IOptions<NpsOptions>>()));
        services.TryAddSingleton(sp => new DetractorGrader(sp.GetRequiredService<IOptions<NpsOptions>>()));
        services.TryAddSingleton(sp => new RescuePlaybook(sp.GetRequiredService<IOptions<NpsOptions>>()));
        services.TryAddSingleton(sp => new RescueStatistics(sp.GetRequiredService<IOptions<NpsOptions>>()));
        return services;
    }
}
