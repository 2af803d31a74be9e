using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Retention.Scoring;

/// <summary>
/// The vectorized body of <see cref="RiskScorer.ScoreColumns"/>: scores blocks of
/// <see cref="BlockSize"/> customers at a time with 256-bit vectors, bit-for-bit equal to the
/// scalar routine (<see cref="RiskScorer.ColumnsScalar"/>), which stays the reference.
/// </summary>
/// <remarks>
/// How equality with the scalar path is kept:
/// <list type="bullet">
/// <item>Every arithmetic step is the scalar one, lane by lane, in the same order: subtract,
/// multiply, clamp, multiply, then the five points added left to right, then (Rescale policy, and
/// only when the coverage is not the full coverage, as the scalar <c>Finish</c>)
/// <c>sum * 100 / coverage</c>. No fused multiply-add (the JIT never contracts on its own).</item>
/// <item>The clamps are compare-and-select, never <c>Vector256.Min</c>/<c>Max</c>, whose NaN and
/// signed-zero rules differ between runtimes: <c>t &gt; 0 ? t : 0</c> turns a NaN and a -0 into +0 just
/// like the scalar ternary, and <c>score &gt; 100 ? 100 : score</c> is <see cref="Math.Min(double, double)"/>
/// for every score the formula can produce (a score is never a zero of the other sign than 100).</item>
/// <item>A missing (NaN) app-opens or satisfaction lane is computed and then replaced by +0, as the
/// scalar <c>missing ? 0 : points</c>; the coverage comes from the scalar
/// <see cref="RiskScorer.Coverage"/> for each of the four missing combinations.</item>
/// <item>Tiers and stages count the thresholds a value reaches; the options validator keeps the
/// thresholds strictly increasing, so the count is the scalar cascade's answer (NaN reaches none).</item>
/// <item>A block with any bad record goes to the scalar routine whole, so problems are reported
/// with the scalar messages and in index order.</item>
/// </list>
/// Runs only where 256-bit vectors are accelerated (x64 with AVX2); elsewhere
/// <see cref="IsSupported"/> is false and the caller uses the scalar routine for everything.
/// </remarks>
internal static class ColumnarFastPath
{
    /// <summary>Customers per block: two vectors of four doubles, one vector of eight ints.</summary>
    public const int BlockSize = 8;

    /// <summary>Whether this machine runs the vectorized path (a JIT-time constant).</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated && Avx2.IsSupported;

    /// <summary>
    /// Scores whole blocks from index 0 and returns where the scalar tail starts (a multiple of
    /// <see cref="BlockSize"/>). Output spans are at least as long as the columns (checked by the caller).
    /// </summary>
    public static int Score(
        RiskScorer scorer, in SignalColumns c, Span<double> scores, Span<RiskTier> tiers, Span<ChurnStage> stages,
        ICollection<BatchProblem>? problems, ref BatchCounter counts)
    {
        int n = c.Count;
        if (!IsSupported || n < BlockSize)
        {
            return 0;
        }

        // Loop-invariant broadcasts.
        var dZero = Vector256.Create(scorer.DaysRamp.ZeroAt);
        var dInv = Vector256.Create(scorer.DaysRamp.InverseSpan);
        var dW = Vector256.Create(scorer.DaysRamp.Weight);
        var aZero = Vector256.Create(scorer.AppRamp.ZeroAt);
        var aInv = Vector256.Create(scorer.AppRamp.InverseSpan);
        var aW = Vector256.Create(scorer.AppRamp.Weight);
        var cZero = Vector256.Create(scorer.CancelRamp.ZeroAt);
        var cInv = Vector256.Create(scorer.CancelRamp.InverseSpan);
        var cW = Vector256.Create(scorer.CancelRamp.Weight);
        var sZero = Vector256.Create(scorer.SatRamp.ZeroAt);
        var sInv = Vector256.Create(scorer.SatRamp.InverseSpan);
        var sW = Vector256.Create(scorer.SatRamp.Weight);
        var qZero = Vector256.Create(scorer.InquiriesRamp.ZeroAt);
        var qInv = Vector256.Create(scorer.InquiriesRamp.InverseSpan);
        var qW = Vector256.Create(scorer.InquiriesRamp.Weight);

        bool rescale = scorer.Rescale;
        var covBoth = Vector256.Create(scorer.Coverage(false, false));
        var covNoApp = Vector256.Create(scorer.Coverage(true, false));
        var covNoSat = Vector256.Create(scorer.Coverage(false, true));
        var covNone = Vector256.Create(scorer.Coverage(true, true));

        var (yellowFrom, orangeFrom, redFrom) = scorer.TierThresholds;
        var yellow = Vector256.Create(yellowFrom);
        var orange = Vector256.Create(orangeFrom);
        var red = Vector256.Create(redFrom);
        var (preFrom, earlyFrom, deepFrom, lostFrom) = scorer.StageThresholds;
        var pre = Vector256.Create(preFrom);
        var early = Vector256.Create(earlyFrom);
        var deep = Vector256.Create(deepFrom);
        var lost = Vector256.Create(lostFrom);

        ref int days = ref MemoryMarshal.GetReference(c.DaysSinceLastVisit);
        ref double app = ref MemoryMarshal.GetReference(c.AppOpensPerMonth);
        ref double cancel = ref MemoryMarshal.GetReference(c.CancellationRate);
        ref double sat = ref MemoryMarshal.GetReference(c.Satisfaction);
        ref int inq = ref MemoryMarshal.GetReference(c.ServiceInquiries);
        ref double scoreOut = ref MemoryMarshal.GetReference(scores);
        ref byte tierOut = ref Unsafe.As<RiskTier, byte>(ref MemoryMarshal.GetReference(tiers));
        ref byte stageOut = ref Unsafe.As<ChurnStage, byte>(ref MemoryMarshal.GetReference(stages));

        // Per-lane counts of the records that reached each threshold (a reached compare is -1).
        var reachedYellow = Vector256<long>.Zero;
        var reachedOrange = Vector256<long>.Zero;
        var reachedRed = Vector256<long>.Zero;
        var reachedPre = Vector256<int>.Zero;
        var reachedEarly = Vector256<int>.Zero;
        var reachedDeep = Vector256<int>.Zero;
        var reachedLost = Vector256<int>.Zero;
        int vectorScored = 0;

        int last = n - BlockSize;
        int i = 0;
        for (; i <= last; i += BlockSize)
        {
            nuint at = (nuint)i;
            nuint upper = at + 4;
            var d = Vector256.LoadUnsafe(ref days, at);
            var q = Vector256.LoadUnsafe(ref inq, at);
            var a0 = Vector256.LoadUnsafe(ref app, at);
            var a1 = Vector256.LoadUnsafe(ref app, upper);
            var c0 = Vector256.LoadUnsafe(ref cancel, at);
            var c1 = Vector256.LoadUnsafe(ref cancel, upper);
            var s0 = Vector256.LoadUnsafe(ref sat, at);
            var s1 = Vector256.LoadUnsafe(ref sat, upper);

            if (!AllValid(d, q, a0, a1, c0, c1, s0, s1))
            {
                RunScalar(scorer, c, i, scores, tiers, stages, problems, ref counts);
                continue;
            }

            // Present (not NaN) lanes of the optional signals: all ones.
            var aPresent0 = Vector256.Equals(a0, a0);
            var aPresent1 = Vector256.Equals(a1, a1);
            var sPresent0 = Vector256.Equals(s0, s0);
            var sPresent1 = Vector256.Equals(s1, s1);

            var dd0 = Avx.ConvertToVector256Double(d.GetLower());
            var dd1 = Avx.ConvertToVector256Double(d.GetUpper());
            var qd0 = Avx.ConvertToVector256Double(q.GetLower());
            var qd1 = Avx.ConvertToVector256Double(q.GetUpper());

            // Same order as the scalar: days + app + cancel + sat + inquiries.
            var sum0 = Points(dd0, dZero, dInv, dW) + (Points(a0, aZero, aInv, aW) & aPresent0) + Points(c0, cZero, cInv, cW)
                + (Points(s0, sZero, sInv, sW) & sPresent0) + Points(qd0, qZero, qInv, qW);
            var sum1 = Points(dd1, dZero, dInv, dW) + (Points(a1, aZero, aInv, aW) & aPresent1) + Points(c1, cZero, cInv, cW)
                + (Points(s1, sZero, sInv, sW) & sPresent1) + Points(qd1, qZero, qInv, qW);

            Vector256<double> score0, score1;
            if (rescale)
            {
                var cov0 = Vector256.ConditionalSelect(aPresent0, Vector256.ConditionalSelect(sPresent0, covBoth, covNoSat), Vector256.ConditionalSelect(sPresent0, covNoApp, covNone));
                var cov1 = Vector256.ConditionalSelect(aPresent1, Vector256.ConditionalSelect(sPresent1, covBoth, covNoSat), Vector256.ConditionalSelect(sPresent1, covNoApp, covNone));
                // As the scalar Finish: a lane with every signal present keeps its sum (no rescale).
                score0 = CapAt100(Vector256.ConditionalSelect(Vector256.Equals(cov0, covBoth), sum0, sum0 * 100.0 / cov0));
                score1 = CapAt100(Vector256.ConditionalSelect(Vector256.Equals(cov1, covBoth), sum1, sum1 * 100.0 / cov1));
            }
            else
            {
                score0 = CapAt100(sum0);
                score1 = CapAt100(sum1);
            }

            score0.StoreUnsafe(ref scoreOut, at);
            score1.StoreUnsafe(ref scoreOut, upper);

            // Tier = number of thresholds reached (compare masks are -1 per lane).
            var y0 = Vector256.GreaterThanOrEqual(score0, yellow).AsInt64();
            var y1 = Vector256.GreaterThanOrEqual(score1, yellow).AsInt64();
            var o0 = Vector256.GreaterThanOrEqual(score0, orange).AsInt64();
            var o1 = Vector256.GreaterThanOrEqual(score1, orange).AsInt64();
            var r0 = Vector256.GreaterThanOrEqual(score0, red).AsInt64();
            var r1 = Vector256.GreaterThanOrEqual(score1, red).AsInt64();
            reachedYellow += y0 + y1;
            reachedOrange += o0 + o1;
            reachedRed += r0 + r1;
            var tier = -Vector256.Narrow(y0 + o0 + r0, y1 + o1 + r1);

            var p = Vector256.GreaterThanOrEqual(d, pre);
            var e = Vector256.GreaterThanOrEqual(d, early);
            var dp = Vector256.GreaterThanOrEqual(d, deep);
            var l = Vector256.GreaterThanOrEqual(d, lost);
            reachedPre += p;
            reachedEarly += e;
            reachedDeep += dp;
            reachedLost += l;
            var stage = -(p + e + dp + l);

            // Eight tiers and eight stages, one byte each: [tier0..7, stage0..7].
            var bytes = NarrowToBytes(tier, stage);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref tierOut, at), bytes.AsUInt64().GetElement(0));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref stageOut, at), bytes.AsUInt64().GetElement(1));
            vectorScored += BlockSize;
        }

        // Reached yellow >= reached orange >= reached red: the thresholds are strictly increasing.
        int ry = -(int)Vector256.Sum(reachedYellow);
        int ro = -(int)Vector256.Sum(reachedOrange);
        int rr = -(int)Vector256.Sum(reachedRed);
        int rp = -Vector256.Sum(reachedPre);
        int re = -Vector256.Sum(reachedEarly);
        int rd = -Vector256.Sum(reachedDeep);
        int rl = -Vector256.Sum(reachedLost);
        counts.None += vectorScored - ry;
        counts.Yellow += ry - ro;
        counts.Orange += ro - rr;
        counts.Red += rr;
        counts.Active += vectorScored - rp;
        counts.PreChurn += rp - re;
        counts.EarlyChurn += re - rd;
        counts.DeepChurn += rd - rl;
        counts.Lost += rl;
        return i;
    }

    // Kept out of line so that the rare bad block does not bloat the loop.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunScalar(
        RiskScorer scorer, in SignalColumns c, int from, Span<double> scores, Span<RiskTier> tiers, Span<ChurnStage> stages,
        ICollection<BatchProblem>? problems, ref BatchCounter counts) =>
        scorer.ColumnsScalar(c, from, from + BlockSize, scores, tiers, stages, problems, ref counts);

    /// <summary>The scalar <see cref="Ramp.Points"/>, lane by lane: t = (x - zeroAt) * inverseSpan, t &gt; 0 ? t : 0, t &gt; 1 ? 1 : t, t * weight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Points(Vector256<double> x, Vector256<double> zeroAt, Vector256<double> inverseSpan, Vector256<double> weight)
    {
        var t = (x - zeroAt) * inverseSpan;
        t = t & Vector256.GreaterThan(t, Vector256<double>.Zero); // t > 0 ? t : +0 (a -0 or NaN becomes +0)
        t = Vector256.ConditionalSelect(Vector256.GreaterThan(t, Vector256<double>.One), Vector256<double>.One, t);
        return t * weight;
    }

    /// <summary><c>score &gt; 100 ? 100 : score</c>: <see cref="Math.Min(double, double)"/> with 100, keeping NaN and -0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> CapAt100(Vector256<double> score)
    {
        var hundred = Vector256.Create(100.0);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(score, hundred), hundred, score);
    }

    /// <summary>The checks of <see cref="SignalColumns.TryCheck"/> for eight records: true when all pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AllValid(
        Vector256<int> days, Vector256<int> inquiries, Vector256<double> a0, Vector256<double> a1,
        Vector256<double> c0, Vector256<double> c1, Vector256<double> s0, Vector256<double> s1)
    {
        // Days and inquiries: no sign bit set.
        if ((days | inquiries).ExtractMostSignificantBits() != 0)
        {
            return false;
        }

        var zero = Vector256<double>.Zero;
        var one = Vector256<double>.One;
        var ten = Vector256.Create(10.0);
        var infinity = Vector256.Create(double.PositiveInfinity);

        // Cancellation: 0 <= x <= 1 (NaN fails). App: NaN, or 0 <= x < +inf. Satisfaction: NaN, or 0 <= x <= 10.
        var ok0 = Vector256.GreaterThanOrEqual(c0, zero) & Vector256.LessThanOrEqual(c0, one);
        var ok1 = Vector256.GreaterThanOrEqual(c1, zero) & Vector256.LessThanOrEqual(c1, one);
        var bad0 = Vector256.LessThan(a0, zero) | Vector256.Equals(a0, infinity) | Vector256.LessThan(s0, zero) | Vector256.GreaterThan(s0, ten);
        var bad1 = Vector256.LessThan(a1, zero) | Vector256.Equals(a1, infinity) | Vector256.LessThan(s1, zero) | Vector256.GreaterThan(s1, ten);
        return (Vector256.AndNot(ok0, bad0) & Vector256.AndNot(ok1, bad1)).ExtractMostSignificantBits() == 0xF;
    }

    /// <summary>Packs two vectors of eight small ints (0..4) into sixteen bytes, first vector first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> NarrowToBytes(Vector256<int> first, Vector256<int> second)
    {
        var shorts = Vector256.Narrow(first, second).AsUInt16();
        return Vector128.Narrow(shorts.GetLower(), shorts.GetUpper());
    }
}
