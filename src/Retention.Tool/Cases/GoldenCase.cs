using NodaTime;
using Retention.Scoring;

namespace Retention.Tool.Cases;

/// <summary>What one golden case expects; a <see langword="null"/> property is not checked (its cell was empty).</summary>
internal sealed record CaseExpectations
{
    /// <summary><c>expected_score</c>: the churn-risk score in [0, 100].</summary>
    public double? Score { get; init; }

    /// <summary><c>expected_tier</c>.</summary>
    public RiskTier? Tier { get; init; }

    /// <summary><c>expected_stage</c>.</summary>
    public ChurnStage? Stage { get; init; }

    /// <summary><c>expected_value_tier</c>.</summary>
    public ValueTier? ValueTier { get; init; }

    /// <summary><c>expected_clv</c>: the customer lifetime value.</summary>
    public decimal? LifetimeValue { get; init; }

    /// <summary><c>expected_decision</c>: the recovery decision's verdict.</summary>
    public RecoveryVerdict? Decision { get; init; }

    /// <summary><c>expected_rule</c>: the rule of the recovery decision that fired.</summary>
    public DecisionRule? Rule { get; init; }

    /// <summary><c>expected_budget</c>: the recovery decision's budget.</summary>
    public decimal? Budget { get; init; }

    /// <summary>Whether nothing is checked.</summary>
    public bool IsEmpty =>
        Score is null && Tier is null && Stage is null && ValueTier is null && LifetimeValue is null && !ChecksDecision;

    /// <summary>Whether an expectation about the recovery decision is checked (which needs a value score).</summary>
    public bool ChecksDecision => Decision is not null || Rule is not null || Budget is not null;
}

/// <summary>One golden case that could be read: the customer, the date and value score it is evaluated with, and what it expects.</summary>
/// <param name="Line">The 1-based line number in the cases file (the header is line 1).</param>
/// <param name="Name">The <c>case</c> cell, or the customer id when that is empty.</param>
/// <param name="CustomerId">The customer id.</param>
/// <param name="Description">The <c>description</c> cell, or an empty string.</param>
/// <param name="Signals">The customer's signals.</param>
/// <param name="Context">Churn reason, stickiness and lost-customer exceptions.</param>
/// <param name="AsOf">The date the case is evaluated for: the <c>as_of</c> cell, else <c>--as-of</c>.</param>
/// <param name="ValueScore">The <c>value_score</c> cell; <see langword="null"/> when empty (then no decision is made).</param>
/// <param name="Expected">What the case checks.</param>
internal sealed record GoldenCase(
    int Line,
    string Name,
    string CustomerId,
    string Description,
    CustomerSignals Signals,
    RecoveryContext Context,
    LocalDate AsOf,
    double? ValueScore,
    CaseExpectations Expected);
