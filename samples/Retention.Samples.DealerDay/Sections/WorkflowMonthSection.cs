using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using Retention.Samples.DealerDay.Report;
using Retention.Samples.DealerDay.Simulation;
using Retention.Scoring;
using Retention.Workflows;
using LocalizedText = Retention.Scoring.LocalizedText;

namespace Retention.Samples.DealerDay.Sections;

/// <summary>
/// The month simulated with Retention.Workflows: a day-by-day summary, the cases by kind, the KPIs of workflows.md
/// section 8 against their targets, and a few escalations as the engine worded them.
/// </summary>
internal sealed class WorkflowMonthSection(MonthSimulation simulation, int examples = 4) : IReportSection
{
    private static readonly LocalizedText Heading = new("模拟一个月：挽回与回访流程（Retention.Workflows）", "A month simulated: recovery and follow-up workflows (Retention.Workflows)");

    public void Write(DealerDayReport report, ReportWriter writer)
    {
        writer.Heading(Heading);
        if (report.Customers.Count == 0)
        {
            writer.Line(writer.T(CommonText.NoneScored));
            return;
        }

        SimulatedMonth month;
        try
        {
            month = simulation.Run(report);
        }
        catch (Exception e) when (e is WorkflowException or WorkflowDefinitionException or TypeInitializationException)
        {
            // The rest of the report stands on its own; say why this section could not run instead of stopping it.
            writer.Line(writer.T(new($"模拟未能运行：{e.GetBaseException().Message}", $"The simulation could not run: {e.GetBaseException().Message}")));
            return;
        }

        string from = StoreClock.FormatDay(month.Start, writer.Locale), to = StoreClock.FormatDay(month.End, writer.Locale);
        string seed = month.Seed.ToString(CultureInfo.InvariantCulture);
        writer.Line(writer.T(new(
            $"{from} 至 {to}，共 {MonthSimulation.DayCount} 天。每周一按当天重新筛查：新进入黄/橙/红色预警的客户启动内置挽回 SOP；",
            $"{from} to {to}, {MonthSimulation.DayCount} days. Every Monday the screening is rerun: customers new to Yellow, Orange or Red start the built-in SOP;")));
        writer.Line(writer.T(new(
            "首个周一另有：未处理的低分预警启动对应等级的 NPS 挽救，周末到店客户启动保养后回访（模拟中回店的客户也会启动）。",
            "on the first Monday open low-score alerts start the NPS rescue of their grade and the weekend's visitors the post-service follow-up (so do customers who come back).")));
        writer.Line(writer.T(new(
            $"每天 5 轮（09:00 至 18:00）：引擎检查超时并升级，DueTaskSweep 收集待办，员工完成其中一部分；结果取自固定种子 {seed}（员工忙、客户不接、拒绝或犹豫）。",
            $"Five rounds a day (09:00 to 18:00): the engine ticks (overdue steps escalate), DueTaskSweep collects the open tasks, staff do some; outcomes come from seed {seed}.")));
        writer.Line();

        WriteDays(month, writer);
        writer.Line();
        WriteCases(month, writer);
        writer.Line();
        WriteKpis(month, writer);
        writer.Line();
        WriteEscalations(month, writer);
    }

    private static void WriteDays(SimulatedMonth month, ReportWriter writer)
    {
        var rows = month.Days.Select(d => (IReadOnlyList<string>)
        [
            StoreClock.FormatDay(d.Date, writer.Locale), Display.Count(d.Started), Display.Count(d.TasksDone), Display.Count(d.NoAnswer),
            Display.Count(d.Escalations), Display.Count(d.Bookings), Display.Count(d.Visits), Display.Count(d.Finished),
            Display.Count(d.TouchesScheduled), Display.Count(d.TouchesDropped),
        ]).ToList();
        rows.Add(
        [
            writer.T(new("合计", "total")), Display.Count(month.Days.Sum(d => d.Started)), Display.Count(month.Days.Sum(d => d.TasksDone)),
            Display.Count(month.Days.Sum(d => d.NoAnswer)), Display.Count(month.Days.Sum(d => d.Escalations)), Display.Count(month.Days.Sum(d => d.Bookings)),
            Display.Count(month.Days.Sum(d => d.Visits)), Display.Count(month.Days.Sum(d => d.Finished)),
            Display.Count(month.Days.Sum(d => d.TouchesScheduled)), Display.Count(month.Days.Sum(d => d.TouchesDropped)),
        ]);
        WriteTable(writer, rows);
        if (month.DropReasons.Count > 0)
        {
            writer.Line(writer.T(new("触达经联系日历（Retention.Contact）排期；放弃的主要原因：", "Touches go through the contact calendar (Retention.Contact); the main reasons for dropping one:")));
            foreach (var r in month.DropReasons.Take(3))
            {
                writer.Line($"  {Display.PadLeft(Display.Count(r.Count), 5)}  {writer.T(r.Text)}");
            }
        }
    }

    private static void WriteTable(ReportWriter writer, List<IReadOnlyList<string>> rows)
    {
        writer.Table(
        [
            new(new("日期", "day")), new(new("启动", "started"), true), new(new("完成任务", "tasks done"), true), new(new("未接通", "no answer"), true),
            new(new("升级", "escalated"), true), new(new("预约", "booked"), true), new(new("到店", "visits"), true), new(new("结束", "finished"), true),
            new(new("触达排期", "touches planned"), true), new(new("触达放弃", "dropped"), true),
        ],
            rows);
    }

    private static void WriteCases(SimulatedMonth month, ReportWriter writer)
    {
        writer.Table(
        [
            new(new("流程", "workflow")), new(new("启动", "started"), true), new(new("进行中", "running"), true), new(new("挽回/完成", "recovered"), true),
            new(new("未挽回", "not recovered"), true), new(new("告别", "farewell"), true), new(new("取消", "cancelled"), true),
            new(new("已预约", "booked"), true), new(new("已回店", "came back"), true), new(new("升级", "escalations"), true), new(new("审批预算（元）", "approvals (CNY)"), true),
        ],
            Enum.GetValues<CaseKind>().Select(k => (Kind: k, Cases: month.Cases.Where(c => c.Kind == k).ToList())).Where(g => g.Cases.Count > 0).Select(g => (IReadOnlyList<string>)
            [
                writer.T(Name(g.Kind)), Display.Count(g.Cases.Count), Display.Count(g.Cases.Count(c => !c.Instance.IsFinished)),
                Display.Count(Ended(g.Cases, WorkflowOutcome.Recovered)), Display.Count(Ended(g.Cases, WorkflowOutcome.NotRecovered)),
                Display.Count(Ended(g.Cases, WorkflowOutcome.Farewell)), Display.Count(Ended(g.Cases, WorkflowOutcome.Cancelled)),
                Display.Count(g.Cases.Count(c => c.Booked)), Display.Count(g.Cases.Count(c => c.Visited)), Display.Count(g.Cases.Sum(c => c.Escalations)),
                Display.Money(g.Cases.Sum(c => c.Approvals)),
            ]));
        writer.Line(writer.T(new(
            "“已回店”：SOP 中的到店步骤已完成。风险流程在到店后还有 1-12 个月的关怀，所以月底时大多仍在进行中。",
            "\"came back\": the SOP's visit step was done. Risk SOPs go on with 1 to 12 months of care after the visit, so most are still running at the end of the month.")));
    }

    private static void WriteKpis(SimulatedMonth month, ReportWriter writer)
    {
        // The library's KPIs over the month's risk-tier instances and post-service follow-ups, as of the end of the month.
        var risk = month.Cases.Where(c => c.Kind is CaseKind.Yellow or CaseKind.Orange or CaseKind.Red).ToList();
        var kpis = new WorkflowKpis(new KpiOptions());
        var followUps = month.Cases.Where(c => c.Kind == CaseKind.FollowUp).Select(c => kpis.FollowUpCaseOf(c.Instance)).ToArray();
        var review = kpis.Review(risk.Select(c => c.Instance).ToArray(), followUps, KpiFigures.None, month.EndsAt);

        var rows = new List<IReadOnlyList<string>>();
        foreach (var kpi in review.Kpis.Where(k => k.HasData && !NotSimulated.Contains(k.Id)))
        {
            LocalizedText verdict = kpi.Met == true ? new("达标", "met") : new("未达标", "missed");
            rows.Add([writer.T(Group(kpi.Group)), writer.T(new(kpi.Name.ZhCn, kpi.Name.En)), kpi.Format(kpi.Value!.Value), Counted(kpi.Hits, kpi.Count), Target(kpi), writer.T(verdict)]);
        }

        // The sample's own row: the NPS rescues are not risk-tier instances, so the library's on-time KPI does not see them.
        var sample = new LocalizedText("本示例", "sample");
        var rescues = month.Cases.Where(c => c.Kind == CaseKind.NpsRescue).Select(c => OnTime(month, c, FirstContactStep(month, c))).Where(x => x is not null).ToList();
        int onTime = rescues.Count(x => x == true);
        rows.Add([writer.T(sample), writer.T(new("NPS 低分挽救：首次联系按时", "NPS rescue: first contact on time")), Display.Share(onTime, rescues.Count), Counted(onTime, rescues.Count),
            ">= 100 %", writer.T(Verdict(rescues.Count == 0 ? null : onTime == rescues.Count))]);

        writer.Table(
        [
            new(new("类别", "group")), new(new("指标（workflows.md 第 8 节）", "KPI (workflows.md section 8)")), new(new("实际", "actual"), true),
            new(new("计数", "count"), true), new(new("目标", "target")), new(new("结果", "result")),
        ],
            rows);

        var missing = review.Kpis.Where(k => !k.HasData || NotSimulated.Contains(k.Id)).Select(k => writer.T(new(k.Name.ZhCn, k.Name.En))).ToList();
        writer.Line(writer.T(new(
            "指标由 Retention.Workflows 的 WorkflowKpis.Review 在月底计算：电话接通按每次拨打计（首次与重拨）；挽回成功 = 已结束或客户已回店的流程中挽回的比例（风险流程在到店后还有数月关怀，客户回店即计为挽回）。"
            + (missing.Count > 0 ? $"一个月的模拟无法提供数据的指标：{string.Join("、", missing)}。" : string.Empty),
            "KPIs from Retention.Workflows' WorkflowKpis.Review at the end of the month: calls answered count every attempt (first call and retry); recovery success = "
            + "recovered among the workflows that finished or whose customer came back (risk SOPs go on with months of care after the visit, so coming back counts)."
            + (missing.Count > 0 ? $" Not measurable from one simulated month: {string.Join(", ", missing)}." : string.Empty))));
        if (review.FailureReasons.Length > 0)
        {
            writer.Line(writer.T(new("未挽回的主要原因（最后完成的步骤：结果）：", "Main reasons for failure (last step done: outcome):"))
                + (Display.IsChinese(writer.Locale) ? string.Empty : " ") + string.Join(", ", review.FailureReasons.Take(3).Select(r => $"{r.Reason} ({Display.Count(r.Count)})")));
        }
    }

    // Problems found are not worked to a solution in the simulation (no problem-level workflow is started).
    private static readonly HashSet<string> NotSimulated = new(StringComparer.Ordinal) { "followup.problems-solved" };

    /// <summary>A post-service follow-up as the KPI calculator reads it: the visit, the first call, the answer, a problem.</summary>
    private static string Counted(int hits, int count) => $"{Display.Count(hits)}/{Display.Count(count)}";

    private static string Target(Kpi kpi) => kpi.Target.Comparison switch
    {
        KpiComparison.AtLeast => ">= " + kpi.Format(kpi.Target.Value),
        KpiComparison.MoreThan => "> " + kpi.Format(kpi.Target.Value),
        _ => kpi.Format(kpi.Target.Value) + " - " + kpi.Format(kpi.Target.UpperValue),
    };

    private static LocalizedText Verdict(bool? met) => met switch
    {
        true => new("达标", "met"),
        false => new("未达标", "missed"),
        _ => new("无数据", "no data"),
    };

    private static LocalizedText Group(KpiGroup group) => group switch
    {
        KpiGroup.Process => new("过程", "process"),
        KpiGroup.Results => new("结果", "results"),
        _ => new("回访", "follow-up"),
    };

    private void WriteEscalations(SimulatedMonth month, ReportWriter writer)
    {
        writer.Line(writer.T(new(
            $"升级共 {Display.Count(month.Escalations.Count)} 次，示例（引擎给出的原因）：",
            $"{Display.Count(month.Escalations.Count)} escalations; examples, in the engine's words:")));

        // Steps that fell due during the month, one per kind of workflow, so the examples show different SOPs.
        var picked = month.Escalations.Where(e => e.At >= month.StartsAt).GroupBy(e => e.Kind).Select(g => g.First()).Take(examples).ToList();
        foreach (var e in picked)
        {
            writer.Line($"  {e.CustomerId}  [{writer.T(Name(e.Kind))}]  {writer.T(e.Reason)}");
        }

        int late = month.Escalations.Count(e => e.At < month.StartsAt);
        if (late > 0)
        {
            writer.Line(writer.T(new(
                $"另有 {Display.Count(late)} 次升级的截止时间早于模拟开始：模拟开始时已逾期的低分预警与周末到店客户的回访。",
                $"{Display.Count(late)} more were due before the simulation started: low-score alerts already overdue and the weekend visitors' follow-ups.")));
        }
    }

    private static int Ended(List<SimulatedCase> cases, WorkflowOutcome outcome) => cases.Count(c => c.Instance.Outcome == outcome);

    /// <summary>The first step that reaches the customer (the call of a risk SOP, the first contact of a rescue).</summary>
    private static string? FirstContactStep(SimulatedMonth month, SimulatedCase c) =>
        month.Engine.DefinitionOf(c.Instance).Steps.FirstOrDefault(s => s.Channels.Length > 0)?.Id;

    /// <summary>Whether a step was done on time: <see langword="null"/> when it was not reached, skipped, cancelled before its due, or open and not yet due.</summary>
    private static bool? OnTime(SimulatedMonth month, SimulatedCase c, string? stepId)
    {
        if (stepId is null || c.Instance.StateOf(stepId) is not { } s || s.Status == StepStatus.Skipped && s.OverdueAt is null || s.DueAt is not Instant due)
        {
            return null;
        }

        if (s.Status == StepStatus.Done)
        {
            return s.OverdueAt is null && s.CompletedAt <= due;
        }

        return due <= month.EndsAt ? false : null;
    }

    private static LocalizedText Name(CaseKind kind) => kind switch
    {
        CaseKind.Yellow => new("黄色预警挽回", "Yellow recovery"),
        CaseKind.Orange => new("橙色预警挽回", "Orange recovery"),
        CaseKind.Red => new("红色预警挽回", "Red recovery"),
        CaseKind.NpsRescue => new("NPS 低分挽救", "NPS rescue"),
        _ => new("保养后回访", "post-service follow-up"),
    };
}
