using System.Collections.Generic;

namespace Retention.Nps;

/// <summary>NPS over all answers and per segment, computed in one pass.</summary>
/// <typeparam name="TKey">The segment key the host chose (store, advisor, month...).</typeparam>
/// <param name="Overall">The NPS over every valid answer.</param>
/// <param name="Segments">The NPS per segment key, for every key that has at least one answer (valid or not).</param>
public sealed record NpsBreakdown<TKey>(NpsSummary Overall, IReadOnlyDictionary<TKey, NpsSummary> Segments)
    where TKey : notnull;
