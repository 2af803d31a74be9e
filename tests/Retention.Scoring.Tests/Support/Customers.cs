using System;
using System.Linq;
using System.Text.RegularExpressions;
using NodaTime;

namespace Retention.Scoring.Tests.Support;

/// <summary>Hand-made customers and shared fixtures for the facts.</summary>
internal static class Customers
{
    /// <summary>The as-of date the facts score for.</summary>
    public static readonly LocalDate AsOf = new(2026, 6, 30);

    /// <summary>A scorer, valuation, planner with the spec's defaults.</summary>
    public static readonly RiskScorer Scorer = new(new ScoringOptions());

    public static readonly CustomerValuation Valuation = new(new ScoringOptions());

    public static readonly RecoveryPlanner Planner = new(new ScoringOptions());

    /// <summary>The worked example of scoring.md section 2: days 120, app opens 0.5, cancellation 30 %, satisfaction 7, no inquiries.</summary>
    public static CustomerSignals WorkedExample => new()
    {
        LastVisit = AsOf.PlusDays(-120),
        AppOpensPerMonth = 0.5,
        CancellationRate = 0.30,
        Satisfaction = 7,
        ServiceInquiries = 0,
        AnnualSpend = 3000m,
    };

    /// <summary>A customer who is fine on every signal but days away: app 5 opens, no cancellations, satisfaction 10, 2 inquiries.</summary>
    public static CustomerSignals Content(int daysAway, decimal annualSpend = 3000m) => new()
    {
        LastVisit = AsOf.PlusDays(-daysAway),
        AppOpensPerMonth = 5,
        CancellationRate = 0,
        Satisfaction = 10,
        ServiceInquiries = 2,
        AnnualSpend = annualSpend,
    };

    /// <summary>A customer at the worst on every signal but days away: 70 points plus the days term.</summary>
    public static CustomerSignals Unhappy(int daysAway, decimal annualSpend = 3000m) => new()
    {
        LastVisit = AsOf.PlusDays(-daysAway),
        AppOpensPerMonth = 0,
        CancellationRate = 1,
        Satisfaction = 0,
        ServiceInquiries = 0,
        AnnualSpend = annualSpend,
    };

    private static readonly Regex Cjk = new(@"\p{IsCJKUnifiedIdeographs}", RegexOptions.CultureInvariant);

    /// <summary>Whether the text holds at least one CJK ideograph.</summary>
    public static bool HasCjk(string text) => Cjk.IsMatch(text);

    /// <summary>Whether the text holds no CJK ideograph (English text).</summary>
    public static bool IsLatin(string text) => !Cjk.IsMatch(text) && text.Any(char.IsAsciiLetter);

    /// <summary>Bit-for-bit equality of two doubles (NaN equals NaN of the same payload).</summary>
    public static bool SameBits(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
}
