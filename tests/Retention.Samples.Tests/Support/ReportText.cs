using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Retention.Samples.Tests.Support;

/// <summary>A section of the printed report: its heading and the lines up to the next heading.</summary>
internal sealed record ReportSection(string Heading, IReadOnlyList<string> Lines)
{
    public string Text => string.Join('\n', Lines);
}

/// <summary>
/// Reads the report as printed: sections are a heading underlined with <c>-</c> after a blank line; tables are a heading
/// row, a rule of dashes per column, and rows whose cells are at least two spaces apart (the writer pads every column and
/// puts two spaces between columns, so no cell of these tables holds two spaces in a row).
/// </summary>
internal static partial class ReportText
{
    public static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    /// <summary>The title (underlined with <c>=</c>), or <see langword="null"/>.</summary>
    public static string? Title(string text)
    {
        var lines = Lines(text);
        return lines.Length > 1 && lines[1].Length > 0 && lines[1].All(c => c == '=') ? lines[0] : null;
    }

    public static IReadOnlyList<ReportSection> Sections(string text)
    {
        var lines = Lines(text);
        var starts = new List<int>();
        for (int i = 1; i + 1 < lines.Length; i++)
        {
            if (lines[i - 1].Length == 0 && lines[i].Length > 0 && lines[i + 1].Length > 0 && lines[i + 1].All(c => c == '-'))
            {
                starts.Add(i);
            }
        }

        return starts.Select((s, k) => new ReportSection(lines[s], lines[(s + 2)..(k + 1 < starts.Count ? starts[k + 1] : lines.Length)])).ToList();
    }

    public static ReportSection Section(string text, string headingStart)
    {
        var matches = Sections(text).Where(s => s.Heading.StartsWith(headingStart, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"expected one section starting with \"{headingStart}\", found {matches.Count}; the headings are: {string.Join(" | ", Sections(text).Select(s => s.Heading))}");
        return matches[0];
    }

    /// <summary>Splits a table line into its cells.</summary>
    public static string[] Cells(string line) => CellGap().Split(line.Trim());

    /// <summary>
    /// The table whose heading row starts with <paramref name="firstHeading"/> (the first one after <paramref name="from"/>):
    /// its heading cells and its rows, up to the first line that does not have as many cells as the heading.
    /// </summary>
    public static (string[] Headings, List<string[]> Rows) Table(IReadOnlyList<string> lines, string firstHeading, int from = 0)
    {
        for (int i = from; i + 1 < lines.Count; i++)
        {
            var headings = Cells(lines[i]);
            if (headings[0] != firstHeading || !TableRule().IsMatch(lines[i + 1]))
            {
                continue;
            }

            Assert.Equal(headings.Length, Cells(lines[i + 1]).Length);
            var rows = new List<string[]>();
            for (int j = i + 2; j < lines.Count; j++)
            {
                var cells = Cells(lines[j]);
                if (lines[j].Length == 0 || cells.Length != headings.Length)
                {
                    break;
                }

                rows.Add(cells);
            }

            return (headings, rows);
        }

        Assert.Fail($"no table starting with the column \"{firstHeading}\" in:\n{string.Join('\n', lines)}");
        return default;
    }

    /// <summary>A count as the report prints it: <c>1,203</c>.</summary>
    public static int Count(string cell) => int.Parse(cell.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(" {2,}")]
    private static partial Regex CellGap();

    [GeneratedRegex("^ *-+( {2}-+)+$")]
    private static partial Regex TableRule();
}
