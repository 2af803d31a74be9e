using System;
using NodaTime;
using Spectre.Console;

namespace Retention.Tool;

/// <summary>The <c>retention</c> command.</summary>
internal static class Program
{
    // The composition root: the system clock, the terminal. Output on standard output; the tool's error lines on standard error, so `retention score in.csv > out.csv` stays pure CSV.
    private static int Main(string[] args)
    {
        var output = AnsiConsole.Console;
        var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

        // Redirected output is a CI log or a file: Spectre would wrap it at 80 columns, splitting a result line (and a
        // grep for it) wherever a long path pushes it over. Logs take long lines; a terminal keeps its own width.
        if (Console.IsOutputRedirected)
        {
            output.Profile.Width = LogWidth;
        }

        if (Console.IsErrorRedirected)
        {
            errors.Profile.Width = LogWidth;
        }

        return RetentionApp.Run(args, output, SystemClock.Instance, errors);
    }

    /// <summary>The line width for redirected output: wide enough that no result line wraps.</summary>
    private const int LogWidth = 1000;
}
