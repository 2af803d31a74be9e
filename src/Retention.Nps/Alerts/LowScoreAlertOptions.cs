using System;

namespace Retention.Nps;

/// <summary>How an alert reaches the people it notifies. A set: combine with <c>|</c>.</summary>
[Flags]
public enum AlertChannels
{
    /// <summary>No channel.</summary>
    None = 0,

    /// <summary>A text message.</summary>
    Sms = 1,

    /// <summary>A phone call.</summary>
    Phone = 2,

    /// <summary>A WeChat message.</summary>
    WeChat = 4,

    /// <summary>A task in the store's system.</summary>
    Task = 8,
}

/// <summary>The mark an alert carries on the store's board.</summary>
public enum AlertMark
{
    /// <summary>No mark.</summary>
    None = 0,

    /// <summary>Watch: a passive to convert.</summary>
    Watch = 1,

    /// <summary>Important.</summary>
    Important = 2,

    /// <summary>Urgent.</summary>
    Urgent = 3,
}

/// <summary>The low-score alert table (spec: nps.md section 3). Scores are whole numbers; each level's upper bound is inclusive.</summary>
public sealed class LowScoreAlertOptions
{
    /// <summary>Highest score that raises a red alert. The default value is 3 (scores 0-3).</summary>
    public int RedUpTo { get; set; } = 3;

    /// <summary>Highest score that raises a yellow alert, above <see cref="RedUpTo"/>. The default value is 6 (scores 4-6).</summary>
    public int YellowUpTo { get; set; } = 6;

    /// <summary>Highest score that raises an orange alert, at least <see cref="YellowUpTo"/> (equal means no orange level). The default value is 7.</summary>
    public int OrangeUpTo { get; set; } = 7;

    /// <summary>The red alert. The default value is: ServiceManager at once by SMS and phone, within 2 hours, Urgent, escalate to RegionalManager.</summary>
    public AlertLevelOptions Red { get; set; } = AlertLevelOptions.Of(StaffRole.ServiceManager, AlertChannels.Sms | AlertChannels.Phone, TimeSpan.FromHours(2), AlertMark.Urgent, StaffRole.RegionalManager);

    /// <summary>The yellow alert. The default value is: ServiceManager by WeChat, within 6 hours, Important, escalate one level up (StoreManager; a Decision).</summary>
    public AlertLevelOptions Yellow { get; set; } = AlertLevelOptions.Of(StaffRole.ServiceManager, AlertChannels.WeChat, TimeSpan.FromHours(6), AlertMark.Important, StaffRole.StoreManager);

    /// <summary>The orange alert. The default value is: the passive-conversion plan (a task for the ServiceAdvisor), within 3 days, Watch, no escalation.</summary>
    public AlertLevelOptions Orange { get; set; } = AlertLevelOptions.Of(StaffRole.ServiceAdvisor, AlertChannels.Task, TimeSpan.FromDays(3), AlertMark.Watch, null);
}

/// <summary>One level of the low-score alert table.</summary>
public sealed class AlertLevelOptions
{
    /// <summary>Who is notified.</summary>
    public StaffRole Notify { get; set; }

    /// <summary>How they are notified; at least one channel.</summary>
    public AlertChannels Channels { get; set; }

    /// <summary>How soon someone must respond (wall-clock), greater than zero.</summary>
    public TimeSpan RespondWithin { get; set; }

    /// <summary>The mark on the store's board.</summary>
    public AlertMark Mark { get; set; }

    /// <summary>Who the alert escalates to when nobody responds in time; more senior than <see cref="Notify"/>, or <see langword="null"/> for no escalation.</summary>
    public StaffRole? EscalateTo { get; set; }

    internal static AlertLevelOptions Of(StaffRole notify, AlertChannels channels, TimeSpan within, AlertMark mark, StaffRole? escalateTo) =>
        new() { Notify = notify, Channels = channels, RespondWithin = within, Mark = mark, EscalateTo = escalateTo };
}
