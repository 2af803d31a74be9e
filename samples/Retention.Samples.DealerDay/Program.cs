using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Retention.Samples.DealerDay.CommandLine;
using Retention.Samples.DealerDay.Customers;
using Retention.Samples.DealerDay.Report;
using Retention.Samples.DealerDay.Sections;
using Retention.Scoring;

namespace Retention.Samples.DealerDay;

/// <summary>
/// A store manager's Monday report: reads a customer CSV, scores everyone with Retention.Scoring,
/// and prints the counts, the customers most at risk with what to do about them, and the rows it
/// had to skip. See README.md for the data schema and the options.
/// </summary>
internal static class Program
{
    private const int Success = 0;
    private const int BadInput = 2;

    /// <summary>The report, section by section. Add later sections (NPS, contact plan, talk tracks, workflow simulation) here.</summary>
    private static readonly IReadOnlyList<IReportSection> Sections =
    [
        new OverviewSection(),
        new CustomerBaseSection(),
        new RiskDriversSection(),
        new RecoveryPlanSection(),
        new AtRiskCustomersSection(count: 20),
        new BadRowsSection(),
    ];

    public static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8; // zh-CN text on consoles whose default code page is not UTF-8

        if (!DealerDayArguments.TryParse(args, out var arguments, out var error, out string locale))
        {
            return Fail(error, locale);
        }

        if (arguments.Help)
        {
            Console.Out.WriteLine(DealerDayArguments.Usage.Get(locale));
            return Success;
        }

        if (arguments.GeneratePath is string target)
        {
            int written;
            try
            {
                written = SyntheticCustomers.Write(target, arguments.AsOf);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(new($"无法写入 {Path.GetFullPath(target)}：{e.Message}", $"cannot write {Path.GetFullPath(target)}: {e.Message}"), locale);
            }

            Console.Out.WriteLine(new LocalizedText(
                $"已写出 {Display.Count(written)} 行数据（含 3 行故意出错的数据），统计日期 {CustomerCsv.FormatDate(arguments.AsOf)}：{Path.GetFullPath(target)}",
                $"wrote {Display.Count(written)} rows (3 of them deliberately bad) as of {CustomerCsv.FormatDate(arguments.AsOf)} to {Path.GetFullPath(target)}").Get(locale));
            return Success;
        }

        string path = Path.GetFullPath(arguments.Input ?? Path.Combine(AppContext.BaseDirectory, "data", "customers.csv"));
        if (!File.Exists(path))
        {
            return Fail(new($"找不到输入文件：{path}", $"input file not found: {path}"), locale);
        }

        CustomerFile? file;
        try
        {
            if (!CustomerFile.TryRead(path, out file, out var problem))
            {
                return Fail(new($"无法读取 {path}：{problem.ZhCn}", $"cannot read {path}: {problem.En}"), locale);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(new($"无法读取 {path}：{e.Message}", $"cannot read {path}: {e.Message}"), locale);
        }

        // The library as a host would use it: registered once, options validated, services resolved.
        using var services = new ServiceCollection()
            .AddRetentionScoring()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var report = DealerDayReport.Build(
            file,
            arguments.AsOf,
            services.GetRequiredService<RiskScorer>(),
            services.GetRequiredService<CustomerValuation>(),
            services.GetRequiredService<RecoveryPlanner>());

        var writer = new ReportWriter(Console.Out, locale);
        foreach (var section in Sections)
        {
            section.Write(report, writer);
        }

        if (report.Customers.Count == 0)
        {
            return Fail(new("没有任何一行可以评分。", "no row could be scored."), locale);
        }

        return Success;
    }

    private static int Fail(LocalizedText message, string locale)
    {
        Console.Error.WriteLine((Display.IsChinese(locale) ? "错误：" : "error: ") + message.Get(locale));
        return BadInput;
    }
}
