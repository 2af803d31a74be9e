using System;

namespace Retention.Scoring;

/// <summary>The five signals of the churn-risk score, one per term.</summary>
public enum RiskSignal
{
    /// <summary>Days since the last visit.</summary>
    DaysSinceLastVisit = 0,

    /// <summary>App opens per month.</summary>
    AppOpens = 1,

    /// <summary>Appointment cancellation rate.</summary>
    CancellationRate = 2,

    /// <summary>Latest satisfaction score.</summary>
    Satisfaction = 3,

    /// <summary>Service inquiries in the last quarter.</summary>
    ServiceInquiries = 4,
}

/// <summary>The optional signals a customer may lack. A set: combine with <c>|</c>.</summary>
[Flags]
public enum MissingSignals : byte
{
    /// <summary>Every signal is present.</summary>
    None = 0,

    /// <summary>No app account: the app-opens term is missing.</summary>
    AppOpens = 1,

    /// <summary>Never surveyed: the satisfaction term is missing.</summary>
    Satisfaction = 2,
}

/// <summary>One term of an explained churn-risk score.</summary>
/// <param name="Signal">The signal behind the term.</param>
/// <param name="Points">The points the term contributed, in [0, <paramref name="Weight"/>] (before any rescaling).</param>
/// <param name="Weight">The term's full points.</param>
/// <param name="IsMissing">Whether the signal was missing (the term then gives 0 points).</param>
public readonly record struct RiskTerm(RiskSignal Signal, double Points, double Weight, bool IsMissing)
{
    /// <summary>The signal's name in both locales.</summary>
    public LocalizedText Name => Signal switch
    {
        RiskSignal.DaysSinceLastVisit => new("距上次到店天数", "days since last visit"),
        RiskSignal.AppOpens => new("每月 App 打开次数", "app opens per month"),
        RiskSignal.CancellationRate => new("预约取消率", "appointment cancellation rate"),
        RiskSignal.Satisfaction => new("最近一次满意度", "latest satisfaction"),
        _ => new("本季度主动咨询次数", "service inquiries this quarter"),
    };
}
