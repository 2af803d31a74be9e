using System;
using FsCheck.Xunit;
using Retention.Nps.Tests.Support;
using Xunit;
using static Retention.Nps.Tests.Support.Fixtures;

namespace Retention.Nps.Tests;

/// <summary>Spec section 1: promoter 9-10, passive 7-8, detractor 0-6; anything but a whole number 0..10 is bad input.</summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
public class ClassificationTests
{
    [Theory]
    [InlineData(0, NpsClass.Detractor)]
    [InlineData(3, NpsClass.Detractor)]
    [InlineData(6, NpsClass.Detractor)]
    [InlineData(7, NpsClass.Passive)]
    [InlineData(8, NpsClass.Passive)]
    [InlineData(9, NpsClass.Promoter)]
    [InlineData(10, NpsClass.Promoter)]
    public void Scores_0_to_6_are_detractors_7_and_8_passives_9_and_10_promoters(int score, NpsClass expected)
    {
        Assert.Equal(expected, NpsClassifier.Standard.Classify(score));
        Assert.Equal(expected, Calculator.Classify(score));
    }

    [Fact]
    public void Every_score_from_0_to_10_is_valid_and_has_exactly_the_class_of_the_table()
    {
        var expected = new[] { 'D', 'D', 'D', 'D', 'D', 'D', 'D', 'P', 'P', 'R', 'R' };
        for (int score = 0; score <= 10; score++)
        {
            Assert.True(NpsClassifier.IsValidScore(score));
            char actual = Calculator.Classify(score) switch { NpsClass.Detractor => 'D', NpsClass.Passive => 'P', _ => 'R' };
            Assert.Equal(expected[score], actual);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void A_score_outside_0_to_10_is_bad_input_naming_the_argument(int score)
    {
        Assert.False(NpsClassifier.IsValidScore(score));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NpsClassifier.Standard.Classify(score));
        Assert.Equal("score", e.ParamName);
        Assert.Equal(score, e.ActualValue);
        Assert.Equal("score", Assert.Throws<ArgumentOutOfRangeException>(() => Calculator.Classify(score)).ParamName);
    }

    [Fact]
    public void The_standard_classifier_has_the_spec_bounds_and_the_calculator_uses_them()
    {
        Assert.Equal((7, 9), (NpsClassifier.Standard.PassiveFrom, NpsClassifier.Standard.PromoterFrom));
        Assert.Equal((7, 9), (Calculator.Classes.PassiveFrom, Calculator.Classes.PromoterFrom));
    }

    [Fact]
    public void Configured_bounds_move_the_classes()
    {
        var calculator = new NpsCalculator(new NpsOptions { PassiveFrom = 8, PromoterFrom = 10 });

        Assert.Equal(NpsClass.Detractor, calculator.Classify(7));
        Assert.Equal(NpsClass.Passive, calculator.Classify(9));
        Assert.Equal(NpsClass.Promoter, calculator.Classify(10));
    }

    [Theory]
    [InlineData(0, 9, "passiveFrom")]
    [InlineData(11, 12, "passiveFrom")]
    [InlineData(7, 7, "promoterFrom")]
    [InlineData(7, 6, "promoterFrom")]
    [InlineData(7, 11, "promoterFrom")]
    public void A_classifier_with_bounds_out_of_order_or_range_is_rejected_naming_the_bound(int passiveFrom, int promoterFrom, string param)
    {
        Assert.Equal(param, Assert.Throws<ArgumentOutOfRangeException>(() => new NpsClassifier(passiveFrom, promoterFrom)).ParamName);
    }

    [Property]
    public void Classes_never_get_happier_as_the_score_falls(ValidOptions o, AnswerScore s)
    {
        var calculator = new NpsCalculator(o.Options);
        if (s.Value > 0)
        {
            Assert.True(calculator.Classify(s.Value - 1) <= calculator.Classify(s.Value));
        }

        Assert.Equal(NpsClass.Detractor, calculator.Classify(0));
        Assert.Equal(NpsClass.Promoter, calculator.Classify(10));
    }
}
