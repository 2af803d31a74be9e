using System.Globalization;

namespace Retention.Workflows;

/// <content>NPS low-score rescue (workflows.md section 3, nps.md sections 4-5).</content>
public static partial class BuiltInWorkflows
{
    /// <summary>
    /// <c>nps.rescue.s</c> v1, started on a grade S detractor answer (score 0-3, public-opinion risk or a safety issue):
    /// first response within 2 hours by the service manager personally; if not answered in time it escalates to the
    /// regional manager. 6 steps counted from the answer: <c>grade</c> 0-2 h, <c>first-contact</c> 0-2 h (LEAP,
    /// <c>nps.detractor.first-call</c>, an urgent touch), <c>investigate</c> 4-8 h, <c>design</c> 8-12 h, <c>execute</c>
    /// 12-72 h (<c>nps.detractor.callback</c>, <c>nps.detractor.progress</c>, <c>nps.rerating-request</c>; in person),
    /// <c>review</c> 72-168 h ending <c>Recovered</c> or <c>Lost</c>.
    /// </summary>
    public static WorkflowDefinition NpsRescueS { get; } = NpsRescue(DetractorGrade.S);

    /// <summary>
    /// <c>nps.rescue.a</c> v1, started on a grade A detractor answer (score 4-5, or 6 from a high-value customer): first
    /// response within 6 hours, the service manager supervising (overdue steps escalate one role up). 6 steps counted from
    /// the answer: <c>grade</c> 0-2 h, <c>first-contact</c> 2-6 h, <c>investigate</c> 4-8 h, <c>design</c> 8-12 h,
    /// <c>execute</c> 12-72 h, <c>review</c> 72-168 h.
    /// </summary>
    public static WorkflowDefinition NpsRescueA { get; } = NpsRescue(DetractorGrade.A);

    /// <summary>
    /// <c>nps.rescue.b</c> v1, started on a grade B detractor answer (score 6, ordinary customer): first response within 24
    /// hours, the service advisor executing (overdue steps escalate one role up). 6 steps: <c>grade</c> 0-2 h and
    /// <c>first-contact</c> 2-24 h from the answer; since the first contact may come as late as 24 h, the later steps keep
    /// the standard lengths but count from the first contact: <c>investigate</c> 0-4 h, <c>design</c> 4-8 h,
    /// <c>execute</c> 8-68 h and <c>review</c> 68-164 h after it.
    /// </summary>
    public static WorkflowDefinition NpsRescueB { get; } = NpsRescue(DetractorGrade.B);

    private static WorkflowDefinition NpsRescue(DetractorGrade grade)
    {
        // nps.md section 4: the grade's first-response deadline and responder.
        var (deadline, responder, label) = grade switch
        {
            DetractorGrade.S => (2, StaffRole.ServiceManager, T("S级", "grade S")),
            DetractorGrade.A => (6, StaffRole.ServiceManager, T("A级", "grade A")),
            _ => (24, StaffRole.ServiceAdvisor, T("B级", "grade B")),
        };

        // Grade S answers at once (its whole deadline is the 0-2 h of step 1); A and B after the 2 h of grading.
        var firstContact = grade == DetractorGrade.S ? StepWindow.Hours(0, deadline) : StepWindow.Hours(2, deadline);
        StepWindow Later(double from, double to) => grade == DetractorGrade.B
            ? StepWindow.HoursAfter(WindowAnchor.AfterStep("first-contact"), from - 4, to - 4)
            : StepWindow.Hours(from, to);

        string hours = deadline.ToString(CultureInfo.InvariantCulture);
        var contact = new WorkflowBuilder(
                "nps.rescue." + (grade == DetractorGrade.S ? "s" : grade == DetractorGrade.A ? "a" : "b"),
                Version,
                T($"NPS低分挽救（{label.ZhCn}，{hours}小时内首次响应）", $"NPS low-score rescue ({label.En}, first response within {hours} h)"))
            .StartsOn(WorkflowTrigger.DetractorAnswered(grade))
            .Step("grade", T("识别并定级，指定负责人", "Identify and grade the case, assign the owner"))
                .OwnedBy(StaffRole.ServiceManager).Within(StepWindow.Hours(0, 2))
                .On(StepOutcomes.Done).Next()
            .Step("first-contact", T("首次联系并倾听（LEAP：倾听、共情、确认、承诺）", "First contact and listen (LEAP: listen, empathise, acknowledge, promise)"))
                .OwnedBy(responder).Via(ContactChannel.Phone)
                .Script("nps.detractor.first-call").Within(firstContact)
                .Touch(grade == DetractorGrade.S ? ContactPurpose.Urgent : ContactPurpose.Recovery);
        if (grade == DetractorGrade.S)
        {
            // workflows.md section 3: a red alert not answered in 2 h escalates to the regional manager.
            contact.EscalateTo(StaffRole.RegionalManager);
        }

        return contact
                .On(StepOutcomes.Done).Next()
            .Step("investigate", T("调查事实，找出根因并判定责任", "Investigate the facts, find the root cause and the responsibility"))
                .OwnedBy(responder).Within(Later(4, 8))
                .On(StepOutcomes.Done).Next()
            .Step("design", T("设计方案：解决问题、弥补损失、修复关系", "Design the solution: fix the problem, make up the loss, repair the relationship"))
                .OwnedBy(responder).Within(Later(8, 12))
                .On(StepOutcomes.Done).Next()
            .Step("execute", T("执行并跟进：按时回电、当面致歉、主动通报进度、解决后邀请重新评价", "Carry out and follow up: call back on time, apologise in person, report progress, invite a re-rating once solved"))
                .OwnedBy(responder).Via(ContactChannel.Phone, ContactChannel.HomeVisit)
                .Script("nps.detractor.callback", "nps.detractor.progress", "nps.rerating-request")
                .Within(Later(12, 72)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).Next()
            .Step("review", T("复盘改进：案例回顾、数据与制度改进", "Review and improve: case review, data, system changes"))
                .OwnedBy(StaffRole.ServiceManager).Within(Later(72, 168))
                .On("Recovered").Finish(WorkflowOutcome.Recovered)
                .On("Lost").Finish(WorkflowOutcome.NotRecovered)
            .Build();
    }
}
