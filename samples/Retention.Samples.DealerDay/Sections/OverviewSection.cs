using System;
using System.IO;
using System.Linq;
using Retention.Samples.DealerDay.Customers;
using Retention.Samples.DealerDay.Report;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Sections;

/// <summary>The title and what was read: as-of date, input file, rows read, scored and skipped.</summary>
internal sealed class OverviewSection : IReportSection
{
    private static readonly LocalizedText TitleText = new("售后门店周一报告：客户流失风险与挽回", "Monday report: customer churn risk and recovery");
    private static readonly LocalizedText AsOfLabel = new("统计日期", "As of");
    private static readonly LocalizedText InputLabel = new("数据文件", "Input");
    private static readonly LocalizedText RowsLabel = new("数据行", "Rows");
    private static readonly LocalizedText IgnoredLabel = new("忽略的列", "Ignored columns");
    private static readonly LocalizedText ValueScoreLabel = new("客户价值分", "Value score");

    public void Write(DealerDayReport report, ReportWriter writer)
    {
        var labels = new[] { AsOfLabel, InputLabel, RowsLabel, IgnoredLabel, ValueScoreLabel };
        int width = labels.Max(l => Display.Width(writer.T(l)));
        int read = report.File.DataLines, scored = report.Customers.Count, skipped = report.BadRows.Count;

        writer.Title(writer.T(TitleText));
        writer.Field(AsOfLabel, CustomerCsv.FormatDate(report.AsOf), width);
        writer.Field(InputLabel, Shorten(report.File.Path), width);
        writer.Field(RowsLabel, writer.T(new(
            $"读取 {Display.Count(read)} 行，评分 {Display.Count(scored)} 行，跳过 {Display.Count(skipped)} 行" + (skipped > 0 ? "（见文末“跳过的数据行”）" : ""),
            $"{Display.Count(read)} read, {Display.Count(scored)} scored, {Display.Count(skipped)} skipped" + (skipped > 0 ? " (see \"Rows skipped\" at the end)" : ""))), width);
        if (report.File.IgnoredColumns.Count > 0)
        {
            writer.Field(IgnoredLabel, string.Join(", ", report.File.IgnoredColumns), width);
        }

        writer.Field(ValueScoreLabel, writer.T(new(
            $"客户终身价值（CLV）在本店 {Display.Count(scored)} 位已评分客户中的百分位；80 分以上为 VIP（前 20%）",
            $"percentile of the customer's lifetime value (CLV) among the store's {Display.Count(scored)} scored customers; 80 and above is VIP (top 20 %)")), width);
    }

    // Relative to the working directory when the file is below it: shorter, and the same on every machine.
    private static string Shorten(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
