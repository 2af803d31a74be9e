using NodaTime;

namespace Retention.Nps;

/// <summary>The level of a low-score alert (spec: nps.md section 3). Ordered by severity.</summary>
public enum AlertLevel
{
    /// <summary>No alert (default: score 8-10).</summary>
    None = 0,

    /// <summary>Default: score 7. Enter the passive-conversion plan.</summary>
    Orange = 1,

    /// <summary>Default: score 4-6.</summary>
    Yellow = 2,

    /// <summary>Default: score 0-3.</summary>
    Red = 3,
}

/// <summary>
/// The alert one answer raises: who to notify and how, by when someone must respond, and who it
/// escalates to when nobody does. Immutable and thread-safe.
/// </summary>
/// <param name="Level">The level; <see cref="AlertLevel.None"/> when the answer raises no alert.</param>
/// <param name="Score">The answer's score.</param>
/// <param name="AnsweredAt">When the customer answered.</param>
/// <param name="Notify">Who is notified; <see langword="null"/> without an alert.</param>
/// <param name="Channels">How they are notified.</param>
/// <param name="Mark">The mark on the store's board.</param>
/// <param name="Deadline">Answer time + the level's window (wall-clock); <see langword="null"/> without an alert. Never before <paramref name="AnsweredAt"/>.</param>
/// <param name="EscalateTo">Who it escalates to when the deadline passes without a response; <see langword="null"/> for none.</param>
/// <param name="Action">What to do, in both locales.</param>
public sealed record LowScoreAlert(
    AlertLevel Level,
    int Score,
    Instant AnsweredAt,
    StaffRole? Notify,
    AlertChannels Channels,
    AlertMark Mark,
    Instant? Deadline,
    StaffRole? EscalateTo,
    LocalizedText Action)
{
    /// <summary>Whether the answer raises an alert.</summary>
    public bool Raised => Level != AlertLevel.None;

    /// <summary>Whether the alert is overdue at <paramref name="now"/>: nobody responded and the deadline has come (the deadline instant itself is late, as a step's due instant in Retention.Workflows).</summary>
    /// <param name="now">The moment to check.</param>
    /// <param name="responded">Whether someone has responded.</param>
    /// <returns><see langword="true"/> when overdue.</returns>
    public bool IsOverdue(Instant now, bool responded) =>
        !responded && Deadline is Instant d && now >= d;

    /// <summary>Whether the alert escalates at <paramref name="now"/>: it is overdue and has an escalation target.</summary>
    /// <param name="now">The moment to check.</param>
    /// <param name="responded">Whether someone has responded.</param>
    /// <returns><see langword="true"/> when it escalates to <see cref="EscalateTo"/>.</returns>
    public bool ShouldEscalate(Instant now, bool responded) => EscalateTo is not null && IsOverdue(now, responded);
}
