using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Retention.Samples.Tests.Support;

/// <summary>One row of the simulated month's KPI table, as printed.</summary>
internal sealed record KpiRow(string Group, string Name, string Actual, int Hits, int Count, string Target, string Verdict);

/// <summary>
/// The words of the KPI table in each locale, and its checks: every row names a group, a KPI, a share, a count, a target
/// and a verdict, and the verdict agrees with the count and the target (the figures themselves are not checked).
/// </summary>
internal static partial class KpiTable
{
    public sealed record Words(string GroupHeading, string Process, string Results, string FollowUp, string Sample, string Met, string Missed, string NoData);

    public static readonly Words En = new("group", "process", "results", "follow-up", "sample", "met", "missed", "no data");

    public static readonly Words ZhCn = new("类别", "过程", "结果", "回访", "本示例", "达标", "未达标", "无数据");

    public static Words In(string locale) => locale == "en" ? En : ZhCn;

    /// <summary>Reads the KPI table of the month section and checks every row.</summary>
    public static List<KpiRow> Read(ReportSection month, string locale)
    {
        var words = In(locale);
        var (headings, cells) = ReportText.Table(month.Lines, words.GroupHeading);
        Assert.Equal(6, headings.Length);
        Assert.NotEmpty(cells);

        var rows = new List<KpiRow>();
        foreach (var c in cells)
        {
            string row = string.Join(" | ", c);
            var count = CountCell().Match(c[3]);
            Assert.True(count.Success, $"count cell of: {row}");
            var kpi = new KpiRow(c[0], c[1], c[2], ReportText.Count(count.Groups[1].Value), ReportText.Count(count.Groups[2].Value), c[4], c[5]);
            rows.Add(kpi);

            Assert.Contains(kpi.Group, new[] { words.Process, words.Results, words.FollowUp, words.Sample });
            Assert.False(string.IsNullOrWhiteSpace(kpi.Name), row);
            Assert.Contains(kpi.Verdict, new[] { words.Met, words.Missed, words.NoData });
            Assert.True(kpi.Hits >= 0 && kpi.Hits <= kpi.Count, $"hits above the count: {row}");

            var actual = ShareCell().Match(kpi.Actual);
            Assert.True(actual.Success, $"actual cell of: {row}");
            if (kpi.Count == 0)
            {
                Assert.True(kpi.Verdict == words.NoData, $"a verdict without data: {row}");
                continue;
            }

            double share = 100.0 * kpi.Hits / kpi.Count;
            Assert.True(Math.Abs(Number(actual.Groups[1].Value) - share) < 0.051, $"the share does not match the count: {row}");
            Assert.True(Meets(kpi.Target, share) is bool met && kpi.Verdict == (met ? words.Met : words.Missed), $"the verdict does not follow from the count and the target: {row}");
        }

        return rows;
    }

    /// <summary>Whether a share meets a target printed as <c>&gt;= 95 %</c>, <c>&gt; 60 %</c> or <c>8 % - 12 %</c>.</summary>
    private static bool? Meets(string target, double share)
    {
        if (AtLeast().Match(target) is { Success: true } atLeast)
        {
            return atLeast.Groups[1].Value == ">=" ? share >= Number(atLeast.Groups[2].Value) : share > Number(atLeast.Groups[2].Value);
        }

        if (Between().Match(target) is { Success: true } between)
        {
            return share >= Number(between.Groups[1].Value) && share <= Number(between.Groups[2].Value);
        }

        Assert.Fail($"a target the report does not print: \"{target}\"");
        return null;
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([\d,]+)/([\d,]+)$")]
    private static partial Regex CountCell();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?) %$")]
    private static partial Regex ShareCell();

    [GeneratedRegex(@"^(>=|>) (\d+(?:\.\d+)?) %$")]
    private static partial Regex AtLeast();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?) % - (\d+(?:\.\d+)?) %$")]
    private static partial Regex Between();
}
