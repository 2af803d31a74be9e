namespace Retention.Scoring;

/// <summary>One configurable cell of the strategy matrix (stage x value tier).</summary>
public sealed class StrategyCellOptions
{
    /// <summary>Whether to recover customers in this cell at all. <see langword="false"/> means "do not recover".</summary>
    public bool Recover { get; set; } = true;

    /// <summary>The role that owns the recovery; <see langword="null"/> for an automated path.</summary>
    public StaffRole? Owner { get; set; }

    /// <summary>The channels used.</summary>
    public RecoveryChannels Channels { get; set; }

    /// <summary>The actions offered.</summary>
    public RecoveryActions Actions { get; set; }

    /// <summary>Lower end of the recovery cost per customer, at least 0.</summary>
    public decimal CostMin { get; set; }

    /// <summary>Upper end of the recovery cost per customer, at least <see cref="CostMin"/>.</summary>
    public decimal CostMax { get; set; }

    /// <summary>Lower end of the expected success, in [0, 1].</summary>
    public double SuccessMin { get; set; }

    /// <summary>Upper end of the expected success, in [<see cref="SuccessMin"/>, 1].</summary>
    public double SuccessMax { get; set; }

    internal static StrategyCellOptions Of(
        StaffRole? owner, RecoveryChannels channels, RecoveryActions actions, decimal costMin, decimal costMax, double sMin, double sMax) =>
        new()
        {
            Owner = owner,
            Channels = channels,
            Actions = actions,
            CostMin = costMin,
            CostMax = costMax,
            SuccessMin = sMin,
            SuccessMax = sMax,
        };

    internal static StrategyCellOptions DoNotRecover() => new() { Recover = false };
}
