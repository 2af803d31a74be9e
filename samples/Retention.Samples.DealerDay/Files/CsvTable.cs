using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Text;
using Retention.Samples.DealerDay.Customers;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Files;

/// <summary>One data row of a <see cref="CsvTable"/>: its line number and its values by column name.</summary>
/// <param name="Line">The 1-based line number in the file (the header is line 1).</param>
/// <param name="Values">The row's values, trimmed, in header order.</param>
/// <param name="Index">Column name to position.</param>
internal sealed record CsvRow(int Line, string[] Values, IReadOnlyDictionary<string, int> Index)
{
    /// <summary>The trimmed value of a column of the schema.</summary>
    public string this[string column] => Values[Index[column]];
}

/// <summary>
/// A plain CSV file read the same way as the customer file (schemas in README.md): a header row,
/// columns matched by name in any order, unknown columns ignored, no quoting, blank lines skipped.
/// Rows with a quote or the wrong number of values become <see cref="BadRow"/>s with their line
/// number; the values of the other rows are left to the file's own parser.
/// </summary>
/// <param name="Path">The file that was read.</param>
/// <param name="DataLines">Non-blank lines after the header.</param>
/// <param name="Rows">The rows with the right number of values, in file order.</param>
/// <param name="BadRows">The rows that could not be split into values.</param>
/// <param name="IgnoredColumns">Header columns that are not in the schema; their values are not read.</param>
internal sealed record CsvTable(string Path, int DataLines, IReadOnlyList<CsvRow> Rows, IReadOnlyList<BadRow> BadRows, IReadOnlyList<string> IgnoredColumns)
{
    /// <summary>Reads a file with the given schema.</summary>
    /// <param name="path">The CSV file (UTF-8, with or without a byte order mark; LF or CRLF line ends).</param>
    /// <param name="columns">Every column of the schema; all of them must be in the header.</param>
    /// <param name="idColumn">The column that identifies a row in problem reports (the customer id).</param>
    /// <param name="table">The table, when the header is usable.</param>
    /// <param name="problem">Why the file as a whole cannot be read.</param>
    /// <returns><see langword="true"/> when the header is usable; bad data rows do not make it fail.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened.</exception>
    public static bool TryRead(string path, IReadOnlyList<string> columns, string idColumn, [NotNullWhen(true)] out CsvTable? table, out LocalizedText problem)
    {
        table = null;
        problem = default;
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        string? header = reader.ReadLine();
        if (header is null || header.Trim().Length == 0)
        {
            problem = new("第 1 行：文件为空或缺少表头", "line 1: the file is empty or has no header row");
            return false;
        }

        var names = header.Split(',').Select(n => n.Trim()).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            if (!index.TryAdd(names[i], i) && columns.Contains(names[i]))
            {
                problem = new($"第 1 行：列 {names[i]} 出现了两次", $"line 1: column {names[i]} appears twice");
                return false;
            }
        }

        var missing = columns.Where(c => !index.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            string list = string.Join(", ", missing);
            string expected = string.Join(",", columns);
            problem = new($"第 1 行：表头缺少列 {list}。应为：{expected}", $"line 1: the header lacks column(s) {list}. Expected: {expected}");
            return false;
        }

        var ignored = names.Where(n => !columns.Contains(n)).Select(n => n.Length == 0 ? "(empty)" : n).ToArray();
        var rows = new List<CsvRow>();
        var bad = new List<BadRow>();
        int lineNumber = 1;
        int dataLines = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (text.Trim().Length == 0)
            {
                continue;
            }

            dataLines++;
            var values = text.Split(',').Select(v => v.Trim()).ToArray();
            string id = values.Length > index[idColumn] ? values[index[idColumn]] : "";
            if (text.Contains('"', StringComparison.Ordinal))
            {
                bad.Add(new BadRow(lineNumber, id, "", new("不支持带引号的值（本格式的值中不含逗号）", "quoted values are not supported (no value in this schema contains a comma)")));
            }
            else if (values.Length != names.Length)
            {
                bad.Add(new BadRow(lineNumber, id, "", new($"应有 {names.Length} 个值，实际 {values.Length} 个（值中不能含逗号）",
                    $"expected {names.Length} values, found {values.Length} (values must not contain commas)")));
            }
            else
            {
                rows.Add(new CsvRow(lineNumber, values, index));
            }
        }

        table = new CsvTable(path, dataLines, rows, bad, ignored);
        return true;
    }
}
