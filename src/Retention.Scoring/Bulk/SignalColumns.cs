using System;
using System.Globalization;

namespace Retention.Scoring;

/// <summary>
/// A batch of customers as one span per risk signal (columnar form), for
/// <see cref="RiskScorer.ScoreColumns"/>. Missing optional signals are <see cref="double.NaN"/>.
/// </summary>
/// <remarks>
/// Days since the last visit are given directly (calendar days from the last visit to the as-of
/// date); a negative value is a last visit in the future and is reported as a bad
/// <see cref="SignalField.LastVisit"/>. The spans are not copied.
/// </remarks>
public readonly ref struct SignalColumns
{
    /// <summary>Groups the columns of a batch.</summary>
    /// <param name="daysSinceLastVisit">Calendar days since the last visit, at least 0.</param>
    /// <param name="appOpensPerMonth">App opens per month, at least 0; NaN when the customer has no app account.</param>
    /// <param name="cancellationRate">Appointment cancellation rate in [0, 1].</param>
    /// <param name="satisfaction">Latest satisfaction in [0, 10]; NaN when never surveyed.</param>
    /// <param name="serviceInquiries">Service inquiries in the last quarter, at least 0.</param>
    /// <exception cref="ArgumentException">The spans are not all of one length; the message names the first that differs.</exception>
    public SignalColumns(
        ReadOnlySpan<int> daysSinceLastVisit,
        ReadOnlySpan<double> appOpensPerMonth,
        ReadOnlySpan<double> cancellationRate,
        ReadOnlySpan<double> satisfaction,
        ReadOnlySpan<int> serviceInquiries)
    {
        int n = daysSinceLastVisit.Length;
        SameLength(appOpensPerMonth.Length, n, nameof(appOpensPerMonth));
        SameLength(cancellationRate.Length, n, nameof(cancellationRate));
        SameLength(satisfaction.Length, n, nameof(satisfaction));
        SameLength(serviceInquiries.Length, n, nameof(serviceInquiries));
        DaysSinceLastVisit = daysSinceLastVisit;
        AppOpensPerMonth = appOpensPerMonth;
        CancellationRate = cancellationRate;
        Satisfaction = satisfaction;
        ServiceInquiries = serviceInquiries;
    }

    /// <summary>The number of customers.</summary>
    public int Count => DaysSinceLastVisit.Length;

    /// <summary>Calendar days since the last visit.</summary>
    public ReadOnlySpan<int> DaysSinceLastVisit { get; }

    /// <summary>App opens per month; NaN when missing.</summary>
    public ReadOnlySpan<double> AppOpensPerMonth { get; }

    /// <summary>Appointment cancellation rate.</summary>
    public ReadOnlySpan<double> CancellationRate { get; }

    /// <summary>Latest satisfaction; NaN when missing.</summary>
    public ReadOnlySpan<double> Satisfaction { get; }

    /// <summary>Service inquiries in the last quarter.</summary>
    public ReadOnlySpan<int> ServiceInquiries { get; }

    internal static bool TryCheck(int days, double app, double cancel, double sat, int inquiries, out SignalField field, out string? message)
    {
        field = default;
        message = null;
        if (days < 0)
        {
            (field, message) = (SignalField.LastVisit, F("days since last visit must be >= 0: the last visit is in the future (was {0})", days));
        }
        else if (!double.IsNaN(app) && !(app >= 0 && double.IsFinite(app)))
        {
            (field, message) = (SignalField.AppOpensPerMonth, F("app opens per month must be a finite number >= 0 or NaN for missing (was {0})", app));
        }
        else if (!(cancel >= 0 && cancel <= 1))
        {
            (field, message) = (SignalField.CancellationRate, F("cancellation rate must be in [0, 1] (was {0})", cancel));
        }
        else if (!double.IsNaN(sat) && !(sat >= 0 && sat <= 10))
        {
            (field, message) = (SignalField.Satisfaction, F("satisfaction must be in [0, 10] or NaN for missing (was {0})", sat));
        }
        else if (inquiries < 0)
        {
            (field, message) = (SignalField.ServiceInquiries, F("service inquiries must be >= 0 (was {0})", inquiries));
        }

        return message is null;
    }

    private static string F(string format, object value) => string.Format(CultureInfo.InvariantCulture, format, value);

    private static void SameLength(int length, int expected, string name)
    {
        if (length != expected)
        {
            throw new ArgumentException($"{name} has {length} entries but daysSinceLastVisit has {expected}.", name);
        }
    }
}
