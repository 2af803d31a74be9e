using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Retention.Contact;

/// <summary>Registers Retention.Contact in a service collection.</summary>
public static class ContactServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ContactPolicy"/>, <see cref="ContactCalendar"/>, <see cref="FollowUpCadence"/> and
    /// <see cref="ContactKpis"/> as singletons, with <see cref="ContactOptions"/> validated at start-up by
    /// <see cref="ContactOptionsValidator"/>. Calling it twice registers nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the defaults, or <see langword="null"/>. To bind configuration, also call
    /// <c>services.AddOptions&lt;ContactOptions&gt;().Bind(configuration.GetSection(ContactOptions.SectionName))</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddRetentionContact(this IServiceCollection services, Action<ContactOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<ContactOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContactOptions>, ContactOptionsValidator>());
        services.TryAddSingleton(sp => new ContactPolicy(sp.GetRequiredService<IOptions<ContactOptions>>()));
        services.TryAddSingleton(sp => new ContactCalendar(sp.GetRequiredService<IOptions<ContactOptions>>()));
        services.TryAddSingleton(sp => new FollowUpCadence(sp.GetRequiredService<IOptions<ContactOptions>>()));
        services.TryAddSingleton(sp => new ContactKpis(sp.GetRequiredService<IOptions<ContactOptions>>()));
        return services;
    }
}
