using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Retention.Samples.Tests.Support;
using Retention.Scoring;
using Xunit;

namespace Retention.Samples.Tests;

/// <summary>
/// A copy of the bundled data set in a temporary folder, with rows of <c>customers.csv</c> broken (README "Customer file
/// schema": bad rows are listed by line number, nothing is dropped silently; a bad header stops the run with exit code 2).
/// </summary>
public sealed partial class BrokenDataTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("retention-samples-tests-");

    public BrokenDataTests()
    {
        foreach (string file in Directory.GetFiles(SampleStore.BundledFolder, "*.csv"))
        {
            File.Copy(file, Path.Combine(_folder.FullName, Path.GetFileName(file)));
        }
    }

    private string Customers => Path.Combine(_folder.FullName, "customers.csv");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task Broken_customer_rows_are_listed_by_line_number_with_the_customer_and_column_and_the_rest_is_reported(string locale)
    {
        // Two customers the month would start a recovery for: one with a spend that is not a number, one cut short.
        using var bundled = SampleStore.Load();
        var atRisk = bundled.Report.Customers.Where(c => c.Risk.Tier >= RiskTier.Yellow).OrderBy(c => c.Row.Line).Take(2).Select(c => c.Row).ToList();
        Assert.Equal(2, atRisk.Count);
        var (notANumber, cutShort) = (atRisk[0], atRisk[1]);
        Break(notANumber.Line, cutShort.Line);

        var before = await SampleProcess.RunAsync("--simulate-month", "--locale", locale);
        var after = await SampleProcess.RunAsync("--input", Customers, "--simulate-month", "--locale", locale);

        Assert.True(after.ExitCode == 0 && after.Error.Length == 0, after.ToString());
        var (line, customer, column) = locale == "en" ? ("line", "customer", "column") : ("行号", "客户编号", "列");
        var badBefore = CustomerBadRows(before.Output, line);
        var badAfter = CustomerBadRows(after.Output, line);
        Assert.Equal(badBefore.Keys.Append(notANumber.Line).Append(cutShort.Line).Order(), badAfter.Keys.Order());

        var spend = badAfter[notANumber.Line];
        Assert.Equal((notANumber.CustomerId, "annual_spend"), (spend[customer], spend[column]));
        Assert.Contains("lots", spend.Values.Last(), StringComparison.Ordinal);
        Assert.Equal(cutShort.CustomerId, badAfter[cutShort.Line][customer]);
        Assert.False(string.IsNullOrWhiteSpace(badAfter[cutShort.Line].Values.Last()));

        // The counts say so too: as many rows read, two fewer scored, two more skipped.
        var (readBefore, scoredBefore, skippedBefore) = RowCounts(before.Output, locale);
        var (readAfter, scoredAfter, skippedAfter) = RowCounts(after.Output, locale);
        Assert.Equal((readBefore, scoredBefore - 2, skippedBefore + 2), (readAfter, scoredAfter, skippedAfter));
        Assert.Equal(readAfter, scoredAfter + skippedAfter);
        Assert.Contains(skippedAfter.ToString(System.Globalization.CultureInfo.InvariantCulture), ReportText.Sections(after.Output)[^1].Heading, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_customer_row_is_left_out_of_the_scoring_and_of_the_month()
    {
        using var bundled = SampleStore.Load();
        var row = bundled.Report.Customers.Where(c => c.Risk.Tier >= RiskTier.Yellow).OrderBy(c => c.Row.Line).First().Row;
        Assert.Contains(bundled.Simulate().Cases, c => c.CustomerId == row.CustomerId);
        Break(row.Line);

        using var broken = SampleStore.Load(Customers);
        var bad = Assert.Single(broken.Report.BadRows, b => b.Line == row.Line);
        Assert.Equal((row.CustomerId, "annual_spend"), (bad.CustomerId, bad.Column));
        Assert.Equal(bundled.Report.BadRows.Count + 1, broken.Report.BadRows.Count);
        Assert.Equal(bundled.Report.Customers.Count - 1, broken.Report.Customers.Count);
        Assert.DoesNotContain(broken.Report.Customers, c => c.Row.CustomerId == row.CustomerId);
        Assert.DoesNotContain(broken.Simulate().Cases, c => c.CustomerId == row.CustomerId);
    }

    [Theory]
    [InlineData("en", "error: ")]
    [InlineData("zh-CN", "错误：")]
    public async Task A_customer_file_without_a_required_column_exits_2_and_names_the_file_and_the_column(string locale, string prefix)
    {
        var lines = File.ReadAllLines(Customers);
        lines[0] = lines[0].Replace("annual_spend", "yearly_spend", StringComparison.Ordinal);
        File.WriteAllLines(Customers, lines);

        var run = await SampleProcess.RunAsync("--input", Customers, "--simulate-month", "--locale", locale);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.StartsWith(prefix, run.Error, StringComparison.Ordinal);
        Assert.Contains(Customers, run.Error, StringComparison.Ordinal);
        Assert.Contains("annual_spend", run.Error, StringComparison.Ordinal);
    }

    /// <summary>Breaks customer rows of the copy: the first gets an annual spend that is not a number, the second loses its last values.</summary>
    private void Break(params int[] lineNumbers)
    {
        var lines = File.ReadAllLines(Customers);
        int spend = Array.IndexOf(lines[0].Split(','), "annual_spend");
        Assert.True(spend > 0);
        for (int k = 0; k < lineNumbers.Length; k++)
        {
            var cells = lines[lineNumbers[k] - 1].Split(',');
            if (k == 0)
            {
                cells[spend] = "lots";
            }
            else
            {
                cells = cells[..5];
            }

            lines[lineNumbers[k] - 1] = string.Join(',', cells);
        }

        File.WriteAllLines(Customers, lines);
    }

    /// <summary>The customers.csv table of the skipped rows, by line number: each row's cells by column heading.</summary>
    private static Dictionary<int, Dictionary<string, string>> CustomerBadRows(string output, string lineHeading)
    {
        var skipped = ReportText.Sections(output)[^1];
        int at = skipped.Lines.ToList().FindIndex(l => l.StartsWith("customers.csv", StringComparison.Ordinal));
        Assert.True(at >= 0, skipped.Text);
        var (headings, rows) = ReportText.Table(skipped.Lines, lineHeading, at + 1);
        Assert.Equal(4, headings.Length);
        return rows.ToDictionary(
            r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture),
            r => headings.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
    }

    private static (int Read, int Scored, int Skipped) RowCounts(string output, string locale)
    {
        var m = (locale == "en" ? RowsEn() : RowsZh()).Match(output);
        Assert.True(m.Success, output);
        return (ReportText.Count(m.Groups[1].Value), ReportText.Count(m.Groups[2].Value), ReportText.Count(m.Groups[3].Value));
    }

    [GeneratedRegex(@"^Rows +([\d,]+) read, ([\d,]+) scored, ([\d,]+) skipped", RegexOptions.Multiline)]
    private static partial Regex RowsEn();

    [GeneratedRegex(@"^数据行 +读取 ([\d,]+) 行，评分 ([\d,]+) 行，跳过 ([\d,]+) 行", RegexOptions.Multiline)]
    private static partial Regex RowsZh();
}
