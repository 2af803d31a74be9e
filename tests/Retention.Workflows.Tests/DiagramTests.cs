using System;
using Retention.Workflows.Tests.Support;
using Xunit;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests;

/// <summary>Spec section 1: definitions can be rendered as a Mermaid flowchart or timeline for the people who run them.</summary>
public class DiagramTests
{
    private static readonly WorkflowDefinition Tiny = new WorkflowBuilder("test.tiny", 2, new LocalizedText("小流程", "Tiny \"SOP\""))
        .Step("call", new LocalizedText("回访", "Call back"))
            .OwnedBy(StaffRole.CustomerServiceSupervisor).Via(ContactChannel.Phone).Script("risk.yellow.supervisor-call").Within(StepWindow.Days(1, 2))
            .EscalateTo(StaffRole.StoreManager)
            .On(StepOutcomes.Agreed).Next()
            .On(StepOutcomes.Refused).Finish(WorkflowOutcome.NotRecovered)
        .Step("visit", new LocalizedText("上门", "Home visit"))
            .OwnedBy(StaffRole.StoreManager).Via(ContactChannel.HomeVisit).Within(StepWindow.Days(3, 3)).When("valueScore > 70")
            .On(StepOutcomes.Done).Next()
        .Step("care", new LocalizedText("关怀", "Care: monthly"))
            .OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Recurring(StepWindow.DaysAfter(WindowAnchor.AfterStep("call"), 30, 30), 1, RecurrenceUnit.Months, 3))
            .On(StepOutcomes.Done).Finish(WorkflowOutcome.Recovered)
            .On(StepOutcomes.Refused).AtOnce().Finish(WorkflowOutcome.NotRecovered)
        .Build();

    [Fact]
    public void The_flowchart_shows_steps_owners_windows_and_outcome_edges()
    {
        string expected = """
            flowchart TD
                start(["Tiny #quot;SOP#quot;<br/>Manual"])
                start --> s1
                s1["1. Call back<br/>CustomerServiceSupervisor · D1-D2<br/>Phone<br/>script: risk.yellow.supervisor-call<br/>overdue: StoreManager"]
                s2["2. Home visit<br/>StoreManager · D3<br/>HomeVisit<br/>if valueScore #gt; 70"]
                s3["3. Care: monthly<br/>ServiceAdvisor · D+30 after step 'call', then every month, 3 times"]
                s1 -->|Agreed| s2
                s1 -->|Refused| end_NotRecovered
                s2 -->|Done| s3
                s2 -.->|Skipped| s3
                s3 -->|Done| end_Recovered
                s3 -->|Refused at once| end_NotRecovered
                end_Recovered((("Recovered")))
                end_NotRecovered((("NotRecovered")))

            """.Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Equal(expected, WorkflowDiagram.ToMermaidFlowchart(Tiny));
    }

    [Fact]
    public void The_flowchart_speaks_Chinese_when_asked()
    {
        string zh = WorkflowDiagram.ToMermaidFlowchart(Tiny, "zh-CN");

        Assert.Contains("s1[\"1. 回访<br/>", zh, StringComparison.Ordinal);
        Assert.Contains("start([\"小流程<br/>Manual\"])", zh, StringComparison.Ordinal);
    }

    [Fact]
    public void The_timeline_lists_each_step_with_its_window_and_owner()
    {
        string expected = """
            timeline
                title Tiny "SOP" (test.tiny v2)
                D1-D2 : Call back (CustomerServiceSupervisor)
                D3 : Home visit (StoreManager)
                D+30 after step 'call', then every month, 3 times : Care - monthly (ServiceAdvisor)

            """.Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Equal(expected, WorkflowDiagram.ToMermaidTimeline(Tiny));
    }

    [Fact]
    public void Every_step_of_the_small_workflow_appears_in_the_flowchart()
    {
        string chart = WorkflowDiagram.ToMermaidFlowchart(Small);

        for (int i = 1; i <= Small.Steps.Length; i++)
        {
            Assert.Contains($"    s{i}[\"{i}. {Small.Steps[i - 1].Title.En}<br/>", chart, StringComparison.Ordinal);
        }

        Assert.Contains("s1 -->|NoAnswer| s2", chart, StringComparison.Ordinal);
        Assert.Contains("s4 -->|NoShow| end_NotRecovered", chart, StringComparison.Ordinal);
    }
}
