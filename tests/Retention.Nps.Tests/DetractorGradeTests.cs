using System;
using FsCheck.Xunit;
using NodaTime;
using Retention.Nps.Tests.Support;
using Xunit;
using static Retention.Nps.Tests.Support.Fixtures;

namespace Retention.Nps.Tests;

/// <summary>
/// Spec section 4: S (score 0-3, public-opinion risk or a safety issue; 2 hours; ServiceManager personally; up to
/// 5000), A (score 4-5 or a high-value customer's 6; 6 hours; ServiceManager supervising; up to 2000), B (score 6,
/// ordinary customer; 24 hours; ServiceAdvisor executing; up to 500). A plan above the authority needs the next role.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
public class DetractorGradeTests
{
    [Theory]
    [InlineData(2, false, false, false, DetractorGrade.S, GradeRule.ScoreS)]
    [InlineData(0, false, false, false, DetractorGrade.S, GradeRule.ScoreS)]
    [InlineData(3, false, false, false, DetractorGrade.S, GradeRule.ScoreS)]
    [InlineData(4, false, false, false, DetractorGrade.A, GradeRule.ScoreA)]
    [InlineData(5, false, false, false, DetractorGrade.A, GradeRule.ScoreA)]
    [InlineData(6, false, false, false, DetractorGrade.B, GradeRule.Ordinary)]
    [InlineData(6, false, false, true, DetractorGrade.A, GradeRule.HighValueCustomer)]
    [InlineData(4, false, false, true, DetractorGrade.A, GradeRule.ScoreA)]
    [InlineData(8, true, false, false, DetractorGrade.S, GradeRule.PublicOpinionRisk)]
    [InlineData(8, false, true, false, DetractorGrade.S, GradeRule.SafetyIssue)]
    [InlineData(6, true, false, false, DetractorGrade.S, GradeRule.PublicOpinionRisk)]
    [InlineData(5, false, true, true, DetractorGrade.S, GradeRule.SafetyIssue)]
    [InlineData(10, true, true, false, DetractorGrade.S, GradeRule.PublicOpinionRisk)]
    public void The_grade_and_the_rule_that_set_it(int score, bool publicOpinion, bool safety, bool highValue, DetractorGrade grade, GradeRule rule)
    {
        var grading = Grader.Grade(new DetractorCase(score, AnsweredAt, publicOpinion, safety, highValue));

        Assert.NotNull(grading);
        Assert.Equal(grade, grading.Grade);
        Assert.Equal(rule, grading.Rule);
        AssertBothLocales(grading.Reason, $"grade of {score}");
        Assert.Contains(score.ToString(System.Globalization.CultureInfo.InvariantCulture), grading.Reason.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(10)]
    public void A_passive_or_promoter_without_risk_needs_no_grade_even_from_a_high_value_customer(int score)
    {
        Assert.Null(Grader.Grade(new DetractorCase(score, AnsweredAt)));
        Assert.Null(Grader.Grade(new DetractorCase(score, AnsweredAt, HighValueCustomer: true)));
    }

    [Theory]
    [InlineData(DetractorGrade.S, 2, StaffRole.ServiceManager, ResponderInvolvement.Personally, 5000, StaffRole.StoreManager)]
    [InlineData(DetractorGrade.A, 6, StaffRole.ServiceManager, ResponderInvolvement.Supervising, 2000, StaffRole.StoreManager)]
    [InlineData(DetractorGrade.B, 24, StaffRole.ServiceAdvisor, ResponderInvolvement.Executing, 500, StaffRole.CustomerServiceSupervisor)]
    public void Each_grade_has_its_window_responder_and_authority(DetractorGrade grade, int hours, StaffRole responder, ResponderInvolvement involvement, int authority, StaffRole approver)
    {
        int score = grade switch { DetractorGrade.S => 1, DetractorGrade.A => 5, _ => 6 };
        var grading = Grader.Grade(new DetractorCase(score, AnsweredAt))!;

        Assert.Equal(grade, grading.Grade);
        Assert.Equal(Duration.FromHours(hours), grading.RespondWithin);
        Assert.Equal(AnsweredAt + Duration.FromHours(hours), grading.Deadline);
        Assert.Equal(responder, grading.Responder);
        Assert.Equal(involvement, grading.Involvement);
        Assert.Equal(authority, grading.CompensationAuthority);
        Assert.Equal(authority, Grader.AuthorityOf(grade));
        Assert.Equal(approver, grading.Approver);
    }

    [Fact]
    public void A_B_plan_of_600_needs_the_next_role_the_customer_service_supervisor()
    {
        var approval = Grader.ApprovalFor(DetractorGrade.B, 600m);

        Assert.True(approval.Needed);
        Assert.Equal(StaffRole.CustomerServiceSupervisor, approval.Approver);
        Assert.Equal((600m, 500m), (approval.PlanTotal, approval.Authority));
        AssertBothLocales(approval.Reason, "B 600");
        Assert.Contains("600", approval.Reason.En, StringComparison.Ordinal);
        Assert.Contains("500", approval.Reason.En, StringComparison.Ordinal);
        Assert.Contains("客服主管", approval.Reason.ZhCn, StringComparison.Ordinal);
        Assert.Contains("customer service supervisor", approval.Reason.En, StringComparison.Ordinal);
        Assert.DoesNotContain("CustomerServiceSupervisor", approval.Reason.ZhCn + approval.Reason.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffRole.ServiceAdvisor, "服务顾问", "service advisor")]
    [InlineData(StaffRole.CustomerServiceSupervisor, "客服主管", "customer service supervisor")]
    [InlineData(StaffRole.ServiceManager, "服务经理", "service manager")]
    [InlineData(StaffRole.StoreManager, "店长", "store manager")]
    [InlineData(StaffRole.GeneralManager, "总经理", "general manager")]
    [InlineData(StaffRole.RegionalManager, "区域经理", "regional manager")]
    public void Every_role_has_a_display_name_in_both_locales(StaffRole role, string zh, string en)
    {
        Assert.Equal(new LocalizedText(zh, en), role.DisplayName());
    }

    [Fact]
    public void An_undefined_role_has_no_display_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((StaffRole)42).DisplayName());
    }

    [Fact]
    public void A_B_plan_of_exactly_500_needs_no_approval()
    {
        var approval = Grader.ApprovalFor(DetractorGrade.B, 500m);

        Assert.False(approval.Needed);
        Assert.Null(approval.Approver);
        AssertBothLocales(approval.Reason, "B 500");
    }

    [Fact]
    public void An_S_plan_of_5001_needs_the_store_manager_and_one_of_5000_does_not()
    {
        Assert.Equal(StaffRole.StoreManager, Grader.ApprovalFor(DetractorGrade.S, 5001m).Approver);
        Assert.False(Grader.ApprovalFor(DetractorGrade.S, 5000m).Needed);
        Assert.True(Grader.ApprovalFor(DetractorGrade.A, 2000.01m).Needed);
        Assert.Equal(StaffRole.StoreManager, Grader.ApprovalFor(DetractorGrade.A, 2000.01m).Approver);
    }

    [Fact]
    public void A_plans_approval_follows_its_total()
    {
        var plan = new CompensationPlan(
        [
            new CompensationItem(CompensationLayer.FixTheProblem, "free repair", 0m),
            new CompensationItem(CompensationLayer.CompensateTheLoss, "maintenance voucher", 400m),
            new CompensationItem(CompensationLayer.RepairTheRelationship, "flowers and a hand-written card", 200m),
        ]);

        var approval = Grader.ApprovalFor(DetractorGrade.B, plan);

        Assert.True(approval.Needed);
        Assert.Equal(600m, approval.PlanTotal);
        Assert.Equal(StaffRole.CustomerServiceSupervisor, approval.Approver);
    }

    [Fact]
    public void Bad_input_is_rejected_naming_the_argument()
    {
        Assert.Equal("planTotal", Assert.Throws<ArgumentOutOfRangeException>(() => Grader.ApprovalFor(DetractorGrade.B, -0.01m)).ParamName);
        Assert.Equal("grade", Assert.Throws<ArgumentOutOfRangeException>(() => Grader.ApprovalFor((DetractorGrade)9, 1m)).ParamName);
        Assert.Equal("grade", Assert.Throws<ArgumentOutOfRangeException>(() => Grader.AuthorityOf((DetractorGrade)9)).ParamName);
        Assert.Equal("plan", Assert.Throws<ArgumentNullException>(() => Grader.ApprovalFor(DetractorGrade.B, (CompensationPlan)null!)).ParamName);
        Assert.Equal("case", Assert.Throws<ArgumentOutOfRangeException>(() => Grader.Grade(new DetractorCase(11, AnsweredAt))).ParamName);
        Assert.Equal("case", Assert.Throws<ArgumentOutOfRangeException>(() => Grader.Grade(new DetractorCase(-1, AnsweredAt, PublicOpinionRisk: true))).ParamName);
    }

    [Fact]
    public void Configured_authorities_and_windows_apply()
    {
        var options = new NpsOptions();
        options.Grades.B.CompensationAuthority = 800m;
        options.Grades.B.RespondWithin = TimeSpan.FromHours(12);
        var grader = new DetractorGrader(options);

        Assert.False(grader.ApprovalFor(DetractorGrade.B, 600m).Needed);
        Assert.Equal(AnsweredAt + Duration.FromHours(12), grader.Grade(new DetractorCase(6, AnsweredAt))!.Deadline);
    }

    // ---- properties ----

    [Property]
    public void The_grade_never_gets_milder_as_the_score_falls(ValidOptions o, AnswerScore s, bool publicOpinion, bool safety, bool highValue)
    {
        var grader = new DetractorGrader(o.Options);
        int rank = Rank(grader.Grade(new DetractorCase(s.Value, AnsweredAt, publicOpinion, safety, highValue)));
        for (int lower = 0; lower < s.Value; lower++)
        {
            int lowerRank = Rank(grader.Grade(new DetractorCase(lower, AnsweredAt, publicOpinion, safety, highValue)));
            Assert.True(lowerRank >= rank, $"score {lower} ranks {lowerRank} but {s.Value} ranks {rank}");
        }
    }

    [Property]
    public void Risk_or_a_safety_issue_always_means_S_and_detractors_always_get_a_grade(ValidOptions o, AnswerScore s, bool highValue)
    {
        var grader = new DetractorGrader(o.Options);

        Assert.Equal(DetractorGrade.S, grader.Grade(new DetractorCase(s.Value, AnsweredAt, PublicOpinionRisk: true, HighValueCustomer: highValue))!.Grade);
        Assert.Equal(DetractorGrade.S, grader.Grade(new DetractorCase(s.Value, AnsweredAt, SafetyIssue: true, HighValueCustomer: highValue))!.Grade);
        bool detractor = s.Value < o.Options.PassiveFrom;
        Assert.Equal(detractor, grader.Grade(new DetractorCase(s.Value, AnsweredAt, HighValueCustomer: highValue)) is not null);
    }

    [Property]
    public void Every_grade_deadline_is_the_answer_time_plus_its_window_and_never_before_the_answer(ValidOptions o, AnswerScore s, Instant answeredAt, bool publicOpinion, bool highValue)
    {
        var grading = new DetractorGrader(o.Options).Grade(new DetractorCase(s.Value, answeredAt, publicOpinion, false, highValue));
        if (grading is null)
        {
            return;
        }

        Assert.True(grading.Deadline > answeredAt);
        Assert.Equal(answeredAt + grading.RespondWithin, grading.Deadline);
        Assert.True(grading.Approver > grading.Responder);
    }

    [Property]
    public void Approval_is_needed_exactly_above_the_authority_and_then_from_the_grades_approver(ValidOptions o, ushort cents, bool above)
    {
        var grader = new DetractorGrader(o.Options);
        foreach (var grade in Enum.GetValues<DetractorGrade>())
        {
            decimal authority = grader.AuthorityOf(grade);
            decimal total = above ? authority + ((cents + 1) / 100m) : Math.Max(0, authority - (cents / 100m));
            var approval = grader.ApprovalFor(grade, total);

            Assert.Equal(above, approval.Needed);
            Assert.Equal(above, approval.Approver is not null);
            Assert.Equal(total, approval.PlanTotal);
        }

        Assert.True(grader.AuthorityOf(DetractorGrade.B) <= grader.AuthorityOf(DetractorGrade.A));
        Assert.True(grader.AuthorityOf(DetractorGrade.A) <= grader.AuthorityOf(DetractorGrade.S));
    }
}
