using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Retention.Tests.Shared;
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

/// <summary>Runs the tool's assembly with the .NET host, as a user would; used by every command's child-process test.</summary>
internal static class ToolProcess
{
    internal static Task<ProcessRun> RunAsync(params string[] args) => DotNetProcess.ExecAsync(typeof(RetentionApp).Assembly.Location, args);
}
