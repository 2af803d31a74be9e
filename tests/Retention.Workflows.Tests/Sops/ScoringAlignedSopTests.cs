using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Retention.Nps;
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
        o.Decision.OrangeBudget = 900m;
        o.Tiers.Yellow.RecoveryCostMax = 450m;
        return o;
    }

    [Fact]
    public void With_default_options_the_definitions_are_the_built_ins()
    {
        Assert.Equal(BuiltInWorkflows.All, BuiltInWorkflows.For(new ScoringOptions()));
        Assert.Equal(BuiltInWorkflows.All, BuiltInWorkflows.For(new ScoringOptions(), new NpsOptions()));
    }

    [Fact]
    public void Changed_nps_grades_and_rescue_deadlines_change_the_rescues_responder_deadline_authority_and_approver()
    {
        var nps = new NpsOptions();
        nps.Grades.B.RespondWithin = System.TimeSpan.FromHours(12);
        nps.Grades.B.CompensationAuthority = 800m;
        nps.Grades.B.Approver = Retention.Nps.StaffRole.StoreManager;
        nps.Grades.A.Responder = Retention.Nps.StaffRole.CustomerServiceSupervisor;
        nps.Rescue.SolutionBy = System.TimeSpan.FromHours(16);
        var defs = BuiltInWorkflows.For(new ScoringOptions(), nps);
        var b = defs.Single(d => d.Id == "nps.rescue.b");
        var a = defs.Single(d => d.Id == "nps.rescue.a");

        Assert.Equal("2-12 h", b.GetStep("first-contact").Window.ToString());
        Assert.Equal(Retention.Scoring.StaffRole.StoreManager, b.GetStep("approve").Owner);
        Assert.Contains("800", b.GetStep("design").Title.En, System.StringComparison.Ordinal);
        Assert.Equal("4-12 h after step 'first-contact'", b.GetStep("design").Window.ToString());
        Assert.Equal(Retention.Scoring.StaffRole.CustomerServiceSupervisor, a.GetStep("first-contact").Owner);
        Assert.Equal("8-16 h", a.GetStep("design").Window.ToString());
        Assert.Equal("16-24 h", a.GetStep("start").Window.ToString());
        Assert.Equal("16-72 h", a.GetStep("execute").Window.ToString());
        nps.Rescue.ExecutionStartsWithin = System.TimeSpan.FromHours(30);
        Assert.Equal("16-30 h", BuiltInWorkflows.For(new ScoringOptions(), nps).Single(d => d.Id == "nps.rescue.a").GetStep("start").Window.ToString());
        Assert.Same(BuiltInWorkflows.PreChurn, defs.Single(d => d.Id == "churn.pre"));
    }

    [Fact]
    public void A_grade_whose_first_response_is_due_before_the_investigation_keeps_the_later_steps_on_the_answers_clock()
    {
        var nps = new NpsOptions();
        nps.Grades.B.RespondWithin = System.TimeSpan.FromHours(7);
        var b = BuiltInWorkflows.For(new ScoringOptions(), nps).Single(d => d.Id == "nps.rescue.b");

        Assert.Equal("2-7 h", b.GetStep("first-contact").Window.ToString());
        Assert.Equal("4-8 h", b.GetStep("investigate").Window.ToString());
    }

    [Fact]
    public void AddBuiltInWorkflows_uses_the_registered_nps_options()
    {
        var services = new ServiceCollection().AddRetentionNps(o => o.Grades.S.Approver = Retention.Nps.StaffRole.GeneralManager);
        services.AddRetentionWorkflows().AddBuiltInWorkflows();
        using var provider = services.BuildServiceProvider();

        var s = provider.GetRequiredService<WorkflowRegistry>().Latest("nps.rescue.s");
        Assert.Equal(Retention.Scoring.StaffRole.GeneralManager, s.GetStep("approve").Owner);
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
        Assert.Equal(1800m, defs.Single(d => d.Id == "risk.orange").GetStep("meeting-home-visit").Approval!.Amount);
        Assert.Equal("valueScore > 75", string.Join(" && ", defs.Single(d => d.Id == "risk.orange").GetStep("meeting-home-visit").Conditions));
        Assert.Equal(900m, defs.Single(d => d.Id == "risk.orange").GetStep("meeting").Approval!.Amount);
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
