using NodaTime;

namespace Retention.Scoring;

/// <summary>
/// What a risk tier means for the store (spec: scoring.md section 3): churn probability, recovery
/// cost and success, the response window and the owner. Immutable and thread-safe.
/// </summary>
/// <param name="Tier">The tier this profile describes.</param>
/// <param name="ChurnProbability">Expected churn probability.</param>
/// <param name="RecoveryCost">Recovery cost per customer, in the store's currency.</param>
/// <param name="RecoverySuccess">Expected recovery success.</param>
/// <param name="RespondWithin">How soon the owner must respond (wall-clock duration).</param>
/// <param name="Owner">The role that owns the response.</param>
/// <param name="StateOfMind">The customer's state of mind at this tier, in both locales.</param>
public sealed record RiskTierProfile(
    RiskTier Tier,
    ShareRange ChurnProbability,
    MoneyRange RecoveryCost,
    ShareRange RecoverySuccess,
    Duration RespondWithin,
    StaffRole Owner,
    LocalizedText StateOfMind);
