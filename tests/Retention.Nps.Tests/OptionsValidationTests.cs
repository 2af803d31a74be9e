using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;
using NodaTime;
using Retention.Nps.Tests.Support;
using Xunit;
using static Retention.Nps.Tests.Support.Fixtures;

namespace Retention.Nps.Tests;

/// <summary>
/// Conventions (README): every threshold, window, role and authority is an option with the listed default,
/// validated at start-up; nonsense is rejected by every constructor with a message naming the option.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
public class OptionsValidationTests
{
    [Fact]
    public void Defaults_are_valid_and_are_the_spec_values()
    {
        var o = new NpsOptions();

        Assert.Empty(NpsOptionsValidator.Collect(o));
        Assert.True(new NpsOptionsValidator().Validate(null, o).Succeeded);
        Assert.Equal((7, 9, 1.96), (o.PassiveFrom, o.PromoterFrom, o.ConfidenceZ));
        Assert.Equal((3, 6, 7), (o.Alerts.RedUpTo, o.Alerts.YellowUpTo, o.Alerts.OrangeUpTo));
        Assert.Equal((3, 5), (o.Grades.SUpTo, o.Grades.AUpTo));
        Assert.Equal(
            new[] { 2.0, 4, 8, 12, 72, 24 },
            new[] { o.Rescue.IdentifyBy, o.Rescue.FirstContactBy, o.Rescue.InvestigateBy, o.Rescue.SolutionBy, o.Rescue.ExecuteBy, o.Rescue.ExecutionStartsWithin }.Select(t => t.TotalHours));
        Assert.Equal((6.0, 24.0, 0.85, 0.65, 0.40), (o.ResponseTimeEffect.FastWithin.TotalHours, o.ResponseTimeEffect.SameDayWithin.TotalHours, o.ResponseTimeEffect.FastSuccess, o.ResponseTimeEffect.SameDaySuccess, o.ResponseTimeEffect.LateSuccess));
        Assert.Equal((30, 2), (o.EmotionWarning.WaitingBeyondPromiseMinutes, o.EmotionWarning.ProgressQuestions));
        Assert.Equal(TimeSpan.FromHours(24), o.DetractorSupervisorContactWithin);
        Assert.Equal("Retention:Nps", NpsOptions.SectionName);
    }

    public static TheoryData<string> BreakerNames => new(Gens.Breakers.Select(b => b.What));

    [Theory]
    [MemberData(nameof(BreakerNames))]
    public void Each_broken_default_is_rejected_naming_the_option(string what)
    {
        var (_, path, breakIt) = Gens.Breakers.Single(b => b.What == what);
        var options = new NpsOptions();
        breakIt(options);

        var result = new NpsOptionsValidator().Validate(Options.DefaultName, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(path + ":", StringComparison.Ordinal));
        AssertConstructorsReject(options, path);
    }

    [Fact]
    public void Every_problem_is_listed_not_just_the_first()
    {
        var options = new NpsOptions { ConfidenceZ = 0 };
        options.Alerts.YellowUpTo = 3;
        options.Grades.S.CompensationAuthority = 100m;

        var errors = NpsOptionsValidator.Collect(options);

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("ConfidenceZ: must be a finite number > 0 (was 0)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Alerts.YellowUpTo: must be greater than Alerts.RedUpTo (3) (was 3)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Grades.S.CompensationAuthority: must be at least the milder grade's authority (2000) (was 100)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_section_is_rejected_naming_it()
    {
        var options = new NpsOptions { ResponseTimeEffect = null!, EmotionWarning = null! };

        var errors = NpsOptionsValidator.Collect(options);

        Assert.Contains("ResponseTimeEffect: is missing (null).", errors);
        Assert.Contains("EmotionWarning: is missing (null).", errors);
        Assert.Throws<OptionsValidationException>(() => new RescuePlaybook(options));
    }

    [Fact]
    public void Null_options_are_bad_input()
    {
        Assert.Throws<ArgumentNullException>(() => NpsOptionsValidator.Collect(null!));
        Assert.Throws<ArgumentNullException>(() => new NpsCalculator((NpsOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new NpsCalculator((IOptions<NpsOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => new LowScoreAlerter((NpsOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new DetractorGrader((IOptions<NpsOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => new RescuePlaybook((NpsOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new RescueStatistics((IOptions<NpsOptions>)null!));
    }

    [Fact]
    public void Options_changed_after_the_types_are_built_do_not_change_them()
    {
        var options = new NpsOptions();
        var calculator = new NpsCalculator(options);
        var alerter = new LowScoreAlerter(options);
        var grader = new DetractorGrader(options);
        var playbook = new RescuePlaybook(options);
        var statistics = new RescueStatistics(options);

        options.PassiveFrom = 5;
        options.ConfidenceZ = 3;
        options.Alerts.RedUpTo = 0;
        options.Alerts.Red.RespondWithin = TimeSpan.FromHours(9);
        options.Grades.B.CompensationAuthority = 100m;
        options.Rescue.IdentifyBy = TimeSpan.FromMinutes(5);
        options.ResponseTimeEffect.FastSuccess = 1;
        options.ResponseTimeEffect.SameDayWithin = TimeSpan.FromHours(48);

        Assert.Equal(NpsClass.Detractor, calculator.Classify(6));
        Assert.Equal(1.96, calculator.Compute(new[] { 9, 0 }).Z);
        Assert.Equal(AlertLevel.Red, alerter.LevelOf(3));
        Assert.Equal(AnsweredAt + Duration.FromHours(2), alerter.Evaluate(1, AnsweredAt).Deadline);
        Assert.Equal(500m, grader.AuthorityOf(DetractorGrade.B));
        Assert.Equal(AnsweredAt + Duration.FromHours(2), playbook.Timeline(AnsweredAt)[0].Due);
        Assert.Equal(0.85, playbook.ExpectedSuccess(Duration.Zero));
        var late = new RescueCase("x", AnsweredAt, 2, LowScoreReason.Other, AnsweredAt, AnsweredAt + Duration.FromHours(30), RescueOutcome.Open, false);
        Assert.Equal(0, statistics.ForMonth([late], new YearMonth(2026, 3), Shanghai).RespondedWithinWindow);
    }

    // ---- properties ----

    [Property(MaxTest = 300)]
    public void Any_valid_options_build_every_type_and_nothing_throws_on_valid_input(ValidOptions o, ValidScores s, Instant answeredAt, Duration response, RescueCases cases, bool flag)
    {
        Assert.Empty(NpsOptionsValidator.Collect(o.Options));
        var calculator = new NpsCalculator(o.Options);
        var alerter = new LowScoreAlerter(Options.Create(o.Options));
        var grader = new DetractorGrader(o.Options);
        var playbook = new RescuePlaybook(o.Options);
        var statistics = new RescueStatistics(o.Options);

        var summary = calculator.Compute(s.Scores);
        Assert.Equal(s.Scores.Length, summary.Count);
        Assert.NotNull(summary.ToString());
        var keys = s.Scores.Select(x => x % 3).ToArray();
        Assert.Equal(summary.Score, calculator.BySegment<int>(keys, s.Scores).Overall.Score);
        var answers = s.Scores.Select((x, i) => new NpsAnswer($"c{i % 5}", $"v{i % 3}", x, answeredAt + Duration.FromMinutes(i))).ToArray();
        Assert.True(calculator.Rerating(answers).CustomerVisits <= 15);
        Assert.True(NpsCalculator.LatestAnswers(answers).Count <= 15);

        for (int score = 0; score <= 10; score++)
        {
            _ = alerter.Evaluate(score, answeredAt);
            _ = grader.Grade(new DetractorCase(score, answeredAt, flag, !flag, flag));
            _ = calculator.Classify(score);
        }

        foreach (var grade in Enum.GetValues<DetractorGrade>())
        {
            _ = grader.ApprovalFor(grade, 1234.56m);
        }

        Assert.Equal(6, playbook.Timeline(answeredAt).Length);
        Assert.InRange(playbook.ExpectedSuccess(response), 0, 1);
        _ = RescueGuidance.ForExpectedSuccess(playbook.ExpectedSuccess(response));
        _ = playbook.EmotionLevelOf(new VisitMood(45, 1, flag));
        foreach (var c in Enum.GetValues<NpsClass>())
        {
            _ = playbook.NextAction(c);
        }

        var report = statistics.ForMonth(cases.Cases, new YearMonth(2026, 2), Shanghai);
        Assert.Empty(report.Problems);
    }

    [Property]
    public void Options_broken_in_one_place_are_rejected_by_every_constructor_naming_the_broken_option(BrokenOptions o)
    {
        AssertConstructorsReject(o.Options, o.Path);
    }

    private static void AssertConstructorsReject(NpsOptions options, string path)
    {
        var constructors = new (string Type, Func<object> Construct)[]
        {
            ("NpsCalculator", () => new NpsCalculator(options)),
            ("LowScoreAlerter", () => new LowScoreAlerter(options)),
            ("DetractorGrader", () => new DetractorGrader(options)),
            ("RescuePlaybook", () => new RescuePlaybook(options)),
            ("RescueStatistics", () => new RescueStatistics(options)),
            ("NpsCalculator(IOptions)", () => new NpsCalculator(Options.Create(options))),
            ("LowScoreAlerter(IOptions)", () => new LowScoreAlerter(Options.Create(options))),
            ("DetractorGrader(IOptions)", () => new DetractorGrader(Options.Create(options))),
            ("RescuePlaybook(IOptions)", () => new RescuePlaybook(Options.Create(options))),
            ("RescueStatistics(IOptions)", () => new RescueStatistics(Options.Create(options))),
        };

        foreach (var (type, construct) in constructors)
        {
            var e = Assert.Throws<OptionsValidationException>(construct);
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Contains(e.Failures, f => f.StartsWith(path + ":", StringComparison.Ordinal));
            Assert.All(e.Failures, f => Assert.True(f.StartsWith(path, StringComparison.Ordinal), $"{type}: unexpected failure '{f}' (expected only {path})"));
            Assert.Equal(typeof(NpsOptions), e.OptionsType);
        }
    }
}
