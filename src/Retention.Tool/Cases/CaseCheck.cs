using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime.Text;
using Retention.Scoring;

namespace Retention.Tool.Cases;

/// <summary>One expectation of a case that did not hold.</summary>
/// <param name="Column">The expectation column, for example <c>expected_tier</c>.</param>
/// <param name="Expected">The value the case expects, as written in the report.</param>
/// <param name="Actual">The value the options gave.</param>
internal sealed record CaseMismatch(string Column, string Expected, string Actual)
{
    /// <summary><c>expected_tier: expected Yellow, actual None</c>.</summary>
    public override string ToString() => $"{Column}: expected {Expected}, actual {Actual}";
}

/// <summary>A case evaluated with the options: what the library said and which expectations did not hold.</summary>
/// <param name="Case">The case.</param>
/// <param name="Risk">The churn-risk assessment.</param>
/// <param name="Value">The value assessment (with the case's value score when it has one).</param>
/// <param name="Decision">The recovery decision; <see langword="null"/> when the case has no value score.</param>
/// <param name="Mismatches">The expectations that did not hold, in <see cref="CaseColumns.Expectations"/> order; empty when the case passed.</param>
internal sealed record CaseResult(GoldenCase Case, RiskAssessment Risk, ValueAssessment Value, RecoveryDecision? Decision, IReadOnlyList<CaseMismatch> Mismatches)
{
    /// <summary>Whether every expectation held.</summary>
    public bool Passed => Mismatches.Count == 0;
}

/// <summary>
/// Evaluates golden cases with one set of scoring options, as a host would: <see cref="RiskScorer.Score"/>,
/// <see cref="CustomerValuation.Assess(decimal, double)"/> and <see cref="RecoveryPlanner.Decide(in CustomerSignals, NodaTime.LocalDate, double, RecoveryContext)"/>,
/// and explains a result term by term.
/// </summary>
internal sealed class CaseCheck
{
    private readonly ScoringOptions _options;
    private readonly RiskScorer _scorer;
    private readonly CustomerValuation _valuation;
    private readonly RecoveryPlanner _planner;

    /// <summary>Creates the check from valid options.</summary>
    /// <param name="options">The scoring options under test.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public CaseCheck(ScoringOptions options)
    {
        _options = options;
        _scorer = new RiskScorer(options);
        _valuation = new CustomerValuation(options);
        _planner = new RecoveryPlanner(options);
    }

    /// <summary>Evaluates a case and compares every expectation it has.</summary>
    /// <param name="golden">A case whose signals passed the library's checks (<see cref="CaseFile"/> makes sure of that).</param>
    /// <returns>The result.</returns>
    public CaseResult Run(GoldenCase golden)
    {
        var risk = _scorer.Score(golden.Signals, golden.AsOf);
        var value = golden.ValueScore is double vs ? _valuation.Assess(golden.Signals.AnnualSpend, vs) : _valuation.Assess(golden.Signals.AnnualSpend);
        var decision = golden.ValueScore is double score ? _planner.Decide(golden.Signals, golden.AsOf, score, golden.Context) : null;

        var e = golden.Expected;
        var mismatches = new List<CaseMismatch>();
        if (e.Score is double s && !(Math.Abs(risk.Score - s) <= CaseColumns.ScoreTolerance))
        {
            mismatches.Add(new(CaseColumns.ExpectedScore, Num(s), Num(risk.Score)));
        }

        Compare(CaseColumns.ExpectedTier, e.Tier, risk.Tier, mismatches);
        Compare(CaseColumns.ExpectedStage, e.Stage, risk.Stage, mismatches);
        Compare(CaseColumns.ExpectedValueTier, e.ValueTier, value.Tier, mismatches);
        if (e.LifetimeValue is decimal clv && Math.Abs(value.LifetimeValue - clv) > CaseColumns.MoneyTolerance)
        {
            mismatches.Add(new(CaseColumns.ExpectedClv, Money(clv), Money(value.LifetimeValue)));
        }

        if (decision is not null)
        {
            Compare(CaseColumns.ExpectedDecision, e.Decision, decision.Verdict, mismatches);
            Compare(CaseColumns.ExpectedRule, e.Rule, decision.Rule, mismatches);
            if (e.Budget is decimal budget && Math.Abs(decision.Budget - budget) > CaseColumns.MoneyTolerance)
            {
                mismatches.Add(new(CaseColumns.ExpectedBudget, Money(budget), Money(decision.Budget)));
            }
        }

        return new CaseResult(golden, risk, value, decision, mismatches);
    }

    /// <summary>
    /// Why the library said what it said: the risk terms' points, the tier and stage with their thresholds, the value tier
    /// and CLV with their options, and the decision's verdict, rule, budget and reason, one line each.
    /// </summary>
    /// <param name="result">A result of <see cref="Run"/>.</param>
    /// <param name="chinese">Whether to write in Chinese (else English).</param>
    /// <returns>The lines.</returns>
    public IReadOnlyList<string> Why(CaseResult result, bool chinese)
    {
        string locale = chinese ? "zh-CN" : "en";
        var risk = result.Risk;
        var value = result.Value;
        var t = _options.Tiers;
        var st = _options.Stages;
        var v = _options.Value;
        var lines = new List<string>(5);

        lines.Add((chinese ? "风险：" : "risk: ") + risk.Explain(locale));
        lines.Add(chinese
            ? $"风险等级：{risk.Tier}（Yellow ≥ {Num(t.YellowFrom)}，Orange ≥ {Num(t.OrangeFrom)}，Red ≥ {Num(t.RedFrom)}）"
            : $"tier: {risk.Tier} (Yellow from {Num(t.YellowFrom)}, Orange from {Num(t.OrangeFrom)}, Red from {Num(t.RedFrom)})");

        string days = risk.DaysSinceLastVisit.ToString(CultureInfo.InvariantCulture);
        string from = LocalDatePattern.Iso.Format(result.Case.Signals.LastVisit);
        string to = LocalDatePattern.Iso.Format(result.Case.AsOf);
        lines.Add(chinese
            ? $"流失阶段：{risk.Stage}，{from} 至 {to} 共 {days} 天未到店（PreChurn ≥ {st.PreChurnFrom} 天，EarlyChurn ≥ {st.EarlyChurnFrom}，DeepChurn ≥ {st.DeepChurnFrom}，Lost ≥ {st.LostFrom}）"
            : $"stage: {risk.Stage}, {days} days since the last visit ({from} to {to}; PreChurn from {st.PreChurnFrom} days, EarlyChurn from {st.EarlyChurnFrom}, DeepChurn from {st.DeepChurnFrom}, Lost from {st.LostFrom})");

        string spend = Money(value.AnnualSpend);
        string clv = $"{spend} x {Num(v.GrossMargin)} x {Num(v.ExpectedLifetimeYears)} - {Num(v.AcquisitionCost)} = {Money(value.LifetimeValue)}";
        string score = value.ValueScore is double vs ? Num(vs) : (chinese ? "未给出" : "not given");
        lines.Add(chinese
            ? $"客户价值：{value.Tier}，年消费 {spend}（Mid ≥ {Num(v.MidTierFrom)}，High > {Num(v.HighTierAbove)}）；CLV = {clv}；价值分 {score}"
            : $"value: {value.Tier}, annual spend {spend} (Mid from {Num(v.MidTierFrom)}, High above {Num(v.HighTierAbove)}); CLV = {clv}; value score {score}");

        if (result.Decision is { } d)
        {
            lines.Add(chinese
                ? $"挽回决策：{d.Verdict}（规则 {d.Rule}，预算 {Money(d.Budget)}）：{d.Reason.Get(locale)}"
                : $"decision: {d.Verdict} (rule {d.Rule}, budget {Money(d.Budget)}): {d.Reason.Get(locale)}");
        }
        else
        {
            lines.Add(chinese ? "挽回决策：未评估（该行没有 value_score）" : "decision: not evaluated (the row has no value_score)");
        }

        return lines;
    }

    private static void Compare<T>(string column, T? expected, T actual, List<CaseMismatch> mismatches)
        where T : struct, Enum
    {
        if (expected is T e && !e.Equals(actual))
        {
            mismatches.Add(new(column, e.ToString(), actual.ToString()));
        }
    }

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Num(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
