using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Retention.Contact.Tests.Support;
using Xunit;
using static Retention.Contact.Tests.Support.Fixtures;

namespace Retention.Contact.Tests;

/// <summary>
/// contact.md section 7, touch-point KPIs: answer rate (target &gt;= 75 %), follow-ups completed within
/// 48 h (target &gt;= 95 %), complaints about harassment (target 0), and the share of touches the policy
/// deferred or denied (reported, no target). The playbook's before/after: answer rate 45 % -&gt; 75 %,
/// harassment complaints 15 a month -&gt; 0.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
public class ContactKpiTests
{
    private static readonly Instant T0 = Monday10;

    private static PastTouch[] StoreCalls(int answered, int unanswered) =>
        Enumerable.Range(0, answered).Select(i => Call(T0 + Hours(i), TouchOutcome.Answered))
            .Concat(Enumerable.Range(0, unanswered).Select(i => Call(T0 + Hours(100 + i), TouchOutcome.NoAnswer)))
            .ToArray();

    private static ContactKpiReport Compute(PastTouch[]? touches = null, FollowUpRecord[]? followUps = null, int complaints = 0, IEnumerable<ContactDecision>? decisions = null, ContactKpis? kpis = null) =>
        (kpis ?? Kpis).Compute(touches ?? [], followUps ?? [], complaints, decisions ?? []);

    [Fact]
    public void The_targets_are_75_percent_answered_95_percent_followed_up_within_48_hours_and_no_harassment_complaint()
    {
        var report = Compute();

        Assert.Equal(0.75, report.AnswerRate.Target);
        Assert.Equal(0.95, report.FollowUpsOnTime.Target);
        Assert.Equal(0, report.HarassmentComplaints.Target);
        Assert.True(report.AnswerRate.HigherIsBetter);
        Assert.True(report.FollowUpsOnTime.HigherIsBetter);
        Assert.False(report.HarassmentComplaints.HigherIsBetter);
        Assert.Equal(TimeSpan.FromHours(48), new ContactOptions().Kpis.FollowUpWithin);
    }

    [Theory]
    [InlineData(3, 1, 0.75, true)]     // the target, exactly
    [InlineData(45, 55, 0.45, false)]  // the playbook's "before"
    [InlineData(75, 25, 0.75, true)]   // the playbook's "after"
    [InlineData(2, 1, 2.0 / 3, false)]
    [InlineData(1, 0, 1.0, true)]
    [InlineData(0, 4, 0.0, false)]
    public void The_answer_rate_is_answered_store_calls_over_store_calls(int answered, int unanswered, double rate, bool met)
    {
        var kpi = Compute(StoreCalls(answered, unanswered)).AnswerRate;

        Assert.Equal(rate, kpi.Value!.Value, 12);
        Assert.Equal(met, kpi.Met);
    }

    [Fact]
    public void The_answer_rate_counts_only_calls_the_store_made()
    {
        var touches = StoreCalls(3, 1)
            .Append(new PastTouch(T0, ContactChannel.Phone, ContactPurpose.Care, Initiator.Customer, TouchOutcome.NoAnswer))
            .Append(Proactive(T0, ContactChannel.Sms))
            .Append(new PastTouch(T0, ContactChannel.HomeVisit, ContactPurpose.Care, Outcome: TouchOutcome.NoAnswer))
            .Append(new PastTouch(T0, ContactChannel.WeChat, ContactPurpose.Care, Outcome: TouchOutcome.Failed))
            .ToArray();

        Assert.Equal(0.75, Compute(touches).AnswerRate.Value);
        Assert.Equal(0.6, Compute(touches.Append(Call(T0, TouchOutcome.Refused, ContactPurpose.Urgent)).ToArray()).AnswerRate.Value!.Value, 12);
    }

    [Fact]
    public void Without_calls_there_is_no_answer_rate_to_meet()
    {
        var kpi = Compute([Proactive(T0)]).AnswerRate;

        Assert.Null(kpi.Value);
        Assert.Null(kpi.Met);
    }

    private static FollowUpRecord FollowUp(double hours) => new(T0, T0 + Hours(hours));

    [Fact]
    public void A_follow_up_is_on_time_before_48_hours_after_the_service_and_late_at_48_hours()
    {
        Assert.Equal(1.0, Compute(followUps: [FollowUp(0)]).FollowUpsOnTime.Value);
        Assert.Equal(1.0, Compute(followUps: [new FollowUpRecord(T0, T0 + Hours(48) - Duration.FromTicks(1))]).FollowUpsOnTime.Value);
        Assert.Equal(0.0, Compute(followUps: [FollowUp(48)]).FollowUpsOnTime.Value);
        Assert.Equal(0.0, Compute(followUps: [new FollowUpRecord(T0, null)]).FollowUpsOnTime.Value);
        Assert.Equal(0.0, Compute(followUps: [FollowUp(-1)]).FollowUpsOnTime.Value);
    }

    [Fact]
    public void Ninety_five_of_a_hundred_follow_ups_on_time_meet_the_target_and_94_do_not()
    {
        var ninetyFive = Enumerable.Range(0, 100).Select(i => FollowUp(i < 95 ? 24 : 72)).ToArray();
        var ninetyFour = Enumerable.Range(0, 100).Select(i => FollowUp(i < 94 ? 24 : 72)).ToArray();

        Assert.Equal((0.95, (bool?)true), (Compute(followUps: ninetyFive).FollowUpsOnTime.Value!.Value, Compute(followUps: ninetyFive).FollowUpsOnTime.Met));
        Assert.Equal((0.94, (bool?)false), (Compute(followUps: ninetyFour).FollowUpsOnTime.Value!.Value, Compute(followUps: ninetyFour).FollowUpsOnTime.Met));
        Assert.Null(Compute().FollowUpsOnTime.Value);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(15, false)] // the playbook's "before": 15 harassment complaints a month
    public void Any_harassment_complaint_misses_the_target_of_zero(int complaints, bool met)
    {
        var kpi = Compute(complaints: complaints).HarassmentComplaints;

        Assert.Equal((double)complaints, kpi.Value);
        Assert.Equal(met, kpi.Met);
    }

    [Fact]
    public void The_share_of_requests_the_policy_deferred_or_denied_is_reported()
    {
        var decisions = new ContactDecision[]
        {
            Decide(CareSms(T0)),
            Decide(CareSms(Sh(6, 1, 22))),
            Decide(CareSms(T0), [Proactive(T0 - Hours(1))]),
            Decide(CareSms(T0), preferences: new ContactPreferences { GlobalOptOut = true }),
        };

        Assert.Equal(0.75, Compute(decisions: decisions).DeferredOrDeniedShare);
        Assert.Equal(0.0, Compute(decisions: decisions.Take(1)).DeferredOrDeniedShare);
        Assert.Null(Compute().DeferredOrDeniedShare);
    }

    [Fact]
    public void The_targets_are_options()
    {
        var o = new ContactOptions();
        o.Kpis.AnswerRateTarget = 0.6;
        o.Kpis.FollowUpWithin = TimeSpan.FromHours(24);
        o.Kpis.FollowUpOnTimeTarget = 0.5;
        o.Kpis.HarassmentComplaintsTarget = 2;
        var kpis = new ContactKpis(o);

        var report = Compute(StoreCalls(2, 1), [FollowUp(23), FollowUp(25)], 2, kpis: kpis);

        Assert.Equal((0.6, (bool?)true), (report.AnswerRate.Target, report.AnswerRate.Met));
        Assert.Equal((0.5, 0.5, (bool?)true), (report.FollowUpsOnTime.Target, report.FollowUpsOnTime.Value!.Value, report.FollowUpsOnTime.Met));
        Assert.Equal((2.0, (bool?)true), (report.HarassmentComplaints.Target, report.HarassmentComplaints.Met));
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        Assert.Equal("harassmentComplaints", Assert.Throws<ArgumentOutOfRangeException>(() => Compute(complaints: -1)).ParamName);
        Assert.Equal("decisions", Assert.Throws<ArgumentNullException>(() => Kpis.Compute([], [], 0, null!)).ParamName);
    }

    [Fact]
    public void Every_KPI_is_named_in_both_locales()
    {
        var report = Compute();
        var names = new[] { report.AnswerRate.Name, report.FollowUpsOnTime.Name, report.HarassmentComplaints.Name };

        foreach (var name in names)
        {
            AssertBothLocales(name, name.En);
        }

        Assert.Equal(3, names.Select(n => n.ZhCn).Distinct().Count());
        Assert.Equal(3, names.Select(n => n.En).Distinct().Count());
    }

    [Theory]
    [InlineData(0.75, 0.75, true, true)]
    [InlineData(0.7499, 0.75, true, false)]
    [InlineData(0.0, 0.0, false, true)]
    [InlineData(1.0, 0.0, false, false)]
    public void A_KPI_is_met_at_its_target_on_the_good_side(double value, double target, bool higherIsBetter, bool met)
    {
        Assert.Equal(met, new Kpi(new("x", "x"), value, target, higherIsBetter).Met);
    }

    // ---- properties ----

    public sealed record KpiPeriod(PastTouch[] Touches, FollowUpRecord[] FollowUps, int Complaints, bool[] Held);

    public static class PeriodArbitrary
    {
        public static Arbitrary<KpiPeriod> Period() => Arb.From(
            from touches in Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gens.Touch(T0), n))
            from followUps in Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(
                from done in Gen.Frequency((1, Gen.Constant<int?>(null)), (6, Gen.Choose(-60, 5 * 24 * 60).Select(m => (int?)m)))
                select new FollowUpRecord(T0, done is int m ? T0 + Duration.FromMinutes(m) : null), n))
            from complaints in Gen.Choose(0, 20)
            from held in Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gens.Bool, n))
            select new KpiPeriod(touches, followUps, complaints, held));
    }

    [Property(Arbitrary = [typeof(PeriodArbitrary)])]
    public void The_KPIs_are_the_shares_they_describe(KpiPeriod p)
    {
        var decisions = p.Held.Select(h => h ? (ContactDecision)new ContactDecision.Denied([ContactReason.Of(ContactReasonCode.GlobalOptOut)]) : new ContactDecision.Allowed(ContactChannel.Sms, T0, [ContactReason.Of(ContactReasonCode.AllRulesMet)]));

        var report = Kpis.Compute(p.Touches, p.FollowUps, p.Complaints, decisions);

        var calls = p.Touches.Where(t => t.Channel == ContactChannel.Phone && t.Initiator == Initiator.Store).ToArray();
        Assert.Equal(calls.Length == 0 ? null : (double)calls.Count(t => t.Outcome == TouchOutcome.Answered) / calls.Length, report.AnswerRate.Value);
        var onTime = p.FollowUps.Count(f => f.FollowedUpAt is Instant at && at >= f.ServiceCompletedAt && at - f.ServiceCompletedAt < Hours(48));
        Assert.Equal(p.FollowUps.Length == 0 ? null : (double)onTime / p.FollowUps.Length, report.FollowUpsOnTime.Value);
        Assert.Equal(p.Complaints, report.HarassmentComplaints.Value);
        Assert.Equal(p.Held.Length == 0 ? null : (double)p.Held.Count(h => h) / p.Held.Length, report.DeferredOrDeniedShare);
        foreach (var kpi in new[] { report.AnswerRate, report.FollowUpsOnTime })
        {
            Assert.True(kpi.Value is null || (kpi.Value >= 0 && kpi.Value <= 1));
            Assert.Equal(kpi.Value is double v ? v >= kpi.Target : null, kpi.Met);
        }
    }
}
