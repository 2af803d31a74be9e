using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Retention.Scoring;

/// <summary>
/// Scores churn risk: the score with per-term points, its tier and profile, the churn stage and its
/// profile, for one customer or a whole batch (spec: scoring.md sections 2-4 and 11).
/// </summary>
/// <remarks>
/// Holds a validated copy of the options taken at construction (later changes to the options
/// object do not affect it). Immutable and thread-safe; no method allocates per customer except
/// <see cref="RiskAssessment.Terms"/> and the explanation helpers.
/// </remarks>
public sealed class RiskScorer
{
    private readonly Ramp _days;
    private readonly Ramp _app;
    private readonly Ramp _cancel;
    private readonly Ramp _sat;
    private readonly Ramp _inq;
    private readonly RiskTermPoints _weights;
    private readonly bool _rescale;
    private readonly double _fullCoverage;
    private readonly double _yellow;
    private readonly double _orange;
    private readonly double _red;
    private readonly int _pre;
    private readonly int _early;
    private readonly int _deep;
    private readonly int _lost;
    private readonly RiskTierProfile[] _tierProfiles;
    private readonly ChurnStageProfile[] _stageProfiles;

    /// <summary>Creates a scorer from options, validating them first.</summary>
    /// <param name="options">The scoring options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad option.</exception>
    public RiskScorer(ScoringOptions options)
    {
        ScoringOptionsValidator.ThrowIfInvalid(options);
        var r = options.Risk;
        _days = new Ramp(r.DaysSinceLastVisit);
        _app = new Ramp(r.AppOpens);
        _cancel = new Ramp(r.CancellationRate);
        _sat = new Ramp(r.Satisfaction);
        _inq = new Ramp(r.ServiceInquiries);
        _weights = new RiskTermPoints(_days.Weight, _app.Weight, _cancel.Weight, _sat.Weight, _inq.Weight);
        _rescale = r.MissingSignals == MissingSignalPolicy.Rescale;
        _fullCoverage = Coverage(appMissing: false, satMissing: false);
        var t = options.Tiers;
        (_yellow, _orange, _red) = (t.YellowFrom, t.OrangeFrom, t.RedFrom);
        var s = options.Stages;
        (_pre, _early, _deep, _lost) = (s.PreChurnFrom, s.EarlyChurnFrom, s.DeepChurnFrom, s.LostFrom);
        _tierProfiles =
        [
            new RiskTierProfile(RiskTier.None, default, default, default, Duration.Zero, StaffRole.ServiceAdvisor, new("满意，无流失迹象", "content, no sign of leaving")),
            Profile(RiskTier.Yellow, t.Yellow, new("对服务产生怀疑", "doubting the service")),
            Profile(RiskTier.Orange, t.Orange, new("正在比较竞争对手", "comparing competitors")),
            Profile(RiskTier.Red, t.Red, new("正在决定离开或已经离开", "deciding to leave or already gone")),
        ];
        _stageProfiles =
        [
            new ChurnStageProfile(ChurnStage.Active, default, default, new("保持良好关系", "keep the relationship healthy")),
            Profile(ChurnStage.PreChurn, s.PreChurn, new("唤醒记忆，重新建立联系；90-100 天是最佳时机", "wake the memory and reconnect; days 90-100 are the best moment")),
            Profile(ChurnStage.EarlyChurn, s.EarlyChurn, new("给出有力的回店理由，解决流失原因", "give a strong reason to come back and fix the cause")),
            Profile(ChurnStage.DeepChurn, s.DeepChurn, new("创造独特价值，严格核算投入产出", "create unique value and check the return strictly")),
            Profile(ChurnStage.Lost, s.Lost, new("不主动挽回，特殊情况除外", "do not recover, except in special cases")),
        ];
    }

    /// <summary>Creates a scorer from the options registered in dependency injection.</summary>
    /// <param name="options">The scoring options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public RiskScorer(IOptions<ScoringOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>Scores one customer.</summary>
    /// <param name="signals">The customer's signals.</param>
    /// <param name="asOf">The date to score for, in the store's calendar (today for a nightly run).</param>
    /// <returns>The explained assessment.</returns>
    /// <exception cref="InvalidSignalException">A signal is out of range; the exception names it.</exception>
    public RiskAssessment Score(in CustomerSignals signals, LocalDate asOf)
    {
        SignalChecks.Check(signals, asOf);
        return Kernel(Period.DaysBetween(signals.LastVisit, asOf), signals.AppOpensPerMonth ?? double.NaN,
            signals.CancellationRate, signals.Satisfaction ?? double.NaN, signals.ServiceInquiries);
    }

    /// <summary>The risk tier of a score.</summary>
    /// <param name="score">A churn-risk score in [0, 100].</param>
    /// <returns>The tier whose range holds the score (lower bounds inclusive).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is NaN or outside [0, 100].</exception>
    public RiskTier TierOf(double score)
    {
        if (!(score >= 0 && score <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "A churn-risk score must be in [0, 100].");
        }

        return Tier(score);
    }

    /// <summary>The churn stage of a number of days since the last visit.</summary>
    /// <param name="daysSinceLastVisit">Calendar days since the last visit, at least 0.</param>
    /// <returns>The stage whose range holds the days (lower bounds inclusive).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="daysSinceLastVisit"/> is negative.</exception>
    public ChurnStage StageOf(int daysSinceLastVisit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysSinceLastVisit);
        return Stage(daysSinceLastVisit);
    }

    /// <summary>The profile of a risk tier: churn probability, cost, success, response window and owner.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tier"/> is not a defined value.</exception>
    public RiskTierProfile ProfileOf(RiskTier tier) =>
        (uint)tier < (uint)_tierProfiles.Length ? _tierProfiles[(int)tier] : throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown risk tier.");

    /// <summary>The profile of a churn stage: recovery success, cost cap and goal.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is not a defined value.</exception>
    public ChurnStageProfile ProfileOf(ChurnStage stage) =>
        (uint)stage < (uint)_stageProfiles.Length ? _stageProfiles[(int)stage] : throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown churn stage.");

    /// <summary>
    /// Scores a batch of customers without allocating per customer. A bad record does not stop the
    /// batch: its result is an invalid assessment (<see cref="RiskAssessment.IsValid"/> is false),
    /// it is counted in <see cref="BatchSummary.Invalid"/>, and it is added to <paramref name="problems"/> with its index.
    /// </summary>
    /// <param name="customers">The customers' signals.</param>
    /// <param name="asOf">The date to score for, in the store's calendar.</param>
    /// <param name="results">Receives one assessment per customer; at least as long as <paramref name="customers"/>.</param>
    /// <param name="problems">Receives one entry per bad record, or <see langword="null"/> to only count them.</param>
    /// <returns>Counts per tier and stage over the valid records.</returns>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="customers"/>.</exception>
    public BatchSummary ScoreBatch(
        ReadOnlySpan<CustomerSignals> customers, LocalDate asOf, Span<RiskAssessment> results, ICollection<BatchProblem>? problems = null)
    {
        if (results.Length < customers.Length)
        {
            throw new ArgumentException($"results holds {results.Length} entries but there are {customers.Length} customers.", nameof(results));
        }

        return BatchFastPath.Score(this, customers, asOf, results, problems);
    }

    /// <summary>
    /// The reference routine of <see cref="ScoreBatch"/>: <see cref="Score"/>'s checks and formula one
    /// record at a time. <see cref="BatchFastPath"/> gives the same results with fewer branches.
    /// </summary>
    internal BatchSummary ScoreBatchScalar(
        ReadOnlySpan<CustomerSignals> customers, LocalDate asOf, Span<RiskAssessment> results, ICollection<BatchProblem>? problems)
    {
        var counts = new BatchCounter();
        for (int i = 0; i < customers.Length; i++)
        {
            ref readonly var c = ref customers[i];
            if (!SignalChecks.TryCheck(c, asOf, out var field, out var message))
            {
                results[i] = default;
                counts.Invalid++;
                problems?.Add(new BatchProblem(i, field, message!));
                continue;
            }

            var a = Kernel(Period.DaysBetween(c.LastVisit, asOf), c.AppOpensPerMonth ?? double.NaN, c.CancellationRate, c.Satisfaction ?? double.NaN, c.ServiceInquiries);
            results[i] = a;
            counts.Add(a.Tier, a.Stage);
        }

        return counts.ToSummary();
    }

    /// <summary>
    /// Scores a batch given as one column per signal: the fastest path, with results identical to
    /// <see cref="ScoreBatch"/> and <see cref="Score"/> for the same records. Bad records get a NaN
    /// score, <see cref="RiskTier.None"/> and <see cref="ChurnStage.Active"/>, are counted in
    /// <see cref="BatchSummary.Invalid"/> and are added to <paramref name="problems"/> with their index.
    /// </summary>
    /// <param name="columns">The signals, one span per signal, all of one length.</param>
    /// <param name="scores">Receives each customer's score; at least <see cref="SignalColumns.Count"/> long.</param>
    /// <param name="tiers">Receives each customer's tier; at least <see cref="SignalColumns.Count"/> long.</param>
    /// <param name="stages">Receives each customer's stage; at least <see cref="SignalColumns.Count"/> long.</param>
    /// <param name="problems">Receives one entry per bad record, or <see langword="null"/> to only count them.</param>
    /// <returns>Counts per tier and stage over the valid records.</returns>
    /// <exception cref="ArgumentException">An output span is shorter than the input.</exception>
    public BatchSummary ScoreColumns(
        in SignalColumns columns, Span<double> scores, Span<RiskTier> tiers, Span<ChurnStage> stages, ICollection<BatchProblem>? problems = null)
    {
        int n = columns.Count;
        if (scores.Length < n)
        {
            throw new ArgumentException($"scores holds {scores.Length} entries but there are {n} customers.", nameof(scores));
        }

        if (tiers.Length < n)
        {
            throw new ArgumentException($"tiers holds {tiers.Length} entries but there are {n} customers.", nameof(tiers));
        }

        if (stages.Length < n)
        {
            throw new ArgumentException($"stages holds {stages.Length} entries but there are {n} customers.", nameof(stages));
        }

        var counts = new BatchCounter();

        // Whole blocks go through the vectorized path where the hardware has it (bit-for-bit equal
        // to the scalar routine below, which stays the readable reference); the rest is scalar.
        int done = ColumnarFastPath.Score(this, columns, scores, tiers, stages, problems, ref counts);
        ColumnsScalar(columns, done, n, scores, tiers, stages, problems, ref counts);
        return counts.ToSummary();
    }

    /// <summary>The reference routine of <see cref="ScoreColumns"/>: one record at a time, records <paramref name="from"/> to <paramref name="to"/> (exclusive).</summary>
    internal void ColumnsScalar(
        in SignalColumns c, int from, int to, Span<double> scores, Span<RiskTier> tiers, Span<ChurnStage> stages,
        ICollection<BatchProblem>? problems, ref BatchCounter counts)
    {
        var days = c.DaysSinceLastVisit;
        var app = c.AppOpensPerMonth;
        var cancel = c.CancellationRate;
        var sat = c.Satisfaction;
        var inq = c.ServiceInquiries;
        for (int i = from; i < to; i++)
        {
            if (!SignalColumns.TryCheck(days[i], app[i], cancel[i], sat[i], inq[i], out var field, out var message))
            {
                scores[i] = double.NaN;
                tiers[i] = RiskTier.None;
                stages[i] = ChurnStage.Active;
                counts.Invalid++;
                problems?.Add(new BatchProblem(i, field, message!));
                continue;
            }

            double score = ScoreOnly(days[i], app[i], cancel[i], sat[i], inq[i]);
            var tier = Tier(score);
            var stage = Stage(days[i]);
            scores[i] = score;
            tiers[i] = tier;
            stages[i] = stage;
            counts.Add(tier, stage);
        }
    }

    // The one formula every path shares. A NaN app-opens or satisfaction value means "missing".
    // Keep the order of operations identical in every path so that results are bit-for-bit equal.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private RiskAssessment Kernel(int days, double app, double cancel, double sat, int inquiries)
    {
        bool appMissing = double.IsNaN(app);
        bool satMissing = double.IsNaN(sat);
        var points = new RiskTermPoints(
            _days.Points(days),
            appMissing ? 0 : _app.Points(app),
            _cancel.Points(cancel),
            satMissing ? 0 : _sat.Points(sat),
            _inq.Points(inquiries));
        double coverage = Coverage(appMissing, satMissing);
        double score = Finish(points.Days + points.App + points.Cancellation + points.Satisfaction + points.Inquiries, coverage);
        var missing = (appMissing ? MissingSignals.AppOpens : 0) | (satMissing ? MissingSignals.Satisfaction : 0);
        return new RiskAssessment(score, days, points, _weights, coverage, missing, Tier(score), Stage(days));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double ScoreOnly(int days, double app, double cancel, double sat, int inquiries)
    {
        bool appMissing = double.IsNaN(app);
        bool satMissing = double.IsNaN(sat);
        double sum = _days.Points(days) + (appMissing ? 0 : _app.Points(app)) + _cancel.Points(cancel)
            + (satMissing ? 0 : _sat.Points(sat)) + _inq.Points(inquiries);
        return Finish(sum, Coverage(appMissing, satMissing));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double Coverage(bool appMissing, bool satMissing) =>
        _days.Weight + (appMissing ? 0 : _app.Weight) + _cancel.Weight + (satMissing ? 0 : _sat.Weight) + _inq.Weight;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Finish(double sum, double coverage)
    {
        // Rescale only when a signal is missing: sum * 100 / 100 is not always sum in floating point, and a
        // customer with every signal must score the same under both policies (else a tier can flip at its threshold).
        // Weights add up to 100 within 1e-9, so the sum can overshoot 100 by a rounding hair: cap it.
        double score = _rescale && coverage != _fullCoverage ? sum * 100 / coverage : sum;
        return Math.Min(score, 100.0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal RiskTier Tier(double score) =>
        score >= _red ? RiskTier.Red : score >= _orange ? RiskTier.Orange : score >= _yellow ? RiskTier.Yellow : RiskTier.None;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ChurnStage Stage(int days) =>
        days >= _lost ? ChurnStage.Lost : days >= _deep ? ChurnStage.DeepChurn : days >= _early ? ChurnStage.EarlyChurn : days >= _pre ? ChurnStage.PreChurn : ChurnStage.Active;

    internal Ramp DaysRamp => _days;

    internal Ramp AppRamp => _app;

    internal Ramp CancelRamp => _cancel;

    internal Ramp SatRamp => _sat;

    internal Ramp InquiriesRamp => _inq;

    internal bool Rescale => _rescale;

    internal (double Yellow, double Orange, double Red) TierThresholds => (_yellow, _orange, _red);

    internal (int Pre, int Early, int Deep, int Lost) StageThresholds => (_pre, _early, _deep, _lost);

    private static RiskTierProfile Profile(RiskTier tier, RiskTierProfileOptions o, LocalizedText mind) =>
        new(tier, new ShareRange(o.ChurnProbabilityMin, o.ChurnProbabilityMax), new MoneyRange(o.RecoveryCostMin, o.RecoveryCostMax),
            new ShareRange(o.RecoverySuccessMin, o.RecoverySuccessMax), Duration.FromTimeSpan(o.RespondWithin), o.Owner, mind);

    private static ChurnStageProfile Profile(ChurnStage stage, ChurnStageProfileOptions o, LocalizedText goal) =>
        new(stage, new ShareRange(o.RecoverySuccessMin, o.RecoverySuccessMax), new ShareRange(o.CostCapShareMin, o.CostCapShareMax), goal);
}

/// <summary>A linear ramp, precomputed: points = weight x clamp((x - zeroAt) / (fullAt - zeroAt), 0, 1).</summary>
internal readonly struct Ramp
{
    public Ramp(RampOptions o)
    {
        ZeroAt = o.ZeroAt;
        InverseSpan = 1.0 / (o.FullAt - o.ZeroAt);
        Weight = o.Weight;
    }

    public double ZeroAt { get; }

    public double InverseSpan { get; }

    public double Weight { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Points(double x)
    {
        double t = (x - ZeroAt) * InverseSpan;
        t = t > 0 ? t : 0; // not t < 0 ? 0 : t, which keeps -0 (a decreasing ramp at its zero end) and would print as "-0"
        t = t > 1 ? 1 : t;
        return t * Weight;
    }
}
