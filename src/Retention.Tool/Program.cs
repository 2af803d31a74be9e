namespace Retention.Tool;

/// <summary>The <c>retention</c> command.</summary>
internal static class Program
{
    private static int Main(string[] args) => RetentionApp.Run(args, Spectre.Console.AnsiConsole.Console);
}
