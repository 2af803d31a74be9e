namespace Retention.Scoring;

/// <summary>
/// The strategy matrix: what to do for each churn stage and value tier (spec: scoring.md section 6).
/// Active customers have no cell: nothing to recover.
/// </summary>
public sealed class StrategyMatrixOptions
{
    /// <summary>Pre-churn, high value. The default value is a store manager call with exclusive benefits, free pick-up and VIP upgrade; cost 500-800; success 60-70 %.</summary>
    public StrategyCellOptions PreChurnHigh { get; set; } = StrategyCellOptions.Of(
        StaffRole.StoreManager, RecoveryChannels.Phone,
        RecoveryActions.ExclusiveBenefits | RecoveryActions.FreePickUp | RecoveryActions.VipUpgrade, 500, 800, 0.60, 0.70);

    /// <summary>Pre-churn, mid value. The default value is an advisor call with a maintenance reminder, a small offer and membership points; cost 200-400; success 45-55 %.</summary>
    public StrategyCellOptions PreChurnMid { get; set; } = StrategyCellOptions.Of(
        StaffRole.ServiceAdvisor, RecoveryChannels.Phone,
        RecoveryActions.MaintenanceReminder | RecoveryActions.SmallOffer | RecoveryActions.MembershipPoints, 200, 400, 0.45, 0.55);

    /// <summary>Pre-churn, low value. The default value is an automated SMS / app push with a general coupon; cost 50-100; success 35-45 %.</summary>
    public StrategyCellOptions PreChurnLow { get; set; } = StrategyCellOptions.Of(
        null, RecoveryChannels.Sms | RecoveryChannels.AppPush, RecoveryActions.GeneralCoupon, 50, 100, 0.35, 0.45);

    /// <summary>Early churn, high value. The default value is a store manager home visit that fixes the cause, with VIP service; cost 800-1500; success 45-55 %.</summary>
    public StrategyCellOptions EarlyChurnHigh { get; set; } = StrategyCellOptions.Of(
        StaffRole.StoreManager, RecoveryChannels.HomeVisit,
        RecoveryActions.FixRootCause | RecoveryActions.VipService, 800, 1500, 0.45, 0.55);

    /// <summary>Early churn, mid value. The default value is an advisor follow-up with a special offer and a service upgrade; cost 400-800; success 30-40 %.</summary>
    public StrategyCellOptions EarlyChurnMid { get; set; } = StrategyCellOptions.Of(
        StaffRole.ServiceAdvisor, RecoveryChannels.Phone,
        RecoveryActions.SpecialOffer | RecoveryActions.ServiceUpgrade, 400, 800, 0.30, 0.40);

    /// <summary>Early churn, low value. The default value is automated online outreach with a time-limited offer; cost 100-200; success 20-30 %.</summary>
    public StrategyCellOptions EarlyChurnLow { get; set; } = StrategyCellOptions.Of(
        null, RecoveryChannels.Sms | RecoveryChannels.WeChat | RecoveryChannels.AppPush, RecoveryActions.TimeLimitedOffer, 100, 200, 0.20, 0.30);

    /// <summary>Deep churn, high value. The default value is an executive visit with a deep diagnosis and a tailored plan; cost 1500-3000; success 20-30 %.</summary>
    public StrategyCellOptions DeepChurnHigh { get; set; } = StrategyCellOptions.Of(
        StaffRole.GeneralManager, RecoveryChannels.HomeVisit,
        RecoveryActions.DeepDiagnosis | RecoveryActions.TailoredPlan, 1500, 3000, 0.20, 0.30);

    /// <summary>Deep churn, mid value. The default value is targeted outreach by an advisor with a large offer; cost 500-1000; success 10-20 %.</summary>
    public StrategyCellOptions DeepChurnMid { get; set; } = StrategyCellOptions.Of(
        StaffRole.ServiceAdvisor, RecoveryChannels.Phone | RecoveryChannels.WeChat, RecoveryActions.LargeOffer, 500, 1000, 0.10, 0.20);

    /// <summary>Deep churn, low value. The default value is "do not recover" (cost too high).</summary>
    public StrategyCellOptions DeepChurnLow { get; set; } = StrategyCellOptions.DoNotRecover();

    /// <summary>Lost, high value. The default value is "do not recover" except special cases (handled by the recovery decision's lost-customer exceptions).</summary>
    public StrategyCellOptions LostHigh { get; set; } = StrategyCellOptions.DoNotRecover();

    /// <summary>Lost, mid value. The default value is "do not recover".</summary>
    public StrategyCellOptions LostMid { get; set; } = StrategyCellOptions.DoNotRecover();

    /// <summary>Lost, low value. The default value is "do not recover".</summary>
    public StrategyCellOptions LostLow { get; set; } = StrategyCellOptions.DoNotRecover();

    internal StrategyCellOptions? Cell(ChurnStage stage, ValueTier tier) => (stage, tier) switch
    {
        (ChurnStage.PreChurn, ValueTier.High) => PreChurnHigh,
        (ChurnStage.PreChurn, ValueTier.Mid) => PreChurnMid,
        (ChurnStage.PreChurn, _) => PreChurnLow,
        (ChurnStage.EarlyChurn, ValueTier.High) => EarlyChurnHigh,
        (ChurnStage.EarlyChurn, ValueTier.Mid) => EarlyChurnMid,
        (ChurnStage.EarlyChurn, _) => EarlyChurnLow,
        (ChurnStage.DeepChurn, ValueTier.High) => DeepChurnHigh,
        (ChurnStage.DeepChurn, ValueTier.Mid) => DeepChurnMid,
        (ChurnStage.DeepChurn, _) => DeepChurnLow,
        (ChurnStage.Lost, ValueTier.High) => LostHigh,
        (ChurnStage.Lost, ValueTier.Mid) => LostMid,
        (ChurnStage.Lost, _) => LostLow,
        _ => null,
    };
}
