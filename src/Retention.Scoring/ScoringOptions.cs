namespace Retention.Scoring;

/// <summary>
/// Every threshold, weight, table and budget of Retention.Scoring, with the spec's defaults
/// (spec: scoring.md). Bind it from configuration (section <c>Retention:Scoring</c> by convention)
/// or set it in code; <see cref="ScoringOptionsValidator"/> rejects nonsense with a message naming the option.
/// </summary>
/// <remarks>
/// Mutable, like every options class: the scoring types take a validated copy when they are built,
/// so changing an options object afterwards does not change them.
/// </remarks>
public sealed class ScoringOptions
{
    /// <summary>The name of the configuration section these options are usually bound from: <c>Retention:Scoring</c>.</summary>
    public const string SectionName = "Retention:Scoring";

    /// <summary>The churn-risk score's terms and missing-signal policy (section 2).</summary>
    public RiskScoreOptions Risk { get; set; } = new();

    /// <summary>Risk-tier thresholds and profiles (section 3).</summary>
    public RiskTierOptions Tiers { get; set; } = new();

    /// <summary>Churn-stage bounds and profiles (section 4).</summary>
    public ChurnStageOptions Stages { get; set; } = new();

    /// <summary>Value tiers, CLV, recovery-spend cap and VIP line (section 5).</summary>
    public ValueOptions Value { get; set; } = new();

    /// <summary>The strategy matrix (section 6).</summary>
    public StrategyMatrixOptions Strategy { get; set; } = new();

    /// <summary>The recovery-success estimate and churn-reason solvability (sections 7 and 8).</summary>
    public SuccessEstimateOptions SuccessEstimate { get; set; } = new();

    /// <summary>The recovery decision (section 9).</summary>
    public RecoveryDecisionOptions Decision { get; set; } = new();

    /// <summary>ROI (section 10).</summary>
    public RoiOptions Roi { get; set; } = new();
}
