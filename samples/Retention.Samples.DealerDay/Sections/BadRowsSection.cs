using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Retention.Samples.DealerDay.Customers;
using Retention.Samples.DealerDay.Report;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Sections;

/// <summary>Every row that was skipped, file by file, by line number, with the column and the problem: nothing is dropped silently.</summary>
internal sealed class BadRowsSection : IReportSection
{
    public void Write(DealerDayReport report, ReportWriter writer)
    {
        var files = new List<(string Path, IReadOnlyList<BadRow> Rows)> { (report.File.Path, report.BadRows) };
        if (report.Survey is { File: not null } survey)
        {
            files.Add((survey.Path, survey.BadRows));
        }

        if (report.Contacts is { } contacts)
        {
            if (contacts.History is not null)
            {
                files.Add((contacts.HistoryPath, contacts.HistoryBadRows));
            }

            if (contacts.Preferences is not null)
            {
                files.Add((contacts.PreferencesPath, contacts.PreferencesBadRows));
            }
        }

        int total = files.Sum(f => f.Rows.Count);
        writer.Heading(new($"跳过的数据行（{Display.Count(total)}）", $"Rows skipped ({Display.Count(total)})"));
        if (total == 0)
        {
            writer.Line(writer.T(new("没有，所有数据行均已使用。", "None: every row was used.")));
            return;
        }

        bool first = true;
        foreach (var (path, bad) in files.Where(f => f.Rows.Count > 0))
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Line(Path.GetFileName(path) + (Display.IsChinese(writer.Locale) ? "：" : ":"));
            writer.Table(
                [new(new("行号", "line"), true), new(new("客户编号", "customer")), new(new("列", "column")), new(new("问题", "problem"))],
                bad.Select(b => new[] { b.Line.ToString(CultureInfo.InvariantCulture), Dash(b.CustomerId), Dash(b.Column), writer.T(b.Problem) }));
        }

        writer.Line();
        writer.Line(writer.T(new("这些行未参与以上任何统计；请在源系统中修正后重新导出。", "These rows are left out of everything above; fix them in the source system and export again.")));
    }

    private static string Dash(string text) => text.Length == 0 ? "—" : text;
}
