using System;
using NodaTime;

namespace Retention.Contact;

/// <summary>Do-not-disturb modes a customer can choose (spec: contact.md section 3). A set: combine with <c>|</c>.</summary>
[Flags]
public enum DoNotDisturb
{
    /// <summary>No restriction.</summary>
    None = 0,

    /// <summary>Only urgent contacts (and transactional messages, and contacts the customer asked for).</summary>
    UrgentOnly = 1,

    /// <summary>No marketing.</summary>
    NoMarketing = 2,

    /// <summary>Only inside a daily local time window (<see cref="ContactPreferences.AllowedFrom"/> to <see cref="ContactPreferences.AllowedUntil"/>).</summary>
    AllowedHours = 4,
}

/// <summary>What the customer has told the store about being contacted.</summary>
/// <remarks>Immutable. <c>default</c> means: no restriction, no opt-out, the store's time zone.</remarks>
public readonly record struct ContactPreferences
{
    /// <summary>The customer's time zone; <see langword="null"/> for the store's zone.</summary>
    public DateTimeZone? Zone { get; init; }

    /// <summary>Do-not-disturb modes.</summary>
    public DoNotDisturb DoNotDisturb { get; init; }

    /// <summary>With <see cref="DoNotDisturb.AllowedHours"/>: the start of the daily window, local time (inclusive).</summary>
    public LocalTime AllowedFrom { get; init; }

    /// <summary>With <see cref="DoNotDisturb.AllowedHours"/>: the end of the daily window, local time (exclusive); after <see cref="AllowedFrom"/>.</summary>
    public LocalTime AllowedUntil { get; init; }

    /// <summary>Channels the customer opted out of (for example replied "TD" to an SMS).</summary>
    public ContactChannels OptedOut { get; init; }

    /// <summary>
    /// Global opt-out: only urgent and transactional contacts then, and (a <b>Decision</b>) a contact the customer explicitly
    /// asked for after opting out (<see cref="ContactRequest.RequestedByCustomer"/>): a callback they requested is theirs.
    /// </summary>
    public bool GlobalOptOut { get; init; }

    /// <summary>The customer said they prefer messages to calls (besides what is learned from unanswered calls).</summary>
    public bool PrefersMessages { get; init; }
}

/// <summary>One past (or already planned) contact with the customer.</summary>
/// <param name="At">When it happened (or is planned).</param>
/// <param name="Channel">The channel used.</param>
/// <param name="Purpose">Why.</param>
/// <param name="Initiator">Who started it.</param>
/// <param name="Outcome">How it went; <see cref="TouchOutcome.Delivered"/> for a planned message.</param>
/// <param name="RequestedByCustomer">Whether the customer explicitly asked for it (a call-back at a time they chose).</param>
public readonly record struct PastTouch(
    Instant At,
    ContactChannel Channel,
    ContactPurpose Purpose,
    Initiator Initiator = Initiator.Store,
    TouchOutcome Outcome = TouchOutcome.Answered,
    bool RequestedByCustomer = false);

/// <summary>A request to contact a customer.</summary>
/// <param name="Purpose">Why.</param>
/// <param name="Channel">The channel the requester wants.</param>
/// <param name="DesiredAt">When the requester wants to make the contact (not before now).</param>
/// <param name="Initiator">Who starts it.</param>
/// <param name="RequestedByCustomer">Whether the customer explicitly asked for this contact at this time.</param>
public readonly record struct ContactRequest(
    ContactPurpose Purpose,
    ContactChannel Channel,
    Instant DesiredAt,
    Initiator Initiator = Initiator.Store,
    bool RequestedByCustomer = false);
