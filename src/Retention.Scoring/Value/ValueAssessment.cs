namespace Retention.Scoring;

/// <summary>
/// A customer's value (spec: scoring.md section 5): tier, lifetime value, the most the store
/// should spend to win them back, and the value score when a distribution or host score was given.
/// Immutable and thread-safe.
/// </summary>
/// <param name="AnnualSpend">The annual spend the assessment is based on.</param>
/// <param name="Tier">The value tier by annual spend.</param>
/// <param name="LifetimeValue">CLV = annual spend x gross margin x expected lifetime years - acquisition cost; can be negative.</param>
/// <param name="MaxRecoveryCost">CLV x recovery share / expected lifetime years, never below 0.</param>
/// <param name="ValueScore">Percentile rank of the CLV in [0, 100], or <see langword="null"/> when no distribution was given.</param>
/// <param name="IsVip">Whether <paramref name="ValueScore"/> reaches the VIP threshold; <see langword="false"/> without a score.</param>
public readonly record struct ValueAssessment(
    decimal AnnualSpend,
    ValueTier Tier,
    decimal LifetimeValue,
    decimal MaxRecoveryCost,
    double? ValueScore,
    bool IsVip);
