using System;
using FsCheck.Xunit;
using Retention.Nps.Tests.Support;
using Xunit;
using static Retention.Nps.Tests.Support.Fixtures;

namespace Retention.Nps.Tests;

/// <summary>Spec section 9: waiting 30 minutes beyond the promise is Yellow, asking about progress 2 or more times Orange, angry words Red.</summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
public class EmotionEarlyWarningTests
{
    [Theory]
    [InlineData(0, 0, false, EmotionLevel.None)]
    [InlineData(29, 0, false, EmotionLevel.None)]
    [InlineData(30, 0, false, EmotionLevel.Yellow)]
    [InlineData(90, 1, false, EmotionLevel.Yellow)]
    [InlineData(0, 1, false, EmotionLevel.None)]
    [InlineData(0, 2, false, EmotionLevel.Orange)]
    [InlineData(29, 5, false, EmotionLevel.Orange)]
    [InlineData(45, 2, false, EmotionLevel.Orange)]
    [InlineData(0, 0, true, EmotionLevel.Red)]
    [InlineData(120, 6, true, EmotionLevel.Red)]
    public void The_most_severe_signal_wins(int minutesBeyondPromise, int progressQuestions, bool angryWords, EmotionLevel expected)
    {
        Assert.Equal(expected, Playbook.EmotionLevelOf(new VisitMood(minutesBeyondPromise, progressQuestions, angryWords)));
    }

    [Fact]
    public void Negative_counts_are_bad_input_naming_the_argument()
    {
        Assert.Equal("mood", Assert.Throws<ArgumentOutOfRangeException>(() => Playbook.EmotionLevelOf(new VisitMood(-1, 0, false))).ParamName);
        Assert.Equal("mood", Assert.Throws<ArgumentOutOfRangeException>(() => Playbook.EmotionLevelOf(new VisitMood(0, -1, true))).ParamName);
    }

    [Fact]
    public void Configured_thresholds_apply()
    {
        var options = new NpsOptions();
        options.EmotionWarning.WaitingBeyondPromiseMinutes = 15;
        options.EmotionWarning.ProgressQuestions = 3;
        var playbook = new RescuePlaybook(options);

        Assert.Equal(EmotionLevel.Yellow, playbook.EmotionLevelOf(new VisitMood(15, 2, false)));
        Assert.Equal(EmotionLevel.Orange, playbook.EmotionLevelOf(new VisitMood(0, 3, false)));
    }

    [Fact]
    public void Each_level_comes_with_guidance_the_more_severe_the_more_senior()
    {
        Assert.Contains("as usual", RescueGuidance.For(EmotionLevel.None).En, StringComparison.Ordinal);
        Assert.Contains("apologise", RescueGuidance.For(EmotionLevel.Yellow).En, StringComparison.Ordinal);
        Assert.Contains("supervisor", RescueGuidance.For(EmotionLevel.Orange).En, StringComparison.Ordinal);
        Assert.Contains("service manager", RescueGuidance.For(EmotionLevel.Red).En, StringComparison.Ordinal);
    }

    [Property]
    public void More_waiting_more_questions_or_angry_words_never_make_the_level_milder(ValidOptions o, byte minutes, byte questions, bool angry)
    {
        var playbook = new RescuePlaybook(o.Options);
        var level = playbook.EmotionLevelOf(new VisitMood(minutes, questions % 8, angry));

        Assert.True(playbook.EmotionLevelOf(new VisitMood(minutes + 1, questions % 8, angry)) >= level);
        Assert.True(playbook.EmotionLevelOf(new VisitMood(minutes, (questions % 8) + 1, angry)) >= level);
        Assert.Equal(EmotionLevel.Red, playbook.EmotionLevelOf(new VisitMood(minutes, questions % 8, true)));
    }
}
