using System;

namespace Retention.Scoring;

/// <summary>The channels a recovery reaches the customer through. A set: combine with <c>|</c>.</summary>
[Flags]
public enum RecoveryChannels
{
    /// <summary>No channel.</summary>
    None = 0,

    /// <summary>A phone call by a person.</summary>
    Phone = 1,

    /// <summary>A text message.</summary>
    Sms = 2,

    /// <summary>A WeChat message.</summary>
    WeChat = 4,

    /// <summary>A push notification in the store's app.</summary>
    AppPush = 8,

    /// <summary>A visit to the customer's home or workplace.</summary>
    HomeVisit = 16,
}
