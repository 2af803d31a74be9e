using System;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests.Routing;

/// <summary>
/// workflows.md section 5 (dual channel: the automated survey for most, the advisor's call for the 20 % that matter) and
/// section 6 (problem levels L1 / L2 / L3 from the report and the rating).
/// </summary>
public class CaseRouterTests
{
    private static readonly CaseRouter Router = new(new RoutingOptions());

    [Theory]
    [InlineData(true, null, false, false, FollowUpBy.Advisor, FollowUpRule.Vip)]
    [InlineData(false, 6, false, false, FollowUpBy.Advisor, FollowUpRule.LowRating)]
    [InlineData(false, 7, false, false, FollowUpBy.Automated, FollowUpRule.MostCustomers)]
    [InlineData(false, null, true, false, FollowUpBy.Advisor, FollowUpRule.ComplexRepair)]
    [InlineData(false, 9, false, true, FollowUpBy.Advisor, FollowUpRule.PastComplaints)]
    [InlineData(false, null, false, false, FollowUpBy.Automated, FollowUpRule.MostCustomers)]
    [InlineData(true, 2, true, true, FollowUpBy.Advisor, FollowUpRule.Vip)] // the first rule that holds decides
    public void The_advisor_calls_the_customers_that_matter_and_the_automated_survey_takes_the_rest(bool vip, int? rating, bool complex, bool complaints, FollowUpBy by, FollowUpRule rule)
    {
        var route = Router.RouteFollowUp(new FollowUpFacts(vip, rating, complex, complaints));

        Assert.Equal((by, rule), (route.By, route.Rule));
        AssertBothLocales(route.Reason, "follow-up reason");
    }

    [Fact]
    public void A_customer_in_the_first_three_months_of_red_recovery_care_gets_the_advisor_s_call_within_a_day_before_any_other_rule()
    {
        var route = Router.RouteFollowUp(new FollowUpFacts(IsVip: true, LatestRating: 2, RedRecoveryCare: true));

        Assert.Equal((FollowUpBy.RecoveryCare, FollowUpRule.RedRecoveryCare), (route.By, route.Rule));
        AssertBothLocales(route.Reason, "follow-up reason");
        Assert.Equal("RecoveryCare", route.ApplyTo(new WorkflowContext(storeZoneId: "Asia/Shanghai")).Values[BuiltInWorkflows.FollowUpByKey]);

        var off = new CaseRouter(new RoutingOptions { RecoveryCareCallWithinADay = false });
        Assert.Equal((FollowUpBy.Advisor, FollowUpRule.Vip), (off.RouteFollowUp(new FollowUpFacts(IsVip: true, RedRecoveryCare: true)) is var r ? (r.By, r.Rule) : default));
    }

    [Fact]
    public void Each_advisor_rule_can_be_switched_off_and_the_rating_line_moved()
    {
        var off = new CaseRouter(new RoutingOptions { AdvisorCallForVip = false, AdvisorCallBelowRating = 0, AdvisorCallForComplexRepair = false, AdvisorCallForPastComplaints = false });
        Assert.Equal(FollowUpBy.Automated, off.RouteFollowUp(new FollowUpFacts(true, 0, true, true)).By);

        var strict = new CaseRouter(new RoutingOptions { AdvisorCallBelowRating = 9 });
        Assert.Equal(FollowUpRule.LowRating, strict.RouteFollowUp(new FollowUpFacts(LatestRating: 8)).Rule);
        Assert.Equal(FollowUpRule.MostCustomers, strict.RouteFollowUp(new FollowUpFacts(LatestRating: 9)).Rule);
    }

    [Fact]
    public void The_route_sets_the_context_value_the_built_in_follow_up_reads()
    {
        var context = new WorkflowContext(storeZoneId: "Asia/Shanghai");

        Assert.Equal("Automated", Router.RouteFollowUp(default).ApplyTo(context).Values[BuiltInWorkflows.FollowUpByKey]);
        Assert.Equal("Advisor", Router.RouteFollowUp(new FollowUpFacts(IsVip: true)).ApplyTo(context).Values[BuiltInWorkflows.FollowUpByKey]);
        Assert.Throws<ArgumentNullException>(() => Router.RouteFollowUp(default).ApplyTo(null!));
    }

    [Theory]
    [InlineData(ProblemNature.Safety, 9, false, false, ProblemLevel.L1, ProblemRule.Safety, "problem.l1")]
    [InlineData(ProblemNature.None, 8, true, false, ProblemLevel.L1, ProblemRule.ComplaintThreat, "problem.l1")]
    [InlineData(ProblemNature.None, 3, false, false, ProblemLevel.L1, ProblemRule.UrgentRating, "problem.l1")]
    [InlineData(ProblemNature.None, 4, false, false, ProblemLevel.L2, ProblemRule.ImportantRating, "problem.l2")]
    [InlineData(ProblemNature.None, 6, false, false, ProblemLevel.L2, ProblemRule.ImportantRating, "problem.l2")]
    [InlineData(ProblemNature.Experience, 9, false, false, ProblemLevel.L2, ProblemRule.Experience, "problem.l2")]
    [InlineData(ProblemNature.Question, 10, false, false, ProblemLevel.L3, ProblemRule.Question, "problem.l3")]
    [InlineData(ProblemNature.None, 7, false, true, ProblemLevel.L3, ProblemRule.GeneralRatingWithRemarks, "problem.l3")]
    [InlineData(ProblemNature.None, 8, false, true, ProblemLevel.L3, ProblemRule.GeneralRatingWithRemarks, "problem.l3")]
    [InlineData(ProblemNature.None, 8, false, false, ProblemLevel.None, ProblemRule.NoProblem, null)]
    [InlineData(ProblemNature.None, 9, false, true, ProblemLevel.None, ProblemRule.NoProblem, null)]
    [InlineData(ProblemNature.None, null, false, true, ProblemLevel.None, ProblemRule.NoProblem, null)]
    public void Problem_levels_follow_the_table(ProblemNature nature, int? rating, bool threat, bool remarks, ProblemLevel level, ProblemRule rule, string? workflow)
    {
        var d = Router.ClassifyProblem(new ProblemReport(nature, rating, threat, remarks));

        Assert.Equal((level, rule, workflow), (d.Level, d.Rule, d.WorkflowId));
        AssertBothLocales(d.Reason, "problem reason");
        if (workflow is not null)
        {
            Assert.Contains(BuiltInWorkflows.All, w => w.Id == workflow);
        }
    }

    [Fact]
    public void Bad_input_is_rejected_naming_the_argument()
    {
        Assert.Equal("facts", Assert.Throws<ArgumentOutOfRangeException>(() => Router.RouteFollowUp(new FollowUpFacts(LatestRating: 11))).ParamName);
        Assert.Equal("report", Assert.Throws<ArgumentOutOfRangeException>(() => Router.ClassifyProblem(new ProblemReport(Rating: -1))).ParamName);
        Assert.Equal("report", Assert.Throws<ArgumentOutOfRangeException>(() => Router.ClassifyProblem(new ProblemReport((ProblemNature)9))).ParamName);
    }

    [Fact]
    public void Invalid_options_are_rejected_naming_the_option()
    {
        var options = new RoutingOptions
        {
            AdvisorCallBelowRating = 12, UrgentRatingAtMost = 5, ImportantRatingAtMost = 4, GeneralRatingAtMost = 11, UrgentWorkflowId = " ", GeneralWorkflowId = "problem l3",
        };

        var errors = RoutingOptionsValidator.Collect(options);

        foreach (var path in new[] { "AdvisorCallBelowRating", "ImportantRatingAtMost", "GeneralRatingAtMost", "UrgentWorkflowId", "GeneralWorkflowId" })
        {
            Assert.Contains(errors, e => e.StartsWith(path + ":", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(errors, e => e.StartsWith("ImportantWorkflowId", StringComparison.Ordinal));
        Assert.Throws<OptionsValidationException>(() => new CaseRouter(options));
        Assert.True(new RoutingOptionsValidator().Validate(null, new RoutingOptions()).Succeeded);
    }

    [Fact]
    public void The_router_is_registered_bound_from_its_section_and_validated_at_start_up()
    {
        const string json = """{ "Retention": { "Workflows": { "Routing": { "AdvisorCallBelowRating": 9, "ImportantWorkflowId": "problem.l2-custom" } } } }""";
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection().AddRetentionWorkflows();
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName));
        using (var provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            var router = provider.GetRequiredService<CaseRouter>();
            Assert.Equal(FollowUpBy.Advisor, router.RouteFollowUp(new FollowUpFacts(LatestRating: 8)).By);
            Assert.Equal("problem.l2-custom", router.ClassifyProblem(new ProblemReport(Rating: 5)).WorkflowId);
        }

        using var bad = new ServiceCollection().AddRetentionWorkflows().Configure<RoutingOptions>(o => o.UrgentRatingAtMost = -1).BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("UrgentRatingAtMost", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_in_follow_up_runs_the_automated_survey_when_routed_there_and_a_problem_goes_to_the_advisor_within_2_hours()
    {
        var engine = new WorkflowEngine(BuiltInWorkflows.Register(WorkflowRegistry.Empty));
        var d = BuiltInWorkflows.PostServiceFollowUp;
        var context = Router.RouteFollowUp(default).ApplyTo(new WorkflowContext(storeZoneId: "Asia/Shanghai"));
        var i = engine.Start(d, "C1", context, Start).Instance;
        i = engine.Apply(i, new StepCompleted("immediate", StepOutcomes.Done, Start), Start).Instance;
        Assert.Equal("automated-survey", i.ActiveStep!.StepId);

        var at = Start + NodaTime.Duration.FromHours(30);
        var t = engine.Apply(i, new StepCompleted("automated-survey", "Problem", at), at);
        var task = Assert.Single(t.Commands.OfType<AssignTask>());
        Assert.Equal(("problem-call", StaffRole.ServiceAdvisor), (task.StepId, task.Role));
        Assert.Equal(at + NodaTime.Duration.FromHours(2), task.DueAt);
        Assert.Equal(StepStatus.Pending, t.Instance.StateOf("first-call")!.Status); // the advisor's own call is not made as well

        // Routed to the advisor (or no value at all): the survey is skipped and the advisor calls.
        var vip = Router.RouteFollowUp(new FollowUpFacts(IsVip: true)).ApplyTo(new WorkflowContext(storeZoneId: "Asia/Shanghai"));
        var v = engine.Apply(engine.Start(d, "C2", vip, Start).Instance, new StepCompleted("immediate", StepOutcomes.Done, Start), Start).Instance;
        Assert.Equal("first-call", v.ActiveStep!.StepId);
        Assert.Equal(StepStatus.Skipped, v.StateOf("automated-survey")!.Status);
        Assert.Equal(StepStatus.Skipped, v.StateOf("care-call")!.Status);

        // In the first three months of a Red-tier recovery's care: the advisor's call is due within 24 h of the visit.
        var red = Router.RouteFollowUp(new FollowUpFacts(RedRecoveryCare: true)).ApplyTo(new WorkflowContext(storeZoneId: "Asia/Shanghai"));
        var r = engine.Apply(engine.Start(d, "C3", red, Start).Instance, new StepCompleted("immediate", StepOutcomes.Done, Start), Start);
        var call = Assert.Single(r.Commands.OfType<AssignTask>());
        Assert.Equal(("care-call", StaffRole.ServiceAdvisor, Start + NodaTime.Duration.FromHours(24)), (call.StepId, call.Role, call.DueAt));
    }
}

/// <summary>Properties of the routing rules over their thresholds.</summary>
[Properties(MaxTest = 300)]
public class CaseRouterProperties
{
    private static RoutingOptions Options(int below, int urgent, int important, int general) => new()
    {
        AdvisorCallBelowRating = below, UrgentRatingAtMost = urgent, ImportantRatingAtMost = important, GeneralRatingAtMost = general,
    };

    [Property]
    public void Valid_options_never_make_routing_throw_and_a_lower_rating_never_gets_a_milder_level(byte a, byte b, byte c, byte d, bool vip, bool complex, bool threat, bool remarks)
    {
        int[] t = [a % 11, b % 11, c % 11];
        Array.Sort(t);
        var router = new CaseRouter(Options(d % 12, t[0], t[1], t[2]));

        ProblemLevel previous = ProblemLevel.L1;
        for (int rating = 0; rating <= 10; rating++)
        {
            var route = router.RouteFollowUp(new FollowUpFacts(vip, rating, complex));
            Assert.Equal(vip || complex || rating < d % 12, route.By == FollowUpBy.Advisor);

            var level = router.ClassifyProblem(new ProblemReport(Rating: rating, ComplaintThreat: threat, HasRemarks: remarks)).Level;
            Assert.True(Severity(level) <= Severity(previous), $"rating {rating}: {level} is more severe than {previous} for a lower rating");
            previous = level;
        }
    }

    [Property]
    public void Invalid_thresholds_are_always_rejected(int below, int urgent, int important, int general)
    {
        bool valid = below is >= 0 and <= 11 && urgent is >= 0 and <= 10 && important >= urgent && important <= 10 && general >= important && general <= 10;

        Assert.Equal(valid, RoutingOptionsValidator.Collect(Options(below, urgent, important, general)).Count == 0);
        if (!valid)
        {
            Assert.Throws<OptionsValidationException>(() => new CaseRouter(Options(below, urgent, important, general)));
        }
    }

    private static int Severity(ProblemLevel level) => level == ProblemLevel.None ? 0 : 4 - (int)level;
}
