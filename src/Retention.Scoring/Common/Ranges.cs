using System;
using System.Globalization;

namespace Retention.Scoring;

/// <summary>An inclusive range of shares or probabilities, each in [0, 1].</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Min">The lower end, in [0, 1].</param>
/// <param name="Max">The upper end, in [<paramref name="Min"/>, 1].</param>
public readonly record struct ShareRange(double Min, double Max)
{
    /// <summary>Formats the range as whole percentages, for example <c>15-25 %</c>.</summary>
    /// <returns>The range as percentages.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Min * 100:0.#}-{Max * 100:0.#} %");

    /// <summary>Whether <paramref name="value"/> lies inside the range (both ends included).</summary>
    /// <param name="value">A share in [0, 1].</param>
    /// <returns><see langword="true"/> when <c>Min &lt;= value &lt;= Max</c>.</returns>
    public bool Contains(double value) => value >= Min && value <= Max;
}

/// <summary>An inclusive range of money in the store's currency.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Min">The lower end, at least 0.</param>
/// <param name="Max">The upper end, at least <paramref name="Min"/>.</param>
public readonly record struct MoneyRange(decimal Min, decimal Max)
{
    /// <summary>Formats the range, for example <c>300-500</c>.</summary>
    /// <returns>The range as text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Min:0.##}-{Max:0.##}");

    /// <summary>Whether <paramref name="value"/> lies inside the range (both ends included).</summary>
    /// <param name="value">An amount of money.</param>
    /// <returns><see langword="true"/> when <c>Min &lt;= value &lt;= Max</c>.</returns>
    public bool Contains(decimal value) => value >= Min && value <= Max;

    internal static MoneyRange Checked(decimal min, decimal max)
    {
        if (min < 0 || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(min), "A money range needs 0 <= min <= max.");
        }

        return new MoneyRange(min, max);
    }
}
