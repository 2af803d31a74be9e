using System;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Retention.Nps;

/// <summary>Raises the low-score alert for each new answer (spec: nps.md section 3).</summary>
/// <remarks>Holds a validated copy of the options; immutable and thread-safe.</remarks>
public sealed class LowScoreAlerter
{
    private readonly int _redUpTo;
    private readonly int _yellowUpTo;
    private readonly int _orangeUpTo;
    private readonly Level _red;
    private readonly Level _yellow;
    private readonly Level _orange;

    /// <summary>Creates the alerter from options, validating them first.</summary>
    /// <param name="options">The NPS options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad option.</exception>
    public LowScoreAlerter(NpsOptions options)
    {
        NpsOptionsValidator.ThrowIfInvalid(options);
        var a = options.Alerts;
        (_redUpTo, _yellowUpTo, _orangeUpTo) = (a.RedUpTo, a.YellowUpTo, a.OrangeUpTo);
        _red = new Level(a.Red, new("立即通知服务经理（短信 + 电话），2 小时内响应；超时升级至区域经理", "notify the service manager at once (SMS and phone); respond within 2 hours or it goes to the regional manager"));
        _yellow = new Level(a.Yellow, new("通过微信通知服务经理，6 小时内响应；超时升级一级", "notify the service manager on WeChat; respond within 6 hours or it goes one level up"));
        _orange = new Level(a.Orange, new("纳入中立客户转化计划，3 天内跟进", "put the customer into the passive-conversion plan; follow up within 3 days"));
    }

    /// <summary>Creates the alerter from the options registered in dependency injection.</summary>
    /// <param name="options">The NPS options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public LowScoreAlerter(IOptions<NpsOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>The alert level of a score.</summary>
    /// <param name="score">A whole number in [0, 10].</param>
    /// <returns>The level; <see cref="AlertLevel.None"/> above the orange bound.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside [0, 10].</exception>
    public AlertLevel LevelOf(int score)
    {
        if (!NpsClassifier.IsValidScore(score))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "An NPS answer is a whole number in [0, 10].");
        }

        return score <= _redUpTo ? AlertLevel.Red : score <= _yellowUpTo ? AlertLevel.Yellow : score <= _orangeUpTo ? AlertLevel.Orange : AlertLevel.None;
    }

    /// <summary>The alert a new answer raises.</summary>
    /// <param name="score">The answer, a whole number in [0, 10].</param>
    /// <param name="answeredAt">When the customer answered.</param>
    /// <returns>The alert; <see cref="LowScoreAlert.Raised"/> is false for a score that raises none.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside [0, 10].</exception>
    public LowScoreAlert Evaluate(int score, Instant answeredAt)
    {
        var level = LevelOf(score);
        var l = level switch
        {
            AlertLevel.Red => _red,
            AlertLevel.Yellow => _yellow,
            AlertLevel.Orange => _orange,
            _ => default,
        };
        if (level == AlertLevel.None)
        {
            return new LowScoreAlert(level, score, answeredAt, null, AlertChannels.None, AlertMark.None, null, null,
                new("无需预警", "no alert"));
        }

        return new LowScoreAlert(level, score, answeredAt, l.Notify, l.Channels, l.Mark, answeredAt + l.Within, l.EscalateTo, l.Action);
    }

    private readonly struct Level(AlertLevelOptions o, LocalizedText action)
    {
        public StaffRole Notify { get; } = o.Notify;

        public AlertChannels Channels { get; } = o.Channels;

        public Duration Within { get; } = Duration.FromTimeSpan(o.RespondWithin);

        public AlertMark Mark { get; } = o.Mark;

        public StaffRole? EscalateTo { get; } = o.EscalateTo;

        public LocalizedText Action { get; } = action;
    }
}
