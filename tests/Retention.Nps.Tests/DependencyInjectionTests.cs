using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;
using static Retention.Nps.Tests.Support.Fixtures;

namespace Retention.Nps.Tests;

/// <summary>Conventions: registration in dependency injection, configuration binding and start-up validation.</summary>
public class DependencyInjectionTests
{
    private static readonly Type[] Services = [typeof(NpsCalculator), typeof(LowScoreAlerter), typeof(DetractorGrader), typeof(RescuePlaybook), typeof(RescueStatistics)];

    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    private static ServiceProvider Bound(string json)
    {
        var services = new ServiceCollection();
        services.AddRetentionNps();
        services.AddOptions<NpsOptions>().Bind(Json(json).GetSection(NpsOptions.SectionName));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AddRetentionNps_resolves_all_five_services_as_working_singletons()
    {
        using var provider = new ServiceCollection().AddRetentionNps().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        foreach (var type in Services)
        {
            Assert.Same(provider.GetRequiredService(type), provider.GetRequiredService(type));
        }

        Assert.Equal(20.0, provider.GetRequiredService<NpsCalculator>().Compute(new[] { 10, 9, 8, 6, 10, 7, 3, 9, 10, 0 }).Score!.Value, 9);
        Assert.Equal(AlertLevel.Red, provider.GetRequiredService<LowScoreAlerter>().Evaluate(3, AnsweredAt).Level);
        Assert.Equal(DetractorGrade.B, provider.GetRequiredService<DetractorGrader>().Grade(new DetractorCase(6, AnsweredAt))!.Grade);
        Assert.Equal(0.85, provider.GetRequiredService<RescuePlaybook>().ExpectedSuccess(Duration.FromHours(5)));
        Assert.Equal(0, provider.GetRequiredService<RescueStatistics>().ForMonth([], new YearMonth(2026, 3), Shanghai).LowScores);
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Calling_AddRetentionNps_twice_registers_one_of_each_and_applies_both_configure_delegates()
    {
        var services = new ServiceCollection();
        services.AddRetentionNps(o => o.ConfidenceZ = 2.58);
        services.AddRetentionNps(o => o.Grades.B.CompensationAuthority = 800m);

        foreach (var type in Services.Append(typeof(IValidateOptions<NpsOptions>)))
        {
            Assert.Single(services, d => d.ServiceType == type);
        }

        using var provider = services.BuildServiceProvider();
        Assert.IsType<NpsOptionsValidator>(Assert.Single(provider.GetServices<IValidateOptions<NpsOptions>>()));
        Assert.Equal(2.58, provider.GetRequiredService<NpsCalculator>().Compute(new[] { 9, 0 }).Z);
        Assert.False(provider.GetRequiredService<DetractorGrader>().ApprovalFor(DetractorGrade.B, 600m).Needed);
    }

    [Fact]
    public void Null_services_are_bad_input()
    {
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => NpsServiceCollectionExtensions.AddRetentionNps(null!)).ParamName);
    }

    [Fact]
    public void Binding_the_Retention_Nps_section_from_JSON_changes_behaviour()
    {
        const string json = """
            {
              "Retention": {
                "Nps": {
                  "ConfidenceZ": 2.58,
                  "Alerts": { "Red": { "RespondWithin": "01:00:00" }, "Yellow": { "Channels": "WeChat, Task" } },
                  "Grades": { "B": { "CompensationAuthority": 800 } },
                  "ResponseTimeEffect": { "FastWithin": "04:00:00" },
                  "EmotionWarning": { "ProgressQuestions": 3 }
                }
              }
            }
            """;
        using var provider = Bound(json);
        provider.GetRequiredService<IStartupValidator>().Validate();

        var summary = provider.GetRequiredService<NpsCalculator>().Compute(new[] { 10, 10, 10, 7, 0 });
        Assert.Equal(2.58 * Math.Sqrt((0.6 + 0.2 - (0.4 * 0.4)) / 5) * 100, summary.MarginOfError!.Value, 9);

        var alerter = provider.GetRequiredService<LowScoreAlerter>();
        var red = alerter.Evaluate(0, AnsweredAt);
        Assert.Equal(AnsweredAt + Duration.FromHours(1), red.Deadline);
        Assert.Equal((StaffRole?)StaffRole.ServiceManager, red.Notify); // unbound values keep their defaults
        Assert.Equal((StaffRole?)StaffRole.RegionalManager, red.EscalateTo);
        Assert.Equal(AlertChannels.Sms | AlertChannels.Phone, red.Channels);
        Assert.Equal(AlertChannels.WeChat | AlertChannels.Task, alerter.Evaluate(5, AnsweredAt).Channels);

        Assert.False(provider.GetRequiredService<DetractorGrader>().ApprovalFor(DetractorGrade.B, 600m).Needed);
        var playbook = provider.GetRequiredService<RescuePlaybook>();
        Assert.Equal(0.65, playbook.ExpectedSuccess(Duration.FromHours(5)));
        Assert.Equal(EmotionLevel.None, playbook.EmotionLevelOf(new VisitMood(0, 2, false)));
    }

    [Fact]
    public void Binding_from_a_JSON_file_works_like_from_memory()
    {
        string path = Path.Combine(Path.GetTempPath(), $"retention-nps-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "Retention": { "Nps": { "PassiveFrom": 8, "PromoterFrom": 10, "Grades": { "AUpTo": 6 } } } }""");
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(path).Build();
            var services = new ServiceCollection().AddRetentionNps();
            services.AddOptions<NpsOptions>().Bind(configuration.GetSection(NpsOptions.SectionName));
            using var provider = services.BuildServiceProvider();

            Assert.Equal(NpsClass.Detractor, provider.GetRequiredService<NpsCalculator>().Classify(7));
            Assert.Equal(NpsClass.Passive, provider.GetRequiredService<NpsCalculator>().Classify(9));
            Assert.Equal(DetractorGrade.A, provider.GetRequiredService<DetractorGrader>().Grade(new DetractorCase(6, AnsweredAt))!.Grade);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Invalid_configuration_fails_start_up_validation_naming_the_option()
    {
        using var provider = Bound("""{ "Retention": { "Nps": { "Alerts": { "YellowUpTo": 2 } } } }""");

        var startup = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Alerts.YellowUpTo", startup.Message, StringComparison.Ordinal);
        Assert.Contains(startup.Failures, f => f.StartsWith("Alerts.YellowUpTo: must be greater than Alerts.RedUpTo (3) (was 2)", StringComparison.Ordinal));

        var onUse = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<NpsOptions>>().Value);
        Assert.Contains("Alerts.YellowUpTo", onUse.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<LowScoreAlerter>());
    }

    [Fact]
    public void A_bad_escalation_in_configuration_fails_start_up_naming_it()
    {
        using var provider = Bound("""{ "Retention": { "Nps": { "ConfidenceZ": -1, "Alerts": { "Red": { "EscalateTo": "ServiceAdvisor" } } } } }""");

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Alerts.Red.EscalateTo", e.Message, StringComparison.Ordinal);
        Assert.Contains("ConfidenceZ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_configure_delegate_fails_start_up_validation()
    {
        using var provider = new ServiceCollection()
            .AddRetentionNps(o => o.Rescue.InvestigateBy = TimeSpan.FromHours(3))
            .BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Rescue.InvestigateBy", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_changed_after_a_service_is_resolved_do_not_change_it()
    {
        using var provider = new ServiceCollection().AddRetentionNps().BuildServiceProvider();
        var alerter = provider.GetRequiredService<LowScoreAlerter>();

        provider.GetRequiredService<IOptions<NpsOptions>>().Value.Alerts.RedUpTo = 0;

        Assert.Equal(AlertLevel.Red, alerter.LevelOf(3));
        Assert.Same(alerter, provider.GetRequiredService<LowScoreAlerter>());
    }
}
