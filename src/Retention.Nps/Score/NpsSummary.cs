using System;
using System.Collections.Generic;
using System.Globalization;

namespace Retention.Nps;

/// <summary>
/// The NPS of a set of answers with its counts, distribution and margin of error
/// (spec: nps.md section 2). An empty set has no NPS: <see cref="Score"/> is <see langword="null"/>.
/// </summary>
/// <remarks>
/// <para>
/// With p = share of promoters, d = share of detractors and n answers: variance = p + d - (p - d)^2,
/// standard error = sqrt(variance / n), margin of error = z x standard error x 100 points. The interval
/// is NPS +- margin, cut to [-100, 100] (an NPS cannot leave that range).
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class NpsSummary
{
    private readonly int[] _distribution;

    private NpsSummary(int[] distribution, int promoters, int passives, int detractors, int invalid, double z)
    {
        _distribution = distribution;
        Promoters = promoters;
        Passives = passives;
        Detractors = detractors;
        Invalid = invalid;
        Z = z;
        Count = promoters + passives + detractors;
        if (Count > 0)
        {
            double p = (double)promoters / Count;
            double d = (double)detractors / Count;
            double nps = (p - d) * 100;
            double variance = Math.Max(0, p + d - ((p - d) * (p - d)));
            double se = Math.Sqrt(variance / Count);
            Score = nps;
            StandardError = se;
            MarginOfError = z * se * 100;
            IntervalLow = Math.Max(-100, nps - MarginOfError.Value);
            IntervalHigh = Math.Min(100, nps + MarginOfError.Value);
        }
    }

    /// <summary>The number of valid answers.</summary>
    public int Count { get; }

    /// <summary>Answers that were not whole numbers in [0, 10]: counted here, left out of everything else.</summary>
    public int Invalid { get; }

    /// <summary>The number of promoters.</summary>
    public int Promoters { get; }

    /// <summary>The number of passives.</summary>
    public int Passives { get; }

    /// <summary>The number of detractors.</summary>
    public int Detractors { get; }

    /// <summary>Whether there is an NPS (at least one valid answer).</summary>
    public bool HasScore => Count > 0;

    /// <summary>The NPS in [-100, 100] points, or <see langword="null"/> for an empty set.</summary>
    public double? Score { get; }

    /// <summary>The standard error of the promoter-minus-detractor share (0..1 scale), or <see langword="null"/> for an empty set.</summary>
    public double? StandardError { get; }

    /// <summary>z x standard error x 100, in NPS points, or <see langword="null"/> for an empty set.</summary>
    public double? MarginOfError { get; }

    /// <summary>Lower end of the confidence interval, at least -100, or <see langword="null"/> for an empty set.</summary>
    public double? IntervalLow { get; }

    /// <summary>Upper end of the confidence interval, at most 100, or <see langword="null"/> for an empty set.</summary>
    public double? IntervalHigh { get; }

    /// <summary>The z value the interval was computed with.</summary>
    public double Z { get; }

    /// <summary>The number of answers per score: index 0..10.</summary>
    public IReadOnlyList<int> Distribution => _distribution;

    /// <summary>The share of promoters in [0, 1]; 0 for an empty set.</summary>
    public double PromoterShare => Count == 0 ? 0 : (double)Promoters / Count;

    /// <summary>The share of detractors in [0, 1]; 0 for an empty set.</summary>
    public double DetractorShare => Count == 0 ? 0 : (double)Detractors / Count;

    /// <summary>Builds a summary from counts per score.</summary>
    /// <param name="distribution">Exactly 11 counts (scores 0..10), each at least 0.</param>
    /// <param name="classes">The class bounds.</param>
    /// <param name="z">The z value of the interval, greater than 0.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="classes"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="distribution"/> does not hold 11 counts, or a count is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="z"/> is not above 0.</exception>
    public static NpsSummary FromDistribution(ReadOnlySpan<int> distribution, NpsClassifier classes, double z) =>
        FromDistribution(distribution.ToArray(), 0, classes, z);

    internal static NpsSummary FromDistribution(int[] distribution, int invalid, NpsClassifier classes, double z)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (distribution.Length != 11)
        {
            throw new ArgumentException($"A distribution holds 11 counts (scores 0..10); this one holds {distribution.Length}.", nameof(distribution));
        }

        if (!(z > 0 && double.IsFinite(z)))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "z must be a finite number > 0.");
        }

        int promoters = 0, passives = 0, detractors = 0;
        for (int score = 0; score <= 10; score++)
        {
            int c = distribution[score];
            if (c < 0)
            {
                throw new ArgumentException($"The count for score {score} is negative ({c}).", nameof(distribution));
            }

            switch (classes.Classify(score))
            {
                case NpsClass.Promoter: promoters = checked(promoters + c); break;
                case NpsClass.Passive: passives = checked(passives + c); break;
                default: detractors = checked(detractors + c); break;
            }
        }

        return new NpsSummary(distribution, promoters, passives, detractors, invalid, z);
    }

    /// <summary>Formats the summary in English, e.g. <c>NPS 32.0 (CI 22.6 to 41.4), n = 250</c> (125 promoters, 80 passives, 45 detractors, z = 1.96).</summary>
    /// <returns>The summary as text; "no NPS (no answers)" for an empty set.</returns>
    public override string ToString() => Score is double s
        ? string.Create(CultureInfo.InvariantCulture, $"NPS {s:0.0} (CI {IntervalLow:0.0} to {IntervalHigh:0.0}), n = {Count}")
        : "no NPS (no answers)";
}
