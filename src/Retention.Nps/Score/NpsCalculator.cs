using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace Retention.Nps;

/// <summary>
/// Computes NPS with counts, distribution and margin of error, overall and per segment in one
/// pass, and handles re-ratings (spec: nps.md sections 1, 2 and 8).
/// </summary>
/// <remarks>Holds a validated copy of the options; immutable and thread-safe. The counting loops do not allocate.</remarks>
public sealed class NpsCalculator
{
    private readonly double _z;

    /// <summary>Creates a calculator from options, validating them first.</summary>
    /// <param name="options">The NPS options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad option.</exception>
    public NpsCalculator(NpsOptions options)
    {
        NpsOptionsValidator.ThrowIfInvalid(options);
        Classes = new NpsClassifier(options.PassiveFrom, options.PromoterFrom);
        _z = options.ConfidenceZ;
    }

    /// <summary>Creates a calculator from the options registered in dependency injection.</summary>
    /// <param name="options">The NPS options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public NpsCalculator(IOptions<NpsOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>The class bounds in use.</summary>
    public NpsClassifier Classes { get; }

    /// <summary>The class of one answer.</summary>
    /// <param name="score">A whole number in [0, 10].</param>
    /// <returns>The class.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside [0, 10].</exception>
    public NpsClass Classify(int score) => Classes.Classify(score);

    /// <summary>The NPS of a set of scores. Scores outside [0, 10] are counted in <see cref="NpsSummary.Invalid"/> and left out.</summary>
    /// <param name="scores">The answers.</param>
    /// <returns>The summary; <see cref="NpsSummary.Score"/> is <see langword="null"/> when no answer is valid.</returns>
    public NpsSummary Compute(ReadOnlySpan<int> scores) => Compute(scores, null);

    /// <summary>The NPS of a set of scores, reporting each bad score by index.</summary>
    /// <param name="scores">The answers.</param>
    /// <param name="problems">Receives one entry per score outside [0, 10], or <see langword="null"/> to only count them.</param>
    /// <returns>The summary; <see cref="NpsSummary.Score"/> is <see langword="null"/> when no answer is valid.</returns>
    public NpsSummary Compute(ReadOnlySpan<int> scores, ICollection<AnswerProblem>? problems)
    {
        var tally = default(NpsTally);
        for (int i = 0; i < scores.Length; i++)
        {
            int s = scores[i];
            tally.Add(s);
            if (unchecked((uint)s) > 10)
            {
                problems?.Add(BadScore(i, s));
            }
        }

        return tally.ToSummary(Classes, _z);
    }

    /// <summary>The NPS of a set of answers (every answer counts; see <see cref="LatestAnswers"/> for re-ratings).</summary>
    /// <param name="answers">The answers.</param>
    /// <returns>The summary; answers with a score outside [0, 10] are counted in <see cref="NpsSummary.Invalid"/> and left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is <see langword="null"/>.</exception>
    public NpsSummary Compute(IEnumerable<NpsAnswer> answers) => Compute(answers, null);

    /// <summary>The NPS of a set of answers, reporting each bad answer by its index.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="problems">Receives one entry per score outside [0, 10], or <see langword="null"/> to only count them.</param>
    /// <returns>The summary; <see cref="NpsSummary.Score"/> is <see langword="null"/> when no answer is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is <see langword="null"/>.</exception>
    public NpsSummary Compute(IEnumerable<NpsAnswer> answers, ICollection<AnswerProblem>? problems)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var tally = default(NpsTally);
        int index = 0;
        foreach (var a in answers)
        {
            if (problems is not null && !NpsClassifier.IsValidScore(a.Score))
            {
                problems.Add(BadScore(index, a.Score));
            }

            tally.Add(a.Score);
            index++;
        }

        return tally.ToSummary(Classes, _z);
    }

    /// <summary>
    /// NPS overall and per segment in one pass. <paramref name="keys"/>[i] is the segment of
    /// <paramref name="scores"/>[i]. Bad scores are reported by index, counted as invalid in their
    /// segment and overall, and left out of every NPS.
    /// </summary>
    /// <typeparam name="TKey">The segment key (store, advisor, month...).</typeparam>
    /// <param name="keys">One segment key per answer.</param>
    /// <param name="scores">The answers.</param>
    /// <param name="problems">Receives one entry per bad score, or <see langword="null"/> to only count them.</param>
    /// <returns>The breakdown.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public NpsBreakdown<TKey> BySegment<TKey>(ReadOnlySpan<TKey> keys, ReadOnlySpan<int> scores, ICollection<AnswerProblem>? problems)
        where TKey : notnull
    {
        if (keys.Length != scores.Length)
        {
            throw new ArgumentException($"keys has {keys.Length} entries but scores has {scores.Length}.", nameof(keys));
        }

        var overall = default(NpsTally);
        var segments = new Dictionary<TKey, NpsTally>();
        for (int i = 0; i < scores.Length; i++)
        {
            int s = scores[i];
            overall.Add(s);
            CollectionsMarshal.GetValueRefOrAddDefault(segments, keys[i], out _).Add(s);
            if (unchecked((uint)s) > 10)
            {
                problems?.Add(BadScore(i, s));
            }
        }

        var result = new Dictionary<TKey, NpsSummary>(segments.Count, segments.Comparer);
        foreach (var (key, tally) in segments)
        {
            result.Add(key, tally.ToSummary(Classes, _z));
        }

        return new NpsBreakdown<TKey>(overall.ToSummary(Classes, _z), result);
    }

    /// <summary>NPS overall and per segment in one pass, bad scores only counted.</summary>
    /// <typeparam name="TKey">The segment key.</typeparam>
    /// <param name="keys">One segment key per answer.</param>
    /// <param name="scores">The answers.</param>
    /// <returns>The breakdown.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public NpsBreakdown<TKey> BySegment<TKey>(ReadOnlySpan<TKey> keys, ReadOnlySpan<int> scores)
        where TKey : notnull => BySegment(keys, scores, null);

    /// <summary>
    /// The answers the store's NPS counts when customers re-rate: the latest answer per customer
    /// and visit (spec: nps.md section 8). Of two answers at the same instant, the later in the input wins.
    /// </summary>
    /// <param name="answers">Every answer, including re-ratings, in any order.</param>
    /// <returns>One answer per customer and visit, in the order each pair first appears.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An answer has an empty customer or visit id; the message gives its index.</exception>
    public static IReadOnlyList<NpsAnswer> LatestAnswers(IEnumerable<NpsAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var latest = new Dictionary<(string, string), int>();
        var list = new List<NpsAnswer>();
        int index = 0;
        foreach (var a in answers)
        {
            if (!HasIds(a))
            {
                throw new ArgumentException(EmptyId(index), nameof(answers));
            }

            index++;
            if (latest.TryGetValue((a.CustomerId, a.VisitId), out int at))
            {
                if (a.AnsweredAt >= list[at].AnsweredAt)
                {
                    list[at] = a;
                }
            }
            else
            {
                latest.Add((a.CustomerId, a.VisitId), list.Count);
                list.Add(a);
            }
        }

        return list;
    }

    /// <summary>How re-ratings moved detractors: per customer and visit, the first answer against the latest.</summary>
    /// <param name="answers">Every answer, including re-ratings, in any order.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An answer has an empty id or a score outside [0, 10]; the message gives its index.</exception>
    public ReratingReport Rerating(IEnumerable<NpsAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var pairs = new Dictionary<(string, string), (NpsAnswer First, NpsAnswer Last, int Count)>();
        int index = 0;
        foreach (var a in answers)
        {
            if (!HasIds(a))
            {
                throw new ArgumentException(EmptyId(index), nameof(answers));
            }

            if (!NpsClassifier.IsValidScore(a.Score))
            {
                throw new ArgumentException(BadScore(index, a.Score).Message, nameof(answers));
            }

            index++;
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(pairs, (a.CustomerId, a.VisitId), out bool exists);
            if (!exists)
            {
                slot = (a, a, 1);
                continue;
            }

            var first = a.AnsweredAt < slot.First.AnsweredAt ? a : slot.First;
            var last = a.AnsweredAt >= slot.Last.AnsweredAt ? a : slot.Last;
            slot = (first, last, slot.Count + 1);
        }

        int rerated = 0, detractors = 0, toPassive = 0, toPromoter = 0;
        foreach (var (first, last, count) in pairs.Values)
        {
            if (count < 2)
            {
                continue;
            }

            rerated++;
            if (Classify(first.Score) != NpsClass.Detractor)
            {
                continue;
            }

            detractors++;
            switch (Classify(last.Score))
            {
                case NpsClass.Passive: toPassive++; break;
                case NpsClass.Promoter: toPromoter++; break;
            }
        }

        return new ReratingReport(pairs.Count, rerated, detractors, toPassive, toPromoter);
    }

    private static bool HasIds(in NpsAnswer answer) => !string.IsNullOrEmpty(answer.CustomerId) && !string.IsNullOrEmpty(answer.VisitId);

    private static string EmptyId(int index) => $"answers[{index}] has an empty customer or visit id.";

    private static AnswerProblem BadScore(int index, int score) =>
        new(index, string.Format(CultureInfo.InvariantCulture, "answer {0}: score {1} is not a whole number in [0, 10]", index, score));
}

/// <summary>What re-ratings did (spec: nps.md section 8).</summary>
/// <param name="CustomerVisits">Distinct customer-and-visit pairs answered.</param>
/// <param name="Rerated">Pairs answered more than once.</param>
/// <param name="DetractorsRerated">Re-rated pairs whose first answer was a detractor.</param>
/// <param name="DetractorsToPassive">Of those, how many are now passives.</param>
/// <param name="DetractorsToPromoter">Of those, how many are now promoters.</param>
public readonly record struct ReratingReport(int CustomerVisits, int Rerated, int DetractorsRerated, int DetractorsToPassive, int DetractorsToPromoter)
{
    /// <summary>Re-rated detractors who are no longer detractors.</summary>
    public int DetractorsMoved => DetractorsToPassive + DetractorsToPromoter;
}
