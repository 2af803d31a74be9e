using System;

namespace Retention.Nps;

/// <summary>The response-time effect table (spec: nps.md section 6): expected recovery success by how soon the store first responded.</summary>
public sealed class ResponseTimeEffectOptions
{
    /// <summary>First response within this counts as fast. The default value is 6 hours.</summary>
    public TimeSpan FastWithin { get; set; } = TimeSpan.FromHours(6);

    /// <summary>First response within this (and after <see cref="FastWithin"/>) counts as same-day. The default value is 24 hours.</summary>
    public TimeSpan SameDayWithin { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Expected success after a fast response, in [0, 1]. The default value is 0.85.</summary>
    public double FastSuccess { get; set; } = 0.85;

    /// <summary>Expected success after a same-day response. The default value is 0.65.</summary>
    public double SameDaySuccess { get; set; } = 0.65;

    /// <summary>Expected success after a later response (and falling fast). The default value is 0.40.</summary>
    public double LateSuccess { get; set; } = 0.40;
}

/// <summary>Emotion early warning during a visit, before any survey (spec: nps.md section 9).</summary>
public sealed class EmotionWarningOptions
{
    /// <summary>Minutes beyond the promised time from which waiting raises a yellow warning, at least 1. The default value is 30.</summary>
    public int WaitingBeyondPromiseMinutes { get; set; } = 30;

    /// <summary>Progress questions from which an orange warning is raised, at least 1. The default value is 2.</summary>
    public int ProgressQuestions { get; set; } = 2;
}

/// <summary>The level of an emotion early warning. Ordered by severity.</summary>
public enum EmotionLevel
{
    /// <summary>No warning.</summary>
    None = 0,

    /// <summary>Waiting well beyond the promised time.</summary>
    Yellow = 1,

    /// <summary>Asking about progress repeatedly.</summary>
    Orange = 2,

    /// <summary>Angry words.</summary>
    Red = 3,
}

/// <summary>What the store sees of a customer during a visit.</summary>
/// <param name="MinutesBeyondPromise">Minutes the customer has waited beyond the promised time, at least 0.</param>
/// <param name="ProgressQuestions">How many times the customer asked about progress, at least 0.</param>
/// <param name="AngryWords">Whether the customer used angry words.</param>
public readonly record struct VisitMood(int MinutesBeyondPromise, int ProgressQuestions, bool AngryWords);
