using System;
using System.IO;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Retention.Workflows.Tests.Support;
using Xunit;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests;

/// <summary>Conventions: registration in dependency injection, configuration binding and start-up validation.</summary>
public class DependencyInjectionTests
{
    [Fact]
    public void AddRetentionWorkflows_resolves_the_engine_with_the_registered_definitions_as_singletons()
    {
        using var provider = new ServiceCollection()
            .AddRetentionWorkflows()
            .AddWorkflowDefinition(Small)
            .AddWorkflowDefinition(SmallVersion(2))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();

        var engine = provider.GetRequiredService<WorkflowEngine>();
        Assert.Same(engine, provider.GetRequiredService<WorkflowEngine>());
        Assert.Same(provider.GetRequiredService<WorkflowRegistry>(), engine.Definitions);
        Assert.Equal([1, 2], engine.Definitions.Versions("test.small"));
        Assert.Equal(Local(Shanghai, 2026, 3, 12, 0), engine.Start(Small, "C1", WorkflowContext.Empty, Start).Instance.StateOf("call")!.DueAt);
    }

    [Fact]
    public void Calling_it_twice_registers_one_of_each_and_applies_both_configure_delegates()
    {
        var services = new ServiceCollection();
        services.AddRetentionWorkflows(o => o.StoreTimeZone = "Europe/Berlin");
        services.AddRetentionWorkflows(o => o.TouchPriority = 7);
        services.AddWorkflowDefinition(Small);

        Assert.Single(services, d => d.ServiceType == typeof(WorkflowEngine));
        Assert.Single(services, d => d.ServiceType == typeof(WorkflowRegistry));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<WorkflowOptions>));
        using var provider = services.BuildServiceProvider();
        var t = provider.GetRequiredService<WorkflowEngine>().Start(Small, "C1", WorkflowContext.Empty, Start);
        Assert.Equal("Europe/Berlin", t.Instance.StoreZoneId);
        Assert.Equal(7, Assert.Single(Of<PlanTouch>(t)).Priority);
    }

    [Fact]
    public void Binding_the_Retention_Workflows_section_from_JSON_changes_behaviour()
    {
        const string json = """{ "Retention": { "Workflows": { "StoreTimeZone": "Europe/Berlin", "EscalateOneRoleUp": false, "EscalationGrace": "01:00:00", "TouchDepartment": "crm" } } }""";
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection().AddRetentionWorkflows().AddWorkflowDefinition(Small);
        services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.SectionName));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var engine = provider.GetRequiredService<WorkflowEngine>();
        var t = engine.Start(Small, "C1", WorkflowContext.Empty, Start);
        Assert.Equal("crm", Assert.Single(Of<PlanTouch>(t)).Department);
        var tick = engine.Tick(t.Instance, Start + Duration.FromDays(9));
        Assert.Equal(StepStatus.Overdue, tick.Instance.StateOf("call")!.Status);
        Assert.Empty(tick.Commands);
    }

    [Fact]
    public void Invalid_configuration_fails_start_up_naming_the_options()
    {
        using var provider = new ServiceCollection()
            .AddRetentionWorkflows(o =>
            {
                o.StoreTimeZone = "Asia/Atlantis";
                o.EscalationGrace = TimeSpan.FromDays(-1);
                o.TouchDepartment = " ";
            })
            .BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(e.Failures, f => f.StartsWith("StoreTimeZone: must be an IANA time zone id", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("EscalationGrace: must be from 00:00:00 to 30 days (was -1.00:00:00)", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("TouchDepartment:", StringComparison.Ordinal));
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<WorkflowEngine>());
    }

    [Fact]
    public void Two_different_definitions_with_one_id_and_version_fail_when_the_registry_is_built()
    {
        var changed = new WorkflowBuilder("test.small", 1, T("Other"))
            .Step("x", T("X")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 1)).On("Done").Finish(WorkflowOutcome.Recovered).Build();
        using var provider = new ServiceCollection().AddRetentionWorkflows().AddWorkflowDefinition(Small).AddWorkflowDefinition(changed).BuildServiceProvider();

        Assert.Throws<WorkflowDefinitionException>(() => provider.GetRequiredService<WorkflowRegistry>());
    }

    [Fact]
    public void Null_arguments_are_bad_input()
    {
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => WorkflowServiceCollectionExtensions.AddRetentionWorkflows(null!)).ParamName);
        Assert.Equal("definition", Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddWorkflowDefinition(null!)).ParamName);
    }

    [Fact]
    public void The_validator_accepts_the_defaults_and_the_edges_of_each_range()
    {
        Assert.Empty(WorkflowOptionsValidator.Collect(new WorkflowOptions()));
        Assert.Empty(WorkflowOptionsValidator.Collect(new WorkflowOptions { EscalationGrace = TimeSpan.FromDays(30), TouchPriority = 1000 }));
        Assert.Single(WorkflowOptionsValidator.Collect(new WorkflowOptions { EscalationGrace = TimeSpan.FromDays(30) + TimeSpan.FromTicks(1) }));
        Assert.Single(WorkflowOptionsValidator.Collect(new WorkflowOptions { TouchPriority = 1001 }));
        Assert.True(new WorkflowOptionsValidator().Validate(null, new WorkflowOptions()).Succeeded);
    }
}
