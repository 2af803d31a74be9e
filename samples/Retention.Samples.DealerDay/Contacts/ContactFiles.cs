using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using NodaTime;
using Retention.Contact;
using Retention.Samples.DealerDay.Customers;
using Retention.Samples.DealerDay.Files;
using LocalizedText = Retention.Scoring.LocalizedText;

namespace Retention.Samples.DealerDay.Contacts;

/// <summary>The contact-history and contact-preference CSV schemas (documented in README.md).</summary>
internal static class ContactCsv
{
    /// <summary>The history file's name next to the customer file.</summary>
    public const string HistoryFileName = "contact-history.csv";

    /// <summary>The preference file's name next to the customer file.</summary>
    public const string PreferencesFileName = "contact-preferences.csv";

    public static class History
    {
        public const string CustomerId = "customer_id";
        public const string At = "at";
        public const string Channel = "channel";
        public const string Purpose = "purpose";
        public const string Initiator = "initiator";
        public const string Outcome = "outcome";
        public const string RequestedByCustomer = "requested_by_customer";
    }

    public static class Preferences
    {
        public const string CustomerId = "customer_id";
        public const string TimeZone = "time_zone";
        public const string DoNotDisturb = "do_not_disturb";
        public const string AllowedFrom = "allowed_from";
        public const string AllowedUntil = "allowed_until";
        public const string OptedOut = "opted_out";
        public const string GlobalOptOut = "global_opt_out";
        public const string PrefersMessages = "prefers_messages";
    }

    public static IReadOnlyList<string> HistoryColumns { get; } =
    [
        History.CustomerId, History.At, History.Channel, History.Purpose, History.Initiator, History.Outcome, History.RequestedByCustomer,
    ];

    public static IReadOnlyList<string> PreferenceColumns { get; } =
    [
        Preferences.CustomerId, Preferences.TimeZone, Preferences.DoNotDisturb, Preferences.AllowedFrom, Preferences.AllowedUntil,
        Preferences.OptedOut, Preferences.GlobalOptOut, Preferences.PrefersMessages,
    ];

    public static IReadOnlyDictionary<string, ContactChannel> Channels { get; } = CsvFormats.NamesOf<ContactChannel>();

    public static IReadOnlyDictionary<string, ContactPurpose> Purposes { get; } = CsvFormats.NamesOf<ContactPurpose>();

    public static IReadOnlyDictionary<string, Initiator> Initiators { get; } = CsvFormats.NamesOf<Initiator>();

    public static IReadOnlyDictionary<string, TouchOutcome> Outcomes { get; } = CsvFormats.NamesOf<TouchOutcome>();

    /// <summary>The do-not-disturb modes a file may name (<c>None</c> is written as an empty cell).</summary>
    public static IReadOnlyDictionary<string, DoNotDisturb> Modes { get; } = new Dictionary<string, DoNotDisturb>(StringComparer.Ordinal)
    {
        ["UrgentOnly"] = DoNotDisturb.UrgentOnly,
        ["NoMarketing"] = DoNotDisturb.NoMarketing,
        ["AllowedHours"] = DoNotDisturb.AllowedHours,
    };
}

/// <summary>One past contact that parsed, with the customer it belongs to.</summary>
/// <param name="Line">The 1-based line number in the file.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Touch">The contact as the library takes it.</param>
internal sealed record HistoryRow(int Line, string CustomerId, PastTouch Touch);

/// <summary>One customer's contact preferences that parsed.</summary>
/// <param name="Line">The 1-based line number in the file.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Preferences">The preferences as the library takes them.</param>
internal sealed record PreferencesRow(int Line, string CustomerId, ContactPreferences Preferences);

/// <summary>A contact-history file: every past contact of the store with its customers, one per line.</summary>
internal sealed class HistoryFile(CsvTable table, IReadOnlyList<HistoryRow> rows, IReadOnlyList<BadRow> badRows)
{
    public CsvTable Table { get; } = table;

    public IReadOnlyList<HistoryRow> Rows { get; } = rows;

    public IReadOnlyList<BadRow> BadRows { get; } = badRows;

    /// <summary>Reads a contact-history file; rows that do not parse are kept with their line numbers.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened.</exception>
    public static bool TryRead(string path, [NotNullWhen(true)] out HistoryFile? file, out LocalizedText problem)
    {
        file = null;
        if (!CsvTable.TryRead(path, ContactCsv.HistoryColumns, ContactCsv.History.CustomerId, out var table, out problem))
        {
            return false;
        }

        var rows = new List<HistoryRow>(table.Rows.Count);
        var bad = new List<BadRow>(table.BadRows);
        foreach (var row in table.Rows)
        {
            var r = new CsvRowReader(row, ContactCsv.History.CustomerId);
            if (!r.Text(ContactCsv.History.CustomerId, out var customer)
                || !r.Moment(ContactCsv.History.At, out var at)
                || !r.Name(ContactCsv.History.Channel, ContactCsv.Channels, out var channel)
                || !r.Name(ContactCsv.History.Purpose, ContactCsv.Purposes, out var purpose)
                || !r.Name(ContactCsv.History.Initiator, ContactCsv.Initiators, out var initiator)
                || !r.Name(ContactCsv.History.Outcome, ContactCsv.Outcomes, out var outcome)
                || !r.Boolean(ContactCsv.History.RequestedByCustomer, out var requested))
            {
                bad.Add(r.Problem!);
                continue;
            }

            rows.Add(new HistoryRow(row.Line, customer, new PastTouch(at, channel, purpose, initiator, outcome, requested)));
        }

        bad.Sort((a, b) => a.Line.CompareTo(b.Line));
        file = new HistoryFile(table, rows, bad);
        return true;
    }
}

/// <summary>A contact-preference file: one line per customer who told the store how (not) to contact them.</summary>
internal sealed class PreferencesFile(CsvTable table, IReadOnlyList<PreferencesRow> rows, IReadOnlyList<BadRow> badRows)
{
    public CsvTable Table { get; } = table;

    public IReadOnlyList<PreferencesRow> Rows { get; } = rows;

    public IReadOnlyList<BadRow> BadRows { get; } = badRows;

    /// <summary>Reads a contact-preference file; rows that do not parse are kept with their line numbers.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened.</exception>
    public static bool TryRead(string path, [NotNullWhen(true)] out PreferencesFile? file, out LocalizedText problem)
    {
        file = null;
        if (!CsvTable.TryRead(path, ContactCsv.PreferenceColumns, ContactCsv.Preferences.CustomerId, out var table, out problem))
        {
            return false;
        }

        var rows = new List<PreferencesRow>(table.Rows.Count);
        var bad = new List<BadRow>(table.BadRows);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var r = new CsvRowReader(row, ContactCsv.Preferences.CustomerId);
            if (!r.Text(ContactCsv.Preferences.CustomerId, out var customer)
                || !Zone(r, row, out var zone)
                || !r.Names(ContactCsv.Preferences.DoNotDisturb, ContactCsv.Modes, out var modes)
                || !r.OptionalTime(ContactCsv.Preferences.AllowedFrom, out var from)
                || !r.OptionalTime(ContactCsv.Preferences.AllowedUntil, out var until)
                || !r.Names(ContactCsv.Preferences.OptedOut, ContactCsv.Channels, out var optedOut)
                || !r.Boolean(ContactCsv.Preferences.GlobalOptOut, out var global)
                || !r.Boolean(ContactCsv.Preferences.PrefersMessages, out var prefersMessages))
            {
                bad.Add(r.Problem!);
                continue;
            }

            var dnd = modes.Aggregate(DoNotDisturb.None, (all, m) => all | m);
            bool hours = (dnd & DoNotDisturb.AllowedHours) != 0;
            LocalizedText? problemText =
                hours && (from is null || until is null) ? new("AllowedHours 需要同时填写 allowed_from 和 allowed_until", "AllowedHours needs both allowed_from and allowed_until")
                : hours && until <= from ? new("allowed_until 必须晚于 allowed_from", "allowed_until must be after allowed_from")
                : !hours && (from is not null || until is not null) ? new("填写了可联系时段，但 do_not_disturb 中没有 AllowedHours", "allowed hours are given but do_not_disturb lacks AllowedHours")
                : null;
            if (problemText is LocalizedText p)
            {
                r.Fail(hours && from is null ? ContactCsv.Preferences.AllowedFrom : ContactCsv.Preferences.AllowedUntil, p);
                bad.Add(r.Problem!);
                continue;
            }

            if (!firstLine.TryAdd(customer, row.Line))
            {
                r.Fail(ContactCsv.Preferences.CustomerId, new($"客户编号重复，第 {firstLine[customer]} 行已出现", $"duplicate customer id: it already appears on line {firstLine[customer]}"));
                bad.Add(r.Problem!);
                continue;
            }

            rows.Add(new PreferencesRow(row.Line, customer, new ContactPreferences
            {
                Zone = zone,
                DoNotDisturb = dnd,
                AllowedFrom = from ?? default,
                AllowedUntil = until ?? default,
                OptedOut = optedOut.Aggregate(ContactChannels.None, (all, c) => all | c.AsSet()),
                GlobalOptOut = global,
                PrefersMessages = prefersMessages,
            }));
        }

        bad.Sort((a, b) => a.Line.CompareTo(b.Line));
        file = new PreferencesFile(table, rows, bad);
        return true;
    }

    // An IANA zone id; empty means the store's zone.
    private static bool Zone(CsvRowReader r, CsvRow row, out DateTimeZone? zone)
    {
        string id = row[ContactCsv.Preferences.TimeZone];
        zone = id.Length == 0 ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
        return id.Length == 0 || zone is not null
            || r.Fail(ContactCsv.Preferences.TimeZone, new($"“{id}”不是 IANA 时区（例如 Asia/Shanghai、Asia/Urumqi）", $"'{id}' is not an IANA time zone (e.g. Asia/Shanghai, Asia/Urumqi)"));
    }
}
