using NodaTime;
using NodaTime.Extensions;
using NodaTime.Testing;
using NodaTime.Text;
using Xunit;
using static Retention.Scoring.Tests.Support.Customers;

namespace Retention.Scoring.Tests;

/// <summary>
/// scoring.md section 4 and the conventions: days since the last visit are calendar days in the
/// store's time zone. The host turns instants into dates in the store's zone and passes dates in.
/// </summary>
public class StoreTimeZoneTests
{
    private static Instant At(string utc) => InstantPattern.General.Parse(utc).Value;

    private static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    /// <summary>What a host does: last visit and "now" as dates in the store's zone, then score.</summary>
    private static RiskAssessment ScoreInStore(Instant lastVisit, IClock clock, DateTimeZone zone)
    {
        var signals = Content(0) with { LastVisit = lastVisit.InZone(zone).Date };
        return Scorer.Score(signals, clock.InZone(zone).GetCurrentDate());
    }

    [Theory]
    // Asia/Shanghai, UTC+8 all year. Last visit on 2025-12-29 local; the 90th day is 2026-03-29.
    [InlineData("Asia/Shanghai", "2025-12-29T02:00:00Z", "2026-03-29T15:59:00Z", 90, ChurnStage.PreChurn)] // 23:59 local on day 90
    [InlineData("Asia/Shanghai", "2025-12-29T02:00:00Z", "2026-03-28T16:00:00Z", 90, ChurnStage.PreChurn)] // 00:00 local on day 90 (still the 28th in UTC)
    [InlineData("Asia/Shanghai", "2025-12-29T02:00:00Z", "2026-03-28T15:59:00Z", 89, ChurnStage.Active)] // 23:59 local on day 89
    [InlineData("Asia/Shanghai", "2025-12-29T16:30:00Z", "2026-03-29T15:59:00Z", 89, ChurnStage.Active)] // visit at 00:30 on the 30th local
    // Europe/Berlin: the 90th day after 2025-12-29 is 2026-03-29, the day clocks go from 02:00 CET to 03:00 CEST (23 hours).
    [InlineData("Europe/Berlin", "2025-12-29T12:00:00Z", "2026-03-28T22:59:00Z", 89, ChurnStage.Active)] // 23:59 CET on the 28th
    [InlineData("Europe/Berlin", "2025-12-29T12:00:00Z", "2026-03-28T23:00:00Z", 90, ChurnStage.PreChurn)] // 00:00 CET on the 29th
    [InlineData("Europe/Berlin", "2025-12-29T12:00:00Z", "2026-03-29T01:30:00Z", 90, ChurnStage.PreChurn)] // 03:30 CEST, just after the change
    [InlineData("Europe/Berlin", "2025-12-29T12:00:00Z", "2026-03-29T21:59:00Z", 90, ChurnStage.PreChurn)] // 23:59 CEST on the 29th
    [InlineData("Europe/Berlin", "2025-12-29T12:00:00Z", "2026-03-29T22:00:00Z", 91, ChurnStage.PreChurn)] // 00:00 CEST on the 30th
    // Europe/Berlin: the 90th day after 2026-07-27 is 2026-10-25, the day clocks go from 03:00 CEST back to 02:00 CET (25 hours).
    [InlineData("Europe/Berlin", "2026-07-27T10:00:00Z", "2026-10-24T21:59:00Z", 89, ChurnStage.Active)] // 23:59 CEST on the 24th
    [InlineData("Europe/Berlin", "2026-07-27T10:00:00Z", "2026-10-24T22:00:00Z", 90, ChurnStage.PreChurn)] // 00:00 CEST on the 25th
    [InlineData("Europe/Berlin", "2026-07-27T10:00:00Z", "2026-10-25T22:59:00Z", 90, ChurnStage.PreChurn)] // 23:59 CET on the 25th
    [InlineData("Europe/Berlin", "2026-07-27T10:00:00Z", "2026-10-25T23:00:00Z", 91, ChurnStage.PreChurn)] // 00:00 CET on the 26th
    [InlineData("Europe/Berlin", "2026-07-27T22:30:00Z", "2026-10-24T22:00:00Z", 89, ChurnStage.Active)] // visit at 00:30 CEST on the 28th (the 27th in UTC)
    public void Days_since_last_visit_are_calendar_days_in_the_stores_zone(string zoneId, string lastVisitUtc, string nowUtc, int days, ChurnStage stage)
    {
        var risk = ScoreInStore(At(lastVisitUtc), new FakeClock(At(nowUtc)), Zone(zoneId));

        Assert.Equal(days, risk.DaysSinceLastVisit);
        Assert.Equal(stage, risk.Stage);
    }

    [Fact]
    public void On_the_spring_change_day_24_hours_later_is_two_calendar_days_later_in_Berlin()
    {
        var berlin = Zone("Europe/Berlin");
        var lastVisit = At("2025-12-29T12:00:00Z");
        var clock = new FakeClock(At("2026-03-28T22:30:00Z")); // 23:30 CET on 2026-03-28

        Assert.Equal(89, ScoreInStore(lastVisit, clock, berlin).DaysSinceLastVisit);

        clock.Advance(Duration.FromHours(1)); // 00:30 CET on the 29th: day 90, pre-churn
        Assert.Equal((90, ChurnStage.PreChurn), (ScoreInStore(lastVisit, clock, berlin).DaysSinceLastVisit, ScoreInStore(lastVisit, clock, berlin).Stage));

        clock.Advance(Duration.FromHours(23)); // the 29th has only 23 hours: 00:30 CEST on the 30th
        Assert.Equal(91, ScoreInStore(lastVisit, clock, berlin).DaysSinceLastVisit);

        // Counting elapsed 24-hour periods instead of calendar days would still say 90 here.
        Assert.Equal(90, (int)(clock.GetCurrentInstant() - lastVisit).TotalDays);
    }

    [Fact]
    public void On_the_autumn_change_day_24_hours_later_is_still_the_same_calendar_day_in_Berlin()
    {
        var berlin = Zone("Europe/Berlin");
        var lastVisit = At("2026-07-27T10:00:00Z");
        var clock = new FakeClock(At("2026-10-24T22:30:00Z")); // 00:30 CEST on 2026-10-25: day 90

        Assert.Equal(90, ScoreInStore(lastVisit, clock, berlin).DaysSinceLastVisit);

        clock.Advance(Duration.FromHours(24)); // the 25th has 25 hours: 23:30 CET, still the 25th
        Assert.Equal(90, ScoreInStore(lastVisit, clock, berlin).DaysSinceLastVisit);
        Assert.Equal(new LocalDate(2026, 10, 25), clock.InZone(berlin).GetCurrentDate());
    }

    [Fact]
    public void The_same_instants_can_be_different_day_counts_in_Shanghai_and_Berlin()
    {
        var lastVisit = At("2025-12-29T20:00:00Z"); // 04:00 on the 30th in Shanghai, 21:00 on the 29th in Berlin
        var clock = new FakeClock(At("2026-03-29T12:00:00Z")); // the 29th in both

        Assert.Equal((89, ChurnStage.Active), (ScoreInStore(lastVisit, clock, Zone("Asia/Shanghai")).DaysSinceLastVisit, ScoreInStore(lastVisit, clock, Zone("Asia/Shanghai")).Stage));
        Assert.Equal((90, ChurnStage.PreChurn), (ScoreInStore(lastVisit, clock, Zone("Europe/Berlin")).DaysSinceLastVisit, ScoreInStore(lastVisit, clock, Zone("Europe/Berlin")).Stage));
    }
}
