using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Retention.Scoring;

/// <summary>
/// Validates <see cref="ScoringOptions"/>: every range, every ordering and every sum the spec
/// requires. Each failure names the option by its path (for example
/// <c>Risk.DaysSinceLastVisit.Weight</c>) and says what is wrong.
/// </summary>
/// <remarks>Stateless and thread-safe. Registered by <see cref="ScoringServiceCollectionExtensions.AddRetentionScoring(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{ScoringOptions}?)"/> and run at start-up.</remarks>
public sealed class ScoringOptionsValidator : IValidateOptions<ScoringOptions>
{
    /// <summary>Validates the options.</summary>
    /// <param name="name">The options name (unused: every instance is validated the same way).</param>
    /// <param name="options">The options.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    public ValidateOptionsResult Validate(string? name, ScoringOptions options)
    {
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Lists every problem with the options; empty when they are valid.</summary>
    /// <param name="options">The options.</param>
    /// <returns>One message per problem, each starting with the option's path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> Collect(ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var e = new Errors();
        Risk(e, options.Risk);
        Tiers(e, options.Tiers);
        Stages(e, options.Stages);
        Value(e, options.Value);
        Strategy(e, options.Strategy);
        Success(e, options.SuccessEstimate);
        Decision(e, options.Decision);
        if (e.NotNull(options.Roi, "Roi"))
        {
            e.Positive(options.Roi.HorizonYears, "Roi.HorizonYears");
        }

        return e.List;
    }

    internal static void ThrowIfInvalid(ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Collect(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ScoringOptions), errors);
        }
    }

    private static void Risk(Errors e, RiskScoreOptions? r)
    {
        if (!e.NotNull(r, "Risk"))
        {
            return;
        }

        double sum = 0;
        bool all = true;
        foreach (var (ramp, path) in new[]
        {
            (r!.DaysSinceLastVisit, "Risk.DaysSinceLastVisit"), (r.AppOpens, "Risk.AppOpens"), (r.CancellationRate, "Risk.CancellationRate"),
            (r.Satisfaction, "Risk.Satisfaction"), (r.ServiceInquiries, "Risk.ServiceInquiries"),
        })
        {
            if (!e.NotNull(ramp, path))
            {
                all = false;
                continue;
            }

            e.Finite(ramp.ZeroAt, path + ".ZeroAt");
            e.Finite(ramp.FullAt, path + ".FullAt");
            if (ramp.ZeroAt == ramp.FullAt)
            {
                e.Add(path + ".FullAt", $"must differ from ZeroAt (both are {F(ramp.ZeroAt)}): a ramp needs two distinct ends");
            }
            else if (double.IsFinite(ramp.ZeroAt) && double.IsFinite(ramp.FullAt) && !double.IsFinite(1.0 / (ramp.FullAt - ramp.ZeroAt)))
            {
                e.Add(path + ".FullAt", $"is too close to ZeroAt ({F(ramp.ZeroAt)} and {F(ramp.FullAt)}): the ramp's slope would be infinite");
            }

            if (!(ramp.Weight > 0 && double.IsFinite(ramp.Weight)))
            {
                e.Add(path + ".Weight", $"must be a finite number > 0 (was {F(ramp.Weight)})");
                all = false;
            }
            else
            {
                sum += ramp.Weight;
            }
        }

        if (all && Math.Abs(sum - 100) > 1e-9)
        {
            e.Add("Risk.*.Weight", $"the five weights must add up to 100 (they add up to {F(sum)})");
        }

        e.Defined(r.MissingSignals, "Risk.MissingSignals");
    }

    private static void Tiers(Errors e, RiskTierOptions? t)
    {
        if (!e.NotNull(t, "Tiers"))
        {
            return;
        }

        e.InRange(t!.YellowFrom, 0, 100, "Tiers.YellowFrom");
        e.InRange(t.OrangeFrom, 0, 100, "Tiers.OrangeFrom");
        e.InRange(t.RedFrom, 0, 100, "Tiers.RedFrom");
        e.Increasing(t.YellowFrom, t.OrangeFrom, "Tiers.OrangeFrom", "Tiers.YellowFrom");
        e.Increasing(t.OrangeFrom, t.RedFrom, "Tiers.RedFrom", "Tiers.OrangeFrom");
        foreach (var (p, path) in new[] { (t.Yellow, "Tiers.Yellow"), (t.Orange, "Tiers.Orange"), (t.Red, "Tiers.Red") })
        {
            if (!e.NotNull(p, path))
            {
                continue;
            }

            e.ShareRange(p.ChurnProbabilityMin, p.ChurnProbabilityMax, path + ".ChurnProbability");
            e.MoneyRange(p.RecoveryCostMin, p.RecoveryCostMax, path + ".RecoveryCost");
            e.ShareRange(p.RecoverySuccessMin, p.RecoverySuccessMax, path + ".RecoverySuccess");
            if (p.RespondWithin <= TimeSpan.Zero)
            {
                e.Add(path + ".RespondWithin", $"must be longer than zero (was {p.RespondWithin})");
            }

            e.Defined(p.Owner, path + ".Owner");
        }
    }

    private static void Stages(Errors e, ChurnStageOptions? s)
    {
        if (!e.NotNull(s, "Stages"))
        {
            return;
        }

        if (s!.PreChurnFrom < 1)
        {
            e.Add("Stages.PreChurnFrom", $"must be at least 1 day (was {s.PreChurnFrom})");
        }

        e.Increasing(s.PreChurnFrom, s.EarlyChurnFrom, "Stages.EarlyChurnFrom", "Stages.PreChurnFrom");
        e.Increasing(s.EarlyChurnFrom, s.DeepChurnFrom, "Stages.DeepChurnFrom", "Stages.EarlyChurnFrom");
        e.Increasing(s.DeepChurnFrom, s.LostFrom, "Stages.LostFrom", "Stages.DeepChurnFrom");
        foreach (var (p, path) in new[] { (s.PreChurn, "Stages.PreChurn"), (s.EarlyChurn, "Stages.EarlyChurn"), (s.DeepChurn, "Stages.DeepChurn"), (s.Lost, "Stages.Lost") })
        {
            if (e.NotNull(p, path))
            {
                e.ShareRange(p.RecoverySuccessMin, p.RecoverySuccessMax, path + ".RecoverySuccess");
                e.ShareRange(p.CostCapShareMin, p.CostCapShareMax, path + ".CostCapShare");
            }
        }
    }

    private static void Value(Errors e, ValueOptions? v)
    {
        if (!e.NotNull(v, "Value"))
        {
            return;
        }

        e.NotNegative(v!.MidTierFrom, "Value.MidTierFrom");
        if (v.HighTierAbove < v.MidTierFrom)
        {
            e.Add("Value.HighTierAbove", $"must be >= Value.MidTierFrom ({F(v.MidTierFrom)}) (was {F(v.HighTierAbove)})");
        }

        if (!(v.GrossMargin > 0 && v.GrossMargin <= 1))
        {
            e.Add("Value.GrossMargin", $"must be in (0, 1] (was {F(v.GrossMargin)})");
        }

        e.Positive(v.ExpectedLifetimeYears, "Value.ExpectedLifetimeYears");
        e.NotNegative(v.AcquisitionCost, "Value.AcquisitionCost");
        if (!(v.RecoveryShare > 0 && v.RecoveryShare <= 1))
        {
            e.Add("Value.RecoveryShare", $"must be in (0, 1] (was {F(v.RecoveryShare)})");
        }

        e.InRange(v.VipValueScore, 0, 100, "Value.VipValueScore");
    }

    private static void Strategy(Errors e, StrategyMatrixOptions? m)
    {
        if (!e.NotNull(m, "Strategy"))
        {
            return;
        }

        foreach (var (c, path) in new[]
        {
            (m!.PreChurnHigh, "Strategy.PreChurnHigh"), (m.PreChurnMid, "Strategy.PreChurnMid"), (m.PreChurnLow, "Strategy.PreChurnLow"),
            (m.EarlyChurnHigh, "Strategy.EarlyChurnHigh"), (m.EarlyChurnMid, "Strategy.EarlyChurnMid"), (m.EarlyChurnLow, "Strategy.EarlyChurnLow"),
            (m.DeepChurnHigh, "Strategy.DeepChurnHigh"), (m.DeepChurnMid, "Strategy.DeepChurnMid"), (m.DeepChurnLow, "Strategy.DeepChurnLow"),
            (m.LostHigh, "Strategy.LostHigh"), (m.LostMid, "Strategy.LostMid"), (m.LostLow, "Strategy.LostLow"),
        })
        {
            if (!e.NotNull(c, path) || !c.Recover)
            {
                continue;
            }

            if (c.Owner is StaffRole owner)
            {
                e.Defined(owner, path + ".Owner");
            }

            if (c.Channels == RecoveryChannels.None)
            {
                e.Add(path + ".Channels", "must name at least one channel when Recover is true");
            }
            else if ((c.Channels & ~(RecoveryChannels.Phone | RecoveryChannels.Sms | RecoveryChannels.WeChat | RecoveryChannels.AppPush | RecoveryChannels.HomeVisit)) != 0)
            {
                e.Add(path + ".Channels", $"holds an unknown channel ({(int)c.Channels})");
            }

            if (((long)c.Actions & ~(((long)RecoveryActions.PoliteFarewell << 1) - 1)) != 0)
            {
                e.Add(path + ".Actions", $"holds an unknown action ({(long)c.Actions})");
            }

            e.MoneyRange(c.CostMin, c.CostMax, path + ".Cost");
            e.ShareRange(c.SuccessMin, c.SuccessMax, path + ".Success");
        }
    }

    private static void Success(Errors e, SuccessEstimateOptions? s)
    {
        if (!e.NotNull(s, "SuccessEstimate"))
        {
            return;
        }

        const string P = "SuccessEstimate.";
        bool weightsOk = true;
        foreach (var (w, n) in new[] { (s!.DurationWeight, "DurationWeight"), (s.ReasonWeight, "ReasonWeight"), (s.SatisfactionWeight, "SatisfactionWeight"), (s.StickinessWeight, "StickinessWeight") })
        {
            if (!(w > 0 && double.IsFinite(w)))
            {
                e.Add(P + n, $"must be a finite number > 0 (was {F(w)})");
                weightsOk = false;
            }
        }

        double sum = s.DurationWeight + s.ReasonWeight + s.SatisfactionWeight + s.StickinessWeight;
        if (weightsOk && Math.Abs(sum - 100) > 1e-9)
        {
            e.Add(P + "*Weight", $"the four weights must add up to 100 (they add up to {F(sum)})");
        }

        if (s.ThreeMonthsDays < 1)
        {
            e.Add(P + "ThreeMonthsDays", $"must be at least 1 (was {s.ThreeMonthsDays})");
        }

        e.Increasing(s.ThreeMonthsDays, s.SixMonthsDays, P + "SixMonthsDays", P + "ThreeMonthsDays");
        e.Increasing(s.SixMonthsDays, s.TwelveMonthsDays, P + "TwelveMonthsDays", P + "SixMonthsDays");
        foreach (var (v, n) in new[]
        {
            (s.UpToThreeMonthsPoints, "UpToThreeMonthsPoints"), (s.UpToSixMonthsPoints, "UpToSixMonthsPoints"), (s.UpToTwelveMonthsPoints, "UpToTwelveMonthsPoints"),
            (s.OverTwelveMonthsPoints, "OverTwelveMonthsPoints"), (s.SolvablePoints, "SolvablePoints"), (s.PartlySolvablePoints, "PartlySolvablePoints"),
            (s.NotSolvablePoints, "NotSolvablePoints"), (s.HighSatisfactionPoints, "HighSatisfactionPoints"), (s.MidSatisfactionPoints, "MidSatisfactionPoints"),
            (s.LowSatisfactionPoints, "LowSatisfactionPoints"), (s.HighStickinessPoints, "HighStickinessPoints"), (s.MediumStickinessPoints, "MediumStickinessPoints"),
            (s.LowStickinessPoints, "LowStickinessPoints"),
        })
        {
            e.InRange(v, 0, 5, P + n);
        }

        e.InRange(s.MidSatisfactionFrom, 0, 10, P + "MidSatisfactionFrom");
        e.InRange(s.HighSatisfactionAbove, 0, 10, P + "HighSatisfactionAbove");
        if (s.HighSatisfactionAbove < s.MidSatisfactionFrom)
        {
            e.Add(P + "HighSatisfactionAbove", $"must be >= MidSatisfactionFrom ({F(s.MidSatisfactionFrom)}) (was {F(s.HighSatisfactionAbove)})");
        }

        e.InRange(s.CautiousFrom, 0, 5, P + "CautiousFrom");
        e.InRange(s.RecommendFrom, 0, 5, P + "RecommendFrom");
        e.InRange(s.StronglyRecommendFrom, 0, 5, P + "StronglyRecommendFrom");
        e.Increasing(s.CautiousFrom, s.RecommendFrom, P + "RecommendFrom", P + "CautiousFrom");
        e.Increasing(s.RecommendFrom, s.StronglyRecommendFrom, P + "StronglyRecommendFrom", P + "RecommendFrom");
        if (s.CautiousFrom <= 0)
        {
            e.Add(P + "CautiousFrom", $"must be above 0 so that \"do not recover\" is a band (was {F(s.CautiousFrom)})");
        }

        e.InRange(s.CautiousSuccess, 0, 1, P + "CautiousSuccess");
        e.InRange(s.RecommendSuccess, 0, 1, P + "RecommendSuccess");
        e.InRange(s.StronglyRecommendSuccess, 0, 1, P + "StronglyRecommendSuccess");
        e.InRange(s.MaximumSuccess, 0, 1, P + "MaximumSuccess");
        e.NotDecreasing(s.CautiousSuccess, s.RecommendSuccess, P + "RecommendSuccess", P + "CautiousSuccess");
        e.NotDecreasing(s.RecommendSuccess, s.StronglyRecommendSuccess, P + "StronglyRecommendSuccess", P + "RecommendSuccess");
        e.NotDecreasing(s.StronglyRecommendSuccess, s.MaximumSuccess, P + "MaximumSuccess", P + "StronglyRecommendSuccess");
        e.Defined(s.Price, P + "Price");
        e.Defined(s.ServiceExperience, P + "ServiceExperience");
        e.Defined(s.Inconvenience, P + "Inconvenience");
        e.Defined(s.MovedOrChangedCar, P + "MovedOrChangedCar");
        e.Defined(s.Other, P + "Other");
    }

    private static void Decision(Errors e, RecoveryDecisionOptions? d)
    {
        if (!e.NotNull(d, "Decision"))
        {
            return;
        }

        const string P = "Decision.";
        e.NotNegative(d!.DeepChurnMinimumAnnualSpend, P + "DeepChurnMinimumAnnualSpend");
        e.InRange(d.DeepChurnMinimumSuccess, 0, 1, P + "DeepChurnMinimumSuccess");
        e.InRange(d.RedMakeEffortFrom, 0, 100, P + "RedMakeEffortFrom");
        e.InRange(d.RedFullRecoveryFrom, 0, 100, P + "RedFullRecoveryFrom");
        e.Increasing(d.RedMakeEffortFrom, d.RedFullRecoveryFrom, P + "RedFullRecoveryFrom", P + "RedMakeEffortFrom");
        e.NotNegative(d.RedFarewellBudget, P + "RedFarewellBudget");
        e.NotNegative(d.RedMakeEffortBudget, P + "RedMakeEffortBudget");
        e.NotNegative(d.RedFullRecoveryBudget, P + "RedFullRecoveryBudget");
        e.InRange(d.OrangeHomeVisitAbove, 0, 100, P + "OrangeHomeVisitAbove");
        e.NotNegative(d.OrangeBudget, P + "OrangeBudget");
        if (d.OrangeHomeVisitBudget < d.OrangeBudget)
        {
            e.Add(P + "OrangeHomeVisitBudget", $"must be >= {P}OrangeBudget ({F(d.OrangeBudget)}) (was {F(d.OrangeHomeVisitBudget)})");
        }

        if (d.ProblemCustomerComplaints < 1)
        {
            e.Add(P + "ProblemCustomerComplaints", $"must be at least 1 (was {d.ProblemCustomerComplaints})");
        }

        e.Defined(d.ProblemCustomers, P + "ProblemCustomers");
        e.Defined(d.LowValueCustomers, P + "LowValueCustomers");
        e.NotNegative(d.AutomatedPathBudget, P + "AutomatedPathBudget");
        e.Defined(d.LostExceptionOwner, P + "LostExceptionOwner");
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string F(decimal v) => v.ToString(CultureInfo.InvariantCulture);

    private sealed class Errors
    {
        public List<string> List { get; } = new();

        public void Add(string path, string message) => List.Add($"{path}: {message}.");

        public bool NotNull(object? value, string path)
        {
            if (value is null)
            {
                Add(path, "is missing (null)");
                return false;
            }

            return true;
        }

        public void Finite(double v, string path)
        {
            if (!double.IsFinite(v))
            {
                Add(path, $"must be a finite number (was {F(v)})");
            }
        }

        public void InRange(double v, double min, double max, string path)
        {
            if (!(v >= min && v <= max))
            {
                Add(path, $"must be in [{F(min)}, {F(max)}] (was {F(v)})");
            }
        }

        public void Increasing(double lower, double upper, string upperPath, string lowerPath)
        {
            if (!(upper > lower))
            {
                Add(upperPath, $"must be greater than {lowerPath} ({F(lower)}) (was {F(upper)})");
            }
        }

        public void NotDecreasing(double lower, double upper, string upperPath, string lowerPath)
        {
            if (!(upper >= lower))
            {
                Add(upperPath, $"must be >= {lowerPath} ({F(lower)}) (was {F(upper)})");
            }
        }

        public void Positive(decimal v, string path)
        {
            if (v <= 0)
            {
                Add(path, $"must be > 0 (was {F(v)})");
            }
        }

        public void NotNegative(decimal v, string path)
        {
            if (v < 0)
            {
                Add(path, $"must be >= 0 (was {F(v)})");
            }
        }

        public void ShareRange(double min, double max, string path)
        {
            if (!(min >= 0 && min <= 1))
            {
                Add(path + "Min", $"must be in [0, 1] (was {F(min)})");
            }

            if (!(max >= 0 && max <= 1))
            {
                Add(path + "Max", $"must be in [0, 1] (was {F(max)})");
            }
            else if (max < min)
            {
                Add(path + "Max", $"must be >= {path}Min ({F(min)}) (was {F(max)})");
            }
        }

        public void MoneyRange(decimal min, decimal max, string path)
        {
            NotNegative(min, path + "Min");
            if (max < min)
            {
                Add(path + "Max", $"must be >= {path}Min ({F(min)}) (was {F(max)})");
            }
        }

        public void Defined<TEnum>(TEnum value, string path)
            where TEnum : struct, Enum
        {
            if (!Enum.IsDefined(value))
            {
                Add(path, $"is not a known value ({value})");
            }
        }
    }
}
