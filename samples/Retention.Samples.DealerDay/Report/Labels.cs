using System;
using System.Collections.Generic;
using NodaTime;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Report;

/// <summary>
/// Display names of the library's enumerations in both locales. Retention.Scoring localizes its
/// sentences (reasons, term names, goals) but not the names of tiers, stages, roles, verdicts,
/// channels and actions, so the sample carries them here.
/// </summary>
internal static partial class Labels
{
    public static LocalizedText Of(RiskTier tier) => tier switch
    {
        RiskTier.Yellow => new("黄色预警", "Yellow"),
        RiskTier.Orange => new("橙色预警", "Orange"),
        RiskTier.Red => new("红色预警", "Red"),
        _ => new("无风险", "None"),
    };

    public static LocalizedText Of(ChurnStage stage) => stage switch
    {
        ChurnStage.PreChurn => new("流失预警期", "pre-churn"),
        ChurnStage.EarlyChurn => new("流失初期", "early churn"),
        ChurnStage.DeepChurn => new("深度流失期", "deep churn"),
        ChurnStage.Lost => new("已流失", "lost"),
        _ => new("活跃", "active"),
    };

    public static LocalizedText Of(ValueTier tier) => tier switch
    {
        ValueTier.High => new("高价值", "high value"),
        ValueTier.Mid => new("中价值", "mid value"),
        _ => new("低价值", "low value"),
    };

    public static LocalizedText Of(StaffRole role) => role switch
    {
        StaffRole.ServiceAdvisor => new("服务顾问", "service advisor"),
        StaffRole.CustomerServiceSupervisor => new("客服主管", "customer service supervisor"),
        StaffRole.ServiceManager => new("服务经理", "service manager"),
        StaffRole.StoreManager => new("店长", "store manager"),
        StaffRole.GeneralManager => new("总经理", "general manager"),
        _ => new("区域经理", "regional manager"),
    };

    /// <summary>The owner of a decision; no owner means an automated path or nothing to do.</summary>
    public static LocalizedText Owner(StaffRole? role, RecoveryVerdict verdict) =>
        role is StaffRole r ? Of(r) : verdict == RecoveryVerdict.AutomatedOnly ? new("系统自动触达", "automated") : new("—", "—");

    public static LocalizedText Of(RecoveryVerdict verdict) => verdict switch
    {
        RecoveryVerdict.DoNotRecover => new("不挽回", "do not recover"),
        RecoveryVerdict.AutomatedOnly => new("仅自动触达", "automated touch only"),
        RecoveryVerdict.Recover => new("挽回", "recover"),
        RecoveryVerdict.PoliteFarewell => new("礼貌告别", "polite farewell"),
        RecoveryVerdict.MakeEffort => new("尽力挽回", "make an effort"),
        RecoveryVerdict.FullRecovery => new("全力挽回", "full recovery"),
        RecoveryVerdict.DeepRecovery => new("深度挽回", "deep recovery"),
        RecoveryVerdict.HighPriorityRecovery => new("高优先级挽回", "high-priority recovery"),
        _ => new("无需挽回", "not needed"),
    };

    public static LocalizedText Of(ChurnReason reason) => reason switch
    {
        ChurnReason.Price => new("价格", "price"),
        ChurnReason.ServiceExperience => new("服务体验", "service experience"),
        ChurnReason.Inconvenience => new("不便利", "inconvenience"),
        ChurnReason.MovedOrChangedCar => new("搬家或换车", "moved or changed car"),
        _ => new("其他", "other"),
    };

    public static LocalizedText Of(RiskSignal signal) => new RiskTerm(signal, 0, 0, false).Name;

    /// <summary>The channels of a set, joined in the locale's list style.</summary>
    public static string Of(RecoveryChannels channels, string locale) => Join(Flags(channels, ChannelNames), locale);

    /// <summary>The actions of a set, joined in the locale's list style.</summary>
    public static string Of(RecoveryActions actions, string locale) => Join(Flags(actions, ActionNames), locale);

    /// <summary>A response window: whole days from two days up, anything shorter in hours.</summary>
    public static LocalizedText Of(Duration window)
    {
        if (window.TotalHours % 24 == 0 && window.TotalDays >= 2)
        {
            string d = Display.Number(window.TotalDays, "0");
            return new($"{d} 天内", $"within {d} days");
        }

        string h = Display.Number(window.TotalHours, "0.#");
        return new($"{h} 小时内", $"within {h} hours");
    }

    private static readonly (RecoveryChannels Flag, LocalizedText Name)[] ChannelNames =
    [
        (RecoveryChannels.Phone, new("电话", "phone")),
        (RecoveryChannels.Sms, new("短信", "SMS")),
        (RecoveryChannels.WeChat, new("微信", "WeChat")),
        (RecoveryChannels.AppPush, new("App 推送", "app push")),
        (RecoveryChannels.HomeVisit, new("上门拜访", "home visit")),
    ];

    private static readonly (RecoveryActions Flag, LocalizedText Name)[] ActionNames =
    [
        (RecoveryActions.ExclusiveBenefits, new("专属权益", "exclusive benefits")),
        (RecoveryActions.FreePickUp, new("免费取送车", "free pick-up")),
        (RecoveryActions.VipUpgrade, new("升级 VIP", "VIP upgrade")),
        (RecoveryActions.MaintenanceReminder, new("保养提醒", "maintenance reminder")),
        (RecoveryActions.SmallOffer, new("小额优惠", "small offer")),
        (RecoveryActions.MembershipPoints, new("会员积分", "membership points")),
        (RecoveryActions.GeneralCoupon, new("通用优惠券", "general coupon")),
        (RecoveryActions.FixRootCause, new("解决根本原因", "fix the root cause")),
        (RecoveryActions.VipService, new("VIP 服务", "VIP service")),
        (RecoveryActions.SpecialOffer, new("专项优惠", "special offer")),
        (RecoveryActions.ServiceUpgrade, new("服务升级", "service upgrade")),
        (RecoveryActions.TimeLimitedOffer, new("限时优惠", "time-limited offer")),
        (RecoveryActions.DeepDiagnosis, new("深度诊断", "deep diagnosis")),
        (RecoveryActions.TailoredPlan, new("定制方案", "tailored plan")),
        (RecoveryActions.LargeOffer, new("大额优惠", "large offer")),
        (RecoveryActions.ValueComparison, new("价值对比", "value comparison")),
        (RecoveryActions.ApologyAndCommitment, new("道歉并承诺改进", "apology and commitment")),
        (RecoveryActions.LoanerCar, new("代步车", "loaner car")),
        (RecoveryActions.FastLane, new("快速通道", "fast lane")),
        (RecoveryActions.PoliteFarewell, new("礼貌告别", "polite farewell")),
    ];

    private static List<LocalizedText> Flags<T>(T value, (T Flag, LocalizedText Name)[] names)
        where T : struct, Enum
    {
        var found = new List<LocalizedText>();
        foreach (var (flag, name) in names)
        {
            if (value.HasFlag(flag))
            {
                found.Add(name);
            }
        }

        return found;
    }

    private static string Join(List<LocalizedText> names, string locale)
    {
        if (names.Count == 0)
        {
            return "—";
        }

        var parts = names.ConvertAll(n => n.Get(locale));
        return string.Join(Display.IsChinese(locale) ? "、" : ", ", parts);
    }
}
