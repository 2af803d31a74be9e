using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Retention.Samples.DealerDay.Files;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Customers;

/// <summary>
/// A customer CSV file, read and parsed by hand (schema in README.md). Rows that do not parse are
/// kept as <see cref="BadRow"/>s with their line numbers; range checks (a satisfaction of 11, a last
/// visit after the as-of date) are left to the library's batch scoring, which reports them the same way.
/// </summary>
/// <param name="Path">The file that was read.</param>
/// <param name="DataLines">Non-blank lines after the header: one per customer row, good or bad.</param>
/// <param name="Rows">The rows that parsed, in file order.</param>
/// <param name="BadRows">The rows that did not parse, in file order.</param>
/// <param name="IgnoredColumns">Header columns that are not in the schema; their values are not read.</param>
internal sealed record CustomerFile(string Path, int DataLines, IReadOnlyList<CustomerRow> Rows, IReadOnlyList<BadRow> BadRows, IReadOnlyList<string> IgnoredColumns)
{
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
        if (!CsvTable.TryRead(path, CustomerCsv.AllColumns, CustomerCsv.Column.CustomerId, out var table, out problem))
        {
            return false;
        }

        var rows = new List<CustomerRow>();
        var bad = new List<BadRow>(table.BadRows);
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (!TryParse(row, out var customer, out var rowProblem))
            {
                bad.Add(rowProblem);
                continue;
            }

            if (!firstLineOfId.TryAdd(customer.CustomerId, row.Line))
            {
                int first = firstLineOfId[customer.CustomerId];
                bad.Add(new BadRow(row.Line, customer.CustomerId, CustomerCsv.Column.CustomerId,
                    new($"客户编号重复，第 {first} 行已出现", $"duplicate customer id: it already appears on line {first}")));
                continue;
            }

            rows.Add(customer);
        }

        bad.Sort((a, b) => a.Line.CompareTo(b.Line));
        file = new CustomerFile(path, table.DataLines, rows, bad, table.IgnoredColumns);
        return true;
    }

    /// <summary>Parses one data row; stops at the first bad value, like the library's checks.</summary>
    private static bool TryParse(CsvRow row, [NotNullWhen(true)] out CustomerRow? customer, [NotNullWhen(false)] out BadRow? problem)
    {
        customer = null;
        problem = null;
        var r = new CsvRowReader(row, CustomerCsv.Column.CustomerId);
        if (!r.Text(CustomerCsv.Column.CustomerId, out var id)
            || !r.Date(CustomerCsv.Column.LastVisit, CustomerCsv.DatePattern, out var lastVisit)
            || !r.OptionalNumber(CustomerCsv.Column.AppOpensPerMonth, out var appOpens)
            || !r.Number(CustomerCsv.Column.CancellationRate, out var cancellation)
            || !r.OptionalNumber(CustomerCsv.Column.Satisfaction, out var satisfaction)
            || !r.Integer(CustomerCsv.Column.ServiceInquiries, out var inquiries)
            || !r.Money(CustomerCsv.Column.AnnualSpend, out var spend)
            || !r.Integer(CustomerCsv.Column.Complaints, out var complaints)
            || !r.Boolean(CustomerCsv.Column.SocialInfluence, out var influence) // empty: not known to be an influencer
            || !r.OptionalName(CustomerCsv.Column.ChurnReason, CustomerCsv.ChurnReasons, out ChurnReason? reason)
            || !r.OptionalName(CustomerCsv.Column.Stickiness, CustomerCsv.StickinessLevels, out Stickiness? stickiness)
            || !r.Names(CustomerCsv.Column.LostExceptions, CustomerCsv.LostExceptionNames, out var exceptionList))
        {
            problem = r.Problem!;
            return false;
        }

        var exceptions = LostCustomerExceptions.None;
        foreach (var flag in exceptionList)
        {
            exceptions |= flag;
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
        customer = new CustomerRow(row.Line, id, signals, context);
        return true;
    }
}
