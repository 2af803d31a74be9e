using NodaTime;

namespace Retention.Scoring;

/// <summary>What to do about a customer (spec: scoring.md section 9).</summary>
public enum RecoveryVerdict
{
    /// <summary>The customer is active and not at risk: nothing to recover.</summary>
    NotNeeded = 0,

    /// <summary>Do not spend on recovering this customer.</summary>
    DoNotRecover = 1,

    /// <summary>Only the cheapest automated path (SMS / app push).</summary>
    AutomatedOnly = 2,

    /// <summary>Recover along the strategy matrix cell or the tier's standard response.</summary>
    Recover = 3,

    /// <summary>A polite farewell that keeps the relationship (red tier, low value score).</summary>
    PoliteFarewell = 4,

    /// <summary>Make an effort (red tier, mid value score).</summary>
    MakeEffort = 5,

    /// <summary>Full recovery (red tier, high value score).</summary>
    FullRecovery = 6,

    /// <summary>Deep recovery of a deep-churned customer with a good chance.</summary>
    DeepRecovery = 7,

    /// <summary>High-priority recovery: a deep-churned customer with social influence.</summary>
    HighPriorityRecovery = 8,
}

/// <summary>The rule of the recovery decision that fired.</summary>
public enum DecisionRule
{
    /// <summary>Active, no risk tier: nothing to do.</summary>
    ActiveNoRisk = 0,

    /// <summary>Lost (365+ days) and no special case applies.</summary>
    LostNoException,

    /// <summary>Lost, but a special case applies (contacted the store, competitor closed, moved back, influential high-value customer).</summary>
    LostException,

    /// <summary>A problem customer (too many complaints), handled by its policy.</summary>
    ProblemCustomer,

    /// <summary>Deep churn tree: annual spend not above the minimum.</summary>
    DeepChurnLowSpend,

    /// <summary>Deep churn tree: the reason cannot be solved (moved, changed car).</summary>
    DeepChurnUnsolvableReason,

    /// <summary>Deep churn tree: social influence (KOC, car club).</summary>
    DeepChurnSocialInfluence,

    /// <summary>Deep churn tree: the estimated success is above the minimum.</summary>
    DeepChurnLikelySuccess,

    /// <summary>Deep churn tree: the estimated success is not above the minimum.</summary>
    DeepChurnUnlikelySuccess,

    /// <summary>A low-value customer, handled by its policy.</summary>
    LowValueCustomer,

    /// <summary>Red tier with a value score at or above the full-recovery line.</summary>
    RedHighValue,

    /// <summary>Red tier with a value score between the effort and full-recovery lines.</summary>
    RedMidValue,

    /// <summary>Red tier with a value score below the effort line.</summary>
    RedLowValue,

    /// <summary>Orange tier with a value score above the home-visit line.</summary>
    OrangeHomeVisit,

    /// <summary>Orange tier without a home visit.</summary>
    OrangeStandard,

    /// <summary>Yellow tier: the supervisor's standard response.</summary>
    YellowStandard,

    /// <summary>No risk tier, but a churn stage: the strategy matrix cell.</summary>
    StrategyMatrix,
}

/// <summary>
/// The recovery decision for one customer, with everything it was based on and the reason in
/// both locales. Immutable and thread-safe.
/// </summary>
/// <param name="Verdict">What to do.</param>
/// <param name="Rule">The rule that fired.</param>
/// <param name="Owner">Who does it; <see langword="null"/> for an automated path or nothing to do.</param>
/// <param name="Channels">How to reach the customer.</param>
/// <param name="Actions">What to offer or do (including the first remedy for the churn reason).</param>
/// <param name="Budget">The most to spend on this recovery, in the store's currency; 0 when nothing is to be done.</param>
/// <param name="MaxRecoveryCost">The value-based cap (CLV x recovery share / lifetime years), reported for comparison with <paramref name="Budget"/>.</param>
/// <param name="RespondWithin">The risk tier's response window; <see langword="null"/> without a risk tier.</param>
/// <param name="Risk">The risk assessment.</param>
/// <param name="Value">The value assessment.</param>
/// <param name="Success">The success estimate.</param>
/// <param name="Reason">Why, in both locales.</param>
public sealed record RecoveryDecision(
    RecoveryVerdict Verdict,
    DecisionRule Rule,
    StaffRole? Owner,
    RecoveryChannels Channels,
    RecoveryActions Actions,
    decimal Budget,
    decimal MaxRecoveryCost,
    Duration? RespondWithin,
    RiskAssessment Risk,
    ValueAssessment Value,
    SuccessEstimate Success,
    LocalizedText Reason)
{
    /// <summary>Whether the decision spends anything on the customer.</summary>
    public bool Recovers => Verdict >= RecoveryVerdict.AutomatedOnly;

    /// <summary>Whether the budget exceeds the value-based cap (the host may want to review it).</summary>
    public bool BudgetExceedsValueCap => Budget > MaxRecoveryCost;
}
