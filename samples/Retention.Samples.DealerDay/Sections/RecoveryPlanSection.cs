using System;
using System.Linq;
using Retention.Samples.DealerDay.Report;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Sections;

/// <summary>The week's recovery workload: decisions by verdict and by owner, with the budgets they commit.</summary>
internal sealed class RecoveryPlanSection : IReportSection
{
    private static readonly LocalizedText Heading = new("挽回计划", "Recovery plan");
    private static readonly LocalizedText Budget = new("预算合计（元）", "budget (CNY)");

    public void Write(DealerDayReport report, ReportWriter writer)
    {
        var decisions = report.Customers.Select(c => c.Decision).ToList();
        writer.Heading(Heading);
        if (decisions.Count == 0)
        {
            writer.Line(writer.T(CommonText.NoneScored));
            return;
        }

        writer.Table(
            [new(new("决定", "decision")), new(CommonText.Customers, true), new(Budget, true)],
            Enum.GetValues<RecoveryVerdict>()
                .Select(v => (Verdict: v, Items: decisions.Where(d => d.Verdict == v).ToList()))
                .Where(g => g.Items.Count > 0)
                .Select(g => new[] { writer.T(Labels.Of(g.Verdict)), Display.Count(g.Items.Count), Display.Money(g.Items.Sum(d => d.Budget)) }));
        writer.Line();

        var recovering = decisions.Where(d => d.Recovers).ToList();
        writer.Table(
            [new(new("负责人", "owner")), new(CommonText.Customers, true), new(Budget, true)],
            recovering
                .GroupBy(d => d.Owner)
                .OrderByDescending(g => g.Key.HasValue).ThenByDescending(g => g.Key)
                .Select(g => new[] { writer.T(Labels.Owner(g.Key, RecoveryVerdict.AutomatedOnly)), Display.Count(g.Count()), Display.Money(g.Sum(d => d.Budget)) })
                .Append([writer.T(new("合计", "total")), Display.Count(recovering.Count), Display.Money(recovering.Sum(d => d.Budget))]));

        int overCap = recovering.Count(d => d.BudgetExceedsValueCap);
        if (overCap > 0)
        {
            writer.Line();
            writer.Line(writer.T(new(
                $"其中 {Display.Count(overCap)} 位客户的预算高于其基于客户价值的挽回上限，建议复核。",
                $"{Display.Count(overCap)} of these budgets exceed the customer's value-based recovery cap: worth a review.")));
        }
    }
}
