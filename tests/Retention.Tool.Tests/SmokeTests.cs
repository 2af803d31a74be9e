using Retention.Tool.Tests.Support;
using Xunit;

namespace Retention.Tool.Tests;

/// <summary>The command line itself: help, unknown commands, exit codes.</summary>
public class SmokeTests
{
    [Fact]
    public void Help_lists_the_four_commands_and_exits_0()
    {
        var run = Cli.Run("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (string command in new[] { "validate", "test", "score", "explain" })
        {
            Assert.Contains(command, run.Output, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_prints_the_package_version_and_exits_0()
    {
        var run = Cli.Run("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(RetentionApp.Version, run.StandardOutput.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", RetentionApp.Version); // no "+commit" suffix
    }

    [Fact]
    public void An_unknown_command_exits_2_and_points_to_the_help()
    {
        var run = Cli.Run("bogus");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bogus", run.Output, System.StringComparison.Ordinal);
        Assert.Contains("--help", run.Output, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate", "--sectoin")]
    [InlineData("test", "--junti")]
    [InlineData("explain", "--fromat")]
    public void A_misspelt_option_is_an_error_not_silently_ignored(string command, string option)
    {
        string[] args = command switch
        {
            "validate" => ["validate", Cli.Repo("samples", "rules", "appsettings.json"), option, "x"],
            "test" => ["test", Cli.Repo("samples", "rules", "appsettings.json"), Cli.Repo("samples", "rules", "cases.csv"), option, "x.xml"],
            _ => ["explain", "risk.red", option, "mermaid"],
        };

        var run = Cli.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Unknown option '{option.TrimStart('-')}'", run.Output, System.StringComparison.Ordinal);
    }
}
