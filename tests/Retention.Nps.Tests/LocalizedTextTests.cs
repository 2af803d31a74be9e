using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Retention.Nps.Tests.Support;
using Xunit;
using static Retention.Nps.Tests.Support.Fixtures;

namespace Retention.Nps.Tests;

/// <summary>Conventions: all user-facing text (actions, reasons, guidance) exists in zh-CN and en.</summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
public class LocalizedTextTests
{
    private static IEnumerable<(string What, LocalizedText Text)> EveryText(NpsOptions options)
    {
        var alerter = new LowScoreAlerter(options);
        var grader = new DetractorGrader(options);
        var playbook = new RescuePlaybook(options);
        for (int score = 0; score <= 10; score++)
        {
            yield return ($"alert {score}", alerter.Evaluate(score, AnsweredAt).Action);
            foreach (var (p, s, h) in new[] { (false, false, false), (true, false, false), (false, true, false), (false, false, true) })
            {
                if (grader.Grade(new DetractorCase(score, AnsweredAt, p, s, h)) is { } grading)
                {
                    yield return ($"grade {score} {p} {s} {h}", grading.Reason);
                }
            }
        }

        foreach (var grade in Enum.GetValues<DetractorGrade>())
        {
            yield return ($"approval {grade} within", grader.ApprovalFor(grade, 0m).Reason);
            yield return ($"approval {grade} above", grader.ApprovalFor(grade, grader.AuthorityOf(grade) + 1m).Reason);
        }

        foreach (var c in Enum.GetValues<NpsClass>())
        {
            yield return ($"next action {c}", playbook.NextAction(c).Text);
        }

        foreach (var w in playbook.Timeline(AnsweredAt))
        {
            yield return ($"timeline {w.Step}", w.What);
        }

        foreach (var r in Enum.GetValues<Responsibility>())
        {
            yield return ($"responsibility {r}", RescueGuidance.For(r));
        }

        foreach (var l in Enum.GetValues<CompensationLayer>())
        {
            yield return ($"layer {l}", RescueGuidance.For(l));
        }

        foreach (var e in Enum.GetValues<EmotionLevel>())
        {
            yield return ($"emotion {e}", RescueGuidance.For(e));
        }

        foreach (var s in Enum.GetValues<RescueStep>())
        {
            yield return ($"step {s}", RescueGuidance.For(s));
        }

        foreach (var d in new[] { 0.0, 0.4, 0.65, 0.85, 1.0 })
        {
            yield return ($"expected success {d}", RescueGuidance.ForExpectedSuccess(d));
        }

        yield return ("SMART promise", RescueGuidance.SmartPromise);
    }

    [Fact]
    public void Every_text_with_the_default_options_is_non_empty_in_both_locales_with_CJK_in_zh_CN()
    {
        var texts = EveryText(new NpsOptions()).ToArray();

        Assert.True(texts.Length > 60, $"only {texts.Length} texts");
        foreach (var (what, text) in texts)
        {
            AssertBothLocales(text, what);
        }
    }

    [Fact]
    public void Distinct_situations_get_distinct_texts()
    {
        var steps = Enum.GetValues<RescueStep>().Select(s => RescueGuidance.For(s)).ToArray();
        var emotions = Enum.GetValues<EmotionLevel>().Select(e => RescueGuidance.For(e)).ToArray();

        Assert.Equal(steps.Length, steps.Select(t => t.ZhCn).Distinct().Count());
        Assert.Equal(steps.Length, steps.Select(t => t.En).Distinct().Count());
        Assert.Equal(emotions.Length, emotions.Select(t => t.ZhCn).Distinct().Count());
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("zh", true)]
    [InlineData("ZH-tw", true)]
    [InlineData("en", false)]
    [InlineData("en-GB", false)]
    [InlineData("fr-FR", false)]
    [InlineData("", false)]
    public void Get_returns_Chinese_for_zh_cultures_and_English_otherwise(string locale, bool chinese)
    {
        var text = new LocalizedText("中文", "English");

        Assert.Equal(chinese ? "中文" : "English", text.Get(locale));
        Assert.Throws<ArgumentNullException>(() => text.Get(null!));
    }

    [Property]
    public void Every_text_with_any_valid_options_is_non_empty_in_both_locales(ValidOptions o)
    {
        foreach (var (what, text) in EveryText(o.Options))
        {
            AssertBothLocales(text, what);
        }
    }
}
