using System.Linq;
using System.Text.RegularExpressions;
using NodaTime;

namespace Retention.Nps.Tests.Support;

/// <summary>Shared fixtures for the facts: the spec's defaults and a few moments.</summary>
internal static class Fixtures
{
    /// <summary>A moment to answer at: 2026-03-10 09:00 in Shanghai (01:00 UTC).</summary>
    public static readonly Instant AnsweredAt = Instant.FromUtc(2026, 3, 10, 1, 0);

    public static readonly NpsCalculator Calculator = new(new NpsOptions());

    public static readonly LowScoreAlerter Alerter = new(new NpsOptions());

    public static readonly DetractorGrader Grader = new(new NpsOptions());

    public static readonly RescuePlaybook Playbook = new(new NpsOptions());

    public static readonly RescueStatistics Statistics = new(new NpsOptions());

    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    /// <summary>The rank of a grade from mildest (no grade, -1) to most serious (S, 2).</summary>
    public static int Rank(DetractorGrading? grading) => grading is null ? -1 : (int)grading.Grade;

    private static readonly Regex Cjk = new(@"\p{IsCJKUnifiedIdeographs}", RegexOptions.CultureInvariant);

    /// <summary>Whether the text holds at least one CJK ideograph.</summary>
    public static bool HasCjk(string text) => Cjk.IsMatch(text);

    /// <summary>Whether the text holds no CJK ideograph and some Latin letters (English text).</summary>
    public static bool IsLatin(string text) => !Cjk.IsMatch(text) && text.Any(char.IsAsciiLetter);

    /// <summary>Repeats each score the given number of times: <c>Scores((10, 4), (9, 5))</c>.</summary>
    public static int[] Scores(params (int Score, int Times)[] counts) =>
        counts.SelectMany(c => Enumerable.Repeat(c.Score, c.Times)).ToArray();

    /// <summary>The same scores in a random-looking but fixed order.</summary>
    public static int[] Shuffled(int[] scores) => scores.Select((s, i) => (s, k: (i * 7919) % 101)).OrderBy(t => t.k).Select(t => t.s).ToArray();

    public static Duration Hours(double h) => Duration.FromSeconds(h * 3600);

    public static void AssertBothLocales(LocalizedText text, string what)
    {
        Xunit.Assert.False(string.IsNullOrWhiteSpace(text.ZhCn), $"{what}: zh-CN is empty");
        Xunit.Assert.False(string.IsNullOrWhiteSpace(text.En), $"{what}: en is empty");
        Xunit.Assert.True(HasCjk(text.ZhCn), $"{what}: zh-CN has no CJK: {text.ZhCn}");
        Xunit.Assert.True(IsLatin(text.En), $"{what}: en is not English: {text.En}");
        Xunit.Assert.Equal(text.ZhCn, text.Get("zh-CN"));
        Xunit.Assert.Equal(text.En, text.Get("en"));
        Xunit.Assert.Equal(text.En, text.ToString());
    }
}
