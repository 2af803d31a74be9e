using System;
using System.Collections.Generic;
using System.Globalization;

namespace Retention.Benchmarks;

/// <summary>
/// One deterministic set of NPS answers (fixed seed) in the two shapes the benchmarks read: columns
/// (one span of scores, one of segment keys) and, on request, the classes an app would load. 24 stores with
/// 2 service advisors each (48 advisors); advisors differ in quality and in how many answers they
/// collect. All scores are valid (0..10).
/// </summary>
internal sealed class NpsData
{
    public const int Seed = 20260701;

    public const int Stores = 24;

    public const int AdvisorsPerStore = 2;

    // Share of answers per score 0..10 for an average advisor: a dealer-like skew towards 9 and 10
    // (NPS about +25).
    private static readonly double[] ScoreShares = [0.02, 0.01, 0.02, 0.03, 0.04, 0.06, 0.08, 0.10, 0.14, 0.20, 0.30];

    /// <param name="count">How many answers.</param>
    /// <param name="withClasses">Whether to build <see cref="Answers"/> too (only the baseline reads them).</param>
    public NpsData(int count, bool withClasses)
    {
        var rng = new Random(Seed);
        int advisors = Stores * AdvisorsPerStore;
        var storeCodes = new string[Stores];
        for (int s = 0; s < Stores; s++)
        {
            storeCodes[s] = string.Create(CultureInfo.InvariantCulture, $"SH-{s + 1:00}");
        }

        // Per advisor: a weight (how many answers) and a shift of the score distribution.
        var weights = new double[advisors];
        var shift = new double[advisors];
        double totalWeight = 0;
        for (int a = 0; a < advisors; a++)
        {
            weights[a] = 0.5 + rng.NextDouble();
            totalWeight += weights[a];
            shift[a] = (rng.NextDouble() - 0.5) * 0.3;
        }

        var cumulativeAdvisor = new double[advisors];
        double run = 0;
        for (int a = 0; a < advisors; a++)
        {
            run += weights[a] / totalWeight;
            cumulativeAdvisor[a] = run;
        }

        var cumulativeScore = new double[11];
        run = 0;
        for (int s = 0; s <= 10; s++)
        {
            run += ScoreShares[s];
            cumulativeScore[s] = run;
        }

        Scores = new int[count];
        AdvisorIds = new int[count];
        StoreCodes = new string[count];
        Answers = new List<NaiveNpsAnswer>(withClasses ? count : 0);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (int i = 0; i < count; i++)
        {
            int advisor = Pick(cumulativeAdvisor, rng.NextDouble());
            double u = Math.Clamp(rng.NextDouble() + shift[advisor], 0, 0.999_999);
            int score = Pick(cumulativeScore, u);
            int advisorId = 1001 + advisor;
            string store = storeCodes[advisor / AdvisorsPerStore];

            Scores[i] = score;
            AdvisorIds[i] = advisorId;
            StoreCodes[i] = store;
            if (!withClasses)
            {
                continue;
            }

            Answers.Add(new NaiveNpsAnswer
            {
                Id = i + 1,
                StoreCode = store,
                AdvisorId = advisorId,
                Score = score,
                AnsweredAt = start.AddSeconds(i),
            });
        }
    }

    /// <summary>The answers, one score 0..10 each.</summary>
    public int[] Scores { get; }

    /// <summary>The service advisor of each answer (48 ids, 1001..1048).</summary>
    public int[] AdvisorIds { get; }

    /// <summary>The store of each answer (24 codes; the same string instance per store, as a lookup table would give).</summary>
    public string[] StoreCodes { get; }

    /// <summary>The same answers as an app loads them (empty unless asked for).</summary>
    public List<NaiveNpsAnswer> Answers { get; }

    private static int Pick(double[] cumulative, double u)
    {
        for (int i = 0; i < cumulative.Length - 1; i++)
        {
            if (u < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }
}
