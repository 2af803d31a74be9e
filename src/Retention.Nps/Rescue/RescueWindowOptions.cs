using System;

namespace Retention.Nps;

/// <summary>
/// The rescue procedure's "24-hour golden window" (spec: nps.md section 5): when each of the six
/// steps must be done, counted from the answer's time. Each value is the end of its step's window.
/// </summary>
public sealed class RescueWindowOptions
{
    /// <summary>Step 1, identify and grade: done by this long after the answer. The default value is 2 hours.</summary>
    public TimeSpan IdentifyBy { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Step 2, first contact and listen (LEAP). The default value is 4 hours.</summary>
    public TimeSpan FirstContactBy { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Step 3, investigate and find the root cause. The default value is 8 hours.</summary>
    public TimeSpan InvestigateBy { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Step 4, design the solution. The default value is 12 hours.</summary>
    public TimeSpan SolutionBy { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Step 5, execute and follow up. The default value is 72 hours.</summary>
    public TimeSpan ExecuteBy { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// Step 5: execution must start within this long after the answer; later than <see cref="SolutionBy"/> and not later
    /// than <see cref="ExecuteBy"/>. The default value is 24 hours.
    /// </summary>
    public TimeSpan ExecutionStartsWithin { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>The six steps of the rescue procedure.</summary>
public enum RescueStep
{
    /// <summary>Alert fired, grade set, owner assigned.</summary>
    IdentifyAndGrade = 1,

    /// <summary>Call using LEAP: Listen, Empathize, Acknowledge, Promise.</summary>
    FirstContact = 2,

    /// <summary>Facts (CCTV, work orders, timestamps, staff), responsibility, improvement.</summary>
    Investigate = 3,

    /// <summary>The three layers of compensation.</summary>
    DesignSolution = 4,

    /// <summary>Call back before the promised time, apologise in person where it matters, push progress, ask (never press) for a re-rating.</summary>
    ExecuteAndFollowUp = 5,

    /// <summary>Case review, data, system changes.</summary>
    ReviewAndImprove = 6,
}

/// <summary>One step's window in a rescue's timeline.</summary>
/// <param name="Step">The step.</param>
/// <param name="Start">When the step's window opens.</param>
/// <param name="Due">When the step must be done; <see langword="null"/> for the open-ended review step.</param>
/// <param name="What">What the step does, in both locales.</param>
public readonly record struct RescueStepWindow(RescueStep Step, NodaTime.Instant Start, NodaTime.Instant? Due, LocalizedText What);
