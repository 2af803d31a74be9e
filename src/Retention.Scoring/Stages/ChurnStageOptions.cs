namespace Retention.Scoring;

/// <summary>
/// Churn-stage bounds in calendar days since the last visit, each the first day of its stage
/// (spec: scoring.md section 4), and each stage's profile.
/// </summary>
public sealed class ChurnStageOptions
{
    /// <summary>First day of <see cref="ChurnStage.PreChurn"/>, at least 1. The default value is 90.</summary>
    public int PreChurnFrom { get; set; } = 90;

    /// <summary>First day of <see cref="ChurnStage.EarlyChurn"/>, above <see cref="PreChurnFrom"/>. The default value is 120.</summary>
    public int EarlyChurnFrom { get; set; } = 120;

    /// <summary>First day of <see cref="ChurnStage.DeepChurn"/>, above <see cref="EarlyChurnFrom"/>. The default value is 180.</summary>
    public int DeepChurnFrom { get; set; } = 180;

    /// <summary>First day of <see cref="ChurnStage.Lost"/>, above <see cref="DeepChurnFrom"/>. The default value is 365.</summary>
    public int LostFrom { get; set; } = 365;

    /// <summary>The pre-churn profile. The default value is success 45-55 %, cost cap 10-15 % of annual spend.</summary>
    public ChurnStageProfileOptions PreChurn { get; set; } = ChurnStageProfileOptions.Of(0.45, 0.55, 0.10, 0.15);

    /// <summary>The early-churn profile. The default value is success 30-40 %, cost cap 20-30 % of annual spend.</summary>
    public ChurnStageProfileOptions EarlyChurn { get; set; } = ChurnStageProfileOptions.Of(0.30, 0.40, 0.20, 0.30);

    /// <summary>The deep-churn profile. The default value is success 15-25 %, cost cap 40-60 % of annual spend.</summary>
    public ChurnStageProfileOptions DeepChurn { get; set; } = ChurnStageProfileOptions.Of(0.15, 0.25, 0.40, 0.60);

    /// <summary>The lost profile. The default value is success 5-10 %, no cost cap (0).</summary>
    public ChurnStageProfileOptions Lost { get; set; } = ChurnStageProfileOptions.Of(0.05, 0.10, 0, 0);
}

/// <summary>The configurable profile of one churn stage.</summary>
public sealed class ChurnStageProfileOptions
{
    /// <summary>Lower end of the expected recovery success, in [0, 1].</summary>
    public double RecoverySuccessMin { get; set; }

    /// <summary>Upper end of the expected recovery success, in [<see cref="RecoverySuccessMin"/>, 1].</summary>
    public double RecoverySuccessMax { get; set; }

    /// <summary>Lower end of the recovery cost cap, as a share of annual spend in [0, 1].</summary>
    public double CostCapShareMin { get; set; }

    /// <summary>Upper end of the recovery cost cap, as a share of annual spend in [<see cref="CostCapShareMin"/>, 1].</summary>
    public double CostCapShareMax { get; set; }

    internal static ChurnStageProfileOptions Of(double sMin, double sMax, double capMin, double capMax) =>
        new() { RecoverySuccessMin = sMin, RecoverySuccessMax = sMax, CostCapShareMin = capMin, CostCapShareMax = capMax };
}

/// <summary>What a churn stage means for recovery. Immutable and thread-safe.</summary>
/// <param name="Stage">The stage this profile describes.</param>
/// <param name="RecoverySuccess">Expected recovery success; (0, 0) for <see cref="ChurnStage.Active"/>.</param>
/// <param name="CostCapShare">Recovery cost cap as a share of annual spend; (0, 0) where the playbook gives none.</param>
/// <param name="Goal">The stage's goal, in both locales.</param>
public sealed record ChurnStageProfile(ChurnStage Stage, ShareRange RecoverySuccess, ShareRange CostCapShare, LocalizedText Goal);
