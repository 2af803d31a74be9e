using System;
using System.Globalization;

namespace Retention.Scoring;

/// <summary>Counts over a scored batch: valid and invalid records, and valid records per risk tier and churn stage.</summary>
/// <remarks>Immutable and thread-safe. Summaries of parts of a batch add up with <see cref="Plus"/>.</remarks>
public readonly struct BatchSummary : IEquatable<BatchSummary>
{
    private readonly TierCounts _tiers;
    private readonly StageCounts _stages;

    internal BatchSummary(int invalid, in TierCounts tiers, in StageCounts stages)
    {
        Invalid = invalid;
        _tiers = tiers;
        _stages = stages;
    }

    /// <summary>The number of records that were scored (valid records).</summary>
    public int Scored => _stages.Active + _stages.PreChurn + _stages.EarlyChurn + _stages.DeepChurn + _stages.Lost;

    /// <summary>The number of bad records that were reported and skipped.</summary>
    public int Invalid { get; }

    /// <summary>The number of valid records in a risk tier.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tier"/> is not a defined value.</exception>
    public int Count(RiskTier tier) => tier switch
    {
        RiskTier.None => _tiers.None,
        RiskTier.Yellow => _tiers.Yellow,
        RiskTier.Orange => _tiers.Orange,
        RiskTier.Red => _tiers.Red,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown risk tier."),
    };

    /// <summary>The number of valid records in a churn stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is not a defined value.</exception>
    public int Count(ChurnStage stage) => stage switch
    {
        ChurnStage.Active => _stages.Active,
        ChurnStage.PreChurn => _stages.PreChurn,
        ChurnStage.EarlyChurn => _stages.EarlyChurn,
        ChurnStage.DeepChurn => _stages.DeepChurn,
        ChurnStage.Lost => _stages.Lost,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown churn stage."),
    };

    /// <summary>Adds the counts of two summaries (for a batch scored in parts).</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>The combined summary.</returns>
    public BatchSummary Plus(BatchSummary other) => new(
        checked(Invalid + other.Invalid),
        new TierCounts(_tiers.None + other._tiers.None, _tiers.Yellow + other._tiers.Yellow, _tiers.Orange + other._tiers.Orange, _tiers.Red + other._tiers.Red),
        new StageCounts(_stages.Active + other._stages.Active, _stages.PreChurn + other._stages.PreChurn, _stages.EarlyChurn + other._stages.EarlyChurn,
            _stages.DeepChurn + other._stages.DeepChurn, _stages.Lost + other._stages.Lost));

    /// <summary>Adds the counts of two summaries.</summary>
    /// <param name="left">The first summary.</param>
    /// <param name="right">The second summary.</param>
    /// <returns>The combined summary.</returns>
    public static BatchSummary operator +(BatchSummary left, BatchSummary right) => left.Plus(right);

    /// <inheritdoc/>
    public bool Equals(BatchSummary other) => Invalid == other.Invalid && _tiers.Equals(other._tiers) && _stages.Equals(other._stages);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is BatchSummary other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Invalid, _tiers, _stages);

    /// <summary>Compares two summaries for equality.</summary>
    /// <param name="left">The first summary.</param>
    /// <param name="right">The second summary.</param>
    /// <returns><see langword="true"/> when every count is equal.</returns>
    public static bool operator ==(BatchSummary left, BatchSummary right) => left.Equals(right);

    /// <summary>Compares two summaries for inequality.</summary>
    /// <param name="left">The first summary.</param>
    /// <param name="right">The second summary.</param>
    /// <returns><see langword="true"/> when any count differs.</returns>
    public static bool operator !=(BatchSummary left, BatchSummary right) => !left.Equals(right);

    /// <summary>Formats the counts in English.</summary>
    /// <returns>The counts.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"scored {Scored}, invalid {Invalid}; tiers none {_tiers.None}, yellow {_tiers.Yellow}, orange {_tiers.Orange}, red {_tiers.Red}; "
        + $"stages active {_stages.Active}, pre-churn {_stages.PreChurn}, early {_stages.EarlyChurn}, deep {_stages.DeepChurn}, lost {_stages.Lost}");
}

internal readonly record struct TierCounts(int None, int Yellow, int Orange, int Red);

internal readonly record struct StageCounts(int Active, int PreChurn, int EarlyChurn, int DeepChurn, int Lost);

/// <summary>Mutable counters used while a batch runs; turned into a <see cref="BatchSummary"/> at the end.</summary>
internal struct BatchCounter
{
    public int Invalid;
    public int None, Yellow, Orange, Red;
    public int Active, PreChurn, EarlyChurn, DeepChurn, Lost;

    public void Add(RiskTier tier, ChurnStage stage)
    {
        switch (tier)
        {
            case RiskTier.None: None++; break;
            case RiskTier.Yellow: Yellow++; break;
            case RiskTier.Orange: Orange++; break;
            default: Red++; break;
        }

        switch (stage)
        {
            case ChurnStage.Active: Active++; break;
            case ChurnStage.PreChurn: PreChurn++; break;
            case ChurnStage.EarlyChurn: EarlyChurn++; break;
            case ChurnStage.DeepChurn: DeepChurn++; break;
            default: Lost++; break;
        }
    }

    public readonly BatchSummary ToSummary() =>
        new(Invalid, new TierCounts(None, Yellow, Orange, Red), new StageCounts(Active, PreChurn, EarlyChurn, DeepChurn, Lost));
}
