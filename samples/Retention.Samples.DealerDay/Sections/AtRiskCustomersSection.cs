using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Retention.Samples.DealerDay.Report;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Sections;

/// <summary>
/// The customers with the highest churn-risk scores: why (term by term), what to do, who owns it,
/// the budget, and the reason from the recovery decision.
/// </summary>
internal sealed class AtRiskCustomersSection(int count) : IReportSection
{
    private static readonly LocalizedText ValueLabel = new("客户价值", "value");
    private static readonly LocalizedText WhyLabel = new("风险原因", "why");
    private static readonly LocalizedText DecisionLabel = new("建议动作", "action");
    private static readonly LocalizedText HowLabel = new("方式", "how");
    private static readonly LocalizedText ReasonLabel = new("决策依据", "reason");
    private static readonly LocalizedText SuccessLabel = new("挽回成功率", "chance");
    private static readonly LocalizedText CauseLabel = new("流失原因", "cause");
    private const string Indent = "     ";

    public void Write(DealerDayReport report, ReportWriter writer)
    {
        var top = report.MostAtRisk().Take(count).ToList();
        if (top.Count == 0)
        {
            writer.Heading(new("风险最高的客户", "Customers most at risk"));
            writer.Line(writer.T(CommonText.NoneScored));
            return;
        }

        writer.Heading(new($"风险最高的 {top.Count} 位客户", $"The {top.Count} customers most at risk"));
        int width = new[] { ValueLabel, WhyLabel, DecisionLabel, HowLabel, ReasonLabel, SuccessLabel, CauseLabel }.Max(l => Display.Width(writer.T(l)));

        for (int i = 0; i < top.Count; i++)
        {
            if (i > 0)
            {
                writer.Line();
            }

            Write(top[i], i + 1, report, writer, width);
        }
    }

    // The terms that add points, largest first (RiskAssessment.Terms), as "points/weight"; then the missing signals.
    private static string Why(RiskAssessment risk, string locale)
    {
        bool zh = Display.IsChinese(locale);
        var terms = risk.Terms();
        var parts = terms.Where(t => t.Points > 0)
            .Select(t => $"{t.Name.Get(locale)} {Display.Number(t.Points, "0.#")}/{Display.Number(t.Weight, "0.#")}")
            .Concat(terms.Where(t => t.IsMissing).Select(t => t.Name.Get(locale) + (zh ? "：缺失" : ": missing")))
            .ToList();
        return parts.Count == 0 ? (zh ? "无扣分项" : "no term adds points") : string.Join(zh ? "；" : "; ", parts);
    }

    private static void Write(ScoredCustomer customer, int rank, DealerDayReport report, ReportWriter writer, int width)
    {
        var risk = customer.Risk;
        var d = customer.Decision;
        var value = d.Value;
        string locale = writer.Locale;

        writer.Line(Display.PadLeft(rank.ToString(CultureInfo.InvariantCulture), 3) + ". " + customer.Row.CustomerId + "  " + writer.T(new(
            $"{Display.Points(risk.Score)} 分 · {Labels.Of(risk.Tier).ZhCn} · {Labels.Of(risk.Stage).ZhCn}（{risk.DaysSinceLastVisit} 天未到店）",
            $"{Display.Points(risk.Score)} points · {Labels.Of(risk.Tier).En} · {Labels.Of(risk.Stage).En} ({risk.DaysSinceLastVisit} days since last visit)")));

        string score = value.ValueScore is double s ? Display.Number(s, "0.#") : "—";
        writer.Field(ValueLabel, writer.T(new(
            $"{Labels.Of(value.Tier).ZhCn} · 价值分 {score}{(value.IsVip ? "（VIP）" : "")} · CLV {Display.Money(value.LifetimeValue)} 元 · 年消费 {Display.Money(value.AnnualSpend)} 元",
            $"{Labels.Of(value.Tier).En} · value score {score}{(value.IsVip ? " (VIP)" : "")} · CLV {Display.Money(value.LifetimeValue)} · annual spend {Display.Money(value.AnnualSpend)}")), width, Indent);

        writer.Field(WhyLabel, Why(risk, locale), width, Indent);

        var parts = new List<string> { writer.T(Labels.Of(d.Verdict)) };
        if (d.Owner is not null || d.Verdict == RecoveryVerdict.AutomatedOnly)
        {
            parts.Add(writer.T(Labels.Owner(d.Owner, d.Verdict)));
        }

        if (d.Recovers && d.RespondWithin is { } window)
        {
            parts.Add(writer.T(Labels.Of(window)));
        }

        if (d.Recovers)
        {
            string cap = Display.Money(d.MaxRecoveryCost);
            parts.Add(writer.T(new(
                $"预算 {Display.Money(d.Budget)} 元（价值上限 {cap} 元{(d.BudgetExceedsValueCap ? "，超出，需复核" : "")}）",
                $"budget {Display.Money(d.Budget)} (value cap {cap}{(d.BudgetExceedsValueCap ? ", exceeded: review" : "")})")));
        }

        writer.Field(DecisionLabel, string.Join(" · ", parts), width, Indent);
        if (d.Recovers)
        {
            writer.Field(HowLabel, Labels.Of(d.Channels, locale) + (Display.IsChinese(locale) ? "：" : ": ") + Labels.Of(d.Actions, locale), width, Indent);
        }

        writer.Field(ReasonLabel, d.Reason.Get(locale), width, Indent);
        writer.Field(SuccessLabel, d.Success.Reason.Get(locale), width, Indent);
        if (customer.Row.Context.Reason is ChurnReason reason)
        {
            var info = report.Planner.ReasonInfo(reason);
            writer.Field(CauseLabel, writer.T(Labels.Of(reason)) + (Display.IsChinese(locale) ? "：" : ": ") + info.Remedy.Get(locale), width, Indent);
        }
    }
}
