using System;
using System.IO;
using System.Linq;
using Retention.Tool.Tests.Support;
using Retention.Workflows;
using Spectre.Console.Testing;
using Xunit;
using ContactChannel = Retention.Contact.ContactChannel;
using ContactPurpose = Retention.Contact.ContactPurpose;
using LocalizedText = Retention.Workflows.LocalizedText;
using RiskTier = Retention.Scoring.RiskTier;
using StaffRole = Retention.Scoring.StaffRole;

namespace Retention.Tool.Tests;

/// <summary>
/// <c>retention explain</c> end to end: every built-in workflow in the three formats, the settings file's options
/// changing what the built-ins say, configured definitions from files (one object or an array; the highest version wins,
/// a configured one wins a tie), broken definition files (exit 2 with the file and the reason) and unknown ids (exit 2
/// with the known ones).
/// </summary>
public class ExplainTests
{
    private static string Settings(string name) => Cli.Data("settings", name);

    private static string Workflow(string name) => Cli.Data("workflows", name);

    public static TheoryData<string> BuiltInIds() => new(BuiltInWorkflows.All.Select(d => d.Id));

    [Fact]
    public void There_are_fourteen_built_in_workflows_to_explain()
    {
        Assert.Equal(14, BuiltInIds().Count);
    }

    [Theory]
    [MemberData(nameof(BuiltInIds))]
    public void Text_shows_every_step_of_a_built_in_workflow(string id)
    {
        var definition = BuiltInWorkflows.All.Single(d => d.Id == id);

        var run = Cli.Run("explain", id);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.StartsWith($"{id} v1  {definition.Title.En}", run.Output, StringComparison.Ordinal);
        Assert.Contains("source: built-in, default options", run.Output, StringComparison.Ordinal);
        Assert.Contains(definition.Trigger.ToString(), run.Output, StringComparison.Ordinal);
        for (int i = 0; i < definition.Steps.Length; i++)
        {
            var step = definition.Steps[i];
            Assert.Contains($"{i + 1}. {step.Id}  {step.Title.En}", run.Output, StringComparison.Ordinal);
            Assert.Contains(step.Window.ToString(), run.Output, StringComparison.Ordinal);
            foreach (string script in step.ScriptIds)
            {
                Assert.Contains(script, run.Output, StringComparison.Ordinal);
            }
        }

        // Every outcome with where it leads, and one owner line per step.
        foreach (var route in definition.Steps.SelectMany(s => s.Routes).Where(r => r.Outcome != StepOutcomes.Skipped))
        {
            string target = route.Next is { } next ? $"step {definition.IndexOf(next) + 1}. {next}" : $"finish {route.Finish}";
            Assert.Contains($"{route.Outcome}{(route.EndsRecurrence ? " (at once, ending the recurrence)" : string.Empty)} -> {target}", run.Output, StringComparison.Ordinal);
        }

        Assert.Equal(definition.Steps.Length, run.Output.Split('\n').Count(l => l.TrimStart().StartsWith("owner ", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(BuiltInIds))]
    public void Text_in_Chinese_uses_the_Chinese_titles(string id)
    {
        var definition = BuiltInWorkflows.All.Single(d => d.Id == id);

        var run = Cli.Run("explain", id, "--locale", "zh-CN");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.StartsWith($"{id} v1  {definition.Title.ZhCn}", run.Output, StringComparison.Ordinal);
        foreach (var step in definition.Steps)
        {
            Assert.Contains($"{step.Id}  {step.Title.ZhCn}", run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("负责人", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(definition.Title.En, run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BuiltInIds))]
    public void Mermaid_is_the_package_s_flowchart_as_is(string id)
    {
        var definition = BuiltInWorkflows.All.Single(d => d.Id == id);

        var run = Cli.Run("explain", id, "--format", "mermaid");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(WorkflowDiagram.ToMermaidFlowchart(definition, "en"), run.StandardOutput);
    }

    [Theory]
    [MemberData(nameof(BuiltInIds))]
    public void Timeline_is_the_package_s_timeline_as_is_in_both_locales(string id)
    {
        var definition = BuiltInWorkflows.All.Single(d => d.Id == id);

        var en = Cli.Run("explain", id, "--format", "timeline");
        var zh = Cli.Run("explain", id, "--format", "timeline", "--locale", "zh-CN");

        Assert.True(en.ExitCode == 0, en.Output);
        Assert.Equal(WorkflowDiagram.ToMermaidTimeline(definition, "en"), en.StandardOutput);
        Assert.True(zh.ExitCode == 0, zh.Output);
        Assert.Equal(WorkflowDiagram.ToMermaidTimeline(definition, "zh-CN"), zh.StandardOutput);
    }

    [Fact]
    public void Mermaid_is_not_wrapped_on_a_narrow_console()
    {
        // A CI log is often 80 columns or fewer: a wrapped line would break the diagram.
        var console = new TestConsole().Width(40);

        int code = RetentionApp.Run(["explain", "risk.red", "--format", "mermaid"], console, NodaTime.SystemClock.Instance);

        Assert.Equal(0, code);
        Assert.Equal(WorkflowDiagram.ToMermaidFlowchart(BuiltInWorkflows.RedRecovery, "en"), console.Output);
    }

    [Fact]
    public void Text_shows_conditions_approvals_touches_and_escalation()
    {
        var run = Cli.Run("explain", "risk.red");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("valueScore >= 80 (otherwise skipped -> step 4. farewell)", run.Output, StringComparison.Ordinal);
        Assert.Contains("budget 3000, approved by GeneralManager", run.Output, StringComparison.Ordinal);
        Assert.Contains("Recovery (department aftersales, priority 50)", run.Output, StringComparison.Ordinal);
        Assert.Contains("escalates to RegionalManager (one role up)", run.Output, StringComparison.Ordinal);
        Assert.Contains("D+14..D+16 after the visit, then every 2 weeks, 6 times", run.Output, StringComparison.Ordinal);
        Assert.Contains("none (an internal step)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_settings_file_s_scoring_options_change_the_red_budget()
    {
        var defaults = Cli.Run("explain", "risk.red");
        var configured = Cli.Run("explain", "risk.red", "--settings", Settings("red-budget-4500.json"));

        Assert.True(defaults.ExitCode == 0, defaults.Output);
        Assert.Contains("full recovery (budget 3000)", defaults.Output, StringComparison.Ordinal);
        Assert.True(configured.ExitCode == 0, configured.Output);
        Assert.Contains("full recovery (budget 4500)", configured.Output, StringComparison.Ordinal);
        Assert.Contains("budget 4500, approved by GeneralManager", configured.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("budget 3000", configured.Output, StringComparison.Ordinal);
        Assert.Contains($"built-in, built from the Retention:Scoring and Retention:Nps options of {Settings("red-budget-4500.json")}", configured.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_settings_file_s_options_change_the_diagrams_too()
    {
        var mermaid = Cli.Run("explain", "risk.red", "--format", "mermaid", "--settings", Settings("red-budget-4500.json"));

        Assert.True(mermaid.ExitCode == 0, mermaid.Output);
        Assert.Contains("full recovery (budget 4500)", mermaid.Output, StringComparison.Ordinal);
        Assert.NotEqual(WorkflowDiagram.ToMermaidFlowchart(BuiltInWorkflows.RedRecovery, "en"), mermaid.StandardOutput);
    }

    [Fact]
    public void The_settings_file_s_workflow_options_change_the_escalation()
    {
        // red-budget-4500.json also turns Workflows:EscalateOneRoleUp off.
        var run = Cli.Run("explain", "risk.yellow", "--settings", Settings("red-budget-4500.json"));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("only marked overdue, not escalated (Workflows:EscalateOneRoleUp is off)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("one role up", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_rules_change_the_grade_B_rescue_deadline()
    {
        // samples/rules/appsettings.json: Nps:Grades:B:RespondWithin 12:00:00 (the default is 24 h).
        var run = Cli.Run("explain", "nps.rescue.b", "--settings", Cli.Repo("samples", "rules", "appsettings.json"));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("first response within 12 h", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("first response within 24 h", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_settings_file_with_problems_exits_1_and_lists_them()
    {
        var run = Cli.Run("explain", "risk.red", "--settings", Settings("tier-order.json"));

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Contains("Retention:Scoring:Tiers:OrangeFrom: must be greater than Tiers.YellowFrom (80) (was 75).", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("1. call", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_the_built_in_workflows_cannot_be_built_from_exit_1()
    {
        var run = Cli.Run("explain", "nps.rescue.a", "--settings", Settings("nps-response-before-grading.json"));

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Contains("Retention:Workflows: the built-in workflows cannot be built", run.Output, StringComparison.Ordinal);
        Assert.Contains("nps.rescue.a", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_settings_file_exits_2()
    {
        string missing = Path.Combine(Cli.TempFolder(), "appsettings.json");

        var run = Cli.Run("explain", "risk.red", "--settings", missing);

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains($"settings file not found: {missing}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_settings_file_without_the_root_section_warns_and_uses_the_defaults()
    {
        var run = Cli.Run("explain", "risk.red", "--settings", Settings("nested-section.json"));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("has no Retention section, so the built-in workflows use the packages' defaults", run.Output, StringComparison.Ordinal);
        Assert.Contains("risk.red v1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_diagram_stays_pure_Mermaid_when_there_is_something_to_warn_about()
    {
        var run = Cli.Run("explain", "risk.red", "--format", "mermaid", "--settings", Settings("nested-section.json"));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(WorkflowDiagram.ToMermaidFlowchart(BuiltInWorkflows.RedRecovery, "en"), run.StandardOutput);
        Assert.Contains("has no Retention section, so the built-in workflows use the packages' defaults", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_file_holding_one_definition_is_explained()
    {
        string file = Workflow("vip-welcome-back.json");

        var run = Cli.Run("explain", "vip.welcome-back", "--definition", file);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.StartsWith("vip.welcome-back v1  VIP welcome back", run.Output, StringComparison.Ordinal);
        Assert.Contains($"source: {file}", run.Output, StringComparison.Ordinal);
        Assert.Contains("Rule vip-not-seen (a trigger rule fires)", run.Output, StringComparison.Ordinal);
        Assert.Contains("1. call  The advisor calls to say hello", run.Output, StringComparison.Ordinal);
        Assert.Contains("Agreed -> step 2. gift", run.Output, StringComparison.Ordinal);
        Assert.Contains("valueScore > 80 (otherwise skipped -> finish Recovered)", run.Output, StringComparison.Ordinal);
        Assert.Contains("budget 300, approved by GeneralManager", run.Output, StringComparison.Ordinal);

        // Its script is not in the built-in catalog: said, not failed.
        Assert.Contains("warning: step 'call': script 'vip.care-call' is not in the catalog", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_definition_with_a_higher_version_wins_over_the_built_in()
    {
        string file = Workflow("store-overrides.json");

        var run = Cli.Run("explain", "risk.orange", "--definition", file);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.StartsWith("risk.orange v2  Orange-tier recovery, version 2 (respond within 2 days)", run.Output, StringComparison.Ordinal);
        Assert.Contains($"source: {file} [0]", run.Output, StringComparison.Ordinal);
        Assert.Contains("also v1 (built-in, default options), superseded by the one above", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("home-visit", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_definition_wins_a_tie_with_the_built_in()
    {
        string file = Workflow("store-overrides.json");

        var run = Cli.Run("explain", "churn.pre", "--definition", file, "--format", "timeline");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("title Pre-churn recovery, the store's own version (churn.pre v1)", run.Output, StringComparison.Ordinal);
        Assert.NotEqual(WorkflowDiagram.ToMermaidTimeline(BuiltInWorkflows.PreChurn, "en"), run.StandardOutput);
    }

    [Fact]
    public void Definition_files_add_to_each_other_and_to_the_built_ins()
    {
        var run = Cli.Run("explain", "vip.welcome-back", "--definition", Workflow("store-overrides.json"), "--definition", Workflow("vip-welcome-back.json"), "--locale", "zh-CN");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.StartsWith("vip.welcome-back v1  VIP回店欢迎", run.Output, StringComparison.Ordinal);
        Assert.Contains("第1至3天（D1-D3）", run.Output, StringComparison.Ordinal);
        Assert.Contains("服务顾问 ServiceAdvisor", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_built_in_code_and_serialised_is_explained_as_built()
    {
        var definition = new WorkflowBuilder("risk.red", 3, new LocalizedText("红色预警挽回（第3版）", "Red-tier recovery, version 3"))
            .StartsOn(WorkflowTrigger.RiskTierEntered(RiskTier.Red))
            .Step("call", new LocalizedText("总经理致电", "The general manager calls"))
                .OwnedBy(StaffRole.GeneralManager).Via(ContactChannel.Phone).Script("risk.red.gm-call")
                .Within(StepWindow.Hours(0, 12)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("visit", new LocalizedText("上门拜访", "Home visit"))
                .OwnedBy(StaffRole.GeneralManager).Via(ContactChannel.HomeVisit)
                .Within(StepWindow.Recurring(StepWindow.DaysAfter(WindowAnchor.AfterStep("call"), 1, 2), 1, RecurrenceUnit.Weeks, 2))
                .On(StepOutcomes.Done).Finish(WorkflowOutcome.Recovered)
                .On(StepOutcomes.Refused).AtOnce().Finish(WorkflowOutcome.NotRecovered)
            .Build();
        string file = Path.Combine(Cli.TempFolder(), "risk-red-v3.json");
        File.WriteAllText(file, WorkflowJson.Serialize(definition));

        var mermaid = Cli.Run("explain", "risk.red", "--definition", file, "--format", "mermaid");
        var text = Cli.Run("explain", "risk.red", "--definition", file, "--locale", "zh-CN");

        Assert.True(mermaid.ExitCode == 0, mermaid.Output);
        Assert.Equal(WorkflowDiagram.ToMermaidFlowchart(definition, "en"), mermaid.StandardOutput);
        Assert.True(text.ExitCode == 0, text.Output);
        Assert.StartsWith("risk.red v3  红色预警挽回（第3版）", text.Output, StringComparison.Ordinal);
        Assert.Contains("开始后0-12小时", text.Output, StringComparison.Ordinal);
        Assert.Contains("步骤 call 完成后第1至2天，此后每周一次，共2次", text.Output, StringComparison.Ordinal);
        Assert.Contains("Refused（立即，不再重复） -> 结束：未挽回 NotRecovered", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_defining_the_same_version_differently_exit_2()
    {
        string folder = Cli.TempFolder();
        string copy = Path.Combine(folder, "vip.json");
        File.WriteAllText(copy, File.ReadAllText(Workflow("vip-welcome-back.json")).Replace("VIP welcome back", "VIP welcome home", StringComparison.Ordinal));

        var run = Cli.Run("explain", "vip.welcome-back", "--definition", Workflow("vip-welcome-back.json"), "--definition", copy);

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains("workflow 'vip.welcome-back' v1 is defined differently in", run.Output, StringComparison.Ordinal);
        Assert.Contains(copy, run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("broken-unknown-step.json", "step 'call': outcome Agreed leads to step 'thank-you', which does not exist")]
    [InlineData("broken-wrong-type.json", "(line 3, at $.version): not a valid workflow definition")]
    [InlineData("broken-in-array.json", "(line 165, at $[1].steps[1].approver): not a valid workflow definition")]
    [InlineData("broken-not-json.json", "is not valid JSON")]
    public void A_broken_definition_file_exits_2_with_the_file_and_the_reason(string name, string reason)
    {
        string file = Workflow(name);

        var run = Cli.Run("explain", "vip.welcome-back", "--definition", file);

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains($"error: {file}", run.Output, StringComparison.Ordinal);
        Assert.Contains(reason, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("1. call", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_definition_array_and_a_missing_definition_file_exit_2()
    {
        string folder = Cli.TempFolder();
        string empty = Path.Combine(folder, "empty.json");
        File.WriteAllText(empty, "[]");

        var emptyRun = Cli.Run("explain", "risk.red", "--definition", empty);
        var missingRun = Cli.Run("explain", "risk.red", "--definition", Path.Combine(folder, "missing.json"));

        Assert.True(emptyRun.ExitCode == 2, emptyRun.Output);
        Assert.Contains("holds an empty array", emptyRun.Output, StringComparison.Ordinal);
        Assert.True(missingRun.ExitCode == 2, missingRun.Output);
        Assert.Contains("workflow definition file not found", missingRun.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_workflow_exits_2_and_lists_the_known_ones()
    {
        var run = Cli.Run("explain", "risk.purple", "--definition", Workflow("vip-welcome-back.json"));

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains("error: there is no workflow 'risk.purple'.", run.Output, StringComparison.Ordinal);
        foreach (var definition in BuiltInWorkflows.All)
        {
            Assert.Contains(definition.Id, run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("vip.welcome-back", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_in_the_wrong_case_gets_a_suggestion()
    {
        var run = Cli.Run("explain", "Risk.Red");

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains("did you mean risk.red?", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_without_a_settings_file_exits_2()
    {
        var run = Cli.Run("explain", "risk.red", "--section", "Dealer:Retention");

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains("--section applies to the --settings file", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "svg")]
    [InlineData("--locale", "fr")]
    public void A_bad_option_value_exits_2(string option, string value)
    {
        var run = Cli.Run("explain", "risk.red", option, value);

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains(value, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("1. call", run.Output, StringComparison.Ordinal);
    }
}
