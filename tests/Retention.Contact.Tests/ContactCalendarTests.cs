using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Retention.Contact.Tests.Support;
using Xunit;
using static Retention.Contact.Tests.Support.Fixtures;
using Code = Retention.Contact.ContactReasonCode;

namespace Retention.Contact.Tests;

/// <summary>
/// contact.md section 5, the contact calendar: every department's planned touches (each with a priority
/// and a latest acceptable date) go through one calendar that keeps every rule, keeps higher-priority
/// touches, moves the rest to their earliest allowed instant and drops, with a reason, those that cannot
/// happen before their latest date. Same input, same plan; a store's whole base in seconds.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
public class ContactCalendarTests
{
    private static readonly Instant Now = Monday10; // 2026-06-01 10:00 Shanghai

    private static PlannedTouch Touch(string id, string department, ContactPurpose purpose, ContactChannel channel, int priority, Instant earliest, LocalDate latest, string customer = "C1", bool requested = false) =>
        new(id, customer, department, purpose, channel, priority, earliest, latest, null, requested);

    private static readonly IReadOnlyDictionary<string, CustomerContactState> NoOne = new Dictionary<string, CustomerContactState>();

    private static Dictionary<string, CustomerContactState> Known(string id, CustomerContactState state) => new() { [id] = state };

    private static ScheduledTouch Scheduled(ContactPlan plan, string id) => Assert.Single(plan.Scheduled, s => s.Touch.Id == id);

    private static DroppedTouch Dropped(ContactPlan plan, string id) => Assert.Single(plan.Dropped, d => d.Touch.Id == id);

    // ---- facts ----

    [Fact]
    public void Four_departments_wanting_the_same_customer_on_the_same_day_are_spaced_by_priority_and_the_fourth_is_dropped()
    {
        var latest = new LocalDate(2026, 6, 20);
        var touches = new[]
        {
            Touch("sales-1", "sales", ContactPurpose.Marketing, ContactChannel.Sms, 0, Sh(6, 2, 10), latest),
            Touch("mkt-1", "marketing", ContactPurpose.Marketing, ContactChannel.WeChat, 1, Sh(6, 2, 10), latest),
            Touch("svc-1", "service", ContactPurpose.ServiceFollowUp, ContactChannel.Phone, 3, Sh(6, 2, 10), latest),
            Touch("ins-1", "insurance", ContactPurpose.Care, ContactChannel.Sms, 2, Sh(6, 2, 10), latest),
        };

        var plan = Calendar.Plan(touches, NoOne, Now);

        Assert.Equal(["svc-1", "ins-1", "mkt-1"], plan.Scheduled.Select(s => s.Touch.Id));
        Assert.Equal([Sh(6, 2, 10), Sh(6, 5, 10), Sh(6, 8, 10)], plan.Scheduled.Select(s => s.At));
        Assert.Equal([false, true, true], plan.Scheduled.Select(s => s.Moved));
        Assert.Equal(2, plan.MovedCount);
        Assert.Equal([Code.AllRulesMet], Scheduled(plan, "svc-1").Reasons.Select(r => r.Code));
        Assert.Equal([Code.Spacing], Scheduled(plan, "ins-1").Reasons.Select(r => r.Code));
        var sales = Dropped(plan, "sales-1");
        Assert.Equal(0, sales.Index);
        Assert.Equal([Code.PastLatestDate, Code.FrequencyCap, Code.Spacing], sales.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_VIP_takes_five_of_them()
    {
        var latest = new LocalDate(2026, 6, 30);
        var touches = Enumerable.Range(0, 6).Select(i => Touch($"t{i}", "service", ContactPurpose.Care, ContactChannel.Sms, 10 - i, Sh(6, 2, 10), latest)).ToArray();

        var plan = Calendar.Plan(touches, Known("C1", new CustomerContactState([], default, IsVip: true)), Now);

        Assert.Equal([Sh(6, 2, 10), Sh(6, 5, 10), Sh(6, 8, 10), Sh(6, 11, 10), Sh(6, 14, 10)], plan.Scheduled.Select(s => s.At));
        Assert.Equal("t5", Assert.Single(plan.Dropped).Touch.Id);
    }

    [Fact]
    public void A_higher_priority_touch_keeps_its_time_and_a_lower_one_moves_out_of_its_way()
    {
        var low = Touch("low", "marketing", ContactPurpose.Marketing, ContactChannel.Sms, 1, Sh(6, 2, 10), new LocalDate(2026, 6, 30));
        var high = Touch("high", "service", ContactPurpose.ServiceFollowUp, ContactChannel.Phone, 5, Sh(6, 3, 10), new LocalDate(2026, 6, 3));

        var plan = Calendar.Plan([low, high], NoOne, Now);

        Assert.Equal((Sh(6, 3, 10), false), (Scheduled(plan, "high").At, Scheduled(plan, "high").Moved));
        Assert.Equal((Sh(6, 6, 10), true), (Scheduled(plan, "low").At, Scheduled(plan, "low").Moved));
        Assert.Equal(["high", "low"], plan.Scheduled.Select(s => s.Touch.Id));
    }

    [Fact]
    public void A_lower_priority_touch_fits_before_a_higher_one_when_the_gap_allows()
    {
        var low = Touch("low", "marketing", ContactPurpose.Marketing, ContactChannel.Sms, 1, Sh(6, 2, 10), new LocalDate(2026, 6, 30));
        var high = Touch("high", "service", ContactPurpose.ServiceFollowUp, ContactChannel.Phone, 5, Sh(6, 5, 10), new LocalDate(2026, 6, 5));

        var plan = Calendar.Plan([high, low], NoOne, Now);

        Assert.Equal(["low", "high"], plan.Scheduled.Select(s => s.Touch.Id));
        Assert.Equal([Sh(6, 2, 10), Sh(6, 5, 10)], plan.Scheduled.Select(s => s.At));
        Assert.Equal(0, plan.MovedCount);
    }

    [Fact]
    public void Equal_priorities_go_by_earliest_instant_then_by_id()
    {
        var latest = new LocalDate(2026, 6, 30);
        var touches = new[]
        {
            Touch("b", "sales", ContactPurpose.Care, ContactChannel.Sms, 2, Sh(6, 2, 10), latest),
            Touch("a", "sales", ContactPurpose.Care, ContactChannel.Sms, 2, Sh(6, 2, 10), latest),
            Touch("0-later", "sales", ContactPurpose.Care, ContactChannel.Sms, 2, Sh(6, 2, 11), latest),
        };

        var plan = Calendar.Plan(touches, NoOne, Now);

        Assert.Equal([("a", Sh(6, 2, 10)), ("b", Sh(6, 5, 10)), ("0-later", Sh(6, 8, 10))], plan.Scheduled.Select(s => (s.Touch.Id, s.At)));
    }

    [Fact]
    public void The_customers_history_counts_against_caps_and_spacing()
    {
        var history = new[] { Proactive(Sh(5, 20, 10)), Proactive(Sh(5, 26, 10)), Proactive(Sh(5, 30, 10)) };
        var state = new CustomerContactState(history, default, false);
        var touches = new[]
        {
            Touch("soon", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Sh(6, 1, 12), new LocalDate(2026, 6, 10)),
            Touch("later", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Sh(6, 1, 12), new LocalDate(2026, 6, 25)),
        };

        var plan = Calendar.Plan(touches, Known("C1", state), Now);

        // The cap frees a slot on 19 June at 10:00 (20 May + 30 days); "soon" cannot wait that long.
        Assert.Equal([Code.PastLatestDate, Code.FrequencyCap, Code.Spacing], Dropped(plan, "soon").Reasons.Select(r => r.Code));
        Assert.Equal(Sh(6, 19, 10), Scheduled(plan, "later").At);
    }

    [Fact]
    public void Urgent_touches_and_touches_the_customer_asked_for_are_scheduled_at_once_whatever_the_load()
    {
        var history = Enumerable.Range(0, 5).Select(i => Proactive(Now - Hours(i + 1))).ToArray();
        var night = Sh(6, 1, 23);
        var touches = new[]
        {
            Touch("complaint", "service", ContactPurpose.Urgent, ContactChannel.Phone, 4, night, new LocalDate(2026, 6, 1)),
            Touch("call-back", "sales", ContactPurpose.Care, ContactChannel.Phone, 0, night, new LocalDate(2026, 6, 1), requested: true),
        };

        var plan = Calendar.Plan(touches, Known("C1", new CustomerContactState(history, default, false)), Now);

        Assert.Empty(plan.Dropped);
        Assert.All(plan.Scheduled, s => Assert.Equal((night, false), (s.At, s.Moved)));
    }

    [Fact]
    public void A_touch_the_customers_preferences_deny_is_dropped_with_that_reason()
    {
        var state = new CustomerContactState([], new ContactPreferences { DoNotDisturb = DoNotDisturb.NoMarketing }, false);
        var touches = new[]
        {
            Touch("promo", "marketing", ContactPurpose.Marketing, ContactChannel.Sms, 9, Sh(6, 2, 10), new LocalDate(2026, 6, 30)),
            Touch("care", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Sh(6, 2, 10), new LocalDate(2026, 6, 30)),
        };

        var plan = Calendar.Plan(touches, Known("C1", state), Now);

        var promo = Dropped(plan, "promo");
        Assert.Equal([Code.NoMarketing], promo.Reasons.Select(r => r.Code));
        Assert.Equal((Sh(6, 2, 10), false), (Scheduled(plan, "care").At, Scheduled(plan, "care").Moved));
    }

    [Fact]
    public void A_switched_channel_is_reported_with_its_reason()
    {
        var state = new CustomerContactState([], new ContactPreferences { OptedOut = ContactChannels.Phone }, false);

        var plan = Calendar.Plan([Touch("svc", "service", ContactPurpose.ServiceFollowUp, ContactChannel.Phone, 1, Sh(6, 2, 10), new LocalDate(2026, 6, 2))], Known("C1", state), Now);

        var s = Scheduled(plan, "svc");
        Assert.Equal(ContactChannel.Sms, s.Channel);
        Assert.Equal([Code.SwitchedForOptOut], s.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_call_planned_now_does_not_count_as_answered_for_the_learned_preference()
    {
        // Two unanswered calls: the customer prefers messages. An urgent call planned for right now stays a call
        // (urgent), and its outcome is unknown, so the care call planned after it still becomes a message.
        var history = new[] { Call(Now - Days(40), TouchOutcome.NoAnswer), Call(Now - Days(35), TouchOutcome.NoAnswer) };
        var touches = new[]
        {
            Touch("urgent", "service", ContactPurpose.Urgent, ContactChannel.Phone, 5, Now, new LocalDate(2026, 6, 1)),
            Touch("care", "service", ContactPurpose.Care, ContactChannel.Phone, 1, Sh(6, 2, 10), new LocalDate(2026, 6, 10)),
        };

        var plan = Calendar.Plan(touches, Known("C1", new CustomerContactState(history, default, false)), Now);

        Assert.Equal((Now, ContactChannel.Phone), (Scheduled(plan, "urgent").At, Scheduled(plan, "urgent").Channel));
        Assert.Equal((Sh(6, 2, 10), ContactChannel.Sms), (Scheduled(plan, "care").At, Scheduled(plan, "care").Channel));
        Assert.Equal([ContactReasonCode.SwitchedToMessage], Scheduled(plan, "care").Reasons.Select(r => r.Code));
    }

    public static TheoryData<string, PlannedTouch, string> Malformed => new()
    {
        { "empty id", Touch("", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Sh(6, 2, 10), new LocalDate(2026, 6, 9)), "empty id" },
        { "empty customer", Touch("x", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Sh(6, 2, 10), new LocalDate(2026, 6, 9), customer: ""), "empty id" },
        { "unknown purpose", Touch("x", "service", (ContactPurpose)17, ContactChannel.Sms, 1, Sh(6, 2, 10), new LocalDate(2026, 6, 9)), "unknown purpose or channel" },
        { "unknown channel", Touch("x", "service", ContactPurpose.Care, (ContactChannel)(-2), 1, Sh(6, 2, 10), new LocalDate(2026, 6, 9)), "unknown purpose or channel" },
        { "latest before earliest", Touch("x", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Sh(6, 2, 10), new LocalDate(2026, 6, 1)), "latest date is before" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_touch_is_dropped_with_its_index_and_what_is_wrong_and_the_rest_are_planned(string what, PlannedTouch bad, string message)
    {
        var good = Touch("good", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Sh(6, 2, 10), new LocalDate(2026, 6, 9));

        var plan = Calendar.Plan([good, bad, good with { Id = "good-2", CustomerId = "C2" }], NoOne, Now);

        var dropped = Assert.Single(plan.Dropped);
        Assert.Equal(1, dropped.Index);
        Assert.Same(bad, dropped.Touch);
        var reason = Assert.Single(dropped.Reasons);
        Assert.Equal(Code.InvalidTouch, reason.Code);
        Assert.Contains(message, reason.Text.En, StringComparison.Ordinal);
        AssertBothLocales(reason.Text, what);
        Assert.Equal(2, plan.Scheduled.Count);
    }

    [Fact]
    public void Nothing_is_scheduled_before_now_and_a_touch_planned_now_because_its_time_has_passed_is_not_counted_as_moved()
    {
        var plan = Calendar.Plan([Touch("late", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Now - Days(2), new LocalDate(2026, 6, 5))], NoOne, Now);

        Assert.Equal((Now, false), (Scheduled(plan, "late").At, Scheduled(plan, "late").Moved));
        Assert.Equal(0, plan.MovedCount);
    }

    [Fact]
    public void A_touch_whose_latest_date_has_passed_is_dropped()
    {
        var plan = Calendar.Plan([Touch("old", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Now - Days(5), new LocalDate(2026, 5, 31))], NoOne, Now);

        // Nothing but the date stops it: the only reason is that its latest day is over.
        Assert.Equal([Code.PastLatestDate], Dropped(plan, "old").Reasons.Select(r => r.Code));
    }

    [Fact]
    public void The_latest_date_is_a_day_in_the_customers_zone()
    {
        // A Berlin customer contacted on 2 June at 20:00 Berlin time: 72 hours later is 5 June 20:00 in Berlin,
        // which is already 6 June in the store's zone (Shanghai). The touch may happen until 5 June, Berlin time.
        var state = new CustomerContactState([Proactive(Local(Berlin, 2026, 6, 2, 20))], new ContactPreferences { Zone = Berlin }, false);
        var touch = Touch("t", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Local(Berlin, 2026, 6, 3, 10), new LocalDate(2026, 6, 5));

        var plan = Calendar.Plan([touch], Known("C1", state), Now);
        Assert.Equal(Local(Berlin, 2026, 6, 5, 20), Scheduled(plan, "t").At);

        var tooLate = Calendar.Plan([touch with { LatestDate = new LocalDate(2026, 6, 4) }], Known("C1", state), Now);
        Assert.Equal(Code.PastLatestDate, Dropped(tooLate, "t").Reasons[0].Code);
    }

    [Fact]
    public void The_whole_latest_day_counts_up_to_midnight()
    {
        var calendar = new ContactCalendar(new ContactOptions { MessageUntil = TimeSpan.FromHours(24) });
        var state = new CustomerContactState([Proactive(Sh(6, 1, 23, 59))], default, false);
        var touch = Touch("t", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Sh(6, 2, 10), new LocalDate(2026, 6, 4));

        Assert.Equal(Sh(6, 4, 23, 59), Scheduled(calendar.Plan([touch], Known("C1", state), Now), "t").At);
        var later = new CustomerContactState([Proactive(Sh(6, 2, 0, 0))], default, false);
        Assert.Equal(Code.PastLatestDate, Dropped(calendar.Plan([touch], Known("C1", later), Now), "t").Reasons[0].Code);
    }

    [Fact]
    public void Customers_the_calendar_knows_nothing_of_are_planned_as_ordinary_customers_without_history()
    {
        var touches = Enumerable.Range(0, 4).Select(i => Touch($"t{i}", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Sh(6, 2, 10), new LocalDate(2026, 6, 30), customer: "stranger")).ToArray();
        var withNull = new Dictionary<string, CustomerContactState> { ["stranger"] = null! };

        foreach (var customers in new[] { NoOne, withNull })
        {
            var plan = Calendar.Plan(touches, customers, Now);
            Assert.Equal(3, plan.Scheduled.Count);
            Assert.Single(plan.Dropped);
        }

        Assert.Empty(CustomerContactState.Unknown.History);
        Assert.False(CustomerContactState.Unknown.IsVip);
        Assert.Equal(default, CustomerContactState.Unknown.Preferences);
    }

    [Fact]
    public void Customers_are_planned_apart_and_the_plan_lists_them_by_id_then_time()
    {
        var latest = new LocalDate(2026, 6, 30);
        var touches = new[]
        {
            Touch("z1", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Sh(6, 3, 10), latest, customer: "Z"),
            Touch("a2", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Sh(6, 2, 10), latest, customer: "A"),
            Touch("z0", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Sh(6, 2, 10), latest, customer: "Z"),
            Touch("b1", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Sh(6, 2, 10), latest, customer: "B"),
        };

        var plan = Calendar.Plan(touches, NoOne, Now);

        Assert.Equal(["a2", "b1", "z0", "z1"], plan.Scheduled.Select(s => s.Touch.Id));
        Assert.Equal(Sh(6, 5, 10), Scheduled(plan, "z1").At);
        Assert.Equal(Sh(6, 2, 10), Scheduled(plan, "b1").At);
    }

    [Fact]
    public void Bad_arguments_are_rejected_naming_them()
    {
        Assert.Equal("touches", Assert.Throws<ArgumentNullException>(() => Calendar.Plan(null!, NoOne, Now)).ParamName);
        Assert.Equal("customers", Assert.Throws<ArgumentNullException>(() => Calendar.Plan([], null!, Now)).ParamName);
        var e = Assert.Throws<ArgumentException>(() => Calendar.Plan([Touch("a", "s", ContactPurpose.Care, ContactChannel.Sms, 1, Now, new LocalDate(2026, 6, 2)), null!], NoOne, Now));
        Assert.Equal("touches", e.ParamName);
        Assert.Contains("touches[1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_calendar_uses_the_policy_of_its_options()
    {
        var calendar = new ContactCalendar(new ContactOptions { OrdinaryCap = 2, VipCap = 2 });

        Assert.Equal(2, calendar.Policy.CapFor(false));
        Assert.Equal(3, Calendar.Policy.CapFor(false));
        Assert.Equal(Calendar.Policy.StoreZone, Shanghai);
    }

    [Fact]
    public void The_same_batch_twice_or_shuffled_gives_the_same_plan()
    {
        var latest = new LocalDate(2026, 6, 12);
        var touches = Enumerable.Range(0, 40).Select(i => Touch(
            $"t{i:D2}", Gens.Departments[i % 4], (ContactPurpose)(i % 6), (ContactChannel)(i % 6), i % 3, Sh(6, 2 + (i % 5), 9 + (i % 7)), latest, customer: $"C{i % 4}")).ToArray();

        var first = Canonical(Calendar.Plan(touches, NoOne, Now));

        Assert.Equal(first, Canonical(Calendar.Plan(touches, NoOne, Now)));
        Assert.Equal(first, Canonical(Calendar.Plan(touches.Reverse().ToArray(), NoOne, Now)));
        Assert.Equal(first, Canonical(Calendar.Plan(touches.OrderBy(t => t.Channel).ThenByDescending(t => t.Id).ToArray(), NoOne, Now)));
    }

    [Fact]
    public void Two_touches_that_differ_only_in_their_department_and_share_an_id_are_planned_the_same_whatever_their_order()
    {
        var a = Touch("dup", "service", ContactPurpose.Care, ContactChannel.Sms, 1, Sh(6, 2, 10), new LocalDate(2026, 6, 2));
        var b = a with { Department = "sales", Channel = ContactChannel.WeChat };

        Assert.Equal(Canonical(Calendar.Plan([a, b], NoOne, Now)), Canonical(Calendar.Plan([b, a], NoOne, Now)));
    }

    /// <summary>The plan without input indexes (which change when the input is shuffled).</summary>
    private static string Canonical(ContactPlan plan) =>
        string.Join("\n", plan.Scheduled.Select(s => $"S {s.Touch} {s.At} {s.Channel} {s.Moved} {string.Join(",", s.Reasons.Select(r => r.Code))}"))
        + "\n" + string.Join("\n", plan.Dropped.Select(d => $"D {d.Touch} {string.Join(",", d.Reasons.Select(r => r.Code))}").Order(StringComparer.Ordinal));

    // ---- properties ----

    private static DateTimeZone ZoneOf(CalendarBatch b, string customer) =>
        (b.Customers.TryGetValue(customer, out var s) ? s.Preferences.Zone : null) ?? DateTimeZoneProviders.Tzdb[b.Options.StoreTimeZone];

    private static CustomerContactState StateOf(CalendarBatch b, string customer) =>
        b.Customers.TryGetValue(customer, out var s) ? s : CustomerContactState.Unknown;

    /// <summary>The customer's preferences with "prefers messages" as learned from the history (planned calls teach nothing).</summary>
    private static ContactPreferences Learned(ContactCalendar calendar, CustomerContactState state, Instant now) =>
        state.Preferences with { PrefersMessages = calendar.Policy.PrefersMessages(state.History.ToArray(), state.Preferences, now) };

    private static PastTouch AsPast(ScheduledTouch s) =>
        new(s.At, s.Channel, s.Touch.Purpose, Initiator.Store, s.Channel.IsVoice() ? TouchOutcome.Answered : TouchOutcome.Delivered, s.Touch.RequestedByCustomer);

    [Property]
    public void Every_touch_is_either_scheduled_or_dropped_exactly_once(CalendarBatch b)
    {
        var plan = new ContactCalendar(b.Options).Plan(b.Touches, b.Customers, b.Now);

        var scheduled = plan.Scheduled.Select(s => s.Touch.Id).ToArray();
        var dropped = plan.Dropped.Select(d => d.Touch.Id).ToArray();
        Assert.Equal(b.Touches.Length, scheduled.Length + dropped.Length);
        Assert.Equal(b.Touches.Select(t => t.Id).Order(StringComparer.Ordinal), scheduled.Concat(dropped).Order(StringComparer.Ordinal));
        Assert.All(plan.Dropped, d => Assert.Same(b.Touches[d.Index], d.Touch));
        Assert.Equal(plan.Dropped.Select(d => d.Index).Order(), plan.Dropped.Select(d => d.Index));
    }

    [Property]
    public void No_customer_gets_more_than_the_cap_in_any_window_counting_history(CalendarBatch b)
    {
        var plan = new ContactCalendar(b.Options).Plan(b.Touches, b.Customers, b.Now);
        var window = Duration.FromTimeSpan(b.Options.RollingWindow);

        foreach (var group in plan.Scheduled.GroupBy(s => s.Touch.CustomerId))
        {
            var state = StateOf(b, group.Key);
            var scheduled = group.Select(AsPast).Where(t => Rules.Counts(t, b.Options)).Select(t => t.At).ToArray();
            var all = state.History.Where(t => Rules.Counts(t, b.Options)).Select(t => t.At).Concat(scheduled).ToArray();
            int cap = state.IsVip ? b.Options.VipCap : b.Options.OrdinaryCap;

            Assert.True(Rules.MostInAWindow(all, scheduled, window) <= cap, $"{group.Key}: more than {cap} in a window");
        }
    }

    [Property]
    public void No_two_proactive_touches_of_a_customer_are_closer_than_the_gap(CalendarBatch b)
    {
        var plan = new ContactCalendar(b.Options).Plan(b.Touches, b.Customers, b.Now);
        var gap = Duration.FromTimeSpan(b.Options.MinimumGap);

        foreach (var group in plan.Scheduled.GroupBy(s => s.Touch.CustomerId))
        {
            var history = StateOf(b, group.Key).History.Where(t => Rules.Counts(t, b.Options)).Select(t => t.At).ToArray();
            var scheduled = group.Select(AsPast).Where(t => Rules.Counts(t, b.Options)).Select(t => t.At).ToArray();
            for (int i = 0; i < scheduled.Length; i++)
            {
                Assert.True(Rules.GapHolds(history.Concat(scheduled.Where((_, j) => j != i)), scheduled[i], gap), $"{group.Key}: {scheduled[i]} too close");
            }
        }
    }

    [Property]
    public void Scheduled_touches_lie_between_their_earliest_instant_and_the_end_of_their_latest_day_in_an_allowed_hour(CalendarBatch b)
    {
        var plan = new ContactCalendar(b.Options).Plan(b.Touches, b.Customers, b.Now);

        foreach (var s in plan.Scheduled)
        {
            var zone = ZoneOf(b, s.Touch.CustomerId);
            var start = s.Touch.Earliest > b.Now ? s.Touch.Earliest : b.Now;
            Assert.True(s.At >= start, $"{s.Touch.Id} at {s.At}, before {start}");
            Assert.True(s.At.InZone(zone).Date <= s.Touch.LatestDate, $"{s.Touch.Id} at {s.At.InZone(zone)}, after {s.Touch.LatestDate}");
            Assert.Equal(s.At > start, s.Moved);
            var prefs = StateOf(b, s.Touch.CustomerId).Preferences;
            Assert.False(prefs.OptedOut.Has(s.Channel));
            if (s.Touch.Purpose != ContactPurpose.Urgent && !s.Touch.RequestedByCustomer)
            {
                Assert.True(Rules.InWindow(s.At, zone, Rules.Window(s.Channel, b.Options, prefs)), $"{s.Touch.Id} at {s.At.InZone(zone)} is in quiet hours");
            }
        }
    }

    [Property]
    public void Each_dropped_touch_carries_its_reason(CalendarBatch b)
    {
        var plan = new ContactCalendar(b.Options).Plan(b.Touches, b.Customers, b.Now);

        foreach (var d in plan.Dropped)
        {
            Assert.NotEmpty(d.Reasons);
            var first = d.Reasons[0].Code;
            Assert.Contains(first, new[] { Code.InvalidTouch, Code.PastLatestDate, Code.GlobalOptOut, Code.UrgentOnly, Code.NoMarketing, Code.NoAllowedChannel, Code.NoAllowedTime });
            if (first == Code.PastLatestDate)
            {
                // A late touch also says which rule made it late, unless its latest day was over before it could start.
                var zone = ZoneOf(b, d.Touch.CustomerId);
                var start = d.Touch.Earliest > b.Now ? d.Touch.Earliest : b.Now;
                bool over = start >= zone.AtStartOfDay(d.Touch.LatestDate.PlusDays(1)).ToInstant();
                Assert.True(over || d.Reasons.Skip(1).Any(r => r.Code is Code.FrequencyCap or Code.Spacing or Code.QuietHours or Code.OutsideAllowedHours), string.Join(", ", d.Reasons.Select(r => r.Code)));
                Assert.DoesNotContain(d.Reasons, r => r.Code == Code.AllRulesMet);
            }

            Assert.All(d.Reasons, r => AssertBothLocales(r.Text, $"{d.Touch.Id} {r.Code}"));
        }
    }

    [Property]
    public void The_plan_is_deterministic_and_does_not_depend_on_the_input_order(CalendarBatch b, int seed)
    {
        var calendar = new ContactCalendar(b.Options);
        var random = new Random(seed);
        var shuffled = b.Touches.OrderBy(_ => random.Next()).ToArray();
        var histories = b.Customers.ToDictionary(c => c.Key, c => c.Value with { History = c.Value.History.Reverse().ToArray() });

        var expected = Canonical(calendar.Plan(b.Touches, b.Customers, b.Now));

        Assert.Equal(expected, Canonical(calendar.Plan(b.Touches, b.Customers, b.Now)));
        Assert.Equal(expected, Canonical(calendar.Plan(shuffled, histories, b.Now)));
    }

    [Property]
    public void Each_touch_is_at_its_earliest_allowed_instant_given_the_touches_that_rank_above_it(CalendarBatch b)
    {
        // The documented order inside a customer: priority (highest first), then earliest instant, then id.
        var calendar = new ContactCalendar(b.Options);
        var plan = calendar.Plan(b.Touches, b.Customers, b.Now);
        var at = plan.Scheduled.ToDictionary(s => s.Touch.Id);
        var invalid = plan.Dropped.Where(d => d.Reasons[0].Code == Code.InvalidTouch).Select(d => d.Touch.Id).ToHashSet();

        foreach (var group in b.Touches.Where(t => !invalid.Contains(t.Id)).GroupBy(t => t.CustomerId))
        {
            var state = StateOf(b, group.Key);
            var prefs = Learned(calendar, state, b.Now);
            var placed = state.History.ToList();
            foreach (var t in group.OrderByDescending(t => t.Priority).ThenBy(t => t.Earliest).ThenBy(t => t.Id, StringComparer.Ordinal))
            {
                var d = calendar.Policy.Decide(new ContactRequest(t.Purpose, t.Channel, t.Earliest, Initiator.Store, t.RequestedByCustomer), placed.ToArray(), prefs, state.IsVip, b.Now);
                if (at.TryGetValue(t.Id, out var s))
                {
                    Assert.Equal(EarliestOf(d), s.At);
                    Assert.Equal(ChannelOf(d), s.Channel);
                    placed.Add(AsPast(s));
                }
                else
                {
                    var deadline = ZoneOf(b, t.CustomerId).AtStartOfDay(t.LatestDate.PlusDays(1)).ToInstant();
                    Assert.True(EarliestOf(d) is not Instant e || e >= deadline, $"{t.Id} dropped, though allowed at {EarliestOf(d)}");
                }
            }
        }
    }

    [Property]
    public void A_dropped_touch_could_not_have_been_placed_even_without_every_lower_priority_touch(CalendarBatch b)
    {
        var calendar = new ContactCalendar(b.Options);
        var plan = calendar.Plan(b.Touches, b.Customers, b.Now);

        foreach (var dropped in plan.Dropped.Where(d => d.Reasons[0].Code == Code.PastLatestDate))
        {
            var t = dropped.Touch;
            var state = StateOf(b, t.CustomerId);
            var ranking = plan.Scheduled.Where(s => s.Touch.CustomerId == t.CustomerId && s.Touch.Priority >= t.Priority).Select(AsPast);
            var d = calendar.Policy.Decide(new ContactRequest(t.Purpose, t.Channel, t.Earliest, Initiator.Store, t.RequestedByCustomer), state.History.Concat(ranking).ToArray(), Learned(calendar, state, b.Now), state.IsVip, b.Now);
            var deadline = ZoneOf(b, t.CustomerId).AtStartOfDay(t.LatestDate.PlusDays(1)).ToInstant();

            Assert.True(EarliestOf(d) is not Instant e || e >= deadline, $"{t.Id} (priority {t.Priority}) dropped, though higher-priority touches leave {EarliestOf(d)}");
        }
    }
}
