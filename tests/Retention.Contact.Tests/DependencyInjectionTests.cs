using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;
using static Retention.Contact.Tests.Support.Fixtures;

namespace Retention.Contact.Tests;

/// <summary>Conventions: registration in dependency injection, configuration binding and start-up validation.</summary>
public class DependencyInjectionTests
{
    private static readonly Type[] Services = [typeof(ContactPolicy), typeof(ContactCalendar), typeof(FollowUpCadence), typeof(ContactKpis)];

    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    private static ServiceProvider Bound(string json)
    {
        var services = new ServiceCollection();
        services.AddRetentionContact();
        services.AddOptions<ContactOptions>().Bind(Json(json).GetSection(ContactOptions.SectionName));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AddRetentionContact_resolves_every_service_as_a_singleton()
    {
        using var provider = new ServiceCollection().AddRetentionContact().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        foreach (var type in Services)
        {
            Assert.Same(provider.GetRequiredService(type), provider.GetRequiredService(type));
        }

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(3, provider.GetRequiredService<ContactPolicy>().CapFor(false));
        Assert.Equal(Shanghai, provider.GetRequiredService<ContactCalendar>().Policy.StoreZone);
        Assert.Equal(30, provider.GetRequiredService<FollowUpCadence>().CadenceOf(CustomerSegment.Vip).EveryDays);
        Assert.Equal(0.75, provider.GetRequiredService<ContactKpis>().Compute([], [], 0, []).AnswerRate.Target);
    }

    [Fact]
    public void Bad_options_are_rejected_at_start_up_naming_the_option()
    {
        using var provider = new ServiceCollection().AddRetentionContact(o => o.OrdinaryCap = 0).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("OrdinaryCap", error.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ContactPolicy>());
    }

    [Fact]
    public void Calling_AddRetentionContact_twice_registers_one_of_each_and_applies_both_configure_delegates()
    {
        var services = new ServiceCollection();
        services.AddRetentionContact(o => o.OrdinaryCap = 2);
        services.AddRetentionContact(o => o.MinimumGap = TimeSpan.FromHours(48));

        foreach (var type in Services.Append(typeof(IValidateOptions<ContactOptions>)))
        {
            Assert.Single(services, d => d.ServiceType == type);
        }

        using var provider = services.BuildServiceProvider();
        Assert.IsType<ContactOptionsValidator>(Assert.Single(provider.GetServices<IValidateOptions<ContactOptions>>()));
        var policy = provider.GetRequiredService<ContactPolicy>();
        Assert.Equal(2, policy.CapFor(false));
        AssertDeferred(policy.Decide(CareSms(Monday10), [Proactive(Monday10 - Hours(1))], default, false, Monday10), ContactChannel.Sms, Monday10 + Hours(47), ContactReasonCode.Spacing);
    }

    [Fact]
    public void Null_services_are_bad_input()
    {
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => ContactServiceCollectionExtensions.AddRetentionContact(null!)).ParamName);
    }

    [Fact]
    public void Binding_the_Retention_Contact_section_from_JSON_changes_behaviour()
    {
        const string json = """
            {
              "Retention": {
                "Contact": {
                  "StoreTimeZone": "Europe/Berlin",
                  "OrdinaryCap": 2,
                  "VipCap": 4,
                  "MinimumGap": "2.00:00:00",
                  "RollingWindow": "14.00:00:00",
                  "VoiceFrom": "09:00:00",
                  "VoiceUntil": "20:00:00",
                  "MessageFallbacks": "WeChat, Email",
                  "TransactionalExempt": false,
                  "Cadence": { "SleepingAfterDays": 120, "Vip": { "EveryDays": 14, "Channel": "WeChat" } },
                  "Kpis": { "AnswerRateTarget": 0.8, "FollowUpWithin": "1.00:00:00" }
                }
              }
            }
            """;
        using var provider = Bound(json);
        provider.GetRequiredService<IStartupValidator>().Validate();

        var policy = provider.GetRequiredService<ContactPolicy>();
        Assert.Equal(Berlin, policy.StoreZone);
        Assert.Equal((2, 4), (policy.CapFor(false), policy.CapFor(true)));
        var now = Local(Berlin, 2026, 6, 1, 10);
        AssertDeferred(policy.Decide(CareSms(now), [Proactive(now - Hours(1))], default, false, now), ContactChannel.Sms, now + Hours(47), ContactReasonCode.Spacing);
        var early = Local(Berlin, 2026, 6, 1, 8, 30);
        AssertDeferred(policy.Decide(Ask(ContactPurpose.Care, ContactChannel.Phone, early), [], default, false, early), ContactChannel.Phone, Local(Berlin, 2026, 6, 1, 9), ContactReasonCode.QuietHours);
        AssertAllowed(policy.Decide(Ask(ContactPurpose.Care, ContactChannel.Sms, early), [], default, false, early), ContactChannel.Sms, early); // unbound values keep their defaults
        AssertAllowed(policy.Decide(Ask(ContactPurpose.Care, ContactChannel.Phone, now), [], new ContactPreferences { PrefersMessages = true }, false, now), ContactChannel.WeChat, now, ContactReasonCode.SwitchedToMessage);
        Assert.True(policy.Counts(new PastTouch(now, ContactChannel.Sms, ContactPurpose.Transactional)));
        var two = new[] { Proactive(now - Days(5)), Proactive(now - Days(10)) };
        AssertDeferred(policy.Decide(CareSms(now), two, default, false, now), ContactChannel.Sms, now + Days(4), ContactReasonCode.FrequencyCap);

        var cadence = provider.GetRequiredService<FollowUpCadence>();
        Assert.Equal(CustomerSegment.Sleeping, cadence.SegmentOf(new FollowUpCustomer("c", new LocalDate(2026, 1, 1), null, false), new LocalDate(2026, 5, 5)));
        Assert.Equal((14, ContactChannel.WeChat, StaffRole.ServiceAdvisor), (cadence.CadenceOf(CustomerSegment.Vip).EveryDays, cadence.CadenceOf(CustomerSegment.Vip).Channel, cadence.CadenceOf(CustomerSegment.Vip).Owner));

        var kpis = provider.GetRequiredService<ContactKpis>().Compute([], [new FollowUpRecord(now, now + Hours(25))], 0, []);
        Assert.Equal(0.0, kpis.FollowUpsOnTime.Value);
        Assert.Equal(0.8, provider.GetRequiredService<ContactKpis>().Compute([], [], 0, []).AnswerRate.Target);
    }

    [Fact]
    public void Binding_from_a_JSON_file_works_like_from_memory()
    {
        string path = Path.Combine(Path.GetTempPath(), $"retention-contact-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "Retention": { "Contact": { "VipCap": 6, "MessageUntil": "22:00:00" } } }""");
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(path).Build();
            var services = new ServiceCollection().AddRetentionContact();
            services.AddOptions<ContactOptions>().Bind(configuration.GetSection(ContactOptions.SectionName));
            using var provider = services.BuildServiceProvider();

            var policy = provider.GetRequiredService<ContactPolicy>();
            Assert.Equal(6, policy.CapFor(true));
            AssertAllowed(policy.Decide(CareSms(Sh(6, 1, 21, 30)), [], default, false, Monday10), ContactChannel.Sms, Sh(6, 1, 21, 30));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Invalid_configuration_fails_start_up_validation_naming_the_option()
    {
        using var provider = Bound("""{ "Retention": { "Contact": { "OrdinaryCap": 6, "VipCap": 5, "Cadence": { "Lost": { "EveryDays": 0 } } } } }""");

        var startup = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(startup.Failures, f => f.StartsWith("VipCap: must be at least OrdinaryCap (6) (was 5)", StringComparison.Ordinal));
        Assert.Contains(startup.Failures, f => f.StartsWith("Cadence.Lost.EveryDays:", StringComparison.Ordinal));

        var onUse = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ContactOptions>>().Value);
        Assert.Contains("VipCap", onUse.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ContactCalendar>());
    }

    [Fact]
    public void An_unknown_time_zone_in_configuration_fails_start_up_naming_it()
    {
        using var provider = Bound("""{ "Retention": { "Contact": { "StoreTimeZone": "Asia/Beijing" } } }""");

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("StoreTimeZone", e.Message, StringComparison.Ordinal);
        Assert.Contains("Asia/Beijing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_changed_after_a_service_is_resolved_do_not_change_it()
    {
        using var provider = new ServiceCollection().AddRetentionContact().BuildServiceProvider();
        var policy = provider.GetRequiredService<ContactPolicy>();

        provider.GetRequiredService<IOptions<ContactOptions>>().Value.OrdinaryCap = 1;

        Assert.Equal(3, policy.CapFor(false));
        Assert.Same(policy, provider.GetRequiredService<ContactPolicy>());
    }
}
