using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Report;

/// <summary>
/// The moment the report describes and how it shows times: the Monday report is read at 08:00 on
/// the as-of date in the store's time zone; alerts are overdue or not at that moment, and the week's
/// contact plan starts then. Every time in the report is shown in the store's zone.
/// </summary>
internal sealed class StoreClock
{
    /// <summary>The time of day of the report: the Monday morning meeting.</summary>
    public static readonly LocalTime ReportTime = new(8, 0);

    /// <summary>The planning week: the as-of date and the six days after it.</summary>
    public const int WeekDays = 7;

    private static readonly LocalDateTimePattern Full = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm");
    private static readonly LocalDateTimePattern Short = LocalDateTimePattern.CreateWithInvariantCulture("MM'-'dd' 'HH':'mm");

    public StoreClock(DateTimeZone zone, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
        AsOf = asOf;
        Now = asOf.At(ReportTime).InZoneLeniently(zone).ToInstant();
    }

    /// <summary>The store's time zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The as-of date, in the store's calendar.</summary>
    public LocalDate AsOf { get; }

    /// <summary>08:00 on the as-of date in the store's zone.</summary>
    public Instant Now { get; }

    /// <summary>The last day of the planning week.</summary>
    public LocalDate WeekEnd => AsOf.PlusDays(WeekDays - 1);

    /// <summary>The local date of a moment in the store's zone.</summary>
    public LocalDate DateOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>A moment in the store's zone: <c>2026-11-23 08:00</c>.</summary>
    public string Format(Instant instant) => Full.Format(instant.InZone(Zone).LocalDateTime);

    /// <summary>A moment in the store's zone without the year: <c>11-23 08:00</c>.</summary>
    public string FormatShort(Instant instant) => Short.Format(instant.InZone(Zone).LocalDateTime);

    /// <summary>A moment in the store's zone with its weekday: <c>Mon 11-23 10:00</c> / <c>11-23（周一）10:00</c>.</summary>
    public string FormatWithDay(Instant instant, string locale)
    {
        var local = instant.InZone(Zone).LocalDateTime;
        string date = local.Date.ToString("MM'-'dd", CultureInfo.InvariantCulture);
        string time = local.TimeOfDay.ToString("HH':'mm", CultureInfo.InvariantCulture);
        return Display.IsChinese(locale) ? $"{date}（{Weekday(local.Date).ZhCn}）{time}" : $"{Weekday(local.Date).En} {date} {time}";
    }

    /// <summary>A date with its weekday: <c>Mon 11-23</c> / <c>11-23（周一）</c>.</summary>
    public static string FormatDay(LocalDate date, string locale)
    {
        string d = date.ToString("MM'-'dd", CultureInfo.InvariantCulture);
        return Display.IsChinese(locale) ? $"{d}（{Weekday(date).ZhCn}）" : $"{Weekday(date).En} {d}";
    }

    public static LocalizedText Weekday(LocalDate date) => date.DayOfWeek switch
    {
        IsoDayOfWeek.Monday => new("周一", "Mon"),
        IsoDayOfWeek.Tuesday => new("周二", "Tue"),
        IsoDayOfWeek.Wednesday => new("周三", "Wed"),
        IsoDayOfWeek.Thursday => new("周四", "Thu"),
        IsoDayOfWeek.Friday => new("周五", "Fri"),
        IsoDayOfWeek.Saturday => new("周六", "Sat"),
        _ => new("周日", "Sun"),
    };

    /// <summary>A length of time in its largest two units, days from 48 hours up: <c>2 d 4 h</c>, <c>24 h</c>, <c>5 h 20 min</c>.</summary>
    public static LocalizedText Length(Duration duration)
    {
        long minutes = (long)Math.Floor(Math.Abs(duration.TotalMinutes));
        bool inDays = minutes >= 48 * 60;
        long days = inDays ? minutes / (24 * 60) : 0, hours = inDays ? minutes / 60 % 24 : minutes / 60, mins = minutes % 60;
        return days > 0
            ? new(hours > 0 ? $"{days} 天 {hours} 小时" : $"{days} 天", hours > 0 ? $"{days} d {hours} h" : $"{days} d")
            : hours > 0
                ? new(mins > 0 ? $"{hours} 小时 {mins} 分钟" : $"{hours} 小时", mins > 0 ? $"{hours} h {mins} min" : $"{hours} h")
                : new($"{mins} 分钟", $"{mins} min");
    }
}
