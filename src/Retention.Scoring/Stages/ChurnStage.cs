namespace Retention.Scoring;

/// <summary>The churn stage by days since the last visit (spec: scoring.md section 4). Ordered by time away.</summary>
public enum ChurnStage : byte
{
    /// <summary>Default: fewer than 90 days since the last visit.</summary>
    Active = 0,

    /// <summary>Default: 90 to 119 days. Wake the memory, reconnect; the best moment is 90-100 days.</summary>
    PreChurn = 1,

    /// <summary>Default: 120 to 179 days. Give a strong reason to come back, fix the cause.</summary>
    EarlyChurn = 2,

    /// <summary>Default: 180 to 364 days. Create unique value; check ROI strictly (the deep-churn decision tree).</summary>
    DeepChurn = 3,

    /// <summary>Default: 365 days or more. Do not recover, except for the lost-customer exceptions.</summary>
    Lost = 4,
}
