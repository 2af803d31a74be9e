using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;
using static Retention.Scoring.Tests.Support.Customers;

namespace Retention.Scoring.Tests;

/// <summary>Conventions: registration in dependency injection, configuration binding and start-up validation.</summary>
public class DependencyInjectionTests
{
    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    private static ServiceProvider Bound(string json)
    {
        var services = new ServiceCollection();
        services.AddRetentionScoring();
        services.AddOptions<ScoringOptions>().Bind(Json(json).GetSection(ScoringOptions.SectionName));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AddRetentionScoring_resolves_the_scorer_valuation_planner_and_ROI_calculator_as_singletons()
    {
        using var provider = new ServiceCollection().AddRetentionScoring().BuildServiceProvider();

        Assert.Equal(47.5, provider.GetRequiredService<RiskScorer>().Score(WorkedExample, AsOf).Score, 9);
        Assert.Equal(7000m, provider.GetRequiredService<CustomerValuation>().LifetimeValue(3000m));
        Assert.Equal(DecisionRule.RedHighValue, provider.GetRequiredService<RecoveryPlanner>().Decide(Unhappy(170), AsOf, 85).Rule);
        Assert.Equal(3m, provider.GetRequiredService<RoiCalculator>().HorizonYears);
        Assert.Same(provider.GetRequiredService<RiskScorer>(), provider.GetRequiredService<RiskScorer>());
        Assert.Same(provider.GetRequiredService<RecoveryPlanner>(), provider.GetRequiredService<RecoveryPlanner>());
    }

    [Fact]
    public void Calling_AddRetentionScoring_twice_registers_one_of_each_and_applies_both_configure_delegates()
    {
        var services = new ServiceCollection();
        services.AddRetentionScoring(o => o.Tiers.YellowFrom = 55);
        services.AddRetentionScoring(o => o.Risk.MissingSignals = MissingSignalPolicy.Rescale);

        foreach (var type in new[] { typeof(RiskScorer), typeof(CustomerValuation), typeof(RecoveryPlanner), typeof(RoiCalculator), typeof(IValidateOptions<ScoringOptions>) })
        {
            Assert.Single(services, d => d.ServiceType == type);
        }

        using var provider = services.BuildServiceProvider();
        var scorer = provider.GetRequiredService<RiskScorer>();
        Assert.Equal(RiskTier.Yellow, scorer.TierOf(57));
        Assert.Equal(32.5 * 100 / 85, scorer.Score(WorkedExample with { AppOpensPerMonth = null }, AsOf).Score, 9);
    }

    [Fact]
    public void Configure_delegate_applies()
    {
        using var provider = new ServiceCollection()
            .AddRetentionScoring(o =>
            {
                o.Tiers.YellowFrom = 40;
                o.Decision.RedFullRecoveryBudget = 4000m;
                o.Value.AcquisitionCost = 0m;
            })
            .BuildServiceProvider();

        Assert.Equal(RiskTier.Yellow, provider.GetRequiredService<RiskScorer>().Score(WorkedExample, AsOf).Tier);
        Assert.Equal(4000m, provider.GetRequiredService<RecoveryPlanner>().Decide(Unhappy(170), AsOf, 85).Budget);
        Assert.Equal(7500m, provider.GetRequiredService<CustomerValuation>().LifetimeValue(3000m));
    }

    [Fact]
    public void Null_services_are_bad_input()
    {
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => ScoringServiceCollectionExtensions.AddRetentionScoring(null!)).ParamName);
    }

    [Fact]
    public void Binding_the_Retention_Scoring_section_from_JSON_changes_behaviour()
    {
        const string json = """
            {
              "Retention": {
                "Scoring": {
                  "Tiers": { "YellowFrom": 55, "Red": { "Owner": "RegionalManager", "RespondWithin": "12:00:00" } },
                  "Risk": { "MissingSignals": "Rescale" },
                  "Stages": { "PreChurnFrom": 60 },
                  "Value": { "HighTierAbove": 8000 },
                  "Strategy": { "PreChurnLow": { "Channels": "Sms, WeChat" } },
                  "Roi": { "HorizonYears": 2 }
                }
              }
            }
            """;
        using var provider = Bound(json);
        provider.GetRequiredService<IStartupValidator>().Validate();
        var scorer = provider.GetRequiredService<RiskScorer>();
        var planner = provider.GetRequiredService<RecoveryPlanner>();

        Assert.Equal(RiskTier.Yellow, scorer.TierOf(57));
        Assert.Equal(RiskTier.Orange, scorer.TierOf(75)); // unbound values keep their defaults
        Assert.Equal(32.5 * 100 / 85, scorer.Score(WorkedExample with { AppOpensPerMonth = null }, AsOf).Score, 9);
        Assert.Equal(ChurnStage.PreChurn, scorer.StageOf(60));
        Assert.Equal(StaffRole.RegionalManager, scorer.ProfileOf(RiskTier.Red).Owner);
        Assert.Equal(NodaTime.Duration.FromHours(12), scorer.ProfileOf(RiskTier.Red).RespondWithin);
        Assert.Equal(ValueTier.Mid, provider.GetRequiredService<CustomerValuation>().TierOf(6000m));
        Assert.Equal(RecoveryChannels.Sms | RecoveryChannels.WeChat, planner.StrategyFor(ChurnStage.PreChurn, ValueTier.Low)!.Channels);
        Assert.Equal(2m, provider.GetRequiredService<RoiCalculator>().HorizonYears);
    }

    [Fact]
    public void Binding_from_a_JSON_file_stream_works_like_from_memory()
    {
        string path = Path.Combine(Path.GetTempPath(), $"retention-scoring-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "Retention": { "Scoring": { "Tiers": { "YellowFrom": 55 } } } }""");
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(path).Build();
            var services = new ServiceCollection().AddRetentionScoring();
            services.AddOptions<ScoringOptions>().Bind(configuration.GetSection(ScoringOptions.SectionName));
            using var provider = services.BuildServiceProvider();

            Assert.Equal(RiskTier.Yellow, provider.GetRequiredService<RiskScorer>().TierOf(55));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Invalid_configuration_fails_start_up_validation_naming_the_option()
    {
        using var provider = Bound("""{ "Retention": { "Scoring": { "Tiers": { "OrangeFrom": 50 } } } }""");

        var startup = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Tiers.OrangeFrom", startup.Message, StringComparison.Ordinal);
        Assert.Contains(startup.Failures, f => f.StartsWith("Tiers.OrangeFrom: must be greater than Tiers.YellowFrom (60) (was 50)", StringComparison.Ordinal));

        var onUse = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ScoringOptions>>().Value);
        Assert.Contains("Tiers.OrangeFrom", onUse.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<RiskScorer>());
    }

    [Fact]
    public void Invalid_configure_delegate_fails_start_up_validation_naming_every_option()
    {
        using var provider = new ServiceCollection()
            .AddRetentionScoring(o =>
            {
                o.Risk.AppOpens.Weight = double.NaN;
                o.Roi.HorizonYears = -1m;
            })
            .BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Risk.AppOpens.Weight", e.Message, StringComparison.Ordinal);
        Assert.Contains("Roi.HorizonYears", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_configuration_passes_start_up_validation()
    {
        using var provider = Bound("""{ "Retention": { "Scoring": { "Tiers": { "OrangeFrom": 70 } } } }""");

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(RiskTier.Orange, provider.GetRequiredService<RiskScorer>().TierOf(70));
    }

    [Fact]
    public void Options_changed_after_the_scorer_is_resolved_do_not_change_it()
    {
        using var provider = new ServiceCollection().AddRetentionScoring().BuildServiceProvider();
        var scorer = provider.GetRequiredService<RiskScorer>();
        var planner = provider.GetRequiredService<RecoveryPlanner>();

        var options = provider.GetRequiredService<IOptions<ScoringOptions>>().Value;
        options.Tiers.YellowFrom = 10;
        options.Decision.RedFullRecoveryBudget = 1m;

        Assert.Equal(RiskTier.None, scorer.TierOf(50));
        Assert.Equal(3000m, planner.Decide(Unhappy(170), AsOf, 85).Budget);
        Assert.Same(scorer, provider.GetRequiredService<RiskScorer>());
    }

    [Fact]
    public void The_validator_is_registered_once_and_is_the_library_validator()
    {
        var services = new ServiceCollection().AddRetentionScoring().AddRetentionScoring();
        using var provider = services.BuildServiceProvider();

        var validator = Assert.Single(provider.GetServices<IValidateOptions<ScoringOptions>>());
        Assert.IsType<ScoringOptionsValidator>(validator);
        Assert.Equal(1, services.Count(d => d.ServiceType == typeof(IValidateOptions<ScoringOptions>)));
    }
}
