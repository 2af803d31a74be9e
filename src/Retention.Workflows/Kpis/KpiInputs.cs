using System;
using NodaTime;

namespace Retention.Workflows;

/// <summary>
/// The money behind the recovery ROI of a period (spec section 8; playbook example: 50 recovered, 30 Yellow / 15 Orange /
/// 5 Red, cost 12000 / 18000 / 15000, 3-year value 300000, ROI 566.7 %).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RecoveryRoiFigures
{
    /// <summary>Creates the figures.</summary>
    /// <param name="recoveredYellow">Customers recovered from Yellow, at least 0.</param>
    /// <param name="recoveredOrange">Customers recovered from Orange, at least 0.</param>
    /// <param name="recoveredRed">Customers recovered from Red, at least 0.</param>
    /// <param name="costYellow">What the Yellow recoveries cost, at least 0.</param>
    /// <param name="costOrange">What the Orange recoveries cost, at least 0.</param>
    /// <param name="costRed">What the Red recoveries cost, at least 0.</param>
    /// <param name="recoveredValue">The recovered customers' value over the horizon (3 years), at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A figure is negative.</exception>
    public RecoveryRoiFigures(int recoveredYellow, int recoveredOrange, int recoveredRed, decimal costYellow, decimal costOrange, decimal costRed, decimal recoveredValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recoveredYellow);
        ArgumentOutOfRangeException.ThrowIfNegative(recoveredOrange);
        ArgumentOutOfRangeException.ThrowIfNegative(recoveredRed);
        ArgumentOutOfRangeException.ThrowIfNegative(costYellow);
        ArgumentOutOfRangeException.ThrowIfNegative(costOrange);
        ArgumentOutOfRangeException.ThrowIfNegative(costRed);
        ArgumentOutOfRangeException.ThrowIfNegative(recoveredValue);
        RecoveredYellow = recoveredYellow;
        RecoveredOrange = recoveredOrange;
        RecoveredRed = recoveredRed;
        CostYellow = costYellow;
        CostOrange = costOrange;
        CostRed = costRed;
        RecoveredValue = recoveredValue;
    }

    /// <summary>Customers recovered from Yellow.</summary>
    public int RecoveredYellow { get; }

    /// <summary>Customers recovered from Orange.</summary>
    public int RecoveredOrange { get; }

    /// <summary>Customers recovered from Red.</summary>
    public int RecoveredRed { get; }

    /// <summary>What the Yellow recoveries cost.</summary>
    public decimal CostYellow { get; }

    /// <summary>What the Orange recoveries cost.</summary>
    public decimal CostOrange { get; }

    /// <summary>What the Red recoveries cost.</summary>
    public decimal CostRed { get; }

    /// <summary>The recovered customers' value over the horizon.</summary>
    public decimal RecoveredValue { get; }

    /// <summary>All recovered customers.</summary>
    public int Recovered => RecoveredYellow + RecoveredOrange + RecoveredRed;

    /// <summary>The total cost.</summary>
    public decimal Cost => CostYellow + CostOrange + CostRed;

    /// <summary>(value - cost) / cost as a fraction (5.667 is 566.7 %), or <see langword="null"/> when nothing was spent.</summary>
    public decimal? Roi => Cost == 0 ? null : (RecoveredValue - Cost) / Cost;
}

/// <summary>Counts behind the year-on-year churn KPI: churn rate this year against last year.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ChurnFigures
{
    /// <summary>Creates the figures.</summary>
    /// <param name="customersLastYear">Customers in the base a year ago, at least 0.</param>
    /// <param name="churnedLastYear">Of them, how many churned in that year; from 0 to <paramref name="customersLastYear"/>.</param>
    /// <param name="customersThisYear">Customers in the base at the start of this year's period, at least 0.</param>
    /// <param name="churnedThisYear">Of them, how many churned; from 0 to <paramref name="customersThisYear"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or more churned than there were.</exception>
    public ChurnFigures(int customersLastYear, int churnedLastYear, int customersThisYear, int churnedThisYear)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(customersLastYear);
        ArgumentOutOfRangeException.ThrowIfNegative(customersThisYear);
        if (churnedLastYear < 0 || churnedLastYear > customersLastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(churnedLastYear), churnedLastYear, "Must be from 0 to the customers of last year.");
        }

        if (churnedThisYear < 0 || churnedThisYear > customersThisYear)
        {
            throw new ArgumentOutOfRangeException(nameof(churnedThisYear), churnedThisYear, "Must be from 0 to the customers of this year.");
        }

        CustomersLastYear = customersLastYear;
        ChurnedLastYear = churnedLastYear;
        CustomersThisYear = customersThisYear;
        ChurnedThisYear = churnedThisYear;
    }

    /// <summary>Customers a year ago.</summary>
    public int CustomersLastYear { get; }

    /// <summary>Churned of them.</summary>
    public int ChurnedLastYear { get; }

    /// <summary>Customers this year.</summary>
    public int CustomersThisYear { get; }

    /// <summary>Churned of them.</summary>
    public int ChurnedThisYear { get; }
}

/// <summary>Recovered customers checked three months after their recovery, for the still-active KPI.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RecoveredActivityFigures
{
    /// <summary>Creates the figures.</summary>
    /// <param name="recoveredThreeMonthsAgo">Customers recovered at least three months before the check, at least 0.</param>
    /// <param name="stillActive">Of them, how many are still active (came back for service since); from 0 to <paramref name="recoveredThreeMonthsAgo"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public RecoveredActivityFigures(int recoveredThreeMonthsAgo, int stillActive)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recoveredThreeMonthsAgo);
        if (stillActive < 0 || stillActive > recoveredThreeMonthsAgo)
        {
            throw new ArgumentOutOfRangeException(nameof(stillActive), stillActive, "Must be from 0 to the recovered customers.");
        }

        RecoveredThreeMonthsAgo = recoveredThreeMonthsAgo;
        StillActive = stillActive;
    }

    /// <summary>Customers recovered at least three months before.</summary>
    public int RecoveredThreeMonthsAgo { get; }

    /// <summary>Of them, still active.</summary>
    public int StillActive { get; }
}

/// <summary>Aggregate follow-up figures of a period that individual follow-ups do not hold.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FollowUpFigures
{
    /// <summary>Creates the figures; any part may be unknown (<see langword="null"/>), and its KPI then says no data.</summary>
    /// <param name="npsBefore">The NPS (-100 to 100) of the followed-up customers before the follow-up.</param>
    /// <param name="npsAfter">Their NPS (-100 to 100) after it.</param>
    /// <param name="promoters">Promoters in the period, at least 0.</param>
    /// <param name="promotersWhoReferred">Of them, how many actually referred someone; from 0 to <paramref name="promoters"/>.</param>
    /// <param name="revenue">Revenue attributed to the follow-ups, at least 0.</param>
    /// <param name="cost">What the follow-ups cost, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A figure is out of range.</exception>
    public FollowUpFigures(double? npsBefore = null, double? npsAfter = null, int? promoters = null, int? promotersWhoReferred = null, decimal? revenue = null, decimal? cost = null)
    {
        if (npsBefore is { } b && !(b >= -100 && b <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(npsBefore), npsBefore, "An NPS is from -100 to 100.");
        }

        if (npsAfter is { } a && !(a >= -100 && a <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(npsAfter), npsAfter, "An NPS is from -100 to 100.");
        }

        if (promoters is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(promoters), promoters, "Must be at least 0.");
        }

        if (promotersWhoReferred is { } r && (r < 0 || r > (promoters ?? int.MaxValue)))
        {
            throw new ArgumentOutOfRangeException(nameof(promotersWhoReferred), promotersWhoReferred, "Must be from 0 to the promoters.");
        }

        if (revenue is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(revenue), revenue, "Must be at least 0.");
        }

        if (cost is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, "Must be at least 0.");
        }

        NpsBefore = npsBefore;
        NpsAfter = npsAfter;
        Promoters = promoters;
        PromotersWhoReferred = promotersWhoReferred;
        Revenue = revenue;
        Cost = cost;
    }

    /// <summary>The NPS before the follow-up, or <see langword="null"/>.</summary>
    public double? NpsBefore { get; }

    /// <summary>The NPS after the follow-up, or <see langword="null"/>.</summary>
    public double? NpsAfter { get; }

    /// <summary>Promoters, or <see langword="null"/>.</summary>
    public int? Promoters { get; }

    /// <summary>Promoters who referred someone, or <see langword="null"/>.</summary>
    public int? PromotersWhoReferred { get; }

    /// <summary>Revenue attributed to the follow-ups, or <see langword="null"/>.</summary>
    public decimal? Revenue { get; }

    /// <summary>What the follow-ups cost, or <see langword="null"/>.</summary>
    public decimal? Cost { get; }
}

/// <summary>The aggregate inputs of the review that workflow instances do not hold; each part may be missing.</summary>
/// <param name="Roi">The recovery money, or <see langword="null"/>.</param>
/// <param name="Activity">The three-month activity check, or <see langword="null"/>.</param>
/// <param name="Churn">The churn counts year on year, or <see langword="null"/>.</param>
/// <param name="FollowUp">The follow-up figures, or <see langword="null"/>.</param>
public sealed record KpiFigures(RecoveryRoiFigures? Roi = null, RecoveredActivityFigures? Activity = null, ChurnFigures? Churn = null, FollowUpFigures? FollowUp = null)
{
    /// <summary>No figures.</summary>
    public static KpiFigures None { get; } = new();
}

/// <summary>One service visit and its follow-up, for the follow-up KPIs. Checked by the KPI computation (bad records are reported by index).</summary>
/// <param name="VisitEndedAt">When the visit ended.</param>
/// <param name="FirstFollowUpAt">When the first follow-up was made (call or message), or <see langword="null"/> when not yet.</param>
/// <param name="Answered">Whether the customer answered the follow-up (needs <paramref name="FirstFollowUpAt"/>).</param>
/// <param name="ProblemFound">Whether the follow-up found a problem (needs <paramref name="Answered"/>).</param>
/// <param name="ProblemSolved">Whether that problem was solved (needs <paramref name="ProblemFound"/>).</param>
/// <param name="Problem">The problem's category (for the top problems), or <see langword="null"/>.</param>
public readonly record struct FollowUpCase(Instant VisitEndedAt, Instant? FirstFollowUpAt, bool Answered = false, bool ProblemFound = false, bool ProblemSolved = false, string? Problem = null);
