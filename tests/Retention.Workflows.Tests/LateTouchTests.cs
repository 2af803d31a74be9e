using System.Linq;
using NodaTime;
using Retention.Contact;
using Xunit;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests;

/// <summary>Spec section 1 with contact.md: a step reached after its window closed still plans a touch the calendar accepts.</summary>
public class LateTouchTests
{
    private static readonly WorkflowDefinition TwoCalls =
        new WorkflowBuilder("test.late", 1, new LocalizedText("迟到", "Late"))
            .Step("first", new LocalizedText("第一次", "First"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone).Within(StepWindow.Days(1, 1))
                .On(StepOutcomes.Done).Next()
            .Step("second", new LocalizedText("第二次", "Second"))
                .OwnedBy(StaffRole.ServiceAdvisor).Via(ContactChannel.Phone).Within(StepWindow.Days(1, 2)).Touch(ContactPurpose.ServiceFollowUp)
                .On(StepOutcomes.Done).Finish(WorkflowOutcome.Recovered)
            .Build();

    [Fact]
    public void A_step_reached_after_its_window_plans_a_touch_whose_last_day_is_not_before_its_first()
    {
        var engine = new WorkflowEngine(WorkflowRegistry.Empty.Add(TwoCalls));
        var started = engine.Start(TwoCalls, "C7", new WorkflowContext(), Start).Instance;
        var late = Start + Duration.FromDays(4);

        var t = engine.Apply(started, new StepCompleted("first", StepOutcomes.Done, late), late);

        var touch = Assert.Single(t.Commands.OfType<PlanTouch>());
        Assert.True(touch.LatestDate >= touch.Earliest.InZone(Shanghai).Date, $"{touch.Earliest} after {touch.LatestDate}");
        var plan = new ContactCalendar(new ContactOptions()).Plan([touch.ToPlannedTouch("t1")], new System.Collections.Generic.Dictionary<string, CustomerContactState>(), late);
        Assert.DoesNotContain(plan.Dropped, d => d.Reasons.Any(r => r.Code == ContactReasonCode.InvalidTouch));
    }
}
