using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using Retention.Contact;
using Retention.Samples.DealerDay.Customers;
using Retention.Samples.DealerDay.Files;
using Retention.Samples.DealerDay.Report;
using Retention.Samples.DealerDay.Survey;

namespace Retention.Samples.DealerDay.Contacts;

/// <summary>
/// Writes the bundled contact history (the last 200 days of every department's touches) and contact
/// preferences, consistent with the generated customers and survey answers, plus a few deliberately
/// bad rows. Deterministic like <see cref="SyntheticCustomers"/>: own seeds, integer and basic
/// floating-point arithmetic, invariant formatting.
/// </summary>
internal static class SyntheticContacts
{
    /// <summary>The seed of the bundled contact history (the customer seed + 2).</summary>
    public const ulong HistorySeed = SyntheticCustomers.Seed + 2;

    /// <summary>The seed of the bundled contact preferences (the customer seed + 3).</summary>
    public const ulong PreferencesSeed = SyntheticCustomers.Seed + 3;

    /// <summary>How far back the history goes: enough for the half-yearly cadence of lost customers.</summary>
    public const int HistoryDays = 200;

    /// <summary>Writes both files (UTF-8 without byte order mark, LF line ends).</summary>
    /// <returns>The number of data rows written to each, bad rows included.</returns>
    public static (int History, int Preferences) Write(
        string historyPath, string preferencesPath, IReadOnlyList<CustomerRow> customers, IReadOnlyList<GeneratedAnswer> answers, LocalDate asOf, DateTimeZone zone)
    {
        var history = HistoryLines(customers, answers, asOf, zone);
        var preferences = PreferenceLines(customers);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(historyPath, string.Join('\n', history) + "\n", utf8);
        File.WriteAllText(preferencesPath, string.Join('\n', preferences) + "\n", utf8);
        return (history.Count - 1, preferences.Count - 1);
    }

    /// <summary>The header and every row of the contact history, by time.</summary>
    public static IReadOnlyList<string> HistoryLines(IReadOnlyList<CustomerRow> customers, IReadOnlyList<GeneratedAnswer> answers, LocalDate asOf, DateTimeZone zone)
    {
        var r = new SplitMix64(HistorySeed);
        var moment = new StoreClock(zone, asOf).Now;
        var start = moment - Duration.FromDays(HistoryDays);
        var vip = TopSpenders(customers, 0.2);
        var touches = new List<(Instant At, string CustomerId, string Line)>();

        void Add(string id, Instant at, ContactChannel channel, ContactPurpose purpose, Initiator initiator = Initiator.Store, TouchOutcome outcome = TouchOutcome.Delivered, bool requested = false)
        {
            if (at >= start && at < moment)
            {
                touches.Add((at, id, string.Join(',', id, CsvFormats.FormatMoment(at, zone), channel, purpose, initiator, outcome, CsvFormats.FormatBoolean(requested))));
            }
        }

        Instant At(LocalDate day, int fromHour, int hours) => day.At(new LocalTime(fromHour, 0).PlusMinutes(r.Next(hours * 60))).InZoneLeniently(zone).ToInstant();
        TouchOutcome Call(double answered) => r.Chance(answered) ? TouchOutcome.Answered : TouchOutcome.NoAnswer;
        TouchOutcome Message() => r.Chance(0.97) ? TouchOutcome.Delivered : TouchOutcome.Failed;

        foreach (var c in customers)
        {
            string id = c.CustomerId;
            var visit = c.Signals.LastVisit;
            int away = Period.DaysBetween(visit, asOf);

            // Service: the appointment confirmation the day before the visit, the follow-up call the day after.
            Add(id, At(visit.PlusDays(-1), 17, 2), ContactChannel.Sms, ContactPurpose.Transactional, outcome: Message());
            Add(id, At(visit.PlusDays(1), 10, 8), ContactChannel.Phone, ContactPurpose.ServiceFollowUp, outcome: Call(0.8));

            // Follow-up cadence so far: VIP care calls, the quarterly check, win-back messages to sleeping and lost customers.
            if (vip.Contains(id) && away <= 365)
            {
                for (var day = asOf.PlusDays(-1 - r.Next(38)); day > visit; day = day.PlusDays(-30))
                {
                    Add(id, At(day, 10, 8), ContactChannel.Phone, ContactPurpose.Care, outcome: Call(0.85));
                }
            }

            if (away > 90 && away <= 180)
            {
                Add(id, At(visit.PlusDays(90), 10, 8), ContactChannel.Phone, ContactPurpose.ServiceFollowUp, outcome: Call(0.7));
            }
            else if (away > 180 && away <= 365)
            {
                for (var day = visit.PlusDays(181); day < asOf; day = day.PlusDays(90))
                {
                    Add(id, At(day, 10, 8), ContactChannel.Sms, ContactPurpose.Recovery, outcome: Message());
                }
            }
            else if (away > 365)
            {
                for (var day = asOf.PlusDays(-r.Next(200)); day >= asOf.PlusDays(-HistoryDays); day = day.PlusDays(-182))
                {
                    Add(id, At(day, 10, 8), ContactChannel.Sms, ContactPurpose.Recovery, outcome: Message());
                }
            }

            // Marketing: the Double 11 campaign by SMS, last weekend's WeChat flash sale.
            if (r.Chance(0.55))
            {
                Add(id, At(asOf.PlusDays(-14), 20, 1), ContactChannel.Sms, ContactPurpose.Marketing, outcome: Message());
            }

            if (r.Chance(0.12))
            {
                Add(id, At(asOf.PlusDays(-2), 10, 1), ContactChannel.WeChat, ContactPurpose.Marketing, outcome: Message());
            }

            // Insurance renewal: two unanswered calls teach the policy that this customer prefers messages.
            if (r.Chance(0.06))
            {
                var second = asOf.PlusDays(-4 - r.Next(10));
                Add(id, At(second.PlusDays(-3 - r.Next(5)), 14, 3), ContactChannel.Phone, ContactPurpose.Marketing, outcome: TouchOutcome.NoAnswer);
                Add(id, At(second, 14, 3), ContactChannel.Phone, ContactPurpose.Marketing, outcome: TouchOutcome.NoAnswer);
            }

            // The customer calls in (never counted); a call-back the customer asked for (exempt).
            if (r.Chance(0.05))
            {
                Add(id, At(asOf.PlusDays(-1 - r.Next(60)), 9, 10), ContactChannel.Phone, ContactPurpose.ServiceFollowUp, Initiator.Customer, TouchOutcome.Answered);
            }

            if (r.Chance(0.02))
            {
                Add(id, At(asOf.PlusDays(-1 - r.Next(20)), 18, 2), ContactChannel.Phone, ContactPurpose.ServiceFollowUp, outcome: TouchOutcome.Answered, requested: true);
            }
        }

        // The store's responses to low survey scores are contacts too: complaint handling for detractors,
        // a passive-conversion call for a 7.
        foreach (var a in answers)
        {
            if (a.RespondedAt is Instant at)
            {
                Add(a.CustomerId, at, ContactChannel.Phone, a.Score <= 6 ? ContactPurpose.Urgent : ContactPurpose.ServiceFollowUp, outcome: Call(0.9));
            }
        }

        touches.Sort((x, y) => x.At != y.At ? x.At.CompareTo(y.At) : string.CompareOrdinal(x.Line, y.Line));
        var lines = new List<string>(touches.Count + 4) { string.Join(',', ContactCsv.HistoryColumns) };
        lines.AddRange(touches.Select(t => t.Line));

        // Deliberately bad rows.
        if (touches.Count > 3000)
        {
            string at = CsvFormats.FormatMoment(touches[1200].At, zone);
            lines.Insert(1201, $"C10357,{at},Fax,Marketing,Store,Delivered,false"); // not a channel
            lines.Insert(2402, $"C10588,{CustomerCsv.FormatDate(asOf.PlusDays(-3))},Phone,ServiceFollowUp,Store,Answered,false"); // a date without a time
            lines.Insert(3003, $"C99998,{CsvFormats.FormatMoment(touches[3000].At, zone)},Sms,Care,Store,Delivered,false"); // not in the customer file
        }

        return lines;
    }

    /// <summary>The header and one row per customer with a preference, in customer-file order.</summary>
    public static IReadOnlyList<string> PreferenceLines(IReadOnlyList<CustomerRow> customers)
    {
        var r = new SplitMix64(PreferencesSeed);
        var lines = new List<string> { string.Join(',', ContactCsv.PreferenceColumns) };
        (string From, string Until)[] windows = [("12:00", "13:30"), ("18:00", "20:30"), ("09:00", "11:00")];
        foreach (var c in customers)
        {
            bool noMarketing = r.Chance(0.05), global = r.Chance(0.015), urgentOnly = r.Chance(0.008), hours = r.Chance(0.03);
            bool optSms = r.Chance(0.03), optPhone = r.Chance(0.015), optWeChat = r.Chance(0.01), everything = r.Chance(0.003);
            bool prefersMessages = r.Chance(0.02), faraway = r.Chance(0.006);
            var window = windows[r.Next(windows.Length)];
            if (!(noMarketing || global || urgentOnly || hours || optSms || optPhone || optWeChat || everything || prefersMessages || faraway))
            {
                continue;
            }

            var modes = new List<string>();
            if (urgentOnly)
            {
                modes.Add("UrgentOnly");
            }

            if (noMarketing)
            {
                modes.Add("NoMarketing");
            }

            if (hours)
            {
                modes.Add("AllowedHours");
            }

            var optedOut = new List<string>();
            if (optPhone || everything)
            {
                optedOut.Add(nameof(ContactChannel.Phone));
            }

            if (optSms || everything)
            {
                optedOut.Add(nameof(ContactChannel.Sms));
            }

            if (optWeChat || everything)
            {
                optedOut.Add(nameof(ContactChannel.WeChat));
            }

            lines.Add(string.Join(',',
                c.CustomerId,
                faraway ? "Asia/Urumqi" : "",
                string.Join(CsvFormats.ListSeparator, modes),
                hours ? window.From : "",
                hours ? window.Until : "",
                string.Join(CsvFormats.ListSeparator, optedOut),
                CsvFormats.FormatBoolean(global),
                CsvFormats.FormatBoolean(prefersMessages)));
        }

        // Deliberately bad rows.
        if (lines.Count > 60)
        {
            lines.Insert(20, "C10401,Asia/Beijing,,,,,false,false"); // not an IANA zone (China uses Asia/Shanghai)
            lines.Insert(40, "C10733,,AllowedHours,20:00,18:00,,false,false"); // the window ends before it starts
            lines.Insert(60, "C10905,,Weekends,,,,false,false"); // not a do-not-disturb mode
        }

        return lines;
    }

    // The customers whose annual spend is in the top share: the generator's stand-in for the library's
    // value score (a CLV percentile, and CLV grows with annual spend).
    private static HashSet<string> TopSpenders(IReadOnlyList<CustomerRow> customers, double share)
    {
        int count = (int)Math.Round(customers.Count * share);
        return customers
            .OrderByDescending(c => c.Signals.AnnualSpend)
            .ThenBy(c => c.CustomerId, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.CustomerId)
            .ToHashSet(StringComparer.Ordinal);
    }
}
