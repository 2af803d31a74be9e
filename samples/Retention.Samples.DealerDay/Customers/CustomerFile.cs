using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Customers;

/// <summary>
/// A customer CSV file, read and parsed by hand (schema in README.md). Rows that do not parse are
/// kept as <see cref="BadRow"/>s with their line numbers; range checks (a satisfaction of 11, a last
/// visit after the as-of date) are left to the library's batch scoring, which reports them the same way.
/// </summary>
internal sealed class CustomerFile
{
    private CustomerFile(string path, int dataLines, IReadOnlyList<CustomerRow> rows, IReadOnlyList<BadRow> badRows, IReadOnlyList<string> ignoredColumns)
    {
        Path = path;
        DataLines = dataLines;
        Rows = rows;
        BadRows = badRows;
        IgnoredColumns = ignoredColumns;
    }

    /// <summary>The file that was read.</summary>
    public string Path { get; }

    /// <summary>Non-blank lines after the header: one per customer row, good or bad.</summary>
    public int DataLines { get; }

    /// <summary>The rows that parsed, in file order.</summary>
    public IReadOnlyList<CustomerRow> Rows { get; }

    /// <summary>The rows that did not parse, in file order.</summary>
    public IReadOnlyList<BadRow> BadRows { get; }

    /// <summary>Header columns that are not in the schema; their values are not read.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <summary>Reads a customer file.</summary>
    /// <param name="path">The CSV file (UTF-8, with or without a byte order mark; LF or CRLF line ends).</param>
    /// <param name="file">The parsed file, when the header is usable.</param>
    /// <param name="problem">Why the file as a whole cannot be read (no header, a required column missing).</param>
    /// <returns><see langword="true"/> when the header is usable; bad data rows do not make it fail.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened.</exception>
    public static bool TryRead(string path, [NotNullWhen(true)] out CustomerFile? file, out LocalizedText problem)
    {
        file = null;
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
            if (!index.TryAdd(names[i], i) && CustomerCsv.AllColumns.Contains(names[i]))
            {
                problem = new($"第 1 行：列 {names[i]} 出现了两次", $"line 1: column {names[i]} appears twice");
                return false;
            }
        }

        var missing = CustomerCsv.AllColumns.Where(c => !index.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            string list = string.Join(", ", missing);
            string expected = string.Join(",", CustomerCsv.AllColumns);
            problem = new($"第 1 行：表头缺少列 {list}。应为：{expected}", $"line 1: the header lacks column(s) {list}. Expected: {expected}");
            return false;
        }

        var ignored = names.Where(n => !CustomerCsv.AllColumns.Contains(n)).Select(n => n.Length == 0 ? "(empty)" : n).ToArray();
        var rows = new List<CustomerRow>();
        var bad = new List<BadRow>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
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
            var row = new RowParser(lineNumber, text, names.Length, index);
            if (!row.TryParse(out var customer))
            {
                bad.Add(row.Problem!);
                continue;
            }

            if (!firstLineOfId.TryAdd(customer.CustomerId, lineNumber))
            {
                int first = firstLineOfId[customer.CustomerId];
                bad.Add(new BadRow(lineNumber, customer.CustomerId, CustomerCsv.Column.CustomerId,
                    new($"客户编号重复，第 {first} 行已出现", $"duplicate customer id: it already appears on line {first}")));
                continue;
            }

            rows.Add(customer);
        }

        file = new CustomerFile(path, dataLines, rows, bad, ignored);
        return true;
    }

    /// <summary>Parses one data row; stops at the first bad value, like the library's checks.</summary>
    private sealed class RowParser(int line, string text, int columnCount, Dictionary<string, int> index)
    {
        private string[] _values = [];

        public BadRow? Problem { get; private set; }

        private string Id => _values.Length > index[CustomerCsv.Column.CustomerId] ? _values[index[CustomerCsv.Column.CustomerId]].Trim() : "";

        public bool TryParse([NotNullWhen(true)] out CustomerRow? row)
        {
            row = null;
            _values = text.Split(',');
            if (text.Contains('"', StringComparison.Ordinal))
            {
                return Fail("", new("不支持带引号的值（本格式的值中不含逗号）", "quoted values are not supported (no value in this schema contains a comma)"));
            }

            if (_values.Length != columnCount)
            {
                return Fail("", new($"应有 {columnCount} 个值，实际 {_values.Length} 个（值中不能含逗号）",
                    $"expected {columnCount} values, found {_values.Length} (values must not contain commas)"));
            }

            string id = Id;
            if (id.Length == 0)
            {
                return Fail(CustomerCsv.Column.CustomerId, Required());
            }

            if (!Date(CustomerCsv.Column.LastVisit, out var lastVisit)
                || !OptionalNumber(CustomerCsv.Column.AppOpensPerMonth, out var appOpens)
                || !Number(CustomerCsv.Column.CancellationRate, out var cancellation)
                || !OptionalNumber(CustomerCsv.Column.Satisfaction, out var satisfaction)
                || !Integer(CustomerCsv.Column.ServiceInquiries, out var inquiries)
                || !Money(CustomerCsv.Column.AnnualSpend, out var spend)
                || !Integer(CustomerCsv.Column.Complaints, out var complaints)
                || !Boolean(CustomerCsv.Column.SocialInfluence, out var influence)
                || !OptionalName(CustomerCsv.Column.ChurnReason, CustomerCsv.ChurnReasons, out ChurnReason? reason)
                || !OptionalName(CustomerCsv.Column.Stickiness, CustomerCsv.StickinessLevels, out Stickiness? stickiness)
                || !Exceptions(CustomerCsv.Column.LostExceptions, out var exceptions))
            {
                return false;
            }

            var signals = new CustomerSignals
            {
                LastVisit = lastVisit,
                AppOpensPerMonth = appOpens,
                CancellationRate = cancellation,
                Satisfaction = satisfaction,
                ServiceInquiries = inquiries,
                AnnualSpend = spend,
                Complaints = complaints,
                SocialInfluence = influence,
            };
            var context = new RecoveryContext
            {
                Reason = reason,
                Stickiness = stickiness ?? Stickiness.Low, // empty: unknown, the library's default
                LostExceptions = exceptions,
            };
            row = new CustomerRow(line, id, signals, context);
            return true;
        }

        private string Value(string column) => _values[index[column]].Trim();

        private bool Date(string column, out LocalDate value)
        {
            string v = Value(column);
            value = default;
            if (v.Length == 0)
            {
                return Fail(column, Required());
            }

            var result = CustomerCsv.DatePattern.Parse(v);
            if (!result.Success)
            {
                return Fail(column, new($"“{v}”不是日期（格式 yyyy-MM-dd）", $"'{v}' is not a date (yyyy-MM-dd)"));
            }

            value = result.Value;
            return true;
        }

        private bool Number(string column, out double value)
        {
            string v = Value(column);
            value = 0;
            if (v.Length == 0)
            {
                return Fail(column, Required());
            }

            return double.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
                || Fail(column, NotANumber(v));
        }

        private bool OptionalNumber(string column, out double? value)
        {
            value = null;
            if (Value(column).Length == 0)
            {
                return true; // empty = missing: no app account, never surveyed
            }

            bool ok = Number(column, out double v);
            value = v;
            return ok;
        }

        private bool Integer(string column, out int value)
        {
            string v = Value(column);
            value = 0;
            if (v.Length == 0)
            {
                return Fail(column, Required());
            }

            return int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
                || Fail(column, new($"“{v}”不是整数", $"'{v}' is not a whole number"));
        }

        private bool Money(string column, out decimal value)
        {
            string v = Value(column);
            value = 0;
            if (v.Length == 0)
            {
                return Fail(column, Required());
            }

            return decimal.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
                || Fail(column, NotANumber(v));
        }

        private bool Boolean(string column, out bool value)
        {
            string v = Value(column);
            value = string.Equals(v, "true", StringComparison.OrdinalIgnoreCase);
            return value || v.Length == 0 || string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)
                || Fail(column, new($"“{v}”应为 true 或 false", $"'{v}' is not true or false")); // empty: not known to be an influencer
        }

        private bool OptionalName<T>(string column, IReadOnlyDictionary<string, T> names, out T? value)
            where T : struct
        {
            string v = Value(column);
            value = null;
            if (v.Length == 0)
            {
                return true;
            }

            if (names.TryGetValue(v, out var found))
            {
                value = found;
                return true;
            }

            string allowed = string.Join("|", names.Keys);
            return Fail(column, new($"“{v}”不是允许的值（{allowed}）", $"'{v}' is not one of {allowed}"));
        }

        private bool Exceptions(string column, out LostCustomerExceptions value)
        {
            value = LostCustomerExceptions.None;
            string v = Value(column);
            if (v.Length == 0)
            {
                return true;
            }

            foreach (var part in v.Split(CustomerCsv.ListSeparator))
            {
                if (!CustomerCsv.LostExceptionNames.TryGetValue(part.Trim(), out var flag))
                {
                    string allowed = string.Join("|", CustomerCsv.LostExceptionNames.Keys);
                    return Fail(column, new($"“{part.Trim()}”不是允许的值（{allowed}，可用 | 组合）",
                        $"'{part.Trim()}' is not one of {allowed} (combine with |)"));
                }

                value |= flag;
            }

            return true;
        }

        private bool Fail(string column, LocalizedText problem)
        {
            Problem = new BadRow(line, Id, column, problem);
            return false;
        }

        private static LocalizedText Required() => new("必填，不能为空", "required, but empty");

        private static LocalizedText NotANumber(string v) =>
            new($"“{v}”不是数字（小数用点号，例如 0.25）", $"'{v}' is not a number (use a dot for decimals, e.g. 0.25)");
    }
}
