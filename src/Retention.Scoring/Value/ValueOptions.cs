namespace Retention.Scoring;

/// <summary>Value tiers, customer lifetime value and the recovery-spend cap (spec: scoring.md section 5).</summary>
public sealed class ValueOptions
{
    /// <summary>The lowest annual spend that is <see cref="ValueTier.Mid"/> (inclusive), at least 0. The default value is 2000.</summary>
    public decimal MidTierFrom { get; set; } = 2000m;

    /// <summary>Annual spend strictly above this is <see cref="ValueTier.High"/>; at least <see cref="MidTierFrom"/>. The default value is 5000.</summary>
    public decimal HighTierAbove { get; set; } = 5000m;

    /// <summary>Gross margin on the customer's spend, in (0, 1]. The default value is 0.5.</summary>
    public decimal GrossMargin { get; set; } = 0.5m;

    /// <summary>Expected remaining lifetime as a customer, in years, greater than 0. The default value is 5.</summary>
    public decimal ExpectedLifetimeYears { get; set; } = 5m;

    /// <summary>Cost of acquiring a new customer, at least 0, subtracted from the CLV. The default value is 500.</summary>
    public decimal AcquisitionCost { get; set; } = 500m;

    /// <summary>Share of the CLV the store may spend on recovery over the customer's lifetime, in (0, 1]. The default value is 0.3.</summary>
    public decimal RecoveryShare { get; set; } = 0.3m;

    /// <summary>Value score from which a customer is VIP, in [0, 100]. The default value is 80 (the top 20 % by CLV).</summary>
    public double VipValueScore { get; set; } = 80;
}
