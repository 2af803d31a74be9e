namespace Retention.Scoring;

/// <summary>
/// One cell of the strategy matrix (spec: scoring.md section 6): who recovers a customer of this
/// stage and value tier, how, at what cost and with what expected success. Immutable and thread-safe.
/// </summary>
/// <param name="Stage">The churn stage.</param>
/// <param name="ValueTier">The value tier.</param>
/// <param name="Recover">Whether to recover at all; <see langword="false"/> means "do not recover".</param>
/// <param name="Owner">The role that owns the recovery; <see langword="null"/> for an automated path or no recovery.</param>
/// <param name="Channels">The channels used.</param>
/// <param name="Actions">The actions offered.</param>
/// <param name="Cost">Recovery cost per customer.</param>
/// <param name="Success">Expected success.</param>
public sealed record StrategyCell(
    ChurnStage Stage,
    ValueTier ValueTier,
    bool Recover,
    StaffRole? Owner,
    RecoveryChannels Channels,
    RecoveryActions Actions,
    MoneyRange Cost,
    ShareRange Success)
{
    internal static StrategyCell From(ChurnStage stage, ValueTier tier, StrategyCellOptions o) =>
        o.Recover
            ? new(stage, tier, true, o.Owner, o.Channels, o.Actions, new MoneyRange(o.CostMin, o.CostMax), new ShareRange(o.SuccessMin, o.SuccessMax))
            : new(stage, tier, false, null, RecoveryChannels.None, RecoveryActions.None, default, default);
}
