using System;
using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Retention.Scoring;

/// <summary>
/// Decides whether and how to win a customer back: strategy matrix, success estimate, churn-reason
/// remedies and the recovery decision (spec: scoring.md sections 6-9).
/// </summary>
/// <remarks>Holds a validated copy of the options; immutable and thread-safe.</remarks>
public sealed class RecoveryPlanner
{
    private readonly RiskScorer _risk;
    private readonly CustomerValuation _value;
    private readonly StrategyCell?[] _cells; // [stage * 3 + valueTier]
    private readonly SuccessEstimateOptions _s;
    private readonly RecoveryDecisionOptions _d;
    private readonly ChurnReasonInfo[] _reasons;

    /// <summary>Creates a planner from options, validating them first.</summary>
    /// <param name="options">The scoring options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad option.</exception>
    public RecoveryPlanner(ScoringOptions options)
    {
        _risk = new RiskScorer(options); // validates
        _value = new CustomerValuation(options);
        _cells = new StrategyCell?[5 * 3];
        for (var stage = ChurnStage.PreChurn; stage <= ChurnStage.Lost; stage++)
        {
            for (var tier = ValueTier.Low; tier <= ValueTier.High; tier++)
            {
                _cells[((int)stage * 3) + (int)tier] = StrategyCell.From(stage, tier, options.Strategy.Cell(stage, tier)!);
            }
        }

        _s = options.SuccessEstimate.Clone();
        _d = options.Decision.Clone();
        _reasons =
        [
            new(ChurnReason.Other, new ShareRange(0, 0.15), _s.Other, RecoveryActions.None, new("具体情况具体分析", "handle case by case")),
            new(ChurnReason.Price, new ShareRange(0.35, 0.45), _s.Price, RecoveryActions.ExclusiveBenefits | RecoveryActions.ValueComparison,
                new("专属优惠，并用价值对比说明物有所值", "an exclusive offer, with a value comparison that shows what the price buys")),
            new(ChurnReason.ServiceExperience, new ShareRange(0.25, 0.25), _s.ServiceExperience, RecoveryActions.ApologyAndCommitment | RecoveryActions.VipService,
                new("诚恳道歉，承诺改进，并提供 VIP 服务", "a sincere apology, a commitment to improve, and VIP service")),
            new(ChurnReason.Inconvenience, new ShareRange(0.15, 0.20), _s.Inconvenience, RecoveryActions.FreePickUp | RecoveryActions.LoanerCar | RecoveryActions.FastLane,
                new("上门取送车、提供代步车或快速通道", "pick-up and return, a loaner car or a fast lane")),
            new(ChurnReason.MovedOrChangedCar, new ShareRange(0.10, 0.10), _s.MovedOrChangedCar, RecoveryActions.None,
                new("原因无法由门店解决，保持礼貌联系即可", "the store cannot fix this; keep in polite touch")),
        ];
    }

    /// <summary>Creates a planner from the options registered in dependency injection.</summary>
    /// <param name="options">The scoring options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public RecoveryPlanner(IOptions<ScoringOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>The strategy matrix cell for a churn stage and value tier.</summary>
    /// <param name="stage">The churn stage.</param>
    /// <param name="valueTier">The value tier.</param>
    /// <returns>The cell, or <see langword="null"/> for <see cref="ChurnStage.Active"/> (nothing to recover).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not defined.</exception>
    public StrategyCell? StrategyFor(ChurnStage stage, ValueTier valueTier)
    {
        if ((uint)stage > (uint)ChurnStage.Lost)
        {
            throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown churn stage.");
        }

        if ((uint)valueTier > (uint)ValueTier.High)
        {
            throw new ArgumentOutOfRangeException(nameof(valueTier), valueTier, "Unknown value tier.");
        }

        return _cells[((int)stage * 3) + (int)valueTier];
    }

    /// <summary>What the playbooks know of a churn reason: share, solvability and first remedy.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The reason's information.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not defined.</exception>
    public ChurnReasonInfo ReasonInfo(ChurnReason reason) =>
        (uint)reason < (uint)_reasons.Length ? _reasons[(int)reason] : throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown churn reason.");

    /// <summary>Estimates the chance of winning a customer back (spec: scoring.md section 7).</summary>
    /// <param name="daysSinceLastVisit">Calendar days since the last visit, at least 0.</param>
    /// <param name="reason">Why the customer left; <see langword="null"/> when unknown (counts as <see cref="ChurnReason.Other"/>).</param>
    /// <param name="historicalSatisfaction">Historical satisfaction in [0, 10]; <see langword="null"/> when unknown (counts as the middle band).</param>
    /// <param name="stickiness">How much the customer interacts with the store.</param>
    /// <returns>The estimate with each dimension's points.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public SuccessEstimate EstimateSuccess(int daysSinceLastVisit, ChurnReason? reason, double? historicalSatisfaction, Stickiness stickiness)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysSinceLastVisit);
        if (historicalSatisfaction is double hs && !(hs >= 0 && hs <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(historicalSatisfaction), hs, "Satisfaction must be in [0, 10].");
        }

        if ((uint)stickiness > (uint)Stickiness.High)
        {
            throw new ArgumentOutOfRangeException(nameof(stickiness), stickiness, "Unknown stickiness.");
        }

        var solvability = ReasonInfo(reason ?? ChurnReason.Other).Solvability;
        double duration = daysSinceLastVisit < _s.ThreeMonthsDays ? _s.UpToThreeMonthsPoints
            : daysSinceLastVisit < _s.SixMonthsDays ? _s.UpToSixMonthsPoints
            : daysSinceLastVisit < _s.TwelveMonthsDays ? _s.UpToTwelveMonthsPoints
            : _s.OverTwelveMonthsPoints;
        double reasonPoints = solvability switch
        {
            Solvability.Solvable => _s.SolvablePoints,
            Solvability.PartlySolvable => _s.PartlySolvablePoints,
            _ => _s.NotSolvablePoints,
        };
        double satisfaction = historicalSatisfaction switch
        {
            null => _s.MidSatisfactionPoints,
            double v when v > _s.HighSatisfactionAbove => _s.HighSatisfactionPoints,
            double v when v >= _s.MidSatisfactionFrom => _s.MidSatisfactionPoints,
            _ => _s.LowSatisfactionPoints,
        };
        double stick = stickiness switch
        {
            Stickiness.High => _s.HighStickinessPoints,
            Stickiness.Medium => _s.MediumStickinessPoints,
            _ => _s.LowStickinessPoints,
        };
        double total = ((duration * _s.DurationWeight) + (reasonPoints * _s.ReasonWeight) + (satisfaction * _s.SatisfactionWeight) + (stick * _s.StickinessWeight)) / 100.0;
        total = Math.Min(total, 5.0); // weights add up to 100 within 1e-9
        var (advice, probability) = Band(total);
        return new SuccessEstimate(duration, reasonPoints, satisfaction, stick, total, advice, probability, AdviceText(advice, total, probability));
    }

    /// <summary>Decides on a recovery for one customer with no further context (reason unknown, low stickiness, no lost-customer exception).</summary>
    /// <param name="signals">The customer's signals.</param>
    /// <param name="asOf">The date to decide for, in the store's calendar.</param>
    /// <param name="valueScore">The customer's value score in [0, 100].</param>
    /// <returns>The decision.</returns>
    /// <exception cref="InvalidSignalException">A signal is out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="valueScore"/> is outside [0, 100].</exception>
    public RecoveryDecision Decide(in CustomerSignals signals, LocalDate asOf, double valueScore) => Decide(signals, asOf, valueScore, default);

    /// <summary>Decides on a recovery for one customer with no further context, the value score taken from the store's CLV distribution.</summary>
    /// <param name="signals">The customer's signals.</param>
    /// <param name="asOf">The date to decide for, in the store's calendar.</param>
    /// <param name="distribution">The store's CLV distribution.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidSignalException">A signal is out of range.</exception>
    public RecoveryDecision Decide(in CustomerSignals signals, LocalDate asOf, ValueDistribution distribution) => Decide(signals, asOf, distribution, default);

    /// <summary>Decides on a recovery for one customer, with the value score taken from the store's CLV distribution.</summary>
    /// <param name="signals">The customer's signals.</param>
    /// <param name="asOf">The date to decide for, in the store's calendar.</param>
    /// <param name="distribution">The store's CLV distribution.</param>
    /// <param name="context">Reason, stickiness, lost-customer exceptions.</param>
    /// <returns>The decision, with the rule that fired and the reason in both locales.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidSignalException">A signal is out of range.</exception>
    public RecoveryDecision Decide(in CustomerSignals signals, LocalDate asOf, ValueDistribution distribution, RecoveryContext context)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        SignalChecks.Check(signals, asOf);
        return Decide(signals, asOf, distribution.PercentileRank(_value.LifetimeValue(signals.AnnualSpend)), context);
    }

    /// <summary>Decides on a recovery for one customer (spec: scoring.md section 9).</summary>
    /// <param name="signals">The customer's signals.</param>
    /// <param name="asOf">The date to decide for, in the store's calendar.</param>
    /// <param name="valueScore">The customer's value score in [0, 100] (see <see cref="ValueDistribution"/>).</param>
    /// <param name="context">Reason, stickiness, lost-customer exceptions.</param>
    /// <returns>The decision, with the rule that fired and the reason in both locales.</returns>
    /// <exception cref="InvalidSignalException">A signal is out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="valueScore"/> is outside [0, 100], or the context holds an out-of-range value.</exception>
    public RecoveryDecision Decide(in CustomerSignals signals, LocalDate asOf, double valueScore, RecoveryContext context)
    {
        var risk = _risk.Score(signals, asOf);
        var value = _value.Assess(signals.AnnualSpend, valueScore);
        var success = EstimateSuccess(risk.DaysSinceLastVisit, context.Reason, context.HistoricalSatisfaction ?? signals.Satisfaction, context.Stickiness);
        var reasonInfo = ReasonInfo(context.Reason ?? ChurnReason.Other);
        var b = new Builder(risk, value, success, _risk.ProfileOf(risk.Tier), reasonInfo.FirstRemedy);
        var cell = StrategyFor(risk.Stage, value.Tier);
        string vs = Num(valueScore);

        // 1. Lost customers: do not recover, except the special cases.
        if (risk.Stage == ChurnStage.Lost)
        {
            bool influencer = _d.LostHighValueInfluencerIsException && signals.SocialInfluence && value.Tier == ValueTier.High;
            if (context.LostExceptions != LostCustomerExceptions.None || influencer)
            {
                return b.Make(RecoveryVerdict.Recover, DecisionRule.LostException, _d.LostExceptionOwner, RecoveryChannels.Phone,
                    RecoveryActions.ExclusiveBenefits, value.MaxRecoveryCost,
                    new($"已流失（{risk.DaysSinceLastVisit} 天未到店），但属于特殊情况（{ExceptionText(context.LostExceptions, influencer, true)}）：按客户价值上限投入挽回",
                        $"lost ({risk.DaysSinceLastVisit} days away) but a special case applies ({ExceptionText(context.LostExceptions, influencer, false)}): recover within the value-based cap"));
            }

            return b.Nothing(RecoveryVerdict.DoNotRecover, DecisionRule.LostNoException,
                new($"已流失（{risk.DaysSinceLastVisit} 天未到店）且无特殊情况：不再投入挽回", $"lost ({risk.DaysSinceLastVisit} days away) with no special case: do not spend on recovery"));
        }

        bool atRisk = risk.Tier != RiskTier.None || risk.Stage != ChurnStage.Active;

        // 2. Problem customers must not soak up the budget.
        if (atRisk && signals.Complaints >= _d.ProblemCustomerComplaints && _d.ProblemCustomers != LimitedRecoveryPolicy.Standard)
        {
            var text = new LocalizedText($"问题客户（投诉 {signals.Complaints} 次，达到 {_d.ProblemCustomerComplaints} 次）", $"problem customer ({signals.Complaints} complaints, the line is {_d.ProblemCustomerComplaints})");
            return Limited(b, _d.ProblemCustomers, DecisionRule.ProblemCustomer, text);
        }

        // 3. Deep churn: the decision tree, in order.
        if (risk.Stage == ChurnStage.DeepChurn)
        {
            if (signals.AnnualSpend <= _d.DeepChurnMinimumAnnualSpend)
            {
                return b.Nothing(RecoveryVerdict.DoNotRecover, DecisionRule.DeepChurnLowSpend,
                    new($"深度流失且年消费 {Money(signals.AnnualSpend)} 未超过 {Money(_d.DeepChurnMinimumAnnualSpend)}：放弃挽回", $"deep churn and annual spend {Money(signals.AnnualSpend)} is not above {Money(_d.DeepChurnMinimumAnnualSpend)}: give up"));
            }

            if (reasonInfo.Solvability == Solvability.NotSolvable)
            {
                return b.Nothing(RecoveryVerdict.DoNotRecover, DecisionRule.DeepChurnUnsolvableReason,
                    new("深度流失且流失原因门店无法解决（搬家或换车）：放弃挽回", "deep churn and the reason cannot be solved by the store (moved or changed car): give up"));
            }

            var deepCell = cell!;

            // A host may lower the spend line below a "do not recover" cell (by default only DeepChurn x Low,
            // which the spend line keeps out): the matrix says no, and a recovery without owner, channel or budget means nothing.
            if (!deepCell.Recover)
            {
                return b.Nothing(RecoveryVerdict.DoNotRecover, DecisionRule.StrategyMatrix,
                    new($"策略矩阵（{risk.Stage.DisplayName().ZhCn} × {value.Tier.DisplayName().ZhCn}）：不挽回", $"strategy matrix ({risk.Stage.DisplayName().En} x {value.Tier.DisplayName().En}): do not recover"));
            }

            if (signals.SocialInfluence)
            {
                return b.Make(RecoveryVerdict.HighPriorityRecovery, DecisionRule.DeepChurnSocialInfluence, deepCell.Owner, deepCell.Channels, deepCell.Actions, deepCell.Cost.Max,
                    new("深度流失的高价值客户，且有社交影响力（车友会核心成员或 KOC）：高优先级挽回", "deep-churned high-value customer with social influence (car-club core member or KOC): high-priority recovery"));
            }

            if (success.Probability > _d.DeepChurnMinimumSuccess)
            {
                return b.Make(RecoveryVerdict.DeepRecovery, DecisionRule.DeepChurnLikelySuccess, deepCell.Owner, deepCell.Channels, deepCell.Actions, deepCell.Cost.Max,
                    new($"深度流失，预估成功率 {Pct(success.Probability)} 高于 {Pct(_d.DeepChurnMinimumSuccess)}：深度挽回", $"deep churn with an estimated success of {Pct(success.Probability)}, above {Pct(_d.DeepChurnMinimumSuccess)}: deep recovery"));
            }

            return b.Nothing(RecoveryVerdict.DoNotRecover, DecisionRule.DeepChurnUnlikelySuccess,
                new($"深度流失，预估成功率 {Pct(success.Probability)} 未超过 {Pct(_d.DeepChurnMinimumSuccess)}：放弃挽回", $"deep churn with an estimated success of {Pct(success.Probability)}, not above {Pct(_d.DeepChurnMinimumSuccess)}: give up"));
        }

        // 4. Low-value customers must not soak up the budget either.
        if (atRisk && value.Tier == ValueTier.Low && _d.LowValueCustomers != LimitedRecoveryPolicy.Standard)
        {
            var text = new LocalizedText($"低价值客户（年消费 {Money(signals.AnnualSpend)}）", $"low-value customer (annual spend {Money(signals.AnnualSpend)})");
            return Limited(b, _d.LowValueCustomers, DecisionRule.LowValueCustomer, text);
        }

        var profile = _risk.ProfileOf(risk.Tier);
        switch (risk.Tier)
        {
            case RiskTier.Red:
                if (valueScore >= _d.RedFullRecoveryFrom)
                {
                    return b.Make(RecoveryVerdict.FullRecovery, DecisionRule.RedHighValue, profile.Owner, RecoveryChannels.Phone | RecoveryChannels.HomeVisit,
                        RecoveryActions.ExclusiveBenefits | RecoveryActions.VipService, _d.RedFullRecoveryBudget,
                        new($"红色预警，客户价值分 {vs}（≥ {Num(_d.RedFullRecoveryFrom)}）：全力挽回，预算 {Money(_d.RedFullRecoveryBudget)}", $"red tier and value score {vs} (at least {Num(_d.RedFullRecoveryFrom)}): full recovery, budget {Money(_d.RedFullRecoveryBudget)}"));
                }

                if (valueScore >= _d.RedMakeEffortFrom)
                {
                    return b.Make(RecoveryVerdict.MakeEffort, DecisionRule.RedMidValue, profile.Owner, RecoveryChannels.Phone,
                        RecoveryActions.SpecialOffer, _d.RedMakeEffortBudget,
                        new($"红色预警，客户价值分 {vs}（{Num(_d.RedMakeEffortFrom)}-{Num(_d.RedFullRecoveryFrom)}）：尽力挽回，预算 {Money(_d.RedMakeEffortBudget)}", $"red tier and value score {vs} ({Num(_d.RedMakeEffortFrom)} to below {Num(_d.RedFullRecoveryFrom)}): make an effort, budget {Money(_d.RedMakeEffortBudget)}"));
                }

                return b.Make(RecoveryVerdict.PoliteFarewell, DecisionRule.RedLowValue, profile.Owner, RecoveryChannels.Phone,
                    RecoveryActions.PoliteFarewell, _d.RedFarewellBudget,
                    new($"红色预警，客户价值分 {vs}（低于 {Num(_d.RedMakeEffortFrom)}）：礼貌告别，维系关系，预算 {Money(_d.RedFarewellBudget)}", $"red tier and value score {vs} (below {Num(_d.RedMakeEffortFrom)}): polite farewell that keeps the relationship, budget {Money(_d.RedFarewellBudget)}"));

            case RiskTier.Orange:
                if (valueScore > _d.OrangeHomeVisitAbove)
                {
                    return b.Make(RecoveryVerdict.Recover, DecisionRule.OrangeHomeVisit, profile.Owner, RecoveryChannels.HomeVisit,
                        RecoveryActions.FixRootCause, _d.OrangeHomeVisitBudget,
                        new($"橙色预警，客户价值分 {vs}（高于 {Num(_d.OrangeHomeVisitAbove)}）：建议上门拜访，预算 {Money(_d.OrangeHomeVisitBudget)}", $"orange tier and value score {vs} (above {Num(_d.OrangeHomeVisitAbove)}): home visit recommended, budget {Money(_d.OrangeHomeVisitBudget)}"));
                }

                return b.Make(RecoveryVerdict.Recover, DecisionRule.OrangeStandard, profile.Owner, RecoveryChannels.Phone,
                    RecoveryActions.FixRootCause, _d.OrangeBudget,
                    new($"橙色预警，客户价值分 {vs}（不高于 {Num(_d.OrangeHomeVisitAbove)}）：店长电话跟进，预算 {Money(_d.OrangeBudget)}", $"orange tier and value score {vs} (not above {Num(_d.OrangeHomeVisitAbove)}): store manager follows up by phone, budget {Money(_d.OrangeBudget)}"));

            case RiskTier.Yellow:
                // The cell lends its channels and actions only when it recovers; a "do not recover" cell has none.
                var yellowCell = cell is { Recover: true } ? cell : null;
                return b.Make(RecoveryVerdict.Recover, DecisionRule.YellowStandard, profile.Owner, yellowCell?.Channels ?? RecoveryChannels.Phone,
                    yellowCell?.Actions ?? RecoveryActions.None, profile.RecoveryCost.Max,
                    new($"黄色预警：客服主管在 {Window(profile.RespondWithin, true)}内回访，预算 {Money(profile.RecoveryCost.Max)}", $"yellow tier: the supervisor responds within {Window(profile.RespondWithin, false)}, budget {Money(profile.RecoveryCost.Max)}"));
        }

        if (cell is null)
        {
            return b.Nothing(RecoveryVerdict.NotNeeded, DecisionRule.ActiveNoRisk,
                new($"活跃客户（{risk.DaysSinceLastVisit} 天前到店），风险分 {Num(risk.Score)}：无需挽回", $"active customer (last visit {risk.DaysSinceLastVisit} days ago), risk score {Num(risk.Score)}: no recovery needed"));
        }

        if (!cell.Recover)
        {
            return b.Nothing(RecoveryVerdict.DoNotRecover, DecisionRule.StrategyMatrix,
                new($"策略矩阵（{risk.Stage.DisplayName().ZhCn} × {value.Tier.DisplayName().ZhCn}）：不挽回", $"strategy matrix ({risk.Stage.DisplayName().En} x {value.Tier.DisplayName().En}): do not recover"));
        }

        return b.Make(cell.Owner is null ? RecoveryVerdict.AutomatedOnly : RecoveryVerdict.Recover, DecisionRule.StrategyMatrix, cell.Owner, cell.Channels, cell.Actions, cell.Cost.Max,
            new($"策略矩阵（{risk.Stage.DisplayName().ZhCn} × {value.Tier.DisplayName().ZhCn}）：预算 {cell.Cost}，预期成功率 {cell.Success}", $"strategy matrix ({risk.Stage.DisplayName().En} x {value.Tier.DisplayName().En}): budget {cell.Cost}, expected success {cell.Success}"));
    }

    private RecoveryDecision Limited(Builder b, LimitedRecoveryPolicy policy, DecisionRule rule, LocalizedText who)
    {
        if (policy == LimitedRecoveryPolicy.CheapestAutomated)
        {
            return b.Make(RecoveryVerdict.AutomatedOnly, rule, null, RecoveryChannels.Sms | RecoveryChannels.AppPush, RecoveryActions.GeneralCoupon, _d.AutomatedPathBudget,
                new($"{who.ZhCn}：只走最低成本的自动触达（短信 / App 推送），预算 {Money(_d.AutomatedPathBudget)}", $"{who.En}: only the cheapest automated path (SMS / app push), budget {Money(_d.AutomatedPathBudget)}"));
        }

        return b.Nothing(RecoveryVerdict.DoNotRecover, rule, new($"{who.ZhCn}：不占用挽回预算", $"{who.En}: do not spend the recovery budget"));
    }

    private (RecoveryAdvice Advice, double Probability) Band(double total)
    {
        // Linear inside each band between its configured success at the band's bottom and the next band's.
        if (total >= _s.StronglyRecommendFrom)
        {
            return (RecoveryAdvice.StronglyRecommend, Lerp(total, _s.StronglyRecommendFrom, 5, _s.StronglyRecommendSuccess, _s.MaximumSuccess));
        }

        if (total >= _s.RecommendFrom)
        {
            return (RecoveryAdvice.Recommend, Lerp(total, _s.RecommendFrom, _s.StronglyRecommendFrom, _s.RecommendSuccess, _s.StronglyRecommendSuccess));
        }

        if (total >= _s.CautiousFrom)
        {
            return (RecoveryAdvice.Cautious, Lerp(total, _s.CautiousFrom, _s.RecommendFrom, _s.CautiousSuccess, _s.RecommendSuccess));
        }

        return (RecoveryAdvice.DoNotRecover, Lerp(total, 0, _s.CautiousFrom, 0, _s.CautiousSuccess));
    }

    private static double Lerp(double x, double x0, double x1, double y0, double y1) =>
        x1 <= x0 ? y1 : y0 + ((y1 - y0) * Math.Clamp((x - x0) / (x1 - x0), 0, 1));

    private static LocalizedText AdviceText(RecoveryAdvice advice, double total, double probability)
    {
        string t = Num(total), p = Pct(probability);
        return advice switch
        {
            RecoveryAdvice.StronglyRecommend => new($"综合评分 {t}，预估成功率约 {p}：强烈建议挽回", $"total {t}, estimated success about {p}: strongly recommend recovery"),
            RecoveryAdvice.Recommend => new($"综合评分 {t}，预估成功率约 {p}：建议挽回", $"total {t}, estimated success about {p}: recommend recovery"),
            RecoveryAdvice.Cautious => new($"综合评分 {t}，预估成功率约 {p}：谨慎投入", $"total {t}, estimated success about {p}: be cautious"),
            _ => new($"综合评分 {t}，预估成功率约 {p}：不建议挽回", $"total {t}, estimated success about {p}: do not recover"),
        };
    }

    private static string ExceptionText(LostCustomerExceptions e, bool influencer, bool zh)
    {
        var parts = new System.Collections.Generic.List<string>();
        if ((e & LostCustomerExceptions.CustomerContactedStore) != 0)
        {
            parts.Add(zh ? "客户主动联系门店" : "the customer contacted the store");
        }

        if ((e & LostCustomerExceptions.CompetitorClosed) != 0)
        {
            parts.Add(zh ? "竞争门店已关闭" : "the competing store closed");
        }

        if ((e & LostCustomerExceptions.MovedBack) != 0)
        {
            parts.Add(zh ? "客户已搬回本地" : "the customer moved back");
        }

        if (influencer)
        {
            parts.Add(zh ? "有社交影响力的高价值客户" : "an influential high-value customer");
        }

        return string.Join(zh ? "；" : "; ", parts);
    }

    private static string Num(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Pct(double v) => (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Money(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Window(Duration d, bool zh) => d.TotalHours % 24 == 0
        ? d.TotalDays.ToString("0", CultureInfo.InvariantCulture) + (zh ? " 天" : " days")
        : d.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + (zh ? " 小时" : " hours");

    private readonly struct Builder(RiskAssessment risk, ValueAssessment value, SuccessEstimate success, RiskTierProfile profile, RecoveryActions remedy)
    {
        public RecoveryDecision Make(RecoveryVerdict verdict, DecisionRule rule, StaffRole? owner, RecoveryChannels channels, RecoveryActions actions, decimal budget, LocalizedText reason) =>
            new(verdict, rule, owner, channels, actions | remedy, budget, value.MaxRecoveryCost,
                risk.Tier == RiskTier.None ? null : profile.RespondWithin, risk, value, success, reason);

        public RecoveryDecision Nothing(RecoveryVerdict verdict, DecisionRule rule, LocalizedText reason) =>
            new(verdict, rule, null, RecoveryChannels.None, RecoveryActions.None, 0m, value.MaxRecoveryCost,
                risk.Tier == RiskTier.None ? null : profile.RespondWithin, risk, value, success, reason);
    }
}
