using System;
using System.Linq;
using Retention.Samples.DealerDay.Report;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Sections;

/// <summary>How the customer base splits by risk tier, churn stage and value tier, with what each means.</summary>
internal sealed class CustomerBaseSection : IReportSection
{
    private static readonly LocalizedText Heading = new("客户概况", "Customer base");

    public void Write(DealerDayReport report, ReportWriter writer)
    {
        var summary = report.Summary;
        int total = summary.Scored;
        writer.Heading(Heading);

        // Risk tiers: counts from the library's batch summary, meaning from the tier profiles.
        writer.Table(
            [new(new("风险等级", "risk tier")), new(CommonText.Customers, true), new(CommonText.Share, true), new(new("负责人", "owner")),
             new(new("响应时限", "respond")), new(new("客户心态", "state of mind"))],
            Enum.GetValues<RiskTier>().Select(tier =>
            {
                var profile = report.Scorer.ProfileOf(tier);
                bool none = tier == RiskTier.None;
                return new[]
                {
                    writer.T(Labels.Of(tier)), Display.Count(summary.Count(tier)), Display.Share(summary.Count(tier), total),
                    none ? "—" : writer.T(Labels.Of(profile.Owner)), none ? "—" : writer.T(Labels.Of(profile.RespondWithin)),
                    writer.T(profile.StateOfMind),
                };
            }));
        writer.Line();

        // Churn stages: counts from the batch summary, the goal from the stage profiles.
        writer.Table(
            [new(new("流失阶段", "churn stage")), new(CommonText.Customers, true), new(CommonText.Share, true), new(new("目标", "goal"))],
            Enum.GetValues<ChurnStage>().Select(stage => new[]
            {
                writer.T(Labels.Of(stage)), Display.Count(summary.Count(stage)), Display.Share(summary.Count(stage), total),
                writer.T(report.Scorer.ProfileOf(stage).Goal),
            }));
        writer.Line();

        // Value tiers: from each decision's value assessment.
        writer.Table(
            [new(new("价值等级", "value tier")), new(CommonText.Customers, true), new(CommonText.Share, true), new(new("其中 VIP", "of them VIP"), true),
             new(new("年消费合计（元）", "annual spend (CNY)"), true)],
            Enum.GetValues<ValueTier>().Reverse().Select(tier =>
            {
                var inTier = report.Customers.Where(c => c.Decision.Value.Tier == tier).ToList();
                return new[]
                {
                    writer.T(Labels.Of(tier)), Display.Count(inTier.Count), Display.Share(inTier.Count, total),
                    Display.Count(inTier.Count(c => c.Decision.Value.IsVip)), Display.Money(inTier.Sum(c => c.Row.Signals.AnnualSpend)),
                };
            }));
    }
}
