namespace Retention.Scoring;

/// <summary>The customer's value tier by annual spend (spec: scoring.md section 5.1). Ordered by value.</summary>
public enum ValueTier : byte
{
    /// <summary>Default: annual spend below 2000.</summary>
    Low = 0,

    /// <summary>Default: annual spend from 2000 to 5000, both ends included.</summary>
    Mid = 1,

    /// <summary>Default: annual spend above 5000.</summary>
    High = 2,
}
