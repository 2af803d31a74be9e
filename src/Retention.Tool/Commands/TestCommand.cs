using System.ComponentModel;
using System.Threading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retention.Tool.Commands;

/// <summary><c>retention test</c> (to be written).</summary>
internal sealed class TestCommand(IAnsiConsole console) : Command<TestCommand.Settings>
{
    /// <summary>The command's arguments and options.</summary>
    public sealed class Settings : CommandSettings
    {
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        console.WriteLine("not written yet");
        return RetentionApp.Usage;
    }
}
