using System;
using System.Globalization;

namespace Retention.Workflows;

/// <summary>Which part of the review a KPI belongs to (spec: workflows.md section 8).</summary>
public enum KpiGroup
{
    /// <summary>Process KPIs, reviewed weekly: on time, answered, willing to talk, plan sent, booking.</summary>
    Process = 0,

    /// <summary>Result KPIs: recovery success (monthly), still active after 3 months and ROI (quarterly), churn year on year.</summary>
    Results = 1,

    /// <summary>Post-service follow-up KPIs.</summary>
    FollowUp = 2,
}

/// <summary>How a KPI's value compares with its target.</summary>
public enum KpiComparison
{
    /// <summary>Met when the value is at least the target (<c>&gt;=</c>).</summary>
    AtLeast = 0,

    /// <summary>Met when the value is above the target (<c>&gt;</c>).</summary>
    MoreThan = 1,

    /// <summary>Met when the value is from the target to the upper target, both included.</summary>
    Between = 2,
}

/// <summary>What a KPI's number means.</summary>
public enum KpiUnit
{
    /// <summary>A share or a return as a fraction: 0.8 is 80 %, 5.667 is 566.7 %.</summary>
    Percent = 0,

    /// <summary>A ratio: 5 is 5:1.</summary>
    Ratio = 1,
}

/// <summary>A KPI's target: a comparison and one or two bounds, in the KPI's unit.</summary>
/// <param name="Comparison">How the value compares.</param>
/// <param name="Value">The target (the lower bound for <see cref="KpiComparison.Between"/>).</param>
/// <param name="UpperValue">The upper bound for <see cref="KpiComparison.Between"/>; ignored otherwise.</param>
public readonly record struct KpiTarget(KpiComparison Comparison, double Value, double UpperValue = 0)
{
    /// <summary>Whether a value meets the target.</summary>
    /// <param name="value">The value, in the KPI's unit.</param>
    /// <returns><see langword="true"/> when met.</returns>
    public bool IsMetBy(double value) => Comparison switch
    {
        KpiComparison.AtLeast => value >= Value,
        KpiComparison.MoreThan => value > Value,
        _ => value >= Value && value <= UpperValue,
    };
}

/// <summary>
/// One KPI of the review: its name, value, target and whether it is met, with the counts behind it. A KPI with nothing
/// to measure has no value (<see cref="HasData"/> is <see langword="false"/>) and is neither met nor missed.
/// </summary>
/// <param name="Id">A stable id such as <c>process.booking.yellow</c>.</param>
/// <param name="Name">The name in both locales.</param>
/// <param name="Group">Where it belongs in the review.</param>
/// <param name="Unit">What the numbers mean.</param>
/// <param name="Value">The measured value in <paramref name="Unit"/>, or <see langword="null"/> when there is no data.</param>
/// <param name="Target">The target.</param>
/// <param name="Hits">How many cases met the criterion (the numerator); 0 for money-based KPIs.</param>
/// <param name="Count">How many cases were measured (the denominator; for money-based KPIs the customers or records behind them).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Kpi(string Id, LocalizedText Name, KpiGroup Group, KpiUnit Unit, double? Value, KpiTarget Target, int Hits, int Count)
{
    /// <summary>Whether there was anything to measure.</summary>
    public bool HasData => Value is not null;

    /// <summary>Whether the target is met; <see langword="null"/> when there is no data.</summary>
    public bool? Met => Value is double v ? Target.IsMetBy(v) : null;

    /// <summary>Formats a number in the KPI's unit: <c>566.7 %</c> or <c>5.2:1</c>.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text (invariant culture).</returns>
    public string Format(double value) => Unit == KpiUnit.Ratio
        ? value.ToString("0.#", CultureInfo.InvariantCulture) + ":1"
        : (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    /// <summary>Describes the KPI in English: <c>call answered: 85 % (target &gt; 80 %, met; 17 of 20)</c> or <c>... : no data (target ...)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        string target = Target.Comparison switch
        {
            KpiComparison.AtLeast => ">= " + Format(Target.Value),
            KpiComparison.MoreThan => "> " + Format(Target.Value),
            _ => Format(Target.Value) + " - " + Format(Target.UpperValue),
        };
        return Value is double v
            ? $"{Name.En}: {Format(v)} (target {target}, {(Met == true ? "met" : "missed")}; {Hits} of {Count})"
            : $"{Name.En}: no data (target {target})";
    }
}

/// <summary>A reason or problem and how often it occurred, for the weekly review.</summary>
/// <param name="Reason">The reason, such as <c>call: Refused</c> or a problem category.</param>
/// <param name="Count">How often, at least 1.</param>
public readonly record struct ReasonCount(string Reason, int Count);

/// <summary>A bad input record of a KPI computation: where it is and why; it was skipped.</summary>
/// <param name="Index">The record's zero-based index in its input.</param>
/// <param name="Message">What is wrong, in English.</param>
public readonly record struct KpiInputProblem(int Index, string Message);
