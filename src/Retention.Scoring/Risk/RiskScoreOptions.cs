namespace Retention.Scoring;

/// <summary>
/// The churn-risk score's five terms and its missing-signal policy (spec: scoring.md section 2).
/// Defaults: days since last visit 90 -> 190 days, 30 points; app opens 2 -> 1 per month, 15 points;
/// cancellation rate 0 -> 1, 20 points; satisfaction 10 -> 0, 25 points; service inquiries 1 -> 0, 10 points.
/// </summary>
public sealed class RiskScoreOptions
{
    /// <summary>Days since the last visit. The default value is 0 points at 90 days, 30 points at 190 days.</summary>
    public RampOptions DaysSinceLastVisit { get; set; } = RampOptions.Of(90, 190, 30);

    /// <summary>App opens per month. The default value is 0 points at 2 opens, 15 points at 1 open or fewer.</summary>
    public RampOptions AppOpens { get; set; } = RampOptions.Of(2, 1, 15);

    /// <summary>Appointment cancellation rate (0..1). The default value is 0 points at 0, 20 points at 1 (100 %).</summary>
    public RampOptions CancellationRate { get; set; } = RampOptions.Of(0, 1, 20);

    /// <summary>Latest satisfaction (0..10). The default value is 0 points at 10, 25 points at 0.</summary>
    public RampOptions Satisfaction { get; set; } = RampOptions.Of(10, 0, 25);

    /// <summary>Service inquiries in the last quarter. The default value is 0 points at 1 inquiry, 10 points at none.</summary>
    public RampOptions ServiceInquiries { get; set; } = RampOptions.Of(1, 0, 10);

    /// <summary>How a missing signal counts. The default value is <see cref="MissingSignalPolicy.Zero"/>.</summary>
    public MissingSignalPolicy MissingSignals { get; set; } = MissingSignalPolicy.Zero;
}
