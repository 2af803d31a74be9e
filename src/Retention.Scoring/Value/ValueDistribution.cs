using System;
using System.Collections.Generic;

namespace Retention.Scoring;

/// <summary>
/// The CLVs of a store's whole customer base, sorted once, so that a customer's value score (the
/// percentile rank of their CLV) is found in O(log n) (spec: scoring.md section 5.4).
/// </summary>
/// <remarks>
/// <para>
/// The value score of a CLV is <c>100 x (number of customers in the base with a lower CLV) / n</c>:
/// 0 for the lowest, and at least 80 exactly for the top 20 %. A CLV above every CLV in the base scores 100.
/// </para>
/// <para>Immutable and thread-safe once built.</para>
/// </remarks>
public sealed class ValueDistribution
{
    private readonly decimal[] _sorted;

    private ValueDistribution(decimal[] sorted) => _sorted = sorted;

    /// <summary>The number of customers in the base.</summary>
    public int Count => _sorted.Length;

    /// <summary>The lowest CLV in the base.</summary>
    public decimal Min => _sorted[0];

    /// <summary>The highest CLV in the base.</summary>
    public decimal Max => _sorted[^1];

    /// <summary>Builds the distribution from every customer's CLV.</summary>
    /// <param name="lifetimeValues">The CLVs; at least one. Negative CLVs are allowed (a customer can cost more than they bring).</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentException"><paramref name="lifetimeValues"/> is empty.</exception>
    public static ValueDistribution Create(ReadOnlySpan<decimal> lifetimeValues)
    {
        if (lifetimeValues.IsEmpty)
        {
            throw new ArgumentException("A value distribution needs at least one customer's CLV.", nameof(lifetimeValues));
        }

        var sorted = lifetimeValues.ToArray();
        Array.Sort(sorted);
        return new ValueDistribution(sorted);
    }

    /// <summary>Builds the distribution from every customer's CLV.</summary>
    /// <param name="lifetimeValues">The CLVs; at least one.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lifetimeValues"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="lifetimeValues"/> is empty.</exception>
    public static ValueDistribution Create(IEnumerable<decimal> lifetimeValues)
    {
        ArgumentNullException.ThrowIfNull(lifetimeValues);
        return Create(new List<decimal>(lifetimeValues).ToArray());
    }

    /// <summary>The value score of a CLV: its percentile rank in the base, in [0, 100].</summary>
    /// <param name="lifetimeValue">A CLV.</param>
    /// <returns><c>100 x (CLVs in the base below <paramref name="lifetimeValue"/>) / Count</c>.</returns>
    public double PercentileRank(decimal lifetimeValue)
    {
        // First index whose value is >= lifetimeValue: the number of strictly lower CLVs.
        int lo = 0, hi = _sorted.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (_sorted[mid] < lifetimeValue)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return 100.0 * lo / _sorted.Length;
    }
}
