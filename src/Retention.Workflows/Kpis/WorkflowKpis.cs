using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Retention.Workflows;

/// <summary>The weekly review's data (spec section 8): every KPI with its target, the counts, why recoveries failed and the top problems.</summary>
/// <param name="AsOf">The instant the review was computed for.</param>
/// <param name="Kpis">Process, result and follow-up KPIs, in that order.</param>
/// <param name="Instances">Workflow instances counted (nulls skipped).</param>
/// <param name="Running">Of them, still running.</param>
/// <param name="Overdue">Of the running ones, those whose active step is overdue or escalated.</param>
/// <param name="Recovered">Finished as <see cref="WorkflowOutcome.Recovered"/>.</param>
/// <param name="NotRecovered">Finished as <see cref="WorkflowOutcome.NotRecovered"/>.</param>
/// <param name="Farewell">Finished as <see cref="WorkflowOutcome.Farewell"/>.</param>
/// <param name="Cancelled">Finished as <see cref="WorkflowOutcome.Cancelled"/>.</param>
/// <param name="FailureReasons">Why instances did not recover (<c>step: outcome</c> of the step that ended them, or <c>cancelled: reason</c>), most frequent first.</param>
/// <param name="TopProblems">The follow-ups' most frequent problem categories, most frequent first.</param>
/// <param name="Problems">Bad follow-up records by index (skipped).</param>
public sealed record WeeklyReview(
    Instant AsOf,
    ImmutableArray<Kpi> Kpis,
    int Instances,
    int Running,
    int Overdue,
    int Recovered,
    int NotRecovered,
    int Farewell,
    int Cancelled,
    ImmutableArray<ReasonCount> FailureReasons,
    ImmutableArray<ReasonCount> TopProblems,
    ImmutableArray<KpiInputProblem> Problems)
{
    /// <summary>The KPIs that have data and miss their target.</summary>
    public IEnumerable<Kpi> Missed => Kpis.Where(k => k.Met == false);
}

/// <summary>
/// Computes the KPIs of spec section 8 from workflow instances and the figures instances do not hold, compares each with
/// its target and produces the weekly review's data. Shares with nothing to measure say "no data", never 0 % or 100 %.
/// </summary>
/// <remarks>
/// <para>How instances are read (each a <b>Decision</b>): the tier is the context's <see cref="WorkflowContext.RiskTier"/>
/// (Yellow, Orange or Red; other instances count only for the tier-free KPIs); cancelled instances are left out of the
/// shares; the first step is the alert's response: handled on time when done by its due instant (counted once it is
/// done or due); every call attempt (a step of <see cref="KpiOptions.CallStepIds"/> reached and done or due, so a first
/// call and its retry count twice) is answered when done with an outcome not in <see cref="KpiOptions.NoAnswerOutcomes"/>,
/// and willing to talk when answered with an outcome not in <see cref="KpiOptions.RefusedOutcomes"/>; a plan is sent when
/// a step of <see cref="KpiOptions.PlanStepIds"/> that was reached and is done or due is done (not skipped); booking
/// success is the share of the tier's instances with a booked appointment; recovery success is the recovered share of
/// the decided instances: finished ones, and with <see cref="KpiOptions.RecoveredOnVisit"/> (the default) also running
/// ones whose customer came back for the visit, which count as recovered; a farewell is not a recovery.</para>
/// <para>Holds a validated copy of the options; immutable and thread-safe.</para>
/// </remarks>
public sealed class WorkflowKpis
{
    private static readonly RiskTier[] Tiers = [RiskTier.Yellow, RiskTier.Orange, RiskTier.Red];
    private readonly KpiOptions _o;
    private readonly HashSet<string> _noAnswer;
    private readonly HashSet<string> _refused;
    private readonly HashSet<string> _planSteps;
    private readonly HashSet<string> _callSteps;
    private readonly ImmutableArray<string> _followUpSteps;

    /// <summary>Creates the KPI computation, validating the options first.</summary>
    /// <param name="options">The KPI options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public WorkflowKpis(KpiOptions options)
    {
        KpiOptionsValidator.ThrowIfInvalid(options);
        _o = new KpiOptions
        {
            OnTimeTarget = options.OnTimeTarget, CallAnsweredTarget = options.CallAnsweredTarget, WillingToTalkTarget = options.WillingToTalkTarget,
            PlanSentTarget = options.PlanSentTarget, BookingYellowTarget = options.BookingYellowTarget, BookingOrangeTarget = options.BookingOrangeTarget,
            BookingRedTarget = options.BookingRedTarget, RecoveryYellowTarget = options.RecoveryYellowTarget, RecoveryOrangeTarget = options.RecoveryOrangeTarget,
            RecoveryRedTarget = options.RecoveryRedTarget, StillActiveTarget = options.StillActiveTarget, RecoveryRoiTarget = options.RecoveryRoiTarget,
            ChurnReductionTarget = options.ChurnReductionTarget, FollowUpWithin = options.FollowUpWithin, FollowUpOnTimeTarget = options.FollowUpOnTimeTarget,
            AnswerRateTarget = options.AnswerRateTarget, ProblemsFoundLow = options.ProblemsFoundLow, ProblemsFoundHigh = options.ProblemsFoundHigh,
            ProblemsSolvedTarget = options.ProblemsSolvedTarget, NpsRaisedTarget = options.NpsRaisedTarget, PromotersReferTarget = options.PromotersReferTarget,
            FollowUpRoiTarget = options.FollowUpRoiTarget, TopCount = options.TopCount, RecoveredOnVisit = options.RecoveredOnVisit,
        };
        _noAnswer = new HashSet<string>(KpiOptions.Effective(options.NoAnswerOutcomes, KpiOptions.DefaultNoAnswerOutcomes), StringComparer.Ordinal);
        _refused = new HashSet<string>(KpiOptions.Effective(options.RefusedOutcomes, KpiOptions.DefaultRefusedOutcomes), StringComparer.Ordinal);
        _planSteps = new HashSet<string>(KpiOptions.Effective(options.PlanStepIds, KpiOptions.DefaultPlanStepIds), StringComparer.Ordinal);
        _callSteps = new HashSet<string>(KpiOptions.Effective(options.CallStepIds, KpiOptions.DefaultCallStepIds), StringComparer.Ordinal);
        _followUpSteps = [.. KpiOptions.Effective(options.FollowUpStepIds, KpiOptions.DefaultFollowUpStepIds)];
    }

    /// <summary>Creates the KPI computation from the options registered in dependency injection.</summary>
    /// <param name="options">The KPI options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public WorkflowKpis(IOptions<KpiOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>The process KPIs (weekly): on time per tier, answered, willing to talk, plan sent, booking per tier.</summary>
    /// <param name="instances">The recovery instances of the period (nulls are skipped).</param>
    /// <param name="asOf">The instant the KPIs are computed for (what is due by then counts).</param>
    /// <returns>9 KPIs: <c>process.on-time.{yellow,orange,red}</c>, <c>process.call-answered</c>, <c>process.willing-to-talk</c>, <c>process.plan-sent</c>, <c>process.booking.{yellow,orange,red}</c>.</returns>
    public ImmutableArray<Kpi> Process(ReadOnlySpan<WorkflowInstance> instances, Instant asOf)
    {
        Span<int> dueT = stackalloc int[4], onTimeT = stackalloc int[4], allT = stackalloc int[4], bookedT = stackalloc int[4];
        int reached = 0, answered = 0, willing = 0, plans = 0, sent = 0;
        foreach (var i in instances)
        {
            if (i is null || i.Outcome == WorkflowOutcome.Cancelled)
            {
                continue;
            }

            int t = TierIndex(i);
            var first = i.Steps[0];
            bool done = first.Status == StepStatus.Done;
            if (done || (first.DueAt is { } due && due <= asOf))
            {
                dueT[t]++;
                // The due instant is exclusive (StepWindow): done at it is late, as Tick has already made the step overdue.
                if (done && first.CompletedAt < first.DueAt)
                {
                    onTimeT[t]++;
                }

            }

            allT[t]++;
            if (i.AppointmentDate is not null)
            {
                bookedT[t]++;
            }

            foreach (var s in i.Steps)
            {
                if (_callSteps.Contains(s.StepId) && s.ReachedAt is not null && s.Status != StepStatus.Skipped
                    && (s.Status == StepStatus.Done || (s.DueAt is { } callDue && callDue <= asOf)))
                {
                    reached++;
                    if (s.Status == StepStatus.Done && !_noAnswer.Contains(s.Outcome ?? ""))
                    {
                        answered++;
                        willing += _refused.Contains(s.Outcome ?? "") ? 0 : 1;
                    }
                }

                if (_planSteps.Contains(s.StepId) && s.ReachedAt is not null && s.Status != StepStatus.Skipped
                    && (s.Status == StepStatus.Done || (s.DueAt is { } d && d <= asOf)))
                {
                    plans++;
                    if (s.Status == StepStatus.Done)
                    {
                        sent++;
                    }
                }
            }
        }

        var k = ImmutableArray.CreateBuilder<Kpi>(9);
        foreach (var tier in Tiers)
        {
            int t = (int)tier;
            k.Add(Share($"process.on-time.{Lower(tier)}", new($"{Zh(tier)}预警按时处理", $"{tier} alerts handled on time"), KpiGroup.Process, onTimeT[t], dueT[t], new(KpiComparison.AtLeast, _o.OnTimeTarget)));
        }

        k.Add(Share("process.call-answered", new("电话接通率", "call answered"), KpiGroup.Process, answered, reached, new(KpiComparison.MoreThan, _o.CallAnsweredTarget)));
        k.Add(Share("process.willing-to-talk", new("客户愿意沟通", "customer willing to talk"), KpiGroup.Process, willing, answered, new(KpiComparison.MoreThan, _o.WillingToTalkTarget)));
        k.Add(Share("process.plan-sent", new("方案发送率", "plan sent"), KpiGroup.Process, sent, plans, new(KpiComparison.AtLeast, _o.PlanSentTarget)));
        double[] booking = [0, _o.BookingYellowTarget, _o.BookingOrangeTarget, _o.BookingRedTarget];
        foreach (var tier in Tiers)
        {
            int t = (int)tier;
            k.Add(Share($"process.booking.{Lower(tier)}", new($"{Zh(tier)}预约成功率", $"{tier} booking success"), KpiGroup.Process, bookedT[t], allT[t], new(KpiComparison.MoreThan, booking[t])));
        }

        return k.MoveToImmutable();
    }

    /// <summary>The result KPIs: recovery success per tier (monthly), still active after 3 months and ROI (quarterly), churn down year on year.</summary>
    /// <param name="instances">The recovery instances of the period (nulls and cancelled ones are skipped; a running one counts
    /// only once the customer came back, when <see cref="KpiOptions.RecoveredOnVisit"/> is on).</param>
    /// <param name="figures">The figures instances do not hold; a missing part gives "no data".</param>
    /// <returns>6 KPIs: <c>results.recovery.{yellow,orange,red}</c>, <c>results.still-active</c>, <c>results.roi</c>, <c>results.churn-down</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="figures"/> is <see langword="null"/>.</exception>
    public ImmutableArray<Kpi> Results(ReadOnlySpan<WorkflowInstance> instances, KpiFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        Span<int> finished = stackalloc int[4], recovered = stackalloc int[4];
        foreach (var i in instances)
        {
            if (i is null || i.Outcome == WorkflowOutcome.Cancelled)
            {
                continue;
            }

            bool cameBack = _o.RecoveredOnVisit && i.VisitAt is not null;
            if (i.Outcome is not null || cameBack)
            {
                int t = TierIndex(i);
                finished[t]++;
                recovered[t] += i.Outcome == WorkflowOutcome.Recovered || cameBack ? 1 : 0;
            }
        }

        var k = ImmutableArray.CreateBuilder<Kpi>(6);
        double[] targets = [0, _o.RecoveryYellowTarget, _o.RecoveryOrangeTarget, _o.RecoveryRedTarget];
        foreach (var tier in Tiers)
        {
            int t = (int)tier;
            k.Add(Share($"results.recovery.{Lower(tier)}", new($"{Zh(tier)}预警挽回成功率", $"{tier} recovery success"), KpiGroup.Results, recovered[t], finished[t], new(KpiComparison.MoreThan, targets[t])));
        }

        var a = figures.Activity;
        k.Add(Share("results.still-active", new("挽回客户 3 个月后仍活跃", "recovered customers still active after 3 months"), KpiGroup.Results,
            a?.StillActive ?? 0, a?.RecoveredThreeMonthsAgo ?? 0, new(KpiComparison.MoreThan, _o.StillActiveTarget)));
        var roi = figures.Roi;
        k.Add(new Kpi("results.roi", new("挽回投资回报率", "recovery ROI"), KpiGroup.Results, KpiUnit.Percent, roi?.Roi is { } r ? (double)r : null,
            new(KpiComparison.MoreThan, _o.RecoveryRoiTarget), 0, roi?.Recovered ?? 0));
        var c = figures.Churn;
        double? reduction = null;
        if (c is { CustomersLastYear: > 0, ChurnedLastYear: > 0, CustomersThisYear: > 0 })
        {
            double last = (double)c.ChurnedLastYear / c.CustomersLastYear, now = (double)c.ChurnedThisYear / c.CustomersThisYear;
            reduction = (last - now) / last;
        }

        k.Add(new Kpi("results.churn-down", new("流失率同比下降", "churn rate down year on year"), KpiGroup.Results, KpiUnit.Percent, reduction,
            new(KpiComparison.AtLeast, _o.ChurnReductionTarget), 0, c is null ? 0 : c.CustomersThisYear));
        return k.MoveToImmutable();
    }

    /// <summary>
    /// A visit and its first follow-up read from the visit's post-service follow-up instance, for <see cref="FollowUp"/>: the
    /// visit ended when the instance started; the first follow-up is the earliest done step of
    /// <see cref="KpiOptions.FollowUpStepIds"/> (the advisor's call, the automated survey, the recovery-care call); it was
    /// answered when any of them ended with an outcome other than one of <see cref="KpiOptions.NoAnswerOutcomes"/>, and found a
    /// problem when one ended <c>Problem</c>. Whether the problem was solved is known to the problem's own workflow, not
    /// this one: pass it.
    /// </summary>
    /// <param name="followUp">The visit's follow-up instance (<c>followup.post-service</c> or one with the same step ids).</param>
    /// <param name="problemSolved">Whether the problem the follow-up found was solved.</param>
    /// <param name="problem">The problem's category, for the top problems.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="followUp"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The instance has none of the follow-up steps, or <paramref name="problemSolved"/> or
    /// <paramref name="problem"/> is given for a follow-up that found no problem.</exception>
    public FollowUpCase FollowUpCaseOf(WorkflowInstance followUp, bool problemSolved = false, string? problem = null)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        Instant? first = null;
        bool known = false, answered = false, found = false;
        foreach (var step in followUp.Steps)
        {
            if (!_followUpSteps.Contains(step.StepId))
            {
                continue;
            }

            known = true;
            if (step.Status != StepStatus.Done || step.CompletedAt is not { } at || step.Outcome is not { } outcome)
            {
                continue;
            }

            first = first is { } f && f <= at ? f : at;
            answered |= !_noAnswer.Contains(outcome);
            found |= outcome == "Problem";
        }

        if (!known)
        {
            throw new ArgumentException(
                $"'{followUp.DefinitionId}' for {followUp.Subject} has none of the follow-up steps ({string.Join(", ", _followUpSteps)}; KpiOptions.FollowUpStepIds).", nameof(followUp));
        }

        if (!found && (problemSolved || problem is not null))
        {
            throw new ArgumentException($"The follow-up of {followUp.Subject} found no problem, so it has none that was solved or has a category.", problemSolved ? nameof(problemSolved) : nameof(problem));
        }

        return new FollowUpCase(followUp.StartedAt, first, answered, found, problemSolved, problem);
    }

    /// <summary>The follow-up KPIs.</summary>
    /// <param name="cases">The period's visits and their follow-ups; bad records are reported and skipped.</param>
    /// <param name="figures">The aggregate figures (NPS, referrals, ROI); a missing part gives "no data".</param>
    /// <param name="asOf">The instant the KPIs are computed for: a visit without a follow-up counts for the 48-hour KPI once its window has passed.</param>
    /// <param name="problems">Receives the bad records, or <see langword="null"/> to drop them.</param>
    /// <returns>7 KPIs: <c>followup.within-48h</c>, <c>followup.answer-rate</c>, <c>followup.problems-found</c>, <c>followup.problems-solved</c>, <c>followup.nps-raised</c>, <c>followup.promoters-refer</c>, <c>followup.roi</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="figures"/> is <see langword="null"/>.</exception>
    public ImmutableArray<Kpi> FollowUp(ReadOnlySpan<FollowUpCase> cases, KpiFigures figures, Instant asOf, ICollection<KpiInputProblem>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var within = Duration.FromTimeSpan(_o.FollowUpWithin);
        int measured = 0, onTime = 0, attempted = 0, answered = 0, found = 0, solved = 0;
        for (int n = 0; n < cases.Length; n++)
        {
            ref readonly var c = ref cases[n];
            if (Check(in c) is { } message)
            {
                problems?.Add(new KpiInputProblem(n, message));
                continue;
            }

            if (c.FirstFollowUpAt is { } at)
            {
                measured++;
                attempted++;
                if (at - c.VisitEndedAt < within) // the deadline instant itself is late, as in the engine
                {
                    onTime++;
                }
            }
            else if (asOf - c.VisitEndedAt > within)
            {
                measured++;
            }

            answered += c.Answered ? 1 : 0;
            found += c.ProblemFound ? 1 : 0;
            solved += c.ProblemSolved ? 1 : 0;
        }

        var f = figures.FollowUp;
        double? npsRaised = f is { NpsBefore: { } b and not 0, NpsAfter: { } a } ? (a - b) / Math.Abs(b) : null;
        double? followUpRoi = f is { Revenue: { } rev, Cost: { } cost and > 0 } ? (double)(rev / cost) : null;
        return
        [
            Share("followup.within-48h", new("48 小时内完成首次回访", "first follow-up within 48 h"), KpiGroup.FollowUp, onTime, measured, new(KpiComparison.AtLeast, _o.FollowUpOnTimeTarget)),
            Share("followup.answer-rate", new("回访接通率", "follow-up answer rate"), KpiGroup.FollowUp, answered, attempted, new(KpiComparison.AtLeast, _o.AnswerRateTarget)),
            Share("followup.problems-found", new("问题发现率", "problems found"), KpiGroup.FollowUp, found, answered, new(KpiComparison.Between, _o.ProblemsFoundLow, _o.ProblemsFoundHigh)),
            Share("followup.problems-solved", new("问题解决率", "problems solved"), KpiGroup.FollowUp, solved, found, new(KpiComparison.AtLeast, _o.ProblemsSolvedTarget)),
            new Kpi("followup.nps-raised", new("回访后 NPS 提升", "NPS raised after follow-up"), KpiGroup.FollowUp, KpiUnit.Percent, npsRaised, new(KpiComparison.AtLeast, _o.NpsRaisedTarget), 0, 0),
            Share("followup.promoters-refer", new("推荐者实际转介绍", "promoters who actually refer"), KpiGroup.FollowUp, f?.PromotersWhoReferred ?? 0, f?.PromotersWhoReferred is null ? 0 : f.Promoters ?? 0, new(KpiComparison.AtLeast, _o.PromotersReferTarget)),
            new Kpi("followup.roi", new("回访投资回报", "follow-up ROI"), KpiGroup.FollowUp, KpiUnit.Ratio, followUpRoi, new(KpiComparison.AtLeast, _o.FollowUpRoiTarget), 0, 0),
        ];
    }

    /// <summary>The weekly review: every KPI, the counts, the reasons for failure and the top problems.</summary>
    /// <param name="instances">The recovery instances of the period (nulls are skipped).</param>
    /// <param name="followUps">The period's visits and their follow-ups.</param>
    /// <param name="figures">The figures instances do not hold.</param>
    /// <param name="asOf">The instant the review is computed for.</param>
    /// <returns>The review.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="figures"/> is <see langword="null"/>.</exception>
    public WeeklyReview Review(ReadOnlySpan<WorkflowInstance> instances, ReadOnlySpan<FollowUpCase> followUps, KpiFigures figures, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var problems = new List<KpiInputProblem>();
        var kpis = ImmutableArray.CreateBuilder<Kpi>();
        kpis.AddRange(Process(instances, asOf));
        kpis.AddRange(Results(instances, figures));
        kpis.AddRange(FollowUp(followUps, figures, asOf, problems));

        int count = 0, running = 0, overdue = 0, recovered = 0, notRecovered = 0, farewell = 0, cancelled = 0;
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in instances)
        {
            if (i is null)
            {
                continue;
            }

            count++;
            switch (i.Outcome)
            {
                case null:
                    running++;
                    overdue += i.ActiveStep?.Status is StepStatus.Overdue or StepStatus.Escalated ? 1 : 0;
                    break;
                case WorkflowOutcome.Recovered:
                    recovered++;
                    break;
                case WorkflowOutcome.Cancelled:
                    cancelled++;
                    Count(reasons, "cancelled: " + (i.Log.Select(e => e.Event).OfType<Cancelled>().LastOrDefault()?.Reason ?? "-"));
                    break;
                default:
                    if (i.Outcome == WorkflowOutcome.Farewell)
                    {
                        farewell++;
                    }
                    else
                    {
                        notRecovered++;
                    }

                    var last = i.Steps.Where(s => s.Status == StepStatus.Done && s.CompletedAt is not null).MaxBy(s => s.CompletedAt);
                    Count(reasons, last is null ? i.Outcome.ToString()! : $"{last.StepId}: {last.Outcome}");
                    break;
            }
        }

        var top = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int n = 0; n < followUps.Length; n++)
        {
            ref readonly var c = ref followUps[n];
            if (c.ProblemFound && !string.IsNullOrWhiteSpace(c.Problem) && Check(in c) is null)
            {
                Count(top, c.Problem.Trim());
            }
        }

        return new WeeklyReview(asOf, kpis.ToImmutable(), count, running, overdue, recovered, notRecovered, farewell, cancelled, Top(reasons), Top(top), [.. problems]);
    }

    private ImmutableArray<ReasonCount> Top(Dictionary<string, int> counts) =>
        [.. counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(_o.TopCount).Select(p => new ReasonCount(p.Key, p.Value))];

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string? Check(in FollowUpCase c)
    {
        if (c.FirstFollowUpAt is { } at && at < c.VisitEndedAt)
        {
            return "FirstFollowUpAt: must not be before VisitEndedAt";
        }

        if (c.Answered && c.FirstFollowUpAt is null)
        {
            return "Answered: needs FirstFollowUpAt";
        }

        if (c.ProblemFound && !c.Answered)
        {
            return "ProblemFound: needs Answered";
        }

        return c.ProblemSolved && !c.ProblemFound ? "ProblemSolved: needs ProblemFound" : null;
    }

    private static Kpi Share(string id, LocalizedText name, KpiGroup group, int hits, int count, KpiTarget target) =>
        new(id, name, group, KpiUnit.Percent, count == 0 ? null : (double)hits / count, target, hits, count);

    private static int TierIndex(WorkflowInstance i) => i.Context.RiskTier is { } t and >= RiskTier.Yellow and <= RiskTier.Red ? (int)t : 0;

    private static string Lower(RiskTier tier) => tier switch
    {
        RiskTier.Yellow => "yellow",
        RiskTier.Orange => "orange",
        _ => "red",
    };

    private static string Zh(RiskTier tier) => tier switch
    {
        RiskTier.Yellow => "黄色",
        RiskTier.Orange => "橙色",
        _ => "红色",
    };
}
