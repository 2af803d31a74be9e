using System;
using NodaTime;
using Retention.Tool.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retention.Tool;

/// <summary>
/// The command-line application: the commands, their help, and the exit codes. Exit codes: 0 success, 1 the check
/// failed (invalid options, failing cases, bad rows), 2 the tool could not run (bad arguments, unreadable files).
/// </summary>
internal static class RetentionApp
{
    /// <summary>The check ran and found nothing wrong.</summary>
    public const int Ok = 0;

    /// <summary>The check ran and found problems (invalid options, failing golden cases).</summary>
    public const int Failed = 1;

    /// <summary>The tool could not do its work: bad arguments, a missing or unreadable file.</summary>
    public const int Usage = 2;

    /// <summary>The tool's version (the package version), as <c>retention --version</c> prints it.</summary>
    public static string Version { get; } = VersionOf(typeof(RetentionApp).Assembly);

    /// <summary>The informational version without the source revision SourceLink appends (<c>1.0.0+abc123</c> is <c>1.0.0</c>).</summary>
    private static string VersionOf(System.Reflection.Assembly assembly)
    {
        string? version = System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(assembly)?.InformationalVersion;
        return string.IsNullOrEmpty(version) ? assembly.GetName().Version?.ToString() ?? "0.0.0" : version.Split('+')[0];
    }

    /// <summary>Runs the tool with the arguments, writing to <paramref name="console"/>.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="console">Where the output goes (the real terminal, or a test console).</param>
    /// <param name="clock">The clock for "today" when a command is given no date (<c>score</c> without <c>--as-of</c>).</param>
    /// <param name="errors">Where the tool's own error lines go (standard error for the real tool), or <see langword="null"/> for <paramref name="console"/>.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, IAnsiConsole console, IClock clock, IAnsiConsole? errors = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(clock);
        // Commands take the console through their constructor: ConfigureConsole registers it.
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("retention");
            config.SetApplicationVersion(Version); // retention --version, for CI logs
            config.Settings.Registrar.RegisterInstance(clock);
            config.Settings.Registrar.RegisterInstance(new ErrorOutput(errors ?? console));
            config.ConfigureConsole(console);
            config.PropagateExceptions();
            config.UseStrictParsing(); // a misspelt option (--junti) is an error, not silently ignored
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Bind every Retention package's options from an appsettings.json file as a host does, run their validators, build the built-in workflows and trigger rules from them, and list every problem by its configuration path. Exit 1 on a problem or when the root section is missing.")
                .WithExample("validate", "appsettings.json")
                .WithExample("validate", "appsettings.Production.json", "--section", "Dealer:Retention");
            config.AddCommand<TestCommand>("test")
                .WithDescription("Check golden customer cases (signals in, expected score / tier / stage / value tier / CLV / decision / rule / budget out) against the file's options. Exit 1 when a case fails or a row cannot be run.")
                .WithExample("test", "appsettings.json", "cases.csv")
                .WithExample("test", "appsettings.json", "cases.csv", "--as-of", "2026-11-23")
                .WithExample("test", "appsettings.json", "cases.csv", "--junit", "retention-cases.xml");
            config.AddCommand<ScoreCommand>("score")
                .WithDescription("Score a customer file (the DealerDay sample's schema), streaming, and write the scores as CSV (to -o, or to standard output with the summary on standard error). Exit 1 when rows were skipped.")
                .WithExample("score", "customers.csv", "-o", "scores.csv")
                .WithExample("score", "customers.csv", "-o", "scores.csv", "--settings", "appsettings.json", "--as-of", "2026-11-23", "--rejects", "rejects.csv")
                .WithExample("score", "customers.csv", ">", "scores.csv");
            config.AddCommand<ExplainCommand>("explain")
                .WithDescription("Print a built-in or configured workflow's steps, owners, windows, scripts, outcomes, escalation and approvals, as text, a Mermaid flowchart or a Mermaid timeline. An unknown id lists the known ones (exit 2).")
                .WithExample("explain", "risk.orange")
                .WithExample("explain", "nps.rescue.s", "--format", "mermaid")
                .WithExample("explain", "risk.red", "--settings", "appsettings.json", "--locale", "zh-CN")
                .WithExample("explain", "risk.orange", "--definition", "workflows/risk-orange-v2.json", "--format", "timeline");
        });

        try
        {
            return app.Run(args);
        }
        catch (CommandAppException e)
        {
            // Unknown command, bad option, missing argument: say what is wrong and how to get help.
            (errors ?? console).MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            (errors ?? console).MarkupLine("Run [bold]retention --help[/] (or [bold]retention <command> --help[/]) for the usage.");
            return Usage;
        }
        catch (ToolUsageException e)
        {
            (errors ?? console).MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return Usage;
        }
    }
}

/// <summary>
/// Where the tool's side-channel lines go (warnings and summaries that must not mix with CSV or Mermaid on standard
/// output): standard error for the real tool, a separate console in tests. Never the process's <c>Console.Error</c>
/// directly, so that runs in one process (tests in parallel) do not write into each other's output.
/// </summary>
/// <param name="Console">The console for error and side-channel lines.</param>
internal sealed record ErrorOutput(IAnsiConsole Console)
{
    /// <summary>The plain writer behind <see cref="Console"/>, for lines that need no markup.</summary>
    public System.IO.TextWriter Writer => Console.Profile.Out.Writer;
}

/// <summary>The tool cannot do its work because of its input (a missing file, a header without a required column): exit code 2.</summary>
internal sealed class ToolUsageException(string message) : Exception(message);
