using System;
using System.Threading;
using NodaTime;
using Retention.Scoring;
using Retention.Tool.Customers;

namespace Retention.Tool.Scoring;

/// <summary>What the first pass over a file found: the store's CLVs and the counts the second pass must meet. Dispose it after pass 2 (a large base is on disk).</summary>
/// <param name="Clvs">The CLVs of every row that will be scored; <see langword="null"/> when no row can be scored.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="Length">The file's length in bytes when it was read.</param>
internal sealed record ValueBase(IClvBase? Clvs, int Rows, long Length) : IDisposable
{
    /// <summary>Rows that parsed and passed the library's checks: one CLV each.</summary>
    public int Valid => Clvs?.Count ?? 0;

    /// <summary>Releases the CLV base (and its temporary files).</summary>
    public void Dispose() => Clvs?.Dispose();
}

/// <summary>
/// Scores a customer file (the DealerDay sample's schema) in two streaming passes, as the library does for one customer:
/// pass 1 (<see cref="ReadValues"/>) keeps only the CLV of every row that will be scored, to build the
/// base of CLVs the value score is a percentile of (<see cref="IClvBase"/>, as <see cref="ValueDistribution"/> computes it); pass 2 (<see cref="Score"/>) reads the file again
/// and writes one CSV row per customer with <see cref="RecoveryPlanner.Decide(in CustomerSignals, LocalDate, double, RecoveryContext)"/>.
/// A row is scored when it parses and <see cref="SignalChecks.TryCheck"/> accepts it for the as-of date; otherwise it
/// is skipped and reported with its line number and column.
/// </summary>
/// <remarks>
/// Memory: the rows and their text are never held. Pass 1 keeps one <see cref="decimal"/> (16 bytes) per valid row up to
/// <see cref="ClvCollector.DefaultChunk"/> rows (about 16 MB, 48 MB for a moment while the library sorts them); a larger
/// base is sorted on disk in runs of that size and searched there (see <see cref="ClvCollector"/>). So the memory is
/// bounded whatever the file's size; the value scores are the same either way.
/// </remarks>
internal sealed class CustomerFileScorer
{
    /// <summary>The output's columns, in order.</summary>
    public static readonly string[] Columns =
    [
        "customer_id", "line", "risk_score", "risk_tier", "churn_stage", "days_since_last_visit", "value_tier", "clv",
        "max_recovery_cost", "value_score", "decision", "rule", "owner", "budget", "reason",
    ];

    /// <summary>The rejects file's columns, in order.</summary>
    public static readonly string[] RejectColumns = ["line", "customer_id", "column", "problem"];

    private const int ProgressEvery = 2048;

    private readonly RecoveryPlanner _planner;
    private readonly CustomerValuation _valuation;
    private readonly LocalDate _asOf;
    private readonly string _locale;
    private readonly int _clvChunk;

    /// <summary>Creates a scorer.</summary>
    /// <param name="options">Validated scoring options.</param>
    /// <param name="asOf">The date to score for, in the store's calendar.</param>
    /// <param name="locale">The locale of the <c>reason</c> column (<c>en</c> or <c>zh-CN</c>).</param>
    /// <param name="clvChunk">CLVs kept in memory before they are sorted on disk (tests use small chunks).</param>
    public CustomerFileScorer(ScoringOptions options, LocalDate asOf, string locale, int clvChunk = ClvCollector.DefaultChunk)
    {
        _clvChunk = clvChunk;
        _planner = new RecoveryPlanner(options);
        _valuation = new CustomerValuation(options);
        _asOf = asOf;
        _locale = locale;
    }

    /// <summary>Pass 1: reads the file to its end and collects the CLVs of the rows that will be scored.</summary>
    /// <param name="reader">A reader just opened on the file.</param>
    /// <param name="progress">Called every few thousand rows and at the end, with the reader (for its position).</param>
    /// <param name="cancellationToken">Stops the pass.</param>
    /// <returns>The distribution and the counts.</returns>
    public ValueBase ReadValues(CustomerCsvReader reader, Action<CustomerCsvReader>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long length = reader.Length;
        using var lifetimeValues = new ClvCollector(_clvChunk);
        int rows = 0;
        while (Next(reader, out var record, out _))
        {
            rows++;
            if (record is not null)
            {
                lifetimeValues.Add(_valuation.LifetimeValue(record.Signals.AnnualSpend));
            }

            if (rows % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(reader);
            }
        }

        progress?.Invoke(reader);
        return new ValueBase(lifetimeValues.Complete(), rows, length);
    }

    /// <summary>Pass 2: reads the file again, writes a row per scored customer and a reject per skipped row.</summary>
    /// <param name="reader">A reader just opened on the same file.</param>
    /// <param name="values">What pass 1 found.</param>
    /// <param name="output">Where the scores go; the header is written first.</param>
    /// <param name="rejects">Where the skipped rows go, or <see langword="null"/>.</param>
    /// <param name="progress">Called every few thousand rows and at the end.</param>
    /// <param name="cancellationToken">Stops the pass.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ToolUsageException">The file changed between the passes.</exception>
    public ScoreTally Score(
        CustomerCsvReader reader, ValueBase values, CsvSink output, CsvSink? rejects, Action<CustomerCsvReader>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(output);
        if (reader.Length != values.Length)
        {
            throw Changed(reader.Path);
        }

        output.Row(Columns);
        rejects?.Row(RejectColumns);
        var tally = new ScoreTally();
        while (Next(reader, out var record, out var problem))
        {
            if (record is null)
            {
                tally.Add(problem!);
                rejects?.Field(problem!.Line).Field(problem.CustomerId).Field(problem.Column).Field(problem.Message).EndRow();
            }
            else
            {
                if (values.Clvs is null || tally.Scored >= values.Valid)
                {
                    throw Changed(reader.Path);
                }

                double valueScore = values.Clvs.PercentileRank(_valuation.LifetimeValue(record.Signals.AnnualSpend));
                var decision = _planner.Decide(record.Signals, _asOf, valueScore, record.Context);
                tally.Add(decision);
                Write(output, record, decision);
            }

            if (tally.Rows % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(reader);
            }
        }

        progress?.Invoke(reader);
        if (tally.Rows != values.Rows || tally.Scored != values.Valid)
        {
            throw Changed(reader.Path);
        }

        return tally;
    }

    private void Write(CsvSink output, CustomerRecord record, RecoveryDecision decision)
    {
        var risk = decision.Risk;
        var value = decision.Value;
        output.Field(record.CustomerId).Field(record.Line)
            .Field(risk.Score).Field(risk.Tier.ToString()).Field(risk.Stage.ToString()).Field(risk.DaysSinceLastVisit)
            .Field(value.Tier.ToString()).Field(value.LifetimeValue).Field(value.MaxRecoveryCost);
        if (value.ValueScore is double score)
        {
            output.Field(score);
        }
        else
        {
            output.Field(string.Empty);
        }

        output.Field(decision.Verdict.ToString()).Field(decision.Rule.ToString()).Field(decision.Owner?.ToString())
            .Field(decision.Budget).Field(decision.Reason.Get(_locale))
            .EndRow();
    }

    /// <summary>The next data row, with rows the library would reject for the as-of date turned into problems.</summary>
    private bool Next(CustomerCsvReader reader, out CustomerRecord? record, out RowProblem? problem)
    {
        if (!reader.Read(out record, out problem))
        {
            return false;
        }

        if (record is not null && !SignalChecks.TryCheck(record.Signals, _asOf, out var field, out string? message))
        {
            problem = new RowProblem(record.Line, record.CustomerId, CustomerCsvReader.ColumnOf(field), message ?? field.ToString());
            record = null;
        }

        return true;
    }

    private static ToolUsageException Changed(string path) =>
        new($"{path} changed while it was being scored (the two passes read different rows); score a copy that nothing writes to");
}
