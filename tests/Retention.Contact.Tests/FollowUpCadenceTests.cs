using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Retention.Contact.Tests.Support;
using Xunit;
using static Retention.Contact.Tests.Support.Fixtures;

namespace Retention.Contact.Tests;

/// <summary>
/// contact.md section 6, follow-up cadence by segment: VIP (value score &gt;= 80) monthly advisor call;
/// Active after every service and quarterly by phone; Sleeping (&gt; 6 months since the last visit) a
/// quarterly SMS with an exclusive offer; Lost (&gt; 1 year) an SMS with a strong offer every 6 months;
/// Complaint (open complaint) a weekly supervisor call until satisfied. A customer in several segments is
/// in the most specific: Complaint &gt; VIP &gt; Lost &gt; Sleeping &gt; Active. The cadence produces planned
/// touches that go through the calendar like any other.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
public class FollowUpCadenceTests
{
    private static readonly LocalDate Today = new(2026, 6, 1);

    private static FollowUpCustomer Customer(int daysSinceVisit, double? score = null, bool complaint = false, string id = "c1") =>
        new(id, Today.PlusDays(-daysSinceVisit), score, complaint);

    // ---- segments ----

    [Theory]
    [InlineData(0, null, false, CustomerSegment.Active)]
    [InlineData(180, null, false, CustomerSegment.Active)]      // six 30-day months: not yet more than six months
    [InlineData(181, null, false, CustomerSegment.Sleeping)]
    [InlineData(365, 50.0, false, CustomerSegment.Sleeping)]    // a year: not yet more than a year
    [InlineData(366, null, false, CustomerSegment.Lost)]
    [InlineData(2000, 79.99, false, CustomerSegment.Lost)]
    [InlineData(30, 80.0, false, CustomerSegment.Vip)]          // value score >= 80: CLV top 20 %
    [InlineData(30, 79.99, false, CustomerSegment.Active)]
    [InlineData(400, 80.0, false, CustomerSegment.Vip)]         // VIP > Lost
    [InlineData(200, 100.0, false, CustomerSegment.Vip)]        // VIP > Sleeping
    [InlineData(30, 95.0, true, CustomerSegment.Complaint)]     // Complaint > VIP
    [InlineData(500, null, true, CustomerSegment.Complaint)]    // Complaint > Lost
    [InlineData(0, 0.0, true, CustomerSegment.Complaint)]
    public void Each_customer_is_in_the_most_specific_segment_Complaint_VIP_Lost_Sleeping_Active(int days, double? score, bool complaint, CustomerSegment segment)
    {
        Assert.Equal(segment, Cadence.SegmentOf(Customer(days, score, complaint), Today));
    }

    [Fact]
    public void Bad_customer_states_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cadence.SegmentOf(Customer(-1), Today));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cadence.SegmentOf(Customer(10, 100.01), Today));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cadence.SegmentOf(Customer(10, -0.01), Today));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cadence.SegmentOf(Customer(10, double.NaN), Today));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cadence.CadenceOf((CustomerSegment)5));
    }

    [Fact]
    public void The_segment_thresholds_are_options()
    {
        var o = new ContactOptions();
        o.Cadence.SleepingAfterDays = 90;
        o.Cadence.LostAfterDays = 180;
        o.Cadence.VipValueScore = 90;
        var cadence = new FollowUpCadence(o);

        Assert.Equal(CustomerSegment.Sleeping, cadence.SegmentOf(Customer(91), Today));
        Assert.Equal(CustomerSegment.Lost, cadence.SegmentOf(Customer(181), Today));
        Assert.Equal(CustomerSegment.Lost, cadence.SegmentOf(Customer(181, 85), Today));
        Assert.Equal(CustomerSegment.Vip, cadence.SegmentOf(Customer(181, 90), Today));
    }

    // ---- cadence per segment ----

    public static TheoryData<CustomerSegment, int, ContactChannel, StaffRole, ContactPurpose> Table => new()
    {
        { CustomerSegment.Vip, 30, ContactChannel.Phone, StaffRole.ServiceAdvisor, ContactPurpose.Care },                      // monthly advisor phone call
        { CustomerSegment.Active, 90, ContactChannel.Sms, StaffRole.ServiceAdvisor, ContactPurpose.ServiceFollowUp },          // quarterly SMS (and a call after every service): phone + SMS
        { CustomerSegment.Sleeping, 90, ContactChannel.Sms, StaffRole.CustomerServiceSupervisor, ContactPurpose.Recovery },    // quarterly SMS + exclusive offer
        { CustomerSegment.Lost, 180, ContactChannel.Sms, StaffRole.CustomerServiceSupervisor, ContactPurpose.Recovery },       // every 6 months, SMS + strong offer
        { CustomerSegment.Complaint, 7, ContactChannel.Phone, StaffRole.CustomerServiceSupervisor, ContactPurpose.Urgent },    // weekly supervisor call
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_segment_has_the_cadence_of_the_table(CustomerSegment segment, int everyDays, ContactChannel channel, StaffRole owner, ContactPurpose purpose)
    {
        var c = Cadence.CadenceOf(segment);

        Assert.Equal((segment, everyDays, channel, owner, purpose), (c.Segment, c.EveryDays, c.Channel, c.Owner, c.Purpose));
    }

    [Fact]
    public void Complaints_come_first_then_VIPs_when_touches_compete()
    {
        var p = Enum.GetValues<CustomerSegment>().ToDictionary(s => s, s => Cadence.CadenceOf(s).Priority);

        Assert.True(p[CustomerSegment.Complaint] > p[CustomerSegment.Vip]);
        Assert.True(p[CustomerSegment.Vip] > p[CustomerSegment.Active]);
        Assert.True(p[CustomerSegment.Active] >= p[CustomerSegment.Sleeping]);
        Assert.True(p[CustomerSegment.Sleeping] >= p[CustomerSegment.Lost]);
    }

    [Fact]
    public void A_VIP_gets_a_monthly_advisor_call_at_10_00_local_that_may_move_until_the_day_before_the_next()
    {
        var touches = Cadence.Plan(Customer(20, 92, id: "vip-7"), new LocalDate(2026, 6, 1), new LocalDate(2026, 8, 31));

        Assert.Equal([new LocalDate(2026, 6, 1), new LocalDate(2026, 7, 1), new LocalDate(2026, 7, 31), new LocalDate(2026, 8, 30)], touches.Select(t => t.Earliest.InZone(Shanghai).Date));
        Assert.Equal([new LocalDate(2026, 6, 30), new LocalDate(2026, 7, 30), new LocalDate(2026, 8, 29), new LocalDate(2026, 9, 28)], touches.Select(t => t.LatestDate));
        Assert.All(touches, t =>
        {
            Assert.Equal(new LocalTime(10, 0), t.Earliest.InZone(Shanghai).TimeOfDay);
            Assert.Equal(("vip-7", "follow-up:Vip", ContactChannel.Phone, ContactPurpose.Care, (StaffRole?)StaffRole.ServiceAdvisor, 3, false), (t.CustomerId, t.Department, t.Channel, t.Purpose, t.Owner, t.Priority, t.RequestedByCustomer));
        });
        Assert.Equal("vip-7/Vip/cadence/2026-06-01", touches[0].Id);
        Assert.Equal(touches.Count, touches.Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public void An_active_customer_gets_a_follow_up_call_the_day_after_the_service_and_a_quarterly_SMS()
    {
        var touches = Cadence.Plan(Customer(1, id: "a1"), new LocalDate(2026, 6, 1), new LocalDate(2026, 8, 31));

        Assert.Equal(
            [("a1/Active/after-service/2026-06-01", new LocalDate(2026, 6, 1)), ("a1/Active/cadence/2026-06-01", new LocalDate(2026, 6, 1)), ("a1/Active/cadence/2026-08-30", new LocalDate(2026, 8, 30))],
            touches.Select(t => (t.Id, t.Earliest.InZone(Shanghai).Date)).OrderBy(x => x.Item2).ThenBy(x => x.Id, StringComparer.Ordinal));
        Assert.All(touches, t => Assert.Equal(ContactPurpose.ServiceFollowUp, t.Purpose));
        Assert.All(touches, t => Assert.Equal(t.Id.Contains("after-service", StringComparison.Ordinal) ? ContactChannel.Phone : ContactChannel.Sms, t.Channel));

        var bySms = new FollowUpCadence(new ContactOptions { Cadence = { AfterServiceChannel = ContactChannel.WeChat } });
        Assert.Equal(ContactChannel.WeChat, bySms.Plan(Customer(1, id: "a1"), new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 1)).Single(t => t.Id.Contains("after-service", StringComparison.Ordinal)).Channel);
    }

    [Fact]
    public void The_after_service_follow_up_may_not_move_beyond_the_48_hours_in_which_it_counts_as_on_time()
    {
        // Service on 31 May: the follow-up is planned for 1 June and must happen by 2 June (48 hours after the service day).
        var touches = Cadence.Plan(Customer(1, id: "a1"), new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 30));
        var after = Assert.Single(touches, t => t.Id.Contains("after-service", StringComparison.Ordinal));

        Assert.Equal(new LocalDate(2026, 6, 1), after.Earliest.InZone(Shanghai).Date);
        Assert.Equal(new LocalDate(2026, 6, 2), after.LatestDate);
    }

    [Fact]
    public void The_after_service_follow_up_is_planned_only_when_it_falls_in_the_range()
    {
        Assert.DoesNotContain(Cadence.Plan(Customer(10), Today, Today.PlusDays(30)), t => t.Id.Contains("after-service", StringComparison.Ordinal));
        Assert.Contains(Cadence.Plan(Customer(0), Today, Today.PlusDays(30)), t => t.Id.Contains("after-service", StringComparison.Ordinal));
        Assert.DoesNotContain(Cadence.Plan(Customer(0), Today.PlusDays(2), Today.PlusDays(30)), t => t.Id.Contains("after-service", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sleeping_customer_gets_a_quarterly_SMS_from_customer_service()
    {
        var touches = Cadence.Plan(Customer(200), Today, Today.PlusDays(364));

        Assert.Equal([0, 90, 180, 270, 360], touches.Select(t => Period.DaysBetween(Today, t.Earliest.InZone(Shanghai).Date)));
        Assert.All(touches, t => Assert.Equal((ContactChannel.Sms, ContactPurpose.Recovery, (StaffRole?)StaffRole.CustomerServiceSupervisor), (t.Channel, t.Purpose, t.Owner)));
    }

    [Fact]
    public void A_lost_customer_gets_an_SMS_every_six_months()
    {
        var touches = Cadence.Plan(Customer(400), Today, Today.PlusDays(365));

        Assert.Equal([0, 180, 360], touches.Select(t => Period.DaysBetween(Today, t.Earliest.InZone(Shanghai).Date)));
        Assert.All(touches, t => Assert.Equal(ContactChannel.Sms, t.Channel));
    }

    [Fact]
    public void Planning_two_consecutive_weeks_with_the_last_cadence_touch_never_repeats_a_touch()
    {
        var lost = Customer(400);
        var week1 = Cadence.Plan(lost, Today, Today.PlusDays(6));
        var last = week1.Single().Earliest.InZone(Shanghai).Date;

        var week2 = Cadence.Plan(lost with { LastCadenceTouch = last }, Today.PlusDays(7), Today.PlusDays(13));
        var withoutHistory = Cadence.Plan(lost, Today.PlusDays(7), Today.PlusDays(13));

        Assert.Empty(week2);
        Assert.Single(withoutHistory); // without the last touch every period starts a new interval
        Assert.Equal(Today.PlusDays(180), Cadence.Plan(lost with { LastCadenceTouch = last }, Today, Today.PlusDays(365))[0].Earliest.InZone(Shanghai).Date);
    }

    [Fact]
    public void A_customer_with_an_open_complaint_gets_a_weekly_supervisor_call()
    {
        var touches = Cadence.Plan(Customer(3, 90, complaint: true), Today, Today.PlusDays(27));

        Assert.Equal([0, 7, 14, 21], touches.Select(t => Period.DaysBetween(Today, t.Earliest.InZone(Shanghai).Date)));
        Assert.All(touches, t => Assert.Equal((ContactChannel.Phone, ContactPurpose.Urgent, (StaffRole?)StaffRole.CustomerServiceSupervisor, 6), (t.Channel, t.Purpose, t.Owner, Period.DaysBetween(t.Earliest.InZone(Shanghai).Date, t.LatestDate))));
    }

    [Fact]
    public void Touches_are_planned_at_the_touch_time_in_the_customers_zone()
    {
        var touches = Cadence.Plan(Customer(20, 90), new LocalDate(2026, 3, 29), new LocalDate(2026, 4, 30), Berlin);

        Assert.Equal(Local(Berlin, 2026, 3, 29, 10), touches[0].Earliest); // 10:00 CEST on the day the clocks go forward
        Assert.Equal(Local(Berlin, 2026, 4, 28, 10), touches[1].Earliest);
    }

    [Fact]
    public void The_segment_is_taken_on_the_first_planned_day()
    {
        // 170 days since the visit today: active; from 20 days on, sleeping.
        Assert.Equal(ContactPurpose.ServiceFollowUp, Cadence.Plan(Customer(170), Today, Today.PlusDays(5))[0].Purpose);
        Assert.Equal(ContactPurpose.Recovery, Cadence.Plan(Customer(170), Today.PlusDays(20), Today.PlusDays(25))[0].Purpose);
    }

    [Fact]
    public void Bad_ranges_and_ids_are_rejected()
    {
        Assert.Equal("to", Assert.Throws<ArgumentException>(() => Cadence.Plan(Customer(1), Today, Today.PlusDays(-1))).ParamName);
        Assert.Equal("customer", Assert.Throws<ArgumentException>(() => Cadence.Plan(Customer(1, id: ""), Today, Today)).ParamName);
        Assert.Equal("customer", Assert.Throws<ArgumentException>(() => Cadence.Plan(Customer(1) with { CustomerId = null! }, Today, Today)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Cadence.Plan(Customer(1, 120), Today, Today));
    }

    [Fact]
    public void The_cadence_is_an_option()
    {
        var o = new ContactOptions();
        o.Cadence.Vip.EveryDays = 14;
        o.Cadence.Vip.Channel = ContactChannel.WeChat;
        o.Cadence.TouchTimeOfDay = TimeSpan.FromHours(15.5);
        var cadence = new FollowUpCadence(o);

        var touches = cadence.Plan(Customer(20, 90), Today, Today.PlusDays(27));

        Assert.Equal([Sh(6, 1, 15, 30), Sh(6, 15, 15, 30)], touches.Select(t => t.Earliest));
        Assert.All(touches, t => Assert.Equal(ContactChannel.WeChat, t.Channel));
        Assert.Equal(14, cadence.CadenceOf(CustomerSegment.Vip).EveryDays);
    }

    // ---- through the calendar ----

    [Fact]
    public void Cadence_touches_go_through_the_calendar_weekly_complaint_calls_always_and_a_VIPs_calls_under_the_cap()
    {
        var complaint = Customer(3, complaint: true, id: "angry");
        var vip = Customer(10, 95, id: "vip");
        var touches = Cadence.Plan(complaint, Today, Today.PlusDays(27)).Concat(Cadence.Plan(vip, Today, Today.PlusDays(89))).ToArray();
        var full = Enumerable.Range(1, 3).Select(i => Proactive(Sh(6, 1, 9) - Days(i))).ToArray();
        var customers = new Dictionary<string, CustomerContactState>
        {
            ["angry"] = new(full, default, false),
            ["vip"] = new(full, default, true),
        };

        var plan = Calendar.Plan(touches, customers, Sh(6, 1, 9));

        Assert.Equal(4, plan.Scheduled.Count(s => s.Touch.CustomerId == "angry"));
        Assert.All(plan.Scheduled.Where(s => s.Touch.CustomerId == "angry"), s => Assert.False(s.Moved));
        // The VIP's first monthly call waits for the spacing after yesterday's touch; the other two go as planned.
        Assert.Equal([Sh(6, 3, 9), Sh(7, 1, 10), Sh(7, 31, 10)], plan.Scheduled.Where(s => s.Touch.CustomerId == "vip").Select(s => s.At));
        Assert.Empty(plan.Dropped);
    }

    // ---- properties ----

    [Property]
    public void The_segment_follows_the_priority_order(CadenceCustomer c)
    {
        var o = new ContactOptions().Cadence;
        var expected = c.Customer.OpenComplaint ? CustomerSegment.Complaint
            : c.Customer.ValueScore is double v && v >= o.VipValueScore ? CustomerSegment.Vip
            : c.Days > o.LostAfterDays ? CustomerSegment.Lost
            : c.Days > o.SleepingAfterDays ? CustomerSegment.Sleeping
            : CustomerSegment.Active;

        Assert.Equal(expected, Cadence.SegmentOf(c.Customer, c.Today));
    }

    [Property]
    public void Cadence_touches_come_every_EveryDays_inside_the_range_each_movable_until_the_next(CadenceCustomer c, byte length)
    {
        var to = c.Today.PlusDays(length * 3);
        var touches = Cadence.Plan(c.Customer, c.Today, to);
        var segment = Cadence.SegmentOf(c.Customer, c.Today);
        var cadence = Cadence.CadenceOf(segment);
        var regular = touches.Where(t => t.Id.Contains("/cadence/", StringComparison.Ordinal)).ToArray();

        Assert.Equal((Period.DaysBetween(c.Today, to) / cadence.EveryDays) + 1, regular.Length);
        for (int i = 0; i < regular.Length; i++)
        {
            var day = regular[i].Earliest.InZone(Shanghai).Date;
            Assert.Equal(c.Today.PlusDays(i * cadence.EveryDays), day);
            Assert.Equal(day.PlusDays(cadence.EveryDays - 1), regular[i].LatestDate);
            Assert.Equal((cadence.Channel, cadence.Purpose, (StaffRole?)cadence.Owner, cadence.Priority), (regular[i].Channel, regular[i].Purpose, regular[i].Owner, regular[i].Priority));
        }

        Assert.Equal(touches.Select(t => t.Earliest).Order(), touches.Select(t => t.Earliest));
        Assert.Equal(touches.Count, touches.Select(t => t.Id).Distinct().Count());
        Assert.All(touches, t => Assert.True(t.LatestDate >= t.Earliest.InZone(Shanghai).Date));
        int afterService = touches.Count - regular.Length;
        var followUp = c.Customer.LastVisit.PlusDays(1);
        Assert.Equal(segment == CustomerSegment.Active && followUp >= c.Today && followUp <= to ? 1 : 0, afterService);
    }

    [Property(MaxTest = 200)]
    public void Planned_cadence_touches_are_never_malformed_for_the_calendar(CadenceCustomer c, ValidOptions o)
    {
        var cadence = new FollowUpCadence(o.Options);
        var touches = cadence.Plan(c.Customer, c.Today, c.Today.PlusDays(100), Berlin);

        var plan = new ContactCalendar(o.Options).Plan(touches, new Dictionary<string, CustomerContactState> { [c.Customer.CustomerId] = new([], new ContactPreferences { Zone = Berlin }, false) }, Local(Berlin, c.Today.Year, c.Today.Month, c.Today.Day, 0));

        Assert.DoesNotContain(plan.Dropped, d => d.Reasons[0].Code == ContactReasonCode.InvalidTouch);
        Assert.Equal(touches.Count, plan.Scheduled.Count + plan.Dropped.Count);
    }
}
