using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Retention.Scoring;
using Xunit;

namespace Retention.Workflows.Tests.Sops;

/// <summary>workflows.md section 2 with scoring.md: the risk SOPs take their budgets and value-score lines from the scoring options.</summary>
public class ScoringAlignedSopTests
{
    private static ScoringOptions Custom()
    {
        var o = new ScoringOptions();
        o.Decision.RedFullRecoveryFrom = 85;
        o.Decision.RedMakeEffortFrom = 65;
        o.Decision.RedFullRecoveryBudget = 3500m;
        o.Decision.OrangeHomeVisitAbove = 75;
        o.Decision.OrangeHomeVisitBudget = 1800m;
        o.Tiers.Yellow.RecoveryCostMax = 450m;
        return o;
    }

    [Fact]
    public void With_default_options_the_definitions_are_the_built_ins()
    {
        Assert.Equal(BuiltInWorkflows.All, BuiltInWorkflows.For(new ScoringOptions()));
    }

    [Fact]
    public void Changed_scoring_figures_change_the_risk_SOPs_conditions_budgets_and_titles()
    {
        var defs = BuiltInWorkflows.For(Custom());
        var red = defs.Single(d => d.Id == "risk.red");
        var full = red.GetStep("full-recovery");

        Assert.Equal("valueScore >= 85", string.Join(" && ", full.Conditions));
        Assert.Equal(3500m, full.Approval!.Amount);
        Assert.Contains("85", full.Title.En, System.StringComparison.Ordinal);
        Assert.Equal("valueScore < 65", string.Join(" && ", red.GetStep("farewell").Conditions));
        Assert.Equal("valueScore > 75", string.Join(" && ", defs.Single(d => d.Id == "risk.orange").GetStep("home-visit").Conditions));
        Assert.Equal(1800m, defs.Single(d => d.Id == "risk.orange").GetStep("meeting").Approval!.Amount);
        Assert.Equal(450m, defs.Single(d => d.Id == "risk.yellow").GetStep("classify").Approval!.Amount);
        Assert.Same(BuiltInWorkflows.NpsRescueS, defs.Single(d => d.Id == "nps.rescue.s"));
    }

    [Fact]
    public void AddBuiltInWorkflows_uses_the_registered_scoring_options()
    {
        var services = new ServiceCollection().AddRetentionScoring(o => o.Decision.RedFullRecoveryBudget = 3500m);
        services.AddRetentionWorkflows().AddBuiltInWorkflows().AddBuiltInWorkflows();
        using var provider = services.BuildServiceProvider();

        var red = provider.GetRequiredService<WorkflowRegistry>().Latest("risk.red");
        Assert.Equal(3500m, red.GetStep("full-recovery").Approval!.Amount);
        Assert.Equal(14, services.Count(s => s.ServiceType == typeof(WorkflowDefinition)));
    }
}
