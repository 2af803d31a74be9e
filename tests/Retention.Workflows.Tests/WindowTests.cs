using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Retention.Workflows.Tests.Support;
using Xunit;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests;

/// <summary>
/// Spec section 1, windows: calendar days from the start (D1 is the start day in the store's zone, due at the end of the
/// last day, right across daylight-saving changes), wall-clock hours, windows after another step or an event, recurring.
/// </summary>
public class WindowTests
{
    [Fact]
    public void D1_D2_in_Shanghai_opens_on_the_start_day_and_is_due_at_the_end_of_the_second_day()
    {
        var facts = new Facts(Shanghai, Local(Shanghai, 2026, 3, 10, 9));

        var (opens, due) = facts.Resolve(StepWindow.Days(1, 2))!.Value;

        Assert.Equal(Local(Shanghai, 2026, 3, 10, 0), opens);
        Assert.Equal(Local(Shanghai, 2026, 3, 12, 0), due);
        Assert.Equal(Utc(2026, 3, 11, 16), due);
    }

    [Fact]
    public void A_start_just_before_midnight_still_makes_that_day_D1()
    {
        var facts = new Facts(Shanghai, Local(Shanghai, 2026, 3, 10, 23, 59));

        Assert.Equal(Local(Shanghai, 2026, 3, 11, 0), facts.Resolve(StepWindow.Days(1, 1))!.Value.Due);
        Assert.Equal((Local(Shanghai, 2026, 3, 12, 0), Local(Shanghai, 2026, 3, 14, 0)), facts.Resolve(StepWindow.Days(3, 4))!.Value);
    }

    [Fact]
    public void Berlin_spring_change_29_March_2026_a_day_window_across_it_is_47_hours_and_D2_is_23_hours()
    {
        var start = Local(Berlin, 2026, 3, 28, 10); // 09:00 UTC, CET
        var facts = new Facts(Berlin, start);

        var (opens, due) = facts.Resolve(StepWindow.Days(1, 2))!.Value;
        Assert.Equal(Utc(2026, 3, 27, 23), opens);
        Assert.Equal(Utc(2026, 3, 29, 22), due); // 2026-03-30 00:00 CEST
        Assert.Equal(Duration.FromHours(47), due - opens);

        var d2 = facts.Resolve(StepWindow.Days(2, 2))!.Value;
        Assert.Equal(Duration.FromHours(23), d2.Due - d2.Opens);
        Assert.Equal(new LocalDateTime(2026, 3, 29, 0, 0), d2.Opens.InZone(Berlin).LocalDateTime);
        Assert.Equal(new LocalDateTime(2026, 3, 30, 0, 0), d2.Due.InZone(Berlin).LocalDateTime);
    }

    [Fact]
    public void Berlin_autumn_change_25_October_2026_D2_is_25_hours_and_still_ends_at_local_midnight()
    {
        var facts = new Facts(Berlin, Local(Berlin, 2026, 10, 24, 10)); // CEST

        var (opens, due) = facts.Resolve(StepWindow.Days(2, 2))!.Value;

        Assert.Equal(Utc(2026, 10, 24, 22), opens);
        Assert.Equal(Utc(2026, 10, 25, 23), due); // 2026-10-26 00:00 CET
        Assert.Equal(Duration.FromHours(25), due - opens);
        Assert.Equal(new LocalDateTime(2026, 10, 26, 0, 0), due.InZone(Berlin).LocalDateTime);
    }

    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    public void Every_day_window_ends_at_a_local_midnight_whatever_the_start_time(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        for (var start = Utc(2026, 3, 1, 0); start < Utc(2026, 12, 1, 0); start += Duration.FromHours(17))
        {
            var facts = new Facts(zone, start);
            var (opens, due) = facts.Resolve(StepWindow.Days(2, 3))!.Value;
            var startDay = start.InZone(zone).Date;

            Assert.Equal(startDay.PlusDays(1).AtMidnight(), opens.InZone(zone).LocalDateTime);
            Assert.Equal(startDay.PlusDays(3).AtMidnight(), due.InZone(zone).LocalDateTime);
        }
    }

    [Fact]
    public void Hour_windows_count_elapsed_hours_even_across_the_spring_gap()
    {
        var start = Local(Berlin, 2026, 3, 29, 1, 30); // 00:30 UTC; 02:00-03:00 local does not exist
        var (opens, due) = new Facts(Berlin, start).Resolve(StepWindow.Hours(0, 2))!.Value;

        Assert.Equal(start, opens);
        Assert.Equal(start + Duration.FromHours(2), due);
        Assert.Equal(new LocalDateTime(2026, 3, 29, 4, 30), due.InZone(Berlin).LocalDateTime);
    }

    [Fact]
    public void Windows_after_the_appointment_day_count_local_days_and_may_start_before_it()
    {
        var facts = new Facts(Berlin, Local(Berlin, 2026, 3, 20, 10)) { Appointment = new LocalDate(2026, 3, 29) };

        Assert.Equal((Utc(2026, 3, 28, 23), Utc(2026, 3, 29, 22)), facts.Resolve(StepWindow.DaysAfter(WindowAnchor.Appointment, 0, 0))!.Value);
        Assert.Equal((Utc(2026, 3, 27, 23), Utc(2026, 3, 28, 23)), facts.Resolve(StepWindow.DaysAfter(WindowAnchor.Appointment, -1, -1))!.Value);
        Assert.Equal((Utc(2026, 3, 28, 23), Utc(2026, 3, 29, 1)), facts.Resolve(StepWindow.HoursAfter(WindowAnchor.Appointment, 0, 2))!.Value);
    }

    [Fact]
    public void D_plus_1_D_plus_7_and_D_plus_30_after_the_visit_are_whole_local_days()
    {
        var visit = Local(Berlin, 2026, 10, 24, 18);
        var facts = new Facts(Berlin, visit - Duration.FromDays(5)) { Visit = visit };

        Assert.Equal((Utc(2026, 10, 24, 22), Utc(2026, 10, 25, 23)), facts.Resolve(StepWindow.DaysAfter(WindowAnchor.Visit, 1, 1))!.Value);
        Assert.Equal(new LocalDateTime(2026, 10, 31, 0, 0), facts.Resolve(StepWindow.DaysAfter(WindowAnchor.Visit, 7, 7))!.Value.Opens.InZone(Berlin).LocalDateTime);
        Assert.Equal(new LocalDateTime(2026, 11, 24, 0, 0), facts.Resolve(StepWindow.DaysAfter(WindowAnchor.Visit, 30, 30))!.Value.Due.InZone(Berlin).LocalDateTime);
        Assert.Equal((visit + Duration.FromHours(2), visit + Duration.FromHours(4)), facts.Resolve(StepWindow.HoursAfter(WindowAnchor.Visit, 2, 4))!.Value);
    }

    [Fact]
    public void Windows_after_a_step_or_the_reply_count_from_that_moment()
    {
        var call = Local(Shanghai, 2026, 3, 10, 21);
        var reply = Local(Shanghai, 2026, 3, 11, 8);
        var facts = new Facts(Shanghai, Start) { Completed = new() { ["call"] = call }, Reply = reply };

        Assert.Equal(Local(Shanghai, 2026, 3, 11, 0), facts.Resolve(StepWindow.DaysAfter(WindowAnchor.AfterStep("call"), 0, 0))!.Value.Due);
        Assert.Equal(reply + Duration.FromHours(2), facts.Resolve(StepWindow.HoursAfter(WindowAnchor.Reply, 0, 2))!.Value.Due);
    }

    [Fact]
    public void An_anchored_window_has_no_instants_until_its_anchor_is_known()
    {
        var facts = new Facts(Shanghai, Start);

        Assert.Null(facts.Resolve(StepWindow.DaysAfter(WindowAnchor.Appointment, 0, 0)));
        Assert.Null(facts.Resolve(StepWindow.DaysAfter(WindowAnchor.Visit, 1, 1)));
        Assert.Null(facts.Resolve(StepWindow.HoursAfter(WindowAnchor.Reply, 0, 2)));
        Assert.Null(facts.Resolve(StepWindow.DaysAfter(WindowAnchor.AfterStep("call"), 0, 1)));
        Assert.Null(facts.Resolve(StepWindow.Recurring(StepWindow.DaysAfter(WindowAnchor.Visit, 30, 30), 1, RecurrenceUnit.Months, 3), 2));
    }

    [Fact]
    public void Monthly_for_3_months_keeps_the_day_of_month_and_clips_to_month_ends()
    {
        var window = StepWindow.Recurring(StepWindow.DaysAfter(WindowAnchor.Visit, 0, 0), 1, RecurrenceUnit.Months, 3);
        var facts = new Facts(Shanghai, Start) { Visit = Local(Shanghai, 2026, 1, 31, 15) };

        var days = Enumerable.Range(0, 3).Select(k => facts.Resolve(window, k)!.Value.Opens.InZone(Shanghai).Date).ToArray();

        Assert.Equal(3, window.Occurrences);
        Assert.Equal([new LocalDate(2026, 1, 31), new LocalDate(2026, 2, 28), new LocalDate(2026, 3, 31)], days);
    }

    [Fact]
    public void Every_2_weeks_keeps_the_local_wall_time_across_a_daylight_saving_change()
    {
        var window = StepWindow.Recurring(StepWindow.Hours(0, 2), 2, RecurrenceUnit.Weeks, 6);
        var facts = new Facts(Berlin, Local(Berlin, 2026, 3, 20, 10));

        var opens = Enumerable.Range(0, 6).Select(k => facts.Resolve(window, k)!.Value.Opens).ToArray();

        Assert.All(opens, o => Assert.Equal(new LocalTime(10, 0), o.InZone(Berlin).TimeOfDay));
        Assert.Equal(Duration.FromDays(14) - Duration.FromHours(1), opens[1] - opens[0]); // across 29 March
        Assert.Equal(Duration.FromDays(14), opens[2] - opens[1]);
    }

    [Fact]
    public void Windows_describe_themselves()
    {
        Assert.Equal("D1-D2", StepWindow.Days(1, 2).ToString());
        Assert.Equal("D3", StepWindow.Days(3, 3).ToString());
        Assert.Equal("0-2 h", StepWindow.Hours(0, 2).ToString());
        Assert.Equal("12-72 h", StepWindow.Hours(12, 72).ToString());
        Assert.Equal("the appointment day", StepWindow.DaysAfter(WindowAnchor.Appointment, 0, 0).ToString());
        Assert.Equal("D-1 after the appointment", StepWindow.DaysAfter(WindowAnchor.Appointment, -1, -1).ToString());
        Assert.Equal("D+1 after the visit", StepWindow.DaysAfter(WindowAnchor.Visit, 1, 1).ToString());
        Assert.Equal("D+0..D+1 after step 'call'", StepWindow.DaysAfter(WindowAnchor.AfterStep("call"), 0, 1).ToString());
        Assert.Equal("0-24 h after the reply", StepWindow.HoursAfter(WindowAnchor.Reply, 0, 24).ToString());
        Assert.Equal(
            "D+30 after the visit, then every month, 3 times",
            StepWindow.Recurring(StepWindow.DaysAfter(WindowAnchor.Visit, 30, 30), 1, RecurrenceUnit.Months, 3).ToString());
        Assert.Equal("D1, then every 2 weeks, 6 times", StepWindow.Recurring(StepWindow.Days(1, 1), 2, RecurrenceUnit.Weeks, 6).ToString());
    }

    public static IEnumerable<TheoryDataRow<string, System.Func<StepWindow>>> BadWindows() =>
    [
        new("firstDay must be at least 1", () => StepWindow.Days(0, 2)),
        new("must not be before firstDay", () => StepWindow.Days(3, 2)),
        new("lastDay must be at most 3660", () => StepWindow.Days(1, 4000)),
        new("must be after from", () => StepWindow.Hours(2, 2)),
        new("from must not be negative", () => StepWindow.Hours(-1, 2)),
        new("cannot start before it", () => StepWindow.DaysAfter(WindowAnchor.Visit, -1, 0)),
        new("at most 366 days before", () => StepWindow.DaysAfter(WindowAnchor.Appointment, -400, 0)),
        new("must not be before fromDay", () => StepWindow.DaysAfter(WindowAnchor.Visit, 2, 1)),
        new("needs an anchor", () => StepWindow.DaysAfter(null!, 0, 1)),
        new("cannot itself be recurring", () => StepWindow.Recurring(StepWindow.Recurring(StepWindow.Days(1, 1), 1, RecurrenceUnit.Days, 2), 1, RecurrenceUnit.Days, 2)),
        new("count must be from 1 to 120", () => StepWindow.Recurring(StepWindow.Days(1, 1), 1, RecurrenceUnit.Days, 0)),
        new("every must be from 1 to 366", () => StepWindow.Recurring(StepWindow.Days(1, 1), 0, RecurrenceUnit.Days, 2)),
        new("unit 9 is not a known unit", () => StepWindow.Recurring(StepWindow.Days(1, 1), 1, (RecurrenceUnit)9, 2)),
        new("a step anchor needs the id", () => StepWindow.DaysAfter(new WindowAnchor(AnchorKind.Step), 0, 1)),
        new("takes no step id", () => StepWindow.DaysAfter(new WindowAnchor(AnchorKind.Visit, "call"), 0, 1)),
    ];

    [Theory]
    [MemberData(nameof(BadWindows))]
    public void A_malformed_window_is_rejected_with_a_message_saying_what_is_wrong(string expected, System.Func<StepWindow> make)
    {
        var e = Assert.Throws<WorkflowDefinitionException>(() => make());
        Assert.Contains(expected, e.Message, System.StringComparison.Ordinal);
    }
}
