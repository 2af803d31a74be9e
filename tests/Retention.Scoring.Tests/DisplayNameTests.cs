using System;
using System.Linq;
using Xunit;

namespace Retention.Scoring.Tests;

/// <summary>Conventions: all user-facing text exists in zh-CN and en, written in words, never as enum names.</summary>
public class DisplayNameTests
{
    [Fact]
    public void Every_tier_stage_value_tier_and_role_has_distinct_names_in_both_locales()
    {
        var names = Enum.GetValues<RiskTier>().Select(t => t.DisplayName())
            .Concat(Enum.GetValues<ChurnStage>().Select(s => s.DisplayName()))
            .Concat(Enum.GetValues<ValueTier>().Select(v => v.DisplayName()))
            .Concat(Enum.GetValues<StaffRole>().Select(r => r.DisplayName()))
            .ToArray();

        Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n.ZhCn) || string.IsNullOrWhiteSpace(n.En)));
        Assert.Equal(names.Length, names.Select(n => n.ZhCn).Distinct().Count());
        Assert.Equal(names.Length, names.Select(n => n.En).Distinct().Count());
    }

    [Fact]
    public void Known_names_read_as_staff_say_them()
    {
        Assert.Equal(new LocalizedText("红色预警", "red tier"), RiskTier.Red.DisplayName());
        Assert.Equal(new LocalizedText("流失预警期", "pre-churn"), ChurnStage.PreChurn.DisplayName());
        Assert.Equal(new LocalizedText("高价值", "high value"), ValueTier.High.DisplayName());
        Assert.Equal(new LocalizedText("总经理", "general manager"), StaffRole.GeneralManager.DisplayName());
    }

    [Fact]
    public void Undefined_values_are_rejected_naming_the_argument()
    {
        Assert.Equal("tier", Assert.Throws<ArgumentOutOfRangeException>(() => ((RiskTier)9).DisplayName()).ParamName);
        Assert.Equal("stage", Assert.Throws<ArgumentOutOfRangeException>(() => ((ChurnStage)9).DisplayName()).ParamName);
        Assert.Equal("tier", Assert.Throws<ArgumentOutOfRangeException>(() => ((ValueTier)9).DisplayName()).ParamName);
        Assert.Equal("role", Assert.Throws<ArgumentOutOfRangeException>(() => ((StaffRole)9).DisplayName()).ParamName);
    }
}
