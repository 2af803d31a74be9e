using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using Retention.Contact;
using Retention.Samples.DealerDay.Customers;
using Retention.Samples.DealerDay.Report;
using Retention.Scoring;
using LocalizedText = Retention.Scoring.LocalizedText;
using ScoringRole = Retention.Scoring.StaffRole;
using StaffRole = Retention.Contact.StaffRole;

namespace Retention.Samples.DealerDay.Contacts;

/// <summary>Who planned a touch. The calendar keeps the department as text; the sample's departments are these.</summary>
internal enum Department
{
    /// <summary>The follow-up cadence by segment (the library's <see cref="FollowUpCadence"/>).</summary>
    FollowUp,

    /// <summary>The recovery decisions of the scoring.</summary>
    Recovery,

    /// <summary>This week's marketing campaign.</summary>
    Marketing,
}

/// <summary>One segment of the follow-up cadence this week.</summary>
/// <param name="Cadence">The segment's cadence from the library.</param>
/// <param name="Customers">Scored customers in the segment on the as-of date.</param>
/// <param name="Due">Of them, customers whose next cadence touch falls in the week.</param>
internal sealed record SegmentWeek(SegmentCadence Cadence, int Customers, int Due);

/// <summary>
/// The week's contact plan, computed with Retention.Contact: every scored customer gets a segment
/// and the touches of its cadence that fall due this week (phased by the contact history), the
/// recovery touches the scoring recommends are added, marketing adds its campaign, and the contact
/// calendar plans them all against each customer's history and preferences.
/// </summary>
internal sealed class ContactWeek
{
    /// <summary>Cadence and recovery touches are planned at this local time (the library's default cadence time).</summary>
    public static readonly LocalTime TouchTime = new(10, 0);

    /// <summary>The marketing campaign's SMS goes out on the fourth day of the week (as-of + 3) ...</summary>
    public const int CampaignDay = 3;

    /// <summary>... at this time, in the store's zone.</summary>
    public static readonly LocalTime CampaignTime = new(8, 30);

    private ContactWeek(string historyPath, string preferencesPath, HistoryFile? history, PreferencesFile? preferences)
    {
        HistoryPath = historyPath;
        PreferencesPath = preferencesPath;
        History = history;
        Preferences = preferences;
    }

    public string HistoryPath { get; }

    public string PreferencesPath { get; }

    /// <summary>The contact history; <see langword="null"/> when there is none next to the customer file.</summary>
    public HistoryFile? History { get; }

    /// <summary>The contact preferences; <see langword="null"/> when there are none next to the customer file.</summary>
    public PreferencesFile? Preferences { get; }

    /// <summary>History rows skipped, by line.</summary>
    public IReadOnlyList<BadRow> HistoryBadRows { get; private init; } = [];

    /// <summary>Preference rows skipped, by line.</summary>
    public IReadOnlyList<BadRow> PreferencesBadRows { get; private init; } = [];

    /// <summary>The segments, most specific first.</summary>
    public IReadOnlyList<SegmentWeek> Segments { get; private init; } = [];

    /// <summary>Every touch planned for the week, by every department.</summary>
    public IReadOnlyList<PlannedTouch> Planned { get; private init; } = [];

    /// <summary>The calendar's plan.</summary>
    public ContactPlan Plan { get; private init; } = new([], []);

    /// <summary>Customers with a time zone of their own (not the store's).</summary>
    public IReadOnlyDictionary<string, DateTimeZone> CustomerZones { get; private init; } = new Dictionary<string, DateTimeZone>();

    /// <summary>What the calendar knows of each scored customer: history, preferences, VIP.</summary>
    public IReadOnlyDictionary<string, CustomerContactState> States { get; private init; } = new Dictionary<string, CustomerContactState>();

    /// <summary>History rows that were used (known customers).</summary>
    public int HistoryUsed { get; private init; }

    /// <summary>Customers with preferences that were used (known customers).</summary>
    public int PreferencesUsed { get; private init; }

    /// <summary>The department of a touch this sample planned.</summary>
    public static Department DepartmentOf(PlannedTouch touch) =>
        touch.Department.StartsWith("recovery", StringComparison.Ordinal) ? Department.Recovery
        : touch.Department.StartsWith("marketing", StringComparison.Ordinal) ? Department.Marketing
        : Department.FollowUp;

    /// <summary>What a touch is, in words: the department and the cadence segment, recovery verdict or campaign.</summary>
    public static LocalizedText Describe(PlannedTouch touch)
    {
        var department = Labels.Of(DepartmentOf(touch));
        string detail = touch.Department[(touch.Department.IndexOf(':', StringComparison.Ordinal) + 1)..];
        LocalizedText? what = DepartmentOf(touch) switch
        {
            Department.FollowUp when Enum.TryParse<CustomerSegment>(detail, out var segment) => Labels.Of(segment),
            Department.Recovery when Enum.TryParse<RecoveryVerdict>(detail, out var verdict) && verdict != RecoveryVerdict.Recover => Labels.Of(verdict),
            Department.Marketing => new("冬季检查活动", "winter check-up campaign"),
            _ => null,
        };
        return what is LocalizedText w ? new($"{department.ZhCn}（{w.ZhCn}）", $"{department.En} ({w.En})") : department;
    }

    /// <summary>Plans the week.</summary>
    /// <param name="report">The scored customers and their recovery decisions.</param>
    /// <param name="openComplaints">Customers with an open complaint, with when they complained (from the survey).</param>
    /// <param name="history">The contact history, or <see langword="null"/>.</param>
    /// <param name="historyPath">Where the history was read or looked for.</param>
    /// <param name="preferences">The contact preferences, or <see langword="null"/>.</param>
    /// <param name="preferencesPath">Where the preferences were read or looked for.</param>
    /// <param name="knownCustomers">Every customer id in the customer file.</param>
    /// <param name="clock">The report moment and the store's zone.</param>
    public static ContactWeek Build(
        DealerDayReport report, IReadOnlyDictionary<string, Instant> openComplaints, HistoryFile? history, string historyPath,
        PreferencesFile? preferences, string preferencesPath, IReadOnlySet<string> knownCustomers, StoreClock clock,
        FollowUpCadence cadence, ContactCalendar calendar)
    {
        // 1. History and preferences of customers in the customer file; rows about others are skipped.
        var historyBad = new List<BadRow>(history?.BadRows ?? []);
        var pastByCustomer = new Dictionary<string, List<PastTouch>>(StringComparer.Ordinal);
        int historyUsed = 0;
        foreach (var h in history?.Rows ?? [])
        {
            if (!knownCustomers.Contains(h.CustomerId))
            {
                historyBad.Add(new BadRow(h.Line, h.CustomerId, ContactCsv.History.CustomerId, NotACustomer));
                continue;
            }

            if (!pastByCustomer.TryGetValue(h.CustomerId, out var list))
            {
                pastByCustomer[h.CustomerId] = list = [];
            }

            list.Add(h.Touch);
            historyUsed++;
        }

        var preferencesBad = new List<BadRow>(preferences?.BadRows ?? []);
        var preferencesOf = new Dictionary<string, ContactPreferences>(StringComparer.Ordinal);
        foreach (var p in preferences?.Rows ?? [])
        {
            if (knownCustomers.Contains(p.CustomerId))
            {
                preferencesOf[p.CustomerId] = p.Preferences;
            }
            else
            {
                preferencesBad.Add(new BadRow(p.Line, p.CustomerId, ContactCsv.Preferences.CustomerId, NotACustomer));
            }
        }

        historyBad.Sort((a, b) => a.Line.CompareTo(b.Line));
        preferencesBad.Sort((a, b) => a.Line.CompareTo(b.Line));

        // 2. What the calendar knows of each scored customer.
        var states = new Dictionary<string, CustomerContactState>(StringComparer.Ordinal);
        foreach (var c in report.Customers)
        {
            string id = c.Row.CustomerId;
            states[id] = new CustomerContactState(
                pastByCustomer.TryGetValue(id, out var past) ? past : [],
                preferencesOf.GetValueOrDefault(id),
                c.Decision.Value.IsVip);
        }

        // 3. The follow-up cadence: a segment for everyone, the touches that fall due this week.
        var planned = new List<PlannedTouch>();
        var customers = new Dictionary<CustomerSegment, int>();
        var due = new Dictionary<CustomerSegment, int>();
        foreach (var c in report.Customers)
        {
            string id = c.Row.CustomerId;
            bool complaint = openComplaints.TryGetValue(id, out var complainedAt);
            var customer = new FollowUpCustomer(id, c.Row.Signals.LastVisit, c.Decision.Value.ValueScore, complaint);
            var segment = cadence.SegmentOf(customer, clock.AsOf);
            customers[segment] = customers.GetValueOrDefault(segment) + 1;

            var next = NextDue(customer, segment, cadence.CadenceOf(segment), complainedAt, states[id].History, clock);
            if (next <= clock.WeekEnd)
            {
                var from = next < clock.AsOf ? clock.AsOf : next;
                planned.AddRange(cadence.Plan(customer, from, clock.WeekEnd, states[id].Preferences.Zone));
                due[segment] = due.GetValueOrDefault(segment) + 1;
            }
        }

        // 4. The recovery touches the scoring recommends, with its owner and response window.
        foreach (var c in report.Customers.Where(c => c.Decision.Recovers))
        {
            var d = c.Decision;
            string id = c.Row.CustomerId;
            var zone = states[id].Preferences.Zone ?? clock.Zone;
            var earliest = clock.AsOf.At(TouchTime).InZoneLeniently(zone).ToInstant();
            var latest = clock.DateOf(clock.Now + (d.RespondWithin ?? Duration.FromDays(StoreClock.WeekDays - 1)));
            planned.Add(new PlannedTouch(
                Id(id, "recovery", clock.AsOf), id, "recovery:" + d.Verdict, ContactPurpose.Recovery, ChannelOf(d.Channels),
                PriorityOf(d.Verdict), earliest, latest < clock.AsOf ? clock.AsOf : latest, d.Owner is ScoringRole owner ? RoleOf(owner) : null));
        }

        // 5. Marketing's campaign: a winter check-up SMS to everyone not lost and without an open complaint.
        var campaignDay = clock.AsOf.PlusDays(CampaignDay);
        foreach (var c in report.Customers)
        {
            string id = c.Row.CustomerId;
            if (openComplaints.ContainsKey(id) || c.Risk.Stage == ChurnStage.Lost)
            {
                continue;
            }

            var sendAt = campaignDay.At(CampaignTime).InZoneLeniently(clock.Zone).ToInstant(); // one blast, in the store's time
            planned.Add(new PlannedTouch(Id(id, "marketing", campaignDay), id, "marketing:winter-check", ContactPurpose.Marketing, ContactChannel.Sms, 0, sendAt, clock.WeekEnd));
        }

        // 6. One calendar for every department.
        var plan = calendar.Plan(planned, states, clock.Now);
        var order = Enum.GetValues<CustomerSegment>().Reverse();
        return new ContactWeek(historyPath, preferencesPath, history, preferences)
        {
            HistoryBadRows = historyBad,
            PreferencesBadRows = preferencesBad,
            Segments = order.Select(s => new SegmentWeek(cadence.CadenceOf(s), customers.GetValueOrDefault(s), due.GetValueOrDefault(s))).ToList(),
            Planned = planned,
            Plan = plan,
            States = states,
            HistoryUsed = historyUsed,
            PreferencesUsed = preferencesOf.Count,
            CustomerZones = preferencesOf.Where(p => p.Value.Zone is not null && p.Value.Zone != clock.Zone)
                .ToDictionary(p => p.Key, p => p.Value.Zone!, StringComparer.Ordinal),
        };
    }

    private static readonly LocalizedText NotACustomer = new("客户文件中没有此客户", "this customer is not in the customer file");

    /// <summary>
    /// The next cadence day: the segment's interval after the later of the last visit and the last
    /// store touch with the cadence's purpose. A complaint is called first right away, then weekly.
    /// </summary>
    private static LocalDate NextDue(in FollowUpCustomer customer, CustomerSegment segment, SegmentCadence cadence, Instant complainedAt, IReadOnlyList<PastTouch> history, StoreClock clock)
    {
        var since = segment == CustomerSegment.Complaint ? complainedAt : Instant.MinValue;
        var last = history
            .Where(t => t.Initiator == Initiator.Store && t.Purpose == cadence.Purpose && t.Outcome != TouchOutcome.Failed && t.At >= since && t.At <= clock.Now)
            .Select(t => (Instant?)t.At)
            .Max();
        if (segment == CustomerSegment.Complaint)
        {
            return last is Instant called ? clock.DateOf(called).PlusDays(cadence.EveryDays) : clock.AsOf;
        }

        var anchor = last is Instant touched && clock.DateOf(touched) > customer.LastVisit ? clock.DateOf(touched) : customer.LastVisit;
        return anchor.PlusDays(cadence.EveryDays);
    }

    // The first channel of the recommendation, the most personal first: a home visit starts with a call.
    private static ContactChannel ChannelOf(RecoveryChannels channels) =>
        channels.HasFlag(RecoveryChannels.Phone) || channels.HasFlag(RecoveryChannels.HomeVisit) ? ContactChannel.Phone
        : channels.HasFlag(RecoveryChannels.WeChat) ? ContactChannel.WeChat
        : channels.HasFlag(RecoveryChannels.Sms) ? ContactChannel.Sms
        : ContactChannel.AppPush;

    // Above routine cadence touches (VIP care 3) for the red-tier and deep-churn decisions; automated nudges last.
    private static int PriorityOf(RecoveryVerdict verdict) => verdict switch
    {
        RecoveryVerdict.AutomatedOnly => 1,
        RecoveryVerdict.Recover => 3,
        _ => 4,
    };

    // Retention.Scoring and Retention.Contact each define the same roles.
    private static StaffRole RoleOf(ScoringRole role) => role switch
    {
        ScoringRole.ServiceAdvisor => StaffRole.ServiceAdvisor,
        ScoringRole.CustomerServiceSupervisor => StaffRole.CustomerServiceSupervisor,
        ScoringRole.ServiceManager => StaffRole.ServiceManager,
        ScoringRole.StoreManager => StaffRole.StoreManager,
        ScoringRole.GeneralManager => StaffRole.GeneralManager,
        _ => StaffRole.RegionalManager,
    };

    private static string Id(string customerId, string kind, LocalDate day) => string.Create(CultureInfo.InvariantCulture, $"{customerId}/{kind}/{day:yyyy-MM-dd}");
}
