using NodaTime;

namespace Retention.Scoring;

/// <summary>
/// What the store knows about one customer: the inputs of every score in this package
/// (spec: scoring.md section 1).
/// </summary>
/// <remarks>
/// Immutable and thread-safe. The value is not checked when it is built; every scoring function
/// checks it and throws <see cref="InvalidSignalException"/> naming the first bad signal, and the
/// batch functions report bad records by index instead (see <see cref="SignalChecks"/>).
/// </remarks>
public readonly record struct CustomerSignals
{
    /// <summary>The date of the last paid visit, in the store's calendar. Must not be after the "as of" date.</summary>
    public LocalDate LastVisit { get; init; }

    /// <summary>App opens per month, at least 0; <see langword="null"/> when the customer has no app account.</summary>
    public double? AppOpensPerMonth { get; init; }

    /// <summary>Appointment cancellation rate in [0, 1]: cancelled / booked appointments over a recent window chosen by the host.</summary>
    public double CancellationRate { get; init; }

    /// <summary>Latest satisfaction survey score in [0, 10]; <see langword="null"/> when never surveyed.</summary>
    public double? Satisfaction { get; init; }

    /// <summary>Service inquiries (calls, chats) the customer started in the last quarter; at least 0.</summary>
    public int ServiceInquiries { get; init; }

    /// <summary>Average yearly spend at the store, in the store's currency; at least 0.</summary>
    public decimal AnnualSpend { get; init; }

    /// <summary>Number of complaints on record; at least 0.</summary>
    public int Complaints { get; init; }

    /// <summary>Whether the customer has social influence: a car-club core member or key opinion consumer (KOC).</summary>
    public bool SocialInfluence { get; init; }
}
