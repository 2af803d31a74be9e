using System;

namespace Retention.Contact;

/// <summary>How the store reaches a customer (spec: contact.md section 1).</summary>
public enum ContactChannel
{
    /// <summary>A phone call.</summary>
    Phone = 0,

    /// <summary>A text message.</summary>
    Sms = 1,

    /// <summary>A WeChat message.</summary>
    WeChat = 2,

    /// <summary>A push notification in the store's app.</summary>
    AppPush = 3,

    /// <summary>An e-mail.</summary>
    Email = 4,

    /// <summary>A visit to the customer.</summary>
    HomeVisit = 5,
}

/// <summary>A set of channels. Combine with <c>|</c>.</summary>
[Flags]
public enum ContactChannels
{
    /// <summary>No channel.</summary>
    None = 0,

    /// <summary><see cref="ContactChannel.Phone"/>.</summary>
    Phone = 1 << ContactChannel.Phone,

    /// <summary><see cref="ContactChannel.Sms"/>.</summary>
    Sms = 1 << ContactChannel.Sms,

    /// <summary><see cref="ContactChannel.WeChat"/>.</summary>
    WeChat = 1 << ContactChannel.WeChat,

    /// <summary><see cref="ContactChannel.AppPush"/>.</summary>
    AppPush = 1 << ContactChannel.AppPush,

    /// <summary><see cref="ContactChannel.Email"/>.</summary>
    Email = 1 << ContactChannel.Email,

    /// <summary><see cref="ContactChannel.HomeVisit"/>.</summary>
    HomeVisit = 1 << ContactChannel.HomeVisit,
}

/// <summary>Why the store contacts a customer (spec: contact.md section 1).</summary>
public enum ContactPurpose
{
    /// <summary>Follow-up after a service visit.</summary>
    ServiceFollowUp = 0,

    /// <summary>Care: greetings, tips.</summary>
    Care = 1,

    /// <summary>Winning a drifting customer back.</summary>
    Recovery = 2,

    /// <summary>Marketing. Counts like any proactive touch.</summary>
    Marketing = 3,

    /// <summary>Urgent: safety, an open complaint. Exempt from caps, spacing and quiet hours.</summary>
    Urgent = 4,

    /// <summary>Transactional: appointment confirmation, vehicle ready. Exempt from caps and spacing, counted apart.</summary>
    Transactional = 5,
}

/// <summary>Who started a contact.</summary>
public enum Initiator
{
    /// <summary>The store: a proactive touch.</summary>
    Store = 0,

    /// <summary>The customer: never proactive, always exempt.</summary>
    Customer = 1,
}

/// <summary>How a past touch went.</summary>
public enum TouchOutcome
{
    /// <summary>The customer answered.</summary>
    Answered = 0,

    /// <summary>A call nobody answered.</summary>
    NoAnswer = 1,

    /// <summary>The customer refused the contact.</summary>
    Refused = 2,

    /// <summary>A message was delivered.</summary>
    Delivered = 3,

    /// <summary>The contact failed (wrong number, undeliverable).</summary>
    Failed = 4,
}

/// <summary>Channel helpers.</summary>
public static class ContactChannelExtensions
{
    /// <summary>The set holding just this channel.</summary>
    /// <param name="channel">A channel.</param>
    /// <returns>The one-channel set.</returns>
    public static ContactChannels AsSet(this ContactChannel channel) => (ContactChannels)(1 << (int)channel);

    /// <summary>Whether the channel is a voice or in-person contact (phone, home visit) rather than a message.</summary>
    /// <param name="channel">A channel.</param>
    /// <returns><see langword="true"/> for <see cref="ContactChannel.Phone"/> and <see cref="ContactChannel.HomeVisit"/>.</returns>
    public static bool IsVoice(this ContactChannel channel) => channel is ContactChannel.Phone or ContactChannel.HomeVisit;

    /// <summary>Whether the set holds the channel.</summary>
    /// <param name="channels">A set.</param>
    /// <param name="channel">A channel.</param>
    /// <returns><see langword="true"/> when the channel is in the set.</returns>
    public static bool Has(this ContactChannels channels, ContactChannel channel) => (channels & channel.AsSet()) != 0;
}
