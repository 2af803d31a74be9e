using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Retention.Scripts;

/// <summary>Registers Retention.Scripts in a service collection.</summary>
public static class ScriptServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ScriptCatalog"/> and <see cref="ScriptRenderer"/> as singletons, with <see cref="ScriptOptions"/>
    /// validated at start-up by <see cref="ScriptOptionsValidator"/> (which builds the catalog, so a bad host script or
    /// catalog file stops the host). Calling it twice registers nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the defaults, or <see langword="null"/>. To bind configuration, also call
    /// <c>services.AddOptions&lt;ScriptOptions&gt;().Bind(configuration.GetSection(ScriptOptions.SectionName))</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddRetentionScripts(this IServiceCollection services, Action<ScriptOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<ScriptOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScriptOptions>, ScriptOptionsValidator>());
        services.TryAddSingleton(sp => new ScriptCatalog(sp.GetRequiredService<IOptions<ScriptOptions>>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<ScriptCatalog>().Renderer);
        return services;
    }
}
