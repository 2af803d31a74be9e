using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Retention.Samples.Tests.Support;
using Retention.Tests.Shared;
using Xunit;

namespace Retention.Samples.Tests;

/// <summary>
/// The sample program end to end, run as its own process on the bundled data (README "Run it"): the default report and
/// <c>--simulate-month</c> in both locales, the same text on every run, the simulated month's tables and KPIs, and bad
/// arguments with exit code 2 and the error on standard error.
/// </summary>
public sealed partial class ProgramTests
{
    private static readonly string[] EnglishSections =
    [
        "Customer base", "What drives the risk", "Recovery plan", "NPS", "Contact plan for the week", "The 20 customers most at risk",
        "Talk track", "A month simulated", "Rows skipped",
    ];

    [Fact]
    public async Task The_default_report_is_Chinese_and_the_same_on_every_run()
    {
        var first = await SampleProcess.RunAsync();
        var second = await SampleProcess.RunAsync();

        Succeeded(first);
        Assert.Equal(first.Output, second.Output);
        Assert.Equal((second.ExitCode, second.Error), (0, string.Empty));

        var headings = ReportText.Sections(first.Output).Select(s => s.Heading).ToList();
        Assert.Equal(EnglishSections.Length, headings.Count);
        Assert.StartsWith("模拟一个月", headings[^2], StringComparison.Ordinal);
        Assert.StartsWith("跳过的数据行", headings[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(headings, h => EnglishSections.Any(e => h.StartsWith(e, StringComparison.Ordinal) && e != "NPS"));
        Assert.NotNull(ReportText.Title(first.Output));
    }

    [Fact]
    public async Task The_English_report_has_every_section_in_order_with_the_simulated_month_before_the_skipped_rows()
    {
        var run = await SampleProcess.RunAsync("--locale", "en");

        Succeeded(run);
        var headings = ReportText.Sections(run.Output).Select(s => s.Heading).ToList();
        Assert.Equal(EnglishSections.Length, headings.Count);
        Assert.All(EnglishSections.Zip(headings), p => Assert.StartsWith(p.First, p.Second, StringComparison.Ordinal));
        Assert.StartsWith("Monday report", ReportText.Title(run.Output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task Simulate_month_prints_the_overview_the_month_and_the_skipped_rows_and_the_same_month_as_the_full_report(string locale)
    {
        var simulated = await SampleProcess.RunAsync("--simulate-month", "--locale", locale);
        var full = await SampleProcess.RunAsync("--locale", locale);

        Succeeded(simulated);
        Succeeded(full);
        Assert.NotNull(ReportText.Title(simulated.Output));
        var sections = ReportText.Sections(simulated.Output);
        Assert.Equal(2, sections.Count);
        Assert.StartsWith(locale == "en" ? "A month simulated" : "模拟一个月", sections[0].Heading, StringComparison.Ordinal);
        Assert.StartsWith(locale == "en" ? "Rows skipped" : "跳过的数据行", sections[1].Heading, StringComparison.Ordinal);

        // The month is the same whichever way it is asked for, and so are the skipped rows.
        var inFull = ReportText.Sections(full.Output);
        Assert.Equal((sections[0].Heading, sections[0].Text), (inFull[^2].Heading, inFull[^2].Text));
        Assert.Equal((sections[1].Heading, sections[1].Text), (inFull[^1].Heading, inFull[^1].Text));
        Assert.True(simulated.Output.Length < full.Output.Length);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task The_simulated_month_has_a_day_by_day_table_over_28_days_that_adds_up(string locale)
    {
        var run = await SampleProcess.RunAsync("--simulate-month", "--locale", locale);
        Succeeded(run);
        var month = ReportText.Sections(run.Output)[0];

        var (headings, rows) = ReportText.Table(month.Lines, locale == "en" ? "day" : "日期");
        Assert.Equal(10, headings.Length);
        Assert.Equal(28 + 1, rows.Count);
        Assert.Equal(locale == "en" ? "total" : "合计", rows[^1][0]);

        // The days in order from Monday 11-23, one row each.
        var first = new DateOnly(2026, 11, 23);
        for (int d = 0; d < 28; d++)
        {
            var date = first.AddDays(d);
            Assert.Contains(date.ToString("MM'-'dd", System.Globalization.CultureInfo.InvariantCulture), rows[d][0], StringComparison.Ordinal);
            Assert.Contains(locale == "en" ? date.DayOfWeek.ToString()[..3] : "周" + "日一二三四五六"[(int)date.DayOfWeek], rows[d][0], StringComparison.Ordinal);
        }

        // The total row is the sum of the days; every column has something, except possibly the drops.
        var days = rows.Take(28).Select(r => r.Skip(1).Select(ReportText.Count).ToArray()).ToList();
        var total = rows[^1].Skip(1).Select(ReportText.Count).ToArray();
        for (int column = 0; column < total.Length; column++)
        {
            Assert.Equal(days.Sum(d => d[column]), total[column]);
        }

        Assert.All(total.Take(8), t => Assert.True(t > 0, $"a column of the day table is empty: {string.Join(", ", total)}"));
        Assert.True(days[0][0] > 0, "nothing started on the first Monday");

        // The escalation line counts what the day table counts.
        var escalated = locale == "en" ? EscalationsEn().Match(month.Text) : EscalationsZh().Match(month.Text);
        Assert.True(escalated.Success, month.Text);
        Assert.Equal(total[3], ReportText.Count(escalated.Groups[1].Value));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task Every_workflow_of_the_month_is_running_or_ended_one_way_and_the_cases_add_up_to_the_starts(string locale)
    {
        var run = await SampleProcess.RunAsync("--simulate-month", "--locale", locale);
        Succeeded(run);
        var month = ReportText.Sections(run.Output)[0];

        var (_, dayRows) = ReportText.Table(month.Lines, locale == "en" ? "day" : "日期");
        var (headings, rows) = ReportText.Table(month.Lines, locale == "en" ? "workflow" : "流程");
        Assert.Equal(11, headings.Length);
        Assert.InRange(rows.Count, 3, 5); // Yellow, Orange, Red, NPS rescue, follow-up: the kinds that started

        int started = 0;
        foreach (var row in rows)
        {
            var n = row.Skip(1).Take(9).Select(ReportText.Count).ToArray(); // started, running, recovered, not recovered, farewell, cancelled, booked, came back, escalations
            Assert.True(n[0] > 0, string.Join(" | ", row));
            Assert.True(n[0] == n[1] + n[2] + n[3] + n[4] + n[5], $"started is not running + ended: {string.Join(" | ", row)}");
            Assert.True(n[6] <= n[0] && n[7] <= n[0], string.Join(" | ", row));
            started += n[0];
        }

        Assert.Equal(ReportText.Count(dayRows[^1][1]), started);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task The_month_ends_with_a_KPI_table_of_process_result_and_follow_up_KPIs_with_targets_and_verdicts(string locale)
    {
        var run = await SampleProcess.RunAsync("--simulate-month", "--locale", locale);
        Succeeded(run);
        var rows = KpiTable.Read(ReportText.Sections(run.Output)[0], locale);

        var words = KpiTable.In(locale);
        Assert.All(new[] { words.Process, words.Results, words.FollowUp }, g => Assert.Contains(rows, r => r.Group == g));
        Assert.Contains(rows, r => r.Verdict == words.Met);
        Assert.Contains(rows, r => r.Verdict == words.Missed);
        Assert.Equal(rows.Count, rows.Select(r => r.Name).Distinct().Count());

        // The process KPIs of workflows.md section 8 and the recovery results, per tier.
        var (onTime, booking, recovery) = locale == "en" ? ("alerts handled on time", "booking success", "recovery success") : ("预警按时处理", "预约成功率", "挽回成功率");
        Assert.Contains(rows, r => r.Group == words.Process && r.Name.Contains(onTime, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Group == words.Process && r.Name.Contains(booking, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Group == words.Results && r.Name.Contains(recovery, StringComparison.Ordinal));
        Assert.All(rows.Where(r => r.Group == words.Results), r => Assert.Contains(recovery, r.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_prints_the_usage_and_exits_0()
    {
        var run = await SampleProcess.RunAsync("--help", "--locale", "en");

        Succeeded(run);
        Assert.StartsWith("Usage:", run.Output, StringComparison.Ordinal);
        Assert.All(new[] { "--input", "--as-of", "--locale", "--generate", "--simulate-month", "Exit codes" }, o => Assert.Contains(o, run.Output, StringComparison.Ordinal));
    }

    public static TheoryData<string[], string, string> BadArguments => new()
    {
        { ["--bogus"], "错误：", "--bogus" },
        { ["--bogus", "--locale", "en"], "error: ", "--bogus" },
        { ["--locale", "fr"], "错误：", "fr" },
        { ["--simulate-month", "--locale", "xx"], "错误：", "xx" },
        { ["--as-of", "2026-13-45", "--locale", "en"], "error: ", "2026-13-45" },
        { ["--locale", "en", "--input"], "error: ", "--input" },
        { ["--locale", "en", "--simulate-month", "--generate", "out.csv"], "error: ", "--generate" },
        { ["--simulate-month", "--as-of", "2026-11-23", "--as-of", "2026-11-30"], "错误：", "--as-of" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task A_bad_argument_exits_2_with_the_error_on_standard_error_in_the_requested_locale(string[] args, string prefix, string named)
    {
        var run = await SampleProcess.RunAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.StartsWith(prefix, run.Error, StringComparison.Ordinal);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
        Assert.Single(ReportText.Lines(run.Error.TrimEnd()));
    }

    [Theory]
    [InlineData("en", "error: ")]
    [InlineData("zh-CN", "错误：")]
    public async Task A_missing_input_file_exits_2_and_names_it(string locale, string prefix)
    {
        string missing = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "retention-samples-" + Guid.NewGuid().ToString("N"), "customers.csv");
        var run = await SampleProcess.RunAsync("--input", missing, "--simulate-month", "--locale", locale);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.StartsWith(prefix, run.Error, StringComparison.Ordinal);
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
    }

    private static void Succeeded(ProcessRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Error.Length == 0, run.ToString());
        Assert.NotEmpty(run.Output);
    }

    [GeneratedRegex(@"^([\d,]+) escalations", RegexOptions.Multiline)]
    private static partial Regex EscalationsEn();

    [GeneratedRegex(@"^升级共 ([\d,]+) 次", RegexOptions.Multiline)]
    private static partial Regex EscalationsZh();
}
