using System;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Retention.Contact.Tests.Support;
using Xunit;
using static Retention.Contact.Tests.Support.Fixtures;
using Code = Retention.Contact.ContactReasonCode;

namespace Retention.Contact.Tests;

/// <summary>
/// contact.md section 3, preferences: do-not-disturb modes (<c>UrgentOnly</c>, <c>NoMarketing</c>,
/// <c>AllowedHours</c> as a daily local window in the customer's zone), opt-out per channel and global
/// opt-out (only urgent and transactional then), quiet hours (Decision: no proactive call, visit or
/// message before 08:00 or from 21:00 local; urgent contacts ignore them), and the learned preference:
/// after 2 consecutive unanswered calls the next proactive touch is a message instead of a call.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
public class PreferenceTests
{
    private static ContactRequest Care(ContactChannel channel, Instant at) => Ask(ContactPurpose.Care, channel, at);

    // ---- do not disturb ----

    [Theory]
    [InlineData(ContactPurpose.ServiceFollowUp)]
    [InlineData(ContactPurpose.Care)]
    [InlineData(ContactPurpose.Recovery)]
    [InlineData(ContactPurpose.Marketing)]
    public void Urgent_only_denies_every_ordinary_purpose(ContactPurpose purpose)
    {
        var prefs = new ContactPreferences { DoNotDisturb = DoNotDisturb.UrgentOnly };

        AssertDenied(Decide(Ask(purpose, ContactChannel.Phone, Monday10), preferences: prefs), Code.UrgentOnly);
    }

    [Fact]
    public void Urgent_only_still_lets_urgent_transactional_asked_for_and_customer_started_contacts_through()
    {
        var prefs = new ContactPreferences { DoNotDisturb = DoNotDisturb.UrgentOnly };

        AssertAllowed(Decide(Ask(ContactPurpose.Urgent, ContactChannel.Phone, Monday10), preferences: prefs), ContactChannel.Phone, Monday10, Code.UrgentExempt);
        AssertAllowed(Decide(Ask(ContactPurpose.Transactional, ContactChannel.Sms, Monday10), preferences: prefs), ContactChannel.Sms, Monday10, Code.TransactionalExempt);
        AssertAllowed(Decide(Ask(ContactPurpose.Care, ContactChannel.Phone, Monday10, requested: true), preferences: prefs), ContactChannel.Phone, Monday10, Code.RequestedByCustomer);
        AssertAllowed(Decide(Ask(ContactPurpose.Care, ContactChannel.Phone, Monday10, Initiator.Customer), preferences: prefs), ContactChannel.Phone, Monday10, Code.CustomerInitiated);
    }

    [Fact]
    public void No_marketing_denies_marketing_and_nothing_else()
    {
        var prefs = new ContactPreferences { DoNotDisturb = DoNotDisturb.NoMarketing };

        AssertDenied(Decide(Ask(ContactPurpose.Marketing, ContactChannel.Sms, Monday10), preferences: prefs), Code.NoMarketing);
        AssertDenied(Decide(Ask(ContactPurpose.Marketing, ContactChannel.Email, Monday10), preferences: prefs), Code.NoMarketing);
        foreach (var purpose in new[] { ContactPurpose.ServiceFollowUp, ContactPurpose.Care, ContactPurpose.Recovery })
        {
            AssertAllowed(Decide(Ask(purpose, ContactChannel.Sms, Monday10), preferences: prefs), ContactChannel.Sms, Monday10, Code.AllRulesMet);
        }
    }

    private static ContactPreferences Hours(int fromHour, int untilHour, DateTimeZone? zone = null) => new()
    {
        DoNotDisturb = DoNotDisturb.AllowedHours,
        AllowedFrom = new LocalTime(fromHour, 0),
        AllowedUntil = untilHour == 24 ? LocalTime.MaxValue : new LocalTime(untilHour, 0),
        Zone = zone,
    };

    [Fact]
    public void Allowed_hours_10_to_12_defer_to_10_and_end_at_12()
    {
        var prefs = Hours(10, 12);

        AssertDeferred(Decide(Care(ContactChannel.Phone, Sh(6, 1, 9)), preferences: prefs), ContactChannel.Phone, Sh(6, 1, 10), Code.OutsideAllowedHours);
        AssertAllowed(Decide(Care(ContactChannel.Phone, Sh(6, 1, 10)), preferences: prefs), ContactChannel.Phone, Sh(6, 1, 10));
        AssertAllowed(Decide(Care(ContactChannel.Phone, Sh(6, 1, 11, 59)), preferences: prefs), ContactChannel.Phone, Sh(6, 1, 11, 59));
        AssertDeferred(Decide(Care(ContactChannel.Phone, Sh(6, 1, 12)), preferences: prefs), ContactChannel.Phone, Sh(6, 2, 10), Code.OutsideAllowedHours);
        AssertDeferred(Decide(Care(ContactChannel.Sms, Sh(6, 1, 22)), preferences: prefs), ContactChannel.Sms, Sh(6, 2, 10), Code.QuietHours);
    }

    [Fact]
    public void Allowed_hours_are_narrowed_by_the_quiet_hours()
    {
        AssertDeferred(Decide(Care(ContactChannel.Sms, Sh(6, 1, 7, 30)), preferences: Hours(7, 9)), ContactChannel.Sms, Sh(6, 1, 8), Code.QuietHours);
        AssertDeferred(Decide(Care(ContactChannel.Sms, Sh(6, 1, 9)), preferences: Hours(7, 9)), ContactChannel.Sms, Sh(6, 2, 8), Code.OutsideAllowedHours);
        AssertAllowed(Decide(Care(ContactChannel.Phone, Sh(6, 1, 20, 59)), preferences: Hours(18, 23)), ContactChannel.Phone, Sh(6, 1, 20, 59));
        AssertDeferred(Decide(Care(ContactChannel.Phone, Sh(6, 1, 21)), preferences: Hours(18, 23)), ContactChannel.Phone, Sh(6, 2, 18), Code.QuietHours);
    }

    [Fact]
    public void Allowed_hours_are_ignored_unless_the_customer_chose_that_mode()
    {
        var prefs = Hours(10, 12) with { DoNotDisturb = DoNotDisturb.NoMarketing };

        AssertAllowed(Decide(Care(ContactChannel.Sms, Sh(6, 1, 9)), preferences: prefs), ContactChannel.Sms, Sh(6, 1, 9));
    }

    [Fact]
    public void Allowed_hours_that_leave_no_time_outside_the_quiet_hours_deny_the_contact()
    {
        AssertDenied(Decide(Care(ContactChannel.Sms, Monday10), preferences: Hours(21, 23)), Code.NoAllowedTime);
        AssertDenied(Decide(Care(ContactChannel.Phone, Monday10), preferences: Hours(5, 8)), Code.NoAllowedTime);
        AssertDenied(Decide(Care(ContactChannel.Phone, Monday10), preferences: Hours(12, 10)), Code.NoAllowedTime);
        AssertDenied(Decide(Care(ContactChannel.Phone, Monday10), preferences: new ContactPreferences { DoNotDisturb = DoNotDisturb.AllowedHours }), Code.NoAllowedTime);
    }

    [Fact]
    public void Urgent_and_asked_for_contacts_ignore_the_allowed_hours_and_transactional_ones_keep_them()
    {
        var prefs = Hours(10, 12);

        AssertAllowed(Decide(Ask(ContactPurpose.Urgent, ContactChannel.Phone, Sh(6, 1, 15)), preferences: prefs), ContactChannel.Phone, Sh(6, 1, 15), Code.UrgentExempt);
        AssertAllowed(Decide(Ask(ContactPurpose.Care, ContactChannel.Phone, Sh(6, 1, 15), requested: true), preferences: prefs), ContactChannel.Phone, Sh(6, 1, 15), Code.RequestedByCustomer);
        AssertDeferred(Decide(Ask(ContactPurpose.Transactional, ContactChannel.Sms, Sh(6, 1, 15)), preferences: prefs), ContactChannel.Sms, Sh(6, 2, 10), Code.OutsideAllowedHours, Code.TransactionalExempt);
    }

    [Fact]
    public void Allowed_hours_are_local_to_the_customers_zone_not_the_stores()
    {
        // Store in Shanghai, customer in Berlin (CEST, UTC+2 in June): 10:00-12:00 in Berlin is 16:00-18:00 in Shanghai.
        var prefs = Hours(10, 12, Berlin);

        AssertDeferred(Decide(Care(ContactChannel.Phone, Sh(6, 1, 15)), preferences: prefs), ContactChannel.Phone, Sh(6, 1, 16), Code.OutsideAllowedHours);
        AssertDeferred(Decide(Care(ContactChannel.Phone, Sh(6, 1, 10, 30)), preferences: prefs), ContactChannel.Phone, Sh(6, 1, 16), Code.QuietHours); // 04:30 in Berlin
        AssertAllowed(Decide(Care(ContactChannel.Phone, Sh(6, 1, 17, 59)), preferences: prefs), ContactChannel.Phone, Sh(6, 1, 17, 59));
        AssertDeferred(Decide(Care(ContactChannel.Phone, Sh(6, 1, 18)), preferences: prefs), ContactChannel.Phone, Sh(6, 2, 16), Code.OutsideAllowedHours);
    }

    // ---- opt-out ----

    [Theory]
    [InlineData(ContactChannel.Sms, ContactChannels.Sms, ContactChannel.WeChat)]
    [InlineData(ContactChannel.WeChat, ContactChannels.WeChat, ContactChannel.Sms)]
    [InlineData(ContactChannel.Phone, ContactChannels.Phone, ContactChannel.Sms)]
    [InlineData(ContactChannel.Phone, ContactChannels.Phone | ContactChannels.Sms, ContactChannel.WeChat)]
    [InlineData(ContactChannel.HomeVisit, ContactChannels.HomeVisit, ContactChannel.Phone)]
    [InlineData(ContactChannel.HomeVisit, ContactChannels.HomeVisit | ContactChannels.Phone, ContactChannel.Sms)]
    [InlineData(ContactChannel.AppPush, ContactChannels.AppPush, ContactChannel.Sms)]
    [InlineData(ContactChannel.Email, ContactChannels.Email | ContactChannels.Sms, ContactChannel.WeChat)]
    public void An_opted_out_channel_is_replaced_by_one_the_customer_still_accepts(ContactChannel asked, ContactChannels optedOut, ContactChannel used)
    {
        var prefs = new ContactPreferences { OptedOut = optedOut };

        AssertAllowed(Decide(Care(asked, Monday10), preferences: prefs), used, Monday10, Code.SwitchedForOptOut);
    }

    [Fact]
    public void Channels_the_customer_did_not_opt_out_of_are_used_as_asked()
    {
        var prefs = new ContactPreferences { OptedOut = ContactChannels.Sms | ContactChannels.WeChat };

        AssertAllowed(Decide(Care(ContactChannel.Email, Monday10), preferences: prefs), ContactChannel.Email, Monday10, Code.AllRulesMet);
        AssertAllowed(Decide(Care(ContactChannel.Phone, Monday10), preferences: prefs), ContactChannel.Phone, Monday10, Code.AllRulesMet);
    }

    [Fact]
    public void When_every_usable_channel_is_opted_out_the_contact_is_denied()
    {
        var prefs = new ContactPreferences { OptedOut = ContactChannels.Sms | ContactChannels.WeChat | ContactChannels.AppPush };

        AssertDenied(Decide(Care(ContactChannel.Sms, Monday10), preferences: prefs), Code.NoAllowedChannel);
        AssertDenied(Decide(Care(ContactChannel.AppPush, Monday10), preferences: prefs), Code.NoAllowedChannel);
        AssertDenied(Decide(Care(ContactChannel.Phone, Monday10), preferences: prefs with { OptedOut = (ContactChannels)63 }), Code.NoAllowedChannel);
        AssertDenied(Decide(Ask(ContactPurpose.Urgent, ContactChannel.Phone, Monday10), preferences: prefs with { OptedOut = (ContactChannels)63 }), Code.NoAllowedChannel);
    }

    [Fact]
    public void An_urgent_contact_respects_the_opt_out_of_a_channel_too()
    {
        var prefs = new ContactPreferences { OptedOut = ContactChannels.Phone };
        var night = Sh(6, 1, 23);

        AssertAllowed(Decide(Ask(ContactPurpose.Urgent, ContactChannel.Phone, night), preferences: prefs), ContactChannel.Sms, night, Code.SwitchedForOptOut, Code.UrgentExempt);
    }

    [Fact]
    public void The_replacement_channel_keeps_its_own_quiet_hours()
    {
        // Calls until 20:00, messages until 21:00: at 20:30 a call would wait, the replacing SMS goes.
        var policy = new ContactPolicy(new ContactOptions { VoiceUntil = TimeSpan.FromHours(20) });
        var at = Sh(6, 1, 20, 30);

        AssertDeferred(Decide(Care(ContactChannel.Phone, at), policy: policy), ContactChannel.Phone, Sh(6, 2, 8), Code.QuietHours);
        AssertAllowed(Decide(Care(ContactChannel.Phone, at), preferences: new ContactPreferences { OptedOut = ContactChannels.Phone }, policy: policy), ContactChannel.Sms, at, Code.SwitchedForOptOut);
    }

    [Theory]
    [InlineData(ContactPurpose.ServiceFollowUp)]
    [InlineData(ContactPurpose.Care)]
    [InlineData(ContactPurpose.Recovery)]
    [InlineData(ContactPurpose.Marketing)]
    public void A_global_opt_out_denies_every_ordinary_purpose(ContactPurpose purpose)
    {
        AssertDenied(Decide(Ask(purpose, ContactChannel.Sms, Monday10), preferences: new ContactPreferences { GlobalOptOut = true }), Code.GlobalOptOut);
    }

    [Fact]
    public void A_global_opt_out_leaves_urgent_and_transactional_contacts()
    {
        var prefs = new ContactPreferences { GlobalOptOut = true };

        AssertAllowed(Decide(Ask(ContactPurpose.Urgent, ContactChannel.Phone, Monday10), preferences: prefs), ContactChannel.Phone, Monday10, Code.UrgentExempt);
        AssertAllowed(Decide(Ask(ContactPurpose.Transactional, ContactChannel.Sms, Monday10), preferences: prefs), ContactChannel.Sms, Monday10, Code.TransactionalExempt);
    }

    [Fact]
    public void A_global_opt_out_still_lets_the_customer_ask_for_a_call_back()
    {
        // The library's reading: a contact the customer explicitly asked for is their wish, not the store's push.
        var prefs = new ContactPreferences { GlobalOptOut = true };

        AssertAllowed(Decide(Ask(ContactPurpose.ServiceFollowUp, ContactChannel.Phone, Monday10, requested: true), preferences: prefs), ContactChannel.Phone, Monday10, Code.RequestedByCustomer);
    }

    // ---- quiet hours ----

    public static TheoryData<ContactChannel> AllChannels => new(Gens.Channels);

    [Theory]
    [MemberData(nameof(AllChannels))]
    public void Quiet_hours_are_before_08_00_and_from_21_00_local_for_calls_visits_and_messages(ContactChannel channel)
    {
        AssertDeferred(Decide(Care(channel, Sh(6, 1, 0))), channel, Sh(6, 1, 8), Code.QuietHours);
        AssertDeferred(Decide(Care(channel, Sh(6, 1, 7, 59))), channel, Sh(6, 1, 8), Code.QuietHours);
        AssertDeferred(Decide(Care(channel, Sh(6, 1, 8) - Duration.Epsilon)), channel, Sh(6, 1, 8), Code.QuietHours);
        AssertAllowed(Decide(Care(channel, Sh(6, 1, 8))), channel, Sh(6, 1, 8), Code.AllRulesMet);
        AssertAllowed(Decide(Care(channel, Sh(6, 1, 20, 59))), channel, Sh(6, 1, 20, 59), Code.AllRulesMet);
        AssertAllowed(Decide(Care(channel, Sh(6, 1, 21) - Duration.Epsilon)), channel, Sh(6, 1, 21) - Duration.Epsilon);
        AssertDeferred(Decide(Care(channel, Sh(6, 1, 21))), channel, Sh(6, 2, 8), Code.QuietHours);
        AssertDeferred(Decide(Care(channel, Sh(6, 1, 23, 59))), channel, Sh(6, 2, 8), Code.QuietHours);
    }

    [Fact]
    public void Urgent_asked_for_and_customer_started_contacts_ignore_quiet_hours()
    {
        var night = Sh(6, 1, 2, 30);

        AssertAllowed(Decide(Ask(ContactPurpose.Urgent, ContactChannel.Phone, night)), ContactChannel.Phone, night, Code.UrgentExempt);
        AssertAllowed(Decide(Ask(ContactPurpose.Care, ContactChannel.Phone, night, requested: true)), ContactChannel.Phone, night, Code.RequestedByCustomer);
        AssertAllowed(Decide(Ask(ContactPurpose.Care, ContactChannel.Phone, night, Initiator.Customer)), ContactChannel.Phone, night, Code.CustomerInitiated);
    }

    [Fact]
    public void Quiet_hours_for_calls_and_for_messages_are_separate_options()
    {
        var policy = new ContactPolicy(new ContactOptions { VoiceFrom = TimeSpan.FromHours(9), VoiceUntil = TimeSpan.FromHours(20), MessageFrom = TimeSpan.FromHours(7), MessageUntil = TimeSpan.FromHours(22) });

        AssertDeferred(Decide(Care(ContactChannel.Phone, Sh(6, 1, 8, 30)), policy: policy), ContactChannel.Phone, Sh(6, 1, 9), Code.QuietHours);
        AssertDeferred(Decide(Care(ContactChannel.HomeVisit, Sh(6, 1, 20)), policy: policy), ContactChannel.HomeVisit, Sh(6, 2, 9), Code.QuietHours);
        AssertAllowed(Decide(Care(ContactChannel.Sms, Sh(6, 1, 7)), policy: policy), ContactChannel.Sms, Sh(6, 1, 7));
        AssertAllowed(Decide(Care(ContactChannel.WeChat, Sh(6, 1, 21, 59)), policy: policy), ContactChannel.WeChat, Sh(6, 1, 21, 59));
        AssertDeferred(Decide(Care(ContactChannel.Email, Sh(6, 1, 22)), policy: policy), ContactChannel.Email, Sh(6, 2, 7), Code.QuietHours);
    }

    [Fact]
    public void A_window_until_24_00_lasts_to_the_end_of_the_day()
    {
        var policy = new ContactPolicy(new ContactOptions { MessageFrom = TimeSpan.Zero, MessageUntil = TimeSpan.FromHours(24) });

        AssertAllowed(Decide(Care(ContactChannel.Sms, Sh(6, 1, 23, 59)), policy: policy), ContactChannel.Sms, Sh(6, 1, 23, 59));
        AssertAllowed(Decide(Care(ContactChannel.Sms, Sh(6, 1, 0)), policy: policy), ContactChannel.Sms, Sh(6, 1, 0));
    }

    // ---- learned preference ----

    private static readonly Instant Now = Monday10;

    /// <summary>Store calls a month apart, the last one 31 days ago (so that none of them is in the cap's window).</summary>
    private static PastTouch[] Calls(params TouchOutcome[] outcomes) =>
        outcomes.Select((o, i) => Call(Now - Days(31 * (outcomes.Length - i)), o)).ToArray();

    [Fact]
    public void After_2_consecutive_unanswered_calls_the_next_call_becomes_a_message()
    {
        var history = Calls(TouchOutcome.NoAnswer, TouchOutcome.NoAnswer);

        Assert.True(Policy.PrefersMessages(history, default, Now));
        AssertAllowed(Decide(Care(ContactChannel.Phone, Now), history), ContactChannel.Sms, Now, Code.SwitchedToMessage);
    }

    [Theory]
    [InlineData(false, TouchOutcome.NoAnswer)]
    [InlineData(false, TouchOutcome.NoAnswer, TouchOutcome.Answered)]
    [InlineData(false, TouchOutcome.Answered, TouchOutcome.NoAnswer)]
    [InlineData(false, TouchOutcome.NoAnswer, TouchOutcome.NoAnswer, TouchOutcome.Answered)]
    [InlineData(false, TouchOutcome.NoAnswer, TouchOutcome.Refused)]
    [InlineData(false, TouchOutcome.NoAnswer, TouchOutcome.Answered, TouchOutcome.NoAnswer)]
    [InlineData(true, TouchOutcome.Answered, TouchOutcome.NoAnswer, TouchOutcome.NoAnswer)]
    [InlineData(true, TouchOutcome.NoAnswer, TouchOutcome.NoAnswer, TouchOutcome.NoAnswer)]
    [InlineData(true, TouchOutcome.Refused, TouchOutcome.Answered, TouchOutcome.NoAnswer, TouchOutcome.NoAnswer)]
    public void Only_the_last_2_calls_both_unanswered_teach_that_the_customer_prefers_messages(bool prefers, params TouchOutcome[] outcomes)
    {
        var history = Calls(outcomes);

        Assert.Equal(prefers, Policy.PrefersMessages(history, default, Now));
        Assert.Equal(prefers, Policy.PrefersMessages(history.Reverse().ToArray(), default, Now));
        var d = Decide(Care(ContactChannel.Phone, Now), history);
        Assert.Equal(prefers ? ContactChannel.Sms : ContactChannel.Phone, ChannelOf(d));
    }

    [Fact]
    public void Messages_between_the_calls_do_not_break_the_run_of_unanswered_calls()
    {
        var history = new[] { Call(Now - Days(20), TouchOutcome.NoAnswer), Proactive(Now - Days(15)), Call(Now - Days(10), TouchOutcome.NoAnswer) };

        Assert.True(Policy.PrefersMessages(history, default, Now));
    }

    [Fact]
    public void Calls_after_now_are_not_yet_known_and_do_not_count()
    {
        var history = Calls(TouchOutcome.NoAnswer, TouchOutcome.NoAnswer).Append(Call(Now + Days(3), TouchOutcome.Answered)).ToArray();

        Assert.True(Policy.PrefersMessages(history, default, Now));
        Assert.False(Policy.PrefersMessages(history, default, Now + Days(3)));
    }

    [Fact]
    public void Customer_started_and_asked_for_calls_are_not_store_calls_that_go_unanswered()
    {
        var history = new[]
        {
            Call(Now - Days(20), TouchOutcome.NoAnswer),
            new PastTouch(Now - Days(10), ContactChannel.Phone, ContactPurpose.Care, Initiator.Customer, TouchOutcome.NoAnswer),
            new PastTouch(Now - Days(9), ContactChannel.Phone, ContactPurpose.Care, Initiator.Store, TouchOutcome.NoAnswer, RequestedByCustomer: true),
        };

        Assert.False(Policy.PrefersMessages(history, default, Now));
    }

    [Fact]
    public void The_message_replacing_a_call_skips_opted_out_channels()
    {
        var history = Calls(TouchOutcome.NoAnswer, TouchOutcome.NoAnswer);

        AssertAllowed(Decide(Care(ContactChannel.Phone, Now), history, new ContactPreferences { OptedOut = ContactChannels.Sms }), ContactChannel.WeChat, Now, Code.SwitchedToMessage);
    }

    [Fact]
    public void With_no_message_channel_left_the_call_stays_a_call()
    {
        var history = Calls(TouchOutcome.NoAnswer, TouchOutcome.NoAnswer);

        AssertAllowed(Decide(Care(ContactChannel.Phone, Now), history, new ContactPreferences { OptedOut = ContactChannels.Sms | ContactChannels.WeChat }), ContactChannel.Phone, Now, Code.AllRulesMet);
    }

    [Fact]
    public void Urgent_and_asked_for_calls_are_still_calls()
    {
        var history = Calls(TouchOutcome.NoAnswer, TouchOutcome.NoAnswer);

        AssertAllowed(Decide(Ask(ContactPurpose.Urgent, ContactChannel.Phone, Now), history), ContactChannel.Phone, Now, Code.UrgentExempt);
        AssertAllowed(Decide(Ask(ContactPurpose.Care, ContactChannel.Phone, Now, requested: true), history), ContactChannel.Phone, Now, Code.RequestedByCustomer);
    }

    [Fact]
    public void A_customer_who_said_they_prefer_messages_gets_messages_without_unanswered_calls()
    {
        var prefs = new ContactPreferences { PrefersMessages = true };

        Assert.True(Policy.PrefersMessages([], prefs, Now));
        AssertAllowed(Decide(Care(ContactChannel.Phone, Now), preferences: prefs), ContactChannel.Sms, Now, Code.SwitchedToMessage);
        AssertAllowed(Decide(Care(ContactChannel.Email, Now), preferences: prefs), ContactChannel.Email, Now, Code.AllRulesMet);
    }

    [Fact]
    public void A_visit_replaced_for_an_opt_out_by_a_call_becomes_a_message_for_a_customer_who_does_not_answer_calls()
    {
        var history = Calls(TouchOutcome.NoAnswer, TouchOutcome.NoAnswer);
        var prefs = new ContactPreferences { OptedOut = ContactChannels.HomeVisit };

        var d = Decide(Care(ContactChannel.HomeVisit, Now), history, prefs);

        AssertAllowed(d, ContactChannel.Sms, Now, Code.SwitchedForOptOut, Code.SwitchedToMessage);
    }

    [Fact]
    public void The_number_of_unanswered_calls_and_the_message_channels_are_options()
    {
        var policy = new ContactPolicy(new ContactOptions { UnansweredCallsForMessages = 3, MessageFallbacks = ContactChannels.Email | ContactChannels.AppPush });

        Assert.False(policy.PrefersMessages(Calls(TouchOutcome.NoAnswer, TouchOutcome.NoAnswer), default, Now));
        var three = Calls(TouchOutcome.NoAnswer, TouchOutcome.NoAnswer, TouchOutcome.NoAnswer);
        Assert.True(policy.PrefersMessages(three, default, Now));
        AssertAllowed(Decide(Care(ContactChannel.Phone, Now), three, policy: policy), ContactChannel.AppPush, Now, Code.SwitchedToMessage);
        AssertAllowed(Decide(Care(ContactChannel.Phone, Now), three, new ContactPreferences { OptedOut = ContactChannels.AppPush }, policy: policy), ContactChannel.Email, Now, Code.SwitchedToMessage);
    }

    [Fact]
    public void The_message_replacing_a_call_keeps_the_message_quiet_hours()
    {
        var policy = new ContactPolicy(new ContactOptions { MessageFrom = TimeSpan.FromHours(9) });
        var history = Calls(TouchOutcome.NoAnswer, TouchOutcome.NoAnswer);

        AssertDeferred(Decide(Care(ContactChannel.Phone, Sh(6, 1, 8, 30)), history, policy: policy), ContactChannel.Sms, Sh(6, 1, 9), Code.QuietHours, Code.SwitchedToMessage);
    }

    // ---- properties ----

    [Property]
    public void An_allowed_or_deferred_contact_never_uses_an_opted_out_channel(Scenario s)
    {
        if (ChannelOf(s.Decide()) is ContactChannel c && s.Request.Initiator == Initiator.Store)
        {
            Assert.False(s.Preferences.OptedOut.Has(c), $"{c} is opted out");
        }
    }

    [Property]
    public void A_proactive_touch_of_a_customer_who_prefers_messages_is_never_a_call_while_a_message_channel_is_left(Scenario s)
    {
        var r = s.Request;
        bool messageLeft = Gens.MessageChannels.Any(c => s.Options.MessageFallbacks.Has(c) && !s.Preferences.OptedOut.Has(c));
        if (r.Initiator == Initiator.Store && !r.RequestedByCustomer && r.Purpose != ContactPurpose.Urgent && messageLeft
            && s.Policy.PrefersMessages(s.History, s.Preferences, s.Now) && ChannelOf(s.Decide()) is ContactChannel c)
        {
            Assert.NotEqual(ContactChannel.Phone, c);
        }
    }

    [Property]
    public void Only_preferences_deny_and_a_denial_names_the_preference(Scenario s)
    {
        if (s.Decide() is ContactDecision.Denied d)
        {
            var code = Assert.Single(Codes(d));
            var p = s.Preferences;
            bool holds = code switch
            {
                Code.GlobalOptOut => p.GlobalOptOut,
                Code.UrgentOnly => (p.DoNotDisturb & DoNotDisturb.UrgentOnly) != 0,
                Code.NoMarketing => (p.DoNotDisturb & DoNotDisturb.NoMarketing) != 0 && s.Request.Purpose == ContactPurpose.Marketing,
                Code.NoAllowedChannel => p.OptedOut != ContactChannels.None,
                Code.NoAllowedTime => (p.DoNotDisturb & DoNotDisturb.AllowedHours) != 0,
                _ => false,
            };
            Assert.True(holds, $"denied for {code}");
            Assert.NotEqual(Initiator.Customer, s.Request.Initiator);
        }
    }
}
