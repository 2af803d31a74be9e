using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using Retention.Scoring;
using Retention.Tool.Customers;

namespace Retention.Tool.Cases;

/// <summary>A row of a cases file that is not run: where it is, the case's name as far as it is known, and why.</summary>
/// <param name="Problem">The line, customer id, first bad column and what is wrong.</param>
/// <param name="Name">The <c>case</c> cell, else the customer id, else <c>line N</c>.</param>
internal sealed record BadCase(RowProblem Problem, string Name);

/// <summary>
/// Reads a golden cases file one row at a time: the customer schema of <see cref="CustomerCsvReader"/> plus the columns of
/// <see cref="CaseColumns"/>. The header is checked when the file is opened (a problem there stops the run); a row that
/// cannot be run (unparsable, out of the library's ranges, an unknown expectation name, nothing to check) comes back as a
/// <see cref="BadCase"/> with its line number and reading carries on.
/// </summary>
internal sealed class CaseFile : IDisposable
{
    private readonly CustomerCsvReader _reader;
    private readonly LocalDate? _asOf;

    private CaseFile(CustomerCsvReader reader, LocalDate? asOf, IReadOnlyList<string> expectations, IReadOnlyList<string> ignored, bool hasAsOf)
    {
        _reader = reader;
        _asOf = asOf;
        ExpectationColumns = expectations;
        IgnoredColumns = ignored;
        HasAsOfColumn = hasAsOf;
    }

    /// <summary>The file being read.</summary>
    public string Path => _reader.Path;

    /// <summary>The expectation columns in the header, in <see cref="CaseColumns.Expectations"/> order.</summary>
    public IReadOnlyList<string> ExpectationColumns { get; }

    /// <summary>Header columns that are neither the customer schema nor this format's (kept for the reader's eyes only).</summary>
    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <summary>Whether the header has an <c>as_of</c> column.</summary>
    public bool HasAsOfColumn { get; }

    /// <summary>Opens a cases file and checks its header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="asOf">The <c>--as-of</c> date, for rows without an <c>as_of</c> cell; <see langword="null"/> when not given.</param>
    /// <returns>The reader, positioned after the header.</returns>
    /// <exception cref="ToolUsageException">
    /// The file is missing or unreadable; the header lacks a customer column, repeats a column, has an <c>expected_</c> column
    /// this format does not know, has no expectation column, checks a decision without a <c>value_score</c> column, or has no
    /// <c>as_of</c> column while <paramref name="asOf"/> is <see langword="null"/>.
    /// </exception>
    public static CaseFile Open(string path, LocalDate? asOf)
    {
        var reader = CustomerCsvReader.Open(path);
        try
        {
            var header = reader.Header;
            var extra = reader.ExtraColumns.ToList();
            var unknown = extra.Where(c => CaseColumns.LooksLikeExpectation(c) && !CaseColumns.IsKnown(c)).ToList();
            if (unknown.Count > 0)
            {
                throw new ToolUsageException(
                    $"{path}: line 1: unknown expectation {(unknown.Count == 1 ? "column" : "columns")} {string.Join(", ", unknown)} " +
                    $"(known: {string.Join(", ", CaseColumns.Expectations)}; names are lower case)");
            }

            var expectations = CaseColumns.Expectations.Where(c => header.Contains(c, StringComparer.Ordinal)).ToList();
            if (expectations.Count == 0)
            {
                throw new ToolUsageException(
                    $"{path}: line 1: the header has no expectation column; a golden case checks at least one of {string.Join(", ", CaseColumns.Expectations)}");
            }

            var decision = CaseColumns.DecisionExpectations.Where(c => header.Contains(c, StringComparer.Ordinal)).ToList();
            if (decision.Count > 0 && !header.Contains(CaseColumns.ValueScore, StringComparer.Ordinal))
            {
                throw new ToolUsageException(
                    $"{path}: line 1: the header has {string.Join(", ", decision)} but no {CaseColumns.ValueScore} column: a recovery decision depends on the " +
                    "customer's value score, a percentile among the store's whole customer base (which a cases file is not), so each case that checks a decision gives it");
            }

            bool hasAsOf = header.Contains(CaseColumns.AsOf, StringComparer.Ordinal);
            if (!hasAsOf && asOf is null)
            {
                throw new ToolUsageException(
                    $"no as-of date for {path}: give --as-of yyyy-MM-dd or add an {CaseColumns.AsOf} column (golden cases must not depend on today's date)");
            }

            var ignored = extra.Where(c => !CaseColumns.IsKnown(c)).ToList();
            return new CaseFile(reader, asOf, expectations, ignored, hasAsOf);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next data row.</summary>
    /// <param name="golden">The case, when the row can be run.</param>
    /// <param name="bad">Why the row cannot be run, when it cannot.</param>
    /// <returns><see langword="false"/> at the end of the file.</returns>
    public bool Read(out GoldenCase? golden, out BadCase? bad)
    {
        golden = null;
        bad = null;
        if (!_reader.Read(out var record, out var problem))
        {
            return false;
        }

        if (problem is not null)
        {
            bad = new BadCase(problem, problem.CustomerId.Length > 0 ? problem.CustomerId : $"line {problem.Line.ToString(CultureInfo.InvariantCulture)}");
            return true;
        }

        golden = Parse(record!, out bad);
        return true;
    }

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();

    private GoldenCase? Parse(CustomerRecord record, out BadCase? bad)
    {
        bad = null;
        string Cell(string column) => record.Values.TryGetValue(column, out string? text) ? text : string.Empty;
        string name = Cell(CaseColumns.Case) is { Length: > 0 } n ? n : record.CustomerId;
        BadCase Bad(string column, string message) => new(new RowProblem(record.Line, record.CustomerId, column, message), name);

        LocalDate asOf;
        string asOfText = Cell(CaseColumns.AsOf);
        if (asOfText.Length > 0)
        {
            var parsed = LocalDatePattern.Iso.Parse(asOfText);
            if (!parsed.Success)
            {
                bad = Bad(CaseColumns.AsOf, $"'{asOfText}' is not a date (yyyy-MM-dd)");
                return null;
            }

            asOf = parsed.Value;
        }
        else if (_asOf is LocalDate option)
        {
            asOf = option;
        }
        else
        {
            bad = Bad(CaseColumns.AsOf, "is empty and no --as-of was given (golden cases must not depend on today's date)");
            return null;
        }

        // The library's own ranges (satisfaction 11, a last visit after the as-of date): the same words as the batch's problems.
        if (!SignalChecks.TryCheck(record.Signals, asOf, out var field, out string? message))
        {
            bad = Bad(CustomerCsvReader.ColumnOf(field), message!);
            return null;
        }

        double? valueScore = null;
        string scoreText = Cell(CaseColumns.ValueScore);
        if (scoreText.Length > 0)
        {
            if (!TryNumber(scoreText, 0, 100, out double score))
            {
                bad = Bad(CaseColumns.ValueScore, $"'{scoreText}' is not a value score from 0 to 100");
                return null;
            }

            valueScore = score;
        }

        var expected = ParseExpectations(Cell, out string? badColumn, out string? why);
        if (expected is null)
        {
            bad = Bad(badColumn!, why!);
            return null;
        }

        if (expected.IsEmpty)
        {
            bad = Bad(string.Empty, $"checks nothing: fill in at least one of {string.Join(", ", ExpectationColumns)}");
            return null;
        }

        if (expected.ChecksDecision && valueScore is null)
        {
            bad = Bad(CaseColumns.ValueScore,
                "is empty but the row checks the recovery decision: give the customer's value score (0-100), a percentile among the store's whole customer base");
            return null;
        }

        return new GoldenCase(record.Line, name, record.CustomerId, Cell(CaseColumns.Description), record.Signals, record.Context, asOf, valueScore, expected);
    }

    private static CaseExpectations? ParseExpectations(Func<string, string> cell, out string? column, out string? why)
    {
        column = null;
        why = null;
        var e = new CaseExpectations();

        string text = cell(CaseColumns.ExpectedScore);
        if (text.Length > 0)
        {
            if (!TryNumber(text, 0, 100, out double score))
            {
                (column, why) = (CaseColumns.ExpectedScore, $"'{text}' is not a churn-risk score from 0 to 100");
                return null;
            }

            e = e with { Score = score };
        }

        if (!TryName<RiskTier>(cell, CaseColumns.ExpectedTier, out var tier, ref column, ref why)
            || !TryName<ChurnStage>(cell, CaseColumns.ExpectedStage, out var stage, ref column, ref why)
            || !TryName<ValueTier>(cell, CaseColumns.ExpectedValueTier, out var valueTier, ref column, ref why)
            || !TryName<RecoveryVerdict>(cell, CaseColumns.ExpectedDecision, out var verdict, ref column, ref why)
            || !TryName<DecisionRule>(cell, CaseColumns.ExpectedRule, out var rule, ref column, ref why))
        {
            return null;
        }

        e = e with { Tier = tier, Stage = stage, ValueTier = valueTier, Decision = verdict, Rule = rule };

        text = cell(CaseColumns.ExpectedClv);
        if (text.Length > 0)
        {
            if (!TryMoney(text, out decimal clv))
            {
                (column, why) = (CaseColumns.ExpectedClv, $"'{text}' is not an amount (digits and a dot, no thousands separator; may be negative)");
                return null;
            }

            e = e with { LifetimeValue = clv };
        }

        text = cell(CaseColumns.ExpectedBudget);
        if (text.Length > 0)
        {
            if (!TryMoney(text, out decimal budget) || budget < 0)
            {
                (column, why) = (CaseColumns.ExpectedBudget, $"'{text}' is not an amount >= 0 (digits and a dot, no thousands separator)");
                return null;
            }

            e = e with { Budget = budget };
        }

        return e;
    }

    private static bool TryName<T>(Func<string, string> cell, string column, out T? value, ref string? badColumn, ref string? why)
        where T : struct, Enum
    {
        value = null;
        string text = cell(column);
        if (text.Length == 0)
        {
            return true;
        }

        if (Names<T>.ByName.TryGetValue(text, out var parsed))
        {
            value = parsed;
            return true;
        }

        (badColumn, why) = (column, $"'{text}' is not one of {string.Join("|", Names<T>.All)}");
        return false;
    }

    private static bool TryNumber(string text, double min, double max, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    private static bool TryMoney(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value);

    /// <summary>An enum's names, matched without regard to case; numbers are not names.</summary>
    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly string[] All = Enum.GetNames<T>();

        public static readonly Dictionary<string, T> ByName = All.ToDictionary(n => n, Enum.Parse<T>, StringComparer.OrdinalIgnoreCase);
    }
}
