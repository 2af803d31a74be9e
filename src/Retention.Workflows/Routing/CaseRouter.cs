using System;
using Microsoft.Extensions.Options;

namespace Retention.Workflows;

/// <summary>What decides who follows up a visit (workflows.md section 5, dual channel).</summary>
/// <param name="IsVip">Whether the customer is a VIP.</param>
/// <param name="LatestRating">The customer's latest 0-10 rating, or <see langword="null"/> when there is none.</param>
/// <param name="ComplexRepair">Whether the visit was a complex repair.</param>
/// <param name="PastComplaints">Whether the customer has complained before.</param>
/// <param name="RedRecoveryCare">Whether the customer is in the first three months of a Red-tier recovery's care (the
/// <c>care-first-3-months</c> step of <see cref="BuiltInWorkflows.RedRecovery"/> is open): every service then gets the
/// advisor's call within 24 hours (workflows.md section 2, Red step 7).</param>
public readonly record struct FollowUpFacts(bool IsVip = false, int? LatestRating = null, bool ComplexRepair = false, bool PastComplaints = false, bool RedRecoveryCare = false);

/// <summary>Who makes the first follow-up after a visit.</summary>
public enum FollowUpBy
{
    /// <summary>The automated voice survey (most customers); a problem reported to it goes to a person at once.</summary>
    Automated = 0,

    /// <summary>The service advisor's call (the customers that matter most).</summary>
    Advisor = 1,

    /// <summary>The service advisor's call within 24 hours of the visit (the first three months of a Red-tier recovery's care).</summary>
    RecoveryCare = 2,
}

/// <summary>The rule that chose the follow-up channel.</summary>
public enum FollowUpRule
{
    /// <summary>No rule for a personal call held: the automated survey.</summary>
    MostCustomers = 0,

    /// <summary>A VIP.</summary>
    Vip = 1,

    /// <summary>A latest rating below <see cref="RoutingOptions.AdvisorCallBelowRating"/>.</summary>
    LowRating = 2,

    /// <summary>A complex repair.</summary>
    ComplexRepair = 3,

    /// <summary>Past complaints.</summary>
    PastComplaints = 4,

    /// <summary>In the first three months of a Red-tier recovery's care (<see cref="FollowUpFacts.RedRecoveryCare"/>).</summary>
    RedRecoveryCare = 5,
}

/// <summary>Who follows up a visit, the rule that decided it and why, in both locales.</summary>
/// <param name="By">Who makes the first follow-up.</param>
/// <param name="Rule">The rule that decided (the first that held, in the order Red recovery care, VIP, rating, complex repair, complaints).</param>
/// <param name="Reason">Why, in zh-CN and en.</param>
public sealed record FollowUpRoute(FollowUpBy By, FollowUpRule Rule, LocalizedText Reason)
{
    /// <summary>
    /// The context for <see cref="BuiltInWorkflows.PostServiceFollowUp"/>: <paramref name="context"/> with
    /// <see cref="BuiltInWorkflows.FollowUpByKey"/> set to <see cref="By"/>.
    /// </summary>
    /// <param name="context">The follow-up's context.</param>
    /// <returns>The context with the value set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    public WorkflowContext ApplyTo(WorkflowContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.With(BuiltInWorkflows.FollowUpByKey, By switch
        {
            FollowUpBy.Advisor => nameof(FollowUpBy.Advisor),
            FollowUpBy.RecoveryCare => nameof(FollowUpBy.RecoveryCare),
            _ => nameof(FollowUpBy.Automated),
        });
    }
}

/// <summary>What is known about a reported problem (workflows.md section 6).</summary>
public enum ProblemNature
{
    /// <summary>Nothing reported beyond the rating.</summary>
    None = 0,

    /// <summary>A question or a suggestion.</summary>
    Question = 1,

    /// <summary>An experience problem: noise, vibration, an unhappy but willing customer.</summary>
    Experience = 2,

    /// <summary>A safety problem: the car will not start, the brakes.</summary>
    Safety = 3,
}

/// <summary>A problem report from a follow-up call or any other channel.</summary>
/// <param name="Nature">What kind of problem it is.</param>
/// <param name="Rating">The 0-10 rating given with it, or <see langword="null"/>.</param>
/// <param name="ComplaintThreat">Whether the customer threatens a complaint or the media.</param>
/// <param name="HasRemarks">Whether the rating came with remarks.</param>
public readonly record struct ProblemReport(ProblemNature Nature = ProblemNature.None, int? Rating = null, bool ComplaintThreat = false, bool HasRemarks = false);

/// <summary>A problem's level (workflows.md section 6).</summary>
public enum ProblemLevel
{
    /// <summary>Not a problem to work on.</summary>
    None = 0,

    /// <summary>Urgent: the supervisor within 2 hours.</summary>
    L1 = 1,

    /// <summary>Important: the advisor within 4 hours, with the supervisor's support.</summary>
    L2 = 2,

    /// <summary>General: the advisor within 24 hours.</summary>
    L3 = 3,
}

/// <summary>The rule that set a problem's level.</summary>
public enum ProblemRule
{
    /// <summary>Nothing to work on.</summary>
    NoProblem = 0,

    /// <summary>A safety problem (L1).</summary>
    Safety = 1,

    /// <summary>A threat of a complaint or the media (L1).</summary>
    ComplaintThreat = 2,

    /// <summary>A rating at or below <see cref="RoutingOptions.UrgentRatingAtMost"/> (L1).</summary>
    UrgentRating = 3,

    /// <summary>An experience problem (L2).</summary>
    Experience = 4,

    /// <summary>A rating at or below <see cref="RoutingOptions.ImportantRatingAtMost"/> (L2).</summary>
    ImportantRating = 5,

    /// <summary>A question or suggestion (L3).</summary>
    Question = 6,

    /// <summary>A rating at or below <see cref="RoutingOptions.GeneralRatingAtMost"/> with remarks (L3).</summary>
    GeneralRatingWithRemarks = 7,
}

/// <summary>A problem's level, the workflow to start, the rule that decided and why.</summary>
/// <param name="Level">The level.</param>
/// <param name="Rule">The rule that decided (the most severe that held).</param>
/// <param name="WorkflowId">The workflow to start, or <see langword="null"/> for <see cref="ProblemLevel.None"/>.</param>
/// <param name="Reason">Why, in zh-CN and en.</param>
public sealed record ProblemLevelDecision(ProblemLevel Level, ProblemRule Rule, string? WorkflowId, LocalizedText Reason);

/// <summary>
/// Routes cases to the right people: who follows up a visit (the automated survey for most customers, the advisor's call
/// for those that matter: VIP, low rating, complex repair, past complaints) and which problem level, and so which
/// problem workflow, a report gets. Pure functions of their input and the options.
/// </summary>
/// <remarks>Holds a validated copy of the options; immutable and thread-safe.</remarks>
public sealed class CaseRouter
{
    private readonly bool _vip;
    private readonly int _below;
    private readonly bool _complex;
    private readonly bool _complaints;
    private readonly int _urgent;
    private readonly int _important;
    private readonly int _general;
    private readonly bool _redCare;
    private readonly string _l1;
    private readonly string _l2;
    private readonly string _l3;

    /// <summary>Creates the router, validating the options first.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public CaseRouter(RoutingOptions options)
    {
        RoutingOptionsValidator.ThrowIfInvalid(options);
        (_vip, _below, _complex, _complaints) = (options.AdvisorCallForVip, options.AdvisorCallBelowRating, options.AdvisorCallForComplexRepair, options.AdvisorCallForPastComplaints);
        _redCare = options.RecoveryCareCallWithinADay;
        (_urgent, _important, _general) = (options.UrgentRatingAtMost, options.ImportantRatingAtMost, options.GeneralRatingAtMost);
        (_l1, _l2, _l3) = (options.UrgentWorkflowId, options.ImportantWorkflowId, options.GeneralWorkflowId);
    }

    /// <summary>Creates the router from the options registered in dependency injection.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public CaseRouter(IOptions<RoutingOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>Who makes the first follow-up after a visit.</summary>
    /// <param name="facts">What is known about the customer and the visit.</param>
    /// <returns>The route, with the rule and the reason.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rating is not from 0 to 10.</exception>
    public FollowUpRoute RouteFollowUp(in FollowUpFacts facts)
    {
        if (facts.LatestRating is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(facts), facts.LatestRating, "LatestRating must be from 0 to 10.");
        }

        if (_redCare && facts.RedRecoveryCare)
        {
            return new(FollowUpBy.RecoveryCare, FollowUpRule.RedRecoveryCare, new(
                "红色预警挽回后的前三个月：每次保养后服务顾问24小时内致电", "first three months after a Red-tier recovery: the service advisor calls within 24 hours of every service"));
        }

        if (_vip && facts.IsVip)
        {
            return new(FollowUpBy.Advisor, FollowUpRule.Vip, new("VIP 客户：服务顾问亲自回访", "VIP customer: the service advisor calls"));
        }

        if (facts.LatestRating is { } r && r < _below)
        {
            return new(FollowUpBy.Advisor, FollowUpRule.LowRating, new($"最近评分 {r} 分，低于 {_below} 分：服务顾问亲自回访", $"latest rating {r}, below {_below}: the service advisor calls"));
        }

        if (_complex && facts.ComplexRepair)
        {
            return new(FollowUpBy.Advisor, FollowUpRule.ComplexRepair, new("复杂维修：服务顾问亲自回访", "complex repair: the service advisor calls"));
        }

        if (_complaints && facts.PastComplaints)
        {
            return new(FollowUpBy.Advisor, FollowUpRule.PastComplaints, new("曾有投诉：服务顾问亲自回访", "complained before: the service advisor calls"));
        }

        return new(FollowUpBy.Automated, FollowUpRule.MostCustomers, new("常规客户：自动语音回访，反馈问题立即转人工", "most customers: the automated voice survey; any problem goes to a person at once"));
    }

    /// <summary>The level of a reported problem and the workflow to start.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The decision, with the most severe rule that held and the reason.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rating is not from 0 to 10, or the nature is not a known value.</exception>
    public ProblemLevelDecision ClassifyProblem(in ProblemReport report)
    {
        if (report.Rating is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(report), report.Rating, "Rating must be from 0 to 10.");
        }

        if (!Enum.IsDefined(report.Nature))
        {
            throw new ArgumentOutOfRangeException(nameof(report), report.Nature, "Nature is not a known problem nature.");
        }

        int? r = report.Rating;
        if (report.Nature == ProblemNature.Safety)
        {
            return L1(ProblemRule.Safety, new("安全问题（无法启动、制动等）", "a safety problem (will not start, brakes)"));
        }

        if (report.ComplaintThreat)
        {
            return L1(ProblemRule.ComplaintThreat, new("客户扬言投诉或曝光", "the customer threatens a complaint or the media"));
        }

        if (r <= _urgent)
        {
            return L1(ProblemRule.UrgentRating, new($"评分 {r} 分，不高于 {_urgent} 分", $"rating {r}, at most {_urgent}"));
        }

        if (report.Nature == ProblemNature.Experience)
        {
            return L2(ProblemRule.Experience, new("体验问题（异响、抖动等）", "an experience problem (noise, vibration)"));
        }

        if (r <= _important)
        {
            return L2(ProblemRule.ImportantRating, new($"评分 {r} 分，不高于 {_important} 分", $"rating {r}, at most {_important}"));
        }

        if (report.Nature == ProblemNature.Question)
        {
            return L3(ProblemRule.Question, new("咨询或建议", "a question or a suggestion"));
        }

        if (r <= _general && report.HasRemarks)
        {
            return L3(ProblemRule.GeneralRatingWithRemarks, new($"评分 {r} 分且有留言", $"rating {r} with remarks"));
        }

        return new(ProblemLevel.None, ProblemRule.NoProblem, null, new("无需处理的问题", "nothing to work on"));
    }

    private ProblemLevelDecision L1(ProblemRule rule, LocalizedText why) =>
        new(ProblemLevel.L1, rule, _l1, new("一级（紧急）：" + why.ZhCn, "level 1 (urgent): " + why.En));

    private ProblemLevelDecision L2(ProblemRule rule, LocalizedText why) =>
        new(ProblemLevel.L2, rule, _l2, new("二级（重要）：" + why.ZhCn, "level 2 (important): " + why.En));

    private ProblemLevelDecision L3(ProblemRule rule, LocalizedText why) =>
        new(ProblemLevel.L3, rule, _l3, new("三级（一般）：" + why.ZhCn, "level 3 (general): " + why.En));
}
