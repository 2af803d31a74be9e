namespace Retention.Scoring;

/// <summary>Names one field of <see cref="CustomerSignals"/>, for error reports.</summary>
public enum SignalField
{
    /// <summary><see cref="CustomerSignals.LastVisit"/>.</summary>
    LastVisit,

    /// <summary><see cref="CustomerSignals.AppOpensPerMonth"/>.</summary>
    AppOpensPerMonth,

    /// <summary><see cref="CustomerSignals.CancellationRate"/>.</summary>
    CancellationRate,

    /// <summary><see cref="CustomerSignals.Satisfaction"/>.</summary>
    Satisfaction,

    /// <summary><see cref="CustomerSignals.ServiceInquiries"/>.</summary>
    ServiceInquiries,

    /// <summary><see cref="CustomerSignals.AnnualSpend"/>.</summary>
    AnnualSpend,

    /// <summary><see cref="CustomerSignals.Complaints"/>.</summary>
    Complaints,
}
