using System;
using System.Runtime.CompilerServices;

namespace Retention.Nps;

/// <summary>Counts of answers per score 0..10; the running state of an NPS computation.</summary>
[InlineArray(11)]
internal struct ScoreCounts
{
    private int _element0;
}

/// <summary>A mutable tally used while answers are counted; turned into an <see cref="NpsSummary"/> at the end.</summary>
internal struct NpsTally
{
    public ScoreCounts Counts;
    public int Invalid;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int score)
    {
        if (unchecked((uint)score) <= 10)
        {
            Counts[score]++;
        }
        else
        {
            Invalid++;
        }
    }

    public readonly NpsSummary ToSummary(NpsClassifier classes, double z)
    {
        var distribution = new int[11];
        for (int i = 0; i <= 10; i++)
        {
            distribution[i] = Counts[i];
        }

        return NpsSummary.FromDistribution(distribution, Invalid, classes, z);
    }
}
