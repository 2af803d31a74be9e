using System;
using FsCheck.Xunit;
using Retention.Scripts.Tests.Support;
using Xunit;
using static Retention.Scripts.Tests.Support.Fixtures;

namespace Retention.Scripts.Tests;

/// <summary>
/// Spec section 1, "Placeholders are named": templates with named <c>{Name}</c> placeholders, literal braces written
/// <c>{{</c> / <c>}}</c>, malformed templates rejected with the position of the problem.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
public class TemplateTests
{
    [Fact]
    public void Placeholders_are_listed_once_each_in_order_of_first_use()
    {
        var template = ScriptTemplate.Parse("{StoreName}: dear {CustomerName}, {StoreName} thanks you. {AdvisorName}");

        Assert.Equal(["StoreName", "CustomerName", "AdvisorName"], template.Placeholders);
        Assert.Equal("{StoreName}: dear {CustomerName}, {StoreName} thanks you. {AdvisorName}", template.Text);
        Assert.Equal(template.Text, template.ToString());
    }

    [Fact]
    public void Doubled_braces_are_literal_braces_and_not_placeholders()
    {
        var template = ScriptTemplate.Parse("{{CustomerName}} is written {{{CustomerName}}}");

        Assert.Equal(["CustomerName"], template.Placeholders);
        var script = new Script("t.braces", En, ScriptKind.Call, ScriptPurpose.Service, ScriptTemplate.Parse("t"), ScriptAudience.Anyone, [new ScriptPart(ScriptPartKind.Line, template)], [], []);
        Assert.Equal("{CustomerName} is written {Wang}", Renderer.Render(script, new ScriptValues { ["CustomerName"] = "Wang" }).Text);
    }

    [Fact]
    public void A_template_without_placeholders_has_none()
    {
        Assert.Empty(ScriptTemplate.Parse("Pause and wait.").Placeholders);
        Assert.Empty(ScriptTemplate.Parse(string.Empty).Placeholders);
    }

    [Theory]
    [InlineData("Hello {CustomerName", 6, "never closed")]
    [InlineData("Hello }", 6, "closes no placeholder")]
    [InlineData("Hello {} there", 6, "is not a placeholder name")]
    [InlineData("{Customer Name}", 0, "is not a placeholder name")]
    [InlineData("ok {1st}", 3, "is not a placeholder name")]
    [InlineData("ok {Offer-Items}", 3, "is not a placeholder name")]
    [InlineData("ok {客户}", 3, "is not a placeholder name")]
    [InlineData("{{ok}} {", 7, "never closed")]
    [InlineData("a}}}", 3, "closes no placeholder")]
    public void A_malformed_template_is_rejected_with_the_position(string text, int position, string reason)
    {
        var e = Assert.Throws<ScriptTemplateException>(() => ScriptTemplate.Parse(text));

        Assert.Equal(position, e.Position);
        Assert.Equal(text, e.Template);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        Assert.Contains($"character {position + 1}", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(e);
    }

    [Fact]
    public void A_null_template_is_bad_input()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => ScriptTemplate.Parse(null!)).ParamName);
    }

    [Fact]
    public void A_malformed_template_in_host_scripts_fails_the_catalog_with_the_option_path_and_position()
    {
        var script = Call("host.bad", En, line: "Hello {CustomerName");

        var problem = Assert.Single(Problems(Options(script)));

        Assert.Equal("Scripts[0].Parts[0].Say", problem.Path);
        Assert.Contains("never closed", problem.Message, StringComparison.Ordinal);
        Assert.Contains("at character 7", problem.Message, StringComparison.Ordinal);
    }

    [Property]
    public void Escaped_literal_text_renders_back_to_itself(LiteralText literal)
    {
        string escaped = literal.Text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
        var template = ScriptTemplate.Parse(escaped);
        var script = new Script("t.literal", ZhCn, ScriptKind.Call, ScriptPurpose.Service, ScriptTemplate.Parse("t"), ScriptAudience.Anyone, [new ScriptPart(ScriptPartKind.Line, template)], [], []);

        var rendered = Renderer.Render(script, new ScriptValues());

        Assert.Empty(template.Placeholders);
        Assert.Equal(escaped, template.Text);
        Assert.Equal(literal.Text, rendered.Text);
        Assert.Equal(literal.Text, Assert.Single(rendered.Parts).Text);
    }

    [Property]
    public void A_template_with_an_unknown_placeholder_is_rejected_when_the_catalog_loads(UnknownName name, LiteralText before)
    {
        string text = before.Text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal) + "{" + name.Name + "}";
        var options = Options(Call("host.unknown", En, line: text));

        var problem = Assert.Single(Problems(options));

        Assert.Equal("Scripts[0].Parts[0].Say", problem.Path);
        Assert.Contains($"unknown placeholder {{{name.Name}}}", problem.Message, StringComparison.Ordinal);
        Assert.Equal("host.unknown", problem.Id);
        Assert.Equal(En, problem.Locale);
    }
}
