using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NodaTime;
using Xunit;

namespace Retention.Contact.Tests.Support;

/// <summary>Shared fixtures for the facts: the spec's defaults, zones, moments and small builders.</summary>
internal static class Fixtures
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    /// <summary>The policy with the spec's defaults (store in Asia/Shanghai).</summary>
    public static readonly ContactPolicy Policy = new(new ContactOptions());

    /// <summary>The policy with the spec's defaults and the store in Europe/Berlin.</summary>
    public static readonly ContactPolicy BerlinPolicy = new(new ContactOptions { StoreTimeZone = "Europe/Berlin" });

    public static readonly ContactCalendar Calendar = new(new ContactOptions());

    public static readonly FollowUpCadence Cadence = new(new ContactOptions());

    public static readonly ContactKpis Kpis = new(new ContactOptions());

    /// <summary>Monday 2026-06-01 10:00 in Shanghai (02:00 UTC): a plain weekday morning, far from any clock change.</summary>
    public static readonly Instant Monday10 = Instant.FromUtc(2026, 6, 1, 2, 0);

    /// <summary>An instant given as local time in a zone (the time must exist and be unambiguous).</summary>
    public static Instant Local(DateTimeZone zone, int year, int month, int day, int hour, int minute = 0) =>
        zone.AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    /// <summary>An instant given as local time in Shanghai.</summary>
    public static Instant Sh(int month, int day, int hour, int minute = 0) => Local(Shanghai, 2026, month, day, hour, minute);

    public static Duration Hours(double h) => Duration.FromSeconds(h * 3600);

    public static Duration Days(double d) => Duration.FromSeconds(d * 86_400);

    /// <summary>A proactive touch the store made (counts against caps and spacing).</summary>
    public static PastTouch Proactive(Instant at, ContactChannel channel = ContactChannel.Sms, ContactPurpose purpose = ContactPurpose.Care, TouchOutcome? outcome = null) =>
        new(at, channel, purpose, Initiator.Store, outcome ?? (channel.IsVoice() ? TouchOutcome.Answered : TouchOutcome.Delivered));

    /// <summary>A store call with the given outcome.</summary>
    public static PastTouch Call(Instant at, TouchOutcome outcome, ContactPurpose purpose = ContactPurpose.ServiceFollowUp) =>
        new(at, ContactChannel.Phone, purpose, Initiator.Store, outcome);

    public static ContactRequest Ask(ContactPurpose purpose, ContactChannel channel, Instant at, Initiator initiator = Initiator.Store, bool requested = false) =>
        new(purpose, channel, at, initiator, requested);

    /// <summary>An ordinary proactive care message at the instant.</summary>
    public static ContactRequest CareSms(Instant at) => Ask(ContactPurpose.Care, ContactChannel.Sms, at);

    /// <summary>Decides with the default policy, "now" being the desired instant unless given.</summary>
    public static ContactDecision Decide(ContactRequest request, IEnumerable<PastTouch>? history = null, ContactPreferences preferences = default, bool vip = false, Instant? now = null, ContactPolicy? policy = null) =>
        (policy ?? Policy).Decide(request, (history ?? []).ToArray(), preferences, vip, now ?? request.DesiredAt);

    /// <summary>The earliest instant the decision allows (Allowed.At or Deferred.Until); null when denied.</summary>
    public static Instant? EarliestOf(ContactDecision d) => d switch
    {
        ContactDecision.Allowed a => a.At,
        ContactDecision.Deferred f => f.Until,
        _ => null,
    };

    /// <summary>The channel the decision allows; null when denied.</summary>
    public static ContactChannel? ChannelOf(ContactDecision d) => d switch
    {
        ContactDecision.Allowed a => a.Channel,
        ContactDecision.Deferred f => f.Channel,
        _ => null,
    };

    public static ContactReasonCode[] Codes(ContactDecision d) => d.Reasons.Select(r => r.Code).ToArray();

    /// <summary>A canonical text of a decision (kind, instant, channel, reason codes) for comparisons.</summary>
    public static string Describe(ContactDecision d) => d switch
    {
        ContactDecision.Allowed a => $"Allowed {a.At} {a.Channel} [{string.Join(",", Codes(d))}]",
        ContactDecision.Deferred f => $"Deferred {f.Until} {f.Channel} [{string.Join(",", Codes(d))}]",
        _ => $"Denied [{string.Join(",", Codes(d))}]",
    };

    public static ContactDecision.Allowed AssertAllowed(ContactDecision d, ContactChannel channel, Instant at, params ContactReasonCode[] codes)
    {
        var a = Assert.IsType<ContactDecision.Allowed>(d, exactMatch: true);
        Assert.Equal(channel, a.Channel);
        Assert.Equal(at, a.At);
        AssertReasons(d, codes);
        return a;
    }

    public static ContactDecision.Deferred AssertDeferred(ContactDecision d, ContactChannel channel, Instant until, params ContactReasonCode[] codes)
    {
        var f = Assert.IsType<ContactDecision.Deferred>(d, exactMatch: true);
        Assert.Equal(until, f.Until);
        Assert.Equal(channel, f.Channel);
        AssertReasons(d, codes);
        return f;
    }

    public static ContactDecision.Denied AssertDenied(ContactDecision d, ContactReasonCode code)
    {
        var x = Assert.IsType<ContactDecision.Denied>(d, exactMatch: true);
        Assert.Equal([code], Codes(d));
        return x;
    }

    private static void AssertReasons(ContactDecision d, ContactReasonCode[] codes)
    {
        Assert.NotEmpty(d.Reasons);
        if (codes.Length > 0)
        {
            Assert.Equal(codes, Codes(d));
        }

        foreach (var r in d.Reasons)
        {
            Assert.Equal(ContactReason.Of(r.Code), r);
        }
    }

    private static readonly Regex Cjk = new(@"\p{IsCJKUnifiedIdeographs}", RegexOptions.CultureInvariant);

    /// <summary>Whether the text holds at least one CJK ideograph.</summary>
    public static bool HasCjk(string text) => Cjk.IsMatch(text);

    /// <summary>Whether the text holds no CJK ideograph and some Latin letters (English text).</summary>
    public static bool IsLatin(string text) => !Cjk.IsMatch(text) && text.Any(char.IsAsciiLetter);

    public static void AssertBothLocales(LocalizedText text, string what)
    {
        Assert.False(string.IsNullOrWhiteSpace(text.ZhCn), $"{what}: zh-CN is empty");
        Assert.False(string.IsNullOrWhiteSpace(text.En), $"{what}: en is empty");
        Assert.True(HasCjk(text.ZhCn), $"{what}: zh-CN has no CJK: {text.ZhCn}");
        Assert.True(IsLatin(text.En), $"{what}: en is not English: {text.En}");
        Assert.NotEqual(text.ZhCn, text.En);
        Assert.Equal(text.ZhCn, text.Get("zh-CN"));
        Assert.Equal(text.En, text.Get("en"));
        Assert.Equal(text.En, text.ToString());
    }
}
