using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Retention.Tool.Tests.Support;

/// <summary>
/// An RFC 4180 reader written for the tests, independent of the tool's writer: fields separated by commas, a field in
/// double quotes may hold commas, line breaks and doubled double quotes; records end with LF or CRLF.
/// </summary>
public static class ScoreCsv
{
    /// <summary>Every record of a CSV text; a final line break does not start an empty record.</summary>
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case '"':
                    throw new FormatException($"a double quote inside an unquoted field at {i}");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    records.Add([.. fields]);
                    fields.Clear();
                    field.Clear();
                    any = false;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException("an unterminated quoted field");
        }

        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }

    /// <summary>The data rows of a scores file keyed by column name (the header is the first record).</summary>
    public static List<Dictionary<string, string>> Rows(string text)
    {
        var records = Parse(text);
        Assert.NotEmpty(records);
        string[] header = records[0];
        var rows = new List<Dictionary<string, string>>(records.Count - 1);
        for (int r = 1; r < records.Count; r++)
        {
            Assert.True(records[r].Length == header.Length, $"record {r + 1} has {records[r].Length} fields, the header {header.Length}: {string.Join("|", records[r])}");
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++)
            {
                row[header[i]] = records[r][i];
            }

            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>What one run of the tool as its own process printed and returned, standard output and error apart.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record ToolProcessRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

/// <summary>Runs the tool's assembly (copied next to the tests with its runtime configuration) with the .NET host, as a user would; used by every command's child-process test.</summary>
public static class ToolProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static async Task<ToolProcessRun> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(DotNetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(RetentionApp).Assembly.Location);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The tool did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using (var timeout = new CancellationTokenSource(Timeout))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, TestContext.Current.CancellationToken))
        {
            try
            {
                await process.WaitForExitAsync(linked.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }

        return new ToolProcessRun(process.ExitCode, await output, await error);
    }

    /// <summary>The .NET host: the one that runs the tests (<c>DOTNET_HOST_PATH</c>) or <c>dotnet</c> on the path.</summary>
    private static string DotNetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        string? root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        string name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        return !string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, name)) ? Path.Combine(root, name) : name;
    }
}
