using System.Globalization;
using Retention.Nps;

namespace Retention.Workflows;

/// <content>NPS low-score rescue (workflows.md section 3, nps.md sections 4-5).</content>
public static partial class BuiltInWorkflows
{
    /// <summary>
    /// <c>nps.rescue.s</c> v1, started on a grade S detractor answer (score 0-3, public-opinion risk or a safety issue):
    /// first response within 2 hours by the service manager personally; if not answered in time it escalates to the
    /// regional manager. Steps counted from the answer: <c>grade</c> 0-2 h, <c>first-contact</c> 0-2 h (LEAP,
    /// <c>nps.detractor.first-call</c>, an urgent touch; NoAnswer goes to <c>first-contact-again</c> within the hour after,
    /// also escalating to the regional manager), <c>investigate</c> 4-8 h, <c>design</c> 8-12 h (within the service
    /// manager's authority of 5000 it goes on; above it, <c>approve</c> by the store manager within 2 hours; a declined plan is cut back to that authority and carried out),
    /// <c>start</c> 12-24 h (execution starts: the call back before the promised time, <c>nps.detractor.callback</c>, and the
    /// apology in person), <c>execute</c> 12-72 h (progress reported unasked, <c>nps.detractor.progress</c>, and the re-rating
    /// invitation, <c>nps.rerating-request</c>), <c>review</c> 72-168 h ending <c>Recovered</c> or <c>Lost</c>. See <see cref="For(Retention.Scoring.ScoringOptions, NpsOptions)"/>
    /// for the same SOP built from the host's NPS options.
    /// </summary>
    public static WorkflowDefinition NpsRescueS { get; } = NpsRescue(DetractorGrade.S, DefaultNps);

    /// <summary>
    /// <c>nps.rescue.a</c> v1, started on a grade A detractor answer (score 4-5, or 6 from a high-value customer): first
    /// response within 6 hours, the service manager supervising (overdue steps escalate one role up). Steps counted from
    /// the answer: <c>grade</c> 0-2 h, <c>first-contact</c> 2-6 h (NoAnswer: <c>first-contact-again</c> 1-4 h after),
    /// <c>investigate</c> 4-8 h, <c>design</c> 8-12 h (authority 2000; above it <c>approve</c> by the store manager),
    /// <c>start</c> 12-24 h, <c>execute</c> 12-72 h, <c>review</c> 72-168 h.
    /// </summary>
    public static WorkflowDefinition NpsRescueA { get; } = NpsRescue(DetractorGrade.A, DefaultNps);

    /// <summary>
    /// <c>nps.rescue.b</c> v1, started on a grade B detractor answer (score 6, ordinary customer): first response within 24
    /// hours, the service advisor executing (overdue steps escalate one role up). Steps: <c>grade</c> 0-2 h and
    /// <c>first-contact</c> 2-24 h from the answer (NoAnswer: <c>first-contact-again</c> 1-4 h after); since the first
    /// contact may come as late as 24 h, the later steps keep the standard lengths but count from the first contact:
    /// <c>investigate</c> 0-4 h, <c>design</c> 4-8 h (authority 500; above it <c>approve</c> by the customer service supervisor),
    /// <c>start</c> 8-20 h, <c>execute</c> 8-68 h and <c>review</c> 68-164 h after it.
    /// </summary>
    public static WorkflowDefinition NpsRescueB { get; } = NpsRescue(DetractorGrade.B, DefaultNps);

    private static NpsOptions DefaultNps => new();

    /// <summary>
    /// Builds a grade's rescue from the NPS options: the grade's first-response deadline, responder, compensation authority
    /// and approver (<c>Grades.S</c> / <c>A</c> / <c>B</c>) and the step deadlines (<c>Rescue.IdentifyBy</c> to
    /// <c>Rescue.ExecuteBy</c>, with <c>Rescue.ExecutionStartsWithin</c> for the <c>start</c> step). When the first response may come after the standard investigation deadline (grade B by
    /// default) the later steps count from the first contact instead of the answer, keeping their standard lengths.
    /// </summary>
    private static WorkflowDefinition NpsRescue(DetractorGrade grade, NpsOptions nps)
    {
        var profile = grade switch
        {
            DetractorGrade.S => nps.Grades.S,
            DetractorGrade.A => nps.Grades.A,
            _ => nps.Grades.B,
        };
        var rescue = nps.Rescue;
        double deadline = profile.RespondWithin.TotalHours;
        double identifyBy = rescue.IdentifyBy.TotalHours, contactBy = rescue.FirstContactBy.TotalHours, investigateBy = rescue.InvestigateBy.TotalHours;
        double solutionBy = rescue.SolutionBy.TotalHours, executeBy = rescue.ExecuteBy.TotalHours, reviewBy = executeBy + ReviewHours;
        double startBy = rescue.ExecutionStartsWithin.TotalHours;
        var responder = (StaffRole)(int)profile.Responder;
        var approver = (StaffRole)(int)profile.Approver;
        var label = grade switch
        {
            DetractorGrade.S => T("S级", "grade S"),
            DetractorGrade.A => T("A级", "grade A"),
            _ => T("B级", "grade B"),
        };

        // Grade S answers at once (its whole deadline is step 1's); the others after the grading, when it ends before their deadline.
        var firstContact = StepWindow.Hours(grade == DetractorGrade.S || identifyBy >= deadline ? 0 : identifyBy, deadline);
        var retry = grade == DetractorGrade.S ? StepWindow.HoursAfter(WindowAnchor.AfterStep("first-contact"), 0, 1) : StepWindow.HoursAfter(WindowAnchor.AfterStep("first-contact"), 1, 4);
        bool fromContact = deadline >= investigateBy;
        StepWindow Later(double from, double to) => fromContact
            ? StepWindow.HoursAfter(WindowAnchor.AfterStep("first-contact"), from - contactBy, to - contactBy)
            : StepWindow.Hours(from, to);

        // workflows.md section 3: a red alert not answered in 2 h escalates to the regional manager.
        StaffRole? escalate = grade == DetractorGrade.S && responder < StaffRole.RegionalManager ? StaffRole.RegionalManager : null;
        string hours = N(deadline), authority = M(profile.CompensationAuthority);
        StepBuilder Escalating(StepBuilder step) => escalate is { } up ? step.EscalateTo(up) : step;
        var contact = Escalating(new WorkflowBuilder(
                "nps.rescue." + (grade == DetractorGrade.S ? "s" : grade == DetractorGrade.A ? "a" : "b"),
                Version,
                T($"NPS低分挽救（{label.ZhCn}，{hours}小时内首次响应）", $"NPS low-score rescue ({label.En}, first response within {hours} h)"))
            .StartsOn(WorkflowTrigger.DetractorAnswered(grade))
            .Step("grade", T("识别并定级，指定负责人", "Identify and grade the case, assign the owner"))
                .OwnedBy(StaffRole.ServiceManager).Within(StepWindow.Hours(0, identifyBy))
                .On(StepOutcomes.Done).Next()
            .Step("first-contact", T("首次联系并倾听（LEAP：倾听、共情、确认、承诺）", "First contact and listen (LEAP: listen, empathise, acknowledge, promise)"))
                .OwnedBy(responder).Via(ContactChannel.Phone)
                .Script("nps.detractor.first-call").Within(firstContact)
                .Touch(grade == DetractorGrade.S ? ContactPurpose.Urgent : ContactPurpose.Recovery));
        var again = Escalating(contact
                .On(StepOutcomes.Done).GoTo("investigate")
                .On(StepOutcomes.NoAnswer).Next()
            .Step("first-contact-again", T("未接通：再次致电，并留言说明会再联系", "No answer: call again and leave word that we will call back"))
                .OwnedBy(responder).Via(ContactChannel.Phone, ContactChannel.Sms)
                .Script("nps.detractor.first-call").Within(retry)
                .Touch(grade == DetractorGrade.S ? ContactPurpose.Urgent : ContactPurpose.Recovery));
        return again
                .On(StepOutcomes.Done).Next()
                .On(StepOutcomes.NoAnswer).Next()
            .Step("investigate", T("调查事实，找出根因并判定责任", "Investigate the facts, find the root cause and the responsibility"))
                .OwnedBy(responder).Within(Later(contactBy, investigateBy))
                .On(StepOutcomes.Done).Next()
            .Step("design", T($"设计方案：解决问题、弥补损失、修复关系（{authority}以内自主决定）", $"Design the solution: fix the problem, make up the loss, repair the relationship (up to {authority} without approval)"))
                .OwnedBy(responder).Within(Later(investigateBy, solutionBy))
                .On(StepOutcomes.Done).GoTo("start")
                .On(AboveAuthority).Next()
            .Step("approve", T($"方案超出{authority}：{RoleNames.Of(approver).ZhCn}审批", $"The plan exceeds {authority}: the {RoleNames.Of(approver).En} approves it"))
                .OwnedBy(approver).Within(StepWindow.HoursAfter(WindowAnchor.AfterStep("design"), 0, ApprovalHours))
                .On("Approved").Next()
                .On("Declined").Next() // Decision: a declined plan is cut back to the responder's own authority and carried out
            .Step("start", T("开始执行方案：在承诺时间前回电，严重或高价值个案当面致歉", "Start carrying out the plan: call back before the promised time, apologise in person for serious or high-value cases"))
                .OwnedBy(responder).Via(ContactChannel.Phone, ContactChannel.HomeVisit)
                .Script("nps.detractor.callback")
                .Within(Later(solutionBy, startBy)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).Next()
            .Step("execute", T("跟进直至解决：主动通报进度，解决后邀请（不强求）重新评价", "Follow up until solved: report progress unasked, invite (never press for) a re-rating once solved"))
                .OwnedBy(responder).Via(ContactChannel.Phone)
                .Script("nps.detractor.progress", "nps.rerating-request")
                .Within(Later(solutionBy, executeBy)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).Next()
            .Step("review", T("复盘改进：案例回顾、数据与制度改进", "Review and improve: case review, data, system changes"))
                .OwnedBy(StaffRole.ServiceManager).Within(Later(executeBy, reviewBy))
                .On("Recovered").Finish(WorkflowOutcome.Recovered)
                .On("Lost").Finish(WorkflowOutcome.NotRecovered)
            .Build();
    }
}
