using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
        // The texts are built from the options so that a configured role, channel or window is what the staff read.
        _red = new Level(a.Red, ActionText(a.Red, "立即通知{0}（{1}），{2}内响应", "notify the {0} at once ({1}); respond within {2}"));
        _yellow = new Level(a.Yellow, ActionText(a.Yellow, "通过{1}通知{0}，{2}内响应", "notify the {0} on {1}; respond within {2}"));
        _orange = new Level(a.Orange, ActionText(a.Orange, "纳入中立客户转化计划，由{0}跟进（{1}），{2}内跟进", "put the customer into the passive-conversion plan for the {0} ({1}); follow up within {2}"));
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

    private static LocalizedText ActionText(AlertLevelOptions o, string zh, string en)
    {
        var (zhWindow, enWindow) = WindowText(o.RespondWithin);
        var zhChannels = new List<string>();
        var enChannels = new List<string>();
        foreach (var (channel, zhName, enName) in new[] { (AlertChannels.Sms, "短信", "SMS"), (AlertChannels.Phone, "电话", "phone"), (AlertChannels.WeChat, "微信", "WeChat"), (AlertChannels.Task, "任务", "a task") })
        {
            if (o.Channels.HasFlag(channel))
            {
                zhChannels.Add(zhName);
                enChannels.Add(enName);
            }
        }

        string enChannelText = enChannels.Count == 1 ? enChannels[0] : string.Join(", ", enChannels.Take(enChannels.Count - 1)) + " and " + enChannels[^1];
        string zhText = string.Format(CultureInfo.InvariantCulture, zh, RoleText(o.Notify).Zh, string.Join(" + ", zhChannels), zhWindow);
        string enText = string.Format(CultureInfo.InvariantCulture, en, RoleText(o.Notify).En, enChannelText, enWindow);
        if (o.EscalateTo is StaffRole up)
        {
            zhText += "；超时升级至" + RoleText(up).Zh;
            enText += " or it goes to the " + RoleText(up).En;
        }

        return new LocalizedText(zhText, enText);
    }

    private static (string Zh, string En) RoleText(StaffRole role) => (role.DisplayName().ZhCn, role.DisplayName().En);

    private static (string Zh, string En) WindowText(TimeSpan window)
    {
        if (window.Ticks % TimeSpan.TicksPerDay == 0 && window.Days >= 2)
        {
            return ($"{window.Days} 天", $"{window.Days} days");
        }

        if (window < TimeSpan.FromHours(1))
        {
            string m = window.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture);
            return ($"{m} 分钟", m == "1" ? "1 minute" : $"{m} minutes");
        }

        string h = window.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);
        return ($"{h} 小时", h == "1" ? "1 hour" : $"{h} hours");
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
