using System;

namespace Retention.Scripts;

/// <summary>
/// Who and when a script is for: a risk tier, detractor grade, customer segment, churn stage, value tier,
/// topic (objection or follow-up occasion) and workflow step. Every part is optional; the values are the
/// names used by the other Retention packages (<c>Yellow</c>, <c>S</c>, <c>Vip</c>, <c>PreChurn</c>, <c>High</c>),
/// kept as text so this package depends on no other Retention package.
/// </summary>
/// <remarks>Immutable and thread-safe. Values compare ordinally, ignoring case.</remarks>
public sealed record ScriptAudience
{
    /// <summary>An audience that matches no specific query field (the script is found by id only).</summary>
    public static ScriptAudience Anyone { get; } = new();

    /// <summary>Risk tier: <c>Yellow</c>, <c>Orange</c> or <c>Red</c>, or <see langword="null"/>.</summary>
    public string? Tier { get; init; }

    /// <summary>Detractor grade: <c>S</c>, <c>A</c> or <c>B</c>, or <see langword="null"/>.</summary>
    public string? Grade { get; init; }

    /// <summary>Contact segment: <c>Complaint</c>, <c>Vip</c>, <c>Lost</c>, <c>Sleeping</c> or <c>Active</c>, or <see langword="null"/>.</summary>
    public string? Segment { get; init; }

    /// <summary>Churn stage: <c>PreChurn</c>, <c>EarlyChurn</c> or <c>DeepChurn</c>, or <see langword="null"/>.</summary>
    public string? Stage { get; init; }

    /// <summary>Value tier: <c>High</c>, <c>Mid</c> or <c>Low</c>, or <see langword="null"/>.</summary>
    public string? ValueTier { get; init; }

    /// <summary>A topic tag such as an objection (<c>price</c>) or a follow-up occasion (<c>day7</c>), or <see langword="null"/>.</summary>
    public string? Topic { get; init; }

    /// <summary>A workflow step id (as named by Retention.Workflows), or <see langword="null"/>.</summary>
    public string? Step { get; init; }

    /// <summary>
    /// Whether a script with this audience answers <paramref name="query"/>: every field the query sets must be
    /// equal (ignoring case) to this audience's field; fields the query leaves <see langword="null"/> match anything.
    /// </summary>
    /// <param name="query">The query.</param>
    /// <returns><see langword="true"/> when every field the query sets matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    public bool Matches(ScriptAudience query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Field(query.Tier, Tier) && Field(query.Grade, Grade) && Field(query.Segment, Segment) && Field(query.Stage, Stage)
            && Field(query.ValueTier, ValueTier) && Field(query.Topic, Topic) && Field(query.Step, Step);

        static bool Field(string? wanted, string? have) => wanted is null || string.Equals(wanted, have, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the query sets no field at all.</summary>
    internal bool IsEmpty => Tier is null && Grade is null && Segment is null && Stage is null && ValueTier is null && Topic is null && Step is null;
}
