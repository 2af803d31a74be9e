using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using Retention.Contact;

namespace Retention.Benchmarks;

/// <summary>
/// Deterministic contact data (fixed seed) in the two shapes the benchmarks read: the library's
/// values and the classes an app would keep. Customers: 20 % VIP, 3 % in Europe/Berlin (a zone with
/// daylight saving; the rest use the store's Asia/Shanghai), 10 % no marketing, 5 % own allowed
/// hours (10:00-18:00), 1 % urgent only, 2 % global opt-out, 5 % / 3 % opted out of SMS / WeChat,
/// 3 % prefer messages. Histories mix store and customer contacts, every purpose and channel, with
/// unanswered, refused and failed calls.
/// </summary>
internal sealed class ContactData
{
    public const int Seed = 20260702;

    /// <summary>"Now" for every decision and plan: 2026-06-30 10:00 in the store's zone (Asia/Shanghai).</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 6, 30, 2, 0);

    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static readonly (ContactPurpose Value, double Share)[] HistoryPurposes =
        [(ContactPurpose.ServiceFollowUp, 0.25), (ContactPurpose.Care, 0.20), (ContactPurpose.Recovery, 0.05), (ContactPurpose.Marketing, 0.20), (ContactPurpose.Urgent, 0.05), (ContactPurpose.Transactional, 0.25)];

    private static readonly (ContactPurpose Value, double Share)[] RequestPurposes =
        [(ContactPurpose.ServiceFollowUp, 0.30), (ContactPurpose.Care, 0.20), (ContactPurpose.Recovery, 0.10), (ContactPurpose.Marketing, 0.25), (ContactPurpose.Urgent, 0.05), (ContactPurpose.Transactional, 0.10)];

    private static readonly (ContactChannel Value, double Share)[] HistoryChannels =
        [(ContactChannel.Phone, 0.35), (ContactChannel.Sms, 0.30), (ContactChannel.WeChat, 0.20), (ContactChannel.AppPush, 0.05), (ContactChannel.Email, 0.05), (ContactChannel.HomeVisit, 0.05)];

    private static readonly (ContactChannel Value, double Share)[] RequestChannels =
        [(ContactChannel.Phone, 0.45), (ContactChannel.Sms, 0.30), (ContactChannel.WeChat, 0.18), (ContactChannel.AppPush, 0.03), (ContactChannel.Email, 0.02), (ContactChannel.HomeVisit, 0.02)];

    private static readonly (TouchOutcome Value, double Share)[] CallOutcomes =
        [(TouchOutcome.Answered, 0.60), (TouchOutcome.NoAnswer, 0.30), (TouchOutcome.Refused, 0.05), (TouchOutcome.Failed, 0.05)];

    private static readonly (TouchOutcome Value, double Share)[] MessageOutcomes =
        [(TouchOutcome.Delivered, 0.90), (TouchOutcome.Failed, 0.10)];

    private static readonly string[] Departments = ["service", "sales", "insurance", "marketing"];

    private ContactData()
    {
    }

    // Decisions: one request per customer, each customer with its own history.

    public ContactRequest[] Requests { get; private set; } = [];

    public PastTouch[][] Histories { get; private set; } = [];

    public ContactPreferences[] Preferences { get; private set; } = [];

    public bool[] IsVip { get; private set; } = [];

    public NaiveContactRequest[] NaiveRequests { get; private set; } = [];

    public NaiveContactCustomer[] NaiveCustomers { get; private set; } = [];

    // Calendar: planned touches of every department, for many customers, in no particular order.

    public PlannedTouch[] Touches { get; private set; } = [];

    public Dictionary<string, CustomerContactState> Customers { get; private set; } = new();

    public List<NaivePlannedTouch> NaiveTouches { get; private set; } = new();

    public Dictionary<string, NaiveContactCustomer> NaiveCustomersById { get; private set; } = new();

    /// <summary><paramref name="customers"/> customers with <paramref name="historyLength"/> past touches each over the last year, and one request each in the next 72 hours.</summary>
    public static ContactData ForDecisions(int customers, int historyLength)
    {
        var rng = new Random(Seed);
        var data = new ContactData
        {
            Requests = new ContactRequest[customers],
            Histories = new PastTouch[customers][],
            Preferences = new ContactPreferences[customers],
            IsVip = new bool[customers],
            NaiveRequests = new NaiveContactRequest[customers],
            NaiveCustomers = new NaiveContactCustomer[customers],
        };
        for (int i = 0; i < customers; i++)
        {
            var (state, naive) = Customer(rng, Id("C", i), historyLength, Duration.FromDays(365));
            data.Histories[i] = (PastTouch[])state.History;
            data.Preferences[i] = state.Preferences;
            data.IsVip[i] = state.IsVip;
            data.NaiveCustomers[i] = naive;

            var purpose = Pick(rng, RequestPurposes);
            var channel = Pick(rng, RequestChannels);
            var desired = Now + Duration.FromMinutes(rng.Next(0, 72 * 60));
            bool requested = rng.NextDouble() < 0.03;
            data.Requests[i] = new ContactRequest(purpose, channel, desired, Initiator.Store, requested);
            data.NaiveRequests[i] = new NaiveContactRequest
            {
                Purpose = purpose.ToString(),
                Channel = channel.ToString(),
                DesiredUtc = desired.ToDateTimeUtc(),
                RequestedByCustomer = requested,
            };
        }

        return data;
    }

    /// <summary>
    /// <paramref name="touches"/> planned touches for <paramref name="customers"/> customers (every customer at least
    /// one, the rest spread at random), each customer with 0-8 past touches in the last 45 days. Touches start in the
    /// next three weeks at any minute of the day (some in quiet hours) and may move by 0-30 days.
    /// </summary>
    /// <param name="customers">How many customers.</param>
    /// <param name="touches">How many planned touches.</param>
    /// <param name="naive">
    /// <see langword="false"/> to keep the library's values, <see langword="true"/> to keep the app's classes: the same
    /// data either way, but only one shape stays alive, so that the collector of one benchmark does not walk the other's heap.
    /// </param>
    public static ContactData ForCalendar(int customers, int touches, bool naive)
    {
        var rng = new Random(Seed + 1);
        var data = new ContactData
        {
            Touches = new PlannedTouch[touches],
            Customers = new Dictionary<string, CustomerContactState>(customers, StringComparer.Ordinal),
            NaiveTouches = new List<NaivePlannedTouch>(touches),
            NaiveCustomersById = new Dictionary<string, NaiveContactCustomer>(customers, StringComparer.Ordinal),
        };
        var ids = new string[customers];
        for (int c = 0; c < customers; c++)
        {
            ids[c] = Id("C", c);
            var (state, naiveCustomer) = Customer(rng, ids[c], rng.Next(0, 9), Duration.FromDays(45));
            data.Customers.Add(ids[c], state);
            data.NaiveCustomersById.Add(ids[c], naiveCustomer);
        }

        // Every customer gets one touch, the rest go to random customers; then the batch is shuffled.
        var owner = new int[touches];
        for (int i = 0; i < touches; i++)
        {
            owner[i] = i < customers ? i : rng.Next(customers);
        }

        rng.Shuffle(owner);
        for (int i = 0; i < touches; i++)
        {
            string customerId = ids[owner[i]];
            string department = Departments[rng.Next(Departments.Length)];
            var purpose = department switch
            {
                "marketing" => ContactPurpose.Marketing,
                "sales" => rng.NextDouble() < 0.6 ? ContactPurpose.Marketing : ContactPurpose.Care,
                "insurance" => rng.NextDouble() < 0.5 ? ContactPurpose.Marketing : ContactPurpose.ServiceFollowUp,
                _ => Pick(rng, [(ContactPurpose.ServiceFollowUp, 0.5), (ContactPurpose.Care, 0.2), (ContactPurpose.Recovery, 0.1), (ContactPurpose.Transactional, 0.15), (ContactPurpose.Urgent, 0.05)]),
            };
            var channel = Pick(rng, RequestChannels);
            int priority = purpose switch
            {
                ContactPurpose.Urgent => 9,
                ContactPurpose.Transactional => 7,
                ContactPurpose.ServiceFollowUp => 5,
                ContactPurpose.Recovery => 4,
                ContactPurpose.Care => 3,
                _ => 1,
            } + rng.Next(0, 3);
            var earliest = Now + Duration.FromMinutes(rng.Next(0, 21 * 24 * 60));
            var latest = earliest.InZone(Shanghai).Date.PlusDays(rng.Next(0, 31));
            bool requested = rng.NextDouble() < 0.02;
            string id = Id("T", i);
            data.Touches[i] = new PlannedTouch(id, customerId, department, purpose, channel, priority, earliest, latest, null, requested);
            data.NaiveTouches.Add(new NaivePlannedTouch
            {
                Id = id,
                CustomerId = customerId,
                Purpose = purpose.ToString(),
                Channel = channel.ToString(),
                Priority = priority,
                EarliestUtc = earliest.ToDateTimeUtc(),
                LatestDate = latest.ToDateTimeUnspecified(),
                RequestedByCustomer = requested,
            });
        }

        if (naive)
        {
            data.Touches = [];
            data.Customers = new();
        }
        else
        {
            data.NaiveTouches = new();
            data.NaiveCustomersById = new();
        }

        return data;
    }

    private static (CustomerContactState State, NaiveContactCustomer Naive) Customer(Random rng, string id, int historyLength, Duration span)
    {
        bool berlin = rng.NextDouble() < 0.03;
        double dnd = rng.NextDouble();
        bool noMarketing = dnd < 0.10;
        bool ownHours = dnd is >= 0.10 and < 0.15;
        bool urgentOnly = dnd is >= 0.15 and < 0.16;
        bool globalOptOut = rng.NextDouble() < 0.02;
        bool noSms = rng.NextDouble() < 0.05;
        bool noWeChat = rng.NextDouble() < 0.03;
        bool prefersMessages = rng.NextDouble() < 0.03;
        bool vip = rng.NextDouble() < 0.20;

        var preferences = new ContactPreferences
        {
            Zone = berlin ? Berlin : null,
            DoNotDisturb = (noMarketing ? DoNotDisturb.NoMarketing : DoNotDisturb.None)
                | (ownHours ? DoNotDisturb.AllowedHours : DoNotDisturb.None)
                | (urgentOnly ? DoNotDisturb.UrgentOnly : DoNotDisturb.None),
            AllowedFrom = ownHours ? new LocalTime(10, 0) : default,
            AllowedUntil = ownHours ? new LocalTime(18, 0) : default,
            OptedOut = (noSms ? ContactChannels.Sms : ContactChannels.None) | (noWeChat ? ContactChannels.WeChat : ContactChannels.None),
            GlobalOptOut = globalOptOut,
            PrefersMessages = prefersMessages,
        };
        var naive = new NaiveContactCustomer
        {
            Id = id,
            IsVip = vip,
            GlobalOptOut = globalOptOut,
            UrgentOnly = urgentOnly,
            NoMarketing = noMarketing,
            PrefersMessages = prefersMessages,
            TimeZoneId = berlin ? "Europe/Berlin" : "Asia/Shanghai",
            AllowedFrom = ownHours ? TimeSpan.FromHours(10) : null,
            AllowedUntil = ownHours ? TimeSpan.FromHours(18) : null,
        };
        if (noSms)
        {
            naive.OptedOutChannels.Add("Sms");
        }

        if (noWeChat)
        {
            naive.OptedOutChannels.Add("WeChat");
        }

        var history = new PastTouch[historyLength];
        long spanMinutes = (long)span.TotalMinutes;
        for (int k = 0; k < historyLength; k++)
        {
            var at = Now - Duration.FromMinutes(rng.NextInt64(1, spanMinutes));
            bool byCustomer = rng.NextDouble() < 0.15;
            var purpose = Pick(rng, HistoryPurposes);
            var channel = Pick(rng, HistoryChannels);
            var outcome = channel.IsVoice() ? Pick(rng, CallOutcomes) : Pick(rng, MessageOutcomes);
            bool requested = !byCustomer && rng.NextDouble() < 0.05;
            history[k] = new PastTouch(at, channel, purpose, byCustomer ? Initiator.Customer : Initiator.Store, outcome, requested);
            naive.History.Add(new NaiveTouch
            {
                AtUtc = at.ToDateTimeUtc(),
                Channel = channel.ToString(),
                Purpose = purpose.ToString(),
                ByCustomer = byCustomer,
                RequestedByCustomer = requested,
                Outcome = outcome.ToString(),
            });
        }

        return (new CustomerContactState(history, preferences, vip), naive);
    }

    private static string Id(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D7}");

    private static T Pick<T>(Random rng, (T Value, double Share)[] shares)
    {
        double u = rng.NextDouble();
        foreach (var (value, share) in shares)
        {
            if (u < share)
            {
                return value;
            }

            u -= share;
        }

        return shares[^1].Value;
    }
}
