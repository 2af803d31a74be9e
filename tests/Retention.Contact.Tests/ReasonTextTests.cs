using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using Retention.Contact.Tests.Support;
using Xunit;
using static Retention.Contact.Tests.Support.Fixtures;

namespace Retention.Contact.Tests;

/// <summary>
/// contact.md section 4: reasons are machine-readable codes plus text in both locales (zh-CN and en);
/// every reason code has its own non-empty text in each.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
public class ReasonTextTests
{
    public static TheoryData<ContactReasonCode> AllCodes => new(Enum.GetValues<ContactReasonCode>());

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Every_reason_code_has_text_in_zh_CN_and_en(ContactReasonCode code)
    {
        var reason = ContactReason.Of(code);

        Assert.Equal(code, reason.Code);
        AssertBothLocales(reason.Text, code.ToString());
    }

    [Fact]
    public void Every_reason_code_has_its_own_text_in_each_locale()
    {
        var texts = Enum.GetValues<ContactReasonCode>().Select(c => ContactReason.Of(c).Text).ToArray();

        Assert.Equal(18, texts.Length);
        Assert.Equal(texts.Length, texts.Select(t => t.ZhCn).Distinct().Count());
        Assert.Equal(texts.Length, texts.Select(t => t.En).Distinct().Count());
    }

    [Fact]
    public void The_texts_say_what_the_codes_mean()
    {
        Assert.Equal("too close to another proactive contact", ContactReason.Of(ContactReasonCode.Spacing).Text.En);
        Assert.Equal("the cap of proactive contacts in the rolling window is reached", ContactReason.Of(ContactReasonCode.FrequencyCap).Text.En);
        Assert.Equal("quiet hours in the customer's time zone", ContactReason.Of(ContactReasonCode.QuietHours).Text.En);
        Assert.Equal("处于客户所在时区的免打扰时段", ContactReason.Of(ContactReasonCode.QuietHours).Text.Get("zh-CN"));
        Assert.Equal("客户已全部退订，仅可发送紧急和事务性通知", ContactReason.Of(ContactReasonCode.GlobalOptOut).Text.ZhCn);
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("zh", true)]
    [InlineData("ZH-tw", true)]
    [InlineData("zh-Hans-CN", true)]
    [InlineData("en", false)]
    [InlineData("en-GB", false)]
    [InlineData("de-DE", false)]
    [InlineData("", false)]
    public void Get_returns_Chinese_for_zh_cultures_and_English_otherwise(string locale, bool chinese)
    {
        var text = new LocalizedText("中文", "English");

        Assert.Equal(chinese ? "中文" : "English", text.Get(locale));
        Assert.Equal("English", text.ToString());
        Assert.Equal("locale", Assert.Throws<ArgumentNullException>(() => text.Get(null!)).ParamName);
    }

    [Property]
    public void Every_reason_of_every_decision_is_the_standard_reason_of_its_code(Scenario s)
    {
        var d = s.Decide();

        Assert.All(d.Reasons, r => Assert.Equal(ContactReason.Of(r.Code), r));
        Assert.All(d.Reasons, r => AssertBothLocales(r.Text, r.Code.ToString()));
    }

    [Property(MaxTest = 200)]
    public void Every_reason_in_a_plan_has_text_in_both_locales(CalendarBatch b)
    {
        var plan = new ContactCalendar(b.Options).Plan(b.Touches, b.Customers, b.Now);

        var reasons = plan.Scheduled.SelectMany(x => x.Reasons).Concat(plan.Dropped.SelectMany(x => x.Reasons));
        Assert.All(reasons, r => AssertBothLocales(r.Text, r.Code.ToString()));
        Assert.All(plan.Scheduled, x => Assert.NotEmpty(x.Reasons));
    }
}
