namespace Retention.Scoring;

/// <summary>A bad record in a batch: where it is, which signal is wrong, and why.</summary>
/// <param name="Index">The record's zero-based index in the batch.</param>
/// <param name="Field">The first bad signal of the record.</param>
/// <param name="Message">What is wrong and the allowed range, in English.</param>
public readonly record struct BatchProblem(int Index, SignalField Field, string Message);
