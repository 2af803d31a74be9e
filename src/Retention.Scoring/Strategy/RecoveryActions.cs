using System;

namespace Retention.Scoring;

/// <summary>The things a recovery offers or does (spec: scoring.md sections 6 and 8). A set: combine with <c>|</c>.</summary>
[Flags]
public enum RecoveryActions : long
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Benefits reserved for this customer.</summary>
    ExclusiveBenefits = 1 << 0,

    /// <summary>Free vehicle pick-up and return.</summary>
    FreePickUp = 1 << 1,

    /// <summary>Upgrade to VIP membership.</summary>
    VipUpgrade = 1 << 2,

    /// <summary>A reminder that maintenance is due.</summary>
    MaintenanceReminder = 1 << 3,

    /// <summary>A small offer.</summary>
    SmallOffer = 1 << 4,

    /// <summary>Membership points.</summary>
    MembershipPoints = 1 << 5,

    /// <summary>A coupon for everyone in the segment.</summary>
    GeneralCoupon = 1 << 6,

    /// <summary>Find and fix what made the customer leave.</summary>
    FixRootCause = 1 << 7,

    /// <summary>VIP service on the next visit.</summary>
    VipService = 1 << 8,

    /// <summary>An offer made for this customer.</summary>
    SpecialOffer = 1 << 9,

    /// <summary>A service upgrade.</summary>
    ServiceUpgrade = 1 << 10,

    /// <summary>An offer valid for a short time.</summary>
    TimeLimitedOffer = 1 << 11,

    /// <summary>A thorough diagnosis of the relationship and the vehicle.</summary>
    DeepDiagnosis = 1 << 12,

    /// <summary>A plan tailored to the customer.</summary>
    TailoredPlan = 1 << 13,

    /// <summary>A large offer.</summary>
    LargeOffer = 1 << 14,

    /// <summary>An exclusive offer with a price comparison showing the value (price reason).</summary>
    ValueComparison = 1 << 15,

    /// <summary>An apology with a commitment to improve (service-experience reason).</summary>
    ApologyAndCommitment = 1 << 16,

    /// <summary>A loaner car while the customer's car is serviced (inconvenience reason).</summary>
    LoanerCar = 1 << 17,

    /// <summary>A fast lane at the workshop (inconvenience reason).</summary>
    FastLane = 1 << 18,

    /// <summary>A courteous farewell that keeps the relationship open.</summary>
    PoliteFarewell = 1 << 19,
}
