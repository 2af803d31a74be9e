using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Retention.Contact.Tests.Support;
using Xunit;
using static Retention.Contact.Tests.Support.Fixtures;
using Code = Retention.Contact.ContactReasonCode;

namespace Retention.Contact.Tests;

/// <summary>
/// contact.md section 4, the decision: a pure function of the request, the history, the preferences, the
/// VIP flag and "now" that returns <c>Allowed(channel)</c>, <c>Deferred(until, reason)</c> with the earliest
/// instant at which the same request is allowed under every rule at once, or <c>Denied(reason)</c>.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
public class ContactDecisionTests
{
    // ---- facts ----

    [Fact]
    public void A_request_that_meets_every_rule_is_allowed_on_its_channel_at_the_desired_instant()
    {
        var now = Monday10;
        var d = Decide(Ask(ContactPurpose.ServiceFollowUp, ContactChannel.Phone, now + Hours(3)), now: now);

        AssertAllowed(d, ContactChannel.Phone, now + Hours(3), Code.AllRulesMet);
    }

    [Fact]
    public void A_desired_instant_already_past_means_now()
    {
        var now = Monday10;

        AssertAllowed(Decide(CareSms(now - Days(3)), now: now), ContactChannel.Sms, now);
        AssertDeferred(Decide(CareSms(now - Days(3)), [Proactive(now - Hours(1))], now: now), ContactChannel.Sms, now + Hours(71), Code.Spacing);
    }

    [Fact]
    public void The_decision_is_a_value_that_explains_itself()
    {
        var d = AssertDeferred(Decide(CareSms(Monday10), [Proactive(Monday10 - Hours(24))]), ContactChannel.Sms, Monday10 + Hours(48), Code.Spacing);

        var reason = Assert.Single(d.Reasons);
        Assert.Equal(ContactReason.Of(Code.Spacing), reason);
        Assert.Equal("too close to another proactive contact", reason.Text.En);
        Assert.Equal(d, d with { });
    }

    [Fact]
    public void The_same_input_gives_the_same_decision()
    {
        var history = new[] { Proactive(Monday10 - Days(2)), Call(Monday10 - Days(20), TouchOutcome.NoAnswer) };

        Assert.Equal(Describe(Decide(CareSms(Monday10), history)), Describe(Decide(CareSms(Monday10), history)));
    }

    [Theory]
    [InlineData(99, ContactChannel.Sms, Initiator.Store)]
    [InlineData(ContactPurpose.Care, 6, Initiator.Store)]
    [InlineData(ContactPurpose.Care, ContactChannel.Sms, 2)]
    [InlineData(-1, ContactChannel.Sms, Initiator.Customer)]
    public void A_request_with_an_undefined_value_is_bad_input(ContactPurpose purpose, ContactChannel channel, Initiator initiator)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Decide(Ask(purpose, channel, Monday10, initiator)));
        Assert.Equal("request", e.ParamName);
    }

    [Fact]
    public void A_deferred_request_asked_again_at_its_until_is_allowed()
    {
        // 72 hours after 21:30 is 21:30 again, in the quiet hours: the earliest instant is 08:00 the day after.
        var history = new[] { Proactive(Sh(6, 1, 21, 30)) };
        var d = AssertDeferred(Decide(CareSms(Sh(6, 2, 9)), history), ContactChannel.Sms, Sh(6, 5, 8), Code.Spacing, Code.QuietHours);

        AssertAllowed(Decide(CareSms(d.Until), history, now: Sh(6, 2, 9)), ContactChannel.Sms, d.Until);
    }

    [Fact]
    public void Instants_finer_than_a_tick_are_never_deferred_to_an_earlier_instant()
    {
        // A desired instant 1 ns after 10:00: every rule is met, so it is allowed as asked.
        var desired = Monday10 + Duration.FromNanoseconds(1);

        AssertAllowed(Decide(CareSms(desired)), ContactChannel.Sms, desired, Code.AllRulesMet);
        var quiet = Sh(6, 1, 21) - Duration.FromNanoseconds(1);
        AssertAllowed(Decide(CareSms(quiet)), ContactChannel.Sms, quiet, Code.AllRulesMet);
        var d = Decide(CareSms(Monday10 + Duration.FromNanoseconds(1)), [Proactive(Monday10 - Hours(72))]);
        Assert.True(EarliestOf(d) >= Monday10 + Duration.FromNanoseconds(1));
    }

    // ---- properties: the earliest instant ----

    [Property]
    public void Deferred_until_is_itself_allowed_when_the_same_request_is_decided_again_at_that_instant(Scenario s)
    {
        if (s.Decide() is not ContactDecision.Deferred d)
        {
            return;
        }

        var again = s.Decide(s.Request with { DesiredAt = d.Until });

        var a = Assert.IsType<ContactDecision.Allowed>(again, exactMatch: true);
        Assert.Equal((d.Until, d.Channel), (a.At, a.Channel));
    }

    [Property(MaxTest = 300)]
    public void No_instant_before_Deferred_until_is_allowed(Scenario s, int seed)
    {
        if (s.Decide() is not ContactDecision.Deferred d)
        {
            return;
        }

        var start = s.Request.DesiredAt > s.Now ? s.Request.DesiredAt : s.Now;
        Assert.True(d.Until > start, $"deferred to {d.Until}, not after {start}");
        foreach (var at in EarlierInstants(start, d.Until, seed))
        {
            var again = s.Decide(s.Request with { DesiredAt = at });
            var f = Assert.IsType<ContactDecision.Deferred>(again, exactMatch: true);
            Assert.True(f.Until == d.Until && f.Channel == d.Channel, $"asked at {at}: {Describe(again)}, but at {start}: {Describe(d)}");
        }
    }

    /// <summary>
    /// Instants in [start, until): every minute of the last six hours before until and of the first two hours
    /// after start, 200 random minutes in between, and the nanosecond, the tick and the minute just before until.
    /// </summary>
    private static IEnumerable<Instant> EarlierInstants(Instant start, Instant until, int seed)
    {
        var set = new SortedSet<Instant> { start, until - Duration.Epsilon, until - Duration.FromTicks(1), until - Duration.FromMinutes(1) };
        for (int m = 1; m <= 360; m++)
        {
            set.Add(until - Duration.FromMinutes(m));
        }

        for (int m = 0; m < 120; m++)
        {
            set.Add(start + Duration.FromMinutes(m));
        }

        var random = new Random(seed);
        long minutes = (long)(until - start).TotalMinutes;
        for (int i = 0; i < 200 && minutes > 0; i++)
        {
            set.Add(start + Duration.FromMinutes(random.NextInt64(minutes)));
        }

        return set.Where(x => x >= start && x < until);
    }

    [Property]
    public void An_allowed_decision_meets_every_rule_at_its_instant(Scenario s)
    {
        foreach (var request in new[] { s.Request, s.Request with { Channel = ContactChannel.Phone }, s.Request with { Purpose = ContactPurpose.Marketing } })
        {
            var d = s.Decide(request);
            if (d is ContactDecision.Allowed a)
            {
                Assert.Null(Rules.BrokenRule(a, request, s.History, s.Preferences, s.IsVip, s.Options, s.Now));
            }
            else if (d is ContactDecision.Deferred f)
            {
                var at = Assert.IsType<ContactDecision.Allowed>(s.Decide(request with { DesiredAt = f.Until }), exactMatch: true);
                Assert.Null(Rules.BrokenRule(at, request with { DesiredAt = f.Until }, s.History, s.Preferences, s.IsVip, s.Options, s.Now));
            }
        }
    }

    [Property]
    public void A_deferral_names_at_least_one_rule_that_pushed_it_back(Scenario s)
    {
        if (s.Decide() is ContactDecision.Deferred d)
        {
            Assert.Contains(Codes(d), c => c is Code.FrequencyCap or Code.Spacing or Code.QuietHours or Code.OutsideAllowedHours);
        }
    }

    [Property]
    public void Allowed_is_at_the_desired_instant_or_now_and_every_decision_has_reasons(Scenario s)
    {
        var d = s.Decide();
        Assert.NotEmpty(d.Reasons);
        Assert.Equal(d.Reasons.Count, d.Reasons.Select(r => r.Code).Distinct().Count());
        if (d is ContactDecision.Allowed a)
        {
            Assert.Equal(s.Request.DesiredAt > s.Now ? s.Request.DesiredAt : s.Now, a.At);
        }
    }

    // ---- properties: what the decision does not depend on ----

    [Property]
    public void The_order_of_the_history_does_not_matter(Scenario s, int seed)
    {
        var random = new Random(seed);
        var shuffled = s.History.OrderBy(_ => random.Next()).ToArray();
        var reversed = s.History.Reverse().ToArray();

        var expected = Describe(s.Decide());
        Assert.Equal(expected, Describe(s.Decide(shuffled)));
        Assert.Equal(expected, Describe(s.Decide(reversed)));
    }

    [Property(Arbitrary = [typeof(OrdinaryArbitraries)])]
    public void Exempt_touches_never_change_the_decision_for_an_ordinary_request_unless_they_are_calls_that_teach_a_channel_preference(Scenario s, ExemptTouches exempt)
    {
        var more = s.History.Concat(Exempt(exempt, s)).ToArray();
        if (s.Policy.PrefersMessages(more, s.Preferences, s.Now) != s.Policy.PrefersMessages(s.History, s.Preferences, s.Now))
        {
            // An unanswered urgent or transactional call is still an unanswered call (section 3); see the facts below.
            return;
        }

        Assert.Equal(Describe(s.Decide()), Describe(s.Decide(more)));
    }

    [Property(Arbitrary = [typeof(OrdinaryArbitraries)])]
    public void Exempt_touches_that_are_not_store_calls_never_change_the_decision_for_an_ordinary_request(Scenario s, ExemptTouches exempt)
    {
        var notCalls = Exempt(exempt, s).Where(t => !(t.Channel == ContactChannel.Phone && t.Initiator == Initiator.Store && !t.RequestedByCustomer)).ToArray();

        Assert.Equal(Describe(s.Decide()), Describe(s.Decide(s.History.Concat(notCalls).ToArray())));
    }

    /// <summary>The exempt touches around the scenario's "now"; transactional ones only while the options exempt them.</summary>
    private static PastTouch[] Exempt(ExemptTouches exempt, Scenario s) =>
        exempt.Around(s.Now).Where(t => t.Purpose != ContactPurpose.Transactional || s.Options.TransactionalExempt).ToArray();

    [Fact]
    public void Exempt_calls_go_uncounted_but_an_unanswered_one_is_still_an_unanswered_call()
    {
        var now = Monday10;
        var urgent = new[] { Call(now - Days(5), TouchOutcome.NoAnswer, ContactPurpose.Urgent), Call(now - Days(4), TouchOutcome.NoAnswer, ContactPurpose.Urgent) };

        Assert.All(urgent, t => Assert.False(Policy.Counts(t)));
        AssertAllowed(Decide(Ask(ContactPurpose.Care, ContactChannel.Phone, now), urgent), ContactChannel.Sms, now, Code.SwitchedToMessage);
    }

    [Property(Arbitrary = [typeof(OrdinaryArbitraries)])]
    public void More_history_never_brings_the_earliest_allowed_instant_forward(Scenario s, ExtraTouches extra)
    {
        // Extra touches that are not store calls cannot change the learned channel, so only the caps and the gap see them.
        var before = s.Decide();
        var after = s.Decide(s.History.Concat(extra.Around(s.Now)).ToArray());

        switch (before)
        {
            case ContactDecision.Denied:
                Assert.IsType<ContactDecision.Denied>(after, exactMatch: true);
                break;
            case ContactDecision.Deferred f:
                var later = Assert.IsType<ContactDecision.Deferred>(after, exactMatch: true);
                Assert.True(later.Until >= f.Until, $"{Describe(after)} is earlier than {Describe(before)}");
                break;
            case ContactDecision.Allowed a:
                Assert.False(after is ContactDecision.Denied, Describe(after));
                Assert.True(EarliestOf(after) >= a.At);
                break;
        }

        Assert.Equal(ChannelOf(before), ChannelOf(after));
    }

    [Property(Arbitrary = [typeof(OrdinaryArbitraries)])]
    public void Fewer_counted_touches_never_push_the_earliest_allowed_instant_back(Scenario s)
    {
        // Dropping counted touches other than store calls (which could teach a channel preference).
        var fewer = s.History.Where((t, i) => i % 2 == 0 || (t.Channel == ContactChannel.Phone && t.Initiator == Initiator.Store)).ToArray();

        var all = EarliestOf(s.Decide());
        var some = EarliestOf(s.Decide(fewer));
        if (all is Instant x)
        {
            Assert.True(some is Instant y && y <= x, $"{some} after {x}");
        }
    }

    [Property]
    public void Denial_does_not_depend_on_the_desired_instant(Scenario s, PositiveInt minutes)
    {
        bool denied = s.Decide() is ContactDecision.Denied;
        var later = s.Decide(s.Request with { DesiredAt = s.Request.DesiredAt + Duration.FromMinutes(minutes.Get % 100_000) });

        Assert.Equal(denied, later is ContactDecision.Denied);
    }

    // ---- totality ----

    private static readonly DateTimeZone[] Zones = DateTimeZoneProviders.Tzdb.Ids.Select(id => DateTimeZoneProviders.Tzdb[id]).ToArray();

    [Property(MaxTest = 2000)]
    public void Valid_options_never_make_Decide_throw(ValidOptions o, Scenario s, int zone, bool anyZone)
    {
        var prefs = anyZone ? s.Preferences with { Zone = Zones[Math.Abs(zone % Zones.Length)] } : s.Preferences;
        var policy = new ContactPolicy(o.Options);

        var d = policy.Decide(s.Request, s.History, prefs, s.IsVip, s.Now);

        Assert.NotNull(d);
        Assert.NotEmpty(d.Reasons);
        var start = s.Request.DesiredAt > s.Now ? s.Request.DesiredAt : s.Now;
        Assert.True(EarliestOf(d) is not Instant at || at >= start);
    }

    [Fact]
    public void Decide_settles_on_long_histories_quickly()
    {
        // 2000 proactive touches, one every 8 hours up to now: the gap says now + 72 hours, the cap says 30 days after the
        // third-to-last (now - 16 hours), when the last three are the only ones left in the window.
        var now = Monday10;
        var history = Enumerable.Range(0, 2000).Select(i => Proactive(now - Hours(8 * i), ContactChannel.Sms)).ToArray();

        var d = Decide(CareSms(now - Days(600)), history, now: now - Days(600));

        AssertDeferred(d, ContactChannel.Sms, now - Hours(16) + Days(30), Code.FrequencyCap, Code.Spacing);
    }
}
