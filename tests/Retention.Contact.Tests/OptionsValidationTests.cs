using System;
using System.Linq;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;
using NodaTime;
using Retention.Contact.Tests.Support;
using Xunit;
using static Retention.Contact.Tests.Support.Fixtures;

namespace Retention.Contact.Tests;

/// <summary>
/// Conventions (README) over contact.md: every cap, gap, window, quiet hour, cadence and KPI target is an
/// option whose default is the spec's figure (or its Decision), validated at start-up; nonsense is rejected
/// by every constructor with a message naming the option.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
public class OptionsValidationTests
{
    [Fact]
    public void Defaults_are_valid_and_are_the_spec_figures()
    {
        var o = new ContactOptions();

        Assert.Empty(ContactOptionsValidator.Collect(o));
        Assert.True(new ContactOptionsValidator().Validate(null, o).Succeeded);
        Assert.Equal("Retention:Contact", ContactOptions.SectionName);
        Assert.Equal("Asia/Shanghai", o.StoreTimeZone);
        // Section 2: 3 (ordinary) / 5 (VIP) proactive touches in any rolling 30 days, at least 72 hours apart.
        Assert.Equal((3, 5, TimeSpan.FromDays(30), TimeSpan.FromHours(72)), (o.OrdinaryCap, o.VipCap, o.RollingWindow, o.MinimumGap));
        // Section 2 Decision: transactional messages exempt.
        Assert.True(o.TransactionalExempt);
        // Section 3 Decision: no proactive call, visit or message before 08:00 or from 21:00.
        Assert.Equal((TimeSpan.FromHours(8), TimeSpan.FromHours(21), TimeSpan.FromHours(8), TimeSpan.FromHours(21)), (o.VoiceFrom, o.VoiceUntil, o.MessageFrom, o.MessageUntil));
        // Section 3: after 2 consecutive unanswered calls, SMS / WeChat instead.
        Assert.Equal((2, ContactChannels.Sms | ContactChannels.WeChat), (o.UnansweredCallsForMessages, o.MessageFallbacks));
        // Section 6: > 6 months sleeping, > 1 year lost, value score >= 80 VIP.
        Assert.Equal((180, 365, 80.0), (o.Cadence.SleepingAfterDays, o.Cadence.LostAfterDays, o.Cadence.VipValueScore));
        Assert.Equal((30, 90, 90, 180, 7), (o.Cadence.Vip.EveryDays, o.Cadence.Active.EveryDays, o.Cadence.Sleeping.EveryDays, o.Cadence.Lost.EveryDays, o.Cadence.Complaint.EveryDays));
        Assert.Equal((TimeSpan.FromHours(10), 1), (o.Cadence.TouchTimeOfDay, o.Cadence.AfterServiceDays));
        // Section 7: answer rate >= 75 %, follow-ups within 48 h >= 95 %, harassment complaints 0.
        Assert.Equal((0.75, TimeSpan.FromHours(48), 0.95, 0), (o.Kpis.AnswerRateTarget, o.Kpis.FollowUpWithin, o.Kpis.FollowUpOnTimeTarget, o.Kpis.HarassmentComplaintsTarget));
    }

    public static TheoryData<string> BreakerNames => new(Gens.Breakers.Select(b => b.What));

    [Theory]
    [MemberData(nameof(BreakerNames))]
    public void Each_broken_default_is_rejected_naming_the_option(string what)
    {
        var (_, path, breakIt) = Gens.Breakers.Single(b => b.What == what);
        var options = new ContactOptions();
        breakIt(options);

        var result = new ContactOptionsValidator().Validate(Options.DefaultName, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(path + ":", StringComparison.Ordinal));
        AssertConstructorsReject(options, path);
    }

    [Fact]
    public void Every_problem_is_listed_not_just_the_first()
    {
        var options = new ContactOptions { OrdinaryCap = 0, VoiceUntil = TimeSpan.FromHours(7), StoreTimeZone = "Nowhere/Town" };
        options.Cadence.Lost.EveryDays = 0;
        options.Kpis.AnswerRateTarget = 1.5;

        var errors = ContactOptionsValidator.Collect(options);

        Assert.Equal(5, errors.Count);
        Assert.Contains("StoreTimeZone: must be an IANA time zone id such as Asia/Shanghai (was \"Nowhere/Town\").", errors);
        Assert.Contains("OrdinaryCap: must be at least 1 (was 0).", errors);
        Assert.Contains("VoiceUntil: must be later than VoiceFrom (08:00:00) (was 07:00:00).", errors);
        Assert.Contains("Cadence.Lost.EveryDays: must be from 1 to 366 (was 0).", errors);
        Assert.Contains("Kpis.AnswerRateTarget: must be in [0, 1] (was 1.5).", errors);
    }

    [Fact]
    public void A_window_may_end_at_24_00_but_not_start_there()
    {
        var errors = ContactOptionsValidator.Collect(new ContactOptions { MessageFrom = TimeSpan.FromHours(24), MessageUntil = TimeSpan.FromHours(24) });

        Assert.Contains("MessageFrom: must be a time of day from 00:00 to 23:59:59 (was 1.00:00:00).", errors);
        Assert.DoesNotContain(errors, e => e.StartsWith("MessageUntil: must be a time of day", StringComparison.Ordinal));
    }

    [Fact]
    public void Edge_values_that_make_sense_are_accepted()
    {
        var o = new ContactOptions
        {
            StoreTimeZone = "Europe/Berlin",
            OrdinaryCap = 1,
            VipCap = 1,
            MinimumGap = TimeSpan.FromDays(60), // one touch per 60 days: longer than the window, fine with caps of 1
            RollingWindow = TimeSpan.FromDays(366),
            VoiceFrom = TimeSpan.Zero,
            VoiceUntil = TimeSpan.FromHours(24),
            MessageFallbacks = ContactChannels.Email,
            UnansweredCallsForMessages = 1,
        };
        o.Cadence.AfterServiceDays = 0;
        o.Cadence.VipValueScore = 100;
        o.Cadence.Lost.EveryDays = 366;
        o.Kpis.AnswerRateTarget = 0;
        o.Kpis.FollowUpOnTimeTarget = 1;

        Assert.Empty(ContactOptionsValidator.Collect(o));
        Assert.Equal(1, new ContactPolicy(o).CapFor(true));
    }

    [Fact]
    public void A_missing_section_is_rejected_naming_it()
    {
        var options = new ContactOptions { Cadence = null!, Kpis = null! };

        var errors = ContactOptionsValidator.Collect(options);

        Assert.Contains("Cadence: is missing (null).", errors);
        Assert.Contains("Kpis: is missing (null).", errors);
        Assert.Throws<OptionsValidationException>(() => new ContactPolicy(options));
    }

    [Fact]
    public void Null_options_are_bad_input()
    {
        Assert.Throws<ArgumentNullException>(() => ContactOptionsValidator.Collect(null!));
        Assert.Throws<ArgumentNullException>(() => new ContactPolicy((ContactOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new ContactPolicy((IOptions<ContactOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => new ContactCalendar((ContactOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new ContactCalendar((IOptions<ContactOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => new FollowUpCadence((ContactOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new FollowUpCadence((IOptions<ContactOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => new ContactKpis((ContactOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new ContactKpis((IOptions<ContactOptions>)null!));
    }

    [Fact]
    public void Options_changed_after_the_types_are_built_do_not_change_them()
    {
        var options = new ContactOptions();
        var policy = new ContactPolicy(options);
        var calendar = new ContactCalendar(options);
        var cadence = new FollowUpCadence(options);
        var kpis = new ContactKpis(options);

        options.OrdinaryCap = 1;
        options.MinimumGap = TimeSpan.Zero;
        options.VoiceFrom = TimeSpan.Zero;
        options.StoreTimeZone = "Europe/Berlin";
        options.Cadence.Vip.EveryDays = 1;
        options.Cadence.VipValueScore = 10;
        options.Cadence = new CadenceOptions { SleepingAfterDays = 1, LostAfterDays = 2 };
        options.Kpis.AnswerRateTarget = 0.1;

        Assert.Equal(3, policy.CapFor(false));
        AssertDeferred(policy.Decide(CareSms(Monday10), [Proactive(Monday10 - Hours(1))], default, false, Monday10), ContactChannel.Sms, Monday10 + Hours(71), ContactReasonCode.Spacing);
        Assert.Equal(Shanghai, calendar.Policy.StoreZone);
        Assert.Equal(30, cadence.CadenceOf(CustomerSegment.Vip).EveryDays);
        Assert.Equal(CustomerSegment.Active, cadence.SegmentOf(new FollowUpCustomer("c", new LocalDate(2026, 5, 1), 50, false), new LocalDate(2026, 6, 1)));
        Assert.Equal(0.75, kpis.Compute([], [], 0, []).AnswerRate.Target);
    }

    // ---- properties ----

    [Property(MaxTest = 300)]
    public void Any_valid_options_build_every_type_and_each_works(ValidOptions o, Scenario s, CadenceCustomer c)
    {
        Assert.Empty(ContactOptionsValidator.Collect(o.Options));
        var policy = new ContactPolicy(o.Options);
        var calendar = new ContactCalendar(Options.Create(o.Options));
        var cadence = new FollowUpCadence(o.Options);
        var kpis = new ContactKpis(Options.Create(o.Options));

        Assert.NotEmpty(policy.Decide(s.Request, s.History, s.Preferences, s.IsVip, s.Now).Reasons);
        var touches = cadence.Plan(c.Customer, c.Today, c.Today.PlusDays(60));
        var plan = calendar.Plan(touches, new System.Collections.Generic.Dictionary<string, CustomerContactState>(), s.Now);
        Assert.Equal(touches.Count, plan.Scheduled.Count + plan.Dropped.Count);
        Assert.Equal(o.Options.Kpis.AnswerRateTarget, kpis.Compute(s.History, [], 0, []).AnswerRate.Target);
        Assert.Equal(o.Options.OrdinaryCap, policy.CapFor(false));
        Assert.Equal(o.Options.VipCap, calendar.Policy.CapFor(true));
    }

    [Property]
    public void Options_broken_in_one_place_are_rejected_by_every_constructor_naming_the_broken_option(BrokenOptions o)
    {
        AssertConstructorsReject(o.Options, o.Path);
    }

    private static void AssertConstructorsReject(ContactOptions options, string path)
    {
        var constructors = new (string Type, Func<object> Construct)[]
        {
            ("ContactPolicy", () => new ContactPolicy(options)),
            ("ContactCalendar", () => new ContactCalendar(options)),
            ("FollowUpCadence", () => new FollowUpCadence(options)),
            ("ContactKpis", () => new ContactKpis(options)),
            ("ContactPolicy(IOptions)", () => new ContactPolicy(Options.Create(options))),
            ("ContactCalendar(IOptions)", () => new ContactCalendar(Options.Create(options))),
            ("FollowUpCadence(IOptions)", () => new FollowUpCadence(Options.Create(options))),
            ("ContactKpis(IOptions)", () => new ContactKpis(Options.Create(options))),
        };

        foreach (var (type, construct) in constructors)
        {
            var e = Assert.Throws<OptionsValidationException>(construct);
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Contains(e.Failures, f => f.StartsWith(path + ":", StringComparison.Ordinal));
            Assert.All(e.Failures, f => Assert.True(f.StartsWith(path, StringComparison.Ordinal), $"{type}: unexpected failure '{f}' (expected only {path})"));
            Assert.Equal(typeof(ContactOptions), e.OptionsType);
        }
    }
}
