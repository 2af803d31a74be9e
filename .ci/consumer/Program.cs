// Exercises the published packages the way an integrator would: through AddRetentionScoring,
// with options bound from JSON configuration. Exits non-zero on any surprise.
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Retention.Contact;
using Retention.Nps;
using Retention.Scripts;
using Retention.Workflows;
using Retention.Scoring;

var failures = new List<string>();
void Check(bool ok, string what)
{
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}");
    if (!ok)
    {
        failures.Add(what);
    }
}

var json = """
{ "Retention": { "Scoring": { "Roi": { "HorizonYears": 3 }, "Decision": { "ProblemCustomerComplaints": 3 } } } }
""";
var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

var services = new ServiceCollection();
services.AddRetentionScoring(o => o.Risk.MissingSignals = MissingSignalPolicy.Zero);
services.AddOptions<ScoringOptions>().Bind(configuration.GetSection(ScoringOptions.SectionName));
using var provider = services.BuildServiceProvider();
provider.GetRequiredService<IStartupValidator>().Validate();

var risk = provider.GetRequiredService<RiskScorer>();
var asOf = new LocalDate(2026, 11, 23);
var worked = new CustomerSignals
{
    LastVisit = asOf.PlusDays(-120),
    AppOpensPerMonth = 0.5,
    CancellationRate = 0.30,
    Satisfaction = 7,
    ServiceInquiries = 0,
    AnnualSpend = 3000m,
};
var assessment = risk.Score(worked, asOf);
Check(Math.Abs(assessment.Score - 47.5) < 1e-9, $"worked example scores 47.5 (got {assessment.Score})");
Check(assessment.Stage == ChurnStage.EarlyChurn, $"120 days is early churn (got {assessment.Stage})");
Console.WriteLine("     " + assessment.Explain("en"));
Console.WriteLine("     " + assessment.Explain("zh-CN"));

var valuation = provider.GetRequiredService<CustomerValuation>();
Check(valuation.LifetimeValue(3000m) == 7000m, "CLV of 3000 a year is 7000");
Check(valuation.MaxRecoveryCost(7000m) == 420m, "max recovery cost of CLV 7000 is 420");

var planner = provider.GetRequiredService<RecoveryPlanner>();
var red = worked with { LastVisit = asOf.PlusDays(-170), AppOpensPerMonth = 0, CancellationRate = 1.0, Satisfaction = 1, AnnualSpend = 4800m };
var decision = planner.Decide(red, asOf, 85.0);
Check(decision.Verdict == RecoveryVerdict.FullRecovery && decision.Budget == 3000m, $"red tier, value score 85: full recovery with 3000 (got {decision.Verdict}, {decision.Budget})");
Console.WriteLine("     " + decision.Reason.En);
Console.WriteLine("     " + decision.Reason.ZhCn);

var roi = RoiCalculator.Calculate(300000m, 45000m);
Check(Math.Round(roi.Percent, 1) == 566.7m, $"ROI of 300000 over 45000 is 566.7 % (got {roi.Percent:0.0})");

var batch = new[] { worked, red, worked with { Satisfaction = 11 } };
var results = new RiskAssessment[batch.Length];
var problems = new List<BatchProblem>();
var summary = risk.ScoreBatch(batch, asOf, results, problems);
Check(summary.Scored == 2 && summary.Invalid == 1 && problems.Count == 1 && problems[0].Index == 2 && problems[0].Field == SignalField.Satisfaction,
    $"batch reports the bad record by index and goes on ({summary})");

var bad = new ServiceCollection();
bad.AddRetentionScoring(o => o.Tiers.OrangeFrom = 50);
using (var badProvider = bad.BuildServiceProvider())
{
    try
    {
        badProvider.GetRequiredService<IStartupValidator>().Validate();
        Check(false, "invalid options are rejected at start-up");
    }
    catch (OptionsValidationException e)
    {
        Check(e.Message.Contains("Tiers.OrangeFrom", StringComparison.Ordinal), $"invalid options are rejected naming the option: {e.Failures.First()}");
    }
}

// Retention.Nps, through AddRetentionNps.
var npsServices = new ServiceCollection();
npsServices.AddRetentionNps();
npsServices.AddOptions<NpsOptions>().Bind(configuration.GetSection(NpsOptions.SectionName));
using (var npsProvider = npsServices.BuildServiceProvider())
{
    npsProvider.GetRequiredService<IStartupValidator>().Validate();
    var calculator = npsProvider.GetRequiredService<NpsCalculator>();
    var summary10 = calculator.Compute(new[] { 10, 9, 9, 8, 7, 6, 3, 10, 9, 5 });
    Check(summary10.Score is double s10 && Math.Abs(s10 - 20) < 1e-9, $"NPS of 5 promoters and 3 detractors in 10 is 20 ({summary10})");
    Check(!calculator.Compute(ReadOnlySpan<int>.Empty).HasScore, "an empty set has no NPS");
    var answeredAt = Instant.FromUtc(2026, 11, 23, 1, 0);
    var alert = npsProvider.GetRequiredService<LowScoreAlerter>().Evaluate(2, answeredAt);
    Check(alert.Level == AlertLevel.Red && alert.Deadline == answeredAt + Duration.FromHours(2) && alert.EscalateTo == Retention.Nps.StaffRole.RegionalManager,
        $"score 2 raises a red alert due in 2 hours, escalating to the regional manager ({alert.Level}, {alert.Deadline})");
    var grading = npsProvider.GetRequiredService<DetractorGrader>().Grade(new DetractorCase(6, answeredAt, HighValueCustomer: true));
    Check(grading?.Grade == DetractorGrade.A, $"a 6 from a high-value customer is grade A ({grading?.Grade})");
}

// Retention.Contact, through AddRetentionContact.
var contactServices = new ServiceCollection();
contactServices.AddRetentionContact();
contactServices.AddOptions<ContactOptions>().Bind(configuration.GetSection(ContactOptions.SectionName));
using (var contactProvider = contactServices.BuildServiceProvider())
{
    contactProvider.GetRequiredService<IStartupValidator>().Validate();
    var policy = contactProvider.GetRequiredService<ContactPolicy>();
    var now = Instant.FromUtc(2026, 11, 23, 2, 0); // 10:00 in Shanghai
    var lastCall = new PastTouch(now - Duration.FromHours(24), ContactChannel.Phone, ContactPurpose.Recovery);
    var request = new ContactRequest(ContactPurpose.Recovery, ContactChannel.Phone, now);
    var deferred = policy.Decide(request, new[] { lastCall }, default, isVip: false, now);
    Check(deferred is ContactDecision.Deferred d && d.Until == lastCall.At + Duration.FromHours(72),
        $"a call 24 h after the last one is deferred until 72 h have passed ({deferred})");
    var allowed = policy.Decide(request with { DesiredAt = now + Duration.FromHours(48) }, new[] { lastCall }, default, isVip: false, now + Duration.FromHours(48));
    Check(allowed is ContactDecision.Allowed, $"the same call 72 h after the last one is allowed ({allowed})");
    Console.WriteLine("     " + deferred.Reasons[0].Text.Get("en"));
    Console.WriteLine("     " + deferred.Reasons[0].Text.Get("zh-CN"));
}

// Retention.Scripts, through AddRetentionScripts.
var scriptServices = new ServiceCollection();
scriptServices.AddRetentionScripts();
scriptServices.AddOptions<ScriptOptions>().Bind(configuration.GetSection(ScriptOptions.SectionName));
using (var scriptProvider = scriptServices.BuildServiceProvider())
{
    scriptProvider.GetRequiredService<IStartupValidator>().Validate();
    var catalog = scriptProvider.GetRequiredService<ScriptCatalog>();
    Check(catalog.Ids.Count >= 31 && catalog.TryGet("risk.red.gm-call", "en", out _) && catalog.TryGet("risk.red.gm-call", "zh-CN", out _),
        $"the built-in catalog has every script in both locales ({catalog.Ids.Count} ids)");
    var values = new ScriptValues
    {
        ["CustomerName"] = "Wang", ["Honorific"] = "Mr", ["StoreName"] = "Riverside Motors",
        ["AdvisorName"] = "Li Na", ["AdvisorPhone"] = "138 0000 0000", ["WorkDone"] = "oil change, brake pads",
        ["CareTip"] = "brake gently for the first 200 km", ["Vehicle"] = "white sedan", ["NextServiceDate"] = new LocalDate(2027, 5, 20),
    };
    var sms = catalog.Render("followup.immediate", "en", values);
    Check(sms.Text.Contains("Riverside Motors", StringComparison.Ordinal) && sms.Sms is { Segments: > 0 },
        $"the immediate follow-up SMS renders with its segment count ({sms.Sms})");
    try
    {
        catalog.Render("followup.immediate", "en", new ScriptValues { ["CustomerName"] = "Wang" });
        Check(false, "rendering without values fails");
    }
    catch (ScriptRenderException e)
    {
        Check(e.MissingPlaceholders.Contains("StoreName"), $"rendering without values names every missing one: {string.Join(", ", e.MissingPlaceholders)}");
    }
}

// Retention.Workflows, through AddRetentionWorkflows (it brings the four base packages as dependencies).
var followUp = new WorkflowBuilder("consumer.follow-up", 1, new Retention.Workflows.LocalizedText("回访", "Follow-up"))
    .StartsOn(WorkflowTrigger.Manual)
    .Step("call", new Retention.Workflows.LocalizedText("顾问回访", "Advisor calls"))
        .OwnedBy(Retention.Scoring.StaffRole.ServiceAdvisor).Via(ContactChannel.Phone)
        .Script("followup.first-call").Within(StepWindow.Days(1, 2)).Touch(ContactPurpose.ServiceFollowUp)
        .On("Done").Finish(WorkflowOutcome.Recovered)
    .Build();
var workflowServices = new ServiceCollection();
workflowServices.AddRetentionWorkflows().AddWorkflowDefinition(followUp);
using (var workflowProvider = workflowServices.BuildServiceProvider())
{
    workflowProvider.GetRequiredService<IStartupValidator>().Validate();
    var engine = workflowProvider.GetRequiredService<WorkflowEngine>();
    var started = Instant.FromUtc(2026, 11, 23, 2, 0); // Monday 10:00 in Shanghai
    var t = engine.Start(followUp, "C1", new WorkflowContext(), started);
    var task = t.Commands.OfType<AssignTask>().SingleOrDefault();
    Check(task is not null && task.DueAt == Instant.FromUtc(2026, 11, 24, 16, 0),
        $"D1-D2 is due at the end of Tuesday in the store's zone ({task?.DueAt})");
    var instanceJson = WorkflowJson.Serialize(t.Instance);
    Check(WorkflowJson.DeserializeInstance(instanceJson).Equals(t.Instance), "an instance survives a JSON round trip");
    var done = engine.Apply(t.Instance, new StepCompleted("call", "Done", started + Duration.FromHours(3)), started + Duration.FromHours(4));
    var again = engine.Apply(done.Instance, new StepCompleted("call", "Done", started + Duration.FromHours(3)), started + Duration.FromHours(5));
    Check(done.Instance.Outcome == WorkflowOutcome.Recovered && !again.Commands.Any() && again.Instance.Equals(done.Instance),
        "completing the step finishes the workflow, and replaying the event changes nothing");
}

Console.WriteLine(failures.Count == 0 ? "consumer: all checks passed" : $"consumer: {failures.Count} check(s) failed");
return failures.Count == 0 ? 0 : 1;
