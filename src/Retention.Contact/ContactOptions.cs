using System;
using NodaTime;

namespace Retention.Contact;

/// <summary>
/// Every cap, gap, window and cadence of Retention.Contact, with the spec's defaults (spec: contact.md).
/// Bind it from configuration (section <c>Retention:Contact</c> by convention) or set it in code;
/// <see cref="ContactOptionsValidator"/> rejects nonsense with a message naming the option.
/// </summary>
/// <remarks>Mutable, like every options class: the contact types take a validated copy when they are built.</remarks>
public sealed class ContactOptions
{
    /// <summary>The name of the configuration section these options are usually bound from: <c>Retention:Contact</c>.</summary>
    public const string SectionName = "Retention:Contact";

    /// <summary>The store's time zone (IANA id), used when a customer has none. The default value is <c>Asia/Shanghai</c>.</summary>
    public string StoreTimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Length of the rolling window of the frequency caps, longer than zero and at most 366 days. The default value is 30 days (720 hours).</summary>
    public TimeSpan RollingWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Most proactive touches in any rolling window for an ordinary customer, at least 1. The default value is 3.</summary>
    public int OrdinaryCap { get; set; } = 3;

    /// <summary>Most proactive touches in any rolling window for a VIP, at least <see cref="OrdinaryCap"/>. The default value is 5.</summary>
    public int VipCap { get; set; } = 5;

    /// <summary>Least time between two proactive touches, from zero to 366 days, and shorter than <see cref="RollingWindow"/> when a cap is above 1. The default value is 72 hours.</summary>
    public TimeSpan MinimumGap { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Proactive calls and visits only from this local time (inclusive). The default value is 08:00.</summary>
    public TimeSpan VoiceFrom { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Proactive calls and visits only until this local time (exclusive). The default value is 21:00.</summary>
    public TimeSpan VoiceUntil { get; set; } = TimeSpan.FromHours(21);

    /// <summary>Proactive messages only from this local time (inclusive). The default value is 08:00.</summary>
    public TimeSpan MessageFrom { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Proactive messages only until this local time (exclusive). The default value is 21:00.</summary>
    public TimeSpan MessageUntil { get; set; } = TimeSpan.FromHours(21);

    /// <summary>Consecutive unanswered calls after which a customer prefers messages, at least 1. The default value is 2.</summary>
    public int UnansweredCallsForMessages { get; set; } = 2;

    /// <summary>Message channels to use instead of a call (learned preference, opt-out), tried in channel order (SMS, WeChat, app push, e-mail); at least one. The default value is SMS and WeChat.</summary>
    public ContactChannels MessageFallbacks { get; set; } = ContactChannels.Sms | ContactChannels.WeChat;

    /// <summary>Whether transactional messages are exempt from caps and spacing (counted apart). The default value is <see langword="true"/> (a Decision).</summary>
    public bool TransactionalExempt { get; set; } = true;

    /// <summary>Follow-up cadence by segment (section 6).</summary>
    public CadenceOptions Cadence { get; set; } = new();

    /// <summary>Touch-point KPI targets (section 7).</summary>
    public ContactKpiOptions Kpis { get; set; } = new();

    internal LocalTime VoiceFromTime => LocalTime.FromTicksSinceMidnight(VoiceFrom.Ticks);

    internal LocalTime VoiceUntilTime => UntilTime(VoiceUntil);

    internal LocalTime MessageFromTime => LocalTime.FromTicksSinceMidnight(MessageFrom.Ticks);

    internal LocalTime MessageUntilTime => UntilTime(MessageUntil);

    // 24:00 means "end of day": represented as the last tick of the day.
    private static LocalTime UntilTime(TimeSpan t) => t >= TimeSpan.FromDays(1) ? LocalTime.MaxValue : LocalTime.FromTicksSinceMidnight(t.Ticks);
}
