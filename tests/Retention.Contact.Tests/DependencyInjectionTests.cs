using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Retention.Contact.Tests;

/// <summary>Conventions: registration in dependency injection and start-up validation.</summary>
public class DependencyInjectionTests
{
    private static readonly Type[] Services = [typeof(ContactPolicy), typeof(ContactCalendar), typeof(FollowUpCadence), typeof(ContactKpis)];

    [Fact]
    public void AddRetentionContact_resolves_every_service_as_a_singleton()
    {
        using var provider = new ServiceCollection().AddRetentionContact().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        foreach (var type in Services)
        {
            Assert.Same(provider.GetRequiredService(type), provider.GetRequiredService(type));
        }

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Bad_options_are_rejected_at_start_up_naming_the_option()
    {
        using var provider = new ServiceCollection().AddRetentionContact(o => o.OrdinaryCap = 0).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("OrdinaryCap", error.Message, StringComparison.Ordinal);
    }
}
