using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Retention.Contact.Tests.Support;
using Xunit;
using static Retention.Contact.Tests.Support.Fixtures;
using Code = Retention.Contact.ContactReasonCode;

namespace Retention.Contact.Tests;

/// <summary>
/// contact.md section 2, frequency rules on a rolling window: at most 3 proactive touches in any rolling
/// 30 days for an ordinary customer, 5 for a VIP, at least 72 hours between two proactive touches;
/// exempt from both and not counted: contacts the customer started, urgent issue handling, contacts the
/// customer asked for, and (Decision) transactional messages, counted apart; marketing counts like any
/// proactive touch. The playbook's typical month is a worked example.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
public class FrequencyRuleTests
{
    [Fact]
    public void The_tally_counts_capped_touches_transactional_messages_apart_and_the_other_exemptions_in_the_rolling_window()
    {
        var now = Monday10;
        PastTouch[] history =
        [
            Proactive(now - Duration.FromDays(1)),
            Proactive(now - Duration.FromDays(29), ContactChannel.Phone),
            Proactive(now - Duration.FromDays(2), purpose: ContactPurpose.Transactional),
            new(now - Duration.FromDays(3), ContactChannel.Phone, ContactPurpose.Care, Initiator.Customer),
            Proactive(now - Duration.FromDays(4), ContactChannel.Phone, ContactPurpose.Urgent),
            Proactive(now - Duration.FromDays(5), ContactChannel.Phone, outcome: TouchOutcome.Failed),
            new(now - Duration.FromDays(6), ContactChannel.Phone, ContactPurpose.Care, RequestedByCustomer: true),
            Proactive(now - Duration.FromDays(30)), // the window is (now - 30 days, now]
            Proactive(now + Duration.FromHours(1)), // not yet
        ];

        var tally = Policy.Tally(history, now);

        Assert.Equal(new TouchTally(Counted: 2, Transactional: 1, Exempt: 4), tally);
        Assert.Equal(7, tally.Total);

        // With transactional messages not exempt, they count against the caps like the rest.
        var counting = new ContactPolicy(new ContactOptions { TransactionalExempt = false });
        Assert.Equal(new TouchTally(3, 0, 4), counting.Tally(history, now));
    }

    private static readonly Instant D0 = Monday10; // 2026-06-01 10:00 Shanghai

    private static Instant Day(double d) => D0 + Days(d);

    // ---- caps ----

    [Fact]
    public void The_defaults_are_3_proactive_touches_per_30_days_5_for_a_VIP_and_72_hours_apart()
    {
        Assert.Equal(3, Policy.CapFor(isVip: false));
        Assert.Equal(5, Policy.CapFor(isVip: true));
        var o = new ContactOptions();
        Assert.Equal((TimeSpan.FromDays(30), TimeSpan.FromHours(72)), (o.RollingWindow, o.MinimumGap));
    }

    [Fact]
    public void An_ordinary_customer_may_have_a_third_touch_in_30_days()
    {
        var history = new[] { Proactive(Day(0)), Proactive(Day(4)) };

        AssertAllowed(Decide(CareSms(Day(12)), history), ContactChannel.Sms, Day(12), Code.AllRulesMet);
    }

    [Fact]
    public void An_ordinary_customers_fourth_touch_is_deferred_until_the_first_leaves_the_30_day_window()
    {
        var history = new[] { Proactive(Day(0)), Proactive(Day(4)), Proactive(Day(8)) };

        AssertDeferred(Decide(CareSms(Day(12)), history), ContactChannel.Sms, Day(30), Code.FrequencyCap);
    }

    [Fact]
    public void The_window_frees_a_slot_exactly_30_days_after_a_touch_and_not_a_minute_earlier()
    {
        var history = new[] { Proactive(Day(0)), Proactive(Day(4)), Proactive(Day(8)) };

        AssertAllowed(Decide(CareSms(Day(30)), history), ContactChannel.Sms, Day(30));
        AssertDeferred(Decide(CareSms(Day(30) - Duration.FromMinutes(1)), history), ContactChannel.Sms, Day(30), Code.FrequencyCap);
        AssertDeferred(Decide(CareSms(Day(30) - Duration.Epsilon), history), ContactChannel.Sms, Day(30), Code.FrequencyCap);
    }

    [Fact]
    public void The_window_rolls_across_calendar_months()
    {
        // 10 May, 25 May and 5 June: a fourth touch on 8 June is still the fourth in 30 days, although June holds only one.
        var history = new[] { Proactive(Sh(5, 10, 10)), Proactive(Sh(5, 25, 10)), Proactive(Sh(6, 5, 10)) };

        AssertDeferred(Decide(CareSms(Sh(6, 8, 10)), history), ContactChannel.Sms, Sh(6, 9, 10), Code.FrequencyCap);
    }

    [Fact]
    public void A_VIP_may_have_a_fifth_touch_in_30_days_but_not_a_sixth()
    {
        var four = new[] { Proactive(Day(0)), Proactive(Day(4)), Proactive(Day(8)), Proactive(Day(12)) };
        var five = four.Append(Proactive(Day(16))).ToArray();

        AssertAllowed(Decide(CareSms(Day(20)), four, vip: true), ContactChannel.Sms, Day(20));
        // An ordinary customer with those four waits until only two are left in the 30 days before: day 4 + 30.
        AssertDeferred(Decide(CareSms(Day(20)), four), ContactChannel.Sms, Day(34), Code.FrequencyCap);
        AssertDeferred(Decide(CareSms(Day(20)), five, vip: true), ContactChannel.Sms, Day(30), Code.FrequencyCap);
        AssertAllowed(Decide(CareSms(Day(30)), five, vip: true), ContactChannel.Sms, Day(30));
    }

    [Fact]
    public void Already_planned_touches_count_in_every_window_they_share_with_the_request()
    {
        // Day 0 done, days 20 and 26 already planned: a touch on day 8 would make 4 in [day 0, day 30),
        // so the earliest is day 30; without the touch planned on day 20 it is 3, and allowed.
        var history = new[] { Proactive(Day(0)), Proactive(Day(20)), Proactive(Day(26)) };

        AssertDeferred(Decide(CareSms(Day(8)), history), ContactChannel.Sms, Day(30), Code.FrequencyCap);
        AssertAllowed(Decide(CareSms(Day(8)), [history[0], history[2]]), ContactChannel.Sms, Day(8));
    }

    [Fact]
    public void Marketing_counts_like_any_proactive_touch()
    {
        var history = new[] { Proactive(Day(0), purpose: ContactPurpose.Marketing), Proactive(Day(4), purpose: ContactPurpose.Marketing), Proactive(Day(8), ContactChannel.WeChat, ContactPurpose.Marketing) };

        AssertDeferred(Decide(CareSms(Day(12)), history), ContactChannel.Sms, Day(30), Code.FrequencyCap);
        AssertDeferred(Decide(Ask(ContactPurpose.Marketing, ContactChannel.Email, Day(12)), history), ContactChannel.Email, Day(30), Code.FrequencyCap);
    }

    [Theory]
    [InlineData(ContactChannel.Phone, TouchOutcome.Answered)]
    [InlineData(ContactChannel.Phone, TouchOutcome.NoAnswer)]
    [InlineData(ContactChannel.Phone, TouchOutcome.Refused)]
    [InlineData(ContactChannel.HomeVisit, TouchOutcome.Answered)]
    [InlineData(ContactChannel.WeChat, TouchOutcome.Delivered)]
    [InlineData(ContactChannel.AppPush, TouchOutcome.Delivered)]
    [InlineData(ContactChannel.Email, TouchOutcome.Delivered)]
    public void Every_proactive_touch_that_reached_or_rang_the_customer_counts(ContactChannel channel, TouchOutcome outcome)
    {
        var history = new[] { Proactive(Day(0)), Proactive(Day(4)), Proactive(Day(8), channel, ContactPurpose.Recovery, outcome) };

        Assert.True(Policy.Counts(history[2]));
        AssertDeferred(Decide(CareSms(Day(12)), history), ContactChannel.Sms, Day(30), Code.FrequencyCap);
    }

    [Fact]
    public void A_failed_attempt_never_reached_the_customer_and_does_not_count()
    {
        var failed = Proactive(Day(11), ContactChannel.Phone, ContactPurpose.Care, TouchOutcome.Failed);
        var history = new[] { Proactive(Day(0)), Proactive(Day(4)), failed };

        Assert.False(Policy.Counts(failed));
        AssertAllowed(Decide(CareSms(Day(12)), history), ContactChannel.Sms, Day(12), Code.AllRulesMet);
    }

    // ---- spacing ----

    [Fact]
    public void A_touch_72_hours_after_the_last_is_allowed_and_a_minute_earlier_is_deferred_to_72_hours()
    {
        var history = new[] { Proactive(D0) };

        AssertAllowed(Decide(CareSms(D0 + Hours(72)), history), ContactChannel.Sms, D0 + Hours(72), Code.AllRulesMet);
        AssertDeferred(Decide(CareSms(D0 + Hours(72) - Duration.FromMinutes(1)), history), ContactChannel.Sms, D0 + Hours(72), Code.Spacing);
        AssertDeferred(Decide(CareSms(D0 + Duration.FromMinutes(1)), history), ContactChannel.Sms, D0 + Hours(72), Code.Spacing);
        AssertDeferred(Decide(CareSms(D0), history), ContactChannel.Sms, D0 + Hours(72), Code.Spacing);
    }

    [Fact]
    public void Spacing_holds_towards_an_already_planned_touch_too()
    {
        var planned = new[] { Proactive(Day(5)) };

        AssertAllowed(Decide(CareSms(Day(2)), planned, now: D0), ContactChannel.Sms, Day(2));
        // 71 hours before the planned touch is too close: the earliest instant is 72 hours after it.
        AssertDeferred(Decide(CareSms(Day(5) - Hours(71)), planned, now: D0), ContactChannel.Sms, Day(8), Code.Spacing);
    }

    [Fact]
    public void Spacing_applies_across_channels_and_departments()
    {
        var history = new[] { Proactive(D0, ContactChannel.Phone, ContactPurpose.ServiceFollowUp), };

        AssertDeferred(Decide(Ask(ContactPurpose.Marketing, ContactChannel.AppPush, D0 + Hours(24)), history), ContactChannel.AppPush, D0 + Hours(72), Code.Spacing);
        AssertDeferred(Decide(Ask(ContactPurpose.Recovery, ContactChannel.HomeVisit, D0 + Hours(48)), history), ContactChannel.HomeVisit, D0 + Hours(72), Code.Spacing);
    }

    [Fact]
    public void Cap_spacing_and_quiet_hours_at_once_give_the_earliest_instant_that_satisfies_all_three()
    {
        // Day 0 at 21:30 (a department ignored the quiet hours), days 10 and 20 at 10:00.
        // Asked on day 21: spacing says day 23 10:00, where the cap still counts 4 in [day 0, day 30);
        // the cap frees a slot on day 30 at 21:30, which is quiet; so day 31 at 08:00.
        var history = new[] { Proactive(Sh(6, 1, 21, 30)), Proactive(Sh(6, 11, 10)), Proactive(Sh(6, 21, 10)) };

        AssertDeferred(Decide(CareSms(Sh(6, 22, 10)), history), ContactChannel.Sms, Sh(7, 2, 8), Code.FrequencyCap, Code.Spacing, Code.QuietHours);
    }

    // ---- exemptions ----

    public static TheoryData<string, PastTouch> ExemptHistory => new()
    {
        { "the customer called", new PastTouch(D0, ContactChannel.Phone, ContactPurpose.ServiceFollowUp, Initiator.Customer) },
        { "the customer wrote", new PastTouch(D0, ContactChannel.WeChat, ContactPurpose.Marketing, Initiator.Customer, TouchOutcome.Delivered) },
        { "an urgent call", new PastTouch(D0, ContactChannel.Phone, ContactPurpose.Urgent) },
        { "an urgent visit", new PastTouch(D0, ContactChannel.HomeVisit, ContactPurpose.Urgent) },
        { "a call-back the customer asked for", new PastTouch(D0, ContactChannel.Phone, ContactPurpose.Care, RequestedByCustomer: true) },
        { "a transactional message", new PastTouch(D0, ContactChannel.Sms, ContactPurpose.Transactional, Outcome: TouchOutcome.Delivered) },
    };

    [Theory]
    [MemberData(nameof(ExemptHistory))]
    public void Exempt_touches_neither_count_nor_need_spacing(string what, PastTouch exempt)
    {
        // Ten exempt touches today and two proactive ones earlier: a third proactive touch is still allowed, at once.
        var history = Enumerable.Range(0, 10).Select(i => exempt with { At = D0 - Duration.FromMinutes(10 * i) })
            .Append(Proactive(Day(-10))).Append(Proactive(Day(-5))).ToArray();

        Assert.False(Policy.Counts(exempt), what);
        AssertAllowed(Decide(CareSms(D0 + Duration.FromMinutes(1)), history), ContactChannel.Sms, D0 + Duration.FromMinutes(1), Code.AllRulesMet);
    }

    private static readonly PastTouch[] Full = [Proactive(Day(-8)), Proactive(Day(-4)), Proactive(Day(-1))];

    [Fact]
    public void A_contact_the_customer_starts_is_always_allowed_on_their_channel_and_at_once()
    {
        var late = Sh(6, 1, 23, 30);
        var prefs = new ContactPreferences { GlobalOptOut = true, OptedOut = ContactChannels.Phone, DoNotDisturb = DoNotDisturb.UrgentOnly };

        AssertAllowed(Decide(Ask(ContactPurpose.Marketing, ContactChannel.Phone, late, Initiator.Customer), Full, prefs), ContactChannel.Phone, late, Code.CustomerInitiated);
    }

    [Fact]
    public void An_urgent_contact_ignores_cap_spacing_and_quiet_hours()
    {
        var night = Sh(6, 1, 23, 30);

        AssertAllowed(Decide(Ask(ContactPurpose.Urgent, ContactChannel.Phone, night), Full), ContactChannel.Phone, night, Code.UrgentExempt);
        AssertAllowed(Decide(Ask(ContactPurpose.Urgent, ContactChannel.HomeVisit, Sh(6, 1, 6)), Full), ContactChannel.HomeVisit, Sh(6, 1, 6), Code.UrgentExempt);
    }

    [Fact]
    public void A_call_back_at_a_time_the_customer_chose_ignores_cap_spacing_and_quiet_hours()
    {
        var chosen = Sh(6, 1, 21, 30);

        AssertAllowed(Decide(Ask(ContactPurpose.Care, ContactChannel.Phone, chosen, requested: true), Full), ContactChannel.Phone, chosen, Code.RequestedByCustomer);
    }

    [Fact]
    public void A_transactional_message_ignores_cap_and_spacing_but_not_quiet_hours()
    {
        AssertAllowed(Decide(Ask(ContactPurpose.Transactional, ContactChannel.Sms, D0), Full), ContactChannel.Sms, D0, Code.TransactionalExempt);
        AssertDeferred(Decide(Ask(ContactPurpose.Transactional, ContactChannel.Sms, Sh(6, 1, 22)), Full), ContactChannel.Sms, Sh(6, 2, 8), Code.QuietHours, Code.TransactionalExempt);
    }

    [Fact]
    public void Transactional_touches_are_counted_apart_from_proactive_ones()
    {
        var transactional = Enumerable.Range(0, 5).Select(i => new PastTouch(Day(-i), ContactChannel.Sms, ContactPurpose.Transactional, Outcome: TouchOutcome.Delivered)).ToArray();
        var history = transactional.Concat(Full.Take(2)).ToArray();

        Assert.Equal(2, history.Count(t => Policy.Counts(t)));
        AssertAllowed(Decide(CareSms(D0), history), ContactChannel.Sms, D0);
    }

    [Fact]
    public void With_the_transactional_exemption_switched_off_transactional_messages_count_and_wait()
    {
        var policy = new ContactPolicy(new ContactOptions { TransactionalExempt = false });
        var transactional = new PastTouch(Day(-1), ContactChannel.Sms, ContactPurpose.Transactional, Outcome: TouchOutcome.Delivered);
        var history = new[] { Proactive(Day(-20)), transactional };

        Assert.True(policy.Counts(transactional));
        Assert.False(Policy.Counts(transactional));
        AssertDeferred(Decide(CareSms(D0), history, policy: policy), ContactChannel.Sms, Day(2), Code.Spacing);
        AssertDeferred(Decide(Ask(ContactPurpose.Transactional, ContactChannel.Sms, D0), history, policy: policy), ContactChannel.Sms, Day(2), Code.Spacing);
        AssertAllowed(Decide(CareSms(D0), history), ContactChannel.Sms, D0, Code.AllRulesMet);
        AssertAllowed(Decide(Ask(ContactPurpose.Transactional, ContactChannel.Sms, D0), history), ContactChannel.Sms, D0, Code.TransactionalExempt);
    }

    [Fact]
    public void Counts_tells_proactive_touches_from_exempt_ones()
    {
        Assert.True(Policy.Counts(new PastTouch(D0, ContactChannel.Sms, ContactPurpose.ServiceFollowUp)));
        Assert.True(Policy.Counts(new PastTouch(D0, ContactChannel.Phone, ContactPurpose.Care)));
        Assert.True(Policy.Counts(new PastTouch(D0, ContactChannel.Phone, ContactPurpose.Recovery)));
        Assert.True(Policy.Counts(new PastTouch(D0, ContactChannel.Email, ContactPurpose.Marketing)));
        Assert.False(Policy.Counts(new PastTouch(D0, ContactChannel.Phone, ContactPurpose.Urgent)));
        Assert.False(Policy.Counts(new PastTouch(D0, ContactChannel.Sms, ContactPurpose.Transactional)));
        Assert.False(Policy.Counts(new PastTouch(D0, ContactChannel.Phone, ContactPurpose.Care, Initiator.Customer)));
        Assert.False(Policy.Counts(new PastTouch(D0, ContactChannel.Phone, ContactPurpose.Marketing, RequestedByCustomer: true)));
    }

    // ---- the playbook's typical month (worked example) ----

    /// <summary>Decides each request in turn, as the calendar does, adding what is allowed or deferred to the history.</summary>
    private static List<ContactDecision> Month(bool vip, params ContactRequest[] requests)
    {
        var history = new List<PastTouch>();
        var decisions = new List<ContactDecision>();
        foreach (var r in requests)
        {
            var d = Decide(r, history, vip: vip, now: r.DesiredAt);
            decisions.Add(d);
            if (EarliestOf(d) is Instant at)
            {
                history.Add(new PastTouch(at, ChannelOf(d)!.Value, r.Purpose));
            }
        }

        return decisions;
    }

    [Fact]
    public void Typical_ordinary_month_immediate_SMS_first_follow_up_call_and_7_day_care_message_fit_with_the_call_moved_to_72_hours()
    {
        var d = Month(
            vip: false,
            Ask(ContactPurpose.ServiceFollowUp, ContactChannel.Sms, Day(0)),    // immediate SMS after the service
            Ask(ContactPurpose.ServiceFollowUp, ContactChannel.Phone, Day(1)),  // first follow-up call, wanted the next day
            Ask(ContactPurpose.Care, ContactChannel.Sms, Day(7)),               // 7-day care message
            Ask(ContactPurpose.Marketing, ContactChannel.Sms, Day(14)));        // anything more this month

        AssertAllowed(d[0], ContactChannel.Sms, Day(0));
        AssertDeferred(d[1], ContactChannel.Phone, Day(3), Code.Spacing);
        AssertAllowed(d[2], ContactChannel.Sms, Day(7));
        AssertDeferred(d[3], ContactChannel.Sms, Day(30), Code.FrequencyCap);
    }

    [Fact]
    public void Typical_VIP_month_adds_a_7_day_care_call_a_holiday_greeting_and_a_30_day_care_call_within_the_cap_of_5()
    {
        var d = Month(
            vip: true,
            Ask(ContactPurpose.ServiceFollowUp, ContactChannel.Sms, Day(0)),
            Ask(ContactPurpose.ServiceFollowUp, ContactChannel.Phone, Day(1)),
            Ask(ContactPurpose.Care, ContactChannel.Sms, Day(7)),
            Ask(ContactPurpose.Care, ContactChannel.Phone, Day(7)),      // 7-day care call: 72 hours after the care message
            Ask(ContactPurpose.Care, ContactChannel.WeChat, Day(18)),    // holiday greeting (Dragon Boat Festival, 19 June)
            Ask(ContactPurpose.Care, ContactChannel.Phone, Day(30)),     // 30-day care call: day 0 has left the window
            Ask(ContactPurpose.Marketing, ContactChannel.Sms, Day(31))); // a sixth in 30 days: waits for day 3 to leave

        AssertAllowed(d[0], ContactChannel.Sms, Day(0));
        AssertDeferred(d[1], ContactChannel.Phone, Day(3), Code.Spacing);
        AssertAllowed(d[2], ContactChannel.Sms, Day(7));
        AssertDeferred(d[3], ContactChannel.Phone, Day(10), Code.Spacing);
        AssertAllowed(d[4], ContactChannel.WeChat, Day(18));
        AssertAllowed(d[5], ContactChannel.Phone, Day(30));
        AssertDeferred(d[6], ContactChannel.Sms, Day(33), Code.Spacing);
    }

    [Fact]
    public void The_VIP_month_does_not_fit_an_ordinary_customer()
    {
        var d = Month(
            vip: false,
            Ask(ContactPurpose.ServiceFollowUp, ContactChannel.Sms, Day(0)),
            Ask(ContactPurpose.ServiceFollowUp, ContactChannel.Phone, Day(1)),
            Ask(ContactPurpose.Care, ContactChannel.Sms, Day(7)),
            Ask(ContactPurpose.Care, ContactChannel.Phone, Day(7)));

        AssertDeferred(d[3], ContactChannel.Phone, Day(30), Code.FrequencyCap, Code.Spacing);
    }

    // ---- properties ----

    [Property]
    public void Allowed_and_deferred_instants_keep_the_cap_in_every_window_and_the_gap_to_every_counted_touch(Scenario s)
    {
        var d = s.Decide();
        if (EarliestOf(d) is not Instant at || !Rules.Counted(s.Request, s.Options))
        {
            return;
        }

        var counted = s.History.Where(t => Rules.Counts(t, s.Options)).Select(t => t.At).ToArray();
        Assert.True(Rules.GapHolds(counted, at, Duration.FromTimeSpan(s.Options.MinimumGap)), $"spacing broken at {at}");
        Assert.True(Rules.CapHolds(counted, at, s.IsVip ? s.Options.VipCap : s.Options.OrdinaryCap, Duration.FromTimeSpan(s.Options.RollingWindow)), $"cap broken at {at}");
    }

    [Property]
    public void A_request_inside_the_gap_of_a_counted_touch_is_never_allowed_there(Scenario s)
    {
        var gap = Duration.FromTimeSpan(s.Options.MinimumGap);
        var counted = s.History.Where(t => Rules.Counts(t, s.Options)).ToArray();
        if (counted.Length == 0 || gap == Duration.Zero || !Rules.Counted(s.Request, s.Options))
        {
            return;
        }

        // Ask one minute short of the gap after a counted touch.
        var h = counted[0].At;
        var request = s.Request with { DesiredAt = h + gap - Duration.FromMinutes(1) };
        if (request.DesiredAt < s.Now)
        {
            return;
        }

        var d = s.Decide(request);
        if (EarliestOf(d) is Instant at)
        {
            Assert.True(at >= h + gap, $"allowed at {at}, inside the gap after {h}");
        }
    }

    [Property]
    public void A_full_window_defers_an_ordinary_request_at_least_until_the_oldest_touch_of_the_window_leaves_it(Scenario s, bool vip)
    {
        var o = s.Options;
        int cap = vip ? o.VipCap : o.OrdinaryCap;
        var window = Duration.FromTimeSpan(o.RollingWindow);
        var request = s.Request with { Initiator = Initiator.Store, RequestedByCustomer = false, Purpose = ContactPurpose.Care, DesiredAt = s.Now };

        // cap touches in the hour before now: the window is full until the first of them is a window old.
        var full = Enumerable.Range(0, cap).Select(i => Proactive(s.Now - Duration.FromMinutes(60 - i))).ToArray();
        var d = s.Policy.Decide(request, full, s.Preferences, vip, s.Now);

        if (EarliestOf(d) is Instant at)
        {
            Assert.True(at >= full[0].At + window, $"allowed at {at}, before {full[0].At + window}");
            bool gapCoversWindow = o.MinimumGap >= o.RollingWindow;
            Assert.True(Codes(d).Contains(Code.FrequencyCap) || (gapCoversWindow && Codes(d).Contains(Code.Spacing)), string.Join(", ", Codes(d)));
        }
    }
}
