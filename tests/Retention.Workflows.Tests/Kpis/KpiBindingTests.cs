using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;
using NodaTime;
using Xunit;

namespace Retention.Workflows.Tests.Kpis;

/// <summary>The KPI options' step and outcome lists bound from configuration, as a host binds them.</summary>
public class KpiBindingTests
{
    private static KpiOptions Bind(string json)
    {
        var options = new KpiOptions();
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build().GetSection("Kpis").Bind(options);
        return options;
    }

    [Fact]
    public void A_configured_list_replaces_the_default_list_instead_of_adding_to_it()
    {
        var options = Bind("""{ "Kpis": { "CallStepIds": [ "call", "my-call" ], "PlanStepIds": [ "send-plan" ], "TopCount": 5 } }""");

        Assert.Equal(["call", "my-call"], options.CallStepIds);
        Assert.Equal(["send-plan"], options.PlanStepIds);
        Assert.Empty(options.NoAnswerOutcomes); // not configured: empty, so the KPIs use DefaultNoAnswerOutcomes
        Assert.Equal(5, options.TopCount);
        Assert.True(new KpiOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void A_configured_call_step_list_is_the_one_the_KPIs_count()
    {
        var engine = new WorkflowEngine(BuiltInWorkflows.Register(WorkflowRegistry.Empty));
        var start = Instant.FromUtc(2026, 3, 2, 1, 0);
        var later = start + Duration.FromHours(3);
        var i = engine.Start(BuiltInWorkflows.YellowRecovery, "C1", new WorkflowContext(RiskTier.Yellow, storeZoneId: "Asia/Shanghai"), start).Instance;
        i = engine.Apply(i, new StepCompleted("call", StepOutcomes.NoAnswer, start), start).Instance;
        i = engine.Apply(i, new StepCompleted("call-again", StepOutcomes.Done, later), later).Instance;
        var options = Bind("""{ "Kpis": { "CallStepIds": [ "call" ] } }""");

        var configured = new WorkflowKpis(options).Process([i], start + Duration.FromDays(1)).Single(k => k.Id == "process.call-answered");
        var byDefault = new WorkflowKpis(new KpiOptions()).Process([i], start + Duration.FromDays(1)).Single(k => k.Id == "process.call-answered");

        Assert.Equal((0, 1), (configured.Hits, configured.Count)); // only the first, unanswered call
        Assert.Equal((1, 2), (byDefault.Hits, byDefault.Count)); // the defaults count the retry too
    }
}
