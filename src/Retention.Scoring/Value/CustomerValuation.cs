using System;
using Microsoft.Extensions.Options;

namespace Retention.Scoring;

/// <summary>
/// Customer value: tier, CLV, maximum recovery spend and value score (spec: scoring.md section 5).
/// </summary>
/// <remarks>Holds a validated copy of the options; immutable and thread-safe.</remarks>
public sealed class CustomerValuation
{
    private readonly decimal _midFrom;
    private readonly decimal _highAbove;
    private readonly decimal _margin;
    private readonly decimal _years;
    private readonly decimal _acquisition;
    private readonly decimal _share;
    private readonly double _vip;

    /// <summary>Creates the valuation from validated options.</summary>
    /// <param name="options">The scoring options; validated here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad option.</exception>
    public CustomerValuation(ScoringOptions options)
    {
        ScoringOptionsValidator.ThrowIfInvalid(options);
        var v = options.Value;
        _midFrom = v.MidTierFrom;
        _highAbove = v.HighTierAbove;
        _margin = v.GrossMargin;
        _years = v.ExpectedLifetimeYears;
        _acquisition = v.AcquisitionCost;
        _share = v.RecoveryShare;
        _vip = v.VipValueScore;
    }

    /// <summary>Creates the valuation from the options registered in dependency injection.</summary>
    /// <param name="options">The scoring options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public CustomerValuation(IOptions<ScoringOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>The value score from which a customer is VIP (default 80).</summary>
    public double VipValueScore => _vip;

    /// <summary>The value tier of an annual spend.</summary>
    /// <param name="annualSpend">Annual spend, at least 0.</param>
    /// <returns><see cref="ValueTier.High"/> above the high threshold, <see cref="ValueTier.Mid"/> from the mid threshold up to and including the high one, else <see cref="ValueTier.Low"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="annualSpend"/> is negative.</exception>
    public ValueTier TierOf(decimal annualSpend)
    {
        ThrowIfNegative(annualSpend, nameof(annualSpend));
        return annualSpend > _highAbove ? ValueTier.High : annualSpend >= _midFrom ? ValueTier.Mid : ValueTier.Low;
    }

    /// <summary>Customer lifetime value: annual spend x gross margin x expected lifetime years - acquisition cost.</summary>
    /// <param name="annualSpend">Annual spend, at least 0.</param>
    /// <returns>The CLV in the store's currency; negative when acquisition cost exceeds the margin earned.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="annualSpend"/> is negative.</exception>
    public decimal LifetimeValue(decimal annualSpend)
    {
        ThrowIfNegative(annualSpend, nameof(annualSpend));
        return annualSpend * _margin * _years - _acquisition;
    }

    /// <summary>The most the store should spend to win the customer back: CLV x recovery share / expected lifetime years, never below 0.</summary>
    /// <param name="lifetimeValue">The customer's CLV.</param>
    /// <returns>The cap, at least 0.</returns>
    public decimal MaxRecoveryCost(decimal lifetimeValue) =>
        lifetimeValue <= 0 ? 0m : lifetimeValue * _share / _years;

    /// <summary>Assesses a customer's value without a value score.</summary>
    /// <param name="annualSpend">Annual spend, at least 0.</param>
    /// <returns>The assessment; <see cref="ValueAssessment.ValueScore"/> is <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="annualSpend"/> is negative.</exception>
    public ValueAssessment Assess(decimal annualSpend) => Build(annualSpend, LifetimeValue(annualSpend), null);

    /// <summary>Assesses a customer's value, with the value score taken from the store's CLV distribution.</summary>
    /// <param name="annualSpend">Annual spend, at least 0.</param>
    /// <param name="distribution">The store's CLV distribution.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="annualSpend"/> is negative.</exception>
    public ValueAssessment Assess(decimal annualSpend, ValueDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        var clv = LifetimeValue(annualSpend);
        return Build(annualSpend, clv, distribution.PercentileRank(clv));
    }

    /// <summary>Assesses a customer's value with a value score the host computed itself.</summary>
    /// <param name="annualSpend">Annual spend, at least 0.</param>
    /// <param name="valueScore">The host's value score, in [0, 100].</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="annualSpend"/> is negative or <paramref name="valueScore"/> is outside [0, 100].</exception>
    public ValueAssessment Assess(decimal annualSpend, double valueScore)
    {
        if (!(valueScore >= 0 && valueScore <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(valueScore), valueScore, "A value score must be in [0, 100].");
        }

        return Build(annualSpend, LifetimeValue(annualSpend), valueScore);
    }

    private ValueAssessment Build(decimal annualSpend, decimal clv, double? score) =>
        new(annualSpend, TierOf(annualSpend), clv, MaxRecoveryCost(clv), score, score >= _vip);

    private static void ThrowIfNegative(decimal value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Money must be >= 0.");
        }
    }
}
