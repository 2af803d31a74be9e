using System;
using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Retention.Nps;

/// <summary>
/// The rescue procedure's timing and the advisor's next steps: step windows from the answer's time,
/// expected success by response time, emotion early warnings, and the follow-up call's next action
/// (spec: nps.md sections 5, 6, 9 and 10).
/// </summary>
/// <remarks>Holds a validated copy of the options; immutable and thread-safe.</remarks>
public sealed class RescuePlaybook
{
    private readonly Duration[] _stepEnds;
    private readonly Duration _executionStart;
    private readonly Duration _fast;
    private readonly Duration _sameDay;
    private readonly double _fastSuccess;
    private readonly double _sameDaySuccess;
    private readonly double _lateSuccess;
    private readonly int _waitMinutes;
    private readonly int _progressQuestions;
    private readonly Duration _supervisorWithin;

    /// <summary>Creates the playbook from options, validating them first.</summary>
    /// <param name="options">The NPS options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad option.</exception>
    public RescuePlaybook(NpsOptions options)
    {
        NpsOptionsValidator.ThrowIfInvalid(options);
        var r = options.Rescue;
        _stepEnds = [Duration.FromTimeSpan(r.IdentifyBy), Duration.FromTimeSpan(r.FirstContactBy), Duration.FromTimeSpan(r.InvestigateBy), Duration.FromTimeSpan(r.SolutionBy), Duration.FromTimeSpan(r.ExecuteBy)];
        _executionStart = Duration.FromTimeSpan(r.ExecutionStartsWithin);
        var e = options.ResponseTimeEffect;
        (_fast, _sameDay) = (Duration.FromTimeSpan(e.FastWithin), Duration.FromTimeSpan(e.SameDayWithin));
        (_fastSuccess, _sameDaySuccess, _lateSuccess) = (e.FastSuccess, e.SameDaySuccess, e.LateSuccess);
        (_waitMinutes, _progressQuestions) = (options.EmotionWarning.WaitingBeyondPromiseMinutes, options.EmotionWarning.ProgressQuestions);
        _supervisorWithin = Duration.FromTimeSpan(options.DetractorSupervisorContactWithin);
    }

    /// <summary>Creates the playbook from the options registered in dependency injection.</summary>
    /// <param name="options">The NPS options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public RescuePlaybook(IOptions<NpsOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>Execution (step 5) must start within this long after the answer.</summary>
    public Duration ExecutionStartsWithin => _executionStart;

    /// <summary>The six steps' windows for an answer given at <paramref name="answeredAt"/>. Windows follow each other without gaps; the last is open-ended.</summary>
    /// <param name="answeredAt">When the customer answered.</param>
    /// <returns>Six windows, in step order, with deadlines that never go backwards.</returns>
    public RescueStepWindow[] Timeline(Instant answeredAt)
    {
        var windows = new RescueStepWindow[6];
        var start = answeredAt;
        for (int i = 0; i < 5; i++)
        {
            var due = answeredAt + _stepEnds[i];
            windows[i] = new RescueStepWindow((RescueStep)(i + 1), start, due, RescueGuidance.For((RescueStep)(i + 1)));
            start = due;
        }

        windows[5] = new RescueStepWindow(RescueStep.ReviewAndImprove, start, null, RescueGuidance.For(RescueStep.ReviewAndImprove));
        return windows;
    }

    /// <summary>Expected recovery success given how long after the low score the store first responded.</summary>
    /// <param name="firstResponseAfter">Time from the answer to the first response, at least zero.</param>
    /// <returns>The expected success in [0, 1]; it never rises as the response gets later.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstResponseAfter"/> is negative.</exception>
    public double ExpectedSuccess(Duration firstResponseAfter)
    {
        if (firstResponseAfter < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(firstResponseAfter), firstResponseAfter, "A response time cannot be negative.");
        }

        // The spec's rows are ranges, lower bound inclusive and upper bound exclusive: exactly 6 hours is "6-24 hours".
        return firstResponseAfter < _fast ? _fastSuccess : firstResponseAfter < _sameDay ? _sameDaySuccess : _lateSuccess;
    }

    /// <summary>The emotion early-warning level of a customer during a visit; the most severe signal wins.</summary>
    /// <param name="mood">What the store sees.</param>
    /// <returns>The level.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public EmotionLevel EmotionLevelOf(VisitMood mood)
    {
        if (mood.MinutesBeyondPromise < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(mood), mood.MinutesBeyondPromise, "Minutes beyond the promise cannot be negative.");
        }

        if (mood.ProgressQuestions < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(mood), mood.ProgressQuestions, "Progress questions cannot be negative.");
        }

        return mood.AngryWords ? EmotionLevel.Red
            : mood.ProgressQuestions >= _progressQuestions ? EmotionLevel.Orange
            : mood.MinutesBeyondPromise >= _waitMinutes ? EmotionLevel.Yellow
            : EmotionLevel.None;
    }

    /// <summary>What the advisor does next in a follow-up call, by the customer's class (spec: nps.md section 10).</summary>
    /// <param name="class">The customer's class.</param>
    /// <returns>The next action.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="class"/> is not defined.</exception>
    public FollowUpAction NextAction(NpsClass @class)
    {
        string hours = _supervisorWithin.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
        return @class switch
        {
            NpsClass.Promoter => new(@class, FollowUpSteps.Thank | FollowUpSteps.InviteReferral | FollowUpSteps.SendReviewLink, null,
                new("感谢客户，邀请推荐（发送推荐码），并发送评价链接", "thank the customer, invite referrals (send the referral code) and send the review link")),
            NpsClass.Passive => new(@class, FollowUpSteps.AskWhatCouldBeBetter | FollowUpSteps.PromiseImprovement, null,
                new("询问哪些地方可以做得更好，并承诺改进", "ask what could be better and promise to improve")),
            NpsClass.Detractor => new(@class, FollowUpSteps.Apologise | FollowUpSteps.AskWhatWentWrong | FollowUpSteps.Escalate, _supervisorWithin,
                new($"致歉，询问问题所在，并立即升级：主管 {hours} 小时内联系客户", $"apologise, ask what went wrong and escalate at once: a supervisor contacts the customer within {hours} hours")),
            _ => throw new ArgumentOutOfRangeException(nameof(@class), @class, "Unknown NPS class."),
        };
    }
}
