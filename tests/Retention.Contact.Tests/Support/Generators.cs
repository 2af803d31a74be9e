using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Retention.Contact.Tests.Support;

/// <summary>
/// A contact request in context: options, the customer's history (past and already planned), preferences,
/// VIP flag and "now". Times are whole minutes around 2026, often on the days Berlin changes its clocks.
/// </summary>
public sealed record Scenario(ContactOptions Options, PastTouch[] History, ContactRequest Request, ContactPreferences Preferences, bool IsVip, Instant Now)
{
    private ContactPolicy? _policy;

    public ContactPolicy Policy => _policy ??= new ContactPolicy(Options);

    public DateTimeZone Zone => Preferences.Zone ?? DateTimeZoneProviders.Tzdb[Options.StoreTimeZone];

    public ContactDecision Decide() => Policy.Decide(Request, History, Preferences, IsVip, Now);

    public ContactDecision Decide(ContactRequest request) => Policy.Decide(request, History, Preferences, IsVip, Now);

    public ContactDecision Decide(PastTouch[] history) => Policy.Decide(Request, history, Preferences, IsVip, Now);

    public override string ToString() =>
        $"now {Now} ({Zone.Id}), vip {IsVip}, request {Gens.Show(Request)}, prefs {Gens.Show(Preferences)}, options {Gens.ShowTiming(Options)}, history [{string.Join("; ", History.Select(Gens.Show))}]";
}

/// <summary>Touches that are exempt from the frequency rules (customer-started, urgent, asked for, transactional).</summary>
public sealed record ExemptTouches(PastTouch[] Touches)
{
    /// <summary>The touches moved so that they lie around <paramref name="now"/> as they lie around <see cref="Gens.TouchBase"/>.</summary>
    public PastTouch[] Around(Instant now) => Touches.Select(t => t with { At = now + (t.At - Gens.TouchBase) }).ToArray();

    public override string ToString() => string.Join("; ", Touches.Select(Gens.Show));
}

/// <summary>Extra touches of any kind except store phone calls (so they cannot teach "prefers messages").</summary>
public sealed record ExtraTouches(PastTouch[] Touches)
{
    /// <summary>The touches moved so that they lie around <paramref name="now"/> as they lie around <see cref="Gens.TouchBase"/>.</summary>
    public PastTouch[] Around(Instant now) => Touches.Select(t => t with { At = now + (t.At - Gens.TouchBase) }).ToArray();

    public override string ToString() => string.Join("; ", Touches.Select(Gens.Show));
}

/// <summary>A batch for the contact calendar: planned touches of several departments, what is known of each customer, and "now".</summary>
public sealed record CalendarBatch(ContactOptions Options, PlannedTouch[] Touches, Dictionary<string, CustomerContactState> Customers, Instant Now)
{
    public override string ToString() =>
        $"now {Now}, options {Gens.ShowTiming(Options)}; touches [{string.Join("; ", Touches.Select(Gens.Show))}]; customers [{string.Join("; ", Customers.Select(c => $"{c.Key}: vip {c.Value.IsVip}, prefs {Gens.Show(c.Value.Preferences)}, history [{string.Join(", ", c.Value.History.Select(Gens.Show))}]"))}]";
}

/// <summary>A customer for the follow-up cadence, with the day they are looked at.</summary>
public sealed record CadenceCustomer(FollowUpCustomer Customer, LocalDate Today)
{
    public int Days => Period.DaysBetween(Customer.LastVisit, Today);
}

/// <summary>Options the validator accepts.</summary>
public sealed record ValidOptions(ContactOptions Options)
{
    public override string ToString() => JsonSerializer.Serialize(Options);
}

/// <summary>Valid options with exactly one thing broken, and the path of the option that is broken.</summary>
public sealed record BrokenOptions(ContactOptions Options, string Path, string What)
{
    public override string ToString() => $"{What} (expect {Path}): {JsonSerializer.Serialize(Options)}";
}

/// <summary>The generators behind the properties.</summary>
public static class Gens
{
    public static readonly ContactChannel[] Channels = Enum.GetValues<ContactChannel>();

    public static readonly ContactPurpose[] Purposes = Enum.GetValues<ContactPurpose>();

    public static readonly ContactChannel[] MessageChannels = [ContactChannel.Sms, ContactChannel.WeChat, ContactChannel.AppPush, ContactChannel.Email];

    public static readonly string[] Departments = ["service", "sales", "insurance", "marketing"];

    /// <summary>The instant extra touches are generated around (see <see cref="ExemptTouches.Around"/>).</summary>
    public static readonly Instant TouchBase = Instant.FromUtc(2026, 6, 1, 0, 0);

    public static Gen<bool> Bool { get; } = Gen.Elements(true, false);

    /// <summary>Mostly <paramref name="gen"/>, sometimes one of the <paramref name="edges"/>.</summary>
    public static Gen<T> WithEdges<T>(Gen<T> gen, params T[] edges) => Gen.Frequency((3, gen), (1, Gen.Elements(edges)));

    /// <summary>True about once in <paramref name="n"/>.</summary>
    public static Gen<bool> OneIn(int n) => Gen.Frequency((1, Gen.Constant(true)), (n - 1, Gen.Constant(false)));

    private static Gen<Duration> MinutesBetween(int lo, int hi) => Gen.Choose(lo, hi).Select(m => Duration.FromMinutes(m));

    /// <summary>A time of day in whole quarter hours (00:00 to 23:45), often inside the hour Berlin's clocks skip or repeat.</summary>
    public static Gen<LocalTime> QuarterHour { get; } =
        WithEdges(Gen.Choose(0, 95).Select(q => LocalTime.FromMinutesSinceMidnight(q * 15)), new LocalTime(2, 0), new LocalTime(2, 30), new LocalTime(3, 0), new LocalTime(8, 0), new LocalTime(21, 0));

    /// <summary>A daily window [from, until) with until after from, until possibly 24:00.</summary>
    public static Gen<(TimeSpan From, TimeSpan Until)> DailyWindow { get; } =
        from start in QuarterHour
        from end in Gen.Choose((start.Hour * 4) + (start.Minute / 15) + 1, 96)
        select (TimeSpan.FromTicks(start.TickOfDay), TimeSpan.FromMinutes(end * 15));

    /// <summary>A UTC day: mostly around the days Berlin changes its clocks in 2026 (29 March, 25 October), otherwise any day of 2026.</summary>
    public static Gen<Instant> Day { get; } = Gen.Frequency(
        (3, Gen.Elements(Instant.FromUtc(2026, 3, 28, 0, 0), Instant.FromUtc(2026, 3, 29, 0, 0), Instant.FromUtc(2026, 10, 24, 0, 0), Instant.FromUtc(2026, 10, 25, 0, 0))),
        (2, Gen.Choose(0, 364).Select(d => Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromDays(d))));

    /// <summary>"Now": a whole minute of <see cref="Day"/>.</summary>
    public static Gen<Instant> Now { get; } =
        from day in Day
        from minute in Gen.Choose(0, 1439)
        select day + Duration.FromMinutes(minute);

    public static Gen<DateTimeZone?> CustomerZone { get; } = Gen.Frequency(
        (2, Gen.Constant<DateTimeZone?>(null)),
        (1, Gen.Constant<DateTimeZone?>(DateTimeZoneProviders.Tzdb["Asia/Shanghai"])),
        (2, Gen.Constant<DateTimeZone?>(DateTimeZoneProviders.Tzdb["Europe/Berlin"])));

    public static Gen<ContactChannels> ChannelSet { get; } = Gen.Choose(0, 63).Select(c => (ContactChannels)c);

    public static Gen<ContactPreferences> Preferences { get; } =
        from zone in CustomerZone
        from dnd in Gen.Frequency(
            (8, Gen.Constant(DoNotDisturb.None)),
            (1, Gen.Constant(DoNotDisturb.UrgentOnly)),
            (1, Gen.Constant(DoNotDisturb.NoMarketing)),
            (3, Gen.Constant(DoNotDisturb.AllowedHours)),
            (1, Gen.Choose(0, 7).Select(f => (DoNotDisturb)f)))
        from start in QuarterHour
        from end in Gen.Frequency((6, Gen.Choose((start.Hour * 4) + (start.Minute / 15) + 1, 96)), (1, Gen.Choose(0, 95)))
        from optedOut in Gen.Frequency((5, Gen.Constant(ContactChannels.None)), (2, ChannelSet))
        from global in OneIn(10)
        from prefersMessages in OneIn(10)
        select new ContactPreferences
        {
            Zone = zone,
            DoNotDisturb = dnd,
            AllowedFrom = start,
            AllowedUntil = end >= 96 ? LocalTime.MaxValue : LocalTime.FromMinutesSinceMidnight(end * 15),
            OptedOut = optedOut,
            GlobalOptOut = global,
            PrefersMessages = prefersMessages,
        };

    /// <summary>The timing-related options: mostly the spec's defaults, otherwise any caps, window, gap and daily windows the validator accepts.</summary>
    public static Gen<ContactOptions> TimingOptions { get; } = Gen.Frequency(
        (2, Gen.Constant(0).Select(_ => new ContactOptions())),
        (1, Gen.Constant(0).Select(_ => new ContactOptions { StoreTimeZone = "Europe/Berlin" })),
        (3, RandomTiming));

    private static Gen<ContactOptions> RandomTiming =>
        from ordinary in Gen.Choose(1, 5)
        from vip in Gen.Choose(ordinary, ordinary + 3)
        from windowHours in WithEdges(Gen.Choose(24, 40 * 24), 720)
        from gapHours in ordinary == 1 && vip == 1 ? Gen.Choose(0, 60 * 24) : WithEdges(Gen.Choose(0, Math.Min(windowHours - 1, 120)), 0, Math.Min(72, windowHours - 1))
        from voice in DailyWindow
        from message in DailyWindow
        from unanswered in Gen.Choose(1, 3)
        from fallbacks in Gen.Choose(1, 15).Select(f => (ContactChannels)(f << 1))
        from transactional in Bool
        from zone in Gen.Elements("Asia/Shanghai", "Europe/Berlin")
        select new ContactOptions
        {
            StoreTimeZone = zone,
            OrdinaryCap = ordinary,
            VipCap = vip,
            RollingWindow = TimeSpan.FromHours(windowHours),
            MinimumGap = TimeSpan.FromHours(gapHours),
            VoiceFrom = voice.From,
            VoiceUntil = voice.Until,
            MessageFrom = message.From,
            MessageUntil = message.Until,
            UnansweredCallsForMessages = unanswered,
            MessageFallbacks = fallbacks,
            TransactionalExempt = transactional,
        };

    public static Gen<TouchOutcome> Outcome(ContactChannel channel) => channel.IsVoice()
        ? Gen.Frequency((4, Gen.Constant(TouchOutcome.Answered)), (4, Gen.Constant(TouchOutcome.NoAnswer)), (1, Gen.Constant(TouchOutcome.Refused)), (1, Gen.Constant(TouchOutcome.Failed)))
        : Gen.Frequency((8, Gen.Constant(TouchOutcome.Delivered)), (1, Gen.Constant(TouchOutcome.Failed)), (1, Gen.Constant(TouchOutcome.Answered)));

    /// <summary>A past or planned touch from 35 days before to 7 days after <paramref name="now"/>, often close to it.</summary>
    public static Gen<PastTouch> Touch(Instant now) =>
        from offset in Gen.Frequency((2, MinutesBetween(-35 * 1440, 7 * 1440)), (2, MinutesBetween(-5 * 1440, 4 * 1440)))
        from channel in Gen.Frequency((3, Gen.Constant(ContactChannel.Phone)), (3, Gen.Elements(Channels)))
        from purpose in Gen.Frequency((6, Gen.Elements(ContactPurpose.ServiceFollowUp, ContactPurpose.Care, ContactPurpose.Recovery, ContactPurpose.Marketing)), (2, Gen.Elements(Purposes)))
        from initiator in Gen.Frequency((6, Gen.Constant(Initiator.Store)), (1, Gen.Constant(Initiator.Customer)))
        from outcome in Outcome(channel)
        from requested in OneIn(10)
        select new PastTouch(now + offset, channel, purpose, initiator, outcome, requested);

    public static Gen<PastTouch[]> History(Instant now) =>
        Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 4)), (3, Gen.Choose(5, 12))).SelectMany(n => Gen.ArrayOf(Touch(now), n));

    public static Gen<ContactRequest> Request(Instant now) =>
        from purpose in Gen.Frequency((8, Gen.Elements(ContactPurpose.ServiceFollowUp, ContactPurpose.Care, ContactPurpose.Recovery, ContactPurpose.Marketing)), (3, Gen.Elements(Purposes)))
        from channel in Gen.Frequency((3, Gen.Constant(ContactChannel.Phone)), (4, Gen.Elements(Channels)))
        from offset in Gen.Frequency((1, Gen.Constant(Duration.Zero)), (1, MinutesBetween(-180, 0)), (4, MinutesBetween(0, 4 * 1440)))
        from initiator in Gen.Frequency((12, Gen.Constant(Initiator.Store)), (1, Gen.Constant(Initiator.Customer)))
        from requested in OneIn(12)
        select new ContactRequest(purpose, channel, now + offset, initiator, requested);

    public static Gen<Scenario> Scenario(Gen<ContactOptions> options, bool ordinaryRequest = false) =>
        from o in options
        from now in Now
        from history in History(now)
        from request in Request(now)
        from prefs in Preferences
        from vip in Bool
        select new Scenario(
            o,
            history,
            ordinaryRequest && !Rules.IsOrdinary(request) ? request with { Initiator = Initiator.Store, RequestedByCustomer = false, Purpose = (ContactPurpose)((int)request.Purpose % 4) } : request,
            prefs,
            vip,
            now);

    // ---- around Berlin's clock changes ----

    /// <summary>A daily window whose start or end is often within an hour of the clock change (01:00 to 04:00 local).</summary>
    private static Gen<(TimeSpan From, TimeSpan Until)> NightWindow { get; } =
        from start in Gen.Frequency((3, Gen.Choose(4, 16)), (1, Gen.Choose(0, 95)))
        from end in Gen.Frequency((3, Gen.Choose(start + 1, Math.Max(start + 1, 17))), (1, Gen.Choose(start + 1, 96)))
        select (TimeSpan.FromMinutes(start * 15), TimeSpan.FromMinutes(end * 15));

    /// <summary>Options for a store in Berlin whose call and message windows open or close near the clock change.</summary>
    public static Gen<ContactOptions> NightOptions { get; } =
        from voice in NightWindow
        from message in NightWindow
        from gapHours in Gen.Choose(0, 96)
        select new ContactOptions
        {
            StoreTimeZone = "Europe/Berlin",
            MinimumGap = TimeSpan.FromHours(gapHours),
            VoiceFrom = voice.From,
            VoiceUntil = voice.Until,
            MessageFrom = message.From,
            MessageUntil = message.Until,
        };

    /// <summary>A request on or around one of Berlin's clock change nights in 2026, for a store (and customer) in Berlin.</summary>
    public static Gen<Scenario> ClockChangeScenario { get; } =
        from o in NightOptions
        from night in Gen.Elements(Instant.FromUtc(2026, 3, 29, 1, 0), Instant.FromUtc(2026, 10, 25, 1, 0))
        from offset in Gen.Choose(-30 * 60, 30 * 60)
        let now = night + Duration.FromMinutes(offset)
        from history in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Touch(now), n))
        from request in Request(now)
        from prefs in Gen.Frequency((3, Gen.Constant(default(ContactPreferences))), (1, Preferences.Select(p => p with { Zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"], GlobalOptOut = false })))
        select new Scenario(o, history, request with { Initiator = Initiator.Store, RequestedByCustomer = false }, prefs, false, now);

    public static Gen<ExemptTouches> Exempt { get; } =
        from n in Gen.Choose(1, 8)
        from touches in Gen.ArrayOf(
            from t in Touch(TouchBase)
            from kind in Gen.Choose(0, 3)
            select kind switch
            {
                0 => t with { Initiator = Initiator.Customer },
                1 => t with { Purpose = ContactPurpose.Urgent },
                2 => t with { Initiator = Initiator.Store, RequestedByCustomer = true },
                _ => t with { Purpose = ContactPurpose.Transactional },
            },
            n)
        select new ExemptTouches(touches);

    public static Gen<ExtraTouches> Extra { get; } =
        from n in Gen.Choose(1, 6)
        from touches in Gen.ArrayOf(Touch(TouchBase).Where(t => !(t.Channel == ContactChannel.Phone && t.Initiator == Initiator.Store && !t.RequestedByCustomer)), n)
        select new ExtraTouches(touches);

    // ---- the calendar ----

    public static Gen<PlannedTouch> Planned(int index, string[] customers, Instant now) =>
        from customer in Gen.Elements(customers)
        from department in Gen.Elements(Departments)
        from purpose in Gen.Frequency((8, Gen.Elements(ContactPurpose.ServiceFollowUp, ContactPurpose.Care, ContactPurpose.Recovery, ContactPurpose.Marketing)), (2, Gen.Elements(Purposes)))
        from channel in Gen.Elements(Channels)
        from priority in Gen.Choose(0, 5)
        from earliest in Gen.Frequency((1, MinutesBetween(-2 * 1440, 0)), (5, MinutesBetween(0, 20 * 1440)))
        from latestDays in Gen.Frequency((2, Gen.Choose(0, 3)), (3, Gen.Choose(0, 25)))
        from requested in OneIn(15)
        select new PlannedTouch(
            string.Create(CultureInfo.InvariantCulture, $"T{index:D3}"),
            customer,
            department,
            purpose,
            channel,
            priority,
            now + earliest,
            (now + earliest).InUtc().Date.PlusDays(latestDays),
            null,
            requested);

    public static Gen<CalendarBatch> Batch { get; } =
        from options in TimingOptions
        from now in Now
        from customerCount in Gen.Choose(1, 5)
        let ids = Enumerable.Range(0, customerCount).Select(i => "C" + i.ToString(CultureInfo.InvariantCulture)).ToArray()
        from n in Gen.Choose(0, 30)
        from touches in Gen.CollectToArray(Enumerable.Range(0, n), i => Planned(i, ids, now))
        from known in Gen.ArrayOf(Bool, customerCount)
        from histories in Gen.ArrayOf(Gen.Choose(0, 6).SelectMany(k => Gen.ArrayOf(Touch(now), k)), customerCount)
        from prefs in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(default(ContactPreferences))), (2, Preferences)), customerCount)
        from vips in Gen.ArrayOf(Bool, customerCount)
        select new CalendarBatch(
            options,
            touches,
            Enumerable.Range(0, customerCount).Where(i => known[i]).ToDictionary(i => ids[i], i => new CustomerContactState(histories[i], prefs[i], vips[i])),
            now);

    // ---- the cadence ----

    public static Gen<CadenceCustomer> CadenceCustomer { get; } =
        from today in Gen.Choose(0, 3650).Select(d => new LocalDate(2020, 1, 1).PlusDays(d))
        from days in WithEdges(Gen.Choose(0, 900), 0, 1, 179, 180, 181, 364, 365, 366)
        from score in Gen.Frequency((1, Gen.Constant<double?>(null)), (4, WithEdges(Gen.Choose(0, 10_000).Select(i => i / 100.0), 0, 79.99, 80, 100).Select(v => (double?)v)))
        from complaint in OneIn(4)
        select new CadenceCustomer(new FollowUpCustomer("c-" + days.ToString(CultureInfo.InvariantCulture), today.PlusDays(-days), score, complaint), today);

    // ---- options ----

    private static Gen<SegmentCadenceOptions> Segment { get; } =
        from every in Gen.Choose(1, 366)
        from channel in Gen.Elements(Channels)
        from owner in Gen.Elements(Enum.GetValues<StaffRole>())
        from purpose in Gen.Elements(Purposes)
        from priority in Gen.Choose(-5, 10)
        select new SegmentCadenceOptions { EveryDays = every, Channel = channel, Owner = owner, Purpose = purpose, Priority = priority };

    private static Gen<ContactOptions> Generated { get; } =
        from timing in RandomTiming
        from sleeping in Gen.Choose(1, 400)
        from lost in Gen.Choose(sleeping + 1, 800)
        from vipScore in Gen.Choose(0, 100)
        from touchTime in QuarterHour
        from afterService in Gen.Choose(0, 14)
        from segments in Gen.ArrayOf(Segment, 5)
        from answer in Gen.Choose(0, 100)
        from onTime in Gen.Choose(0, 100)
        from within in Gen.Choose(1, 14 * 24)
        from complaints in Gen.Choose(0, 10)
        select With(timing, o =>
        {
            o.Cadence = new CadenceOptions
            {
                SleepingAfterDays = sleeping,
                LostAfterDays = lost,
                VipValueScore = vipScore,
                TouchTimeOfDay = TimeSpan.FromTicks(touchTime.TickOfDay),
                AfterServiceDays = afterService,
                Vip = segments[0],
                Active = segments[1],
                Sleeping = segments[2],
                Lost = segments[3],
                Complaint = segments[4],
            };
            o.Kpis = new ContactKpiOptions
            {
                AnswerRateTarget = answer / 100.0,
                FollowUpOnTimeTarget = onTime / 100.0,
                FollowUpWithin = TimeSpan.FromHours(within),
                HarassmentComplaintsTarget = complaints,
            };
        });

    /// <summary>Valid options: now and then the defaults, otherwise anything the validator accepts.</summary>
    public static Gen<ContactOptions> Options { get; } =
        Gen.Frequency((1, Gen.Constant(0).Select(_ => new ContactOptions())), (9, Generated));

    private static ContactOptions With(ContactOptions o, Action<ContactOptions> change)
    {
        change(o);
        return o;
    }

    /// <summary>One way to break valid options: what it does, the option path the error must name, and the change.</summary>
    public static IReadOnlyList<(string What, string Path, Action<ContactOptions> Break)> Breakers { get; } =
    [
        ("store zone empty", "StoreTimeZone", o => o.StoreTimeZone = ""),
        ("store zone null", "StoreTimeZone", o => o.StoreTimeZone = null!),
        ("store zone unknown", "StoreTimeZone", o => o.StoreTimeZone = "Mars/Olympus_Mons"),
        ("store zone a Windows id", "StoreTimeZone", o => o.StoreTimeZone = "China Standard Time"),
        ("rolling window of zero", "RollingWindow", o => o.RollingWindow = TimeSpan.Zero),
        ("negative rolling window", "RollingWindow", o => o.RollingWindow = TimeSpan.FromDays(-30)),
        ("rolling window of a thousand years", "RollingWindow", o => o.RollingWindow = TimeSpan.FromDays(365_000)),
        ("rolling window as long as TimeSpan allows", "RollingWindow", o => o.RollingWindow = TimeSpan.MaxValue),
        ("ordinary cap of zero", "OrdinaryCap", o => o.OrdinaryCap = 0),
        ("negative ordinary cap", "OrdinaryCap", o => { o.OrdinaryCap = -3; o.VipCap = Math.Max(o.VipCap, 1); }),
        ("VIP cap below the ordinary cap", "VipCap", o => o.VipCap = o.OrdinaryCap - 1),
        ("negative gap", "MinimumGap", o => o.MinimumGap = TimeSpan.FromHours(-72)),
        ("gap as long as the window with an ordinary cap above 1", "MinimumGap", o => { o.OrdinaryCap = 3; o.VipCap = 5; o.MinimumGap = o.RollingWindow; }),
        ("gap as long as the window with only the VIP cap above 1", "MinimumGap", o => { o.OrdinaryCap = 1; o.VipCap = 5; o.MinimumGap = o.RollingWindow; }),
        ("gap as long as TimeSpan allows", "MinimumGap", o => { o.OrdinaryCap = 1; o.VipCap = 1; o.MinimumGap = TimeSpan.MaxValue; }),
        ("negative voice start", "VoiceFrom", o => o.VoiceFrom = TimeSpan.FromHours(-1)),
        ("voice end after 24:00", "VoiceUntil", o => o.VoiceUntil = TimeSpan.FromHours(25)),
        ("voice end equal to its start", "VoiceUntil", o => o.VoiceUntil = o.VoiceFrom),
        ("voice end before its start", "VoiceUntil", o => { o.VoiceFrom = TimeSpan.FromHours(21); o.VoiceUntil = TimeSpan.FromHours(8); }),
        ("negative message start", "MessageFrom", o => o.MessageFrom = TimeSpan.FromMinutes(-1)),
        ("message end after 24:00", "MessageUntil", o => o.MessageUntil = TimeSpan.FromDays(2)),
        ("message end before its start", "MessageUntil", o => { o.MessageFrom = TimeSpan.FromHours(22); o.MessageUntil = TimeSpan.FromHours(7); }),
        ("unanswered calls of zero", "UnansweredCallsForMessages", o => o.UnansweredCallsForMessages = 0),
        ("no fallback channel", "MessageFallbacks", o => o.MessageFallbacks = ContactChannels.None),
        ("phone as a message fallback", "MessageFallbacks", o => o.MessageFallbacks = ContactChannels.Sms | ContactChannels.Phone),
        ("home visit as a message fallback", "MessageFallbacks", o => o.MessageFallbacks = ContactChannels.HomeVisit),
        ("an undefined fallback bit", "MessageFallbacks", o => o.MessageFallbacks = (ContactChannels)128),
        ("no cadence", "Cadence", o => o.Cadence = null!),
        ("sleeping after 0 days", "Cadence.SleepingAfterDays", o => o.Cadence.SleepingAfterDays = 0),
        ("lost equal to sleeping", "Cadence.LostAfterDays", o => o.Cadence.LostAfterDays = o.Cadence.SleepingAfterDays),
        ("lost before sleeping", "Cadence.LostAfterDays", o => o.Cadence.LostAfterDays = o.Cadence.SleepingAfterDays - 1),
        ("VIP score above 100", "Cadence.VipValueScore", o => o.Cadence.VipValueScore = 100.5),
        ("negative VIP score", "Cadence.VipValueScore", o => o.Cadence.VipValueScore = -1),
        ("VIP score NaN", "Cadence.VipValueScore", o => o.Cadence.VipValueScore = double.NaN),
        ("touch time at 24:00", "Cadence.TouchTimeOfDay", o => o.Cadence.TouchTimeOfDay = TimeSpan.FromHours(24)),
        ("negative touch time", "Cadence.TouchTimeOfDay", o => o.Cadence.TouchTimeOfDay = TimeSpan.FromHours(-2)),
        ("negative after-service days", "Cadence.AfterServiceDays", o => o.Cadence.AfterServiceDays = -1),
        ("after-service follow-up millions of days later", "Cadence.AfterServiceDays", o => o.Cadence.AfterServiceDays = int.MaxValue),
        ("no VIP cadence", "Cadence.Vip", o => o.Cadence.Vip = null!),
        ("no complaint cadence", "Cadence.Complaint", o => o.Cadence.Complaint = null!),
        ("VIP every 0 days", "Cadence.Vip.EveryDays", o => o.Cadence.Vip.EveryDays = 0),
        ("active every -7 days", "Cadence.Active.EveryDays", o => o.Cadence.Active.EveryDays = -7),
        ("lost every int.MaxValue days", "Cadence.Lost.EveryDays", o => o.Cadence.Lost.EveryDays = int.MaxValue),
        ("sleeping on an undefined channel", "Cadence.Sleeping.Channel", o => o.Cadence.Sleeping.Channel = (ContactChannel)42),
        ("lost owned by an undefined role", "Cadence.Lost.Owner", o => o.Cadence.Lost.Owner = (StaffRole)(-1)),
        ("complaint with an undefined purpose", "Cadence.Complaint.Purpose", o => o.Cadence.Complaint.Purpose = (ContactPurpose)9),
        ("no KPI targets", "Kpis", o => o.Kpis = null!),
        ("answer rate target above 1", "Kpis.AnswerRateTarget", o => o.Kpis.AnswerRateTarget = 75),
        ("negative answer rate target", "Kpis.AnswerRateTarget", o => o.Kpis.AnswerRateTarget = -0.1),
        ("answer rate target NaN", "Kpis.AnswerRateTarget", o => o.Kpis.AnswerRateTarget = double.NaN),
        ("on-time target above 1", "Kpis.FollowUpOnTimeTarget", o => o.Kpis.FollowUpOnTimeTarget = 1.01),
        ("follow-up window of zero", "Kpis.FollowUpWithin", o => o.Kpis.FollowUpWithin = TimeSpan.Zero),
        ("negative harassment target", "Kpis.HarassmentComplaintsTarget", o => o.Kpis.HarassmentComplaintsTarget = -1),
    ];

    public static Gen<BrokenOptions> Broken { get; } =
        from options in Options
        from i in Gen.Choose(0, Breakers.Count - 1)
        select Break(options, Breakers[i]);

    private static BrokenOptions Break(ContactOptions o, (string What, string Path, Action<ContactOptions> Break) b)
    {
        b.Break(o);
        return new BrokenOptions(o, b.Path, b.What);
    }

    // ---- display ----

    public static string Show(PastTouch t) =>
        $"{t.At} {t.Channel} {t.Purpose}{(t.Initiator == Initiator.Customer ? " by customer" : "")} {t.Outcome}{(t.RequestedByCustomer ? " requested" : "")}";

    public static string Show(ContactRequest r) =>
        $"{r.Purpose} by {r.Channel} at {r.DesiredAt}{(r.Initiator == Initiator.Customer ? " by customer" : "")}{(r.RequestedByCustomer ? " requested" : "")}";

    public static string Show(ContactPreferences p) =>
        $"zone {p.Zone?.Id ?? "store"}, dnd {p.DoNotDisturb} {p.AllowedFrom:HH:mm}-{p.AllowedUntil:HH:mm}, opted out {p.OptedOut}, global {p.GlobalOptOut}, prefers messages {p.PrefersMessages}";

    public static string Show(PlannedTouch t) =>
        $"{t.Id} {t.CustomerId} {t.Department} {t.Purpose} {t.Channel} p{t.Priority} {t.Earliest}..{t.LatestDate:uuuu-MM-dd}{(t.RequestedByCustomer ? " requested" : "")}";

    public static string ShowTiming(ContactOptions o) =>
        $"{o.StoreTimeZone} caps {o.OrdinaryCap}/{o.VipCap} per {o.RollingWindow}, gap {o.MinimumGap}, voice {o.VoiceFrom}-{o.VoiceUntil}, messages {o.MessageFrom}-{o.MessageUntil}, unanswered {o.UnansweredCallsForMessages}, fallbacks {o.MessageFallbacks}, transactional exempt {o.TransactionalExempt}";
}

/// <summary>The arbitraries the properties use, registered with <c>[Properties(Arbitrary = ...)]</c>.</summary>
public static class Arbitraries
{
    public static Arbitrary<Scenario> Scenario() => Arb.From(Gens.Scenario(Gens.TimingOptions));

    public static Arbitrary<ExemptTouches> ExemptTouches() => Arb.From(Gens.Exempt);

    public static Arbitrary<ExtraTouches> ExtraTouches() => Arb.From(Gens.Extra);

    public static Arbitrary<CalendarBatch> CalendarBatch() => Arb.From(Gens.Batch);

    public static Arbitrary<CadenceCustomer> CadenceCustomer() => Arb.From(Gens.CadenceCustomer);

    public static Arbitrary<ValidOptions> ValidOptions() => Arb.From(Gens.Options.Select(o => new ValidOptions(o)));

    public static Arbitrary<BrokenOptions> BrokenOptions() => Arb.From(Gens.Broken);
}

/// <summary>Scenarios on Berlin's clock change nights, with windows that open or close near the change.</summary>
public static class ClockChangeArbitraries
{
    public static Arbitrary<Scenario> Scenario() => Arb.From(Gens.ClockChangeScenario);
}

/// <summary>Like <see cref="Arbitraries"/>, but every scenario's request is an ordinary proactive one.</summary>
public static class OrdinaryArbitraries
{
    public static Arbitrary<Scenario> Scenario() => Arb.From(Gens.Scenario(Gens.TimingOptions, ordinaryRequest: true));

    public static Arbitrary<ExemptTouches> ExemptTouches() => Arb.From(Gens.Exempt);

    public static Arbitrary<ExtraTouches> ExtraTouches() => Arb.From(Gens.Extra);
}
