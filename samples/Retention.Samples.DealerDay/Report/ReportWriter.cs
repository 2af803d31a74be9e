using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Report;

/// <summary>A column of a text table: its heading and whether its values are right-aligned (numbers).</summary>
/// <param name="Heading">The heading in both locales.</param>
/// <param name="AlignRight">Right-align the values.</param>
internal readonly record struct TableColumn(LocalizedText Heading, bool AlignRight = false);

/// <summary>Writes the report as plain text in one locale: headings, lines, aligned tables.</summary>
internal sealed class ReportWriter(TextWriter output, string locale)
{
    private const string Gap = "  ";

    /// <summary>The locale the report is written in: <c>en</c> or <c>zh-CN</c>.</summary>
    public string Locale => locale;

    /// <summary>The text in the report's locale.</summary>
    public string T(LocalizedText text) => text.Get(locale);

    /// <summary>The report's title, underlined with <c>=</c>.</summary>
    public void Title(string title)
    {
        output.WriteLine(title);
        output.WriteLine(new string('=', Display.Width(title)));
    }

    /// <summary>A section heading after a blank line, underlined with <c>-</c>.</summary>
    public void Heading(LocalizedText heading)
    {
        string text = T(heading);
        output.WriteLine();
        output.WriteLine(text);
        output.WriteLine(new string('-', Display.Width(text)));
    }

    public void Line(string text = "") => output.WriteLine(text);

    /// <summary>A label and a value, the labels of consecutive calls padded to <paramref name="labelWidth"/>.</summary>
    public void Field(LocalizedText label, string value, int labelWidth, string indent = "")
    {
        output.WriteLine(indent + Display.PadRight(T(label), labelWidth) + Gap + value);
    }

    /// <summary>A table with a heading row, a rule, and one line per row; columns sized to their widest cell.</summary>
    public void Table(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows, string indent = "")
    {
        var headings = columns.Select(c => T(c.Heading)).ToArray();
        var body = rows.ToList();
        var widths = headings.Select(Display.Width).ToArray();
        foreach (var row in body)
        {
            if (row.Count != columns.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells but the table has {columns.Count} columns.", nameof(rows));
            }

            for (int i = 0; i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], Display.Width(row[i]));
            }
        }

        WriteRow(headings);
        output.WriteLine(indent + string.Join(Gap, widths.Select(w => new string('-', w))));
        foreach (var row in body)
        {
            WriteRow(row);
        }

        void WriteRow(IReadOnlyList<string> cells)
        {
            var padded = cells.Select((cell, i) => columns[i].AlignRight ? Display.PadLeft(cell, widths[i]) : Display.PadRight(cell, widths[i]));
            output.WriteLine((indent + string.Join(Gap, padded)).TrimEnd());
        }
    }
}
