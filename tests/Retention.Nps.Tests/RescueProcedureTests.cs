using System;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Retention.Nps.Tests.Support;
using Xunit;
using static Retention.Nps.Tests.Support.Fixtures;

namespace Retention.Nps.Tests;

/// <summary>
/// Spec section 5: six steps counted from the answer (0-2 h, 2-4 h, 4-8 h, 8-12 h, 12-72 h, then the review),
/// responsibility after investigation, the compensation layers and the approval of a plan's total.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
public class RescueProcedureTests
{
    [Fact]
    public void The_timeline_has_the_six_steps_with_windows_of_2_4_8_12_and_72_hours_and_an_open_ended_review()
    {
        var timeline = Playbook.Timeline(AnsweredAt);

        Assert.Equal(Enum.GetValues<RescueStep>(), timeline.Select(w => w.Step));
        (double From, double? To)[] hours = [(0, 2), (2, 4), (4, 8), (8, 12), (12, 72), (72, null)];
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(AnsweredAt + Hours(hours[i].From), timeline[i].Start);
            Assert.Equal(hours[i].To is double to ? AnsweredAt + Hours(to) : null, timeline[i].Due);
            Assert.Equal(RescueGuidance.For(timeline[i].Step), timeline[i].What);
        }
    }

    [Fact]
    public void Execution_must_start_within_24_hours()
    {
        Assert.Equal(Duration.FromHours(24), Playbook.ExecutionStartsWithin);
    }

    [Fact]
    public void Configured_step_windows_move_the_timeline()
    {
        var options = new NpsOptions();
        options.Rescue.IdentifyBy = TimeSpan.FromHours(1);
        options.Rescue.ExecuteBy = TimeSpan.FromHours(48);
        var timeline = new RescuePlaybook(options).Timeline(AnsweredAt);

        Assert.Equal(AnsweredAt + Duration.FromHours(1), timeline[0].Due);
        Assert.Equal(AnsweredAt + Duration.FromHours(1), timeline[1].Start);
        Assert.Equal(AnsweredAt + Duration.FromHours(48), timeline[4].Due);
        Assert.Equal(AnsweredAt + Duration.FromHours(48), timeline[5].Start);
    }

    [Fact]
    public void The_step_descriptions_say_what_the_spec_says()
    {
        Assert.Contains("LEAP", RescueGuidance.For(RescueStep.FirstContact).En, StringComparison.Ordinal);
        Assert.Contains("CCTV", RescueGuidance.For(RescueStep.Investigate).En, StringComparison.Ordinal);
        Assert.Contains("re-rating", RescueGuidance.For(RescueStep.ExecuteAndFollowUp).En, StringComparison.Ordinal);
        Assert.Contains("20:00", RescueGuidance.SmartPromise.En, StringComparison.Ordinal);
        Assert.Contains("as soon as possible", RescueGuidance.SmartPromise.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Responsibility.Dealer, "compensate")]
    [InlineData(Responsibility.Customer, "blame no one")]
    [InlineData(Responsibility.Shared, "clarify")]
    [InlineData(Responsibility.ForceMajeure, "alternative")]
    public void Each_responsibility_has_its_own_way_of_handling_it(Responsibility responsibility, string says)
    {
        var text = RescueGuidance.For(responsibility);

        Assert.Contains(says, text.En, StringComparison.Ordinal);
        AssertBothLocales(text, responsibility.ToString());
        Assert.Equal(4, Enum.GetValues<Responsibility>().Select(r => RescueGuidance.For(r).En).Distinct().Count());
    }

    [Fact]
    public void Undefined_values_are_bad_input_naming_the_argument()
    {
        Assert.Equal("responsibility", Assert.Throws<ArgumentOutOfRangeException>(() => RescueGuidance.For((Responsibility)9)).ParamName);
        Assert.Equal("layer", Assert.Throws<ArgumentOutOfRangeException>(() => RescueGuidance.For((CompensationLayer)9)).ParamName);
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => RescueGuidance.For((RescueStep)0)).ParamName);
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => RescueGuidance.For((EmotionLevel)9)).ParamName);
    }

    [Fact]
    public void A_complete_plan_totals_its_items_and_misses_no_layer()
    {
        var plan = new CompensationPlan(
        [
            new CompensationItem(CompensationLayer.FixTheProblem, "repair the air conditioning free of charge", 0m),
            new CompensationItem(CompensationLayer.CompensateTheLoss, "two free maintenance services", 1200.50m),
            new CompensationItem(CompensationLayer.CompensateTheLoss, "taxi costs", 86.30m),
            new CompensationItem(CompensationLayer.RepairTheRelationship, "service manager apologises in person", 0m),
            new CompensationItem(CompensationLayer.SystemImprovement, "parts check before release", 0m),
        ]);

        Assert.Equal(1286.80m, plan.Total);
        Assert.Empty(plan.MissingLayers());
        Assert.Equal(5, plan.Items.Count);
        Assert.Equal("taxi costs", plan.Items[2].Description);
    }

    [Fact]
    public void A_plan_that_only_compensates_misses_the_other_layers_in_layer_order()
    {
        var plan = new CompensationPlan([new CompensationItem(CompensationLayer.CompensateTheLoss, "voucher", 300m)]);

        Assert.Equal(300m, plan.Total);
        Assert.Equal(new[] { CompensationLayer.FixTheProblem, CompensationLayer.RepairTheRelationship, CompensationLayer.SystemImprovement }, plan.MissingLayers());
    }

    [Fact]
    public void An_empty_plan_is_worth_nothing_and_misses_every_layer()
    {
        var plan = new CompensationPlan([]);

        Assert.Equal(0m, plan.Total);
        Assert.Equal(Enum.GetValues<CompensationLayer>(), plan.MissingLayers());
    }

    public static TheoryData<CompensationItem, string> BadItems => new()
    {
        { new CompensationItem(CompensationLayer.CompensateTheLoss, "refund", -0.01m), "negative" },
        { new CompensationItem((CompensationLayer)7, "something", 10m), "unknown layer" },
        { new CompensationItem(CompensationLayer.FixTheProblem, " ", 0m), "no description" },
        { new CompensationItem(CompensationLayer.FixTheProblem, null!, 0m), "no description" },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public void A_bad_item_is_rejected_with_its_index(CompensationItem bad, string why)
    {
        var good = new CompensationItem(CompensationLayer.FixTheProblem, "free repair", 0m);

        var e = Assert.Throws<ArgumentException>(() => new CompensationPlan([good, good, bad, good]));

        Assert.Equal("items", e.ParamName);
        Assert.Contains("items[2]", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new CompensationPlan(null!));
    }

    [Theory]
    [InlineData(CompensationLayer.FixTheProblem, "fix")]
    [InlineData(CompensationLayer.CompensateTheLoss, "beyond what the customer expects")]
    [InlineData(CompensationLayer.RepairTheRelationship, "sincere")]
    [InlineData(CompensationLayer.SystemImprovement, "does not happen again")]
    public void Each_layer_says_what_it_is_for(CompensationLayer layer, string says)
    {
        Assert.Contains(says, RescueGuidance.For(layer).En, StringComparison.Ordinal);
    }

    // ---- properties ----

    [Property]
    public void Timeline_deadlines_are_never_before_the_answer_and_never_go_backwards(ValidOptions o, Instant answeredAt)
    {
        var timeline = new RescuePlaybook(o.Options).Timeline(answeredAt);

        Assert.Equal(6, timeline.Length);
        Assert.Equal(answeredAt, timeline[0].Start);
        Assert.Null(timeline[5].Due);
        for (int i = 0; i < 5; i++)
        {
            Assert.True(timeline[i].Due > timeline[i].Start, $"step {i + 1} ends before it starts");
            Assert.True(timeline[i].Due > answeredAt);
            Assert.Equal(timeline[i].Due, timeline[i + 1].Start);
            Assert.Equal((RescueStep)(i + 1), timeline[i].Step);
        }

        Assert.Equal(answeredAt + Duration.FromTimeSpan(o.Options.Rescue.ExecuteBy), timeline[5].Start);
    }
}
