using System;

namespace Retention.Scoring;

/// <summary>
/// Thrown when a customer signal is outside its allowed range (NaN, negative, a satisfaction of 11,
/// a last visit after the "as of" date). <see cref="ArgumentException.ParamName"/> is
/// <c>signals.&lt;Field&gt;</c>; <see cref="Field"/> names the signal.
/// </summary>
public sealed class InvalidSignalException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The bad signal.</param>
    /// <param name="message">What is wrong and the allowed range.</param>
    public InvalidSignalException(SignalField field, string message)
        : base(message, "signals." + field.ToString())
    {
        Field = field;
    }

    /// <summary>The signal that is out of range.</summary>
    public SignalField Field { get; }
}
