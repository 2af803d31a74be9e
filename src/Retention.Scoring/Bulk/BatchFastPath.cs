using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NodaTime;

namespace Retention.Scoring;

/// <summary>
/// The loop of <see cref="RiskScorer.ScoreBatch"/>: for each record the same result as
/// <see cref="RiskScorer.Score"/> (or the same problem as <see cref="SignalChecks.TryCheck"/>),
/// bit for bit, with fewer branches and calls than the one-customer path.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A record that passes a quick range check, with both dates in the ISO calendar, gets its
/// days since the last visit from day numbers computed here (<see cref="IsoDayNumber"/>); every
/// other record goes through <see cref="SignalChecks.TryCheck"/> and <see cref="Period.DaysBetween"/>
/// exactly as the one-customer path does.</item>
/// <item>The five terms are the scalar <c>Ramp.Points</c> done with compare-and-select (no branch on
/// random data, no Min/Max with their NaN and signed-zero rules): where 256-bit vectors are
/// accelerated, days, app opens, cancellation and satisfaction in the four lanes of one vector, else
/// each term on one lane. A missing term is +0 as in the scalar <c>missing ? 0 : points</c>.</item>
/// <item>Per-tier and per-stage counts are kept as counts of thresholds reached, in registers.</item>
/// <item>The sum, the rescale and the cap are the scalar expressions.</item>
/// <item>Tier and stage count the thresholds reached, which is the scalar cascade's answer because
/// the validator keeps the thresholds strictly increasing.</item>
/// </list>
/// </remarks>
internal static class BatchFastPath
{
    // The month table covers this many years up to the as-of year, and is built for batches at least this long.
    private const int MonthTableYears = 64;
    private const int MonthTableMinimumBatch = 4096;

    /// <summary>Whether the four-lane kernel runs on this machine (256-bit vectors accelerated; a JIT-time constant).</summary>
    public static bool IsWide => Vector256.IsHardwareAccelerated;

    /// <summary>Scores a batch with the kernel this machine runs best; arguments as <see cref="RiskScorer.ScoreBatch"/> (checked by it).</summary>
    public static BatchSummary Score(
        RiskScorer scorer, ReadOnlySpan<CustomerSignals> customers, LocalDate asOf, Span<RiskAssessment> results, ICollection<BatchProblem>? problems) =>
        Score(scorer, customers, asOf, results, problems, IsWide);

    /// <summary>
    /// The loop, either kernel: <c>wide</c> computes the days, app-opens, cancellation and satisfaction
    /// terms in one 256-bit vector (four lanes, the scalar operations lane by lane); otherwise each term
    /// on its own. Same results; the tests run both.
    /// </summary>
    internal static BatchSummary Score(
        RiskScorer scorer, ReadOnlySpan<CustomerSignals> customers, LocalDate asOf, Span<RiskAssessment> results, ICollection<BatchProblem>? problems, bool wide)
    {
        var dRamp = scorer.DaysRamp;
        var aRamp = scorer.AppRamp;
        var cRamp = scorer.CancelRamp;
        var sRamp = scorer.SatRamp;
        var qRamp = scorer.InquiriesRamp;
        var weights = new RiskTermPoints(dRamp.Weight, aRamp.Weight, cRamp.Weight, sRamp.Weight, qRamp.Weight);
        bool rescale = scorer.Rescale;
        double fullCoverage = scorer.Coverage(false, false);
        Span<double> coverages = stackalloc double[4];
        coverages[0] = fullCoverage;
        coverages[1] = scorer.Coverage(true, false);
        coverages[2] = scorer.Coverage(false, true);
        coverages[3] = scorer.Coverage(true, true);
        var (yellow, orange, red) = scorer.TierThresholds;
        var (pre, early, deep, lost) = scorer.StageThresholds;
        var zeroAt4 = Vector256.Create(dRamp.ZeroAt, aRamp.ZeroAt, cRamp.ZeroAt, sRamp.ZeroAt);
        var inverseSpan4 = Vector256.Create(dRamp.InverseSpan, aRamp.InverseSpan, cRamp.InverseSpan, sRamp.InverseSpan);
        var weight4 = Vector256.Create(dRamp.Weight, aRamp.Weight, cRamp.Weight, sRamp.Weight);

        var iso = CalendarSystem.Iso;
        bool asOfIso = asOf.Calendar == iso;
        int asOfDay = asOfIso ? IsoDayNumber(asOf.Year, asOf.Month, asOf.Day) : 0;

        // Day numbers of the first of each month over the years up to the as-of year: most last
        // visits are recent, and a lookup is cheaper than the divisions of the formula. Built only
        // for batches large enough to pay for it.
        Span<int> monthStarts = asOfIso && customers.Length >= MonthTableMinimumBatch ? stackalloc int[MonthTableYears * 12] : [];
        int firstYear = asOf.Year - (MonthTableYears - 1);
        for (int k = 0; k < monthStarts.Length; k++)
        {
            monthStarts[k] = IsoDayNumber(firstYear + (k / 12), (k % 12) + 1, 1);
        }

        // Counts of the records that reached each threshold, in registers: a per-tier counter in memory
        // would chain each record to the last one with the same tier (most are in the same tier).
        int scored = 0, reachedYellow = 0, reachedOrange = 0, reachedRed = 0;
        int reachedPre = 0, reachedEarly = 0, reachedDeep = 0, reachedLost = 0;
        int invalid = 0;
        for (int i = 0; i < customers.Length; i++)
        {
            ref readonly var c = ref customers[i];
            int days;
            if (asOfIso && QuickCheck(c, wide) && c.LastVisit.Calendar == iso && (days = asOfDay - DayNumber(c.LastVisit, monthStarts, firstYear)) >= 0)
            {
                // Valid, days known.
            }
            else if (SignalChecks.TryCheck(c, asOf, out var field, out var message))
            {
                days = Period.DaysBetween(c.LastVisit, asOf);
            }
            else
            {
                results[i] = default;
                invalid++;
                problems?.Add(new BatchProblem(i, field, message!));
                continue;
            }

            // A record that passed the checks has a non-NaN value whenever it has one, so "missing" is
            // !HasValue; read as 0/1 ints, never branched on (a third of the customers lack one or the other).
            int appMissing = c.AppOpensPerMonth.HasValue ? 0 : 1;
            int satMissing = c.Satisfaction.HasValue ? 0 : 1;
            RiskTermPoints points;
            if (wide)
            {
                var x = Vector256.Create(days, c.AppOpensPerMonth.GetValueOrDefault(), c.CancellationRate, c.Satisfaction.GetValueOrDefault());
                var present = Vector256.Create(-1L, appMissing - 1L, -1L, satMissing - 1L).AsDouble();
                var terms = Points(x, zeroAt4, inverseSpan4, weight4) & present;
                points = new RiskTermPoints(terms.GetElement(0), terms.GetElement(1), terms.GetElement(2), terms.GetElement(3), Points(qRamp, c.ServiceInquiries));
            }
            else
            {
                points = new RiskTermPoints(
                    Points(dRamp, days),
                    UnlessMissing(Points(aRamp, c.AppOpensPerMonth.GetValueOrDefault()), appMissing),
                    Points(cRamp, c.CancellationRate),
                    UnlessMissing(Points(sRamp, c.Satisfaction.GetValueOrDefault()), satMissing),
                    Points(qRamp, c.ServiceInquiries));
            }

            int missing = appMissing | (satMissing << 1); // MissingSignals.AppOpens = 1, Satisfaction = 2
            double coverage = coverages[missing];
            double sum = points.Days + points.App + points.Cancellation + points.Satisfaction + points.Inquiries;
            double score = Math.Min(rescale ? Rescaled(sum, coverage, fullCoverage) : sum, 100.0);
            int y = score >= yellow ? 1 : 0, o = score >= orange ? 1 : 0, r = score >= red ? 1 : 0;
            int p = days >= pre ? 1 : 0, e = days >= early ? 1 : 0, d = days >= deep ? 1 : 0, l = days >= lost ? 1 : 0;
            int tier = y + o + r;
            int stage = p + e + d + l;
            results[i] = new RiskAssessment(score, days, points, weights, coverage, (MissingSignals)missing, (RiskTier)tier, (ChurnStage)stage);
            scored++;
            (reachedYellow, reachedOrange, reachedRed) = (reachedYellow + y, reachedOrange + o, reachedRed + r);
            (reachedPre, reachedEarly, reachedDeep, reachedLost) = (reachedPre + p, reachedEarly + e, reachedDeep + d, reachedLost + l);
        }

        // The thresholds are strictly increasing, so a record that reached one reached all below it.
        var counts = new BatchCounter
        {
            Invalid = invalid,
            None = scored - reachedYellow, Yellow = reachedYellow - reachedOrange, Orange = reachedOrange - reachedRed, Red = reachedRed,
            Active = scored - reachedPre, PreChurn = reachedPre - reachedEarly, EarlyChurn = reachedEarly - reachedDeep, DeepChurn = reachedDeep - reachedLost, Lost = reachedLost,
        };
        return counts.ToSummary();
    }

    /// <summary>
    /// A sufficient condition for <see cref="SignalChecks.TryCheck"/> to pass, except the date: every
    /// range check of section 1 (a -0 spend is left to the full check).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool QuickCheck(in CustomerSignals s, bool wide)
    {
        double app = s.AppOpensPerMonth.GetValueOrDefault();
        double sat = s.Satisfaction.GetValueOrDefault();
        double cancel = s.CancellationRate;
        bool counts = ((s.ServiceInquiries | s.Complaints) >= 0) & !decimal.IsNegative(s.AnnualSpend);
        if (wide)
        {
            // 0 <= app <= double.MaxValue is "finite and >= 0"; NaN fails every compare.
            var v = Vector256.Create(app, cancel, sat, 0.0);
            var inRange = Vector256.GreaterThanOrEqual(v, Vector256<double>.Zero) & Vector256.LessThanOrEqual(v, Vector256.Create(double.MaxValue, 1.0, 10.0, 0.0));
            return counts & (inRange.ExtractMostSignificantBits() == 0xF);
        }

        return counts
            & (app >= 0) & (app < double.PositiveInfinity)
            & (cancel >= 0) & (cancel <= 1)
            & (sat >= 0) & (sat <= 10);
    }

    /// <summary>The day number of an ISO date: from the month table when it covers the month, else from the formula.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DayNumber(LocalDate date, ReadOnlySpan<int> monthStarts, int firstYear)
    {
        int year = date.Year;
        int month = date.Month;
        int k = ((year - firstYear) * 12) + month - 1;
        // unchecked: a month before the table is a negative k, which the unsigned compare rejects.
        return unchecked((uint)k) < (uint)monthStarts.Length ? monthStarts[k] + date.Day - 1 : IsoDayNumber(year, month, date.Day);
    }

    /// <summary>
    /// Days from 0000-03-01 to an ISO (proleptic Gregorian) date, any year NodaTime allows; the difference
    /// of two is <see cref="Period.DaysBetween"/> of the two dates.
    /// </summary>
    internal static int IsoDayNumber(int year, int month, int day)
    {
        // Howard Hinnant's days_from_civil: years start in March, so the leap day ends a year.
        int y = year - (month <= 2 ? 1 : 0);
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - (era * 400);
        int dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5) + day - 1;
        int dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra;
    }

    /// <summary>The scalar <c>Ramp.Points</c> for four terms at once, lane by lane (see <see cref="Points(in Ramp, double)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Points(Vector256<double> x, Vector256<double> zeroAt, Vector256<double> inverseSpan, Vector256<double> weight)
    {
        var t = (x - zeroAt) * inverseSpan;
        t = t & Vector256.GreaterThan(t, Vector256<double>.Zero); // t > 0 ? t : +0
        t = Vector256.ConditionalSelect(Vector256.GreaterThan(t, Vector256<double>.One), Vector256<double>.One, t);
        return t * weight;
    }

    /// <summary>The scalar <c>Ramp.Points</c> on one vector lane: (x - zeroAt) x inverseSpan, t &gt; 0 ? t : 0, t &gt; 1 ? 1 : t, x weight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Points(in Ramp ramp, double x)
    {
        var t = (Vector128.Create(x) - Vector128.Create(ramp.ZeroAt)) * Vector128.Create(ramp.InverseSpan);
        t = t & Vector128.GreaterThan(t, Vector128<double>.Zero); // t > 0 ? t : +0
        t = Vector128.ConditionalSelect(Vector128.GreaterThan(t, Vector128<double>.One), Vector128<double>.One, t);
        return (t * Vector128.Create(ramp.Weight)).ToScalar();
    }

    /// <summary>The scalar <c>missing ? 0 : points</c> without a branch: +0 when <paramref name="missing"/> is 1, the points when 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double UnlessMissing(double points, int missing) =>
        (Vector128.Create(points) & Vector128.Create((long)missing - 1).AsDouble()).ToScalar();

    /// <summary>The scalar rescale: <c>coverage != full ? sum * 100 / coverage : sum</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Rescaled(double sum, double coverage, double fullCoverage)
    {
        var s = Vector128.Create(sum);
        var c = Vector128.Create(coverage);
        return Vector128.ConditionalSelect(Vector128.Equals(c, Vector128.Create(fullCoverage)), s, s * 100.0 / c).ToScalar();
    }
}
