using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static Retention.Scripts.Tests.Support.Fixtures;

namespace Retention.Scripts.Tests;

/// <summary>
/// Spec section 1, "a locale, an audience (tier, grade, segment, step)": look-up by id and by audience in a locale,
/// falling back to the requested locale's language and then to <see cref="ScriptOptions.FallbackLocale"/>.
/// </summary>
public class CatalogLookupTests
{
    [Theory]
    [InlineData("Yellow", "first-call", "risk.yellow.supervisor-call")]
    [InlineData("Yellow", "price", "risk.yellow.price-offer")]
    [InlineData("Yellow", "service", "risk.yellow.service-apology")]
    [InlineData("Yellow", "hesitant", "risk.yellow.hold-offer")]
    [InlineData("Yellow", "after-visit", "risk.yellow.after-visit")]
    [InlineData("Orange", "first-call", "risk.orange.manager-call")]
    [InlineData("Red", "first-call", "risk.red.gm-call")]
    [InlineData("Red", "commitment", "risk.red.commitment-letter")]
    public void Each_risk_tier_script_is_found_by_tier_and_topic(string tier, string topic, string id)
    {
        foreach (string locale in new[] { "zh-CN", "en" })
        {
            var found = ScriptCatalog.BuiltIn.Find(new ScriptAudience { Tier = tier, Topic = topic }, locale);

            Assert.Equal(id, Assert.Single(found).Id);
        }
    }

    private static readonly ScriptDefinition[] Scripts =
    [
        Call("a.both", ZhCn, audience: new ScriptAudience { Tier = "Yellow", ValueTier = "High" }),
        Call("a.both", En, audience: new ScriptAudience { Tier = "Yellow", ValueTier = "High" }),
        Call("b.zh-only", ZhCn, audience: new ScriptAudience { Tier = "Yellow", Grade = "S" }),
        Call("c.en-only", En, audience: new ScriptAudience { Segment = "Vip", Stage = "PreChurn" }),
        Call("d.topic", ZhCn, audience: new ScriptAudience { Topic = "price", Step = "objection" }),
        Call("d.topic", En, audience: new ScriptAudience { Topic = "price", Step = "objection" }),
        Call("e.anyone", En),
    ];

    private static ScriptCatalog Build(string? fallback = null)
    {
        var options = Options(Scripts);
        if (fallback is not null)
        {
            options.FallbackLocale = fallback;
        }

        return new ScriptCatalog(options);
    }

    private static string Found(ScriptCatalog catalog, string id, string locale) => catalog.Get(id, locale).Locale;

    [Fact]
    public void An_exact_locale_is_found_ignoring_case()
    {
        var catalog = Build();

        Assert.Equal(ZhCn, Found(catalog, "a.both", ZhCn));
        Assert.Equal(En, Found(catalog, "a.both", En));
        Assert.Equal(ZhCn, Found(catalog, "a.both", "zh-cn"));
        Assert.Equal(En, Found(catalog, "a.both", "EN"));
    }

    [Theory]
    [InlineData("en-GB", En)]
    [InlineData("en-US", En)]
    [InlineData("zh-TW", ZhCn)]
    [InlineData("zh", ZhCn)]
    [InlineData("ZH-hk", ZhCn)]
    public void A_regional_locale_falls_back_to_its_language(string wanted, string found)
    {
        Assert.Equal(found, Found(Build(), "a.both", wanted));
        Assert.Equal(found, Found(Build(fallback: En), "a.both", wanted));
    }

    [Fact]
    public void A_locale_without_the_script_falls_back_to_the_default_fallback_locale_zh_CN()
    {
        var catalog = Build();

        Assert.Equal(ZhCn, Found(catalog, "b.zh-only", En));
        Assert.Equal(ZhCn, Found(catalog, "b.zh-only", "en-GB"));
        Assert.Equal(ZhCn, Found(catalog, "a.both", "fr"));
        Assert.Equal("zh-CN", new ScriptOptions().FallbackLocale);
    }

    [Fact]
    public void The_fallback_locale_is_chosen_by_options()
    {
        var zh = Build();
        var en = Build(fallback: En);

        Assert.Equal(ZhCn, Found(zh, "a.both", "fr"));
        Assert.Equal(En, Found(en, "a.both", "fr"));
        Assert.Equal(En, Found(en, "c.en-only", ZhCn));
        Assert.Equal(En, Found(en, "c.en-only", "zh-TW"));
        Assert.False(zh.TryGet("c.en-only", ZhCn, out var none));
        Assert.Null(none);
        Assert.True(en.TryGet("c.en-only", ZhCn, out var script));
        Assert.Equal("c.en-only", script.Id);
    }

    [Fact]
    public void A_script_in_neither_the_locale_nor_the_fallback_is_not_found_with_a_message_that_says_where_it_is()
    {
        var catalog = Build();

        var e = Assert.Throws<KeyNotFoundException>(() => catalog.Get("c.en-only", ZhCn));

        Assert.Contains("'c.en-only' exists in en", e.Message, StringComparison.Ordinal);
        Assert.Contains("'zh-CN'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_id_is_not_found()
    {
        var catalog = Build();

        Assert.False(catalog.TryGet("z.nothing", En, out _));
        Assert.Contains("No script has the id 'z.nothing'", Assert.Throws<KeyNotFoundException>(() => catalog.Get("z.nothing", En)).Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => catalog.Render("z.nothing", En, new ScriptValues()));
    }

    [Fact]
    public void Rendering_a_fallback_uses_the_formats_of_the_locale_found()
    {
        var options = Options(Call("x.slot", ZhCn, "{NextServiceDate}"));
        var catalog = new ScriptCatalog(options);

        var rendered = catalog.Render("x.slot", "en-GB", new ScriptValues { ["NextServiceDate"] = Day });

        Assert.Equal(ZhCn, rendered.Locale);
        Assert.Equal("2026年11月24日", rendered.Text);
    }

    [Fact]
    public void Finding_by_tier_returns_each_matching_id_once_in_the_wanted_locale()
    {
        var catalog = Build();

        var found = catalog.Find(new ScriptAudience { Tier = "Yellow" }, En);

        Assert.Equal([("a.both", En), ("b.zh-only", ZhCn)], found.Select(s => (s.Id, s.Locale)));
    }

    public static TheoryData<string, ScriptAudience, string[]> Queries => new()
    {
        { "tier", new ScriptAudience { Tier = "yellow" }, ["a.both", "b.zh-only"] },
        { "grade", new ScriptAudience { Grade = "S" }, ["b.zh-only"] },
        { "tier and grade", new ScriptAudience { Tier = "Yellow", Grade = "S" }, ["b.zh-only"] },
        { "segment", new ScriptAudience { Segment = "VIP" }, ["c.en-only"] },
        { "stage", new ScriptAudience { Stage = "PreChurn" }, ["c.en-only"] },
        { "value tier", new ScriptAudience { ValueTier = "High" }, ["a.both"] },
        { "topic", new ScriptAudience { Topic = "price" }, ["d.topic"] },
        { "step", new ScriptAudience { Step = "objection" }, ["d.topic"] },
        { "nothing matches", new ScriptAudience { Tier = "Red" }, [] },
        { "one field wrong", new ScriptAudience { Tier = "Yellow", ValueTier = "Low" }, [] },
        { "empty query", ScriptAudience.Anyone, ["a.both", "b.zh-only", "c.en-only", "d.topic", "e.anyone"] },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Finding_by_audience_matches_every_field_the_query_sets_ignoring_case(string what, ScriptAudience query, string[] ids)
    {
        // Each catalog resolves every id in the wanted locale: zh-CN falls back to en and en to zh-CN.
        Assert.Equal(ids, Build(fallback: En).Find(query, ZhCn).Select(s => s.Id));
        Assert.Equal(ids, Build().Find(query, En).Select(s => s.Id));
        Assert.NotNull(what);
    }

    [Fact]
    public void Finding_skips_scripts_that_exist_neither_in_the_locale_nor_in_the_fallback()
    {
        var catalog = Build();

        Assert.DoesNotContain(catalog.Find(ScriptAudience.Anyone, ZhCn), s => s.Id == "c.en-only");
        Assert.Equal(["a.both", "b.zh-only", "c.en-only", "d.topic", "e.anyone"], catalog.Find(ScriptAudience.Anyone, En).Select(s => s.Id));
        Assert.Equal([ZhCn, ZhCn, ZhCn], catalog.Find(ScriptAudience.Anyone, "fr").Select(s => s.Locale));
    }

    [Fact]
    public void An_audience_matches_a_query_field_by_field()
    {
        var audience = new ScriptAudience { Tier = "Orange", Grade = "A", Segment = "Lost", Stage = "DeepChurn", ValueTier = "Mid", Topic = "day7", Step = "s1" };

        Assert.True(audience.Matches(ScriptAudience.Anyone));
        Assert.True(audience.Matches(audience with { }));
        Assert.True(audience.Matches(new ScriptAudience { Stage = "deepchurn", Topic = "DAY7" }));
        Assert.False(audience.Matches(new ScriptAudience { Grade = "S" }));
        Assert.False(audience.Matches(new ScriptAudience { Segment = "Vip" }));
        Assert.False(audience.Matches(new ScriptAudience { Step = "s2" }));
        Assert.False(ScriptAudience.Anyone.Matches(new ScriptAudience { Tier = "Orange" }));
        Assert.Equal("query", Assert.Throws<ArgumentNullException>(() => audience.Matches(null!)).ParamName);
    }

    [Fact]
    public void Null_arguments_are_bad_input()
    {
        var catalog = Build();

        Assert.Throws<ArgumentNullException>(() => catalog.Get(null!, En));
        Assert.Throws<ArgumentNullException>(() => catalog.Get("a.both", null!));
        Assert.Throws<ArgumentNullException>(() => catalog.Find(null!, En));
        Assert.Throws<ArgumentNullException>(() => catalog.Find(ScriptAudience.Anyone, null!));
    }

    [Fact]
    public void Changing_the_options_after_the_catalog_is_built_does_not_change_it()
    {
        var options = Options([.. Scripts, Call("x.date", En, "{NextServiceDate}")]);
        options.FallbackLocale = En;
        var catalog = new ScriptCatalog(options);

        options.FallbackLocale = ZhCn;
        options.Scripts.Clear();
        options.Locales[En].DatePattern = "uuuu";
        options.Placeholders["Extra"] = PlaceholderKind.Money;

        Assert.Equal(6, catalog.Ids.Count);
        Assert.Equal("24 Nov 2026", catalog.Render("x.date", En, new ScriptValues { ["NextServiceDate"] = Day }).Text);
        Assert.Equal(En, Found(catalog, "c.en-only", ZhCn));
        Assert.Single(catalog.Find(new ScriptAudience { Segment = "Vip" }, ZhCn));
    }
}
