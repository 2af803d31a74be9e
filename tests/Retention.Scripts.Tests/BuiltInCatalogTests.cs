using System;
using System.Collections.Generic;
using System.Linq;
using Retention.Scripts.Tests.Support;
using Xunit;
using static Retention.Scripts.Tests.Support.Fixtures;

namespace Retention.Scripts.Tests;

/// <summary>
/// Spec section 3, "Catalog": every script of the outlines exists in zh-CN and en, loads, and renders with a complete
/// value set; both versions use the same placeholders; kinds and audiences as the outlines say; messages comply with
/// section 2; calls and visits carry stage directions and do / don't lists; the beats named in the outlines have their
/// placeholders.
/// </summary>
public class BuiltInCatalogTests
{
    /// <summary>Every id of scripts.md section 3, in the order of the spec.</summary>
    public static readonly string[] SpecIds =
    [
        "risk.yellow.supervisor-call", "risk.yellow.price-offer", "risk.yellow.service-apology", "risk.yellow.hold-offer",
        "risk.yellow.after-visit", "risk.orange.manager-call", "risk.orange.plan", "risk.red.gm-call", "risk.red.apology-plan",
        "risk.red.commitment-letter",
        "objection.price", "objection.serviced-elsewhere", "objection.bad-attitude", "objection.too-busy",
        "nps.detractor.first-call", "nps.detractor.callback", "nps.detractor.progress", "nps.rerating-request",
        "prechurn.high.manager-call", "prechurn.mid.advisor-call", "prechurn.low.sms", "earlychurn.manager-call",
        "followup.immediate", "followup.first-call", "followup.day7", "followup.day30", "followup.birthday",
        "followup.purchase-anniversary", "followup.holiday", "followup.weather-alert", "referral.invite",
    ];

    private static ScriptCatalog BuiltIn => ScriptCatalog.BuiltIn;

    public static TheoryData<string, string> IdsAndLocales
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (string id in SpecIds)
            {
                foreach (string locale in Locales)
                {
                    data.Add(id, locale);
                }
            }

            return data;
        }
    }

    public static TheoryData<string> Ids => new(SpecIds);

    public static TheoryData<string, string> Messages => Matching(s => s.Kind == ScriptKind.Message);

    public static TheoryData<string, string> MarketingScripts => Matching(s => s.Purpose == ScriptPurpose.Marketing);

    public static TheoryData<string, string> CallsAndVisits => Matching(s => s.Kind is ScriptKind.Call or ScriptKind.Visit);

    private static TheoryData<string, string> Matching(Func<Script, bool> filter)
    {
        var data = new TheoryData<string, string>();
        foreach (var script in ScriptCatalog.BuiltIn.Scripts.Where(filter))
        {
            data.Add(script.Id, script.Locale);
        }

        return data;
    }

    private static Script Exact(string id, string locale)
    {
        Assert.True(BuiltIn.TryGet(id, locale, out var script), $"{id} is missing");
        Assert.Equal(locale, script.Locale);
        return script;
    }

    [Fact]
    public void The_spec_lists_31_scripts()
    {
        Assert.Equal(31, SpecIds.Length);
        Assert.Equal(SpecIds.Length, SpecIds.Distinct().Count());
    }

    [Fact]
    public void The_catalog_holds_every_spec_id_in_zh_CN_and_in_en()
    {
        var missing = SpecIds.SelectMany(id => Locales.Select(locale => (id, locale)))
            .Where(p => !BuiltIn.Scripts.Any(s => s.Id == p.id && s.Locale == p.locale))
            .Select(p => $"{p.id} ({p.locale})")
            .ToArray();

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_built_in_script_exists_in_both_locales_and_nowhere_else()
    {
        foreach (string id in BuiltIn.Ids)
        {
            Assert.Equal([En, ZhCn], BuiltIn.Scripts.Where(s => s.Id == id).Select(s => s.Locale).Order(StringComparer.Ordinal));
        }

        Assert.Equal(BuiltIn.Ids.Count * 2, BuiltIn.Scripts.Count);
        Assert.Equal(SpecIds.Order(StringComparer.Ordinal), BuiltIn.Ids);
    }

    [Fact]
    public void The_built_in_catalog_is_what_default_options_build()
    {
        var catalog = new ScriptCatalog(new ScriptOptions());

        Assert.Equal(BuiltIn.Ids, catalog.Ids);
        Assert.Equal(BuiltIn.Scripts.Select(s => s.ToString()), catalog.Scripts.Select(s => s.ToString()));
        Assert.Same(BuiltIn, ScriptCatalog.BuiltIn);
        Assert.Empty(ScriptOptionsValidator.Collect(new ScriptOptions()));
    }

    [Theory]
    [MemberData(nameof(IdsAndLocales))]
    public void Every_built_in_script_renders_with_a_complete_value_set(string id, string locale)
    {
        var script = Exact(id, locale);

        var rendered = BuiltIn.Render(id, locale, CompleteValues(locale));

        Assert.Equal((id, locale, script.Kind, script.Purpose), (rendered.Id, rendered.Locale, rendered.Kind, rendered.Purpose));
        Assert.False(string.IsNullOrWhiteSpace(rendered.Title));
        Assert.False(string.IsNullOrWhiteSpace(rendered.Text));
        Assert.DoesNotMatch(LeftoverPlaceholder(), rendered.ToString());
        Assert.Equal(script.Parts.Count, rendered.Parts.Count);
        Assert.All(rendered.Parts, p => Assert.False(string.IsNullOrWhiteSpace(p.Text)));
        Assert.All(rendered.Do.Concat(rendered.Dont), t => Assert.False(string.IsNullOrWhiteSpace(t)));
        string everything = rendered.ToString();
        if (locale == ZhCn)
        {
            Assert.True(HasCjk(rendered.Title), rendered.Title);
            Assert.All(rendered.Parts, p => Assert.True(HasCjk(p.Text), p.Text));
        }
        else
        {
            Assert.False(HasCjk(everything), everything);
        }

        foreach (string name in script.Placeholders.Where(n => n != ScriptPlaceholders.OptOut && ScriptPlaceholders.BuiltIn[n] == PlaceholderKind.Text))
        {
            Assert.Contains(CompleteValues(locale)[name].AsText, everything, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(IdsAndLocales))]
    public void Every_placeholder_a_built_in_script_uses_is_a_declared_built_in_placeholder(string id, string locale)
    {
        var script = Exact(id, locale);

        Assert.All(script.Placeholders, name => Assert.True(ScriptPlaceholders.BuiltIn.ContainsKey(name), $"{id} ({locale}) uses the undeclared {{{name}}}"));
    }

    [Theory]
    [MemberData(nameof(IdsAndLocales))]
    public void Rendering_without_any_value_names_every_placeholder_the_script_uses(string id, string locale)
    {
        var script = Exact(id, locale);
        var expected = script.Placeholders.Where(n => n != ScriptPlaceholders.OptOut).Order(StringComparer.Ordinal).ToArray();
        if (expected.Length == 0)
        {
            Assert.NotNull(BuiltIn.Render(id, locale, new ScriptValues()));
            return;
        }

        var e = Assert.Throws<ScriptRenderException>(() => BuiltIn.Render(id, locale, new ScriptValues()));

        Assert.Equal(expected, e.MissingPlaceholders);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_zh_CN_and_en_versions_use_the_same_placeholders_kind_purpose_and_audience(string id)
    {
        var zh = Exact(id, ZhCn);
        var en = Exact(id, En);

        Assert.Equal(zh.Placeholders.Order(StringComparer.Ordinal), en.Placeholders.Order(StringComparer.Ordinal));
        Assert.Equal(Lines(zh).Order(StringComparer.Ordinal), Lines(en).Order(StringComparer.Ordinal));
        Assert.Equal((zh.Kind, zh.Purpose), (en.Kind, en.Purpose));
        Assert.Equal(zh.Audience, en.Audience);
        Assert.Equal(zh.Do.Count > 0, en.Do.Count > 0);
        Assert.Equal(zh.Dont.Count > 0, en.Dont.Count > 0);

        static IEnumerable<string> Lines(Script s) => s.Parts.Where(p => p.Kind == ScriptPartKind.Line).SelectMany(p => p.Template.Placeholders).Distinct();
    }

    [Fact]
    public void The_catalog_has_messages_marketing_messages_calls_and_visits_to_check()
    {
        int messages = BuiltIn.Scripts.Count(s => s.Kind == ScriptKind.Message);
        int marketing = BuiltIn.Scripts.Count(s => s.Purpose == ScriptPurpose.Marketing);
        int callsAndVisits = BuiltIn.Scripts.Count(s => s.Kind is ScriptKind.Call or ScriptKind.Visit);

        Assert.InRange(messages, 5 * 2, BuiltIn.Scripts.Count);
        Assert.InRange(marketing, 1 * 2, messages);
        Assert.InRange(callsAndVisits, 13 * 2, BuiltIn.Scripts.Count - messages);
        Assert.Equal(messages, Messages.Count);
        Assert.Equal(marketing, MarketingScripts.Count);
        Assert.Equal(callsAndVisits, CallsAndVisits.Count);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Messages_name_the_store_and_a_contact_person_with_a_phone_in_the_text_sent(string id, string locale)
    {
        var script = Exact(id, locale);
        Assert.Equal(ScriptKind.Message, script.Kind);
        var values = CompleteValues(locale);
        var rendered = BuiltIn.Render(id, locale, values);
        var lines = script.Parts.Where(p => p.Kind == ScriptPartKind.Line).SelectMany(p => p.Template.Placeholders).ToHashSet();

        Assert.Contains(ScriptPlaceholders.StoreName, lines);
        Assert.Contains(values[ScriptPlaceholders.StoreName].AsText, rendered.Text, StringComparison.Ordinal);
        Assert.Contains(ScriptPlaceholders.ContactNames, n => lines.Contains(n) && rendered.Text.Contains(values[n].AsText, StringComparison.Ordinal));
        Assert.Contains(ScriptPlaceholders.ContactPhones, n => lines.Contains(n) && rendered.Text.Contains(values[n].AsText, StringComparison.Ordinal));
        Assert.Equal(SmsLength.Measure(rendered.Text), rendered.Sms);
        Assert.Equal(locale == ZhCn ? SmsEncoding.Ucs2 : SmsEncoding.Gsm7, rendered.Sms!.Value.Encoding);
        Assert.Equal(ComplianceRule.NamesStore, Assert.Throws<MessageComplianceException>(() => BuiltIn.Render(id, locale, With(values, ScriptPlaceholders.StoreName, " "))).Rule);
    }

    [Theory]
    [MemberData(nameof(MarketingScripts))]
    public void Marketing_messages_end_with_the_opt_out_line_when_rendered(string id, string locale)
    {
        var script = Exact(id, locale);

        var rendered = BuiltIn.Render(id, locale, CompleteValues(locale));

        Assert.Equal(ScriptKind.Message, script.Kind);
        Assert.EndsWith(new ScriptOptions().Locales[locale].OptOutLine, rendered.Text.TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CallsAndVisits))]
    public void Calls_and_visits_have_stage_directions_and_do_and_dont_lists(string id, string locale)
    {
        var script = Exact(id, locale);

        Assert.NotEmpty(script.Do);
        Assert.NotEmpty(script.Dont);
        Assert.Contains(script.Parts, p => p.Kind == ScriptPartKind.Direction);
        Assert.Contains(script.Parts, p => p.Kind == ScriptPartKind.Line);
    }

    [Theory]
    [InlineData("risk.yellow.price-offer", ScriptKind.Message)]
    [InlineData("risk.yellow.service-apology", ScriptKind.Message)]
    [InlineData("nps.detractor.progress", ScriptKind.Message)]
    [InlineData("prechurn.low.sms", ScriptKind.Message)]
    [InlineData("followup.immediate", ScriptKind.Message)]
    [InlineData("risk.red.commitment-letter", ScriptKind.Letter)]
    [InlineData("risk.yellow.supervisor-call", ScriptKind.Call)]
    [InlineData("risk.orange.manager-call", ScriptKind.Call)]
    [InlineData("risk.red.gm-call", ScriptKind.Call)]
    [InlineData("nps.detractor.first-call", ScriptKind.Call)]
    [InlineData("nps.detractor.callback", ScriptKind.Call)]
    [InlineData("prechurn.high.manager-call", ScriptKind.Call)]
    [InlineData("prechurn.mid.advisor-call", ScriptKind.Call)]
    [InlineData("earlychurn.manager-call", ScriptKind.Call)]
    [InlineData("followup.first-call", ScriptKind.Call)]
    public void Kinds_are_as_the_outlines_say(string id, ScriptKind kind)
    {
        Assert.Equal(kind, Exact(id, ZhCn).Kind);
        Assert.Equal(kind, Exact(id, En).Kind);
    }

    [Fact]
    public void The_orange_plan_is_a_message_or_a_letter_and_the_low_value_pre_churn_sms_is_marketing()
    {
        Assert.Contains(Exact("risk.orange.plan", ZhCn).Kind, new[] { ScriptKind.Message, ScriptKind.Letter });
        Assert.Equal(ScriptPurpose.Marketing, Exact("prechurn.low.sms", ZhCn).Purpose);
        Assert.Equal(ScriptPurpose.Marketing, Exact("prechurn.low.sms", En).Purpose);
    }

    [Theory]
    [InlineData("risk.yellow.price-offer", new[] { "OfferItems", "OfferSaving", "OfferValidUntil", "BookingSlot" })]
    [InlineData("risk.yellow.service-apology", new[] { "Improvements" })]
    [InlineData("risk.yellow.hold-offer", new[] { "HoldUntil" })]
    [InlineData("risk.yellow.after-visit", new[] { "NextServiceDate" })]
    [InlineData("risk.orange.manager-call", new[] { "MonthsSinceLastVisit", "ManagerName" })]
    [InlineData("risk.red.gm-call", new[] { "GeneralManagerName" })]
    [InlineData("nps.detractor.first-call", new[] { "PromisedTime" })]
    [InlineData("nps.detractor.progress", new[] { "TechnicianName", "ReadyAt" })]
    [InlineData("earlychurn.manager-call", new[] { "Improvements" })]
    [InlineData("followup.immediate", new[] { "CustomerName", "WorkDone", "AdvisorName", "AdvisorPhone", "CareTip" })]
    [InlineData("followup.first-call", new[] { "NextServiceDate" })]
    [InlineData("followup.holiday", new[] { "HolidayName" })]
    [InlineData("followup.weather-alert", new[] { "WeatherWarning" })]
    [InlineData("referral.invite", new[] { "ReferralCode", "ReferrerReward", "FriendReward" })]
    public void The_beats_the_outlines_name_have_their_placeholders(string id, string[] placeholders)
    {
        foreach (string locale in Locales)
        {
            Assert.Superset(placeholders.ToHashSet(), Exact(id, locale).Placeholders.ToHashSet());
        }
    }

    [Theory]
    [InlineData("objection.price", new[] { "12", "3", "25" })]
    [InlineData("objection.too-busy", new[] { "20:00" })]
    [InlineData("risk.red.commitment-letter", new[] { "2", "24" })]
    [InlineData("risk.orange.plan", new[] { "24" })]
    public void The_figures_the_outlines_give_are_in_both_versions(string id, string[] figures)
    {
        foreach (string locale in Locales)
        {
            string text = string.Join("\n", Exact(id, locale).Templates().Select(t => t.Text));
            foreach (string figure in figures)
            {
                Assert.True(System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<!\d){figure}(?!\d)"), $"{id} ({locale}) lacks the figure {figure}");
            }
        }
    }

    [Fact]
    public void The_spec_example_renders_money_and_dates_for_each_locale()
    {
        var values = CompleteValues(ZhCn);

        string zh = BuiltIn.Render("risk.yellow.price-offer", ZhCn, values).Text;
        string en = BuiltIn.Render("risk.yellow.price-offer", En, CompleteValues(En)).Text;

        Assert.Contains("¥780", zh, StringComparison.Ordinal);
        Assert.Contains("2026年11月24日", zh, StringComparison.Ordinal);
        Assert.Contains("CNY 780", en, StringComparison.Ordinal);
        Assert.Contains("24 Nov 2026", en, StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_tier_scripts_are_found_by_tier()
    {
        foreach (var (tier, prefix) in new[] { ("Yellow", "risk.yellow."), ("Orange", "risk.orange."), ("Red", "risk.red.") })
        {
            foreach (string locale in Locales)
            {
                var found = BuiltIn.Find(new ScriptAudience { Tier = tier }, locale);

                Assert.Equal(SpecIds.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal), found.Select(s => s.Id));
                Assert.All(found, s => Assert.Equal(locale, s.Locale));
            }
        }
    }

    [Theory]
    [InlineData("PreChurn", "High", "prechurn.high.manager-call")]
    [InlineData("PreChurn", "Mid", "prechurn.mid.advisor-call")]
    [InlineData("PreChurn", "Low", "prechurn.low.sms")]
    public void Pre_churn_scripts_are_found_by_stage_and_value_tier(string stage, string valueTier, string id)
    {
        var found = BuiltIn.Find(new ScriptAudience { Stage = stage, ValueTier = valueTier }, En);

        Assert.Equal(id, Assert.Single(found).Id);
        Assert.Contains("earlychurn.manager-call", BuiltIn.Find(new ScriptAudience { Stage = "EarlyChurn" }, ZhCn).Select(s => s.Id));
        Assert.Equal(3, BuiltIn.Find(new ScriptAudience { Stage = "prechurn" }, ZhCn).Count);
    }

    [Theory]
    [InlineData("objection.price")]
    [InlineData("objection.serviced-elsewhere")]
    [InlineData("objection.bad-attitude")]
    [InlineData("objection.too-busy")]
    [InlineData("followup.day7")]
    [InlineData("followup.day30")]
    [InlineData("followup.birthday")]
    [InlineData("followup.weather-alert")]
    public void Objections_and_follow_up_occasions_are_found_by_their_topic(string id)
    {
        string topic = id[(id.IndexOf('.', StringComparison.Ordinal) + 1)..];

        foreach (string locale in Locales)
        {
            Assert.Contains(id, BuiltIn.Find(new ScriptAudience { Topic = topic }, locale).Select(s => s.Id));
        }
    }

    [Fact]
    public void A_regional_locale_gets_the_built_in_of_its_language()
    {
        Assert.Equal(En, BuiltIn.Get("objection.price", "en-GB").Locale);
        Assert.Equal(ZhCn, BuiltIn.Get("objection.price", "zh-TW").Locale);
        Assert.Equal(ZhCn, BuiltIn.Get("objection.price", "ja-JP").Locale);
        Assert.Equal(En, new ScriptCatalog(new ScriptOptions { FallbackLocale = En }).Get("objection.price", "ja-JP").Locale);
        Assert.Equal(En, BuiltIn.Render("followup.immediate", "en-GB", CompleteValues(En)).Locale);
    }
}
