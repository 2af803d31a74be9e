using System;
using FsCheck.Xunit;
using NodaTime;
using Retention.Nps.Tests.Support;
using Xunit;
using static Retention.Nps.Tests.Support.Fixtures;

namespace Retention.Nps.Tests;

/// <summary>
/// Spec section 3: Red 0-3 (ServiceManager at once by SMS and phone, 2 hours, Urgent, escalate to
/// RegionalManager), Yellow 4-6 (ServiceManager by WeChat, 6 hours, Important, one level up), Orange 7
/// (passive-conversion plan, 3 days, Watch), none 8-10. Deadline = answer time + window.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
public class LowScoreAlertTests
{
    public static TheoryData<int, AlertLevel, StaffRole?, AlertChannels, AlertMark, double?, StaffRole?> Table => new()
    {
        { 0, AlertLevel.Red, StaffRole.ServiceManager, AlertChannels.Sms | AlertChannels.Phone, AlertMark.Urgent, 2, StaffRole.RegionalManager },
        { 3, AlertLevel.Red, StaffRole.ServiceManager, AlertChannels.Sms | AlertChannels.Phone, AlertMark.Urgent, 2, StaffRole.RegionalManager },
        { 4, AlertLevel.Yellow, StaffRole.ServiceManager, AlertChannels.WeChat, AlertMark.Important, 6, StaffRole.StoreManager },
        { 6, AlertLevel.Yellow, StaffRole.ServiceManager, AlertChannels.WeChat, AlertMark.Important, 6, StaffRole.StoreManager },
        { 7, AlertLevel.Orange, StaffRole.ServiceAdvisor, AlertChannels.Task, AlertMark.Watch, 72, null },
        { 8, AlertLevel.None, null, AlertChannels.None, AlertMark.None, null, null },
        { 10, AlertLevel.None, null, AlertChannels.None, AlertMark.None, null, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_score_raises_the_alert_of_the_table(int score, AlertLevel level, StaffRole? notify, AlertChannels channels, AlertMark mark, double? hours, StaffRole? escalateTo)
    {
        var alert = Alerter.Evaluate(score, AnsweredAt);

        Assert.Equal(level, alert.Level);
        Assert.Equal(level, Alerter.LevelOf(score));
        Assert.Equal(level != AlertLevel.None, alert.Raised);
        Assert.Equal(score, alert.Score);
        Assert.Equal(AnsweredAt, alert.AnsweredAt);
        Assert.Equal(notify, alert.Notify);
        Assert.Equal(channels, alert.Channels);
        Assert.Equal(mark, alert.Mark);
        Assert.Equal(hours is double h ? AnsweredAt + Duration.FromHours(h) : null, alert.Deadline);
        Assert.Equal(escalateTo, alert.EscalateTo);
        AssertBothLocales(alert.Action, $"alert for {score}");
    }

    [Fact]
    public void The_red_deadline_is_two_wall_clock_hours_after_the_answer()
    {
        var alert = Alerter.Evaluate(1, Instant.FromUtc(2026, 3, 28, 23, 30));

        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 30), alert.Deadline);
    }

    [Fact]
    public void A_red_alert_nobody_answers_escalates_to_the_regional_manager_after_its_deadline_and_not_before()
    {
        var alert = Alerter.Evaluate(2, AnsweredAt);
        var deadline = AnsweredAt + Duration.FromHours(2);

        Assert.False(alert.IsOverdue(deadline - Duration.FromSeconds(1), responded: false));
        Assert.False(alert.ShouldEscalate(deadline - Duration.FromSeconds(1), responded: false));
        Assert.True(alert.IsOverdue(deadline, responded: false)); // the deadline instant itself is late
        Assert.True(alert.ShouldEscalate(deadline, responded: false));
        Assert.False(alert.ShouldEscalate(deadline + Duration.FromHours(5), responded: true));
    }

    [Fact]
    public void An_orange_alert_goes_overdue_but_escalates_to_nobody_and_no_alert_is_never_overdue()
    {
        var orange = Alerter.Evaluate(7, AnsweredAt);
        var none = Alerter.Evaluate(9, AnsweredAt);
        var later = AnsweredAt + Duration.FromDays(4);

        Assert.True(orange.IsOverdue(later, responded: false));
        Assert.False(orange.ShouldEscalate(later, responded: false));
        Assert.False(none.IsOverdue(later, responded: false));
        Assert.False(none.ShouldEscalate(later, responded: false));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void A_score_outside_0_to_10_is_bad_input_naming_the_argument(int score)
    {
        Assert.Equal("score", Assert.Throws<ArgumentOutOfRangeException>(() => Alerter.Evaluate(score, AnsweredAt)).ParamName);
        Assert.Equal("score", Assert.Throws<ArgumentOutOfRangeException>(() => Alerter.LevelOf(score)).ParamName);
    }

    [Fact]
    public void An_orange_bound_equal_to_the_yellow_bound_means_no_orange_level()
    {
        var options = new NpsOptions();
        options.Alerts.OrangeUpTo = 6;
        var alerter = new LowScoreAlerter(options);

        Assert.Equal(AlertLevel.Yellow, alerter.LevelOf(6));
        Assert.Equal(AlertLevel.None, alerter.LevelOf(7));
    }

    [Fact]
    public void Configured_levels_change_role_channels_window_and_escalation()
    {
        var options = new NpsOptions();
        options.Alerts.RedUpTo = 2;
        options.Alerts.Red.RespondWithin = TimeSpan.FromMinutes(30);
        options.Alerts.Red.Notify = StaffRole.StoreManager;
        options.Alerts.Red.Channels = AlertChannels.Phone;
        options.Alerts.Yellow.EscalateTo = null;
        var alerter = new LowScoreAlerter(options);

        var red = alerter.Evaluate(2, AnsweredAt);
        Assert.Equal((StaffRole?)StaffRole.StoreManager, red.Notify);
        Assert.Equal(AlertChannels.Phone, red.Channels);
        Assert.Equal(AnsweredAt + Duration.FromMinutes(30), red.Deadline);
        Assert.Equal(AlertLevel.Yellow, alerter.LevelOf(3));
        Assert.Null(alerter.Evaluate(3, AnsweredAt).EscalateTo);
        Assert.Equal("notify the store manager at once (phone); respond within 30 minutes or it goes to the regional manager", red.Action.En);
        Assert.Equal("立即通知店长（电话），30 分钟内响应；超时升级至区域经理", red.Action.ZhCn);
        Assert.DoesNotContain("goes to", alerter.Evaluate(3, AnsweredAt).Action.En, StringComparison.Ordinal);
    }

    [Fact]
    public void The_action_states_the_configured_window()
    {
        var options = new NpsOptions();
        options.Alerts.Red.RespondWithin = TimeSpan.FromHours(1);
        options.Alerts.Yellow.RespondWithin = TimeSpan.FromHours(12);
        options.Alerts.Orange.RespondWithin = TimeSpan.FromDays(5);
        var alerter = new LowScoreAlerter(options);

        Assert.Contains("1 hour", alerter.Evaluate(0, AnsweredAt).Action.En, StringComparison.Ordinal);
        Assert.DoesNotContain("2 hours", alerter.Evaluate(0, AnsweredAt).Action.En, StringComparison.Ordinal);
        Assert.Contains("1 小时", alerter.Evaluate(0, AnsweredAt).Action.ZhCn, StringComparison.Ordinal);
        Assert.Contains("12 hours", alerter.Evaluate(5, AnsweredAt).Action.En, StringComparison.Ordinal);
        Assert.Contains("5 days", alerter.Evaluate(7, AnsweredAt).Action.En, StringComparison.Ordinal);
        Assert.Contains("5 天", alerter.Evaluate(7, AnsweredAt).Action.ZhCn, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_actions_state_the_spec_windows_and_roles()
    {
        var red = Alerter.Evaluate(0, AnsweredAt).Action;
        var yellow = Alerter.Evaluate(5, AnsweredAt).Action;
        var orange = Alerter.Evaluate(7, AnsweredAt).Action;

        Assert.Contains("2 hours", red.En, StringComparison.Ordinal);
        Assert.Contains("regional manager", red.En, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("区域经理", red.ZhCn, StringComparison.Ordinal);
        Assert.Equal("notify the service manager at once (SMS and phone); respond within 2 hours or it goes to the regional manager", red.En);
        Assert.Equal("立即通知服务经理（短信 + 电话），2 小时内响应；超时升级至区域经理", red.ZhCn);
        Assert.Contains("6 hours", yellow.En, StringComparison.Ordinal);
        Assert.Contains("store manager", yellow.En, StringComparison.Ordinal); // one level up (a Decision)
        Assert.Contains("WeChat", yellow.En, StringComparison.Ordinal);
        Assert.Contains("微信", yellow.ZhCn, StringComparison.Ordinal);
        Assert.Contains("3 days", orange.En, StringComparison.Ordinal);
        Assert.Contains("passive-conversion", orange.En, StringComparison.Ordinal);
    }

    // ---- properties ----

    [Property]
    public void The_alert_level_never_gets_milder_as_the_score_falls(ValidOptions o, AnswerScore s)
    {
        var alerter = new LowScoreAlerter(o.Options);
        for (int lower = 0; lower < s.Value; lower++)
        {
            Assert.True(alerter.LevelOf(lower) >= alerter.LevelOf(s.Value), $"{lower}: {alerter.LevelOf(lower)} vs {s.Value}: {alerter.LevelOf(s.Value)}");
        }

        Assert.Equal(AlertLevel.Red, alerter.LevelOf(0));
    }

    [Property]
    public void Every_alert_deadline_is_the_answer_time_plus_its_window_and_never_before_the_answer(ValidOptions o, AnswerScore s, Instant answeredAt)
    {
        var alert = new LowScoreAlerter(o.Options).Evaluate(s.Value, answeredAt);
        var levels = o.Options.Alerts;

        Assert.Equal(alert.Level != AlertLevel.None, alert.Deadline is not null);
        if (alert.Deadline is Instant deadline)
        {
            Assert.True(deadline > answeredAt);
            var level = alert.Level switch { AlertLevel.Red => levels.Red, AlertLevel.Yellow => levels.Yellow, _ => levels.Orange };
            Assert.Equal(answeredAt + Duration.FromTimeSpan(level.RespondWithin), deadline);
            Assert.Equal((StaffRole?)level.Notify, alert.Notify);
            Assert.Equal(level.EscalateTo, alert.EscalateTo);
            Assert.True(alert.EscalateTo is null || alert.EscalateTo > alert.Notify);
            Assert.False(alert.IsOverdue(deadline - Duration.Epsilon, responded: false));
            Assert.True(alert.IsOverdue(deadline, responded: false));
        }
    }
}
