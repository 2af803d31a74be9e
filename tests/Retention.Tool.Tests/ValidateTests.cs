using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Retention.Tool.Tests.Support;
using Xunit;

namespace Retention.Tool.Tests;

/// <summary>
/// <c>retention validate</c> end to end on files in the repository: the sample rules are sound (exit 0); each broken file
/// fails (exit 1) naming the option by its configuration path; a missing root section fails with a hint; a missing or
/// non-JSON file is exit 2; warnings do not fail; and the built tool's real exit code, as its own process.
/// </summary>
public class ValidateTests
{
    private static readonly string SampleRules = Cli.Repo("samples", "rules", "appsettings.json");

    private static string Settings(string name) => Cli.Data("settings", name);

    /// <summary>Whether some line of the output is exactly the text, once trimmed (a problem's path is a line of its own).</summary>
    private static bool HasLine(string output, string text) =>
        output.Split('\n').Any(line => string.Equals(line.Trim(), text, StringComparison.Ordinal));

    [Fact]
    public void The_sample_rules_are_sound_and_exit_0()
    {
        var run = Cli.Run("validate", SampleRules);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("passed:", run.Output, StringComparison.Ordinal);
        Assert.Contains("configured: Scoring, Nps, Contact, Scripts, Workflows; defaults: none; 0 problems, 0 warnings", run.Output, StringComparison.Ordinal);
        Assert.Contains("built 14 built-in workflows from the Scoring and Nps options", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Problems (", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("failed:", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tier-order.json", "Retention:Scoring:Tiers:OrangeFrom", "must be greater than Tiers.YellowFrom (80) (was 75).")]
    [InlineData("misspelt-key.json", "Retention:Scoring:Tiers:YelowFrom", "matches no option of RiskTierOptions; did you mean YellowFrom?")]
    [InlineData("wrong-type.json", "Retention:Scoring:Tiers:YellowFrom", "\"abc\" is not a number.")]
    [InlineData("bad-time-zone.json", "Retention:Workflows:StoreTimeZone", "\"Mars/Olympus_Mons\"")]
    [InlineData("bad-trigger-condition.json", "Retention:Workflows:Triggers:Rules:0:Conditions:0:Value", "(was -5).")]
    [InlineData("nps-grade-window.json", "Retention:Nps:Grades:B:RespondWithin", "must be longer than zero (was 00:00:00).")]
    [InlineData("kpi-above-one.json", "Retention:Workflows:Kpis:CallAnsweredTarget", "must be from 0 to 1 (was 1.5).")]
    [InlineData("unknown-section.json", "Retention:Scorng", "is not a Retention section")]
    public void A_broken_file_fails_with_the_option_s_configuration_path(string file, string path, string reason)
    {
        var run = Cli.Run("validate", Settings(file));

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.True(HasLine(run.Output, path), $"no line '{path}' in:\n{run.Output}");
        Assert.Contains(reason, run.Output, StringComparison.Ordinal);
        Assert.Contains("Problems (1)", run.Output, StringComparison.Ordinal);
        Assert.Contains($"failed: {Settings(file)} has 1 problem, 0 warnings", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("passed:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Nps_grade_windows_the_validator_accepts_but_the_rescue_workflow_cannot_follow_fail_under_Workflows()
    {
        // Grade A's first response within 1 h ends before the 2 h grading step that leads to it: nps.rescue.a cannot be built.
        var run = Cli.Run("validate", Settings("nps-response-before-grading.json"));

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.True(HasLine(run.Output, "Retention:Workflows"), run.Output);
        Assert.Contains("the built-in workflows cannot be built from the Scoring and Nps options", run.Output, StringComparison.Ordinal);
        Assert.Contains("workflow 'nps.rescue.a' v1: step 'first-contact'", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_key_of_one_section_is_listed_not_just_the_binder_s_first()
    {
        // The configuration binder stops at its first failure; the tool binds again without each bad key.
        var run = Cli.Run("validate", Settings("many-bad-values.json"));

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Contains("Problems (7)", run.Output, StringComparison.Ordinal);
        Assert.True(HasLine(run.Output, "Retention:Scoring:Tiers:YellowFrom"), run.Output);
        Assert.True(HasLine(run.Output, "Retention:Scoring:Tiers:OrangeFrom"), run.Output);
        Assert.Contains("\"sixty\" is not a number.", run.Output, StringComparison.Ordinal);
        Assert.True(HasLine(run.Output, "Retention:Scoring:Decision:MinimumValueScoore"), run.Output);
        Assert.True(HasLine(run.Output, "Retention:Scoring:Decision:LostExceptionOwner"), run.Output);
        Assert.True(HasLine(run.Output, "Retention:Contact:OrdinaryCap"), run.Output);
        Assert.True(HasLine(run.Output, "Retention:Contact:VipCap"), run.Output);
        Assert.True(HasLine(run.Output, "Retention:Nps"), run.Output);
        Assert.Contains("must be a section of options (a JSON object), not the value \"5\".", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_file_is_listed_not_just_the_first()
    {
        var run = Cli.Run("validate", Settings("several-problems.json"));

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Contains("Problems (4)", run.Output, StringComparison.Ordinal);
        Assert.True(HasLine(run.Output, "Retention:Scoring:Decision:LostExceptionOwner"), run.Output);
        Assert.Contains("\"Boss\" is not one of ServiceAdvisor, CustomerServiceSupervisor, ServiceManager, StoreManager, GeneralManager, RegionalManager.", run.Output, StringComparison.Ordinal);
        Assert.True(HasLine(run.Output, "Retention:Contact:OrdinaryCapp"), run.Output);
        Assert.Contains("did you mean OrdinaryCap?", run.Output, StringComparison.Ordinal);
        Assert.True(HasLine(run.Output, "Retention:Workflows:TouchPriority"), run.Output);
        Assert.Contains("\"high\" is not a whole number.", run.Output, StringComparison.Ordinal);
        Assert.True(HasLine(run.Output, "Retention:Workflows:Kpis:OnTimeTarget"), run.Output);
        Assert.Contains("has 4 problems, 0 warnings", run.Output, StringComparison.Ordinal);
        Assert.Contains("configured: Scoring, Contact, Workflows; defaults: Nps, Scripts", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_root_section_fails_and_names_the_section_it_has()
    {
        var run = Cli.Run("validate", Settings("nested-section.json"));

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Contains("has no Retention section, so every option would be the packages' default", run.Output, StringComparison.Ordinal);
        Assert.Contains("(try --section Dealer:Retention)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("passed:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_nested_section_is_sound_when_section_points_to_it()
    {
        var run = Cli.Run("validate", Settings("nested-section.json"), "--section", "Dealer:Retention");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("is sound (section Dealer:Retention; configured: Scoring; defaults: Nps, Contact, Scripts, Workflows", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_option_naming_a_missing_section_fails_with_exit_1()
    {
        var run = Cli.Run("validate", SampleRules, "--section", "Retension");

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Contains("has no Retension section", run.Output, StringComparison.Ordinal);
        Assert.Contains("(try --section Retention)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_JSON_exits_2_saying_where_it_breaks()
    {
        var run = Cli.Run("validate", Settings("not-json.json"));

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains($"error: {Settings("not-json.json")} is not a readable JSON settings file", run.Output, StringComparison.Ordinal);
        Assert.Contains("LineNumber: 3", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        string missing = Path.Combine(Cli.TempFolder(), "appsettings.json");

        var run = Cli.Run("validate", missing);

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains($"error: settings file not found: {missing}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_arguments_exit_2()
    {
        var run = Cli.Run("validate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("SETTINGS", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_are_listed_but_do_not_fail_the_check()
    {
        // Without the built-in scripts the built-in workflows name scripts the catalog lacks, and a rule starts a custom workflow.
        var run = Cli.Run("validate", Settings("warnings-only.json"));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Warnings (", run.Output, StringComparison.Ordinal);
        Assert.Contains("built-in workflow risk.yellow names scripts the catalog lacks", run.Output, StringComparison.Ordinal);
        Assert.Contains("risk.yellow.supervisor-call (call, call-again)", run.Output, StringComparison.Ordinal);
        Assert.True(HasLine(run.Output, "Retention:Workflows:Triggers:Rules:0:WorkflowId"), run.Output);
        Assert.Contains("rule vip-welcome starts workflow 'vip.welcome-back', which is not a built-in", run.Output, StringComparison.Ordinal);
        Assert.Contains("passed:", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Problems (", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_output_follows_the_locale_but_paths_and_validator_messages_stay_as_written()
    {
        var run = Cli.Run("validate", Settings("tier-order.json"), "--locale", "zh-CN");

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Contains("问题（1）", run.Output, StringComparison.Ordinal);
        Assert.Contains("失败：", run.Output, StringComparison.Ordinal);
        Assert.True(HasLine(run.Output, "Retention:Scoring:Tiers:OrangeFrom"), run.Output);
        Assert.Contains("must be greater than Tiers.YellowFrom (80) (was 75).", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_built_tool_exits_1_on_a_broken_file_as_its_own_process()
    {
        string tool = typeof(RetentionApp).Assembly.Location;
        Assert.True(File.Exists(tool), tool);

        var run = await ToolProcess.RunAsync("validate", Settings("tier-order.json"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.True(HasLine(run.Output, "Retention:Scoring:Tiers:OrangeFrom"), run.ToString());
        Assert.Contains("failed:", run.Output, StringComparison.Ordinal);
    }
}
