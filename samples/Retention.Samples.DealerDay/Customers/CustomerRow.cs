using Retention.Scoring;

namespace Retention.Samples.DealerDay.Customers;

/// <summary>One customer row that parsed: the signals the library scores and the context it decides with.</summary>
/// <param name="Line">The 1-based line number in the file (the header is line 1).</param>
/// <param name="CustomerId">The store's customer id.</param>
/// <param name="Signals">The scoring inputs.</param>
/// <param name="Context">Churn reason, stickiness and lost-customer exceptions.</param>
internal sealed record CustomerRow(int Line, string CustomerId, CustomerSignals Signals, RecoveryContext Context);

/// <summary>A row that was skipped, with where it is and what is wrong with it.</summary>
/// <param name="Line">The 1-based line number in the file (the header is line 1).</param>
/// <param name="CustomerId">The row's customer id, or an empty string when it has none.</param>
/// <param name="Column">The first bad column, or an empty string when the row as a whole is bad.</param>
/// <param name="Problem">What is wrong, in both locales.</param>
internal sealed record BadRow(int Line, string CustomerId, string Column, LocalizedText Problem);
