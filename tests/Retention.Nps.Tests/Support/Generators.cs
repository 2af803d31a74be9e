using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Retention.Nps.Tests.Support;

/// <summary>A whole score in [0, 10].</summary>
public sealed record AnswerScore(int Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Valid answers (0..10), possibly none.</summary>
public sealed record ValidScores(int[] Scores)
{
    public override string ToString() => "[" + string.Join(", ", Scores) + "]";
}

/// <summary>Answers of which some are not whole numbers in [0, 10].</summary>
public sealed record MixedScores(int[] Scores)
{
    public override string ToString() => "[" + string.Join(", ", Scores) + "]";
}

/// <summary>Counts of promoters, passives and detractors, at least one answer in all.</summary>
public sealed record ClassCounts(int Promoters, int Passives, int Detractors)
{
    public int Total => Promoters + Passives + Detractors;

    /// <summary>A distribution with these counts under the standard classes (10, 8, 0).</summary>
    public int[] Distribution(int k = 1)
    {
        var d = new int[11];
        d[10] = Promoters * k;
        d[8] = Passives * k;
        d[0] = Detractors * k;
        return d;
    }
}

/// <summary>Answers with a segment key each (some of them bad).</summary>
public sealed record SegmentedScores(string[] Keys, int[] Scores)
{
    public override string ToString() => string.Join(", ", Keys.Zip(Scores, (k, s) => $"{k}:{s}"));
}

/// <summary>Rescue cases of several months, all of them valid.</summary>
public sealed record RescueCases(RescueCase[] Cases)
{
    public override string ToString() => string.Join(" | ", Cases.Select(c => c.ToString()));
}

/// <summary>Options the validator accepts.</summary>
public sealed record ValidOptions(NpsOptions Options)
{
    public override string ToString() => JsonSerializer.Serialize(Options);
}

/// <summary>Valid options with exactly one thing broken, and the path of the option that is broken.</summary>
public sealed record BrokenOptions(NpsOptions Options, string Path, string What)
{
    public override string ToString() => $"{What} (expect {Path}): {JsonSerializer.Serialize(Options)}";
}

/// <summary>The generators behind the properties.</summary>
public static class Gens
{
    private static readonly StaffRole[] Roles = Enum.GetValues<StaffRole>();

    /// <summary>Evenly spaced values from <paramref name="lo"/> to <paramref name="hi"/>, both ends included.</summary>
    public static Gen<double> Between(double lo, double hi, int steps = 10_000) =>
        Gen.Choose(0, steps).Select(i => i == steps ? hi : lo + ((hi - lo) * i / steps));

    /// <summary>Mostly <paramref name="gen"/>, sometimes one of the <paramref name="edges"/>.</summary>
    public static Gen<T> WithEdges<T>(Gen<T> gen, params T[] edges) => Gen.Frequency((3, gen), (1, Gen.Elements(edges)));

    public static Gen<int> Score { get; } = Gen.Choose(0, 10);

    public static Gen<int> BadScore { get; } = Gen.Elements(-1, 11, -100, 100, int.MinValue, int.MaxValue);

    public static Gen<int> Size { get; } = Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 5)), (6, Gen.Choose(6, 300)));

    public static Gen<ValidScores> ValidScores { get; } =
        Size.SelectMany(n => Gen.ArrayOf(Score, n)).Select(s => new ValidScores(s));

    public static Gen<MixedScores> MixedScores { get; } =
        Size.SelectMany(n => Gen.ArrayOf(Gen.Frequency((8, Score), (1, BadScore)), n)).Select(s => new MixedScores(s));

    public static Gen<ClassCounts> ClassCounts { get; } =
        (from p in WithEdges(Gen.Choose(0, 400), 0, 1)
         from q in WithEdges(Gen.Choose(0, 400), 0, 1)
         from d in WithEdges(Gen.Choose(0, 400), 0, 1)
         select new ClassCounts(p, q, d)).Where(c => c.Total > 0);

    public static Gen<SegmentedScores> Segmented { get; } =
        from n in Size
        from keys in Gen.ArrayOf(Gen.Elements("north", "south", "east"), n)
        from scores in Gen.ArrayOf(Gen.Frequency((8, Score), (1, BadScore)), n)
        select new SegmentedScores(keys, scores);

    /// <summary>A moment between 2000 and 2100, to the second.</summary>
    public static Gen<Instant> Instant { get; } =
        from day in Gen.Choose(0, 365 * 100)
        from second in Gen.Choose(0, 86_399)
        select NodaTime.Instant.FromUtc(2000, 1, 1, 0, 0) + Duration.FromDays(day) + Duration.FromSeconds(second);

    /// <summary>A response time from 0 to 10 days, often on the default window edges.</summary>
    public static Gen<Duration> ResponseTime { get; } =
        WithEdges(
            Gen.Choose(0, 10 * 86_400).Select(s => Duration.FromSeconds(s)),
            Duration.Zero, Duration.FromHours(6), Duration.FromHours(6) + Duration.FromSeconds(1), Duration.FromHours(24),
            Duration.FromHours(24) + Duration.FromSeconds(1), Duration.FromHours(25), Duration.FromTicks(1));

    public static Gen<RescueCase> RescueCase { get; } =
        from answered in Gen.Choose(0, 120 * 86_400).Select(s => NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromSeconds(s))
        from score in Score
        from reason in Gen.Elements(Enum.GetValues<LowScoreReason>())
        from started in Gen.Frequency((1, Gen.Constant<int?>(null)), (4, Gen.Choose(0, 86_400).Select(s => (int?)s)))
        from responded in Gen.Frequency((1, Gen.Constant<int?>(null)), (4, Gen.Choose(0, 3 * 86_400).Select(s => (int?)s)))
        from outcome in Gen.Elements(Enum.GetValues<RescueOutcome>())
        from promoter in Gen.Elements(true, false)
        select new RescueCase(
            $"C{answered.ToUnixTimeSeconds()}",
            answered,
            score,
            reason,
            started is int st ? answered + Duration.FromSeconds(st) : null,
            responded is int r ? answered + Duration.FromSeconds(r) : null,
            outcome,
            promoter && outcome == RescueOutcome.Recovered);

    public static Gen<RescueCases> RescueCases { get; } =
        Gen.Choose(0, 60).SelectMany(n => Gen.ArrayOf(RescueCase, n)).Select(c => new RescueCases(c));

    // ---- options ----

    private static Gen<TimeSpan> Minutes(int lo, int hi) => Gen.Choose(lo, hi).Select(m => TimeSpan.FromMinutes(m));

    /// <summary>Strictly increasing whole values drawn from <paramref name="lo"/>..<paramref name="hi"/>.</summary>
    private static Gen<int[]> Increasing(int n, int lo, int hi) =>
        Gen.ArrayOf(Gen.Choose(lo, hi), n).Where(a => a.Distinct().Count() == n).Select(a => a.Order().ToArray());

    private static Gen<AlertLevelOptions> AlertLevel { get; } =
        from notify in Gen.Elements(Roles)
        from escalate in notify == StaffRole.RegionalManager
            ? Gen.Constant<StaffRole?>(null)
            : Gen.Frequency((1, Gen.Constant<StaffRole?>(null)), (3, Gen.Choose((int)notify + 1, (int)StaffRole.RegionalManager).Select(r => (StaffRole?)(StaffRole)r)))
        from channels in Gen.Choose(1, 15)
        from within in Minutes(1, 7 * 24 * 60)
        from mark in Gen.Elements(Enum.GetValues<AlertMark>())
        select new AlertLevelOptions { Notify = notify, EscalateTo = escalate, Channels = (AlertChannels)channels, RespondWithin = within, Mark = mark };

    private static Gen<GradeProfileOptions> GradeProfile(decimal authority) =>
        from responder in Gen.Choose(0, (int)StaffRole.GeneralManager)
        from approver in Gen.Choose(responder + 1, (int)StaffRole.RegionalManager)
        from within in Minutes(1, 72 * 60)
        from involvement in Gen.Elements(Enum.GetValues<ResponderInvolvement>())
        select new GradeProfileOptions
        {
            Responder = (StaffRole)responder,
            Approver = (StaffRole)approver,
            RespondWithin = within,
            Involvement = involvement,
            CompensationAuthority = authority,
        };

    private static Gen<NpsOptions> Generated { get; } =
        from passive in Gen.Choose(2, 9)
        from promoter in Gen.Choose(passive + 1, 10)
        from z in WithEdges(Between(0.1, 4, 1000), 1.96, 2.58)
        from red in Gen.Choose(0, 9)
        from yellow in Gen.Choose(red + 1, 10)
        from orange in Gen.Choose(yellow, 10)
        from levels in Gen.ArrayOf(AlertLevel, 3)
        from sUp in Gen.Choose(0, passive - 2)
        from aUp in Gen.Choose(sUp + 1, passive - 1)
        from money in Gen.ArrayOf(Gen.Choose(0, 1_000_000), 3).Select(a => a.Order().Select(c => c / 100m).ToArray())
        from b in GradeProfile(money[0])
        from a in GradeProfile(money[1])
        from s in GradeProfile(money[2])
        from ends in Increasing(5, 1, 14 * 24 * 60)
        from executionStarts in Gen.Choose(ends[3] + 1, ends[4])
        from fast in Gen.Choose(1, 48 * 60)
        from sameDay in Gen.Choose(fast + 1, fast + (7 * 24 * 60))
        from success in Gen.ArrayOf(WithEdges(Between(0, 1, 100), 0.0, 1.0), 3).Select(x => x.OrderDescending().ToArray())
        from wait in Gen.Choose(1, 180)
        from questions in Gen.Choose(1, 10)
        from supervisor in Minutes(1, 72 * 60)
        select new NpsOptions
        {
            PassiveFrom = passive,
            PromoterFrom = promoter,
            ConfidenceZ = z,
            Alerts = new LowScoreAlertOptions { RedUpTo = red, YellowUpTo = yellow, OrangeUpTo = orange, Red = levels[0], Yellow = levels[1], Orange = levels[2] },
            Grades = new DetractorGradeOptions { SUpTo = sUp, AUpTo = aUp, B = b, A = a, S = s },
            Rescue = new RescueWindowOptions
            {
                IdentifyBy = TimeSpan.FromMinutes(ends[0]),
                FirstContactBy = TimeSpan.FromMinutes(ends[1]),
                InvestigateBy = TimeSpan.FromMinutes(ends[2]),
                SolutionBy = TimeSpan.FromMinutes(ends[3]),
                ExecuteBy = TimeSpan.FromMinutes(ends[4]),
                ExecutionStartsWithin = TimeSpan.FromMinutes(executionStarts),
            },
            ResponseTimeEffect = new ResponseTimeEffectOptions
            {
                FastWithin = TimeSpan.FromMinutes(fast),
                SameDayWithin = TimeSpan.FromMinutes(sameDay),
                FastSuccess = success[0],
                SameDaySuccess = success[1],
                LateSuccess = success[2],
            },
            EmotionWarning = new EmotionWarningOptions { WaitingBeyondPromiseMinutes = wait, ProgressQuestions = questions },
            DetractorSupervisorContactWithin = supervisor,
        };

    /// <summary>Valid options: now and then the defaults, otherwise anything the validator accepts.</summary>
    public static Gen<NpsOptions> Options { get; } =
        Gen.Frequency((1, Gen.Constant(0).Select(_ => new NpsOptions())), (9, Generated));

    /// <summary>One way to break valid options: what it does, the option path the error must name, and the change.</summary>
    public static IReadOnlyList<(string What, string Path, Action<NpsOptions> Break)> Breakers { get; } =
    [
        ("promoter bound equal to the passive bound", "PromoterFrom", o => o.PromoterFrom = o.PassiveFrom),
        ("promoter bound below the passive bound", "PromoterFrom", o => o.PromoterFrom = o.PassiveFrom - 1),
        ("promoter bound above 10", "PromoterFrom", o => o.PromoterFrom = 11),
        ("z of 0", "ConfidenceZ", o => o.ConfidenceZ = 0),
        ("negative z", "ConfidenceZ", o => o.ConfidenceZ = -1.96),
        ("z NaN", "ConfidenceZ", o => o.ConfidenceZ = double.NaN),
        ("z infinite", "ConfidenceZ", o => o.ConfidenceZ = double.PositiveInfinity),
        ("yellow bound equal to the red bound", "Alerts.YellowUpTo", o => o.Alerts.YellowUpTo = o.Alerts.RedUpTo),
        ("yellow bound below the red bound", "Alerts.YellowUpTo", o => o.Alerts.YellowUpTo = o.Alerts.RedUpTo - 1),
        ("orange bound below the yellow bound", "Alerts.OrangeUpTo", o => o.Alerts.OrangeUpTo = o.Alerts.YellowUpTo - 1),
        ("negative red bound", "Alerts.RedUpTo", o => o.Alerts.RedUpTo = -1),
        ("red alert escalates to the role it notifies", "Alerts.Red.EscalateTo", o => o.Alerts.Red.EscalateTo = o.Alerts.Red.Notify),
        ("yellow alert escalates downwards", "Alerts.Yellow.EscalateTo", o => (o.Alerts.Yellow.Notify, o.Alerts.Yellow.EscalateTo) = (StaffRole.StoreManager, StaffRole.ServiceAdvisor)),
        ("orange alert escalates to an unknown role", "Alerts.Orange.EscalateTo", o => (o.Alerts.Orange.Notify, o.Alerts.Orange.EscalateTo) = (StaffRole.ServiceAdvisor, (StaffRole)42)),
        ("orange alert notifies an unknown role", "Alerts.Orange.Notify", o => (o.Alerts.Orange.Notify, o.Alerts.Orange.EscalateTo) = ((StaffRole)(-1), null)),
        ("red alert without a channel", "Alerts.Red.Channels", o => o.Alerts.Red.Channels = AlertChannels.None),
        ("yellow alert on an unknown channel", "Alerts.Yellow.Channels", o => o.Alerts.Yellow.Channels |= (AlertChannels)16),
        ("yellow alert window of zero", "Alerts.Yellow.RespondWithin", o => o.Alerts.Yellow.RespondWithin = TimeSpan.Zero),
        ("red alert window negative", "Alerts.Red.RespondWithin", o => o.Alerts.Red.RespondWithin = TimeSpan.FromHours(-2)),
        ("unknown mark", "Alerts.Orange.Mark", o => o.Alerts.Orange.Mark = (AlertMark)9),
        ("alerts missing", "Alerts", o => o.Alerts = null!),
        ("red alert missing", "Alerts.Red", o => o.Alerts.Red = null!),
        ("A bound equal to the S bound", "Grades.AUpTo", o => o.Grades.AUpTo = o.Grades.SUpTo),
        ("A bound reaches the passives", "Grades.AUpTo", o => o.Grades.AUpTo = o.PassiveFrom),
        ("negative S bound", "Grades.SUpTo", o => o.Grades.SUpTo = -1),
        ("negative B authority", "Grades.B.CompensationAuthority", o => o.Grades.B.CompensationAuthority = -0.01m),
        ("negative S authority", "Grades.S.CompensationAuthority", o => o.Grades.S.CompensationAuthority = -5000m),
        ("A authority below B", "Grades.A.CompensationAuthority", o => o.Grades.A.CompensationAuthority = o.Grades.B.CompensationAuthority - 0.01m),
        ("S authority below A", "Grades.S.CompensationAuthority", o => o.Grades.S.CompensationAuthority = o.Grades.A.CompensationAuthority - 1m),
        ("S approver not above the responder", "Grades.S.Approver", o => o.Grades.S.Approver = o.Grades.S.Responder),
        ("B approver below the responder", "Grades.B.Approver", o => (o.Grades.B.Responder, o.Grades.B.Approver) = (StaffRole.StoreManager, StaffRole.ServiceManager)),
        ("A window of zero", "Grades.A.RespondWithin", o => o.Grades.A.RespondWithin = TimeSpan.Zero),
        ("unknown involvement", "Grades.B.Involvement", o => o.Grades.B.Involvement = (ResponderInvolvement)7),
        ("grades missing", "Grades", o => o.Grades = null!),
        ("identify window of zero", "Rescue.IdentifyBy", o => o.Rescue.IdentifyBy = TimeSpan.Zero),
        ("investigation not after first contact", "Rescue.InvestigateBy", o => o.Rescue.InvestigateBy = o.Rescue.FirstContactBy),
        ("first contact before identification", "Rescue.FirstContactBy", o => o.Rescue.FirstContactBy = o.Rescue.IdentifyBy - TimeSpan.FromMinutes(1)),
        ("execution ends before the solution", "Rescue.ExecuteBy", o =>
        {
            o.Rescue.ExecuteBy = o.Rescue.SolutionBy - TimeSpan.FromSeconds(1);
            o.Rescue.ExecutionStartsWithin = TimeSpan.FromTicks(Math.Min(o.Rescue.ExecutionStartsWithin.Ticks, o.Rescue.ExecuteBy.Ticks));
        }),
        ("execution starts before the solution is due", "Rescue.ExecutionStartsWithin", o => o.Rescue.ExecutionStartsWithin = o.Rescue.SolutionBy),
        ("execution starts after it must end", "Rescue.ExecutionStartsWithin", o => o.Rescue.ExecutionStartsWithin = o.Rescue.ExecuteBy + TimeSpan.FromMinutes(1)),
        ("rescue missing", "Rescue", o => o.Rescue = null!),
        ("same-day window not longer than fast", "ResponseTimeEffect.SameDayWithin", o => o.ResponseTimeEffect.SameDayWithin = o.ResponseTimeEffect.FastWithin),
        ("fast window of zero", "ResponseTimeEffect.FastWithin", o => o.ResponseTimeEffect.FastWithin = TimeSpan.Zero),
        ("success rising from fast to same-day", "ResponseTimeEffect.SameDaySuccess", o =>
        {
            var e = o.ResponseTimeEffect;
            (e.FastSuccess, e.SameDaySuccess) = (Math.Min(e.FastSuccess, 0.9), Math.Min(e.FastSuccess, 0.9) + 0.1);
            e.LateSuccess = Math.Min(e.LateSuccess, e.FastSuccess);
        }),
        ("success rising from same-day to late", "ResponseTimeEffect.LateSuccess", o =>
        {
            var e = o.ResponseTimeEffect;
            (e.SameDaySuccess, e.LateSuccess) = (Math.Min(e.SameDaySuccess, 0.9), Math.Min(e.SameDaySuccess, 0.9) + 0.1);
            e.FastSuccess = Math.Max(e.FastSuccess, e.LateSuccess);
        }),
        ("fast success above 1", "ResponseTimeEffect.FastSuccess", o => o.ResponseTimeEffect.FastSuccess = 1.5),
        ("late success NaN", "ResponseTimeEffect.LateSuccess", o => o.ResponseTimeEffect.LateSuccess = double.NaN),
        ("wait threshold of 0 minutes", "EmotionWarning.WaitingBeyondPromiseMinutes", o => o.EmotionWarning.WaitingBeyondPromiseMinutes = 0),
        ("progress questions of 0", "EmotionWarning.ProgressQuestions", o => o.EmotionWarning.ProgressQuestions = 0),
        ("supervisor window of zero", "DetractorSupervisorContactWithin", o => o.DetractorSupervisorContactWithin = TimeSpan.Zero),
    ];

    public static Gen<BrokenOptions> Broken { get; } =
        from options in Options
        from i in Gen.Choose(0, Breakers.Count - 1)
        select Break(options, Breakers[i]);

    private static BrokenOptions Break(NpsOptions o, (string What, string Path, Action<NpsOptions> Break) b)
    {
        b.Break(o);
        return new BrokenOptions(o, b.Path, b.What);
    }
}

/// <summary>The arbitraries the properties use, registered with <c>[Properties(Arbitrary = ...)]</c>.</summary>
public static class Arbitraries
{
    public static Arbitrary<AnswerScore> AnswerScore() => Arb.From(Gens.Score.Select(s => new AnswerScore(s)));

    public static Arbitrary<ValidScores> ValidScores() => Arb.From(Gens.ValidScores);

    public static Arbitrary<MixedScores> MixedScores() => Arb.From(Gens.MixedScores);

    public static Arbitrary<ClassCounts> ClassCounts() => Arb.From(Gens.ClassCounts);

    public static Arbitrary<SegmentedScores> SegmentedScores() => Arb.From(Gens.Segmented);

    public static Arbitrary<Instant> Instant() => Arb.From(Gens.Instant);

    public static Arbitrary<Duration> Duration() => Arb.From(Gens.ResponseTime);

    public static Arbitrary<RescueCases> RescueCases() => Arb.From(Gens.RescueCases);

    public static Arbitrary<ValidOptions> ValidOptions() => Arb.From(Gens.Options.Select(o => new ValidOptions(o)));

    public static Arbitrary<BrokenOptions> BrokenOptions() => Arb.From(Gens.Broken);
}
