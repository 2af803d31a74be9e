namespace Retention.Scoring;

/// <summary>The churn-risk tier that seeds the response SOPs (spec: scoring.md section 3). Ordered by risk.</summary>
public enum RiskTier : byte
{
    /// <summary>Below the yellow threshold (default: score &lt; 60): no risk response.</summary>
    None = 0,

    /// <summary>Default 60 &lt;= score &lt; 75: the customer doubts the service.</summary>
    Yellow = 1,

    /// <summary>Default 75 &lt;= score &lt; 90: the customer compares competitors.</summary>
    Orange = 2,

    /// <summary>Default 90 &lt;= score &lt;= 100: the customer is deciding or already gone.</summary>
    Red = 3,
}
