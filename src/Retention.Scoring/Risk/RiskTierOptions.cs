using System;

namespace Retention.Scoring;

/// <summary>
/// The risk-tier thresholds and each tier's profile (spec: scoring.md section 3).
/// Thresholds are lower bounds, inclusive: 60 &lt;= Yellow &lt; 75 &lt;= Orange &lt; 90 &lt;= Red &lt;= 100.
/// </summary>
public sealed class RiskTierOptions
{
    /// <summary>The lowest score that is <see cref="RiskTier.Yellow"/>, in [0, 100]. The default value is 60.</summary>
    public double YellowFrom { get; set; } = 60;

    /// <summary>The lowest score that is <see cref="RiskTier.Orange"/>, above <see cref="YellowFrom"/>. The default value is 75.</summary>
    public double OrangeFrom { get; set; } = 75;

    /// <summary>The lowest score that is <see cref="RiskTier.Red"/>, above <see cref="OrangeFrom"/> and at most 100. The default value is 90.</summary>
    public double RedFrom { get; set; } = 90;

    /// <summary>The yellow tier's profile. The default value is 15-25 % churn probability, cost 300-500, success 60-70 %, respond within 7 days, owner <see cref="StaffRole.CustomerServiceSupervisor"/>.</summary>
    public RiskTierProfileOptions Yellow { get; set; } = RiskTierProfileOptions.Of(0.15, 0.25, 300, 500, 0.60, 0.70, TimeSpan.FromDays(7), StaffRole.CustomerServiceSupervisor);

    /// <summary>The orange tier's profile. The default value is 40-60 % churn probability, cost 800-1500, success 30-40 %, respond within 3 days, owner <see cref="StaffRole.StoreManager"/>.</summary>
    public RiskTierProfileOptions Orange { get; set; } = RiskTierProfileOptions.Of(0.40, 0.60, 800, 1500, 0.30, 0.40, TimeSpan.FromDays(3), StaffRole.StoreManager);

    /// <summary>The red tier's profile. The default value is 70-85 % churn probability, cost 2000-3000, success 15-25 %, respond within 24 hours, owner <see cref="StaffRole.GeneralManager"/>.</summary>
    public RiskTierProfileOptions Red { get; set; } = RiskTierProfileOptions.Of(0.70, 0.85, 2000, 3000, 0.15, 0.25, TimeSpan.FromHours(24), StaffRole.GeneralManager);
}

/// <summary>The configurable profile of one risk tier: what to expect and who responds how fast.</summary>
public sealed class RiskTierProfileOptions
{
    /// <summary>Lower end of the churn probability, in [0, 1].</summary>
    public double ChurnProbabilityMin { get; set; }

    /// <summary>Upper end of the churn probability, in [<see cref="ChurnProbabilityMin"/>, 1].</summary>
    public double ChurnProbabilityMax { get; set; }

    /// <summary>Lower end of the recovery cost per customer, in the store's currency, at least 0.</summary>
    public decimal RecoveryCostMin { get; set; }

    /// <summary>Upper end of the recovery cost per customer, at least <see cref="RecoveryCostMin"/>.</summary>
    public decimal RecoveryCostMax { get; set; }

    /// <summary>Lower end of the expected recovery success, in [0, 1].</summary>
    public double RecoverySuccessMin { get; set; }

    /// <summary>Upper end of the expected recovery success, in [<see cref="RecoverySuccessMin"/>, 1].</summary>
    public double RecoverySuccessMax { get; set; }

    /// <summary>How soon the owner must respond; greater than zero.</summary>
    public TimeSpan RespondWithin { get; set; }

    /// <summary>The role that owns the response.</summary>
    public StaffRole Owner { get; set; }

    internal static RiskTierProfileOptions Of(
        double pMin, double pMax, decimal costMin, decimal costMax, double sMin, double sMax, TimeSpan respond, StaffRole owner) =>
        new()
        {
            ChurnProbabilityMin = pMin,
            ChurnProbabilityMax = pMax,
            RecoveryCostMin = costMin,
            RecoveryCostMax = costMax,
            RecoverySuccessMin = sMin,
            RecoverySuccessMax = sMax,
            RespondWithin = respond,
            Owner = owner,
        };
}
