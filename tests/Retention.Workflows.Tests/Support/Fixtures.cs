using System.Linq;
using System.Text.RegularExpressions;
using NodaTime;

namespace Retention.Workflows.Tests.Support;

/// <summary>Shared fixtures: zones, moments, a small test workflow and an engine that runs it.</summary>
internal static class Fixtures
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    /// <summary>2026-03-10 09:00 in Shanghai (01:00 UTC).</summary>
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 10, 1, 0);

    public static LocalizedText T(string en) => new("测试" + en, en);

    /// <summary>
    /// The small workflow behind most facts and every property:
    /// call (D1-D2) -Agreed-> book, -Hesitant-> offer (only if valueScore &gt; 70, needs 800 approved), -NoAnswer-> retry (D+3 after call), -Refused-> NotRecovered;
    /// book (appointment day) -Done-> followup (D+1 after the visit) -Done-> care (monthly from D+30 after followup, 3 times) -Done-> Recovered.
    /// </summary>
    public static WorkflowDefinition Small { get; } = SmallVersion(1);

    public static WorkflowDefinition SmallVersion(int version) =>
        new WorkflowBuilder("test.small", version, new LocalizedText("小测试", "Small test"))
            .StartsOn(WorkflowTrigger.RiskTierEntered(RiskTier.Yellow))
            .Step("call", T("Call back"))
                .OwnedBy(StaffRole.CustomerServiceSupervisor).Via(ContactChannel.Phone, ContactChannel.WeChat)
                .Script("risk.yellow.supervisor-call").Within(StepWindow.Days(1, 2)).Touch(ContactPurpose.Recovery)
                .On(StepOutcomes.Agreed).GoTo("book")
                .On(StepOutcomes.Hesitant).GoTo("offer")
                .On(StepOutcomes.NoAnswer).GoTo("retry")
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("retry", T("Second attempt"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone)
                .Within(StepWindow.DaysAfter(WindowAnchor.AfterStep("call"), 3, 3))
                .On(StepOutcomes.Agreed).GoTo("book")
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
                .On(StepOutcomes.NoAnswer).Finish(WorkflowOutcome.NotRecovered)
            .Step("offer", T("Manager offer"))
                .OwnedBy(StaffRole.StoreManager).Within(StepWindow.Days(2, 4)).When("valueScore > 70")
                .RequestApproval(800m, StaffRole.GeneralManager)
                .On(StepOutcomes.Agreed).Next()
                .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
            .Step("book", T("Appointment day"))
                .OwnedBy(StaffRole.CustomerServiceSupervisor).Within(StepWindow.DaysAfter(WindowAnchor.Appointment, 0, 0))
                .On(StepOutcomes.Done).Next()
                .On("NoShow").Finish(WorkflowOutcome.NotRecovered)
            .Step("followup", T("Follow-up call"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone).Script("followup.first-call")
                .Within(StepWindow.DaysAfter(WindowAnchor.Visit, 1, 1)).Touch(ContactPurpose.ServiceFollowUp)
            .Step("care", T("Monthly care"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.WeChat).Touch(ContactPurpose.Care, "crm", 10)
                .Within(StepWindow.Recurring(StepWindow.DaysAfter(WindowAnchor.AfterStep("followup"), 30, 30), 1, RecurrenceUnit.Months, 3))
                .On(StepOutcomes.Done).Finish(WorkflowOutcome.Recovered)
                .On(StepOutcomes.Refused).AtOnce().Finish(WorkflowOutcome.NotRecovered)
            .Build();

    public static WorkflowEngine Engine { get; } = new(new WorkflowRegistry([Small]));

    public static WorkflowContext Context(double? valueScore = 80, string? zone = null) => new(RiskTier.Yellow, valueScore: valueScore, storeZoneId: zone);

    public static Transition StartSmall(double? valueScore = 80, string? zone = null, Instant? at = null) =>
        Engine.Start(Small, "C42", Context(valueScore, zone), at ?? Start);

    /// <summary>Applies events one after the other at their own time (or <paramref name="now"/>), returning the last transition.</summary>
    public static WorkflowInstance Run(WorkflowInstance instance, params WorkflowEvent[] events)
    {
        foreach (var e in events)
        {
            instance = Engine.Apply(instance, e, Latest(instance, e)).Instance;
        }

        return instance;
    }

    public static Instant Latest(WorkflowInstance instance, WorkflowEvent e) => e switch
    {
        StepCompleted s => s.At,
        VisitCompleted v => v.At,
        CustomerReplied r => r.At,
        AppointmentBooked b => b.At,
        Cancelled c => c.At,
        _ => instance.Log.IsEmpty ? instance.StartedAt : instance.Log[^1].AppliedAt,
    };

    public static Instant Utc(int y, int m, int d, int h, int min = 0) => Instant.FromUtc(y, m, d, h, min);

    public static Instant Local(DateTimeZone zone, int y, int m, int d, int h, int min = 0) =>
        zone.AtStrictly(new LocalDateTime(y, m, d, h, min)).ToInstant();

    public static T[] Of<T>(Transition t) => t.Commands.OfType<T>().ToArray();

    private static readonly Regex Cjk = new(@"\p{IsCJKUnifiedIdeographs}", RegexOptions.CultureInvariant);

    public static void AssertBothLocales(LocalizedText text, string what)
    {
        Xunit.Assert.True(Cjk.IsMatch(text.ZhCn), $"{what}: zh-CN has no CJK: {text.ZhCn}");
        Xunit.Assert.False(Cjk.IsMatch(text.En), $"{what}: en has CJK: {text.En}");
        Xunit.Assert.Contains(text.En.Where(char.IsAsciiLetter), _ => true);
    }
}
