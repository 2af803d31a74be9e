using System;
using Microsoft.Extensions.Options;

namespace Retention.Scoring;

/// <summary>The return on a recovery campaign (spec: scoring.md section 10).</summary>
/// <param name="RecoveredValue">Value of the recovered customers over the horizon, in the store's currency.</param>
/// <param name="RecoveryCost">What the recovery cost, greater than 0.</param>
/// <param name="Percent">(value - cost) / cost x 100, in percent; can be negative.</param>
public readonly record struct RoiResult(decimal RecoveredValue, decimal RecoveryCost, decimal Percent);

/// <summary>Options for the ROI of recovery (spec: scoring.md section 10).</summary>
public sealed class RoiOptions
{
    /// <summary>Years over which a recovered customer's spend counts as recovered value, greater than 0. The default value is 3.</summary>
    public decimal HorizonYears { get; set; } = 3m;
}

/// <summary>
/// ROI = (value of recovered customers over the horizon - recovery cost) / recovery cost x 100 %.
/// </summary>
/// <remarks>Holds a validated copy of the options; immutable and thread-safe.</remarks>
public sealed class RoiCalculator
{
    private readonly decimal _horizon;

    /// <summary>Creates the calculator, validating the options first.</summary>
    /// <param name="options">The scoring options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public RoiCalculator(ScoringOptions options)
    {
        ScoringOptionsValidator.ThrowIfInvalid(options);
        _horizon = options.Roi.HorizonYears;
    }

    /// <summary>Creates the calculator from the options registered in dependency injection.</summary>
    /// <param name="options">The scoring options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public RoiCalculator(IOptions<ScoringOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>The horizon in years (default 3).</summary>
    public decimal HorizonYears => _horizon;

    /// <summary>The ROI of a known recovered value and cost.</summary>
    /// <param name="recoveredValue">Value of the recovered customers over the horizon, at least 0.</param>
    /// <param name="recoveryCost">What the recovery cost, greater than 0.</param>
    /// <returns>The ROI. Example: 300000 value and 45000 cost give 566.7 %.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recoveredValue"/> is negative or <paramref name="recoveryCost"/> is not above 0.</exception>
    public static RoiResult Calculate(decimal recoveredValue, decimal recoveryCost)
    {
        if (recoveredValue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(recoveredValue), recoveredValue, "The recovered value must be >= 0.");
        }

        if (recoveryCost <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(recoveryCost), recoveryCost, "The recovery cost must be > 0: an ROI over no cost is undefined.");
        }

        return new RoiResult(recoveredValue, recoveryCost, (recoveredValue - recoveryCost) / recoveryCost * 100m);
    }

    /// <summary>The ROI of recovering customers whose annual spend adds up to <paramref name="recoveredAnnualSpend"/>, valued over the horizon.</summary>
    /// <param name="recoveredAnnualSpend">Sum of the recovered customers' annual spend, at least 0.</param>
    /// <param name="recoveryCost">What the recovery cost, greater than 0.</param>
    /// <returns>The ROI with value = annual spend x horizon years.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public RoiResult ForAnnualSpend(decimal recoveredAnnualSpend, decimal recoveryCost)
    {
        if (recoveredAnnualSpend < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(recoveredAnnualSpend), recoveredAnnualSpend, "The recovered annual spend must be >= 0.");
        }

        return Calculate(recoveredAnnualSpend * _horizon, recoveryCost);
    }
}
