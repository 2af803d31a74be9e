using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests.Triggers;

/// <summary>Spec section 7: the trigger rules, each on both sides of its threshold, and the rules as options.</summary>
public class TriggerRuleTests
{
    private static readonly LocalDate Today = new(2026, 3, 10);
    private static readonly TriggerEvaluator Defaults = new(new TriggerOptions());

    private static string[] Fired(CustomerFacts facts, LocalDate? today = null, TriggerEvaluator? evaluator = null)
    {
        var result = (evaluator ?? Defaults).Evaluate([facts], today ?? Today);
        Assert.Empty(result.Problems);
        return [.. result.Hits.Select(h => h.Rule.Id)];
    }

    private static LocalDate DaysAgo(int days) => Today.PlusDays(-days);

    [Fact]
    public void Defaults_are_the_spec_rules_with_both_locales()
    {
        Assert.Equal(TriggerRules.BuiltInIds, Defaults.Rules.Select(r => r.Id));
        Assert.Equal(11, Defaults.Rules.Length);
        foreach (var rule in Defaults.Rules)
        {
            AssertBothLocales(rule.Reason, rule.Id);
        }
    }

    [Fact]
    public void Vip_more_than_30_days_since_the_last_service_gets_an_advisor_care_call()
    {
        Assert.Contains(TriggerRules.VipCareCall, Fired(new("C1", IsVip: true, LastVisit: DaysAgo(31))));
        Assert.DoesNotContain(TriggerRules.VipCareCall, Fired(new("C1", IsVip: true, LastVisit: DaysAgo(30))));
        Assert.DoesNotContain(TriggerRules.VipCareCall, Fired(new("C1", IsVip: false, LastVisit: DaysAgo(31))));

        var task = Defaults.Rules.Single(r => r.Id == TriggerRules.VipCareCall).Action.Task!;
        Assert.Equal(StaffRole.ServiceAdvisor, task.Role);
        Assert.Equal(ContactChannel.Phone, task.Channel);
    }

    [Fact]
    public void Rating_of_6_or_less_escalates_at_once_to_a_supervisor_within_24_hours()
    {
        Assert.Equal([TriggerRules.LowRating], Fired(new("C1", LatestRating: 6, RatedOn: Today)));
        Assert.Empty(Fired(new("C1", LatestRating: 7, RatedOn: Today)));
        Assert.Empty(Fired(new("C1", LatestRating: 3, RatedOn: DaysAgo(1)))); // yesterday's rating fired yesterday

        var task = Defaults.Rules.Single(r => r.Id == TriggerRules.LowRating).Action.Task!;
        Assert.Equal(StaffRole.CustomerServiceSupervisor, task.Role);
        Assert.Equal(Duration.FromHours(24), task.DueWithin);
    }

    [Fact]
    public void Sleeping_customer_exactly_6_months_after_the_last_visit_gets_the_wake_up_sms()
    {
        Assert.Equal([TriggerRules.SleepingWakeUp], Fired(new("C1", IsSleeping: true, LastVisit: new(2025, 9, 10))));
        Assert.Empty(Fired(new("C1", IsSleeping: true, LastVisit: new(2025, 9, 11))));
        Assert.DoesNotContain(TriggerRules.SleepingWakeUp, Fired(new("C1", IsSleeping: true, LastVisit: new(2025, 9, 9))));
        Assert.Empty(Fired(new("C1", IsSleeping: false, LastVisit: new(2025, 9, 10))));

        // Month arithmetic: 31 August plus 6 months is 28 February.
        Assert.Equal([TriggerRules.SleepingWakeUp], Fired(new("C1", IsSleeping: true, LastVisit: new(2025, 8, 31)), new LocalDate(2026, 2, 28)));
        Assert.Equal(ContactChannel.Sms, Defaults.Rules.Single(r => r.Id == TriggerRules.SleepingWakeUp).Action.Task!.Channel);
    }

    [Fact]
    public void Severe_weather_warning_sends_the_safety_reminder()
    {
        Assert.Equal([TriggerRules.WeatherSafety], Fired(new("C1", WeatherWarning: true)));
        Assert.Empty(Fired(new("C1", WeatherWarning: false)));
    }

    [Fact]
    public void A_holiday_of_the_stores_calendar_sends_the_holiday_greeting()
    {
        Assert.Equal([TriggerRules.Holiday], Fired(new("C1", Holiday: true)));
        Assert.Empty(Fired(new("C1", Holiday: false)));
        var rule = Defaults.Rules.Single(r => r.Id == TriggerRules.Holiday);
        Assert.Equal("followup.holiday", rule.Action.Task!.ScriptId);
        Assert.Contains(rule.Action.Task!.ScriptId!, Retention.Scripts.ScriptCatalog.BuiltIn.Ids);
    }

    [Fact]
    public void Birthday_or_purchase_anniversary_sends_a_greeting()
    {
        Assert.Equal([TriggerRules.Birthday], Fired(new("C1", Birthday: new(1990, 3, 10))));
        Assert.Empty(Fired(new("C1", Birthday: new(1990, 3, 11))));
        Assert.Equal([TriggerRules.Birthday], Fired(new("C1", Birthday: new(1992, 2, 29)), new LocalDate(2027, 2, 28)));

        Assert.Equal([TriggerRules.PurchaseAnniversary], Fired(new("C1", PurchaseDate: new(2023, 3, 10))));
        Assert.Empty(Fired(new("C1", PurchaseDate: new(2023, 3, 9))));
        Assert.Empty(Fired(new("C1", PurchaseDate: Today))); // the purchase day itself is no anniversary
    }

    [Fact]
    public void Brake_repair_above_80000_km_gets_the_advisor_call_on_day_3()
    {
        Assert.Equal([TriggerRules.BrakeDay3Call], Fired(new("C1", LastRepairSystem: "Brake", LastRepairOn: DaysAgo(2), MileageKm: 80_001)));
        Assert.Empty(Fired(new("C1", LastRepairSystem: "brake", LastRepairOn: DaysAgo(2), MileageKm: 80_000)));
        Assert.Empty(Fired(new("C1", LastRepairSystem: "brake", LastRepairOn: DaysAgo(3), MileageKm: 120_000)));
        Assert.Empty(Fired(new("C1", LastRepairSystem: "battery", LastRepairOn: DaysAgo(2), MileageKm: 120_000)));
    }

    [Fact]
    public void Battery_repair_with_2_or_more_earlier_repairs_starts_the_weekly_follow_up()
    {
        Assert.Equal([TriggerRules.BatteryWeekly], Fired(new("C1", LastRepairSystem: "battery", LastRepairOn: DaysAgo(1), EarlierRepairsOfSystem: 2)));
        Assert.Empty(Fired(new("C1", LastRepairSystem: "battery", LastRepairOn: DaysAgo(1), EarlierRepairsOfSystem: 1)));
        Assert.Empty(Fired(new("C1", LastRepairSystem: "battery", LastRepairOn: DaysAgo(7), EarlierRepairsOfSystem: 5)));
        Assert.Equal("followup.battery-weekly", Defaults.Rules.Single(r => r.Id == TriggerRules.BatteryWeekly).Action.WorkflowId);
    }

    [Fact]
    public void More_than_6_months_away_with_a_latest_rating_below_8_gets_the_wake_up()
    {
        Assert.Equal([TriggerRules.LapsedLowNps], Fired(new("C1", LastVisit: new(2025, 9, 9), LatestRating: 7)));
        Assert.Empty(Fired(new("C1", LastVisit: new(2025, 9, 9), LatestRating: 8)));
        Assert.Empty(Fired(new("C1", LastVisit: new(2025, 9, 10), LatestRating: 7)));
        Assert.Empty(Fired(new("C1", LastVisit: new(2025, 9, 9)))); // no rating: unknown fact, no hit
    }

    [Fact]
    public void Vip_not_seen_for_more_than_3_months_gets_an_advisor_care_call()
    {
        Assert.Contains(TriggerRules.VipNotSeen, Fired(new("C1", IsVip: true, LastVisit: new(2025, 12, 9))));
        Assert.DoesNotContain(TriggerRules.VipNotSeen, Fired(new("C1", IsVip: true, LastVisit: new(2025, 12, 10))));
        Assert.DoesNotContain(TriggerRules.VipNotSeen, Fired(new("C1", IsVip: false, LastVisit: new(2025, 12, 9))));
    }

    [Fact]
    public void Bad_records_are_reported_by_index_and_the_rest_are_evaluated()
    {
        CustomerFacts[] customers =
        [
            new("C0", WeatherWarning: true),
            new("", WeatherWarning: true),
            new("C2", LatestRating: 11, RatedOn: Today),
            new("C3", LastVisit: Today.PlusDays(1)),
            default,
            new("C5", MileageKm: -1),
            new("C6", WeatherWarning: true),
        ];

        var result = Defaults.Evaluate(customers, Today);

        Assert.Equal([(1, "CustomerId"), (2, "LatestRating"), (3, "LastVisit"), (4, "CustomerId"), (5, "MileageKm")], result.Problems.Select(p => (p.Index, p.Field)));
        Assert.Equal([(0, "C0"), (6, "C6")], result.Hits.Select(h => (h.Index, h.CustomerId)));
        Assert.Equal(2, result.Evaluated);
        Assert.Contains("0 to 10", result.Problems[1].Message);
    }

    [Fact]
    public void Thresholds_are_options()
    {
        var evaluator = new TriggerEvaluator(new TriggerOptions { VipCareAfterDays = 14, BrakeMileageAboveKm = 50_000, BrakeCallOnDay = 2 });

        Assert.Contains(TriggerRules.VipCareCall, Fired(new("C1", IsVip: true, LastVisit: DaysAgo(15)), evaluator: evaluator));
        Assert.Equal([TriggerRules.BrakeDay3Call], Fired(new("C1", LastRepairSystem: "brake", LastRepairOn: DaysAgo(1), MileageKm: 60_000), evaluator: evaluator));
        Assert.Contains("14", evaluator.Rules[0].Reason.En);
    }

    [Fact]
    public void Integrators_add_remove_and_replace_rules_through_configuration()
    {
        const string json = """
        { "Retention": { "Workflows": { "Triggers": {
            "LowRatingAtMost": 5,
            "DisabledRules": [ "weather.safety-reminder" ],
            "Rules": [
              { "Id": "tyre.winter-check", "ReasonZhCn": "冬季轮胎检查", "ReasonEn": "Winter tyre check",
                "Conditions": [ { "Fact": "MileageKm", "Operator": "GreaterOrEqual", "Value": 40000 }, { "Fact": "IsVip", "Value": 1 } ],
                "Task": { "Role": "ServiceAdvisor", "Channel": "WeChat", "DueWithin": "2.00:00:00", "Purpose": "Care" } },
              { "Id": "occasion.birthday", "ReasonZhCn": "生日：启动关怀流程", "ReasonEn": "Birthday: start the care workflow",
                "Conditions": [ { "Fact": "IsBirthday" } ], "WorkflowId": "care.birthday" }
            ] } } } }
        """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var options = new TriggerOptions();
        configuration.GetSection(TriggerOptions.SectionName).Bind(options);
        Assert.Empty(TriggerOptionsValidator.Collect(options));
        var evaluator = new TriggerEvaluator(options);

        Assert.DoesNotContain(TriggerRules.WeatherSafety, evaluator.Rules.Select(r => r.Id));
        Assert.Equal("tyre.winter-check", evaluator.Rules[^1].Id);
        Assert.Equal(["tyre.winter-check"], Fired(new("C1", IsVip: true, MileageKm: 40_000, WeatherWarning: true), evaluator: evaluator));
        Assert.Equal(Duration.FromDays(2), evaluator.Rules[^1].Action.Task!.DueWithin);
        Assert.Equal("care.birthday", Assert.Single(evaluator.Evaluate([new("C1", Birthday: new(1990, 3, 10))], Today).Hits).Action.WorkflowId);
        Assert.Empty(Fired(new("C1", LatestRating: 6, RatedOn: Today), evaluator: evaluator));
    }

    [Fact]
    public void Invalid_options_are_rejected_naming_the_option_path()
    {
        var options = new TriggerOptions { VipCareAfterDays = -1, LowRatingAtMost = 11, LowRatingContactWithin = TimeSpan.Zero, BatteryFollowUpWorkflowId = " " };
        options.DisabledRules.Add("no.such-rule");
        var rule = new TriggerRuleOptions { Id = "9bad", ReasonEn = "x", WorkflowId = "w", Task = new TriggerTaskOptions() };
        rule.Conditions.Add(new TriggerConditionOptions { Fact = CustomerFact.IsVip, Operator = ConditionOperator.GreaterThan, Value = 1 });
        rule.Conditions.Add(new TriggerConditionOptions { Fact = CustomerFact.DaysSinceLastVisit, Operator = ConditionOperator.GreaterThan, Value = 2.5 });
        rule.Conditions.Add(new TriggerConditionOptions { Fact = CustomerFact.LastRepairSystem });
        options.Rules.Add(rule);
        options.Rules.Add(new TriggerRuleOptions { Id = "empty", ReasonZhCn = "空", ReasonEn = "empty", Task = new TriggerTaskOptions { DueWithin = TimeSpan.FromDays(31) } });

        var errors = TriggerOptionsValidator.Collect(options);
        string[] paths =
        [
            "VipCareAfterDays", "LowRatingAtMost", "LowRatingContactWithin", "BatteryFollowUpWorkflowId", "Rules[0].Id", "Rules[0].Conditions[0].Value",
            "Rules[0].Conditions[1].Value", "Rules[0].Conditions[2].Text", "Rules[0]:", "Rules[0].ReasonZhCn", "Rules[1].Conditions:", "Rules[1].Task.DueWithin", "DisabledRules[0]",
        ];
        foreach (var path in paths)
        {
            Assert.Contains(errors, e => e.StartsWith(path, StringComparison.Ordinal));
        }

        Assert.Equal(paths.Length, errors.Count);
        var e = Assert.Throws<OptionsValidationException>(() => new TriggerEvaluator(options));
        Assert.Equal(paths.Length, e.Failures.Count());
        Assert.False(new TriggerOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(new TriggerOptionsValidator().Validate(null, new TriggerOptions()).Succeeded);
    }

    [Fact]
    public void Rules_in_code_are_checked()
    {
        Assert.Throws<ArgumentException>(() => new TriggerCondition(CustomerFact.LatestRating, ConditionOperator.LessThan, 11));
        Assert.Throws<ArgumentException>(() => new TriggerCondition(CustomerFact.IsVip, ConditionOperator.GreaterThan, 0));
        Assert.Throws<ArgumentException>(() => new TriggerRule("r", [], TriggerAction.StartWorkflow("w"), new("原因", "reason")));
        Assert.Throws<ArgumentException>(() => new TriggerTask(StaffRole.ServiceAdvisor, null, null, Duration.Zero));
        var rule = new TriggerRule("r", [TriggerCondition.Is(CustomerFact.IsVip)], TriggerAction.StartWorkflow("w"), new("原因", "reason"));
        Assert.Throws<ArgumentException>(() => new TriggerEvaluator([rule, rule]));
        Assert.Equal("r: IsVip == 1 -> start w", rule.ToString());
    }
}
