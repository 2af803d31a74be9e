using System;
using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NodaTime;

namespace Retention.Workflows;

/// <summary>
/// What the workflow knows about its case when it starts: the customer's risk tier, the detractor grade, the value
/// score, the store's time zone and any other facts as free key/value pairs. Step conditions
/// (<see cref="StepCondition"/>) are evaluated against it.
/// </summary>
/// <remarks>
/// <para>The store zone is pinned when the workflow starts: <see cref="WorkflowEngine.Start(WorkflowDefinition, string, WorkflowContext, Instant)"/>
/// fills it from <see cref="WorkflowOptions.StoreTimeZone"/> when it is <see langword="null"/>, and the instance keeps it.</para>
/// <para>Immutable and thread-safe. Equality compares every value, including the free pairs.</para>
/// </remarks>
public sealed record WorkflowContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="riskTier">The churn-risk tier (Retention.Scoring), if known.</param>
    /// <param name="grade">The detractor grade (Retention.Nps), if known.</param>
    /// <param name="valueScore">The value score in [0, 100] (Retention.Scoring), if known.</param>
    /// <param name="storeZoneId">The store's IANA time zone id (such as <c>Asia/Shanghai</c>), or <see langword="null"/> for the configured default.</param>
    /// <param name="values">Free facts by key (ordinal keys), or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">A tier or grade is not a known value, or the value score is not a number in [0, 100].</exception>
    /// <exception cref="ArgumentException">The zone id is not a known IANA zone, or a key is empty or a value is <see langword="null"/>.</exception>
    public WorkflowContext(
        RiskTier? riskTier = null,
        DetractorGrade? grade = null,
        double? valueScore = null,
        string? storeZoneId = null,
        ImmutableSortedDictionary<string, string>? values = null)
    {
        if (riskTier is { } t && !Enum.IsDefined(t))
        {
            throw new ArgumentOutOfRangeException(nameof(riskTier), riskTier, "The risk tier is not a known tier.");
        }

        if (grade is { } g && !Enum.IsDefined(g))
        {
            throw new ArgumentOutOfRangeException(nameof(grade), grade, "The detractor grade is not a known grade.");
        }

        if (valueScore is { } v && !(v >= 0 && v <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(valueScore), valueScore, "The value score must be a number in [0, 100].");
        }

        if (storeZoneId is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(storeZoneId) is null)
        {
            throw new ArgumentException($"\"{storeZoneId}\" is not an IANA time zone id such as Asia/Shanghai.", nameof(storeZoneId));
        }

        values ??= ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
        if (!ReferenceEquals(values.KeyComparer, StringComparer.Ordinal))
        {
            values = values.WithComparers(StringComparer.Ordinal);
        }

        foreach (var pair in values)
        {
            if (string.IsNullOrWhiteSpace(pair.Key))
            {
                throw new ArgumentException("A context key must not be empty.", nameof(values));
            }

            if (pair.Value is null)
            {
                throw new ArgumentException($"The context value of \"{pair.Key}\" must not be null.", nameof(values));
            }
        }

        RiskTier = riskTier;
        Grade = grade;
        ValueScore = valueScore;
        StoreZoneId = storeZoneId;
        Values = values;
    }

    /// <summary>A context that knows nothing; the store zone comes from the options.</summary>
    public static WorkflowContext Empty { get; } = new();

    /// <summary>The churn-risk tier, if known.</summary>
    public RiskTier? RiskTier { get; }

    /// <summary>The detractor grade, if known.</summary>
    public DetractorGrade? Grade { get; }

    /// <summary>The value score in [0, 100], if known.</summary>
    public double? ValueScore { get; }

    /// <summary>The store's IANA time zone id; never <see langword="null"/> in a started instance.</summary>
    public string? StoreZoneId { get; }

    /// <summary>Free facts by key, sorted by key (ordinal).</summary>
    [JsonConverter(typeof(StringMapJsonConverter))]
    public ImmutableSortedDictionary<string, string> Values { get; }

    /// <summary>Returns a copy with one free fact set (added or replaced).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new context.</returns>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public WorkflowContext With(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        return new WorkflowContext(RiskTier, Grade, ValueScore, StoreZoneId, Values.SetItem(key, value));
    }

    /// <summary>Returns a copy in another store zone.</summary>
    /// <param name="storeZoneId">The IANA zone id, or <see langword="null"/> for the configured default.</param>
    /// <returns>The new context.</returns>
    /// <exception cref="ArgumentException">The zone id is not a known IANA zone.</exception>
    public WorkflowContext InZone(string? storeZoneId) => new(RiskTier, Grade, ValueScore, storeZoneId, Values);

    /// <summary>Whether both contexts hold the same values.</summary>
    /// <param name="other">The other context.</param>
    /// <returns><see langword="true"/> when every value is equal.</returns>
    public bool Equals(WorkflowContext? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || RiskTier != other.RiskTier || Grade != other.Grade || !Nullable.Equals(ValueScore, other.ValueScore)
            || !string.Equals(StoreZoneId, other.StoreZoneId, StringComparison.Ordinal) || Values.Count != other.Values.Count)
        {
            return false;
        }

        foreach (var pair in Values)
        {
            if (!other.Values.TryGetValue(pair.Key, out var v) || !string.Equals(v, pair.Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash of the values.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(RiskTier);
        hash.Add(Grade);
        hash.Add(ValueScore);
        hash.Add(StoreZoneId, StringComparer.Ordinal);
        foreach (var pair in Values)
        {
            hash.Add(pair.Key, StringComparer.Ordinal);
            hash.Add(pair.Value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    internal string? Lookup(string key) => Values.TryGetValue(key, out var v) ? v : null;
}
