using System;
using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Retention.Nps;

/// <summary>
/// Grades detractors S / A / B and answers "does this compensation plan need approval, and from
/// whom" (spec: nps.md section 4).
/// </summary>
/// <remarks>
/// Decision: S if score &lt;= 3 or public-opinion risk or a safety issue; A if score 4-5, or a
/// score of 6 from a high-value customer; B otherwise. Holds a validated copy of the options;
/// immutable and thread-safe.
/// </remarks>
public sealed class DetractorGrader
{
    private readonly int _sUpTo;
    private readonly int _aUpTo;
    private readonly int _passiveFrom;
    private readonly Profile _s;
    private readonly Profile _a;
    private readonly Profile _b;

    /// <summary>Creates the grader from options, validating them first.</summary>
    /// <param name="options">The NPS options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad option.</exception>
    public DetractorGrader(NpsOptions options)
    {
        NpsOptionsValidator.ThrowIfInvalid(options);
        var g = options.Grades;
        (_sUpTo, _aUpTo, _passiveFrom) = (g.SUpTo, g.AUpTo, options.PassiveFrom);
        (_s, _a, _b) = (new Profile(g.S), new Profile(g.A), new Profile(g.B));
    }

    /// <summary>Creates the grader from the options registered in dependency injection.</summary>
    /// <param name="options">The NPS options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public DetractorGrader(IOptions<NpsOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>
    /// Grades a low-score answer. Answers that are not detractors get a grade only when they carry
    /// public-opinion risk or a safety issue (grade S); otherwise the result is <see langword="null"/>.
    /// </summary>
    /// <param name="case">The answer and what the store knows about it.</param>
    /// <returns>The grading, or <see langword="null"/> when the answer needs no rescue.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The score is outside [0, 10].</exception>
    public DetractorGrading? Grade(DetractorCase @case)
    {
        int score = @case.Score;
        if (!NpsClassifier.IsValidScore(score))
        {
            throw new ArgumentOutOfRangeException(nameof(@case), score, "An NPS answer is a whole number in [0, 10].");
        }

        string s = score.ToString(CultureInfo.InvariantCulture);
        if (score <= _sUpTo)
        {
            return Make(@case, DetractorGrade.S, GradeRule.ScoreS, _s, new($"评分 {s}（≤ {_sUpTo}）：S 级", $"score {s} (at most {_sUpTo}): grade S"));
        }

        if (@case.PublicOpinionRisk)
        {
            return Make(@case, DetractorGrade.S, GradeRule.PublicOpinionRisk, _s, new($"评分 {s}，客户扬言向媒体、监管或网络投诉：S 级", $"score {s} and the customer threatens to go to the media, a regulator or online: grade S"));
        }

        if (@case.SafetyIssue)
        {
            return Make(@case, DetractorGrade.S, GradeRule.SafetyIssue, _s, new($"评分 {s}，涉及安全问题：S 级", $"score {s} and a safety issue: grade S"));
        }

        if (score >= _passiveFrom)
        {
            return null;
        }

        if (score <= _aUpTo)
        {
            return Make(@case, DetractorGrade.A, GradeRule.ScoreA, _a, new($"评分 {s}（{_sUpTo + 1}-{_aUpTo}）：A 级", $"score {s} ({_sUpTo + 1}-{_aUpTo}): grade A"));
        }

        if (@case.HighValueCustomer)
        {
            return Make(@case, DetractorGrade.A, GradeRule.HighValueCustomer, _a, new($"评分 {s}，高价值客户：A 级", $"score {s} from a high-value customer: grade A"));
        }

        return Make(@case, DetractorGrade.B, GradeRule.Ordinary, _b, new($"评分 {s}，普通客户：B 级", $"score {s} from an ordinary customer: grade B"));
    }

    /// <summary>The compensation authority of a grade.</summary>
    /// <param name="grade">The grade.</param>
    /// <returns>The most the grade's responder may grant without approval.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grade"/> is not defined.</exception>
    public decimal AuthorityOf(DetractorGrade grade) => ProfileOf(grade).Authority;

    /// <summary>Whether a plan of <paramref name="planTotal"/> needs approval at <paramref name="grade"/>, and from whom.</summary>
    /// <param name="grade">The case's grade.</param>
    /// <param name="planTotal">The plan's total money value, at least 0.</param>
    /// <returns>The requirement: approval is needed when the total exceeds the grade's authority.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="planTotal"/> is negative or <paramref name="grade"/> is not defined.</exception>
    public ApprovalRequirement ApprovalFor(DetractorGrade grade, decimal planTotal)
    {
        if (planTotal < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(planTotal), planTotal, "A plan's total must be >= 0.");
        }

        var p = ProfileOf(grade);
        string total = planTotal.ToString("0.##", CultureInfo.InvariantCulture), authority = p.Authority.ToString("0.##", CultureInfo.InvariantCulture);
        return planTotal > p.Authority
            ? new ApprovalRequirement(true, p.Approver, planTotal, p.Authority,
                new($"方案总额 {total} 超出 {grade} 级权限 {authority}：需{p.Approver.DisplayName().ZhCn}审批", $"the plan's total {total} exceeds grade {grade}'s authority of {authority}: the {p.Approver.DisplayName().En} must approve"))
            : new ApprovalRequirement(false, null, planTotal, p.Authority,
                new($"方案总额 {total} 在 {grade} 级权限 {authority} 以内：无需审批", $"the plan's total {total} is within grade {grade}'s authority of {authority}: no approval needed"));
    }

    /// <summary>Whether a compensation plan needs approval at <paramref name="grade"/>, and from whom.</summary>
    /// <param name="grade">The case's grade.</param>
    /// <param name="plan">The plan.</param>
    /// <returns>The requirement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grade"/> is not defined.</exception>
    public ApprovalRequirement ApprovalFor(DetractorGrade grade, CompensationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return ApprovalFor(grade, plan.Total);
    }

    private Profile ProfileOf(DetractorGrade grade) => grade switch
    {
        DetractorGrade.S => _s,
        DetractorGrade.A => _a,
        DetractorGrade.B => _b,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "Unknown detractor grade."),
    };

    private static DetractorGrading Make(DetractorCase c, DetractorGrade grade, GradeRule rule, Profile p, LocalizedText reason) =>
        new(grade, rule, p.Responder, p.Involvement, p.Within, c.AnsweredAt + p.Within, p.Authority, p.Approver, reason);

    private readonly struct Profile(GradeProfileOptions o)
    {
        public Duration Within { get; } = Duration.FromTimeSpan(o.RespondWithin);

        public StaffRole Responder { get; } = o.Responder;

        public ResponderInvolvement Involvement { get; } = o.Involvement;

        public decimal Authority { get; } = o.CompensationAuthority;

        public StaffRole Approver { get; } = o.Approver;
    }
}
