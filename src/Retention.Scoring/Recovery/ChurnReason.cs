namespace Retention.Scoring;

/// <summary>Why a customer left (spec: scoring.md section 8).</summary>
public enum ChurnReason
{
    /// <summary>Not known, or none of the others. Treated as <see cref="Other"/>.</summary>
    Other = 0,

    /// <summary>The price is too high (35-45 % of churned customers in the playbooks' samples).</summary>
    Price = 1,

    /// <summary>A poor service experience (about 25 %).</summary>
    ServiceExperience = 2,

    /// <summary>Inconvenience: distance or time (15-20 %).</summary>
    Inconvenience = 3,

    /// <summary>The customer moved or changed car (about 10 %).</summary>
    MovedOrChangedCar = 4,
}

/// <summary>Whether the store can fix a churn reason.</summary>
public enum Solvability
{
    /// <summary>The store cannot fix it (moved, changed car).</summary>
    NotSolvable = 0,

    /// <summary>The store can fix part of it.</summary>
    PartlySolvable = 1,

    /// <summary>The store can fix it.</summary>
    Solvable = 2,
}

/// <summary>How much the customer interacts with the store.</summary>
public enum Stickiness
{
    /// <summary>Rare interaction.</summary>
    Low = 0,

    /// <summary>Some interaction.</summary>
    Medium = 1,

    /// <summary>Frequent interaction.</summary>
    High = 2,
}

/// <summary>What the playbooks know of a churn reason: how common it is, whether it can be fixed, and the first remedy.</summary>
/// <param name="Reason">The reason.</param>
/// <param name="TypicalShare">Its share among churned customers in the playbooks' samples (for reports; not a rule).</param>
/// <param name="Solvability">Whether the store can fix it (from the options).</param>
/// <param name="FirstRemedy">The first remedy's actions.</param>
/// <param name="Remedy">The first remedy in words, in both locales.</param>
public sealed record ChurnReasonInfo(ChurnReason Reason, ShareRange TypicalShare, Solvability Solvability, RecoveryActions FirstRemedy, LocalizedText Remedy);
