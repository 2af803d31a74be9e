using System.Globalization;
using NodaTime;

namespace Retention.Scoring;

/// <summary>Checks a <see cref="CustomerSignals"/> value against the ranges of scoring.md section 1.</summary>
public static class SignalChecks
{
    /// <summary>Finds the first bad signal, without throwing.</summary>
    /// <param name="signals">The customer's signals.</param>
    /// <param name="asOf">The date the scores are computed for, in the store's calendar.</param>
    /// <param name="field">The first bad signal, when there is one.</param>
    /// <param name="message">What is wrong with it, in English, when there is one.</param>
    /// <returns><see langword="true"/> when every signal is in range.</returns>
    public static bool TryCheck(in CustomerSignals signals, LocalDate asOf, out SignalField field, out string? message)
    {
        field = default;
        message = null;
        if (signals.LastVisit > asOf)
        {
            field = SignalField.LastVisit;
            message = Format("last visit {0:uuuu-MM-dd} is after the as-of date {1:uuuu-MM-dd}", signals.LastVisit, asOf);
            return false;
        }

        if (signals.AppOpensPerMonth is double app && !(app >= 0 && double.IsFinite(app)))
        {
            field = SignalField.AppOpensPerMonth;
            message = Format("app opens per month must be a finite number >= 0 (was {0})", app);
            return false;
        }

        if (!(signals.CancellationRate >= 0 && signals.CancellationRate <= 1))
        {
            field = SignalField.CancellationRate;
            message = Format("cancellation rate must be in [0, 1] (was {0})", signals.CancellationRate);
            return false;
        }

        if (signals.Satisfaction is double s && !(s >= 0 && s <= 10))
        {
            field = SignalField.Satisfaction;
            message = Format("satisfaction must be in [0, 10] (was {0})", s);
            return false;
        }

        if (signals.ServiceInquiries < 0)
        {
            field = SignalField.ServiceInquiries;
            message = Format("service inquiries must be >= 0 (was {0})", signals.ServiceInquiries);
            return false;
        }

        if (signals.AnnualSpend < 0)
        {
            field = SignalField.AnnualSpend;
            message = Format("annual spend must be >= 0 (was {0})", signals.AnnualSpend);
            return false;
        }

        if (signals.Complaints < 0)
        {
            field = SignalField.Complaints;
            message = Format("complaints must be >= 0 (was {0})", signals.Complaints);
            return false;
        }

        return true;
    }

    /// <summary>Throws when a signal is out of range.</summary>
    /// <param name="signals">The customer's signals.</param>
    /// <param name="asOf">The date the scores are computed for, in the store's calendar.</param>
    /// <exception cref="InvalidSignalException">A signal is out of range; the exception names it.</exception>
    public static void Check(in CustomerSignals signals, LocalDate asOf)
    {
        if (!TryCheck(signals, asOf, out var field, out var message))
        {
            throw new InvalidSignalException(field, message!);
        }
    }

    private static string Format(string format, object a, object? b = null) =>
        string.Format(CultureInfo.InvariantCulture, format, a, b);
}
