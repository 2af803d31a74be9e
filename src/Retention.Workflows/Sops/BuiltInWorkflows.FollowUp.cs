namespace Retention.Workflows;

/// <content>Post-service follow-up and problem levels (workflows.md sections 5 and 6).</content>
public static partial class BuiltInWorkflows
{
    /// <summary>
    /// <c>followup.post-service</c> v1, started when a visit ends (the start is the moment the customer leaves), all by
    /// the service advisor and all through the contact calendar: <c>immediate</c> 0-2 h (automated SMS / app push,
    /// <c>followup.immediate</c>); for a customer in the first three months of a Red-tier recovery's care
    /// (<see cref="FollowUpBy.RecoveryCare"/>) <c>care-call</c>, the advisor's call within 24 h (NoAnswer: the advisor's
    /// <c>first-call</c> at 24-48 h); for everyone else the first follow-up at 24-48 h on one of two channels (dual channel), chosen by
    /// the context value <see cref="FollowUpByKey"/> (set it with <see cref="CaseRouter.RouteFollowUp"/> and
    /// <see cref="FollowUpRoute.ApplyTo"/>): <c>automated-survey</c> when it is <c>Automated</c> (the automated voice
    /// survey asking the same questions, <c>followup.first-call</c>; a reported Problem goes to a person at once:
    /// <c>problem-call</c>, the advisor calls within 2 hours), else <c>first-call</c>, the advisor's call (phone, 5-8
    /// minutes, <c>followup.first-call</c>). Both end Done, NoAnswer or Problem (the host passes the 0-10 answer to
    /// Retention.Nps and a problem to <see cref="CaseRouter.ClassifyProblem"/>, which names the problem-level workflow
    /// to start). Then <c>care</c> on D8, 7 days after the visit day (<c>followup.day7</c>), and <c>relationship</c> on
    /// D31, 30 days after the visit day (phone / WeChat, <c>followup.day30</c>; ends Recovered). Occasions (birthday,
    /// purchase anniversary, holidays, severe weather) are trigger rules (<see cref="TriggerRules"/>).
    /// </summary>
    public static WorkflowDefinition PostServiceFollowUp { get; } =
        new WorkflowBuilder("followup.post-service", Version, T("保养后回访", "Post-service follow-up"))
            .StartsOn(new WorkflowTrigger(TriggerKind.VisitCompleted))
            .Step("immediate", T("离店2小时内自动发送关怀短信", "Thank-you message within 2 hours of leaving (automated)"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Sms, ContactChannel.AppPush)
                .Script("followup.immediate").Within(StepWindow.Hours(0, 2)).Touch(ContactPurpose.ServiceFollowUp)
                .On(StepOutcomes.Done).Next()
            .Step("care-call", T("红色预警挽回后的前三个月：服务顾问24小时内致电", "First three months after a Red-tier recovery: the advisor calls within 24 hours"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone)
                .Script("followup.first-call").Within(StepWindow.Hours(0, 24)).When(FollowUpByKey + " == " + nameof(FollowUpBy.RecoveryCare))
                .Touch(ContactPurpose.ServiceFollowUp)
                .On(StepOutcomes.Done).GoTo("care")
                .On(StepOutcomes.NoAnswer).GoTo("first-call")
                .On("Problem").GoTo("care")
            .Step("automated-survey", T("24-48小时自动语音回访", "Automated voice survey at 24-48 h"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone)
                .Script("followup.first-call").Within(StepWindow.Hours(24, 48)).When(FollowUpByKey + " == " + nameof(FollowUpBy.Automated))
                .Touch(ContactPurpose.ServiceFollowUp)
                .WhenSkipped().GoTo("first-call")
                .On(StepOutcomes.Done).GoTo("care")
                .On(StepOutcomes.NoAnswer).GoTo("care")
                .On("Problem").Next()
            .Step("problem-call", T("自动回访反馈问题：服务顾问2小时内人工回电", "Problem reported to the automated survey: the advisor calls back within 2 hours"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone)
                .Script("followup.first-call").Within(StepWindow.HoursAfter(WindowAnchor.AfterStep("automated-survey"), 0, 2))
                .Touch(ContactPurpose.ServiceFollowUp)
                .On(StepOutcomes.Done).GoTo("care")
                .On("Problem").GoTo("care")
            .Step("first-call", T("24-48小时首次回访电话（5-8分钟）", "First follow-up call at 24-48 h (5-8 minutes)"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone)
                .Script("followup.first-call").Within(StepWindow.Hours(24, 48)).Touch(ContactPurpose.ServiceFollowUp)
                .Outcomes(StepOutcomes.Done, StepOutcomes.NoAnswer, "Problem")
            .Step("care", T("第7天关怀短信", "Care message seven days after the visit"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Sms, ContactChannel.AppPush)
                .Script("followup.day7").Within(StepWindow.Days(8, 8)).Touch(ContactPurpose.ServiceFollowUp)
                .On(StepOutcomes.Done).Next()
            .Step("relationship", T("第30天关系维护电话/微信", "Relationship call or WeChat thirty days after the visit"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone, ContactChannel.WeChat)
                .Script("followup.day30").Within(StepWindow.Days(31, 31)).Touch(ContactPurpose.ServiceFollowUp)
                .On(StepOutcomes.Done).Finish(WorkflowOutcome.Recovered)
            .Build();

    /// <summary>
    /// <c>problem.l1</c> v1, an urgent problem (safety, NPS &lt;= 3, threat of a complaint or the media), handled by the
    /// customer service supervisor with the highest compensation and emergency resources: <c>first-contact</c> within 2 h
    /// (<c>nps.detractor.first-call</c>, an urgent touch), <c>solution</c> within 4 h (<c>nps.detractor.callback</c>),
    /// <c>resolve</c> within 24 h, then <c>daily-follow-up</c> every day from the day after until satisfied (at most 14
    /// times): Satisfied ends Recovered at once, NotYet after the 14th ends NotRecovered.
    /// </summary>
    public static WorkflowDefinition ProblemL1 { get; } =
        new WorkflowBuilder("problem.l1", Version, T("一级问题（紧急）", "Level 1 problem (urgent)"))
            .StartsOn(new WorkflowTrigger(TriggerKind.ProblemReported, "L1"))
            .Step("first-contact", T("主管2小时内首次联系", "The supervisor contacts the customer within 2 hours"))
                .OwnedBy(StaffRole.CustomerServiceSupervisor).Via(ContactChannel.Phone)
                .Script("nps.detractor.first-call").Within(StepWindow.Hours(0, 2)).Touch(ContactPurpose.Urgent)
                .On(StepOutcomes.Done).Next()
            .Step("solution", T("4小时内给出方案（代步车、上门服务等应急资源）", "A solution within 4 hours (loaner, on-site service, other emergency resources)"))
                .OwnedBy(StaffRole.CustomerServiceSupervisor).Via(ContactChannel.Phone)
                .Script("nps.detractor.callback").Within(StepWindow.Hours(0, 4)).Touch(ContactPurpose.Urgent)
                .On(StepOutcomes.Done).Next()
            .Step("resolve", T("24小时内解决", "Resolved within 24 hours"))
                .OwnedBy(StaffRole.CustomerServiceSupervisor).Within(StepWindow.Hours(0, 24))
                .On(StepOutcomes.Done).Next()
            .Step("daily-follow-up", T("每日跟进直至客户满意", "Follow up daily until the customer is satisfied"))
                .OwnedBy(StaffRole.CustomerServiceSupervisor).Via(ContactChannel.Phone, ContactChannel.WeChat)
                .Within(StepWindow.Recurring(StepWindow.DaysAfter(WindowAnchor.AfterStep("resolve"), 1, 1), 1, RecurrenceUnit.Days, 14))
                .Touch(ContactPurpose.Urgent)
                .On("Satisfied").AtOnce().Finish(WorkflowOutcome.Recovered)
                .On("NotYet").Finish(WorkflowOutcome.NotRecovered)
            .Build();

    /// <summary>
    /// <c>problem.l2</c> v1, an important problem (noise, vibration, NPS 4-6, unhappy but willing), handled by the service
    /// advisor with the supervisor's support (overdue steps escalate to the supervisor): <c>first-contact</c> within 4 h
    /// (<c>nps.detractor.first-call</c>), <c>inspection</c> booked within 24 h, <c>resolve</c> within 48 h, then
    /// <c>follow-up-d3</c> and <c>follow-up-d7</c> 3 and 7 days after it was resolved (Done ends Recovered, Unhappy NotRecovered).
    /// </summary>
    public static WorkflowDefinition ProblemL2 { get; } =
        new WorkflowBuilder("problem.l2", Version, T("二级问题（重要）", "Level 2 problem (important)"))
            .StartsOn(new WorkflowTrigger(TriggerKind.ProblemReported, "L2"))
            .Step("first-contact", T("顾问4小时内首次联系", "The advisor contacts the customer within 4 hours"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone)
                .Script("nps.detractor.first-call").Within(StepWindow.Hours(0, 4)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).Next()
            .Step("inspection", T("24小时内预约检查", "Book an inspection within 24 hours"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone)
                .Within(StepWindow.Hours(0, 24)).Touch(ContactPurpose.Transactional)
                .On(StepOutcomes.Done).Next()
            .Step("resolve", T("48小时内解决", "Resolved within 48 hours"))
                .OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Hours(0, 48))
                .On(StepOutcomes.Done).Next()
            .Step("follow-up-d3", T("解决后第3天跟进", "Follow up 3 days after the fix"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone)
                .Within(StepWindow.DaysAfter(WindowAnchor.AfterStep("resolve"), 3, 3)).Touch(ContactPurpose.ServiceFollowUp)
                .On(StepOutcomes.Done).Next()
            .Step("follow-up-d7", T("解决后第7天跟进", "Follow up 7 days after the fix"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone)
                .Within(StepWindow.DaysAfter(WindowAnchor.AfterStep("resolve"), 7, 7)).Touch(ContactPurpose.ServiceFollowUp)
                .On(StepOutcomes.Done).Finish(WorkflowOutcome.Recovered)
                .On("Unhappy").Finish(WorkflowOutcome.NotRecovered)
            .Build();

    /// <summary>
    /// <c>problem.l3</c> v1, a general matter (a question, a suggestion, NPS 7-8 with remarks), handled by the service
    /// advisor: <c>first-contact</c> within 24 h, <c>close</c> within 72 h (ends Recovered).
    /// </summary>
    public static WorkflowDefinition ProblemL3 { get; } =
        new WorkflowBuilder("problem.l3", Version, T("三级问题（一般）", "Level 3 matter (general)"))
            .StartsOn(new WorkflowTrigger(TriggerKind.ProblemReported, "L3"))
            .Step("first-contact", T("顾问24小时内联系", "The advisor contacts the customer within 24 hours"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone, ContactChannel.WeChat)
                .Within(StepWindow.Hours(0, 24)).Touch(ContactPurpose.ServiceFollowUp)
                .On(StepOutcomes.Done).Next()
            .Step("close", T("72小时内关闭", "Closed within 72 hours"))
                .OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Hours(0, 72))
                .On(StepOutcomes.Done).Finish(WorkflowOutcome.Recovered)
            .Build();

    /// <summary>
    /// <c>followup.battery-weekly</c> (workflows.md section 7, battery rule): after a battery repair with 2 or more earlier
    /// battery repairs (80 % repeat), the advisor calls every week, starting in the first week, until the battery is stable
    /// (outcome <c>Stable</c>, which ends the workflow as <see cref="WorkflowOutcome.Recovered"/> at once); after 8 weeks
    /// without that answer it ends as <see cref="WorkflowOutcome.NotRecovered"/>. <b>Decision</b>: 8 weeks.
    /// </summary>
    public static WorkflowDefinition BatteryWeekly { get; } =
        new WorkflowBuilder("followup.battery-weekly", Version, T("电瓶维修后每周回访", "Weekly follow-up after a battery repair"))
            .StartsOn(new WorkflowTrigger(TriggerKind.Rule, "repair.battery-weekly"))
            .Step("weekly-call", T("顾问每周回访，直到电瓶稳定", "The advisor calls every week until the battery is stable"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone)
                .Within(StepWindow.Recurring(StepWindow.Days(1, 7), 1, RecurrenceUnit.Weeks, 8)).Touch(ContactPurpose.ServiceFollowUp)
                .On("Stable").AtOnce().Finish(WorkflowOutcome.Recovered)
                .On("NotYet").Finish(WorkflowOutcome.NotRecovered)
            .Build();
}
