using System;
using NodaTime;
using Xunit;
using static Retention.Nps.Tests.Support.Fixtures;

namespace Retention.Nps.Tests;

/// <summary>
/// Spec section 10: a promoter is thanked, invited to refer and sent the review link; a passive is asked what could be
/// better and promised improvement; a detractor gets an apology, is asked what went wrong, and is escalated at once so
/// that a supervisor contacts them within 24 hours.
/// </summary>
public class FollowUpCallTests
{
    [Fact]
    public void A_promoter_is_thanked_invited_to_refer_and_sent_the_review_link()
    {
        var action = Playbook.NextAction(NpsClass.Promoter);

        Assert.Equal(NpsClass.Promoter, action.Class);
        Assert.Equal(FollowUpSteps.Thank | FollowUpSteps.InviteReferral | FollowUpSteps.SendReviewLink, action.Steps);
        Assert.Null(action.SupervisorContactWithin);
        Assert.Contains("referral code", action.Text.En, StringComparison.Ordinal);
        AssertBothLocales(action.Text, "promoter");
    }

    [Fact]
    public void A_passive_is_asked_what_could_be_better_and_promised_improvement()
    {
        var action = Playbook.NextAction(NpsClass.Passive);

        Assert.Equal(FollowUpSteps.AskWhatCouldBeBetter | FollowUpSteps.PromiseImprovement, action.Steps);
        Assert.Null(action.SupervisorContactWithin);
        AssertBothLocales(action.Text, "passive");
    }

    [Fact]
    public void A_detractor_gets_an_apology_and_is_escalated_so_a_supervisor_calls_within_24_hours()
    {
        var action = Playbook.NextAction(NpsClass.Detractor);

        Assert.Equal(FollowUpSteps.Apologise | FollowUpSteps.AskWhatWentWrong | FollowUpSteps.Escalate, action.Steps);
        Assert.Equal(Duration.FromHours(24), action.SupervisorContactWithin);
        Assert.Contains("24 hours", action.Text.En, StringComparison.Ordinal);
        Assert.Contains("24 小时", action.Text.ZhCn, StringComparison.Ordinal);
        AssertBothLocales(action.Text, "detractor");
    }

    [Fact]
    public void The_supervisor_window_is_an_option_and_the_text_follows_it()
    {
        var action = new RescuePlaybook(new NpsOptions { DetractorSupervisorContactWithin = TimeSpan.FromHours(12) }).NextAction(NpsClass.Detractor);

        Assert.Equal(Duration.FromHours(12), action.SupervisorContactWithin);
        Assert.Contains("12 hours", action.Text.En, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_class_is_bad_input_naming_the_argument()
    {
        Assert.Equal("class", Assert.Throws<ArgumentOutOfRangeException>(() => Playbook.NextAction((NpsClass)7)).ParamName);
    }

    [Fact]
    public void Every_class_has_different_steps()
    {
        Assert.Equal(0, (int)(Playbook.NextAction(NpsClass.Promoter).Steps & Playbook.NextAction(NpsClass.Passive).Steps));
        Assert.Equal(0, (int)(Playbook.NextAction(NpsClass.Passive).Steps & Playbook.NextAction(NpsClass.Detractor).Steps));
        Assert.Equal(0, (int)(Playbook.NextAction(NpsClass.Promoter).Steps & Playbook.NextAction(NpsClass.Detractor).Steps));
    }
}
