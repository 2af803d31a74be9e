using System;

namespace Retention.Scoring;

/// <summary>Display names of the scoring vocabulary in zh-CN and en, as staff and reports say them.</summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class DisplayNames
{
    /// <summary>The risk tier's name: <c>红色预警</c> / <c>red tier</c>; <see cref="RiskTier.None"/> is <c>无预警</c> / <c>no alert</c>.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The name in both locales.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tier"/> is not a defined tier.</exception>
    public static LocalizedText DisplayName(this RiskTier tier) => tier switch
    {
        RiskTier.None => new("无预警", "no alert"),
        RiskTier.Yellow => new("黄色预警", "yellow tier"),
        RiskTier.Orange => new("橙色预警", "orange tier"),
        RiskTier.Red => new("红色预警", "red tier"),
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "not a defined risk tier"),
    };

    /// <summary>The churn stage's name: <c>流失初期</c> / <c>early churn</c>.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The name in both locales.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is not a defined stage.</exception>
    public static LocalizedText DisplayName(this ChurnStage stage) => stage switch
    {
        ChurnStage.Active => new("活跃", "active"),
        ChurnStage.PreChurn => new("流失预警期", "pre-churn"),
        ChurnStage.EarlyChurn => new("流失初期", "early churn"),
        ChurnStage.DeepChurn => new("深度流失期", "deep churn"),
        ChurnStage.Lost => new("已流失", "lost"),
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "not a defined churn stage"),
    };

    /// <summary>The value tier's name: <c>高价值</c> / <c>high value</c>.</summary>
    /// <param name="tier">The value tier.</param>
    /// <returns>The name in both locales.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tier"/> is not a defined value tier.</exception>
    public static LocalizedText DisplayName(this ValueTier tier) => tier switch
    {
        ValueTier.Low => new("低价值", "low value"),
        ValueTier.Mid => new("中价值", "mid value"),
        ValueTier.High => new("高价值", "high value"),
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "not a defined value tier"),
    };

    /// <summary>The role's name: <c>店长</c> / <c>store manager</c>.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The name in both locales.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not a defined role.</exception>
    public static LocalizedText DisplayName(this StaffRole role) => role switch
    {
        StaffRole.ServiceAdvisor => new("服务顾问", "service advisor"),
        StaffRole.CustomerServiceSupervisor => new("客服主管", "customer service supervisor"),
        StaffRole.ServiceManager => new("服务经理", "service manager"),
        StaffRole.StoreManager => new("店长", "store manager"),
        StaffRole.GeneralManager => new("总经理", "general manager"),
        StaffRole.RegionalManager => new("区域经理", "regional manager"),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a defined staff role"),
    };
}
