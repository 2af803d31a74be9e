using System;
using System.Linq;
using Retention.Samples.DealerDay.Report;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Sections;

/// <summary>Which signals push customers into a risk tier: each term's share of the score, from <see cref="RiskAssessment.Terms"/>.</summary>
internal sealed class RiskDriversSection : IReportSection
{
    private static readonly LocalizedText Heading = new("风险来源（黄色预警及以上的客户）", "What drives the risk (customers at Yellow or above)");

    public void Write(DealerDayReport report, ReportWriter writer)
    {
        var atRisk = report.Customers.Where(c => c.Risk.Tier != RiskTier.None).ToList();
        writer.Heading(Heading);
        if (atRisk.Count == 0)
        {
            writer.Line(writer.T(new("没有处于风险等级的客户。", "No customer is in a risk tier.")));
            return;
        }

        var terms = atRisk.Select(c => c.Risk.Terms()).ToList(); // largest term first
        writer.Table(
            [new(new("指标", "signal")), new(new("最大扣分项的客户数", "largest term for"), true), new(new("平均得分", "average points"), true),
             new(new("满分", "of"), true), new(new("缺失", "missing"), true)],
            Enum.GetValues<RiskSignal>().Select(signal =>
            {
                var mine = terms.Select(t => t.First(term => term.Signal == signal)).ToList();
                return new[]
                {
                    writer.T(Labels.Of(signal)),
                    Display.Count(terms.Count(t => t[0].Signal == signal)),
                    Display.Points(mine.Average(t => t.Points)),
                    Display.Number(mine[0].Weight, "0.#"),
                    Display.Count(mine.Count(t => t.IsMissing)),
                };
            }));
    }
}
