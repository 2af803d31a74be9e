using System;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;
using Retention.Contact.Tests.Support;
using Xunit;
using static Retention.Contact.Tests.Support.Fixtures;
using Code = Retention.Contact.ContactReasonCode;

namespace Retention.Contact.Tests;

/// <summary>
/// contact.md section 4, time arithmetic: quiet hours and allowed hours are local times in the customer's
/// zone (the store's when the customer has none); "after 21:00" stays right across daylight-saving changes
/// (Europe/Berlin: 29 March 2026 02:00 CET -> 03:00 CEST, 25 October 2026 03:00 CEST -> 02:00 CET) as in a
/// zone without them (Asia/Shanghai); spacing and windows are real elapsed time.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
public class TimeZoneTests
{
    private static Instant Utc(string text) => InstantPattern.General.Parse(text).Value;

    private static ContactRequest Care(ContactChannel channel, string utc) => Ask(ContactPurpose.Care, channel, Utc(utc));

    private static readonly ContactPreferences InBerlin = new() { Zone = Berlin };

    [Theory]
    // Asia/Shanghai, UTC+8 all year, on the days Berlin changes its clocks: nothing special.
    [InlineData("2026-03-28T23:59:00Z", "2026-03-29T00:00:00Z")] // 07:59 -> 08:00
    [InlineData("2026-03-29T00:00:00Z", null)]                   // 08:00
    [InlineData("2026-03-29T12:59:00Z", null)]                   // 20:59
    [InlineData("2026-03-29T13:00:00Z", "2026-03-30T00:00:00Z")] // 21:00 -> 08:00 the next day
    [InlineData("2026-10-25T13:00:00Z", "2026-10-26T00:00:00Z")]
    [InlineData("2026-10-24T22:30:00Z", "2026-10-25T00:00:00Z")] // 06:30 -> 08:00
    public void Quiet_hours_in_Shanghai(string desired, string? until)
    {
        var d = Decide(Care(ContactChannel.Phone, desired));

        AssertWindow(d, desired, until);
    }

    [Theory]
    // The spring change, 29 March 2026: CET (UTC+1) until 02:00, then CEST (UTC+2).
    [InlineData("2026-03-28T20:30:00Z", "2026-03-29T06:00:00Z")] // 21:30 CET the evening before -> 08:00 CEST, 9.5 hours later
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29T06:00:00Z")] // 01:30 CET
    [InlineData("2026-03-29T01:30:00Z", "2026-03-29T06:00:00Z")] // 03:30 CEST, just after the change
    [InlineData("2026-03-29T05:59:00Z", "2026-03-29T06:00:00Z")] // 07:59 CEST
    [InlineData("2026-03-29T06:00:00Z", null)]                   // 08:00 CEST
    [InlineData("2026-03-29T18:59:00Z", null)]                   // 20:59 CEST
    [InlineData("2026-03-29T19:00:00Z", "2026-03-30T06:00:00Z")] // 21:00 CEST
    [InlineData("2026-03-28T19:59:00Z", null)]                   // 20:59 CET the day before
    [InlineData("2026-03-28T20:00:00Z", "2026-03-29T06:00:00Z")] // 21:00 CET the day before
    // The autumn change, 25 October 2026: CEST (UTC+2) until 03:00, then CET (UTC+1).
    [InlineData("2026-10-24T19:30:00Z", "2026-10-25T07:00:00Z")] // 21:30 CEST the evening before -> 08:00 CET, 11.5 hours later
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25T07:00:00Z")] // 02:30 CEST, the first 02:30
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25T07:00:00Z")] // 02:30 CET, the second 02:30
    [InlineData("2026-10-25T06:59:00Z", "2026-10-25T07:00:00Z")] // 07:59 CET
    [InlineData("2026-10-25T07:00:00Z", null)]                   // 08:00 CET
    [InlineData("2026-10-25T19:59:00Z", null)]                   // 20:59 CET
    [InlineData("2026-10-25T20:00:00Z", "2026-10-26T07:00:00Z")] // 21:00 CET
    [InlineData("2026-10-24T18:59:00Z", null)]                   // 20:59 CEST the day before
    [InlineData("2026-10-24T19:00:00Z", "2026-10-25T07:00:00Z")] // 21:00 CEST the day before
    public void Quiet_hours_in_Berlin_on_both_clock_change_days(string desired, string? until)
    {
        foreach (var channel in new[] { ContactChannel.Phone, ContactChannel.Sms })
        {
            AssertWindow(Decide(Care(channel, desired), preferences: InBerlin), desired, until, channel);
            AssertWindow(Decide(Care(channel, desired), policy: BerlinPolicy), desired, until, channel);
        }
    }

    private static void AssertWindow(ContactDecision d, string desired, string? until, ContactChannel channel = ContactChannel.Phone)
    {
        if (until is null)
        {
            AssertAllowed(d, channel, Utc(desired), Code.AllRulesMet);
        }
        else
        {
            AssertDeferred(d, channel, Utc(until), Code.QuietHours);
        }
    }

    [Fact]
    public void A_Berlin_customers_allowed_hours_are_Berlin_hours_on_the_change_days()
    {
        var prefs = InBerlin with { DoNotDisturb = DoNotDisturb.AllowedHours, AllowedFrom = new LocalTime(9, 0), AllowedUntil = new LocalTime(10, 0) };

        AssertDeferred(Decide(Care(ContactChannel.Sms, "2026-03-29T06:30:00Z"), preferences: prefs), ContactChannel.Sms, Utc("2026-03-29T07:00:00Z"), Code.OutsideAllowedHours);
        AssertAllowed(Decide(Care(ContactChannel.Sms, "2026-03-29T07:59:00Z"), preferences: prefs), ContactChannel.Sms, Utc("2026-03-29T07:59:00Z"));
        AssertDeferred(Decide(Care(ContactChannel.Sms, "2026-03-29T08:00:00Z"), preferences: prefs), ContactChannel.Sms, Utc("2026-03-30T07:00:00Z"), Code.OutsideAllowedHours);
        AssertDeferred(Decide(Care(ContactChannel.Sms, "2026-10-25T07:30:00Z"), preferences: prefs), ContactChannel.Sms, Utc("2026-10-25T08:00:00Z"), Code.OutsideAllowedHours);
        AssertDeferred(Decide(Care(ContactChannel.Sms, "2026-10-25T09:00:00Z"), preferences: prefs), ContactChannel.Sms, Utc("2026-10-26T08:00:00Z"), Code.OutsideAllowedHours);
    }

    // ---- a window that opens inside the hour the clocks skip or repeat ----

    private static ContactPolicy BerlinMessages(int fromHour, int fromMinute, int untilHour, int untilMinute = 0) => new(new ContactOptions
    {
        StoreTimeZone = "Europe/Berlin",
        MessageFrom = new TimeSpan(fromHour, fromMinute, 0),
        MessageUntil = new TimeSpan(untilHour, untilMinute, 0),
    });

    [Fact]
    public void A_window_opening_at_02_30_on_the_spring_day_opens_when_the_clocks_reach_03_00()
    {
        // 02:30 does not exist on 29 March; the first instant whose local time is 02:30 or later is 03:00 CEST.
        var policy = BerlinMessages(2, 30, 21);

        AssertDeferred(Decide(Care(ContactChannel.Sms, "2026-03-29T00:30:00Z"), policy: policy), ContactChannel.Sms, Utc("2026-03-29T01:00:00Z"), Code.QuietHours);
        AssertAllowed(Decide(Care(ContactChannel.Sms, "2026-03-29T01:00:00Z"), policy: policy), ContactChannel.Sms, Utc("2026-03-29T01:00:00Z"));
    }

    [Fact]
    public void A_window_opening_at_02_30_on_the_autumn_day_opens_twice()
    {
        var policy = BerlinMessages(2, 30, 21);

        AssertDeferred(Decide(Care(ContactChannel.Sms, "2026-10-25T00:10:00Z"), policy: policy), ContactChannel.Sms, Utc("2026-10-25T00:30:00Z"), Code.QuietHours); // 02:10 CEST -> 02:30 CEST
        AssertAllowed(Decide(Care(ContactChannel.Sms, "2026-10-25T00:45:00Z"), policy: policy), ContactChannel.Sms, Utc("2026-10-25T00:45:00Z")); // 02:45 CEST
        // 03:00 CEST becomes 02:00 CET: before 02:30 again, so quiet until the second 02:30.
        AssertDeferred(Decide(Care(ContactChannel.Sms, "2026-10-25T01:10:00Z"), policy: policy), ContactChannel.Sms, Utc("2026-10-25T01:30:00Z"), Code.QuietHours);
    }

    [Fact]
    public void A_window_ending_at_02_30_on_the_autumn_day_reopens_when_the_clocks_go_back()
    {
        var policy = BerlinMessages(0, 0, 2, 30);

        AssertDeferred(Decide(Care(ContactChannel.Sms, "2026-10-25T00:40:00Z"), policy: policy), ContactChannel.Sms, Utc("2026-10-25T01:00:00Z"), Code.QuietHours); // 02:40 CEST -> 02:00 CET
        AssertDeferred(Decide(Care(ContactChannel.Sms, "2026-10-25T01:30:00Z"), policy: policy), ContactChannel.Sms, Utc("2026-10-25T23:00:00Z"), Code.QuietHours); // 02:30 CET -> 00:00 CET the next day
    }

    [Fact]
    public void A_window_that_lies_wholly_in_the_skipped_hour_waits_for_the_next_day()
    {
        var policy = BerlinMessages(2, 15, 2, 45);

        AssertDeferred(Decide(Care(ContactChannel.Sms, "2026-03-29T00:00:00Z"), policy: policy), ContactChannel.Sms, Utc("2026-03-30T00:15:00Z"), Code.QuietHours);
    }

    // ---- spacing and the rolling window are real elapsed time ----

    [Fact]
    public void Seventy_two_hours_across_the_spring_change_are_72_real_hours_so_11_00_local_after_10_00()
    {
        var last = Local(Berlin, 2026, 3, 27, 10); // 09:00 UTC
        var history = new[] { Proactive(last) };

        AssertDeferred(Decide(CareSms(Local(Berlin, 2026, 3, 30, 10)), history, InBerlin), ContactChannel.Sms, Local(Berlin, 2026, 3, 30, 11), Code.Spacing);
        AssertAllowed(Decide(CareSms(Local(Berlin, 2026, 3, 30, 11)), history, InBerlin), ContactChannel.Sms, Local(Berlin, 2026, 3, 30, 11));
        Assert.Equal(Hours(72), Local(Berlin, 2026, 3, 30, 11) - last);
    }

    [Fact]
    public void Seventy_two_hours_across_the_autumn_change_are_72_real_hours_so_09_00_local_after_10_00()
    {
        var last = Local(Berlin, 2026, 10, 23, 10); // 08:00 UTC
        var history = new[] { Proactive(last) };

        AssertDeferred(Decide(CareSms(Local(Berlin, 2026, 10, 26, 8, 30)), history, InBerlin), ContactChannel.Sms, Local(Berlin, 2026, 10, 26, 9), Code.Spacing);
        AssertAllowed(Decide(CareSms(Local(Berlin, 2026, 10, 26, 9)), history, InBerlin), ContactChannel.Sms, Local(Berlin, 2026, 10, 26, 9));
        Assert.Equal(Hours(72), Local(Berlin, 2026, 10, 26, 9) - last);
    }

    [Fact]
    public void Spacing_that_ends_in_quiet_hours_on_the_spring_day_waits_for_08_00_local()
    {
        // Last touch 26 March 20:30 CET; 72 hours later is 29 March 21:30 CEST (19:30 UTC): quiet, so 30 March 08:00 CEST.
        var history = new[] { Proactive(Local(Berlin, 2026, 3, 26, 20, 30)) };

        AssertDeferred(Decide(CareSms(Local(Berlin, 2026, 3, 29, 9)), history, InBerlin), ContactChannel.Sms, Local(Berlin, 2026, 3, 30, 8), Code.Spacing, Code.QuietHours);
    }

    [Fact]
    public void The_30_day_window_across_the_spring_change_is_720_real_hours()
    {
        var history = new[] { Proactive(Local(Berlin, 2026, 3, 10, 10)), Proactive(Local(Berlin, 2026, 3, 20, 10)), Proactive(Local(Berlin, 2026, 3, 30, 10)) };

        AssertDeferred(Decide(CareSms(Local(Berlin, 2026, 4, 5, 10)), history, InBerlin), ContactChannel.Sms, Local(Berlin, 2026, 4, 9, 11), Code.FrequencyCap);
    }

    // ---- properties ----

    [Property]
    public void Allowed_instants_lie_in_the_daily_window_in_the_customers_local_time(Scenario s)
    {
        if (Rules.Timed(s.Request) && EarliestOf(s.Decide()) is Instant at && ChannelOf(s.Decide()) is ContactChannel c)
        {
            var w = Rules.Window(c, s.Options, s.Preferences);
            Assert.True(Rules.InWindow(at, s.Zone, w), $"{at} is {at.InZone(s.Zone)} local, outside {w.From}-{w.Until}");
        }
    }

    [Property(Arbitrary = [typeof(ClockChangeArbitraries)], MaxTest = 400)]
    public void On_the_clock_change_nights_Deferred_until_is_allowed_and_no_minute_before_it_is(Scenario s)
    {
        if (s.Decide() is not ContactDecision.Deferred d)
        {
            return;
        }

        Assert.IsType<ContactDecision.Allowed>(s.Decide(s.Request with { DesiredAt = d.Until }), exactMatch: true);
        var start = s.Request.DesiredAt > s.Now ? s.Request.DesiredAt : s.Now;
        var first = d.Until - Duration.FromDays(1) > start ? d.Until - Duration.FromDays(1) : start;
        for (var at = d.Until - Duration.FromMinutes(1); at >= first; at -= Duration.FromMinutes(1))
        {
            var again = s.Decide(s.Request with { DesiredAt = at });
            Assert.True(again is ContactDecision.Deferred f && f.Until == d.Until, $"asked at {at} ({at.InZone(s.Zone)}): {Describe(again)}; asked at {start}: {Describe(d)}");
        }
    }

    [Property(Arbitrary = [typeof(ClockChangeArbitraries)], MaxTest = 400)]
    public void On_the_clock_change_nights_allowed_instants_lie_in_the_local_window(Scenario s)
    {
        if (Rules.Timed(s.Request) && EarliestOf(s.Decide()) is Instant at && ChannelOf(s.Decide()) is ContactChannel c)
        {
            var w = Rules.Window(c, s.Options, s.Preferences);
            Assert.True(Rules.InWindow(at, s.Zone, w), $"{at} is {at.InZone(s.Zone)} local, outside {w.From}-{w.Until}");
        }
    }

    [Property]
    public void The_instant_before_Deferred_until_is_outside_the_window_or_breaks_a_frequency_rule(Scenario s)
    {
        if (s.Decide() is ContactDecision.Deferred d)
        {
            var before = s.Decide(s.Request with { DesiredAt = d.Until - Duration.FromTicks(1) });
            Assert.IsType<ContactDecision.Deferred>(before, exactMatch: true);
        }
    }
}
