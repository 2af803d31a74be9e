using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Retention.Scoring;

namespace Retention.Tool.Customers;

/// <summary>One customer row that parsed: where it is, the signals the library scores and the context it decides with.</summary>
/// <param name="Line">The 1-based line number in the file (the header is line 1).</param>
/// <param name="CustomerId">The customer id.</param>
/// <param name="Signals">The scoring inputs.</param>
/// <param name="Context">Churn reason, stickiness and lost-customer exceptions.</param>
/// <param name="Values">Every column's trimmed text by column name, for columns beyond the customer schema (expected results of a golden case).</param>
internal sealed record CustomerRecord(int Line, string CustomerId, CustomerSignals Signals, RecoveryContext Context, IReadOnlyDictionary<string, string> Values);

/// <summary>A row that was skipped: its line, its customer id (empty when unknown), the first bad column (empty for the whole row) and why.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="CustomerId">The customer id, or an empty string.</param>
/// <param name="Column">The first bad column, or an empty string.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record RowProblem(int Line, string CustomerId, string Column, string Message)
{
    /// <summary><c>line 12 (C10001) annual_spend: ...</c>.</summary>
    public override string ToString() =>
        $"line {Line}{(CustomerId.Length > 0 ? $" ({CustomerId})" : string.Empty)}{(Column.Length > 0 ? " " + Column : string.Empty)}: {Message}";
}

/// <summary>
/// Reads a customer file with the DealerDay sample's schema one line at a time (memory does not grow with the file):
/// a header row, columns matched by name in any order, columns outside the schema kept as text in
/// <see cref="CustomerRecord.Values"/>, no quoting, blank lines skipped, UTF-8 with or without a byte order mark.
/// A row that cannot be read comes back as a <see cref="RowProblem"/> with its line number; reading carries on.
/// </summary>
internal sealed class CustomerCsvReader : IDisposable
{
    /// <summary>The schema's columns; all must be in the header.</summary>
    public static readonly string[] Columns =
    [
        "customer_id", "last_visit", "app_opens_per_month", "cancellation_rate", "satisfaction", "service_inquiries",
        "annual_spend", "complaints", "social_influence", "churn_reason", "stickiness", "lost_exceptions",
    ];

    private static readonly Dictionary<string, ChurnReason> Reasons = Names<ChurnReason>();
    private static readonly Dictionary<string, Stickiness> StickinessLevels = Names<Stickiness>();
    private static readonly Dictionary<string, LostCustomerExceptions> LostExceptions = new(StringComparer.Ordinal)
    {
        ["CustomerContactedStore"] = LostCustomerExceptions.CustomerContactedStore,
        ["CompetitorClosed"] = LostCustomerExceptions.CompetitorClosed,
        ["MovedBack"] = LostCustomerExceptions.MovedBack,
    };

    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>(StringComparer.Ordinal);

    private readonly StreamReader _reader;
    private readonly string[] _header;
    private readonly Dictionary<string, int> _index;
    private readonly int[] _extra;
    private int _line = 1;

    private CustomerCsvReader(StreamReader reader, string[] header, Dictionary<string, int> index, string path)
    {
        _reader = reader;
        _header = header;
        _index = index;
        _extra = [.. Enumerable.Range(0, header.Length).Where(i => !Columns.Contains(header[i], StringComparer.Ordinal))];
        Path = path;
    }

    /// <summary>The file being read.</summary>
    public string Path { get; }

    /// <summary>The header's column names, in file order.</summary>
    public IReadOnlyList<string> Header => _header;

    /// <summary>Header columns outside the customer schema.</summary>
    public IEnumerable<string> ExtraColumns => _extra.Select(i => _header[i]);

    /// <summary>How far into the file the reader is, in bytes (for a progress bar).</summary>
    public long Position => _reader.BaseStream.CanSeek ? _reader.BaseStream.Position : 0;

    /// <summary>The file's length in bytes, or 0 when unknown.</summary>
    public long Length => _reader.BaseStream.CanSeek ? _reader.BaseStream.Length : 0;

    /// <summary>Opens a customer file and reads its header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="requiredExtra">Columns beyond the schema that must be in the header too (for example a golden case's expectations).</param>
    /// <returns>The reader, positioned after the header.</returns>
    /// <exception cref="ToolUsageException">The file is missing or empty, or its header lacks a required column or repeats one.</exception>
    public static CustomerCsvReader Open(string path, IEnumerable<string>? requiredExtra = null)
    {
        if (!File.Exists(path))
        {
            throw new ToolUsageException($"file not found: {path}");
        }

        StreamReader reader;
        try
        {
            reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Exists but cannot be opened (no permission, locked): the tool cannot run, exit 2 rather than a crash.
            throw new ToolUsageException($"cannot read {path}: {e.Message}");
        }

        try
        {
            string? first = reader.ReadLine();
            if (string.IsNullOrWhiteSpace(first))
            {
                throw new ToolUsageException($"{path}: line 1 must be the header row ({string.Join(",", Columns)})");
            }

            string[] header = [.. first.Split(',').Select(h => h.Trim())];
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++)
            {
                if (!index.TryAdd(header[i], i))
                {
                    throw new ToolUsageException($"{path}: line 1: column {header[i]} appears twice");
                }
            }

            var missing = Columns.Concat(requiredExtra ?? []).Where(c => !index.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                throw new ToolUsageException($"{path}: line 1: the header lacks {(missing.Count == 1 ? "column" : "columns")} {string.Join(", ", missing)}");
            }

            return new CustomerCsvReader(reader, header, index, path);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next data row.</summary>
    /// <param name="record">The row, when it parsed.</param>
    /// <param name="problem">Why the row was skipped, when it did not.</param>
    /// <returns><see langword="false"/> at the end of the file.</returns>
    public bool Read(out CustomerRecord? record, out RowProblem? problem)
    {
        record = null;
        problem = null;
        string? text;
        do
        {
            text = _reader.ReadLine();
            _line++;
            if (text is null)
            {
                return false;
            }
        }
        while (string.IsNullOrWhiteSpace(text));

        string[] values = text.Split(',');
        string id = values.Length > _index["customer_id"] ? values[_index["customer_id"]].Trim() : string.Empty;
        if (text.Contains('"', StringComparison.Ordinal))
        {
            problem = new(_line, id, string.Empty, "quoted values are not supported (no value of the schema contains a comma)");
            return true;
        }

        if (values.Length != _header.Length)
        {
            problem = new(_line, id, string.Empty, $"has {values.Length} values, the header has {_header.Length} columns");
            return true;
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] = values[i].Trim();
        }

        record = Parse(values, id, out problem);
        return true;
    }

    private CustomerRecord? Parse(string[] v, string id, out RowProblem? problem)
    {
        problem = null;
        string Get(string column) => v[_index[column]];
        RowProblem Bad(string column, string message) => new(_line, id, column, message);

        if (id.Length == 0)
        {
            problem = Bad("customer_id", "is empty");
            return null;
        }

        var date = LocalDatePattern.Iso.Parse(Get("last_visit"));
        if (!date.Success)
        {
            problem = Bad("last_visit", $"'{Get("last_visit")}' is not a date (yyyy-MM-dd)");
            return null;
        }

        if (!OptionalNumber(Get("app_opens_per_month"), out double? appOpens))
        {
            problem = Bad("app_opens_per_month", $"'{Get("app_opens_per_month")}' is not a number (empty: no app account)");
            return null;
        }

        if (!double.TryParse(Get("cancellation_rate"), NumberStyles.Float, CultureInfo.InvariantCulture, out double cancellation))
        {
            problem = Bad("cancellation_rate", $"'{Get("cancellation_rate")}' is not a number (use a dot for decimals, e.g. 0.25)");
            return null;
        }

        if (!OptionalNumber(Get("satisfaction"), out double? satisfaction))
        {
            problem = Bad("satisfaction", $"'{Get("satisfaction")}' is not a number (empty: never surveyed)");
            return null;
        }

        if (!int.TryParse(Get("service_inquiries"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int inquiries))
        {
            problem = Bad("service_inquiries", $"'{Get("service_inquiries")}' is not a whole number");
            return null;
        }

        if (!decimal.TryParse(Get("annual_spend"), NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out decimal spend))
        {
            problem = Bad("annual_spend", $"'{Get("annual_spend")}' is not an amount (digits and a dot, no thousands separator)");
            return null;
        }

        if (!int.TryParse(Get("complaints"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int complaints))
        {
            problem = Bad("complaints", $"'{Get("complaints")}' is not a whole number");
            return null;
        }

        // The schema allows true / false in any case (TRUE, False), as the DealerDay sample reads them.
        string influenceText = Get("social_influence");
        bool influence = string.Equals(influenceText, "true", StringComparison.OrdinalIgnoreCase);
        if (!influence && influenceText.Length > 0 && !string.Equals(influenceText, "false", StringComparison.OrdinalIgnoreCase))
        {
            problem = Bad("social_influence", $"'{influenceText}' is not true or false (empty: false)");
            return null;
        }

        ChurnReason? reason = null;
        if (Get("churn_reason") is { Length: > 0 } r)
        {
            if (!Reasons.TryGetValue(r, out var parsed))
            {
                problem = Bad("churn_reason", $"'{r}' is not one of {string.Join("|", Reasons.Keys)} (empty: unknown)");
                return null;
            }

            reason = parsed;
        }

        var stickiness = Stickiness.Low;
        if (Get("stickiness") is { Length: > 0 } s && !StickinessLevels.TryGetValue(s, out stickiness))
        {
            problem = Bad("stickiness", $"'{s}' is not one of {string.Join("|", StickinessLevels.Keys)} (empty: Low)");
            return null;
        }

        var exceptions = LostCustomerExceptions.None;
        foreach (string name in Get("lost_exceptions").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!LostExceptions.TryGetValue(name, out var flag))
            {
                problem = Bad("lost_exceptions", $"'{name}' is not one of {string.Join("|", LostExceptions.Keys)} (separate several with |)");
                return null;
            }

            exceptions |= flag;
        }

        var signals = new CustomerSignals
        {
            LastVisit = date.Value,
            AppOpensPerMonth = appOpens,
            CancellationRate = cancellation,
            Satisfaction = satisfaction,
            ServiceInquiries = inquiries,
            AnnualSpend = spend,
            Complaints = complaints,
            SocialInfluence = influence,
        };
        var context = new RecoveryContext { Reason = reason, Stickiness = stickiness, LostExceptions = exceptions };
        // Columns beyond the schema (a golden case's expectations); a plain customer file allocates nothing for them.
        IReadOnlyDictionary<string, string> extra = NoValues;
        if (_extra.Length > 0)
        {
            var values = new Dictionary<string, string>(_extra.Length, StringComparer.Ordinal);
            foreach (int i in _extra)
            {
                values[_header[i]] = v[i];
            }

            extra = values;
        }

        return new CustomerRecord(_line, id, signals, context, extra);
    }

    /// <summary>The schema's column that holds a signal, for reporting the library's checks.</summary>
    public static string ColumnOf(SignalField field) => field switch
    {
        SignalField.LastVisit => "last_visit",
        SignalField.AppOpensPerMonth => "app_opens_per_month",
        SignalField.CancellationRate => "cancellation_rate",
        SignalField.Satisfaction => "satisfaction",
        SignalField.ServiceInquiries => "service_inquiries",
        SignalField.AnnualSpend => "annual_spend",
        SignalField.Complaints => "complaints",
        _ => field.ToString(),
    };

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();

    private static bool OptionalNumber(string text, out double? value)
    {
        value = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
        {
            value = d;
            return true;
        }

        return false;
    }

    private static Dictionary<string, T> Names<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(v => v.ToString(), v => v, StringComparer.Ordinal);
}
