namespace Retention.Nps;

/// <summary>
/// Every threshold, window, role and authority of Retention.Nps, with the spec's defaults
/// (spec: nps.md). Bind it from configuration (section <c>Retention:Nps</c> by convention) or set it
/// in code; <see cref="NpsOptionsValidator"/> rejects nonsense with a message naming the option.
/// </summary>
/// <remarks>Mutable, like every options class: the NPS types take a validated copy when they are built.</remarks>
public sealed class NpsOptions
{
    /// <summary>The name of the configuration section these options are usually bound from: <c>Retention:Nps</c>.</summary>
    public const string SectionName = "Retention:Nps";

    /// <summary>The lowest score that is <see cref="NpsClass.Passive"/>, in [1, 10]. The default value is 7.</summary>
    public int PassiveFrom { get; set; } = 7;

    /// <summary>The lowest score that is <see cref="NpsClass.Promoter"/>, above <see cref="PassiveFrom"/> and at most 10. The default value is 9.</summary>
    public int PromoterFrom { get; set; } = 9;

    /// <summary>The z value of the confidence interval, greater than 0. The default value is 1.96 (95 %).</summary>
    public double ConfidenceZ { get; set; } = 1.96;

    /// <summary>Low-score alerts (section 3).</summary>
    public LowScoreAlertOptions Alerts { get; set; } = new();

    /// <summary>Detractor grades (section 4).</summary>
    public DetractorGradeOptions Grades { get; set; } = new();

    /// <summary>The rescue procedure's step windows (section 5).</summary>
    public RescueWindowOptions Rescue { get; set; } = new();

    /// <summary>The response-time effect table (section 6).</summary>
    public ResponseTimeEffectOptions ResponseTimeEffect { get; set; } = new();

    /// <summary>Emotion early-warning thresholds (section 9).</summary>
    public EmotionWarningOptions EmotionWarning { get; set; } = new();

    /// <summary>Follow-up call (section 10): how soon a supervisor contacts a detractor. The default value is 24 hours.</summary>
    public System.TimeSpan DetractorSupervisorContactWithin { get; set; } = System.TimeSpan.FromHours(24);
}
