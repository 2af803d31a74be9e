using System;

namespace Retention.Scoring;

/// <summary>Special cases that make a lost customer worth recovering (spec: scoring.md section 9). A set: combine with <c>|</c>.</summary>
[Flags]
public enum LostCustomerExceptions
{
    /// <summary>None applies.</summary>
    None = 0,

    /// <summary>The customer contacted the store on their own.</summary>
    CustomerContactedStore = 1,

    /// <summary>The competing store the customer went to has closed.</summary>
    CompetitorClosed = 2,

    /// <summary>The customer moved back into the store's area.</summary>
    MovedBack = 4,
}

/// <summary>
/// What the store knows beyond the signals when deciding on a recovery: why the customer left,
/// how much they interact, lost-customer special cases, and the historical satisfaction.
/// </summary>
/// <remarks>Immutable. <c>default</c> means: reason unknown (treated as <see cref="ChurnReason.Other"/>), low stickiness, no lost-customer exception, satisfaction taken from the signals.</remarks>
public readonly record struct RecoveryContext
{
    /// <summary>Why the customer left; <see langword="null"/> when not known (treated as <see cref="ChurnReason.Other"/>).</summary>
    public ChurnReason? Reason { get; init; }

    /// <summary>How much the customer interacts with the store. The default value is <see cref="Stickiness.Low"/>.</summary>
    public Stickiness Stickiness { get; init; }

    /// <summary>Special cases for a lost customer. The default value is <see cref="LostCustomerExceptions.None"/>.</summary>
    public LostCustomerExceptions LostExceptions { get; init; }

    /// <summary>Historical satisfaction in [0, 10]; <see langword="null"/> to use the signals' latest satisfaction.</summary>
    public double? HistoricalSatisfaction { get; init; }
}
