namespace Retention.Scoring;

/// <summary>What the success estimate advises (spec: scoring.md section 7). Ordered from worst to best.</summary>
public enum RecoveryAdvice
{
    /// <summary>Total below 2: estimated success under 15 %; do not recover.</summary>
    DoNotRecover = 0,

    /// <summary>Total 2 to below 3: 15-30 %; be cautious.</summary>
    Cautious = 1,

    /// <summary>Total 3 to below 4: 30-50 %; recommend recovery.</summary>
    Recommend = 2,

    /// <summary>Total 4 to 5: over 50 %; strongly recommend recovery.</summary>
    StronglyRecommend = 3,
}

/// <summary>
/// The recovery-success estimate of one customer, explained per dimension. Immutable and thread-safe.
/// </summary>
/// <param name="DurationPoints">Points for how long the customer has been away, in [0, 5].</param>
/// <param name="ReasonPoints">Points for the churn reason's solvability, in [0, 5].</param>
/// <param name="SatisfactionPoints">Points for historical satisfaction, in [0, 5].</param>
/// <param name="StickinessPoints">Points for stickiness, in [0, 5].</param>
/// <param name="Total">The weighted total, in [0, 5].</param>
/// <param name="Advice">The advice band of <paramref name="Total"/>.</param>
/// <param name="Probability">Estimated success probability in [0, 1]: linear inside each band between the band's configured ends.</param>
/// <param name="Reason">The advice in words, in both locales.</param>
public sealed record SuccessEstimate(
    double DurationPoints,
    double ReasonPoints,
    double SatisfactionPoints,
    double StickinessPoints,
    double Total,
    RecoveryAdvice Advice,
    double Probability,
    LocalizedText Reason);
