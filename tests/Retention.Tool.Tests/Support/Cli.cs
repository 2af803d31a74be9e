using System;
using System.IO;
using Spectre.Console.Testing;

namespace Retention.Tool.Tests.Support;

/// <summary>What one run of the tool printed and returned.</summary>
/// <param name="ExitCode">The exit code (0 ok, 1 the check failed, 2 the tool could not run).</param>
/// <param name="StandardOutput">What went to standard output (CSV or Mermaid must stay pure here).</param>
/// <param name="Error">What went to standard error: error lines, and warnings and summaries beside CSV or Mermaid output.</param>
public sealed record ToolRun(int ExitCode, string StandardOutput, string Error)
{
    /// <summary>Everything the run printed: standard output, then standard error.</summary>
    public string Output => StandardOutput + Error;
}

/// <summary>Runs the tool in process, as <c>retention args...</c> would, and finds the repository's files.</summary>
public static class Cli
{
    /// <summary>
    /// Runs the tool with the arguments on non-interactive test consoles, one for standard output and one for standard
    /// error. They are wide enough that no line wraps, whatever the length of the checkout's path: a wrapped line would
    /// make a test depend on where the repository was cloned.
    /// </summary>
    public static ToolRun Run(params string[] args)
    {
        var console = new TestConsole().Width(Wide);
        var errors = new TestConsole().Width(Wide);
        int code = RetentionApp.Run(args, console, NodaTime.SystemClock.Instance, errors);
        return new ToolRun(code, console.Output, errors.Output);
    }

    private const int Wide = 4000;

    /// <summary>A file under the test assembly's <c>data</c> folder (copied from tests/Retention.Tool.Tests/data).</summary>
    public static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    /// <summary>A file of the repository, found by walking up from the test assembly to the folder holding Retention.Domain.sln.</summary>
    public static string Repo(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Retention.Domain.sln")))
        {
            dir = dir.Parent;
        }

        return dir is null ? throw new InvalidOperationException("Retention.Domain.sln not found above " + AppContext.BaseDirectory) : Path.Combine([dir.FullName, .. parts]);
    }

    /// <summary>A fresh temporary folder for one test.</summary>
    public static string TempFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "retention-tool-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
