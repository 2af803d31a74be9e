using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using Retention.Samples.DealerDay.Customers;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Files;

/// <summary>The text forms shared by the readers and generators of the survey and contact files.</summary>
internal static class CsvFormats
{
    /// <summary>Separates the names of a list value (a comma would split the row).</summary>
    public const char ListSeparator = '|';

    /// <summary>A moment with its UTC offset: <c>2026-11-20T18:42:00+08:00</c>.</summary>
    public static OffsetDateTimePattern MomentPattern { get; } = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    /// <summary>A local time of day: <c>18:30</c>.</summary>
    public static LocalTimePattern TimePattern { get; } = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    /// <summary>A moment as the store's export writes it: local time in the zone, with the zone's offset.</summary>
    public static string FormatMoment(Instant instant, DateTimeZone zone) => MomentPattern.Format(instant.InZone(zone).ToOffsetDateTime());

    public static string FormatTime(LocalTime time) => TimePattern.Format(time);

    public static string FormatBoolean(bool value) => value ? "true" : "false";

    /// <summary>The names of an enumeration as the files write them (the C# names), for reading.</summary>
    public static IReadOnlyDictionary<string, T> NamesOf<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(v => v.ToString(), v => v, StringComparer.Ordinal);
}

/// <summary>
/// Parses the values of one <see cref="CsvRow"/>; stops at the first bad value and keeps it as a
/// <see cref="BadRow"/> with the line number, the column and the problem in both locales.
/// </summary>
/// <param name="row">The row.</param>
/// <param name="idColumn">The column shown as the row's id in problem reports.</param>
internal sealed class CsvRowReader(CsvRow row, string idColumn)
{
    /// <summary>The first bad value, once a parse method returned <see langword="false"/>.</summary>
    public BadRow? Problem { get; private set; }

    public int Line => row.Line;

    /// <summary>A required text value.</summary>
    public bool Text(string column, out string value)
    {
        value = row[column];
        return value.Length > 0 || Fail(column, Required());
    }

    /// <summary>A required moment with its offset (<see cref="CsvFormats.MomentPattern"/>).</summary>
    public bool Moment(string column, out Instant value)
    {
        value = default;
        string v = row[column];
        if (v.Length == 0)
        {
            return Fail(column, Required());
        }

        var result = CsvFormats.MomentPattern.Parse(v);
        if (!result.Success)
        {
            return Fail(column, new($"“{v}”不是带时区偏移的时间（格式 2026-11-20T18:42:00+08:00）", $"'{v}' is not a moment with an offset (2026-11-20T18:42:00+08:00)"));
        }

        value = result.Value.ToInstant();
        return true;
    }

    /// <summary>An optional moment: empty gives <see langword="null"/>.</summary>
    public bool OptionalMoment(string column, out Instant? value)
    {
        value = null;
        if (row[column].Length == 0)
        {
            return true;
        }

        bool ok = Moment(column, out var v);
        value = v;
        return ok;
    }

    /// <summary>An optional local time of day <c>HH:mm</c>: empty gives <see langword="null"/>.</summary>
    public bool OptionalTime(string column, out LocalTime? value)
    {
        value = null;
        string v = row[column];
        if (v.Length == 0)
        {
            return true;
        }

        var result = CsvFormats.TimePattern.Parse(v);
        if (!result.Success)
        {
            return Fail(column, new($"“{v}”不是时刻（格式 HH:mm，例如 18:30）", $"'{v}' is not a time of day (HH:mm, e.g. 18:30)"));
        }

        value = result.Value;
        return true;
    }

    /// <summary>A required whole number; its range is checked by whoever uses it.</summary>
    public bool Integer(string column, out int value)
    {
        value = 0;
        string v = row[column];
        if (v.Length == 0)
        {
            return Fail(column, Required());
        }

        return int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            || Fail(column, new($"“{v}”不是整数", $"'{v}' is not a whole number"));
    }

    /// <summary>A required date (<c>yyyy-MM-dd</c>).</summary>
    public bool Date(string column, LocalDatePattern pattern, out LocalDate value)
    {
        value = default;
        string v = row[column];
        if (v.Length == 0)
        {
            return Fail(column, Required());
        }

        var result = pattern.Parse(v);
        if (!result.Success)
        {
            return Fail(column, new($"“{v}”不是日期（格式 yyyy-MM-dd）", $"'{v}' is not a date (yyyy-MM-dd)"));
        }

        value = result.Value;
        return true;
    }

    /// <summary>A required number with a dot for decimals.</summary>
    public bool Number(string column, out double value)
    {
        value = 0;
        string v = row[column];
        if (v.Length == 0)
        {
            return Fail(column, Required());
        }

        return double.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            || Fail(column, NotANumber(v));
    }

    /// <summary>A number, or <see langword="null"/> when empty (a missing signal).</summary>
    public bool OptionalNumber(string column, out double? value)
    {
        value = null;
        if (row[column].Length == 0)
        {
            return true;
        }

        bool ok = Number(column, out double v);
        value = v;
        return ok;
    }

    /// <summary>A required amount of money with a dot for decimals.</summary>
    public bool Money(string column, out decimal value)
    {
        value = 0;
        string v = row[column];
        if (v.Length == 0)
        {
            return Fail(column, Required());
        }

        return decimal.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            || Fail(column, NotANumber(v));
    }

    /// <summary>A boolean: <c>true</c> or <c>false</c> in any case; empty means <see langword="false"/>.</summary>
    public bool Boolean(string column, out bool value)
    {
        string v = row[column];
        value = string.Equals(v, "true", StringComparison.OrdinalIgnoreCase);
        return value || v.Length == 0 || string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)
            || Fail(column, new($"“{v}”应为 true 或 false", $"'{v}' is not true or false"));
    }

    /// <summary>A required name from a fixed list.</summary>
    public bool Name<T>(string column, IReadOnlyDictionary<string, T> names, out T value)
    {
        value = default!;
        string v = row[column];
        if (v.Length == 0)
        {
            return Fail(column, Required());
        }

        if (names.TryGetValue(v, out var found))
        {
            value = found;
            return true;
        }

        string allowed = string.Join("|", names.Keys);
        return Fail(column, new($"“{v}”不是允许的值（{allowed}）", $"'{v}' is not one of {allowed}"));
    }

    /// <summary>A name from a fixed list, or <see langword="null"/> when empty.</summary>
    public bool OptionalName<T>(string column, IReadOnlyDictionary<string, T> names, out T? value)
        where T : struct
    {
        value = null;
        if (row[column].Length == 0)
        {
            return true;
        }

        bool ok = Name(column, names, out T found);
        value = found;
        return ok;
    }

    /// <summary>Names from a fixed list joined by <c>|</c>; empty gives an empty list.</summary>
    public bool Names<T>(string column, IReadOnlyDictionary<string, T> names, out List<T> values)
    {
        values = [];
        string v = row[column];
        if (v.Length == 0)
        {
            return true;
        }

        foreach (var part in v.Split(CsvFormats.ListSeparator))
        {
            if (!names.TryGetValue(part.Trim(), out var found))
            {
                string allowed = string.Join("|", names.Keys);
                return Fail(column, new($"“{part.Trim()}”不是允许的值（{allowed}，可用 | 组合）", $"'{part.Trim()}' is not one of {allowed} (combine with |)"));
            }

            values.Add(found);
        }

        return true;
    }

    /// <summary>Records a problem found by the caller (a value that parsed but does not fit).</summary>
    /// <returns>Always <see langword="false"/>.</returns>
    public bool Fail(string column, LocalizedText problem)
    {
        Problem = new BadRow(row.Line, row[idColumn], column, problem);
        return false;
    }

    private static LocalizedText Required() => new("必填，不能为空", "required, but empty");

    private static LocalizedText NotANumber(string v) =>
        new($"“{v}”不是数字（小数用点号，例如 0.25）", $"'{v}' is not a number (use a dot for decimals, e.g. 0.25)");
}
