using NodaTime;

namespace Retention.Nps;

/// <summary>A detractor's grade (spec: nps.md section 4). Ordered from mildest to most serious.</summary>
public enum DetractorGrade
{
    /// <summary>Score 6 from an ordinary customer.</summary>
    B = 0,

    /// <summary>Score 4-5, or score 6 from a high-value customer.</summary>
    A = 1,

    /// <summary>Score 0-3, public-opinion risk, or a safety issue.</summary>
    S = 2,
}

/// <summary>The rule that set a detractor's grade.</summary>
public enum GradeRule
{
    /// <summary>The score alone is in grade S.</summary>
    ScoreS = 0,

    /// <summary>Public-opinion risk: a threat to complain to the media, a regulator or online.</summary>
    PublicOpinionRisk,

    /// <summary>A safety issue.</summary>
    SafetyIssue,

    /// <summary>The score alone is in grade A.</summary>
    ScoreA,

    /// <summary>Score 6 from a high-value customer.</summary>
    HighValueCustomer,

    /// <summary>Score 6 from an ordinary customer.</summary>
    Ordinary,
}

/// <summary>What the store knows about a low-score answer when grading it.</summary>
/// <param name="Score">The answer, a whole number in [0, 10].</param>
/// <param name="AnsweredAt">When the customer answered.</param>
/// <param name="PublicOpinionRisk">The customer threatens to go to the media, a regulator or online.</param>
/// <param name="SafetyIssue">The complaint involves vehicle or personal safety.</param>
/// <param name="HighValueCustomer">A high-value customer (value tier High or VIP), as the host decides (for example with Retention.Scoring).</param>
public readonly record struct DetractorCase(int Score, Instant AnsweredAt, bool PublicOpinionRisk = false, bool SafetyIssue = false, bool HighValueCustomer = false);

/// <summary>A detractor's grade with who responds, how fast, and with what authority. Immutable and thread-safe.</summary>
/// <param name="Grade">The grade.</param>
/// <param name="Rule">The rule that set it.</param>
/// <param name="Responder">Who responds.</param>
/// <param name="Involvement">How the responder takes part.</param>
/// <param name="RespondWithin">The response window (wall-clock).</param>
/// <param name="Deadline">Answer time + window; never before the answer.</param>
/// <param name="CompensationAuthority">The most the responder may grant without approval.</param>
/// <param name="Approver">Who approves a plan above the authority.</param>
/// <param name="Reason">Why this grade, in both locales.</param>
public sealed record DetractorGrading(
    DetractorGrade Grade,
    GradeRule Rule,
    StaffRole Responder,
    ResponderInvolvement Involvement,
    Duration RespondWithin,
    Instant Deadline,
    decimal CompensationAuthority,
    StaffRole Approver,
    LocalizedText Reason);

/// <summary>Whether a compensation plan needs approval, and from whom.</summary>
/// <param name="Needed">Whether the plan's total exceeds the grade's authority.</param>
/// <param name="Approver">Who must approve; <see langword="null"/> when no approval is needed.</param>
/// <param name="PlanTotal">The plan's total money value.</param>
/// <param name="Authority">The grade's compensation authority.</param>
/// <param name="Reason">The answer in words, in both locales.</param>
public sealed record ApprovalRequirement(bool Needed, StaffRole? Approver, decimal PlanTotal, decimal Authority, LocalizedText Reason);
