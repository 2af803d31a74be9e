using Retention.Scoring;

namespace Retention.Workflows;

/// <content>Risk-tier recovery SOPs (workflows.md section 2).</content>
public static partial class BuiltInWorkflows
{
    /// <summary>
    /// <c>risk.yellow</c> v1, started when a customer enters the Yellow tier (respond within 7 days); 10 steps, owned by the
    /// customer service supervisor until the visit, then the service advisor:
    /// <list type="number">
    /// <item><c>call</c> D1-D2: call back, understand, build trust (<c>risk.yellow.supervisor-call</c>); Refused ends NotRecovered, NoAnswer goes to <c>call-again</c>.</item>
    /// <item><c>call-again</c> (only after NoAnswer) the day after the first attempt: the second call; if nobody answers again the plan still goes out in writing (<c>classify</c>).</item>
    /// <item><c>classify</c> D2-D3: classify the problem (outcomes <c>Price</c>, <c>ServiceExperience</c>, <c>Inconvenience</c>, <c>Other</c>) and choose the remedy; requests the 500 budget from the service manager.</item>
    /// <item><c>plan</c> D3-D4: send the personal plan by WeChat / SMS (<c>risk.yellow.price-offer</c> or <c>risk.yellow.service-apology</c>).</item>
    /// <item><c>decide</c> D4-D5: the customer's answer: Agreed goes to <c>remind</c>, Hesitant to <c>hold</c>, Refused ends NotRecovered.</item>
    /// <item><c>hold</c> D5-D14 (hesitant only): no pressure, the offer is held until D14 (<c>risk.yellow.hold-offer</c>); Agreed goes on, Refused or Expired ends NotRecovered.</item>
    /// <item><c>remind</c> the day before the appointment: confirm the time, assign the best advisor.</item>
    /// <item><c>visit</c> the appointment day: upgraded in-store service; NoShow ends NotRecovered.</item>
    /// <item><c>after-visit</c> D+1 after the visit: follow-up call / WeChat (<c>risk.yellow.after-visit</c>).</item>
    /// <item><c>care</c> monthly for 3 months from D+30 after the visit: non-promotional care; Done ends Recovered, Refused (at once) NotRecovered.
    /// The holiday greetings of the spec's long-term care are the occasion trigger rule <see cref="TriggerRules.Holiday"/>.</item>
    /// </list>
    /// </summary>
    public static WorkflowDefinition YellowRecovery { get; } = Yellow(DefaultScoring);

    private static WorkflowDefinition Yellow(ScoringOptions o) =>
        new WorkflowBuilder("risk.yellow", Version, T("黄色预警挽回（7天内响应）", "Yellow-tier recovery (respond within 7 days)"))
            .StartsOn(WorkflowTrigger.RiskTierEntered(RiskTier.Yellow))
            .Step("call", T("主管致电：了解原因、重建信任", "Supervisor calls: listen, understand, rebuild trust"))
                .OwnedBy(StaffRole.CustomerServiceSupervisor).Via(ContactChannel.Phone)
                .Script("risk.yellow.supervisor-call").Within(StepWindow.Days(1, 2)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).GoTo("classify")
                .On(StepOutcomes.NoAnswer).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("call-again", T("未接通：次日再次致电", "No answer: call again the next day"))
                .OwnedBy(StaffRole.CustomerServiceSupervisor).Via(ContactChannel.Phone)
                .Script("risk.yellow.supervisor-call").Within(StepWindow.DaysAfter(WindowAnchor.AfterStep("call"), 1, 1)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).Next()
                .On(StepOutcomes.NoAnswer).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("classify", T("问题归类并确定补救方式", "Classify the problem and choose the remedy"))
                .OwnedBy(StaffRole.CustomerServiceSupervisor).Within(StepWindow.Days(2, 3))
                .RequestApproval(o.Tiers.Yellow.RecoveryCostMax, StaffRole.ServiceManager)
                .Outcomes("Price", "ServiceExperience", "Inconvenience", "Other")
            .Step("plan", T("通过微信/短信发送专属方案", "Send the personal plan by WeChat or SMS"))
                .OwnedBy(StaffRole.CustomerServiceSupervisor).Via(ContactChannel.WeChat, ContactChannel.Sms)
                .Script("risk.yellow.price-offer", "risk.yellow.service-apology").Within(StepWindow.Days(3, 4)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).Next()
            .Step("decide", T("确认客户意向", "Hear the customer's answer"))
                .OwnedBy(StaffRole.CustomerServiceSupervisor).Via(ContactChannel.Phone)
                .Within(StepWindow.Days(4, 5)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Agreed).GoTo("remind")
                .On(StepOutcomes.Hesitant).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("hold", T("客户犹豫：不施压，保留优惠至约定日期", "Customer hesitates: no pressure, the offer is held until a date"))
                .OwnedBy(StaffRole.CustomerServiceSupervisor).Via(ContactChannel.Phone, ContactChannel.WeChat)
                .Script("risk.yellow.hold-offer").Within(StepWindow.Days(5, 14)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Agreed).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
                .On("Expired").Finish(WorkflowOutcome.NotRecovered)
            .Step("remind", T("到店前一天确认时间，安排最佳顾问", "The day before: confirm the time, assign the best advisor"))
                .OwnedBy(StaffRole.CustomerServiceSupervisor).Via(ContactChannel.Phone)
                .Within(StepWindow.DaysAfter(WindowAnchor.Appointment, -1, -1)).Touch(ContactPurpose.Transactional)
                .On(StepOutcomes.Done).Next()
            .Step("visit", T("到店升级服务：专人接待、透明维修、离店前确认满意", "Upgraded visit: personal welcome, open repair, satisfaction check before leaving"))
                .OwnedBy(StaffRole.CustomerServiceSupervisor).Within(StepWindow.DaysAfter(WindowAnchor.Appointment, 0, 0))
                .On(StepOutcomes.Done).Next()
                .On("NoShow").Finish(WorkflowOutcome.NotRecovered)
            .Step("after-visit", T("到店次日电话/微信回访", "Call or WeChat the day after the visit"))
                .OwnedBy(StaffRole.CustomerServiceSupervisor).Via(ContactChannel.Phone, ContactChannel.WeChat)
                .Script("risk.yellow.after-visit").Within(StepWindow.DaysAfter(WindowAnchor.Visit, 1, 1)).Touch(ContactPurpose.ServiceFollowUp)
                .On(StepOutcomes.Done).Next()
            .Step("care", T("此后三个月每月关怀（不推销）", "Monthly care for three months, no selling"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.WeChat, ContactChannel.Sms)
                .Within(StepWindow.Recurring(StepWindow.DaysAfter(WindowAnchor.Visit, 30, 36), 1, RecurrenceUnit.Months, 3)).Touch(ContactPurpose.Care)
                .On(StepOutcomes.Done).Finish(WorkflowOutcome.Recovered)
                .On(StepOutcomes.Refused).AtOnce().Finish(WorkflowOutcome.NotRecovered)
            .Build();

    /// <summary>
    /// <c>risk.orange</c> v1, started when a customer enters the Orange tier (respond within 3 days); 10 steps, all owned by
    /// the store manager:
    /// <list type="number">
    /// <item><c>call</c> D1: the manager calls personally (<c>risk.orange.manager-call</c>); Refused ends NotRecovered, NoAnswer goes to <c>call-again</c>.</item>
    /// <item><c>call-again</c> (only after NoAnswer) 2-6 hours after the first attempt; if nobody answers again the meeting and the written plan go ahead.</item>
    /// <item>Management meeting D1 (cause, plan, owner, deadlines), one of two steps by value score, each requesting its budget
    /// from the general manager as Retention.Scoring decides it: <c>meeting-home-visit</c> above 70 (budget 1500, the plan
    /// includes the home visit), else <c>meeting</c> (70 or below or unknown, budget 800). The figures come from
    /// <see cref="Retention.Scoring.RecoveryDecisionOptions"/> (see <see cref="For(ScoringOptions)"/>).</item>
    /// <item><c>plan</c> D2: the tailored plan with goodwill compensation and a guarantee (<c>risk.orange.plan</c>); Refused ends NotRecovered.</item>
    /// <item><c>home-visit</c> D3, only if the value score is above 70: home visit with a small gift and the written plan.</item>
    /// <item><c>first-visit</c> the appointment day: present throughout, feedback before leaving; NoShow ends NotRecovered.</item>
    /// <item><c>followup-d1</c>, <c>followup-d7</c>, <c>followup-d30</c>: D+1 call, D+7 WeChat, D+30 call to book the next service after the visit; the last ends Recovered.</item>
    /// </list>
    /// </summary>
    public static WorkflowDefinition OrangeRecovery { get; } = Orange(DefaultScoring);

    private static WorkflowDefinition Orange(ScoringOptions o) =>
        new WorkflowBuilder("risk.orange", Version, T("橙色预警挽回（3天内响应）", "Orange-tier recovery (respond within 3 days)"))
            .StartsOn(WorkflowTrigger.RiskTierEntered(RiskTier.Orange))
            .Step("call", T("店长亲自致电", "The store manager calls personally"))
                .OwnedBy(StaffRole.StoreManager).Via(ContactChannel.Phone)
                .Script("risk.orange.manager-call").Within(StepWindow.Days(1, 1)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).GoTo("meeting-home-visit")
                .On(StepOutcomes.NoAnswer).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("call-again", T("未接通：2-6小时后再次致电", "No answer: call again 2 to 6 hours later"))
                .OwnedBy(StaffRole.StoreManager).Via(ContactChannel.Phone)
                .Script("risk.orange.manager-call").Within(StepWindow.HoursAfter(WindowAnchor.AfterStep("call"), 2, 6)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).Next()
                .On(StepOutcomes.NoAnswer).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("meeting-home-visit", T($"当天管理层会议：原因、方案、责任人与期限；价值分高于{N(o.Decision.OrangeHomeVisitAbove)}，含上门拜访（预算{M(o.Decision.OrangeHomeVisitBudget)}）", $"Same-day management meeting: cause, plan, owner, deadlines; value score above {N(o.Decision.OrangeHomeVisitAbove)}, with a home visit (budget {M(o.Decision.OrangeHomeVisitBudget)})"))
                .OwnedBy(StaffRole.StoreManager).Within(StepWindow.Days(1, 1))
                .When($"valueScore > {N(o.Decision.OrangeHomeVisitAbove)}").RequestApproval(o.Decision.OrangeHomeVisitBudget, StaffRole.GeneralManager)
                .On(StepOutcomes.Done).GoTo("plan")
            .Step("meeting", T($"当天管理层会议：原因、方案、责任人与期限（预算{M(o.Decision.OrangeBudget)}）", $"Same-day management meeting: cause, plan, owner, deadlines (budget {M(o.Decision.OrangeBudget)})"))
                .OwnedBy(StaffRole.StoreManager).Within(StepWindow.Days(1, 1))
                .RequestApproval(o.Decision.OrangeBudget, StaffRole.GeneralManager)
                .On(StepOutcomes.Done).Next()
            .Step("plan", T("发送专属方案：补偿、改进措施与质保承诺", "Send the tailored plan: goodwill, improvements, guarantee"))
                .OwnedBy(StaffRole.StoreManager).Via(ContactChannel.WeChat, ContactChannel.Email)
                .Script("risk.orange.plan").Within(StepWindow.Days(2, 2)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("home-visit", T("携小礼品与书面方案上门拜访", "Home visit with a small gift and the written plan"))
                .OwnedBy(StaffRole.StoreManager).Via(ContactChannel.HomeVisit)
                .Within(StepWindow.Days(3, 3)).When($"valueScore > {N(o.Decision.OrangeHomeVisitAbove)}").Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).Next()
            .Step("first-visit", T("首次到店：店长全程陪同，离店前征求意见", "First visit: the manager is there throughout and asks for feedback"))
                .OwnedBy(StaffRole.StoreManager).Within(StepWindow.DaysAfter(WindowAnchor.Appointment, 0, 0))
                .On(StepOutcomes.Done).Next()
                .On("NoShow").Finish(WorkflowOutcome.NotRecovered)
            .Step("followup-d1", T("到店次日电话回访", "Call the day after the visit"))
                .OwnedBy(StaffRole.StoreManager).Via(ContactChannel.Phone)
                .Script("followup.first-call").Within(StepWindow.DaysAfter(WindowAnchor.Visit, 1, 1)).Touch(ContactPurpose.ServiceFollowUp)
                .On(StepOutcomes.Done).Next()
            .Step("followup-d7", T("第7天微信关怀", "WeChat message seven days after the visit"))
                .OwnedBy(StaffRole.StoreManager).Via(ContactChannel.WeChat)
                .Script("followup.day7").Within(StepWindow.DaysAfter(WindowAnchor.Visit, 7, 7)).Touch(ContactPurpose.ServiceFollowUp)
                .On(StepOutcomes.Done).Next()
            .Step("followup-d30", T("第30天致电并预约下次保养", "Call thirty days after the visit to book the next service"))
                .OwnedBy(StaffRole.StoreManager).Via(ContactChannel.Phone)
                .Script("followup.day30").Within(StepWindow.DaysAfter(WindowAnchor.Visit, 30, 30)).Touch(ContactPurpose.ServiceFollowUp)
                .On(StepOutcomes.Done).Finish(WorkflowOutcome.Recovered)
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Build();

    /// <summary>
    /// <c>risk.red</c> v1, started when a customer enters the Red tier (respond within 24 hours); 11 steps, owned by the
    /// general manager until the long-term care:
    /// <list type="number">
    /// <item><c>call</c> 0-24 h: the general manager calls (<c>risk.red.gm-call</c>); Refused ends NotRecovered, NoAnswer goes to <c>call-again</c>.</item>
    /// <item><c>call-again</c> (only after NoAnswer) 1-3 hours after the first attempt; if nobody answers again the meeting goes ahead (it counts from the first attempt, the same day).</item>
    /// <item>Emergency meeting the same day as the call, one of three steps by value score: <c>full-recovery</c> at 80 or above (the figures come from <see cref="Retention.Scoring.RecoveryDecisionOptions"/>, see <see cref="For(ScoringOptions)"/>)
    /// (budget 3000), <c>farewell</c> below 60 (budget 500, polite farewell, ends <see cref="WorkflowOutcome.Farewell"/>),
    /// else <c>effort</c> (60-80 or unknown, budget 2000). Each requests its budget from the general manager.</item>
    /// <item><c>home-visit</c> D2: executive home visit with the written apology and compensation plan (<c>risk.red.apology-plan</c>); Refused ends NotRecovered.</item>
    /// <item><c>commitment</c> the day the customer agrees or the next: sign the service commitment letter (<c>risk.red.commitment-letter</c>).</item>
    /// <item><c>top-service</c> the appointment day: top-level service; NoShow ends NotRecovered. <b>Decision</b>: the step covers
    /// the first visit back; later visits in the care year are followed up by the post-service follow-up (its
    /// <c>care-call</c> in the first three months), and the top-level welcome on them is the store's standing practice.</item>
    /// <item><c>delivery</c> the day of delivery (the visit's end): exceed the promise.</item>
    /// <item><c>care-first-3-months</c>: non-business care every 2 weeks for the first 3 months after the visit (6 times);
    /// then <c>care-monthly</c>: monthly care for the rest of the first year (9 times; every third occurrence is the quarterly
    /// visit, <see cref="AssignTask.Occurrence"/> tells which), ending Recovered. The call within 24 h after every service in
    /// the first three months is the post-service follow-up's <c>care-call</c> (route the visit with
    /// <see cref="FollowUpFacts.RedRecoveryCare"/> while <c>care-first-3-months</c> is open); holidays and the birthday gift are trigger rules; the yearly customer event is
    /// the store's.</item>
    /// </list>
    /// </summary>
    public static WorkflowDefinition RedRecovery { get; } = Red(DefaultScoring);

    private static WorkflowDefinition Red(ScoringOptions o) =>
        new WorkflowBuilder("risk.red", Version, T("红色预警挽回（24小时内响应）", "Red-tier recovery (respond within 24 hours)"))
            .StartsOn(WorkflowTrigger.RiskTierEntered(RiskTier.Red))
            .Step("call", T("总经理亲自致电", "The general manager calls"))
                .OwnedBy(StaffRole.GeneralManager).Via(ContactChannel.Phone)
                .Script("risk.red.gm-call").Within(StepWindow.Hours(0, 24)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).GoTo("full-recovery")
                .On(StepOutcomes.NoAnswer).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("call-again", T("未接通：1-3小时后再次致电", "No answer: call again 1 to 3 hours later"))
                .OwnedBy(StaffRole.GeneralManager).Via(ContactChannel.Phone)
                .Script("risk.red.gm-call").Within(StepWindow.HoursAfter(WindowAnchor.AfterStep("call"), 1, 3)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).Next()
                .On(StepOutcomes.NoAnswer).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("full-recovery", T($"紧急会议：价值分不低于{N(o.Decision.RedFullRecoveryFrom)}，全力挽回（预算{M(o.Decision.RedFullRecoveryBudget)}）", $"Emergency meeting: value score {N(o.Decision.RedFullRecoveryFrom)} or above, full recovery (budget {M(o.Decision.RedFullRecoveryBudget)})"))
                .OwnedBy(StaffRole.GeneralManager).Within(StepWindow.DaysAfter(WindowAnchor.AfterStep("call"), 0, 0))
                .When($"valueScore >= {N(o.Decision.RedFullRecoveryFrom)}").RequestApproval(o.Decision.RedFullRecoveryBudget, StaffRole.GeneralManager)
                .On(StepOutcomes.Done).GoTo("home-visit")
            .Step("farewell", T($"紧急会议：价值分低于{N(o.Decision.RedMakeEffortFrom)}，体面告别并维系关系（预算{M(o.Decision.RedFarewellBudget)}）", $"Emergency meeting: value score below {N(o.Decision.RedMakeEffortFrom)}, a polite farewell that keeps the relationship (budget {M(o.Decision.RedFarewellBudget)})"))
                .OwnedBy(StaffRole.GeneralManager).Via(ContactChannel.Phone).Within(StepWindow.DaysAfter(WindowAnchor.AfterStep("call"), 0, 0))
                .When($"valueScore < {N(o.Decision.RedMakeEffortFrom)}").RequestApproval(o.Decision.RedFarewellBudget, StaffRole.GeneralManager).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).Finish(WorkflowOutcome.Farewell)
            .Step("effort", T($"紧急会议：价值分{N(o.Decision.RedMakeEffortFrom)}-{N(o.Decision.RedFullRecoveryFrom)}，尽力挽回（预算{M(o.Decision.RedMakeEffortBudget)}）", $"Emergency meeting: value score {N(o.Decision.RedMakeEffortFrom)} to below {N(o.Decision.RedFullRecoveryFrom)}, a real effort (budget {M(o.Decision.RedMakeEffortBudget)})"))
                .OwnedBy(StaffRole.GeneralManager).Within(StepWindow.DaysAfter(WindowAnchor.AfterStep("call"), 0, 0))
                .RequestApproval(o.Decision.RedMakeEffortBudget, StaffRole.GeneralManager)
                .On(StepOutcomes.Done).Next()
            .Step("home-visit", T("高层上门：书面致歉与补偿方案", "Executive home visit: written apology and compensation plan"))
                .OwnedBy(StaffRole.GeneralManager).Via(ContactChannel.HomeVisit)
                .Script("risk.red.apology-plan").Within(StepWindow.Days(2, 2)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Agreed).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("commitment", T("客户同意后签署服务承诺书", "Once the customer agrees, sign the service commitment letter"))
                .OwnedBy(StaffRole.GeneralManager).Via(ContactChannel.HomeVisit)
                .Script("risk.red.commitment-letter").Within(StepWindow.DaysAfter(WindowAnchor.AfterStep("home-visit"), 0, 1)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Done).Next()
            .Step("top-service", T("到店顶级服务：总经理接待、专属休息室、最佳技师、透明车间", "Top-level visit: GM welcome, private lounge, best technician, open workshop"))
                .OwnedBy(StaffRole.GeneralManager).Within(StepWindow.DaysAfter(WindowAnchor.Appointment, 0, 0))
                .On(StepOutcomes.Done).Next()
                .On("NoShow").Finish(WorkflowOutcome.NotRecovered)
            .Step("delivery", T("交车时超出承诺：免费小项目、告知隐患、礼物与手写卡片", "At delivery, exceed the promise: a free small job, a hidden issue told, a gift, a handwritten note"))
                .OwnedBy(StaffRole.GeneralManager).Within(StepWindow.DaysAfter(WindowAnchor.Visit, 0, 0))
                .On(StepOutcomes.Done).Next()
            .Step("care-first-3-months", T("前三个月每两周一次非业务关怀", "First three months: non-business care every two weeks"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone, ContactChannel.WeChat)
                .Within(StepWindow.Recurring(StepWindow.DaysAfter(WindowAnchor.Visit, 14, 16), 2, RecurrenceUnit.Weeks, 6)).Touch(ContactPurpose.Care)
                .On(StepOutcomes.Done).Next()
                .On(StepOutcomes.Refused).AtOnce().Finish(WorkflowOutcome.NotRecovered)
            .Step("care-monthly", T("此后每月关怀，每季度一次拜访（至满一年）", "After that: monthly care, every third month a visit, for the rest of the year"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone, ContactChannel.WeChat, ContactChannel.HomeVisit)
                .Within(StepWindow.Recurring(StepWindow.DaysAfter(WindowAnchor.AfterStep("care-first-3-months"), 30, 32), 1, RecurrenceUnit.Months, 9)).Touch(ContactPurpose.Care)
                .On(StepOutcomes.Done).Finish(WorkflowOutcome.Recovered)
                .On(StepOutcomes.Refused).AtOnce().Finish(WorkflowOutcome.NotRecovered)
            .Build();

    private static ScoringOptions DefaultScoring => new();

    private static string N(double v) => v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    private static string M(decimal v) => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
