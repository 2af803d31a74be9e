using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Retention.Workflows.Tests.Triggers;

/// <summary>Conventions: AddRetentionWorkflows registers the trigger evaluator and the KPIs, with their options validated at start-up.</summary>
public class TriggerAndKpiRegistrationTests
{
    [Fact]
    public void The_evaluator_and_the_kpis_resolve_as_singletons()
    {
        using var provider = new ServiceCollection().AddRetentionWorkflows().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.Same(provider.GetRequiredService<TriggerEvaluator>(), provider.GetRequiredService<TriggerEvaluator>());
        Assert.Same(provider.GetRequiredService<WorkflowKpis>(), provider.GetRequiredService<WorkflowKpis>());
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Bad_trigger_options_stop_the_host_at_start_up()
    {
        var services = new ServiceCollection().AddRetentionWorkflows();
        services.Configure<TriggerOptions>(o => o.DisabledRules.Add("no-such-rule"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("DisabledRules", error.Message, StringComparison.Ordinal);
    }
}
