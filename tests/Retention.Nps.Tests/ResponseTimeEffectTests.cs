using System;
using FsCheck.Xunit;
using NodaTime;
using Retention.Nps.Tests.Support;
using Xunit;
using static Retention.Nps.Tests.Support.Fixtures;

namespace Retention.Nps.Tests;

/// <summary>Spec section 6: first response within 6 hours 85 %, 6-24 hours 65 %, after 24 hours about 40 %.</summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
public class ResponseTimeEffectTests
{
    [Theory]
    [InlineData(0, 0.85)]
    [InlineData((6 * 3600) - 1, 0.85)]
    [InlineData(6 * 3600, 0.65)] // "6-24 hours": lower bound inclusive (spec README conventions)
    [InlineData(12 * 3600, 0.65)]
    [InlineData((24 * 3600) - 1, 0.65)]
    [InlineData(24 * 3600, 0.40)]
    [InlineData(25 * 3600, 0.40)]
    [InlineData(30 * 24 * 3600, 0.40)]
    public void Expected_success_by_first_response_time(int seconds, double expected)
    {
        Assert.Equal(expected, Playbook.ExpectedSuccess(Duration.FromSeconds(seconds)));
    }

    [Fact]
    public void A_negative_response_time_is_bad_input_naming_the_argument()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Playbook.ExpectedSuccess(Duration.FromSeconds(-1)));
        Assert.Equal("firstResponseAfter", e.ParamName);
    }

    [Fact]
    public void The_expected_success_in_words_gives_the_percentage()
    {
        var text = RescueGuidance.ForExpectedSuccess(Playbook.ExpectedSuccess(Duration.FromHours(3)));

        Assert.Contains("85 %", text.En, StringComparison.Ordinal);
        Assert.Contains("85%", text.ZhCn, StringComparison.Ordinal);
        AssertBothLocales(text, "expected success");
        Assert.Equal("expectedSuccess", Assert.Throws<ArgumentOutOfRangeException>(() => RescueGuidance.ForExpectedSuccess(1.01)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => RescueGuidance.ForExpectedSuccess(double.NaN));
    }

    [Fact]
    public void Configured_windows_and_rates_apply()
    {
        var options = new NpsOptions();
        options.ResponseTimeEffect.FastWithin = TimeSpan.FromHours(4);
        options.ResponseTimeEffect.LateSuccess = 0.2;
        var playbook = new RescuePlaybook(options);

        Assert.Equal(0.65, playbook.ExpectedSuccess(Duration.FromHours(5)));
        Assert.Equal(0.2, playbook.ExpectedSuccess(Duration.FromHours(25)));
    }

    // ---- properties ----

    [Property]
    public void Expected_success_never_rises_as_the_response_gets_later(ValidOptions o, Duration a, Duration b)
    {
        var playbook = new RescuePlaybook(o.Options);
        var (earlier, later) = a <= b ? (a, b) : (b, a);
        double early = playbook.ExpectedSuccess(earlier), late = playbook.ExpectedSuccess(later);

        Assert.True(early >= late, $"{earlier}: {early} but {later}: {late}");
        Assert.InRange(late, 0, 1);
        Assert.Equal(o.Options.ResponseTimeEffect.FastSuccess, playbook.ExpectedSuccess(Duration.Zero));
        Assert.Equal(o.Options.ResponseTimeEffect.LateSuccess, playbook.ExpectedSuccess(Duration.FromTimeSpan(o.Options.ResponseTimeEffect.SameDayWithin) + Duration.Epsilon));
    }
}
