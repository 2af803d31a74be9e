using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Retention.Scoring.Tests.Support;

/// <summary>A valid customer and the date it is scored for.</summary>
public sealed record Customer(CustomerSignals Signals, LocalDate AsOf)
{
    public int Days => Period.DaysBetween(Signals.LastVisit, AsOf);
}

/// <summary>A share in [0, 1].</summary>
public sealed record Fraction(double Value);

/// <summary>A batch of records for one as-of date, with the bad ones listed (index and the field that is bad).</summary>
public sealed record Batch(LocalDate AsOf, CustomerSignals[] Rows, (int Index, SignalField Field)[] Bad)
{
    public override string ToString() =>
        $"asOf {AsOf:uuuu-MM-dd}, {Rows.Length} rows, bad [{string.Join(", ", Bad.Select(b => $"{b.Index}:{b.Field}"))}]: "
        + string.Join(" | ", Rows.Select(r => r.ToString()));
}

/// <summary>A batch whose bad records are bad in a signal that the columnar form carries too.</summary>
public sealed record ColumnBatch(Batch Batch)
{
    public override string ToString() => Batch.ToString();
}

/// <summary>Options the validator accepts.</summary>
public sealed record ValidOptions(ScoringOptions Options)
{
    public override string ToString() => JsonSerializer.Serialize(Options);
}

/// <summary>Valid options with exactly one thing broken, and the path of the option that is broken.</summary>
public sealed record BrokenOptions(ScoringOptions Options, string Path, string What)
{
    public override string ToString() => $"{What} (expect {Path}): {JsonSerializer.Serialize(Options)}";
}

/// <summary>A customer base's CLVs (duplicates allowed, at least one).</summary>
public sealed record ClvBase(decimal[] Values)
{
    public override string ToString() => string.Join(", ", Values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>A customer base of distinct CLVs whose size is a multiple of 5, in random order.</summary>
public sealed record DistinctClvBase(decimal[] Values)
{
    public override string ToString() => string.Join(", ", Values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>The generators behind the properties.</summary>
public static class Gens
{
    private static readonly StaffRole[] Roles = Enum.GetValues<StaffRole>();

    public static Gen<bool> Bool { get; } = Gen.Elements(true, false);

    /// <summary>Evenly spaced values from <paramref name="lo"/> to <paramref name="hi"/>, both ends included.</summary>
    public static Gen<double> Between(double lo, double hi, int steps = 10_000) =>
        Gen.Choose(0, steps).Select(i => i == steps ? hi : lo + ((hi - lo) * i / steps));

    /// <summary>Money with cents from 0 to <paramref name="max"/>.</summary>
    public static Gen<decimal> Money(int max) => Gen.Choose(0, max * 100).Select(i => i / 100m);

    /// <summary>Mostly <paramref name="gen"/>, sometimes one of the <paramref name="edges"/>.</summary>
    public static Gen<T> WithEdges<T>(Gen<T> gen, params T[] edges) => Gen.Frequency((3, gen), (1, Gen.Elements(edges)));

    public static Gen<LocalDate> AsOf { get; } = Gen.Choose(0, 365 * 100).Select(d => new LocalDate(2000, 1, 1).PlusDays(d));

    public static Gen<int> Days { get; } =
        WithEdges(Gen.Choose(0, 800), 0, 1, 89, 90, 91, 100, 119, 120, 121, 179, 180, 181, 189, 190, 191, 359, 360, 364, 365, 366, 5000);

    public static Gen<double?> AppOpens { get; } = Gen.Frequency(
        (1, Gen.Constant<double?>(null)),
        (5, WithEdges(Between(0, 10), 0, 0.5, 1, 1.25, 1.5, 2, 3).Select(v => (double?)v)));

    public static Gen<double> Cancellation { get; } = WithEdges(Between(0, 1), 0, 0.1, 0.3, 1);

    public static Gen<double?> Satisfaction { get; } = Gen.Frequency(
        (1, Gen.Constant<double?>(null)),
        (5, WithEdges(Between(0, 10, 1000), 0, 6, 7, 8, 10).Select(v => (double?)v)));

    public static Gen<int> Inquiries { get; } = WithEdges(Gen.Choose(0, 10), 0, 1, 1000);

    public static Gen<decimal> Spend { get; } = WithEdges(Money(20_000), 0m, 1999.99m, 2000m, 3000m, 5000m, 5000.01m, 1_000_000m);

    public static Gen<CustomerSignals> Signals(LocalDate asOf) =>
        from days in Days
        from app in AppOpens
        from cancel in Cancellation
        from sat in Satisfaction
        from inq in Inquiries
        from spend in Spend
        from complaints in Gen.Choose(0, 5)
        from social in Bool
        select new CustomerSignals
        {
            LastVisit = asOf.PlusDays(-days),
            AppOpensPerMonth = app,
            CancellationRate = cancel,
            Satisfaction = sat,
            ServiceInquiries = inq,
            AnnualSpend = spend,
            Complaints = complaints,
            SocialInfluence = social,
        };

    public static Gen<Customer> Customer { get; } =
        from asOf in AsOf
        from signals in Signals(asOf)
        select new Customer(signals, asOf);

    public static Gen<Fraction> Fraction { get; } = WithEdges(Between(0, 1), 0.0, 1.0).Select(v => new Fraction(v));

    /// <summary>Breaks one signal of a valid record; in columnar-only mode only signals the columns carry, and never with NaN for an optional signal (NaN means "missing" there).</summary>
    public static Gen<(CustomerSignals Signals, SignalField Field)> Bad(LocalDate asOf, bool columnFieldsOnly)
    {
        var fields = columnFieldsOnly
            ? new[] { SignalField.LastVisit, SignalField.AppOpensPerMonth, SignalField.CancellationRate, SignalField.Satisfaction, SignalField.ServiceInquiries }
            : Enum.GetValues<SignalField>();
        double[] badApp = columnFieldsOnly ? [-0.1, -5, double.PositiveInfinity] : [-0.1, -5, double.PositiveInfinity, double.NaN];
        double[] badSat = columnFieldsOnly ? [11, -1, 10.5, double.NegativeInfinity] : [11, -1, 10.5, double.NaN];
        return
            from good in Signals(asOf)
            from field in Gen.Elements(fields)
            from future in Gen.Choose(1, 400)
            from app in Gen.Elements(badApp)
            from cancel in Gen.Elements(-0.1, 1.1, double.NaN, double.PositiveInfinity)
            from sat in Gen.Elements(badSat)
            from count in Gen.Elements(-1, -100, int.MinValue)
            from spend in Gen.Elements(-0.01m, -5000m)
            select (field switch
            {
                SignalField.LastVisit => good with { LastVisit = asOf.PlusDays(future) },
                SignalField.AppOpensPerMonth => good with { AppOpensPerMonth = app },
                SignalField.CancellationRate => good with { CancellationRate = cancel },
                SignalField.Satisfaction => good with { Satisfaction = sat },
                SignalField.ServiceInquiries => good with { ServiceInquiries = count },
                SignalField.AnnualSpend => good with { AnnualSpend = spend },
                _ => good with { Complaints = count },
            }, field);
    }

    public static Gen<Batch> Batch(bool columnFieldsOnly) =>
        from asOf in AsOf
        from size in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(1, 3)), (6, Gen.Choose(4, 60)))
        from rows in Gen.ArrayOf(
            Gen.Frequency(
                (6, Signals(asOf).Select(s => (Signals: s, Field: (SignalField?)null))),
                (1, Bad(asOf, columnFieldsOnly).Select(b => (b.Signals, Field: (SignalField?)b.Field)))),
            size)
        select new Batch(
            asOf,
            rows.Select(r => r.Signals).ToArray(),
            rows.Select((r, i) => (Index: i, r.Field)).Where(r => r.Field is not null).Select(r => (r.Index, r.Field!.Value)).ToArray());

    // ---- options ----

    private static Gen<(double Lo, double Hi)> SortedPair(Gen<double> g) =>
        from a in g from b in g select a <= b ? (a, b) : (b, a);

    private static Gen<(decimal Lo, decimal Hi)> SortedMoney(int max) =>
        from a in Money(max) from b in Money(max) select a <= b ? (a, b) : (b, a);

    /// <summary>Positive weights that add up to 100.</summary>
    public static Gen<double[]> Weights(int n) =>
        Gen.ArrayOf(Gen.Choose(1, 1000), n).Select(raw =>
        {
            double sum = raw.Sum();
            return raw.Select(r => r * 100.0 / sum).ToArray();
        });

    /// <summary>Strictly increasing values drawn from <paramref name="lo"/>..<paramref name="hi"/> in <paramref name="steps"/> steps.</summary>
    public static Gen<double[]> Increasing(int n, double lo, double hi, int steps) =>
        Gen.ArrayOf(Gen.Choose(0, steps), n)
            .Where(a => a.Distinct().Count() == n)
            .Select(a => a.Order().Select(i => i == steps ? hi : lo + ((hi - lo) * i / steps)).ToArray());

    private static Gen<(double ZeroAt, double FullAt)> RampEnds(double lo, double hi) =>
        from a in Between(lo, hi, 1000)
        from b in Between(lo, hi, 1000)
        where a != b
        select (a, b);

    public static Gen<RiskScoreOptions> RiskOptions { get; } =
        from w in Weights(5)
        from days in RampEnds(0, 400)
        from app in RampEnds(0, 10)
        from cancel in RampEnds(0, 1)
        from sat in RampEnds(0, 10)
        from inq in RampEnds(0, 5)
        from policy in Gen.Elements(MissingSignalPolicy.Zero, MissingSignalPolicy.Rescale)
        select new RiskScoreOptions
        {
            DaysSinceLastVisit = new RampOptions { ZeroAt = days.ZeroAt, FullAt = days.FullAt, Weight = w[0] },
            AppOpens = new RampOptions { ZeroAt = app.ZeroAt, FullAt = app.FullAt, Weight = w[1] },
            CancellationRate = new RampOptions { ZeroAt = cancel.ZeroAt, FullAt = cancel.FullAt, Weight = w[2] },
            Satisfaction = new RampOptions { ZeroAt = sat.ZeroAt, FullAt = sat.FullAt, Weight = w[3] },
            ServiceInquiries = new RampOptions { ZeroAt = inq.ZeroAt, FullAt = inq.FullAt, Weight = w[4] },
            MissingSignals = policy,
        };

    private static Gen<RiskTierProfileOptions> TierProfile { get; } =
        from p in SortedPair(Between(0, 1, 100))
        from c in SortedMoney(5000)
        from s in SortedPair(Between(0, 1, 100))
        from hours in Gen.Choose(1, 24 * 30)
        from owner in Gen.Elements(Roles)
        select new RiskTierProfileOptions
        {
            ChurnProbabilityMin = p.Lo,
            ChurnProbabilityMax = p.Hi,
            RecoveryCostMin = c.Lo,
            RecoveryCostMax = c.Hi,
            RecoverySuccessMin = s.Lo,
            RecoverySuccessMax = s.Hi,
            RespondWithin = TimeSpan.FromHours(hours),
            Owner = owner,
        };

    public static Gen<RiskTierOptions> TierOptions { get; } =
        from t in Increasing(3, 0, 100, 1000)
        from yellow in TierProfile
        from orange in TierProfile
        from red in TierProfile
        select new RiskTierOptions { YellowFrom = t[0], OrangeFrom = t[1], RedFrom = t[2], Yellow = yellow, Orange = orange, Red = red };

    private static Gen<ChurnStageProfileOptions> StageProfile { get; } =
        from s in SortedPair(Between(0, 1, 100))
        from c in SortedPair(Between(0, 1, 100))
        select new ChurnStageProfileOptions { RecoverySuccessMin = s.Lo, RecoverySuccessMax = s.Hi, CostCapShareMin = c.Lo, CostCapShareMax = c.Hi };

    public static Gen<ChurnStageOptions> StageOptions { get; } =
        from pre in Gen.Choose(1, 150)
        from early in Gen.Choose(1, 100)
        from deep in Gen.Choose(1, 200)
        from lost in Gen.Choose(1, 400)
        from p in Gen.ArrayOf(StageProfile, 4)
        select new ChurnStageOptions
        {
            PreChurnFrom = pre,
            EarlyChurnFrom = pre + early,
            DeepChurnFrom = pre + early + deep,
            LostFrom = pre + early + deep + lost,
            PreChurn = p[0],
            EarlyChurn = p[1],
            DeepChurn = p[2],
            Lost = p[3],
        };

    public static Gen<ValueOptions> ValueOpts { get; } =
        from mid in Money(6000)
        from above in Money(6000)
        from margin in Gen.Choose(1, 100)
        from years in Gen.Choose(1, 40)
        from acquisition in Money(3000)
        from share in Gen.Choose(1, 100)
        from vip in Between(0, 100, 1000)
        select new ValueOptions
        {
            MidTierFrom = mid,
            HighTierAbove = mid + above,
            GrossMargin = margin / 100m,
            ExpectedLifetimeYears = years / 2m,
            AcquisitionCost = acquisition,
            RecoveryShare = share / 100m,
            VipValueScore = vip,
        };

    private static Gen<StrategyCellOptions> Cell { get; } =
        from recover in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from owner in Gen.Elements(Roles.Select(r => (StaffRole?)r).Append(null).ToArray())
        from channels in Gen.Choose(1, 31)
        from actions in Gen.Choose(0, (1 << 20) - 1)
        from c in SortedMoney(4000)
        from s in SortedPair(Between(0, 1, 100))
        select recover
            ? new StrategyCellOptions
            {
                Owner = owner,
                Channels = (RecoveryChannels)channels,
                Actions = (RecoveryActions)actions,
                CostMin = c.Lo,
                CostMax = c.Hi,
                SuccessMin = s.Lo,
                SuccessMax = s.Hi,
            }
            : new StrategyCellOptions { Recover = false };

    public static Gen<StrategyMatrixOptions> StrategyOpts { get; } =
        Gen.ArrayOf(Cell, 12).Select(c => new StrategyMatrixOptions
        {
            PreChurnHigh = c[0],
            PreChurnMid = c[1],
            PreChurnLow = c[2],
            EarlyChurnHigh = c[3],
            EarlyChurnMid = c[4],
            EarlyChurnLow = c[5],
            DeepChurnHigh = c[6],
            DeepChurnMid = c[7],
            DeepChurnLow = c[8],
            LostHigh = c[9],
            LostMid = c[10],
            LostLow = c[11],
        });

    public static Gen<SuccessEstimateOptions> SuccessOpts { get; } =
        from w in Weights(4)
        from months in Increasing(3, 1, 720, 719)
        from points in Gen.ArrayOf(Between(0, 5, 50), 13)
        from satisfaction in SortedPair(Between(0, 10, 100))
        from bands in Increasing(3, 0.01, 5, 499)
        from success in Gen.ArrayOf(Between(0, 1, 100), 4).Select(a => a.Order().ToArray())
        from solvability in Gen.ArrayOf(Gen.Elements(Enum.GetValues<Solvability>()), 5)
        select new SuccessEstimateOptions
        {
            DurationWeight = w[0],
            ReasonWeight = w[1],
            SatisfactionWeight = w[2],
            StickinessWeight = w[3],
            ThreeMonthsDays = (int)months[0],
            SixMonthsDays = (int)months[1],
            TwelveMonthsDays = (int)months[2],
            UpToThreeMonthsPoints = points[0],
            UpToSixMonthsPoints = points[1],
            UpToTwelveMonthsPoints = points[2],
            OverTwelveMonthsPoints = points[3],
            SolvablePoints = points[4],
            PartlySolvablePoints = points[5],
            NotSolvablePoints = points[6],
            HighSatisfactionPoints = points[7],
            MidSatisfactionPoints = points[8],
            LowSatisfactionPoints = points[9],
            HighStickinessPoints = points[10],
            MediumStickinessPoints = points[11],
            LowStickinessPoints = points[12],
            MidSatisfactionFrom = satisfaction.Lo,
            HighSatisfactionAbove = satisfaction.Hi,
            CautiousFrom = bands[0],
            RecommendFrom = bands[1],
            StronglyRecommendFrom = bands[2],
            CautiousSuccess = success[0],
            RecommendSuccess = success[1],
            StronglyRecommendSuccess = success[2],
            MaximumSuccess = success[3],
            Price = solvability[0],
            ServiceExperience = solvability[1],
            Inconvenience = solvability[2],
            MovedOrChangedCar = solvability[3],
            Other = solvability[4],
        };

    public static Gen<RecoveryDecisionOptions> DecisionOpts { get; } =
        from minSpend in Money(10_000)
        from minSuccess in Between(0, 1, 100)
        from red in Increasing(2, 0, 100, 100)
        from redBudgets in Gen.ArrayOf(Money(5000), 3)
        from orangeAbove in Between(0, 100, 100)
        from orange in SortedMoney(3000)
        from complaints in Gen.Choose(1, 10)
        from policies in Gen.ArrayOf(Gen.Elements(Enum.GetValues<LimitedRecoveryPolicy>()), 2)
        from automated in Money(200)
        from influencer in Bool
        from owner in Gen.Elements(Roles)
        select new RecoveryDecisionOptions
        {
            DeepChurnMinimumAnnualSpend = minSpend,
            DeepChurnMinimumSuccess = minSuccess,
            RedMakeEffortFrom = red[0],
            RedFullRecoveryFrom = red[1],
            RedFarewellBudget = redBudgets[0],
            RedMakeEffortBudget = redBudgets[1],
            RedFullRecoveryBudget = redBudgets[2],
            OrangeHomeVisitAbove = orangeAbove,
            OrangeBudget = orange.Lo,
            OrangeHomeVisitBudget = orange.Hi,
            ProblemCustomerComplaints = complaints,
            ProblemCustomers = policies[0],
            LowValueCustomers = policies[1],
            AutomatedPathBudget = automated,
            LostHighValueInfluencerIsException = influencer,
            LostExceptionOwner = owner,
        };

    public static Gen<ScoringOptions> Options { get; } =
        from risk in RiskOptions
        from tiers in TierOptions
        from stages in StageOptions
        from value in ValueOpts
        from strategy in StrategyOpts
        from success in SuccessOpts
        from decision in DecisionOpts
        from horizon in Gen.Choose(1, 40)
        select new ScoringOptions
        {
            Risk = risk,
            Tiers = tiers,
            Stages = stages,
            Value = value,
            Strategy = strategy,
            SuccessEstimate = success,
            Decision = decision,
            Roi = new RoiOptions { HorizonYears = horizon / 4m },
        };

    /// <summary>One way to break valid options: what it does, the option path the error must name, and the change.</summary>
    public static IReadOnlyList<(string What, string Path, Action<ScoringOptions> Break)> Breakers { get; } =
    [
        ("orange threshold not above yellow", "Tiers.OrangeFrom", o => o.Tiers.OrangeFrom = o.Tiers.YellowFrom),
        ("red threshold below orange", "Tiers.RedFrom", o => o.Tiers.RedFrom = o.Tiers.OrangeFrom - 0.5),
        ("red threshold above 100", "Tiers.RedFrom", o => o.Tiers.RedFrom = 100.5),
        ("yellow threshold NaN", "Tiers.YellowFrom", o => o.Tiers.YellowFrom = double.NaN),
        ("risk weights add up to 101", "Risk.*.Weight", o => o.Risk.Satisfaction.Weight += 1),
        ("risk weights add up to 99.99", "Risk.*.Weight", o => o.Risk.DaysSinceLastVisit.Weight -= Math.Min(0.01, o.Risk.DaysSinceLastVisit.Weight / 2)),
        ("NaN weight", "Risk.AppOpens.Weight", o => o.Risk.AppOpens.Weight = double.NaN),
        ("negative weight", "Risk.CancellationRate.Weight", o => o.Risk.CancellationRate.Weight = -o.Risk.CancellationRate.Weight),
        ("ramp ends too close for a finite slope", "Risk.AppOpens.FullAt", o => o.Risk.AppOpens.FullAt = o.Risk.AppOpens.ZeroAt + 1e-320),
        ("infinite weight", "Risk.ServiceInquiries.Weight", o => o.Risk.ServiceInquiries.Weight = double.PositiveInfinity),
        ("days ramp ZeroAt == FullAt", "Risk.DaysSinceLastVisit.FullAt", o => o.Risk.DaysSinceLastVisit.FullAt = o.Risk.DaysSinceLastVisit.ZeroAt),
        ("satisfaction ramp ZeroAt == FullAt", "Risk.Satisfaction.FullAt", o => o.Risk.Satisfaction.FullAt = o.Risk.Satisfaction.ZeroAt),
        ("infinite ramp end", "Risk.AppOpens.ZeroAt", o => o.Risk.AppOpens.ZeroAt = double.NegativeInfinity),
        ("unknown missing-signal policy", "Risk.MissingSignals", o => o.Risk.MissingSignals = (MissingSignalPolicy)7),
        ("early churn not after pre-churn", "Stages.EarlyChurnFrom", o => o.Stages.EarlyChurnFrom = o.Stages.PreChurnFrom),
        ("lost before deep churn", "Stages.LostFrom", o => o.Stages.LostFrom = o.Stages.DeepChurnFrom - 1),
        ("pre-churn from day 0", "Stages.PreChurnFrom", o => o.Stages.PreChurnFrom = 0),
        ("stage success above 1", "Stages.DeepChurn.RecoverySuccessMax", o => o.Stages.DeepChurn.RecoverySuccessMax = 1.5),
        ("gross margin 0", "Value.GrossMargin", o => o.Value.GrossMargin = 0m),
        ("gross margin above 1", "Value.GrossMargin", o => o.Value.GrossMargin = 1.01m),
        ("negative acquisition cost", "Value.AcquisitionCost", o => o.Value.AcquisitionCost = -0.01m),
        ("negative mid-tier line", "Value.MidTierFrom", o => { o.Value.MidTierFrom = -1m; }),
        ("high tier below mid tier", "Value.HighTierAbove", o => o.Value.HighTierAbove = o.Value.MidTierFrom - 1m),
        ("lifetime of 0 years", "Value.ExpectedLifetimeYears", o => o.Value.ExpectedLifetimeYears = 0m),
        ("recovery share 0", "Value.RecoveryShare", o => o.Value.RecoveryShare = 0m),
        ("VIP line above 100", "Value.VipValueScore", o => o.Value.VipValueScore = 101),
        ("negative horizon", "Roi.HorizonYears", o => o.Roi.HorizonYears = -1m),
        ("zero horizon", "Roi.HorizonYears", o => o.Roi.HorizonYears = 0m),
        ("negative red budget", "Decision.RedFullRecoveryBudget", o => o.Decision.RedFullRecoveryBudget = -1m),
        ("red effort line not below full line", "Decision.RedFullRecoveryFrom", o => o.Decision.RedFullRecoveryFrom = o.Decision.RedMakeEffortFrom),
        ("home-visit budget below orange budget", "Decision.OrangeHomeVisitBudget", o => o.Decision.OrangeHomeVisitBudget = o.Decision.OrangeBudget - 1m),
        ("problem customers at 0 complaints", "Decision.ProblemCustomerComplaints", o => o.Decision.ProblemCustomerComplaints = 0),
        ("deep-churn success above 1", "Decision.DeepChurnMinimumSuccess", o => o.Decision.DeepChurnMinimumSuccess = 1.2),
        ("negative tier cost", "Tiers.Yellow.RecoveryCostMin", o => o.Tiers.Yellow.RecoveryCostMin = -1m),
        ("zero response window", "Tiers.Orange.RespondWithin", o => o.Tiers.Orange.RespondWithin = TimeSpan.Zero),
        ("unknown tier owner", "Tiers.Red.Owner", o => o.Tiers.Red.Owner = (StaffRole)42),
        ("success weights add up to 105", "SuccessEstimate.*Weight", o => o.SuccessEstimate.ReasonWeight += 5),
        ("recommend band not above cautious", "SuccessEstimate.RecommendFrom", o => o.SuccessEstimate.RecommendFrom = o.SuccessEstimate.CautiousFrom),
        ("duration bounds unordered", "SuccessEstimate.SixMonthsDays", o => o.SuccessEstimate.SixMonthsDays = o.SuccessEstimate.ThreeMonthsDays),
        ("strategy cell cost max below min", "Strategy.PreChurnHigh.CostMax", o => o.Strategy.PreChurnHigh = new StrategyCellOptions
        {
            Owner = StaffRole.StoreManager, Channels = RecoveryChannels.Phone, CostMin = 100m, CostMax = 50m, SuccessMin = 0.1, SuccessMax = 0.2,
        }),
        ("recovering strategy cell without channel", "Strategy.EarlyChurnLow.Channels", o => o.Strategy.EarlyChurnLow = new StrategyCellOptions
        {
            Channels = RecoveryChannels.None, CostMin = 10m, CostMax = 50m, SuccessMin = 0.1, SuccessMax = 0.2,
        }),
    ];

    public static Gen<BrokenOptions> Broken { get; } =
        from options in Options
        from i in Gen.Choose(0, Breakers.Count - 1)
        select Break(options, Breakers[i]);

    private static BrokenOptions Break(ScoringOptions o, (string What, string Path, Action<ScoringOptions> Break) b)
    {
        b.Break(o);
        return new BrokenOptions(o, b.Path, b.What);
    }

    // ---- value distributions ----

    public static Gen<decimal> Clv { get; } = WithEdges(Gen.Choose(-50_000, 500_000).Select(i => i / 10m), -500m, 0m, 7000m, 24_500m);

    public static Gen<ClvBase> ClvBase { get; } =
        Gen.Choose(1, 200).SelectMany(n => Gen.ArrayOf(Gen.Frequency((3, Clv), (1, Gen.Elements(-500m, 0m, 1000m, 7000m))), n))
            .Select(v => new ClvBase(v));

    public static Gen<DistinctClvBase> DistinctClvBase { get; } =
        from k in Gen.Choose(1, 60)
        from start in Gen.Choose(-100_000, 100_000)
        from steps in Gen.ArrayOf(Gen.Choose(1, 100_000), 5 * k)
        from shuffled in Gen.Shuffle(Cumulative(start, steps))
        select new DistinctClvBase(shuffled);

    private static decimal[] Cumulative(int start, int[] steps)
    {
        var values = new decimal[steps.Length];
        long x = start;
        for (int i = 0; i < steps.Length; i++)
        {
            x += steps[i];
            values[i] = x / 100m;
        }

        return values;
    }
}

/// <summary>The arbitraries the properties use, registered with <c>[Properties(Arbitrary = ...)]</c>.</summary>
public static class Arbitraries
{
    public static Arbitrary<Customer> Customer() => Arb.From(Gens.Customer);

    public static Arbitrary<Fraction> Fraction() => Arb.From(Gens.Fraction);

    public static Arbitrary<Batch> Batch() => Arb.From(Gens.Batch(columnFieldsOnly: false));

    public static Arbitrary<ColumnBatch> ColumnBatch() => Arb.From(Gens.Batch(columnFieldsOnly: true).Select(b => new ColumnBatch(b)));

    public static Arbitrary<ValidOptions> ValidOptions() => Arb.From(Gens.Options.Select(o => new ValidOptions(o)));

    public static Arbitrary<BrokenOptions> BrokenOptions() => Arb.From(Gens.Broken);

    public static Arbitrary<ClvBase> ClvBase() => Arb.From(Gens.ClvBase);

    public static Arbitrary<DistinctClvBase> DistinctClvBase() => Arb.From(Gens.DistinctClvBase);

    public static Arbitrary<LocalDate> LocalDate() => Arb.From(Gens.AsOf);
}
