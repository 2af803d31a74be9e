using System;
using NodaTime;
using Spectre.Console;

namespace Retention.Tool;

/// <summary>The <c>retention</c> command.</summary>
internal static class Program
{
    // The composition root: the system clock, the terminal. Output on standard output; the tool's error lines on standard error, so `retention score in.csv > out.csv` stays pure CSV.
    private static int Main(string[] args) =>
        RetentionApp.Run(args, AnsiConsole.Console, SystemClock.Instance, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));
}
