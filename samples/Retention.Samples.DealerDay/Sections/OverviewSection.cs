using System;
using System.IO;
using System.Linq;
using Retention.Samples.DealerDay.Customers;
using Retention.Samples.DealerDay.Files;
using Retention.Samples.DealerDay.Report;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Sections;

/// <summary>The title and what was read: as-of date and report moment, the input files, rows read, used and skipped.</summary>
internal sealed class OverviewSection : IReportSection
{
    private static readonly LocalizedText TitleText = new("售后门店周一报告：客户流失风险、挽回、NPS 与本周触达", "Monday report: churn risk, recovery, NPS and this week's contacts");
    private static readonly LocalizedText AsOfLabel = new("统计日期", "As of");
    private static readonly LocalizedText InputLabel = new("数据文件", "Input");
    private static readonly LocalizedText RowsLabel = new("数据行", "Rows");
    private static readonly LocalizedText IgnoredLabel = new("忽略的列", "Ignored columns");
    private static readonly LocalizedText ValueScoreLabel = new("客户价值分", "Value score");
    private static readonly LocalizedText AnswersLabel = new("问卷答卷", "Survey answers");
    private static readonly LocalizedText HistoryLabel = new("触达记录", "Contact history");
    private static readonly LocalizedText PreferencesLabel = new("触达偏好", "Preferences");

    public void Write(DealerDayReport report, ReportWriter writer)
    {
        var labels = new[] { AsOfLabel, InputLabel, RowsLabel, IgnoredLabel, ValueScoreLabel, AnswersLabel, HistoryLabel, PreferencesLabel };
        int width = labels.Max(l => Display.Width(writer.T(l)));
        int read = report.File.DataLines, scored = report.Customers.Count, skipped = report.BadRows.Count;

        writer.Title(writer.T(TitleText));
        string asOf = CustomerCsv.FormatDate(report.AsOf);
        writer.Field(AsOfLabel, report.Clock is StoreClock clock
            ? writer.T(new(
                $"{asOf}；报告时刻 {clock.Format(clock.Now)}（门店时区 {clock.Zone.Id}），本周指 {StoreClock.FormatDay(clock.AsOf, writer.Locale)}至 {StoreClock.FormatDay(clock.WeekEnd, writer.Locale)}",
                $"{asOf}; report moment {clock.Format(clock.Now)} in the store's zone ({clock.Zone.Id}); the week is {StoreClock.FormatDay(clock.AsOf, writer.Locale)} to {StoreClock.FormatDay(clock.WeekEnd, writer.Locale)}"))
            : asOf, width);
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

        if (report.Survey is { } survey)
        {
            writer.Field(AnswersLabel, FileLine(writer, survey.Path, survey.File?.Table, survey.AnswersUsed, survey.BadRows.Count), width);
        }

        if (report.Contacts is { } contacts)
        {
            writer.Field(HistoryLabel, FileLine(writer, contacts.HistoryPath, contacts.History?.Table, contacts.HistoryUsed, contacts.HistoryBadRows.Count), width);
            writer.Field(PreferencesLabel, FileLine(writer, contacts.PreferencesPath, contacts.Preferences?.Table, contacts.PreferencesUsed, contacts.PreferencesBadRows.Count), width);
        }
    }

    // "path: 402 read, 398 used, 4 skipped", or that the optional file is not there.
    private static string FileLine(ReportWriter writer, string path, CsvTable? table, int used, int skipped)
    {
        if (table is null)
        {
            return writer.T(new($"{Shorten(path)}：没有此文件，相关内容从略", $"{Shorten(path)}: not there, so that part is left out"));
        }

        string ignored = table.IgnoredColumns.Count > 0 ? string.Join(", ", table.IgnoredColumns) : "";
        return Shorten(table.Path) + writer.T(new(
            $"：读取 {Display.Count(table.DataLines)} 行，使用 {Display.Count(used)} 行，跳过 {Display.Count(skipped)} 行" + (ignored.Length > 0 ? $"；忽略的列：{ignored}" : ""),
            $": {Display.Count(table.DataLines)} read, {Display.Count(used)} used, {Display.Count(skipped)} skipped" + (ignored.Length > 0 ? $"; ignored columns: {ignored}" : "")));
    }

    // Relative to the working directory when the file is below it: shorter, and the same on every machine.
    private static string Shorten(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
