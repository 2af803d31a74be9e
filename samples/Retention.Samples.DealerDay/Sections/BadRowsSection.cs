using System.Globalization;
using System.Linq;
using Retention.Samples.DealerDay.Report;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Sections;

/// <summary>Every row that was skipped, by line number, with the column and the problem: nothing is dropped silently.</summary>
internal sealed class BadRowsSection : IReportSection
{
    public void Write(DealerDayReport report, ReportWriter writer)
    {
        var bad = report.BadRows;
        writer.Heading(new($"跳过的数据行（{Display.Count(bad.Count)}）", $"Rows skipped ({Display.Count(bad.Count)})"));
        if (bad.Count == 0)
        {
            writer.Line(writer.T(new("没有，所有数据行均已评分。", "None: every row was scored.")));
            return;
        }

        writer.Table(
            [new(new("行号", "line"), true), new(new("客户编号", "customer")), new(new("列", "column")), new(new("问题", "problem"))],
            bad.Select(b => new[] { b.Line.ToString(CultureInfo.InvariantCulture), Dash(b.CustomerId), Dash(b.Column), writer.T(b.Problem) }));
        writer.Line();
        writer.Line(writer.T(new("这些行未参与评分与统计；请在源系统中修正后重新导出。", "These rows are left out of every count above; fix them in the source system and export again.")));
    }

    private static string Dash(string text) => text.Length == 0 ? "—" : text;
}
