using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using Retention.Samples.DealerDay.Customers;
using Retention.Samples.DealerDay.Files;
using Retention.Samples.DealerDay.Report;

namespace Retention.Samples.DealerDay.Survey;

/// <summary>A generated answer, as the contact-history generator needs it (store responses are contacts too).</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Score">The score.</param>
/// <param name="AnsweredAt">When the customer answered.</param>
/// <param name="RespondedAt">When the store responded; <see langword="null"/> when nobody has yet.</param>
internal sealed record GeneratedAnswer(string CustomerId, int Score, Instant AnsweredAt, Instant? RespondedAt);

/// <summary>
/// Writes the bundled survey answers: one NPS answer from most customers whose last visit falls in
/// the as-of month or the month before, scored in line with the customer's satisfaction, the store's
/// responses to low scores (late at night they wait for the morning, on Sundays for Monday), a few
/// re-ratings after a rescue, a few public-opinion-risk and safety cases, six scripted cases from the
/// weekend before the report that nobody has responded to yet, and four deliberately bad rows. Deterministic like
/// <see cref="SyntheticCustomers"/>: its own seed, integer and basic floating-point arithmetic, invariant formatting.
/// </summary>
internal static class SyntheticAnswers
{
    /// <summary>The seed of the bundled answers (the customer seed + 1).</summary>
    public const ulong Seed = SyntheticCustomers.Seed + 1;

    /// <summary>Writes the answers (UTF-8 without byte order mark, LF line ends).</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="customers">The generated customers, as read back from their file.</param>
    /// <param name="asOf">The date the data set describes.</param>
    /// <param name="zone">The store's time zone.</param>
    /// <param name="answers">The generated answers, for the contact history.</param>
    /// <returns>The number of data rows written, bad rows included.</returns>
    public static int Write(string path, IReadOnlyList<CustomerRow> customers, LocalDate asOf, DateTimeZone zone, out IReadOnlyList<GeneratedAnswer> answers)
    {
        var lines = Lines(customers, asOf, zone, out answers);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return lines.Count - 1;
    }

    /// <summary>The header and every data row.</summary>
    public static IReadOnlyList<string> Lines(IReadOnlyList<CustomerRow> customers, LocalDate asOf, DateTimeZone zone, out IReadOnlyList<GeneratedAnswer> answers)
    {
        var r = new SplitMix64(Seed);
        var moment = new StoreClock(zone, asOf).Now;
        var firstVisitDay = asOf.ToYearMonth().OnDayOfMonth(1).PlusMonths(-1);
        var rows = new List<(Instant At, string VisitId, string Line)>();
        var generated = new List<GeneratedAnswer>();

        foreach (var c in customers)
        {
            var visit = c.Signals.LastVisit;
            if (visit < firstVisitDay || visit > asOf || !r.Chance(0.72))
            {
                continue; // no visit in the two months, or no answer to the survey
            }

            string visitId = string.Create(CultureInfo.InvariantCulture, $"V{visit:yyyyMMdd}-{c.CustomerId.TrimStart('C')}");
            var answeredAt = At(zone, visit.PlusDays(1 + r.Next(2)), 9 * 60 + r.Next(12 * 60));
            if (answeredAt >= moment)
            {
                continue; // the survey is still unanswered
            }

            int score = Score(r, c.Signals.Satisfaction);
            bool publicOpinion = score <= 4 && r.Chance(0.35);
            bool safety = score <= 7 && !publicOpinion && r.Chance(0.03);
            var responded = Response(r, zone, score, answeredAt, moment);
            rows.Add((answeredAt, visitId, Row(visitId, c.CustomerId, answeredAt, score, responded, publicOpinion, safety, zone)));
            generated.Add(new GeneratedAnswer(c.CustomerId, score, answeredAt, responded));

            // After a rescue some detractors re-rate the same visit, mostly higher.
            if (score <= 6 && responded is Instant done && r.Chance(0.4))
            {
                var again = At(zone, done.InZone(zone).Date.PlusDays(2 + r.Next(9)), 10 * 60 + r.Next(10 * 60));
                if (again < moment)
                {
                    int rerated = r.Chance(0.8) ? 7 + r.Next(4) : Math.Min(6, score + r.Next(2));
                    var respondedAgain = Response(r, zone, rerated, again, moment);
                    rows.Add((again, visitId, Row(visitId, c.CustomerId, again, rerated, respondedAgain, false, false, zone)));
                    generated.Add(new GeneratedAnswer(c.CustomerId, rerated, again, respondedAgain));
                }
            }
        }

        // The weekend before the report, scripted so that the Monday report always has alerts to act on:
        // (score, day before the as-of date, time, public-opinion risk, safety issue, from a high spender).
        var haveAnswered = generated.Select(a => a.CustomerId).ToHashSet(StringComparer.Ordinal);
        var recent = customers.Where(c => !haveAnswered.Contains(c.CustomerId) && c.Signals.LastVisit >= asOf.PlusDays(-5) && c.Signals.LastVisit <= asOf.PlusDays(-2)).ToList();
        (int Score, int DaysBefore, int Minute, bool PublicOpinion, bool Safety, bool HighSpender)[] weekend =
        [
            (2, 1, (19 * 60) + 40, false, false, false), // Sunday evening: red, nobody on duty
            (4, 1, (16 * 60) + 20, true, false, false),  // Sunday afternoon, threatens to post online: a yellow alert, grade S
            (5, 1, (15 * 60) + 10, false, true, false),  // Sunday afternoon, brakes still squeal after the repair: grade S
            (6, 1, (20 * 60) + 30, false, false, true),  // Sunday evening, a high spender is unhappy: grade A
            (3, 0, (7 * 60) + 20, false, false, false),  // Monday before the meeting: red, still within its window
            (7, 1, (11 * 60) + 5, false, false, false),  // Sunday morning, a passive
        ];
        foreach (var w in weekend)
        {
            var at = At(zone, asOf.PlusDays(-w.DaysBefore), w.Minute);
            var day = at.InZone(zone).Date;
            var c = recent.FirstOrDefault(x => x.Signals.AnnualSpend > 5000 == w.HighSpender && x.Signals.LastVisit < day); // above 5,000: the library's default high value tier
            if (c is null || at >= moment)
            {
                continue;
            }

            recent.Remove(c);
            string visitId = string.Create(CultureInfo.InvariantCulture, $"V{c.Signals.LastVisit:yyyyMMdd}-{c.CustomerId.TrimStart('C')}");
            rows.Add((at, visitId, Row(visitId, c.CustomerId, at, w.Score, null, w.PublicOpinion, w.Safety, zone)));
            generated.Add(new GeneratedAnswer(c.CustomerId, w.Score, at, null));
        }

        rows.Sort((x, y) => x.At != y.At ? x.At.CompareTo(y.At) : string.CompareOrdinal(x.VisitId, y.VisitId));
        var lines = new List<string>(rows.Count + 5) { string.Join(',', SurveyCsv.AllColumns) };
        lines.AddRange(rows.Select(x => x.Line));

        // Deliberately bad rows, spread through the file so that their line numbers matter.
        string Moment(int row) => CsvFormats.FormatMoment(rows[Math.Min(row, rows.Count - 1)].At, zone);
        if (rows.Count > 0)
        {
            var d = asOf.PlusDays(-9);
            lines.Insert(Math.Min(30, lines.Count), Invariant($"V{d:yyyyMMdd}-10218,C10218,{Moment(29)},11,,false,false")); // score out of 0..10: found by the library
            lines.Insert(Math.Min(140, lines.Count), Invariant($"V{d:yyyyMMdd}-10644,C10644,{d:yyyy-MM-dd} 18:05,8,,false,false")); // no T and no offset
            lines.Insert(Math.Min(250, lines.Count), Invariant($"V{d:yyyyMMdd}-99999,C99999,{Moment(247)},9,,false,false")); // not in the customer file
            var answered = rows[Math.Min(331, rows.Count - 1)].At;
            lines.Insert(Math.Min(333, lines.Count), Invariant($"V{d:yyyyMMdd}-11035,C11035,{Moment(331)},3,{CsvFormats.FormatMoment(answered - Duration.FromHours(2), zone)},false,false")); // responded before the answer
        }

        answers = generated;
        return lines;
    }

    // In line with the customer's latest satisfaction (0..10) when known; else a typical dealer spread.
    private static int Score(SplitMix64 r, double? satisfaction)
    {
        if (satisfaction is double s)
        {
            double u = r.NextDouble();
            int delta = u < 0.05 ? -5 : u < 0.18 ? -2 : u < 0.42 ? -1 : u < 0.8 ? 0 : 1; // now and then a bad visit
            return (int)Math.Clamp(Math.Round(s) + delta, 0, 10);
        }

        double p = r.NextDouble();
        ReadOnlySpan<double> upTo = [0.30, 0.54, 0.71, 0.82, 0.88, 0.92, 0.95, 0.97, 0.98, 0.99];
        for (int i = 0; i < upTo.Length; i++)
        {
            if (p < upTo[i])
            {
                return 10 - i;
            }
        }

        return 0;
    }

    // The store's first response to a low score (0-7): mostly within the alert window, 3 % forgotten,
    // none between 21:00 and 08:00 (it waits for the morning), on Sundays only for red alerts, and none
    // yet when it would be after the report.
    private static Instant? Response(SplitMix64 r, DateTimeZone zone, int score, Instant answeredAt, Instant moment)
    {
        if (score > 7 || r.Chance(0.03))
        {
            return null;
        }

        int minutes = score <= 3 ? 15 + r.Next(125) : score <= 6 ? 30 + r.Next(420) : 120 + r.Next(96 * 60);
        var at = answeredAt + Duration.FromMinutes(minutes);
        var local = at.InZone(zone).LocalDateTime;
        if (local.Hour >= 21 || local.Hour < 8)
        {
            var morning = local.Hour >= 21 ? local.Date.PlusDays(1) : local.Date;
            at = At(zone, morning, 8 * 60 + r.Next(90));
        }
        else if (score > 3 && local.Date.DayOfWeek == IsoDayOfWeek.Sunday)
        {
            at = At(zone, local.Date.PlusDays(1), 9 * 60 + r.Next(120)); // Sunday's skeleton crew handles red alerts only
        }

        return at < moment ? at : null;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static Instant At(DateTimeZone zone, LocalDate day, int minuteOfDay) =>
        day.At(LocalTime.Midnight.PlusMinutes(minuteOfDay)).InZoneLeniently(zone).ToInstant();

    private static string Row(string visitId, string customerId, Instant answeredAt, int score, Instant? respondedAt, bool publicOpinion, bool safety, DateTimeZone zone) =>
        string.Join(',',
            visitId,
            customerId,
            CsvFormats.FormatMoment(answeredAt, zone),
            score.ToString(CultureInfo.InvariantCulture),
            respondedAt is Instant done ? CsvFormats.FormatMoment(done, zone) : "",
            CsvFormats.FormatBoolean(publicOpinion),
            CsvFormats.FormatBoolean(safety));
}
