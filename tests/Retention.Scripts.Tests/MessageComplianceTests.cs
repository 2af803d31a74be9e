using System;
using System.Linq;
using Retention.Scripts.Tests.Support;
using Xunit;
using static Retention.Scripts.Tests.Support.Fixtures;

namespace Retention.Scripts.Tests;

/// <summary>
/// Spec section 2, "Messages: compliance": a marketing message ends with the opt-out instruction (checked when the
/// catalog loads and again when a message is rendered); every message identifies the store and gives a way to reach a
/// named person (at load: the placeholders; at render: non-blank values).
/// </summary>
public class MessageComplianceTests
{
    private static Script DirectMessage(string line, ScriptPurpose purpose = ScriptPurpose.Marketing, string locale = En, string title = "Offer") =>
        new("direct.message", locale, ScriptKind.Message, purpose, ScriptTemplate.Parse(title), ScriptAudience.Anyone, [ScriptPart.Line(line)], [], []);

    [Fact]
    public void A_marketing_message_ending_with_the_opt_out_placeholder_or_line_loads_and_renders()
    {
        var catalog = Catalog(
            Message("host.promo", En, purpose: ScriptPurpose.Marketing),
            Message("host.promo", ZhCn, "{StoreName}：{OfferItems}，{AdvisorName} {AdvisorPhone}。回复TD退订", ScriptPurpose.Marketing),
            Message("host.promo2", En, "{StoreName}: {OfferItems}. {AdvisorName} {AdvisorPhone}. Reply TD to unsubscribe  ", ScriptPurpose.Marketing));

        var en = catalog.Render("host.promo", En, CompleteValues(En));
        var zh = catalog.Render("host.promo", ZhCn, CompleteValues(ZhCn));
        var literal = catalog.Render("host.promo2", En, CompleteValues(En));

        Assert.Equal("<StoreName>: <OfferItems> until 24 Nov 2026. <AdvisorName> <AdvisorPhone>. Reply TD to unsubscribe", en.Text);
        Assert.EndsWith("回复TD退订", zh.Text, StringComparison.Ordinal);
        Assert.EndsWith("Reply TD to unsubscribe", literal.Text.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(ScriptPurpose.Marketing, en.Purpose);
    }

    [Theory]
    [InlineData("{StoreName}: {OfferItems}. {AdvisorName} {AdvisorPhone}.")]
    [InlineData("{StoreName}: {OptOut}. {OfferItems}. {AdvisorName} {AdvisorPhone}.")]
    [InlineData("{StoreName}: {OfferItems}. {AdvisorName} {AdvisorPhone}. Reply STOP to unsubscribe")]
    [InlineData("{StoreName}: {OfferItems}. {AdvisorName} {AdvisorPhone}. 回复TD退订")]
    public void A_marketing_message_without_the_opt_out_at_its_end_fails_at_load_naming_the_last_part(string line)
    {
        var problem = Assert.Single(Problems(Options(Call("host.ok", En), Message("host.promo", En, line, ScriptPurpose.Marketing))));

        Assert.Equal("Scripts[1].Parts[0]", problem.Path);
        Assert.Contains("must end with the opt-out instruction", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Reply TD to unsubscribe", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_opt_out_must_end_the_last_line_not_an_earlier_one()
    {
        var promo = Message("host.promo", En, "{StoreName}: {OfferItems}. {OptOut}", ScriptPurpose.Marketing);
        promo.Parts.Add(Say("Call {AdvisorName} on {AdvisorPhone}."));

        var problem = Assert.Single(Problems(Options(promo)));

        Assert.Equal("Scripts[0].Parts[1]", problem.Path);
    }

    [Fact]
    public void A_marketing_message_in_a_catalog_file_without_the_opt_out_fails_with_the_JSON_path()
    {
        using var file = new TempCatalogFile("""
            { "scripts": [ { "id": "host.promo", "locale": "zh-CN", "kind": "Message", "purpose": "Marketing", "title": "优惠",
                             "parts": [ { "say": "{StoreName}：{OfferItems}，详询{AdvisorName} {AdvisorPhone}" } ] } ] }
            """);
        var options = Options();
        options.CatalogFiles.Add(file.Path);

        var problem = Assert.Single(Problems(options));

        Assert.Equal("$.scripts[0].parts[0]", problem.Path);
        Assert.Contains("回复TD退订", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Marketing_content_must_be_a_message()
    {
        var letter = Call("host.letter", En);
        letter.Kind = ScriptKind.Letter;
        letter.Purpose = ScriptPurpose.Marketing;
        letter.Parts = [Say("{StoreName} offers {OfferItems}. {OptOut}")];

        var problem = Assert.Single(Problems(Options(letter)));

        Assert.Equal("Scripts[0].Purpose", problem.Path);
    }

    [Fact]
    public void A_marketing_message_without_the_opt_out_line_fails_at_render()
    {
        var script = DirectMessage("{StoreName}: {OfferItems}. {AdvisorName} {AdvisorPhone}.");

        var e = Assert.Throws<MessageComplianceException>(() => Renderer.Render(script, CompleteValues(En)));

        Assert.Equal(ComplianceRule.OptOutLine, e.Rule);
        Assert.Equal(("direct.message", En), (e.ScriptId, e.Locale));
        Assert.Contains("Reply TD to unsubscribe", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ScriptRenderException>(e);
    }

    [Fact]
    public void At_render_the_opt_out_line_of_the_script_locale_is_required()
    {
        var zhWithEnglishOptOut = DirectMessage("{StoreName}：{OfferItems}，{AdvisorName} {AdvisorPhone}。Reply TD to unsubscribe", locale: ZhCn);

        var e = Assert.Throws<MessageComplianceException>(() => Renderer.Render(zhWithEnglishOptOut, CompleteValues(ZhCn)));

        Assert.Equal(ComplianceRule.OptOutLine, e.Rule);
        Assert.Contains("回复TD退订", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_message_needs_no_opt_out_line()
    {
        var script = DirectMessage("{StoreName}: car ready. {AdvisorName} {AdvisorPhone}.", ScriptPurpose.Service);

        Assert.Equal("<StoreName>: car ready. <AdvisorName> <AdvisorPhone>.", Renderer.Render(script, CompleteValues(En)).Text);
        Assert.Equal("<StoreName>: car ready. <AdvisorName> <AdvisorPhone>.", Renderer.Render(DirectMessage("{StoreName}: car ready. {AdvisorName} {AdvisorPhone}.", ScriptPurpose.Transactional), CompleteValues(En)).Text);
    }

    [Fact]
    public void A_marketing_message_ending_with_the_opt_out_placeholder_renders_the_configured_line()
    {
        var options = Options();
        options.Locales[En].OptOutLine = "  Text STOP to opt out  ";
        var script = DirectMessage("{StoreName}: {OfferItems}. {AdvisorName} {AdvisorPhone}. {OptOut}");

        var rendered = new ScriptRenderer(options).Render(script, CompleteValues(En));

        Assert.EndsWith(". Text STOP to opt out", rendered.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{OfferItems}. {AdvisorName} {AdvisorPhone}.", "must name the store")]
    [InlineData("{StoreName}: {OfferItems}. Call {AdvisorPhone}.", "must name a contact person")]
    [InlineData("{StoreName}: {OfferItems}. Ask {AdvisorName}.", "must name a contact person")]
    [InlineData("{StoreName}: {OfferItems}. {TechnicianName} {AdvisorPhone}.", "must name a contact person")]
    [InlineData("{StoreName}: {OfferItems}. {ManagerName}, {Vehicle}.", "must name a contact person")]
    public void A_message_that_does_not_name_the_store_and_a_reachable_person_fails_at_load(string line, string rule)
    {
        var problem = Assert.Single(Problems(Options(Message("host.msg", ZhCn, line))));

        Assert.Equal("Scripts[0].Parts", problem.Path);
        Assert.Contains(rule, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(ScriptPlaceholders.AdvisorName), nameof(ScriptPlaceholders.AdvisorPhone))]
    [InlineData(nameof(ScriptPlaceholders.SupervisorName), nameof(ScriptPlaceholders.SupervisorPhone))]
    [InlineData(nameof(ScriptPlaceholders.ManagerName), nameof(ScriptPlaceholders.ManagerPhone))]
    [InlineData(nameof(ScriptPlaceholders.GeneralManagerName), nameof(ScriptPlaceholders.GeneralManagerPhone))]
    [InlineData(nameof(ScriptPlaceholders.ManagerName), nameof(ScriptPlaceholders.StorePhone))]
    public void Any_named_contact_with_any_phone_satisfies_the_contact_rule(string name, string phone)
    {
        var catalog = Catalog(Message("host.msg", En, $"{{StoreName}}: ready. {{{name}}} {{{phone}}}"));

        Assert.Equal($"<StoreName>: ready. <{name}> <{phone}>", catalog.Render("host.msg", En, CompleteValues(En)).Text);
    }

    [Fact]
    public void The_store_only_in_the_title_does_not_count_at_load()
    {
        var message = Message("host.msg", En, "Ready. {AdvisorName} {AdvisorPhone}");
        message.Title = "{StoreName} car ready";

        var problem = Assert.Single(Problems(Options(message)));

        Assert.Contains("must name the store", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(ScriptPlaceholders.StoreName), ComplianceRule.NamesStore)]
    [InlineData(nameof(ScriptPlaceholders.AdvisorName), ComplianceRule.NamesContact)]
    [InlineData(nameof(ScriptPlaceholders.AdvisorPhone), ComplianceRule.NamesContact)]
    public void A_blank_store_or_contact_value_fails_at_render_naming_the_rule(string placeholder, ComplianceRule rule)
    {
        var catalog = Catalog(Message("host.msg", En));
        foreach (string blank in new[] { string.Empty, " ", "\t\n" })
        {
            var e = Assert.Throws<MessageComplianceException>(() => catalog.Render("host.msg", En, With(CompleteValues(En), placeholder, blank)));

            Assert.Equal(rule, e.Rule);
            Assert.Equal(("host.msg", En), (e.ScriptId, e.Locale));
            Assert.Contains(rule == ComplianceRule.NamesStore ? "must name the store" : "must name a contact person", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_blank_contact_is_fine_when_another_named_contact_with_a_phone_is_given()
    {
        var catalog = Catalog(Message("host.msg", En, "{StoreName}: ready. {AdvisorName} {AdvisorPhone} or {ManagerName} {StorePhone}"));
        var values = CompleteValues(En);
        values[ScriptPlaceholders.AdvisorName] = " ";
        values[ScriptPlaceholders.AdvisorPhone] = string.Empty;

        Assert.Equal("<StoreName>: ready.    or <ManagerName> <StorePhone>", catalog.Render("host.msg", En, values).Text);
    }

    [Fact]
    public void A_message_built_directly_without_store_or_contact_fails_at_render()
    {
        var noStore = DirectMessage("Ready. {AdvisorName} {AdvisorPhone}", ScriptPurpose.Service);
        var noContact = DirectMessage("{StoreName}: ready.", ScriptPurpose.Service);

        Assert.Equal(ComplianceRule.NamesStore, Assert.Throws<MessageComplianceException>(() => Renderer.Render(noStore, CompleteValues(En))).Rule);
        Assert.Equal(ComplianceRule.NamesContact, Assert.Throws<MessageComplianceException>(() => Renderer.Render(noContact, CompleteValues(En))).Rule);
    }

    [Fact]
    public void A_message_built_directly_must_name_the_store_in_the_text_sent_not_only_in_the_title()
    {
        var script = DirectMessage("Ready. {AdvisorName} {AdvisorPhone}", ScriptPurpose.Service, title: "{StoreName}: car ready");

        var e = Assert.Throws<MessageComplianceException>(() => Renderer.Render(script, CompleteValues(En)));

        Assert.Equal(ComplianceRule.NamesStore, e.Rule);
    }

    [Fact]
    public void A_message_built_directly_must_name_the_contact_in_the_text_sent_not_only_in_its_do_list()
    {
        var script = new Script("direct.message", En, ScriptKind.Message, ScriptPurpose.Service, ScriptTemplate.Parse("Ready"), ScriptAudience.Anyone,
            [ScriptPart.Line("{StoreName}: your car is ready. Call {AdvisorPhone}.")], [ScriptTemplate.Parse("Mention {AdvisorName}.")], []);

        var e = Assert.Throws<MessageComplianceException>(() => Renderer.Render(script, CompleteValues(En)));

        Assert.Equal(ComplianceRule.NamesContact, e.Rule);
    }

    [Fact]
    public void Calls_visits_and_letters_need_no_store_or_contact_values()
    {
        var call = new Script("direct.call", En, ScriptKind.Call, ScriptPurpose.Service, ScriptTemplate.Parse("t"), ScriptAudience.Anyone, [ScriptPart.Line("Hello {CustomerName}")], [], []);
        var letter = new Script("direct.letter", En, ScriptKind.Letter, ScriptPurpose.Service, ScriptTemplate.Parse("t"), ScriptAudience.Anyone, [ScriptPart.Line("Dear {CustomerName}")], [], []);

        Assert.Equal("Hello Wang", Renderer.Render(call, new ScriptValues { ["CustomerName"] = "Wang" }).Text);
        Assert.Equal("Dear Wang", Renderer.Render(letter, new ScriptValues { ["CustomerName"] = "Wang" }).Text);
    }

    [Fact]
    public void Missing_values_are_reported_before_compliance()
    {
        var catalog = Catalog(Message("host.msg", En));

        var e = Assert.Throws<ScriptRenderException>(() => catalog.Render("host.msg", En, Without(CompleteValues(En), ScriptPlaceholders.StoreName, ScriptPlaceholders.AdvisorPhone)));

        Assert.IsNotType<MessageComplianceException>(e);
        Assert.Equal([ScriptPlaceholders.AdvisorPhone, ScriptPlaceholders.StoreName], e.MissingPlaceholders);
    }

    [Fact]
    public void A_rendered_message_reports_its_SMS_length()
    {
        var catalog = Catalog(Message("host.msg", En), Message("host.msg", ZhCn));

        var en = catalog.Render("host.msg", En, CompleteValues(En));
        var zh = catalog.Render("host.msg", ZhCn, CompleteValues(ZhCn));

        Assert.Equal(SmsLength.Measure(en.Text), en.Sms);
        Assert.Equal(SmsEncoding.Gsm7, en.Sms!.Value.Encoding);
        Assert.Equal(SmsLength.Measure(zh.Text), zh.Sms);
        Assert.Equal(SmsEncoding.Ucs2, zh.Sms!.Value.Encoding);
    }

    [Fact]
    public void A_message_has_lines_only()
    {
        var message = Message("host.msg", En);
        message.Parts.Add(Direct("smile"));

        var problems = Problems(Options(message));

        Assert.Contains(problems, p => p.Path == "Scripts[0].Parts[1].Direction" && p.Message.Contains("lines only", StringComparison.Ordinal));
        Assert.Equal("parts", Assert.Throws<ArgumentException>(() => new Script("direct.msg", En, ScriptKind.Message, ScriptPurpose.Service, ScriptTemplate.Parse("t"), ScriptAudience.Anyone, [ScriptPart.Line("a"), ScriptPart.Direction("b")], [], [])).ParamName);
        Assert.DoesNotContain(problems, p => p.Path == "Scripts[0].Parts" && p.Message.Contains("store", StringComparison.Ordinal));
        _ = problems.Single();
    }
}
