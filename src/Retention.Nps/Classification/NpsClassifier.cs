using System;

namespace Retention.Nps;

/// <summary>Classifies NPS answers (spec: nps.md section 1).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class NpsClassifier
{
    private readonly int _passiveFrom;
    private readonly int _promoterFrom;

    /// <summary>Creates a classifier with the given class bounds.</summary>
    /// <param name="passiveFrom">The lowest passive score, in [1, 10].</param>
    /// <param name="promoterFrom">The lowest promoter score, in (<paramref name="passiveFrom"/>, 10].</param>
    /// <exception cref="ArgumentOutOfRangeException">The bounds are out of order or out of range.</exception>
    public NpsClassifier(int passiveFrom, int promoterFrom)
    {
        if (passiveFrom < 1 || passiveFrom > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(passiveFrom), passiveFrom, "The lowest passive score must be in [1, 10].");
        }

        if (promoterFrom <= passiveFrom || promoterFrom > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(promoterFrom), promoterFrom, "The lowest promoter score must be above the lowest passive score and at most 10.");
        }

        _passiveFrom = passiveFrom;
        _promoterFrom = promoterFrom;
    }

    /// <summary>The standard classes: detractor 0-6, passive 7-8, promoter 9-10.</summary>
    public static NpsClassifier Standard { get; } = new(7, 9);

    /// <summary>The lowest passive score.</summary>
    public int PassiveFrom => _passiveFrom;

    /// <summary>The lowest promoter score.</summary>
    public int PromoterFrom => _promoterFrom;

    /// <summary>Whether a value is a valid NPS answer: a whole number in [0, 10].</summary>
    /// <param name="score">The value.</param>
    /// <returns><see langword="true"/> for 0..10.</returns>
    // unchecked: the build checks overflow, and a negative score must read as invalid rather than throw.
    public static bool IsValidScore(int score) => unchecked((uint)score) <= 10;

    /// <summary>The class of an answer.</summary>
    /// <param name="score">The answer, a whole number in [0, 10].</param>
    /// <returns>The class.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside [0, 10].</exception>
    public NpsClass Classify(int score)
    {
        if (!IsValidScore(score))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "An NPS answer is a whole number in [0, 10].");
        }

        return score >= PromoterFrom ? NpsClass.Promoter : score >= PassiveFrom ? NpsClass.Passive : NpsClass.Detractor;
    }
}
