using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Customers;

/// <summary>
/// The customer CSV schema (documented in README.md): column names, the text forms of the
/// enumerations, and the formats shared by the reader and the generator.
/// </summary>
/// <remarks>
/// Plain comma-separated values, no quoting: no value in the schema can contain a comma, a quote or
/// a line break. A row that contains a quote is reported as bad rather than guessed at.
/// </remarks>
internal static class CustomerCsv
{
    /// <summary>The column names of the header row.</summary>
    public static class Column
    {
        public const string CustomerId = "customer_id";
        public const string LastVisit = "last_visit";
        public const string AppOpensPerMonth = "app_opens_per_month";
        public const string CancellationRate = "cancellation_rate";
        public const string Satisfaction = "satisfaction";
        public const string ServiceInquiries = "service_inquiries";
        public const string AnnualSpend = "annual_spend";
        public const string Complaints = "complaints";
        public const string SocialInfluence = "social_influence";
        public const string ChurnReason = "churn_reason";
        public const string Stickiness = "stickiness";
        public const string LostExceptions = "lost_exceptions";
    }

    /// <summary>Separates the names in <see cref="Column.LostExceptions"/> (a comma would split the row).</summary>
    public const char ListSeparator = '|';

    /// <summary>Every column, in the order the generator writes them. The reader accepts any order.</summary>
    public static IReadOnlyList<string> AllColumns { get; } =
    [
        Column.CustomerId, Column.LastVisit, Column.AppOpensPerMonth, Column.CancellationRate, Column.Satisfaction,
        Column.ServiceInquiries, Column.AnnualSpend, Column.Complaints, Column.SocialInfluence, Column.ChurnReason,
        Column.Stickiness, Column.LostExceptions,
    ];

    /// <summary>Dates are ISO calendar dates: <c>yyyy-MM-dd</c>.</summary>
    public static LocalDatePattern DatePattern { get; } = LocalDatePattern.Iso;

    public static IReadOnlyDictionary<string, ChurnReason> ChurnReasons { get; } = new Dictionary<string, ChurnReason>(StringComparer.Ordinal)
    {
        ["Price"] = ChurnReason.Price,
        ["ServiceExperience"] = ChurnReason.ServiceExperience,
        ["Inconvenience"] = ChurnReason.Inconvenience,
        ["MovedOrChangedCar"] = ChurnReason.MovedOrChangedCar,
        ["Other"] = ChurnReason.Other,
    };

    public static IReadOnlyDictionary<string, Stickiness> StickinessLevels { get; } = new Dictionary<string, Stickiness>(StringComparer.Ordinal)
    {
        ["Low"] = Stickiness.Low,
        ["Medium"] = Stickiness.Medium,
        ["High"] = Stickiness.High,
    };

    public static IReadOnlyDictionary<string, LostCustomerExceptions> LostExceptionNames { get; } = new Dictionary<string, LostCustomerExceptions>(StringComparer.Ordinal)
    {
        ["CustomerContactedStore"] = LostCustomerExceptions.CustomerContactedStore,
        ["CompetitorClosed"] = LostCustomerExceptions.CompetitorClosed,
        ["MovedBack"] = LostCustomerExceptions.MovedBack,
    };

    /// <summary>The column that holds a signal, for reporting the library's per-record problems.</summary>
    public static string ColumnOf(SignalField field) => field switch
    {
        SignalField.LastVisit => Column.LastVisit,
        SignalField.AppOpensPerMonth => Column.AppOpensPerMonth,
        SignalField.CancellationRate => Column.CancellationRate,
        SignalField.Satisfaction => Column.Satisfaction,
        SignalField.ServiceInquiries => Column.ServiceInquiries,
        SignalField.AnnualSpend => Column.AnnualSpend,
        SignalField.Complaints => Column.Complaints,
        _ => field.ToString(),
    };

    public static string FormatDate(LocalDate date) => DatePattern.Format(date);

    public static string FormatNumber(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string FormatMoney(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string FormatInteger(int value) => value.ToString(CultureInfo.InvariantCulture);
}
