using System;
using System.Collections.Generic;
using Retention.Scoring;
using Retention.Tool.Customers;

namespace Retention.Tool.Scoring;

/// <summary>
/// What scoring a file came to: rows read, scored and skipped, counts per risk tier, churn stage, value tier and
/// decision, and the first <see cref="ListedLimit"/> skipped rows (the others are only counted, so memory stays flat).
/// </summary>
internal sealed class ScoreTally
{
    /// <summary>How many skipped rows are kept to be listed; the rest are counted (and written to <c>--rejects</c>).</summary>
    public const int ListedLimit = 20;

    private readonly int[] _tiers = new int[Enum.GetValues<RiskTier>().Length];
    private readonly int[] _stages = new int[Enum.GetValues<ChurnStage>().Length];
    private readonly int[] _valueTiers = new int[Enum.GetValues<ValueTier>().Length];
    private readonly int[] _verdicts = new int[Enum.GetValues<RecoveryVerdict>().Length];
    private readonly List<RowProblem> _listed = [];

    /// <summary>Data rows read (blank lines are not rows).</summary>
    public int Rows { get; private set; }

    /// <summary>Rows scored and written.</summary>
    public int Scored { get; private set; }

    /// <summary>Rows skipped: unparsable, or rejected by <see cref="SignalChecks.TryCheck"/>.</summary>
    public int Skipped { get; private set; }

    /// <summary>The first <see cref="ListedLimit"/> skipped rows, in file order.</summary>
    public IReadOnlyList<RowProblem> Listed => _listed;

    /// <summary>Scored rows in a risk tier.</summary>
    public int Count(RiskTier tier) => _tiers[(int)tier];

    /// <summary>Scored rows in a churn stage.</summary>
    public int Count(ChurnStage stage) => _stages[(int)stage];

    /// <summary>Scored rows in a value tier.</summary>
    public int Count(ValueTier tier) => _valueTiers[(int)tier];

    /// <summary>Scored rows with a verdict.</summary>
    public int Count(RecoveryVerdict verdict) => _verdicts[(int)verdict];

    /// <summary>Counts a scored row.</summary>
    public void Add(RecoveryDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        Rows++;
        Scored++;
        _tiers[(int)decision.Risk.Tier]++;
        _stages[(int)decision.Risk.Stage]++;
        _valueTiers[(int)decision.Value.Tier]++;
        _verdicts[(int)decision.Verdict]++;
    }

    /// <summary>Counts a skipped row, keeping it when fewer than <see cref="ListedLimit"/> are kept.</summary>
    public void Add(RowProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Rows++;
        Skipped++;
        if (_listed.Count < ListedLimit)
        {
            _listed.Add(problem);
        }
    }
}
