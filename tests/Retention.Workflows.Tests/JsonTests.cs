using System;
using System.Text.Json;
using NodaTime;
using Retention.Workflows.Tests.Support;
using Xunit;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests;

/// <summary>Spec section 1: instances (and definitions) serialise to JSON and back without loss, source-generated, no reflection.</summary>
public class JsonTests
{
    private static WorkflowInstance Busy()
    {
        var context = new WorkflowContext(RiskTier.Orange, DetractorGrade.A, 72.25, "Europe/Berlin").With("repairs", "2").With("系统", "刹车");
        var engine = new WorkflowEngine(new WorkflowRegistry([Small]));
        var start = Local(Berlin, 2026, 3, 28, 10) + Duration.FromTicks(1234567);
        var i = engine.Start(Small, "C-\"quoted\"-42", context, start).Instance;
        var at = start + Duration.FromHours(5);
        i = engine.Apply(i, new StepCompleted("call", StepOutcomes.Agreed, at), at).Instance;
        i = engine.Apply(i, new AppointmentBooked(new LocalDate(2026, 3, 30), at), at).Instance;
        i = engine.Apply(i, new CustomerReplied(at), at).Instance;
        i = engine.Tick(i, Local(Berlin, 2026, 4, 2, 0)).Instance;
        return i;
    }

    [Fact]
    public void An_instance_round_trips_without_loss()
    {
        var instance = Busy();

        string json = WorkflowJson.Serialize(instance);
        var back = WorkflowJson.DeserializeInstance(json);

        Assert.Equal(instance, back);
        Assert.NotSame(instance, back);
        Assert.Equal(json, WorkflowJson.Serialize(back));
        Assert.Equal(StepStatus.Escalated, back.StateOf("book")!.Status);
        Assert.Equal(instance.StartedAt, back.StartedAt); // to the tick
        Assert.Equal("刹车", back.Context.Values["系统"]);
        Assert.Equal(instance, WorkflowJson.DeserializeInstance(WorkflowJson.SerializeToUtf8Bytes(instance)));
    }

    [Fact]
    public void A_round_tripped_instance_runs_on_exactly_like_the_original()
    {
        var instance = Busy();
        var back = WorkflowJson.DeserializeInstance(WorkflowJson.Serialize(instance));
        var at = Local(Berlin, 2026, 4, 3, 9);
        var e = new StepCompleted("book", StepOutcomes.Done, at);
        var engine = new WorkflowEngine(new WorkflowRegistry([Small]));

        var a = engine.Apply(instance, e, at);
        var b = engine.Apply(back, e, at);

        Assert.Equal(a.Instance, b.Instance);
        Assert.Equal(a.Commands, b.Commands);
    }

    [Fact]
    public void The_format_is_readable_camel_case_with_iso_instants_and_type_discriminators()
    {
        string json = WorkflowJson.Serialize(Busy());

        Assert.Contains("\"definitionId\":\"test.small\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Escalated\"", json, StringComparison.Ordinal);
        Assert.Contains("\"appointmentDate\":\"2026-03-30\"", json, StringComparison.Ordinal);
        Assert.Contains("\"startedAt\":\"2026-03-28T09:00:00.1234567Z\"", json, StringComparison.Ordinal);
        Assert.Contains("{\"$type\":\"stepCompleted\",\"stepId\":\"call\",\"outcome\":\"Agreed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"values\":{\"repairs\":\"2\",", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"isActive\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_round_trips_without_loss_with_every_kind_of_window()
    {
        var definition = new WorkflowBuilder("test.json", 3, new LocalizedText("JSON 测试", "JSON test"))
            .StartsOn(WorkflowTrigger.DetractorAnswered(DetractorGrade.S))
            .Step("a", T("Hours")).OwnedBy(StaffRole.ServiceManager).Within(StepWindow.Hours(0, 2.5)).Via(ContactChannel.Sms).Script("nps.detractor.first-call")
                .Touch(ContactPurpose.Urgent, "quality", 900).RequestApproval(5000.50m, StaffRole.StoreManager).EscalateTo(StaffRole.RegionalManager)
            .Step("b", T("Days")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.Days(1, 3)).When("grade == S").When("repairs >= 2")
            .Step("c", T("After b")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.HoursAfter(WindowAnchor.AfterStep("a"), 1, 4))
            .Step("d", T("Appointment")).OwnedBy(StaffRole.ServiceAdvisor).Within(StepWindow.DaysAfter(WindowAnchor.Appointment, -1, 0))
            .Step("e", T("Every 2 weeks")).OwnedBy(StaffRole.ServiceAdvisor)
                .Within(StepWindow.Recurring(StepWindow.HoursAfter(WindowAnchor.Reply, 0, 24), 2, RecurrenceUnit.Weeks, 6))
                .On("Stable").AtOnce().Finish(WorkflowOutcome.Recovered).On("Done").Finish(WorkflowOutcome.NotRecovered)
            .Build();

        string json = WorkflowJson.Serialize(definition);
        var back = WorkflowJson.DeserializeDefinition(json);

        Assert.Equal(definition, back);
        Assert.Equal(json, WorkflowJson.Serialize(back));
        Assert.Contains("\"window\":{\"$type\":\"hours\",\"from\":\"0:00:00:00\",\"to\":\"0:02:30:00\"}", json, StringComparison.Ordinal);
        Assert.Contains("{\"key\":\"grade\",\"operator\":\"Equal\",\"value\":\"S\"}", json, StringComparison.Ordinal);
        Assert.Equal(Small, WorkflowJson.DeserializeDefinition(WorkflowJson.Serialize(Small)));
    }

    [Fact]
    public void Events_and_commands_round_trip()
    {
        WorkflowEvent[] events =
        [
            new StepCompleted("call", "Agreed", Start), new AppointmentBooked(new LocalDate(2026, 3, 14), Start), new VisitCompleted(Start),
            new CustomerReplied(Start), new Cancelled(Start, "moved away"),
        ];
        foreach (var e in events)
        {
            Assert.Equal(e, WorkflowJson.DeserializeEvent(WorkflowJson.Serialize(e)));
        }

        foreach (var c in StartSmall().Commands)
        {
            Assert.Equal(c, WorkflowJson.DeserializeCommand(WorkflowJson.Serialize(c)));
        }

        WorkflowCommand[] more =
        [
            new Escalate("call", 2, StaffRole.ServiceAdvisor, StaffRole.ServiceManager, Start, new LocalizedText("升级", "escalated")),
            new RequestApproval("offer", 1200.5m, StaffRole.GeneralManager),
        ];
        foreach (var c in more)
        {
            Assert.Equal(c, WorkflowJson.DeserializeCommand(WorkflowJson.Serialize(c)));
        }
    }

    [Fact]
    public void An_invalid_definition_in_JSON_is_rejected_like_a_built_one()
    {
        string json = WorkflowJson.Serialize(Small).Replace("\"next\":\"care\"", "\"next\":\"call\"", StringComparison.Ordinal);

        var e = Assert.Throws<WorkflowDefinitionException>(() => WorkflowJson.DeserializeDefinition(json));

        Assert.Contains("the routes form a cycle (call -> book -> followup -> call)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("[]")]
    public void Malformed_JSON_is_a_JsonException(string json)
    {
        Assert.Throws<JsonException>(() => WorkflowJson.DeserializeInstance(json));
        Assert.Throws<JsonException>(() => WorkflowJson.DeserializeDefinition(json));
    }

    [Fact]
    public void Unknown_properties_bad_instants_and_bad_values_are_JsonExceptions_naming_the_problem()
    {
        string json = WorkflowJson.Serialize(StartSmall().Instance);

        Assert.Throws<JsonException>(() => WorkflowJson.DeserializeInstance(json.Replace("\"subject\"", "\"subjekt\"", StringComparison.Ordinal)));
        var instant = Assert.Throws<JsonException>(() => WorkflowJson.DeserializeInstance(json.Replace("2026-03-10T01:00:00Z", "yesterday", StringComparison.Ordinal)));
        Assert.Contains("instant", instant.Message, StringComparison.Ordinal);
        var zone = Assert.Throws<JsonException>(() => WorkflowJson.DeserializeInstance(json.Replace("Asia/Shanghai", "Asia/Nowhere", StringComparison.Ordinal)));
        Assert.Contains("Asia/Nowhere", zone.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => WorkflowJson.DeserializeEvent("{\"$type\":\"teleported\",\"at\":\"2026-03-10T01:00:00Z\"}"));
    }
}
