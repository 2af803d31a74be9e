using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using Retention.Nps;
using Retention.Samples.DealerDay.Customers;
using Retention.Samples.DealerDay.Report;
using Retention.Samples.DealerDay.Survey;
using LocalizedText = Retention.Scoring.LocalizedText;

namespace Retention.Samples.DealerDay.Sections;

/// <summary>
/// The month's NPS with its confidence interval, counts and distribution; the low-score alerts nobody
/// has responded to at the report moment (level, who is notified, deadline, overdue or not); and the
/// detractor grade and responder of each of them. Everything is computed by Retention.Nps.
/// </summary>
internal sealed class NpsSection(int maxAlerts) : IReportSection
{
    private static readonly LocalizedText AnswersLabel = new("答卷", "answers");
    private static readonly LocalizedText NpsLabel = new("NPS", "NPS");
    private static readonly LocalizedText ClassesLabel = new("构成", "classes");
    private static readonly LocalizedText PreviousLabel = new("上月", "last month");
    private static readonly LocalizedText ReratingLabel = new("重新评分", "re-ratings");

    public void Write(DealerDayReport report, ReportWriter writer)
    {
        var survey = report.Survey;
        var clock = report.Clock;
        if (survey is null || clock is null)
        {
            return;
        }

        var month = survey.Month;
        writer.Heading(new($"NPS：{month.Year} 年 {month.Month} 月", $"NPS: {MonthName(month)}"));
        if (survey.File is null || survey.ThisMonth is not NpsSummary nps)
        {
            writer.Line(writer.T(survey.MissingText));
            return;
        }

        bool zh = Display.IsChinese(writer.Locale);
        int width = new[] { AnswersLabel, NpsLabel, ClassesLabel, PreviousLabel, ReratingLabel }.Max(l => Display.Width(writer.T(l)));
        string from = CustomerCsv.FormatDate(month.OnDayOfMonth(1));
        writer.Field(AnswersLabel, writer.T(new(
            $"{from} 至报告时刻 {clock.Format(clock.Now)}，共 {Display.Count(nps.Count)} 次到店有答卷（每次到店按最新答卷计）",
            $"{Display.Count(nps.Count)} visits answered from {from} to the report moment {clock.Format(clock.Now)} (each visit counts with its latest answer)")), width);
        writer.Field(NpsLabel, writer.T(Score(nps)), width);
        if (nps.HasScore)
        {
            writer.Field(ClassesLabel, writer.T(new(
                $"推荐者 {Display.Count(nps.Promoters)}（{Display.Share(nps.Promoters, nps.Count)}）· 中立者 {Display.Count(nps.Passives)}（{Display.Share(nps.Passives, nps.Count)}）· 贬损者 {Display.Count(nps.Detractors)}（{Display.Share(nps.Detractors, nps.Count)}）",
                $"{Display.Count(nps.Promoters)} promoters ({Display.Share(nps.Promoters, nps.Count)}) · {Display.Count(nps.Passives)} passives ({Display.Share(nps.Passives, nps.Count)}) · {Display.Count(nps.Detractors)} detractors ({Display.Share(nps.Detractors, nps.Count)})")), width);
        }

        if (survey.PreviousMonth is NpsSummary previous)
        {
            var before = month.OnDayOfMonth(1).PlusMonths(-1).ToYearMonth();
            writer.Field(PreviousLabel, writer.T(new($"{before.Year} 年 {before.Month} 月：", MonthName(before) + ": ")) + writer.T(Score(previous)), width);
        }

        var rr = survey.Rerating;
        if (rr.Rerated > 0)
        {
            writer.Field(ReratingLabel, writer.T(new(
                $"{Display.Count(rr.Rerated)} 次到店重新评分；其中贬损者 {Display.Count(rr.DetractorsRerated)} 位，{Display.Count(rr.DetractorsToPassive)} 位转为中立者，{Display.Count(rr.DetractorsToPromoter)} 位转为推荐者",
                $"{Display.Count(rr.Rerated)} visits re-rated; of {Display.Count(rr.DetractorsRerated)} detractors, {Display.Count(rr.DetractorsToPassive)} are now passives and {Display.Count(rr.DetractorsToPromoter)} promoters")), width);
        }

        if (nps.HasScore)
        {
            writer.Line();
            writer.Table(
                [new(new("分数", "score")), .. Enumerable.Range(0, 11).Select(s => new TableColumn(new(Num(s), Num(s)), true))],
                [[writer.T(new("答卷数", "answers")), .. nps.Distribution.Select(Display.Count)]]);
        }

        if (survey.MonthGradings.Count > 0)
        {
            writer.Line();
            writer.Line(writer.T(new("本月贬损者个案分级（每次到店的首次答卷）", "This month's detractor cases by grade (first answer of each visit)")));
            writer.Line();
            WriteGrades(survey.MonthGradings, writer);
        }

        WriteAlerts(survey, clock, writer, zh);
    }

    private void WriteAlerts(SurveyResults survey, StoreClock clock, ReportWriter writer, bool zh)
    {
        var open = survey.OpenAlerts;
        int overdue = open.Count(a => a.Overdue);
        string zone = clock.Zone.Id;
        writer.Line();
        if (open.Count == 0)
        {
            writer.Line(writer.T(new($"截至 {clock.Format(clock.Now)}（{zone}），没有未响应的低分预警。", $"No open low-score alert at {clock.Format(clock.Now)} ({zone}).")));
            return;
        }

        writer.Line(writer.T(new(
            $"未响应的低分预警：{Display.Count(open.Count)} 条，其中 {Display.Count(overdue)} 条已超时（截至 {clock.Format(clock.Now)}，时间均为门店时区 {zone}）",
            $"Open low-score alerts: {Display.Count(open.Count)}, {Display.Count(overdue)} of them overdue (nobody has responded by {clock.Format(clock.Now)}; times in the store's zone, {zone})")));
        writer.Line();
        var shown = open.Take(maxAlerts).ToList();
        writer.Table(
            [new(new("预警", "alert")), new(new("分数", "score"), true), new(new("客户", "customer")), new(new("作答时间", "answered")),
             new(new("通知", "notify")), new(new("响应时限", "respond by")), new(new("状态", "status"))],
            shown.Select(a => new[]
            {
                writer.T(Labels.Of(a.Alert.Level)) + " · " + writer.T(Labels.Of(a.Alert.Mark)),
                Num(a.Answer.Score),
                a.Answer.CustomerId,
                clock.FormatShort(a.Answer.AnsweredAt),
                (a.Alert.Notify is Retention.Nps.StaffRole role ? writer.T(Labels.Of(role)) : "—") + (zh ? "（" : " (") + Labels.Of(a.Alert.Channels, writer.Locale) + (zh ? "）" : ")"),
                a.Alert.Deadline is Instant d ? clock.FormatShort(d) : "—",
                Status(a, clock, writer),
            }));
        if (open.Count > shown.Count)
        {
            writer.Line(writer.T(new($"……另有 {Display.Count(open.Count - shown.Count)} 条，时限更晚", $"... and {Display.Count(open.Count - shown.Count)} more with later deadlines")));
        }

        // What each level means, in the library's words (built from the configured roles, channels and windows).
        writer.Line();
        foreach (var level in shown.Select(a => a.Alert).DistinctBy(a => a.Level).OrderByDescending(a => a.Level))
        {
            writer.Line("  " + writer.T(Labels.Of(level.Level)) + (zh ? "：" : ": ") + writer.T(Labels.Text(level.Action)));
        }

        var graded = shown.Where(a => a.Grading is not null).ToList();
        if (graded.Count == 0)
        {
            return;
        }

        writer.Line();
        writer.Line(writer.T(new("贬损者分级（以上预警中）", "Detractor grades (of the alerts above)")));
        writer.Line();
        writer.Table(
            [new(new("客户", "customer")), new(new("级别", "grade")), new(new("依据", "why")), new(new("负责人", "responder")),
             new(new("响应时限", "respond by")), new(new("补偿权限（元）", "authority (CNY)"), true)],
            graded.Select(a =>
            {
                var g = a.Grading!;
                string late = clock.Now > g.Deadline ? writer.T(new("（已超时）", " (overdue)")) : "";
                return new[]
                {
                    a.Answer.CustomerId,
                    writer.T(Labels.Of(g.Grade)),
                    writer.T(Labels.Text(g.Reason)),
                    writer.T(Labels.Of(g.Responder)) + (zh ? "，" : ", ") + writer.T(Labels.Of(g.Involvement)),
                    clock.FormatShort(g.Deadline) + late,
                    Display.Money(g.CompensationAuthority),
                };
            }));
    }

    private static string Status(OpenAlert a, StoreClock clock, ReportWriter writer)
    {
        if (a.Alert.Deadline is not Instant deadline)
        {
            return "—";
        }

        var length = StoreClock.Length(a.Overdue ? clock.Now - deadline : deadline - clock.Now);
        if (!a.Overdue)
        {
            return writer.T(new($"剩余 {length.ZhCn}", $"due in {length.En}"));
        }

        string text = writer.T(new($"已超时 {length.ZhCn}", $"overdue by {length.En}"));
        return a.Escalates && a.Alert.EscalateTo is Retention.Nps.StaffRole up
            ? text + writer.T(new($"，升级至{Labels.Of(up).ZhCn}", $", escalate to the {Labels.Of(up).En}"))
            : text;
    }

    private static LocalizedText Score(NpsSummary nps)
    {
        if (nps.Score is not double score)
        {
            return new("无 NPS：本月没有到店答卷", "no NPS: no visit of the month was answered");
        }

        string confidence = Display.Number(Confidence(nps.Z) * 100, "0.#");
        string s = Signed(score), low = Signed(nps.IntervalLow!.Value), high = Signed(nps.IntervalHigh!.Value), margin = Display.Number(nps.MarginOfError!.Value, "0.0");
        return new(
            $"{s}（{confidence}% 置信区间 {low} 至 {high}，误差范围 ±{margin} 分），样本 {Display.Count(nps.Count)}",
            $"{s} ({confidence} % confidence interval {low} to {high}, margin of error ±{margin} points), n = {Display.Count(nps.Count)}");
    }

    // One row per grade: how many cases, who responds how fast with what authority (from the gradings), and which rules fired.
    private static void WriteGrades(IReadOnlyList<DetractorGrading> gradings, ReportWriter writer)
    {
        bool zh = Display.IsChinese(writer.Locale);
        writer.Table(
            [new(new("级别", "grade")), new(new("个案", "cases"), true), new(new("负责人", "responder")), new(new("响应时限", "respond within")),
             new(new("补偿权限（元）", "authority (CNY)"), true), new(new("触发规则", "rules"))],
            gradings.GroupBy(g => g.Grade).OrderByDescending(g => g.Key).Select(grade =>
            {
                var g = grade.First();
                var rules = grade.GroupBy(x => x.Rule).OrderBy(x => x.Key)
                    .Select(x => writer.T(Labels.Of(x.Key)) + (zh ? "：" : ": ") + Display.Count(x.Count()));
                return new[]
                {
                    writer.T(Labels.Of(grade.Key)), Display.Count(grade.Count()),
                    writer.T(Labels.Of(g.Responder)) + (zh ? "，" : ", ") + writer.T(Labels.Of(g.Involvement)),
                    writer.T(StoreClock.Length(g.RespondWithin)), Display.Money(g.CompensationAuthority),
                    string.Join(" · ", rules),
                };
            }));
    }

    // The confidence level of a two-sided normal interval with this z: erf(z / sqrt 2), Abramowitz and Stegun 7.1.26 (error < 1.5e-7).
    private static double Confidence(double z)
    {
        double x = z / Math.Sqrt(2);
        double t = 1 / (1 + (0.3275911 * x));
        double poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        return 1 - (poly * Math.Exp(-x * x));
    }

    private static string Signed(double value) => value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string MonthName(YearMonth month) => month.ToString("MMMM uuuu", CultureInfo.InvariantCulture);
}
