using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Retention.Nps.Tests.Support;
using Xunit;
using static Retention.Nps.Tests.Support.Fixtures;

namespace Retention.Nps.Tests;

/// <summary>
/// Spec section 7: monthly rescue statistics in the store's calendar. The playbook's example: 25 low scores,
/// 25 started (100 %), 24 within 24 h (96 %), 17 recovered (68 %), 7 promoters (28 %), 8 lost (32 %).
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
public class RescueStatisticsTests
{
    private static readonly YearMonth March = new(2026, 3);

    private static Instant InShanghai(int month, int day, int hour, int minute = 0, int second = 0) =>
        new LocalDateTime(2026, month, day, hour, minute, second).InZoneStrictly(Shanghai).ToInstant();

    private static LowScoreReason ReasonOf(int i) =>
        i < 8 ? LowScoreReason.WaitingTime : i < 14 ? LowScoreReason.RepeatRepair : i < 19 ? LowScoreReason.Attitude : i < 23 ? LowScoreReason.PriceDispute : LowScoreReason.PoorCommunication;

    /// <summary>
    /// The playbook's 25 March cases: all started; all but case 5 first responded within 24 hours (case 0 a second before
    /// 24 hours, case 5 at exactly 24 hours); cases 0-16 recovered, of them 0-6 re-rated as promoters; cases 17-24 lost. Case 0 is the first
    /// second of March in Shanghai, case 24 the last.
    /// </summary>
    private static List<RescueCase> PlaybookMarch()
    {
        var cases = new List<RescueCase>();
        for (int i = 0; i < 25; i++)
        {
            var answered = i switch
            {
                0 => InShanghai(3, 1, 0),
                24 => InShanghai(3, 31, 23, 59, 59),
                _ => InShanghai(3, 1 + i, 10 + (i % 8)),
            };
            var firstResponse = i switch
            {
                0 => answered + Duration.FromHours(24) - Duration.FromSeconds(1),
                5 => answered + Duration.FromHours(24),
                _ => answered + Duration.FromHours((i % 6) + 1),
            };
            var outcome = i < 17 ? RescueOutcome.Recovered : RescueOutcome.Lost;
            cases.Add(new RescueCase($"M{i:00}", answered, i % 7, ReasonOf(i), answered + Duration.FromMinutes(20), firstResponse, outcome, TurnedPromoter: i < 7));
        }

        return cases;
    }

    private static RescueCase Case(string id, Instant answered, RescueOutcome outcome = RescueOutcome.Recovered) =>
        new(id, answered, 3, LowScoreReason.Attitude, answered + Duration.FromHours(1), answered + Duration.FromHours(2), outcome, false);

    [Fact]
    public void The_playbook_example_25_low_scores_in_a_month_in_Shanghai()
    {
        var cases = PlaybookMarch();

        // Neighbouring months: the last second of February in Shanghai is 15:59:59 UTC on 28 February, the same
        // UTC day as the first second of March in Shanghai (16:00:00 UTC); the first second of April in Shanghai
        // is still 31 March in UTC.
        var lastSecondOfFebruary = InShanghai(2, 28, 23, 59, 59);
        var firstSecondOfApril = InShanghai(4, 1, 0);
        Assert.Equal(Instant.FromUtc(2026, 2, 28, 15, 59, 59), lastSecondOfFebruary);
        Assert.Equal(lastSecondOfFebruary.InUtc().Date, cases[0].AnsweredAt.InUtc().Date);
        Assert.Equal(new LocalDate(2026, 3, 31), firstSecondOfApril.InUtc().Date);
        cases.Insert(3, Case("F28", lastSecondOfFebruary));
        cases.Insert(11, Case("A01", firstSecondOfApril, RescueOutcome.Lost));
        cases.Add(Case("F15", InShanghai(2, 15, 11)));
        cases.Add(Case("A10", InShanghai(4, 10, 9)));

        // Bad cases, reported by index and left out wherever they fall.
        var bad = new (int Index, RescueCase Case, string Says)[]
        {
            (0, Case("B-score", InShanghai(3, 5, 9)) with { Score = 11 }, "score 11"),
            (7, Case("B-response", InShanghai(3, 6, 9)) with { FirstResponseAt = InShanghai(3, 6, 8) }, "first response is before the answer"),
            (15, Case("B-promoter", InShanghai(3, 7, 9), RescueOutcome.Lost) with { TurnedPromoter = true }, "turned promoter but not recovered"),
            (22, Case("B-outcome", InShanghai(3, 8, 9)) with { Outcome = (RescueOutcome)9 }, "unknown outcome"),
            (30, Case("B-started", InShanghai(2, 8, 9)) with { StartedAt = InShanghai(2, 8, 8) }, "started before the answer"),
            (33, Case("B-reason", InShanghai(4, 8, 9)) with { Reason = (LowScoreReason)42 }, "unknown reason"),
        };
        foreach (var (index, c, _) in bad)
        {
            cases.Insert(index, c);
        }

        var report = Statistics.ForMonth(cases, March, Shanghai);

        Assert.Equal(March, report.Month);
        Assert.Equal((25, 25, 24, 17, 7, 8), (report.LowScores, report.Started, report.RespondedWithinWindow, report.Recovered, report.TurnedPromoter, report.Lost));
        Assert.Equal(1.00, report.StartedRate, 12);
        Assert.Equal(0.96, report.RespondedWithinWindowRate, 12);
        Assert.Equal(0.68, report.RecoveredRate, 12);
        Assert.Equal(0.28, report.TurnedPromoterRate, 12);
        Assert.Equal(0.32, report.LostRate, 12);
        Assert.Equal(
            new Dictionary<LowScoreReason, int>
            {
                [LowScoreReason.Other] = 0,
                [LowScoreReason.WaitingTime] = 8,
                [LowScoreReason.RepeatRepair] = 6,
                [LowScoreReason.Attitude] = 5,
                [LowScoreReason.PriceDispute] = 4,
                [LowScoreReason.PoorCommunication] = 2,
            },
            report.Reasons);
        Assert.Equal(bad.Select(b => b.Index), report.Problems.Select(p => p.Index));
        foreach (var (b, problem) in bad.Zip(report.Problems))
        {
            Assert.Contains(b.Case.CaseId, problem.Message, StringComparison.Ordinal);
            Assert.Contains(b.Says, problem.Message, StringComparison.Ordinal);
        }

        var february = Statistics.ForMonth(cases, new YearMonth(2026, 2), Shanghai);
        var april = Statistics.ForMonth(cases, new YearMonth(2026, 4), Shanghai);
        Assert.Equal((2, 0), (february.LowScores, february.Lost));
        Assert.Equal((2, 1), (april.LowScores, april.Lost));
        Assert.Equal(bad.Select(b => b.Index), february.Problems.Select(p => p.Index));
    }

    [Fact]
    public void The_same_cases_counted_in_UTC_fall_in_other_months()
    {
        var cases = PlaybookMarch();
        cases.Add(Case("A01", InShanghai(4, 1, 0), RescueOutcome.Lost));

        // In UTC the first March case (16:00 UTC on 28 February; recovered, turned promoter) is February's,
        // and the first of April in Shanghai (16:00 UTC on 31 March; lost) is March's.
        var shanghai = Statistics.ForMonth(cases, March, Shanghai);
        var utc = Statistics.ForMonth(cases, March, DateTimeZone.Utc);

        Assert.Equal((25, 17, 7, 8), (shanghai.LowScores, shanghai.Recovered, shanghai.TurnedPromoter, shanghai.Lost));
        Assert.Equal((25, 16, 6, 9), (utc.LowScores, utc.Recovered, utc.TurnedPromoter, utc.Lost));
        Assert.Equal(1, Statistics.ForMonth(cases, new YearMonth(2026, 2), DateTimeZone.Utc).LowScores);
        Assert.Equal(0, Statistics.ForMonth(cases, new YearMonth(2026, 2), Shanghai).LowScores);
    }

    [Fact]
    public void A_response_a_second_before_24_hours_is_within_the_window_and_one_at_exactly_24_hours_is_not()
    {
        var answered = InShanghai(3, 12, 10);
        var cases = new[]
        {
            Case("on-time", answered) with { FirstResponseAt = answered + Duration.FromHours(24) - Duration.FromSeconds(1) },
            Case("late", answered) with { FirstResponseAt = answered + Duration.FromHours(24) },
            Case("never", answered) with { FirstResponseAt = null, StartedAt = null, Outcome = RescueOutcome.Open },
        };

        var report = Statistics.ForMonth(cases, March, Shanghai);

        Assert.Equal((3, 2, 1, 2, 0), (report.LowScores, report.Started, report.RespondedWithinWindow, report.Recovered, report.Lost));
    }

    [Fact]
    public void Per_advisor_statistics_add_up_to_the_store_s_and_bad_cases_are_reported_once_by_their_index()
    {
        var cases = PlaybookMarch();
        cases.Insert(3, Case("B-score", InShanghai(3, 5, 9)) with { Score = 11 });
        string Advisor(RescueCase c) => int.Parse(c.CaseId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) % 3 == 0 ? "Li" : "Wang";

        var breakdown = Statistics.ForMonthBy(cases, March, Shanghai, Advisor);

        var overall = Statistics.ForMonth(cases, March, Shanghai);
        Assert.Equal(
            (overall.LowScores, overall.Started, overall.RespondedWithinWindow, overall.Recovered, overall.TurnedPromoter, overall.Lost),
            (breakdown.Overall.LowScores, breakdown.Overall.Started, breakdown.Overall.RespondedWithinWindow, breakdown.Overall.Recovered, breakdown.Overall.TurnedPromoter, breakdown.Overall.Lost));
        Assert.Equal(overall.Reasons, breakdown.Overall.Reasons);
        Assert.Equal([3], breakdown.Overall.Problems.Select(p => p.Index));
        Assert.Equal(["Li", "Wang"], breakdown.Segments.Keys.Order());
        Assert.All(breakdown.Segments.Values, r => Assert.Empty(r.Problems));
        Assert.Equal(breakdown.Overall.LowScores, breakdown.Segments.Values.Sum(r => r.LowScores));
        Assert.Equal(breakdown.Overall.Recovered, breakdown.Segments.Values.Sum(r => r.Recovered));
        Assert.Equal(breakdown.Overall.RespondedWithinWindow, breakdown.Segments.Values.Sum(r => r.RespondedWithinWindow));
        Assert.Equal(9, breakdown.Segments["Li"].LowScores); // M00, M03, ..., M24
        Assert.Throws<ArgumentNullException>(() => Statistics.ForMonthBy<string>(cases, March, Shanghai, null!));
    }

    [Fact]
    public void A_month_without_cases_has_zero_rates_and_lists_every_reason()
    {
        var report = Statistics.ForMonth(PlaybookMarch(), new YearMonth(2026, 5), Shanghai);

        Assert.Equal(0, report.LowScores);
        Assert.Equal(0.0, report.StartedRate);
        Assert.Equal(0.0, report.LostRate);
        Assert.Equal(Enum.GetValues<LowScoreReason>().Length, report.Reasons.Count);
        Assert.All(report.Reasons.Values, v => Assert.Equal(0, v));
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void Null_input_is_bad_input()
    {
        Assert.Equal("cases", Assert.Throws<ArgumentNullException>(() => Statistics.ForMonth(null!, March, Shanghai)).ParamName);
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => Statistics.ForMonth([], March, null!)).ParamName);
    }

    [Fact]
    public void In_Berlin_March_2026_starts_at_CET_midnight_and_ends_at_CEST_midnight()
    {
        var cases = new[]
        {
            Case("Feb-last", Instant.FromUtc(2026, 2, 28, 22, 59, 59)),   // 23:59:59 CET on 28 February
            Case("Mar-first", Instant.FromUtc(2026, 2, 28, 23, 0)),       // 00:00 CET on 1 March
            Case("Mar-gap-day", Instant.FromUtc(2026, 3, 29, 1, 30)),     // 03:30 CEST on 29 March, the day the clocks go forward
            Case("Mar-last", Instant.FromUtc(2026, 3, 31, 21, 59, 59)),   // 23:59:59 CEST on 31 March
            Case("Apr-first", Instant.FromUtc(2026, 3, 31, 22, 0)),       // 00:00 CEST on 1 April (23:00 on 31 March at CET)
        };

        var march = Statistics.ForMonth(cases, March, Berlin);
        var april = Statistics.ForMonth(cases, new YearMonth(2026, 4), Berlin);
        var february = Statistics.ForMonth(cases, new YearMonth(2026, 2), Berlin);

        Assert.Equal((1, 3, 1), (february.LowScores, march.LowScores, april.LowScores));
    }

    [Fact]
    public void In_Berlin_October_2026_starts_at_CEST_midnight_and_ends_at_CET_midnight()
    {
        var cases = new[]
        {
            Case("Sep-last", Instant.FromUtc(2026, 9, 30, 21, 59, 59)),   // 23:59:59 CEST on 30 September
            Case("Oct-first", Instant.FromUtc(2026, 9, 30, 22, 0)),       // 00:00 CEST on 1 October
            Case("Oct-02:30-CEST", Instant.FromUtc(2026, 10, 25, 0, 30)), // the hour the clocks go back, first time
            Case("Oct-02:30-CET", Instant.FromUtc(2026, 10, 25, 1, 30)),  // the same wall-clock time, second time
            Case("Oct-last", Instant.FromUtc(2026, 10, 31, 22, 59, 59)),  // 23:59:59 CET on 31 October (00:59:59 on 1 November at CEST)
            Case("Nov-first", Instant.FromUtc(2026, 10, 31, 23, 0)),      // 00:00 CET on 1 November
        };

        var september = Statistics.ForMonth(cases, new YearMonth(2026, 9), Berlin);
        var october = Statistics.ForMonth(cases, new YearMonth(2026, 10), Berlin);
        var november = Statistics.ForMonth(cases, new YearMonth(2026, 11), Berlin);

        Assert.Equal((1, 4, 1), (september.LowScores, october.LowScores, november.LowScores));
    }

    // ---- properties ----

    [Property]
    public void Every_valid_case_falls_in_exactly_one_month_of_the_stores_calendar(RescueCases c)
    {
        foreach (var zone in new[] { Shanghai, Berlin, DateTimeZone.Utc })
        {
            var reports = Enumerable.Range(0, 7).Select(m => Statistics.ForMonth(c.Cases, new YearMonth(2025, 12).PlusMonths(m), zone)).ToArray();

            Assert.Equal(c.Cases.Length, reports.Sum(r => r.LowScores));
            Assert.Equal(c.Cases.Count(x => x.Outcome == RescueOutcome.Lost), reports.Sum(r => r.Lost));
            Assert.All(reports, r => Assert.Empty(r.Problems));
            foreach (var r in reports)
            {
                Assert.InRange(r.Started, 0, r.LowScores);
                Assert.InRange(r.RespondedWithinWindow, 0, r.LowScores);
                Assert.InRange(r.TurnedPromoter, 0, r.Recovered);
                Assert.InRange(r.Recovered + r.Lost, 0, r.LowScores);
                Assert.Equal(r.LowScores, r.Reasons.Values.Sum());
                Assert.InRange(r.RecoveredRate, 0, 1);
            }
        }
    }
}
