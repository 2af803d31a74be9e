using System;
using System.Linq;
using NodaTime;
using Retention.Scripts.Tests.Support;
using Xunit;
using static Retention.Scripts.Tests.Support.Fixtures;

namespace Retention.Scripts.Tests;

/// <summary>
/// Spec section 1, "Rendering is strict": an unknown placeholder fails when the catalog loads (host scripts from
/// options and catalog files, with the option path or JSON path); rendering without a value for a placeholder the
/// script uses fails and names every missing one; a value of the wrong kind is named.
/// </summary>
public class StrictRenderingTests
{
    private static ScriptDefinition ThreeLines(string id = "host.strict") => new()
    {
        Id = id,
        Locale = En,
        Kind = ScriptKind.Call,
        Title = "Call {CustomerName}",
        Parts =
        [
            Say("Hello {Honorific} {CustomerName}, this is {AdvisorName} at {StoreName}."),
            Direct("Check {Issue} before the call."),
            Say("We save you {OfferSaving} until {OfferValidUntil}; you have not been in for {MonthsSinceLastVisit} months."),
        ],
        Do = ["Offer {BookingSlot}."],
        Dont = ["Never mention {TechnicianName}."],
    };

    [Fact]
    public void An_unknown_placeholder_in_host_options_fails_the_catalog_naming_the_option_path()
    {
        var bad = Call("host.ok", En);
        var worse = ThreeLines("host.bad");
        worse.Parts[2] = Say("Your {Gift} is waiting.");
        worse.Dont = ["Never mention {Rival}."];

        var problems = Problems(Options(bad, worse));

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal("options", p.Source));
        Assert.Contains(problems, p => p.Path == "Scripts[1].Parts[2].Say" && p.Message.Contains("unknown placeholder {Gift}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "Scripts[1].Dont[0]" && p.Message.Contains("unknown placeholder {Rival}", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Equal(("host.bad", En), (p.Id, p.Locale)));
    }

    [Fact]
    public void An_unknown_placeholder_in_the_title_or_a_direction_or_a_do_is_found_too()
    {
        var script = ThreeLines();
        script.Title = "About {Topic}";
        script.Parts[1] = Direct("Look up {Dossier}.");
        script.Do = ["Mention {Perk}."];

        var paths = Problems(Options(script)).Select(p => p.Path).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["Scripts[0].Do[0]", "Scripts[0].Parts[1].Direction", "Scripts[0].Title"], paths);
    }

    [Fact]
    public void An_unknown_placeholder_in_a_catalog_file_fails_the_catalog_naming_the_JSON_path()
    {
        using var file = new TempCatalogFile("""
            {
              "scripts": [
                {
                  "id": "host.file", "locale": "zh-CN", "kind": "Call", "title": "回访",
                  "parts": [ { "direction": "先查记录" }, { "say": "{CustomerName}您好，送您{Voucher}。" } ],
                  "do": [ "倾听" ], "dont": [ "争论" ]
                }
              ]
            }
            """);
        var options = Options();
        options.CatalogFiles.Add(file.Path);

        var problem = Assert.Single(Problems(options));

        Assert.Equal(file.Path, problem.Source);
        Assert.Equal("$.scripts[0].parts[1].say", problem.Path);
        Assert.Contains("unknown placeholder {Voucher}", problem.Message, StringComparison.Ordinal);
        Assert.Equal(("host.file", ZhCn), (problem.Id, problem.Locale));
        Assert.Contains(file.Path, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_declared_in_options_is_known_and_rendered_with_its_kind()
    {
        var script = Call("host.declared", En, line: "Your {Gift} worth {GiftValue} waits until {GiftUntil}, {CustomerName}.");
        var options = Options(script);
        options.Placeholders["Gift"] = PlaceholderKind.Text;
        options.Placeholders["GiftValue"] = PlaceholderKind.Money;
        options.Placeholders["GiftUntil"] = PlaceholderKind.Date;

        var rendered = new ScriptCatalog(options).Render("host.declared", En, new ScriptValues
        {
            ["Gift"] = "a car wash",
            ["GiftValue"] = ScriptValue.Money(88m),
            ["GiftUntil"] = Day,
            ["CustomerName"] = "Wang",
        });

        Assert.Equal("Your a car wash worth CNY 88 waits until 24 Nov 2026, Wang.", rendered.Text);
        var wrong = Assert.Throws<ScriptRenderException>(() => new ScriptCatalog(options).Render("host.declared", En, new ScriptValues
        {
            ["Gift"] = "a car wash",
            ["GiftValue"] = 88,
            ["GiftUntil"] = Day,
            ["CustomerName"] = "Wang",
        }));
        Assert.Equal(["{GiftValue} takes Money but the value is Number"], wrong.WrongKindPlaceholders);
    }

    [Fact]
    public void Rendering_without_values_names_every_missing_placeholder_sorted()
    {
        var catalog = Catalog(ThreeLines());

        var e = Assert.Throws<ScriptRenderException>(() => catalog.Render("host.strict", En, new ScriptValues { ["CustomerName"] = "Wang", ["Issue"] = "the wait" }));

        Assert.Equal(
            ["AdvisorName", "BookingSlot", "Honorific", "MonthsSinceLastVisit", "OfferSaving", "OfferValidUntil", "StoreName", "TechnicianName"],
            e.MissingPlaceholders);
        Assert.Empty(e.WrongKindPlaceholders);
        Assert.Equal(("host.strict", En), (e.ScriptId, e.Locale));
        Assert.IsNotType<MessageComplianceException>(e);
        foreach (string name in e.MissingPlaceholders)
        {
            Assert.Contains("{" + name + "}", e.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{CustomerName}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("{Issue}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_missing_value_is_named_and_nothing_else()
    {
        var catalog = Catalog(ThreeLines());

        var e = Assert.Throws<ScriptRenderException>(() => catalog.Render("host.strict", En, Without(CompleteValues(En), ScriptPlaceholders.TechnicianName)));

        Assert.Equal([ScriptPlaceholders.TechnicianName], e.MissingPlaceholders);
    }

    [Fact]
    public void A_default_value_counts_as_missing_but_empty_text_is_a_value()
    {
        var catalog = Catalog(ThreeLines());

        var e = Assert.Throws<ScriptRenderException>(() => catalog.Render("host.strict", En, With(CompleteValues(En), ScriptPlaceholders.Issue, default)));
        Assert.Equal([ScriptPlaceholders.Issue], e.MissingPlaceholders);

        var rendered = catalog.Render("host.strict", En, With(CompleteValues(En), ScriptPlaceholders.Issue, string.Empty));
        Assert.Equal("[Check  before the call.]", rendered.ToString().Split('\n')[2].Trim());
    }

    [Fact]
    public void Values_of_the_wrong_kind_are_named_with_what_each_placeholder_takes()
    {
        var catalog = Catalog(ThreeLines());
        var values = CompleteValues(En);
        values[ScriptPlaceholders.OfferSaving] = 780;
        values[ScriptPlaceholders.OfferValidUntil] = "next Friday";
        values[ScriptPlaceholders.MonthsSinceLastVisit] = ScriptValue.Money(6m);
        values[ScriptPlaceholders.BookingSlot] = Day;
        values[ScriptPlaceholders.CustomerName] = Day.At(LocalTime.Noon);

        var e = Assert.Throws<ScriptRenderException>(() => catalog.Render("host.strict", En, values));

        Assert.Empty(e.MissingPlaceholders);
        Assert.Equal(
            [
                "{BookingSlot} takes DateTime but the value is Date",
                "{CustomerName} takes Text but the value is DateTime",
                "{MonthsSinceLastVisit} takes Number but the value is Money",
                "{OfferSaving} takes Money but the value is Number",
                "{OfferValidUntil} takes Date but the value is Text",
            ],
            e.WrongKindPlaceholders);
        Assert.All(e.WrongKindPlaceholders, w => Assert.Contains(w, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_and_wrong_values_are_reported_together()
    {
        var catalog = Catalog(ThreeLines());
        var values = Without(CompleteValues(En), ScriptPlaceholders.StoreName, ScriptPlaceholders.AdvisorName);
        values[ScriptPlaceholders.OfferSaving] = "780";

        var e = Assert.Throws<ScriptRenderException>(() => catalog.Render("host.strict", En, values));

        Assert.Equal([ScriptPlaceholders.AdvisorName, ScriptPlaceholders.StoreName], e.MissingPlaceholders);
        Assert.Equal(["{OfferSaving} takes Money but the value is Text"], e.WrongKindPlaceholders);
    }

    [Fact]
    public void Extra_values_are_ignored_and_every_template_of_the_script_is_filled()
    {
        var catalog = Catalog(ThreeLines());
        var values = CompleteValues(En);
        values["NotUsedAnywhere"] = "ignored";

        var rendered = catalog.Render("host.strict", En, values);

        Assert.Equal("Call <CustomerName>", rendered.Title);
        Assert.Equal(
            [
                new RenderedPart(ScriptPartKind.Line, "Hello <Honorific> <CustomerName>, this is <AdvisorName> at <StoreName>."),
                new RenderedPart(ScriptPartKind.Direction, "Check <Issue> before the call."),
                new RenderedPart(ScriptPartKind.Line, "We save you CNY 780 until 24 Nov 2026; you have not been in for 7 months."),
            ],
            rendered.Parts);
        Assert.Equal(["Offer 24 Nov 2026, 14:30."], rendered.Do);
        Assert.Equal(["Never mention <TechnicianName>."], rendered.Dont);
        Assert.Equal("Hello <Honorific> <CustomerName>, this is <AdvisorName> at <StoreName>.\nWe save you CNY 780 until 24 Nov 2026; you have not been in for 7 months.", rendered.Text);
        Assert.Null(rendered.Sms);
        Assert.Equal((ScriptKind.Call, ScriptPurpose.Service, "host.strict", En), (rendered.Kind, rendered.Purpose, rendered.Id, rendered.Locale));
        Assert.DoesNotMatch(LeftoverPlaceholder(), rendered.ToString());
    }

    [Fact]
    public void The_staff_layout_shows_directions_in_brackets_and_the_do_and_dont_lists_under_locale_headings()
    {
        var en = Catalog(ThreeLines()).Render("host.strict", En, CompleteValues(En)).ToString();
        var zhScript = ThreeLines();
        zhScript.Locale = ZhCn;
        var zh = Catalog(zhScript).Render("host.strict", ZhCn, CompleteValues(ZhCn)).ToString();

        Assert.Equal(
            """
            Call <CustomerName>
              Hello <Honorific> <CustomerName>, this is <AdvisorName> at <StoreName>.
              [Check <Issue> before the call.]
              We save you CNY 780 until 24 Nov 2026; you have not been in for 7 months.
            Do:
              - Offer 24 Nov 2026, 14:30.
            Don't:
              - Never mention <TechnicianName>.
            """.ReplaceLineEndings("\n"),
            en);
        Assert.Contains("\n应该：\n  - Offer 2026年11月24日 14:30.\n不要：\n  - Never mention 〔TechnicianName〕.", zh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_built_directly_with_an_unknown_placeholder_cannot_be_rendered()
    {
        var script = new Script("direct.unknown", En, ScriptKind.Call, ScriptPurpose.Service, ScriptTemplate.Parse("t"), ScriptAudience.Anyone, [ScriptPart.Line("Hi {Nickname}")], [], []);

        var e = Assert.Throws<ScriptRenderException>(() => Renderer.Render(script, new ScriptValues { ["Nickname"] = "Xiao Wang" }));

        Assert.Contains("Nickname", e.MissingPlaceholders);
        Assert.Contains(e.WrongKindPlaceholders, w => w.Contains("{Nickname} is not a known placeholder", StringComparison.Ordinal));
    }

    [Fact]
    public void The_opt_out_placeholder_is_filled_by_the_renderer_and_a_host_value_for_it_is_ignored()
    {
        var catalog = Catalog(Message("host.promo", En, purpose: ScriptPurpose.Marketing), Message("host.promo", ZhCn, purpose: ScriptPurpose.Marketing));
        var values = With(CompleteValues(En), ScriptPlaceholders.OptOut, "text STOP");

        Assert.EndsWith(". Reply TD to unsubscribe", catalog.Render("host.promo", En, values).Text, StringComparison.Ordinal);
        Assert.EndsWith(". 回复TD退订", catalog.Render("host.promo", ZhCn, CompleteValues(ZhCn)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_in_a_locale_the_renderer_does_not_know_is_bad_input()
    {
        var script = new Script("direct.fr", "fr", ScriptKind.Call, ScriptPurpose.Service, ScriptTemplate.Parse("t"), ScriptAudience.Anyone, [ScriptPart.Line("Bonjour")], [], []);

        var e = Assert.Throws<ArgumentException>(() => Renderer.Render(script, new ScriptValues()));

        Assert.Equal("script", e.ParamName);
        Assert.Contains("'fr'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_are_bad_input()
    {
        var catalog = Catalog(ThreeLines());
        var script = catalog.Get("host.strict", En);

        Assert.Equal("script", Assert.Throws<ArgumentNullException>(() => Renderer.Render(null!, new ScriptValues())).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => Renderer.Render(script, null!)).ParamName);
        Assert.Throws<ArgumentNullException>(() => catalog.Render("host.strict", En, null!));
    }
}
