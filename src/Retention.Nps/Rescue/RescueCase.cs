using System.Collections.Generic;
using NodaTime;

namespace Retention.Nps;

/// <summary>Why a customer gave a low score (spec: nps.md section 7).</summary>
public enum LowScoreReason
{
    /// <summary>Anything else, or not recorded.</summary>
    Other = 0,

    /// <summary>Waiting time.</summary>
    WaitingTime = 1,

    /// <summary>A repeat repair, or the problem was not fixed.</summary>
    RepeatRepair = 2,

    /// <summary>Staff attitude.</summary>
    Attitude = 3,

    /// <summary>A dispute about the price.</summary>
    PriceDispute = 4,

    /// <summary>Poor communication.</summary>
    PoorCommunication = 5,
}

/// <summary>Where a rescue case ended up.</summary>
public enum RescueOutcome
{
    /// <summary>Still open.</summary>
    Open = 0,

    /// <summary>The customer was won back.</summary>
    Recovered = 1,

    /// <summary>The customer was lost.</summary>
    Lost = 2,
}

/// <summary>One low-score rescue case, as the host records it.</summary>
/// <param name="CaseId">The host's case id.</param>
/// <param name="AnsweredAt">When the low score was given.</param>
/// <param name="Score">The low score, a whole number in [0, 10].</param>
/// <param name="Reason">Why the score was low.</param>
/// <param name="StartedAt">When the rescue started; <see langword="null"/> if it never did.</param>
/// <param name="FirstResponseAt">When the store first responded to the customer; <see langword="null"/> if it has not.</param>
/// <param name="Outcome">Where the case ended up.</param>
/// <param name="TurnedPromoter">Whether the customer re-rated as a promoter (only for a recovered case).</param>
public readonly record struct RescueCase(
    string CaseId,
    Instant AnsweredAt,
    int Score,
    LowScoreReason Reason,
    Instant? StartedAt,
    Instant? FirstResponseAt,
    RescueOutcome Outcome,
    bool TurnedPromoter);

/// <summary>A bad rescue case: where it is in the input and why it was left out.</summary>
/// <param name="Index">The case's zero-based index in the input.</param>
/// <param name="Message">What is wrong, in English.</param>
public readonly record struct RescueCaseProblem(int Index, string Message);

/// <summary>A month's rescue statistics (spec: nps.md section 7). Rates are shares of <see cref="LowScores"/>, 0 when there are none.</summary>
/// <param name="Month">The month, in the store's calendar.</param>
/// <param name="LowScores">Low-score cases whose answer falls in the month.</param>
/// <param name="Started">Of those, rescues started.</param>
/// <param name="RespondedWithinWindow">Of those, first responded within the window (default 24 hours).</param>
/// <param name="Recovered">Of those, recovered.</param>
/// <param name="TurnedPromoter">Of those, re-rated as promoters.</param>
/// <param name="Lost">Of those, lost.</param>
/// <param name="Reasons">Cases per low-score reason (every reason listed, zeros included).</param>
/// <param name="Problems">Bad cases, reported by index and left out of every count.</param>
public sealed record RescueReport(
    YearMonth Month,
    int LowScores,
    int Started,
    int RespondedWithinWindow,
    int Recovered,
    int TurnedPromoter,
    int Lost,
    IReadOnlyDictionary<LowScoreReason, int> Reasons,
    IReadOnlyList<RescueCaseProblem> Problems)
{
    /// <summary>Started / low scores.</summary>
    public double StartedRate => Rate(Started);

    /// <summary>Responded within the window / low scores.</summary>
    public double RespondedWithinWindowRate => Rate(RespondedWithinWindow);

    /// <summary>Recovered / low scores.</summary>
    public double RecoveredRate => Rate(Recovered);

    /// <summary>Turned promoter / low scores.</summary>
    public double TurnedPromoterRate => Rate(TurnedPromoter);

    /// <summary>Lost / low scores.</summary>
    public double LostRate => Rate(Lost);

    private double Rate(int count) => LowScores == 0 ? 0 : (double)count / LowScores;
}

/// <summary>Rescue statistics of a month overall and per segment (store, advisor, ...).</summary>
/// <typeparam name="TKey">The segment key the host chose.</typeparam>
/// <param name="Overall">The report over every case, with the bad cases by index.</param>
/// <param name="Segments">The report per segment key, for every key that has a valid case.</param>
public sealed record RescueBreakdown<TKey>(RescueReport Overall, IReadOnlyDictionary<TKey, RescueReport> Segments)
    where TKey : notnull;
