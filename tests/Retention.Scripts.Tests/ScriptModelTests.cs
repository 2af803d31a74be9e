using System;
using System.Linq;
using NodaTime;
using Xunit;
using static Retention.Scripts.Tests.Support.Fixtures;

namespace Retention.Scripts.Tests;

/// <summary>
/// Spec section 1, "Model": a script has an id, a kind, a locale, an audience, parts (lines to say and stage directions)
/// and do / don't lists; typed placeholder values.
/// </summary>
public class ScriptModelTests
{
    private static readonly ScriptTemplate Title = ScriptTemplate.Parse("Call {CustomerName}");

    private static Script Make(
        string id = "risk.yellow.supervisor-call",
        string locale = ZhCn,
        ScriptKind kind = ScriptKind.Call,
        ScriptPurpose purpose = ScriptPurpose.Service,
        ScriptTemplate? title = null,
        ScriptPart[]? parts = null) =>
        new(id, locale, kind, purpose, title ?? Title, new ScriptAudience { Tier = "Yellow" },
            parts ?? [ScriptPart.Direction("Look up {Issue}."), ScriptPart.Line("Hello {CustomerName}, {StoreName} here.")],
            [ScriptTemplate.Parse("Listen to {CustomerName}.")],
            [ScriptTemplate.Parse("Never blame {TechnicianName}.")]);

    [Fact]
    public void A_script_holds_its_parts_and_lists_and_every_placeholder_once()
    {
        var script = Make();

        Assert.Equal(("risk.yellow.supervisor-call", ZhCn, ScriptKind.Call, ScriptPurpose.Service), (script.Id, script.Locale, script.Kind, script.Purpose));
        Assert.Equal([ScriptPartKind.Direction, ScriptPartKind.Line], script.Parts.Select(p => p.Kind));
        Assert.Equal(["CustomerName", "Issue", "StoreName", "TechnicianName"], script.Placeholders.Order(StringComparer.Ordinal));
        Assert.Equal(["Call {CustomerName}", "Look up {Issue}.", "Hello {CustomerName}, {StoreName} here.", "Listen to {CustomerName}.", "Never blame {TechnicianName}."], script.Templates().Select(t => t.Text));
        Assert.Equal("risk.yellow.supervisor-call (zh-CN, Call)", script.ToString());
        Assert.Equal("Line: Hello {CustomerName}, {StoreName} here.", script.Parts[1].ToString());
    }

    [Theory]
    [InlineData("risk.yellow.supervisor-call", true)]
    [InlineData("objection.price", true)]
    [InlineData("followup.day7", true)]
    [InlineData("a", true)]
    [InlineData("Risk.Yellow", false)]
    [InlineData("risk..yellow", false)]
    [InlineData("risk.yellow.", false)]
    [InlineData("-risk", false)]
    [InlineData("risk yellow", false)]
    [InlineData("risk_yellow", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Ids_are_lower_case_words_joined_by_dots_or_dashes(string? id, bool valid)
    {
        Assert.Equal(valid, Script.IsValidId(id));
        if (!valid && id is not null)
        {
            Assert.Equal("id", Assert.Throws<ArgumentException>(() => Make(id: id)).ParamName);
        }
    }

    [Theory]
    [InlineData("zh_CN")]
    [InlineData("chinese")]
    [InlineData("")]
    [InlineData("en-")]
    public void A_malformed_locale_is_bad_input(string locale)
    {
        Assert.Equal("locale", Assert.Throws<ArgumentException>(() => Make(locale: locale)).ParamName);
    }

    [Fact]
    public void The_shape_of_a_script_is_checked_when_it_is_made()
    {
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => Make(kind: (ScriptKind)4)).ParamName);
        Assert.Equal("purpose", Assert.Throws<ArgumentOutOfRangeException>(() => Make(purpose: (ScriptPurpose)3)).ParamName);
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => Make(title: ScriptTemplate.Parse("  "))).ParamName);
        Assert.Equal("parts", Assert.Throws<ArgumentException>(() => Make(parts: [])).ParamName);
        Assert.Equal("parts", Assert.Throws<ArgumentException>(() => Make(parts: [ScriptPart.Direction("Wait.")])).ParamName);
        Assert.Equal("parts", Assert.Throws<ArgumentException>(() => Make(parts: [ScriptPart.Line("Hi"), null!])).ParamName);
        Assert.Equal("parts", Assert.Throws<ArgumentException>(() => Make(kind: ScriptKind.Message)).ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => new ScriptPart((ScriptPartKind)2, Title)).ParamName);
        Assert.Equal("template", Assert.Throws<ArgumentNullException>(() => new ScriptPart(ScriptPartKind.Line, null!)).ParamName);
        Assert.Equal("do", Assert.Throws<ArgumentException>(() => new Script("a.b", En, ScriptKind.Call, ScriptPurpose.Service, Title, ScriptAudience.Anyone, [ScriptPart.Line("x")], [null!], [])).ParamName);
        Assert.Equal("dont", Assert.Throws<ArgumentException>(() => new Script("a.b", En, ScriptKind.Call, ScriptPurpose.Service, Title, ScriptAudience.Anyone, [ScriptPart.Line("x")], [], [null!])).ParamName);
        Assert.Equal("audience", Assert.Throws<ArgumentNullException>(() => new Script("a.b", En, ScriptKind.Call, ScriptPurpose.Service, Title, null!, [ScriptPart.Line("x")], [], [])).ParamName);
    }

    [Fact]
    public void A_script_copies_its_inputs()
    {
        var parts = new System.Collections.Generic.List<ScriptPart> { ScriptPart.Line("one") };
        var script = new Script("a.b", En, ScriptKind.Letter, ScriptPurpose.Service, Title, ScriptAudience.Anyone, parts, [], []);

        parts.Add(ScriptPart.Line("two"));

        Assert.Single(script.Parts);
    }

    [Fact]
    public void Values_carry_their_kind_and_convert_implicitly_except_money()
    {
        ScriptValue text = "王";
        ScriptValue number = 7;
        ScriptValue big = 7_000_000_000L;
        ScriptValue date = Day;
        ScriptValue moment = Day.At(new LocalTime(9, 30));
        var money = ScriptValue.Money(780.5m);

        Assert.Equal((PlaceholderKind.Text, "王"), (text.Kind, text.AsText));
        Assert.Equal((PlaceholderKind.Number, 7m), (number.Kind, number.AsDecimal));
        Assert.Equal(7_000_000_000m, big.AsDecimal);
        Assert.Equal((PlaceholderKind.Date, Day, Day.AtMidnight()), (date.Kind, date.AsDate, date.AsDateTime));
        Assert.Equal((PlaceholderKind.DateTime, Day), (moment.Kind, moment.AsDate));
        Assert.Equal((PlaceholderKind.Money, 780.5m), (money.Kind, money.AsDecimal));
        Assert.Equal("Money 780.5", money.ToString());
        Assert.Equal("Date 2026-11-24", date.ToString());
        Assert.Equal("DateTime 2026-11-24T09:30", moment.ToString());
        Assert.Equal("Text \"王\"", text.ToString());
    }

    [Fact]
    public void Values_compare_by_kind_and_content()
    {
        Assert.Equal(ScriptValue.Number(780), (ScriptValue)780);
        Assert.NotEqual(ScriptValue.Number(780), ScriptValue.Money(780m));
        Assert.True(ScriptValue.Text("a") == "a");
        Assert.True(ScriptValue.Text("a") != "A");
        Assert.NotEqual(ScriptValue.Date(Day), ScriptValue.DateTime(Day.AtMidnight()));
        Assert.Equal(ScriptValue.Money(1m).GetHashCode(), ScriptValue.Money(1m).GetHashCode());
        Assert.False(ScriptValue.Text("a").Equals((object)"a"));
    }

    [Fact]
    public void Reading_a_value_as_another_kind_fails_and_bad_values_are_rejected()
    {
        Assert.Throws<InvalidOperationException>(() => ScriptValue.Number(1).AsText);
        Assert.Throws<InvalidOperationException>(() => ScriptValue.Text("1").AsDecimal);
        Assert.Throws<InvalidOperationException>(() => ScriptValue.Money(1m).AsDate);
        Assert.Throws<InvalidOperationException>(() => ScriptValue.Number(1).AsDateTime);
        Assert.Throws<InvalidOperationException>(() => default(ScriptValue).AsText);
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => ScriptValue.Money(-0.01m)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => ScriptValue.Text(null!)).ParamName);
    }

    [Fact]
    public void A_value_set_is_filled_with_an_initializer_and_rejects_a_second_value_added_for_a_name()
    {
        var values = new ScriptValues { { "CustomerName", "王" }, { "MonthsSinceLastVisit", 4 } };
        values["CustomerName"] = "李";

        Assert.Equal(2, values.Count);
        Assert.Equal("李", values["CustomerName"].AsText);
        Assert.True(values.Contains("MonthsSinceLastVisit"));
        Assert.False(values.Contains("customername"));
        Assert.False(values.TryGetValue("Nope", out _));
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => values["Nope"]);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => values.Add("CustomerName", "赵")).ParamName);
        Assert.Throws<ArgumentNullException>(() => values.Add(null!, "x"));
    }

    [Fact]
    public void The_built_in_placeholders_are_the_spec_names_with_their_kinds()
    {
        foreach (string name in new[] { "CustomerName", "Honorific", "StoreName", "AdvisorName", "ManagerName", "MonthsSinceLastVisit", "OfferItems", "OfferValidUntil", "NextServiceDate", "PromisedTime", "Issue", "ReferralCode" })
        {
            Assert.True(ScriptPlaceholders.BuiltIn.ContainsKey(name), name);
        }

        Assert.Equal(PlaceholderKind.Number, ScriptPlaceholders.BuiltIn[ScriptPlaceholders.MonthsSinceLastVisit]);
        Assert.Equal(PlaceholderKind.Date, ScriptPlaceholders.BuiltIn[ScriptPlaceholders.OfferValidUntil]);
        Assert.Equal(PlaceholderKind.Date, ScriptPlaceholders.BuiltIn[ScriptPlaceholders.NextServiceDate]);
        Assert.Equal(PlaceholderKind.DateTime, ScriptPlaceholders.BuiltIn[ScriptPlaceholders.PromisedTime]);
        Assert.Equal(PlaceholderKind.Money, ScriptPlaceholders.BuiltIn[ScriptPlaceholders.OfferSaving]);
        Assert.Equal(PlaceholderKind.Text, ScriptPlaceholders.BuiltIn[ScriptPlaceholders.OptOut]);
        Assert.All(ScriptPlaceholders.ContactNames.Concat(ScriptPlaceholders.ContactPhones), n => Assert.Equal(PlaceholderKind.Text, ScriptPlaceholders.BuiltIn[n]));
        Assert.Contains(ScriptPlaceholders.StorePhone, ScriptPlaceholders.ContactPhones);
        Assert.Equal(35, ScriptPlaceholders.BuiltIn.Count);
    }
}
