namespace Retention.Workflows;

/// <content>Churn-stage recovery (workflows.md section 4).</content>
public static partial class BuiltInWorkflows
{
    /// <summary>
    /// <c>churn.pre</c> v1, started for each customer on the Monday pre-churn list (<see cref="WeeklyScreening.Screen"/>
    /// turns the base's recovery decisions into the layered list, with the context each start needs); 6 steps:
    /// <list type="number">
    /// <item><c>analyse</c> 0-24 h: reason analysis (history, last satisfaction, likely cause), by the service advisor.</item>
    /// <item>Tiered outreach within 24 h, by the context value <see cref="ValueTierKey"/>: <c>outreach-high</c> (<c>High</c>:
    /// the store manager calls, <c>prechurn.high.manager-call</c>), <c>outreach-mid</c> (<c>Mid</c>: the advisor calls,
    /// <c>prechurn.mid.advisor-call</c>), else <c>outreach-low</c> (<c>Low</c> or unknown: automated SMS / app push,
    /// <c>prechurn.low.sms</c>, a marketing touch). Each ends with Booked (to <c>confirm</c>), NoAnswer (to <c>retry</c>) or
    /// Refused (ends NotRecovered: record the reason; the customer moves on to the next stage's treatment).</item>
    /// <item><c>retry</c> D4-D5: the second attempt, 3 days after the first (the first is due on D1, so D4 is three calendar
    /// days after it; the three outreach variants share one retry, so the window counts from the start rather than from
    /// one of them). <b>Decision</b>: the retry is the advisor's call or SMS (<c>prechurn.mid.advisor-call</c>) whatever the
    /// value tier. Booked goes on, anything else ends NotRecovered.</item>
    /// <item><c>confirm</c> the day before the appointment: confirm; Done ends Recovered, Refused NotRecovered.</item>
    /// </list>
    /// </summary>
    public static WorkflowDefinition PreChurn { get; } =
        new WorkflowBuilder("churn.pre", Version, T("预流失客户挽回", "Pre-churn recovery"))
            .StartsOn(new WorkflowTrigger(TriggerKind.ChurnStageEntered, nameof(Scoring.ChurnStage.PreChurn)))
            .Step("analyse", T("原因分析：历史记录、上次满意度、可能原因", "Reason analysis: history, last satisfaction, likely cause"))
                .OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Hours(0, 24))
                .On(StepOutcomes.Done).Next()
            .Step("outreach-high", T("高价值客户：店长关怀电话", "High value: the store manager calls"))
                .OwnedBy(StaffRole.StoreManager).Via(ContactChannel.Phone)
                .Script("prechurn.high.manager-call").Within(StepWindow.Hours(0, 24)).When(ValueTierKey + " == High").Touch(ContactPurpose.Recovery)
                .On("Booked").GoTo("confirm")
                .On(StepOutcomes.NoAnswer).GoTo("retry")
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("outreach-mid", T("中价值客户：服务顾问提醒电话", "Mid value: the service advisor calls"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone)
                .Script("prechurn.mid.advisor-call").Within(StepWindow.Hours(0, 24)).When(ValueTierKey + " == Mid").Touch(ContactPurpose.Recovery)
                .On("Booked").GoTo("confirm")
                .On(StepOutcomes.NoAnswer).GoTo("retry")
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("outreach-low", T("低价值客户：自动短信/App推送", "Low value: automated SMS or app push"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Sms, ContactChannel.AppPush)
                .Script("prechurn.low.sms").Within(StepWindow.Hours(0, 24)).Touch(ContactPurpose.Marketing)
                .On("Booked").GoTo("confirm")
                .On(StepOutcomes.NoAnswer).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("retry", T("未接通：3天后再次联系", "No answer: try again three days later"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone, ContactChannel.Sms)
                .Script("prechurn.mid.advisor-call").Within(StepWindow.Days(4, 5)).Touch(ContactPurpose.Recovery)
                .On("Booked").Next()
                .On(StepOutcomes.NoAnswer).Finish(WorkflowOutcome.NotRecovered)
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("confirm", T("到店前一天确认预约", "Confirm the booking the day before"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone, ContactChannel.Sms)
                .Within(StepWindow.DaysAfter(WindowAnchor.Appointment, -1, -1)).Touch(ContactPurpose.Transactional)
                .On(StepOutcomes.Done).Finish(WorkflowOutcome.Recovered)
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Build();

    /// <summary>
    /// <c>churn.early</c> v1, started when a customer enters early churn; 3 steps, all by the store manager:
    /// <c>call</c> D1-D3 (admit the earlier failure, show the improvements, "not satisfied = free", goodwill extras;
    /// <c>earlychurn.manager-call</c>; Refused ends NotRecovered; the spec names no retry, so an unanswered call is tried
    /// again within the step's three days), <c>visit</c> on the appointment day (NoShow ends
    /// NotRecovered), <c>follow-up</c> D+1..D+2 after the visit (personal follow-up, <c>followup.first-call</c>; Done ends
    /// Recovered, Unhappy NotRecovered).
    /// </summary>
    public static WorkflowDefinition EarlyChurn { get; } =
        new WorkflowBuilder("churn.early", Version, T("早期流失客户挽回", "Early-churn recovery"))
            .StartsOn(new WorkflowTrigger(TriggerKind.ChurnStageEntered, nameof(Scoring.ChurnStage.EarlyChurn)))
            .Step("call", T("店长致电：承认此前不足，介绍改进，不满意免费，附赠礼遇", "Manager's call: admit the earlier failure, show the improvements, not satisfied = free, goodwill extras"))
                .OwnedBy(StaffRole.StoreManager).Via(ContactChannel.Phone)
                .Script("earlychurn.manager-call").Within(StepWindow.Days(1, 3)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Agreed).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("visit", T("到店：兑现承诺", "The visit: keep every promise"))
                .OwnedBy(StaffRole.StoreManager).Within(StepWindow.DaysAfter(WindowAnchor.Appointment, 0, 0))
                .On(StepOutcomes.Done).Next()
                .On("NoShow").Finish(WorkflowOutcome.NotRecovered)
            .Step("follow-up", T("店长亲自回访", "The manager follows up personally"))
                .OwnedBy(StaffRole.StoreManager).Via(ContactChannel.Phone)
                .Script("followup.first-call").Within(StepWindow.DaysAfter(WindowAnchor.Visit, 1, 2)).Touch(ContactPurpose.ServiceFollowUp)
                .On(StepOutcomes.Done).Finish(WorkflowOutcome.Recovered)
                .On("Unhappy").Finish(WorkflowOutcome.NotRecovered)
            .Build();

    /// <summary>
    /// <c>churn.deep</c> v1, three weeks, started only when the deep-churn decision tree of Retention.Scoring says "deep
    /// recovery" (the host checks it): <c>reconnect</c> D1-D7 (week 1: the general manager's home visit, a personal gift,
    /// no business talk, learn the real reason), <c>solve</c> D8-D14 (week 2: the service manager solves the problem),
    /// <c>upgrade</c> D15-D21 (week 3: the advisor upgrades the relationship: owner-advisor, test drives, concierge,
    /// yearly package; Agreed ends Recovered). Refused at any step ends NotRecovered.
    /// </summary>
    public static WorkflowDefinition DeepChurn { get; } =
        new WorkflowBuilder("churn.deep", Version, T("深度流失客户挽回（3周）", "Deep-churn recovery (3 weeks)"))
            .StartsOn(new WorkflowTrigger(TriggerKind.ChurnStageEntered, nameof(Scoring.ChurnStage.DeepChurn)))
            .Step("reconnect", T("第1周情感重连：总经理上门、私人礼物、不谈业务、了解真实原因", "Week 1, reconnect: GM home visit, a personal gift, no business talk, learn the real reason"))
                .OwnedBy(StaffRole.GeneralManager).Via(ContactChannel.HomeVisit)
                .Within(StepWindow.Days(1, 7)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("solve", T("第2周解决问题", "Week 2, solve the problem"))
                .OwnedBy(StaffRole.ServiceManager).Via(ContactChannel.Phone)
                .Within(StepWindow.Days(8, 14)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("upgrade", T("第3周升级关系：专属顾问、试驾、礼宾服务、年度套餐", "Week 3, upgrade the relationship: owner-advisor, test drives, concierge, yearly package"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone, ContactChannel.WeChat)
                .Within(StepWindow.Days(15, 21)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Agreed).Finish(WorkflowOutcome.Recovered)
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Build();
}
