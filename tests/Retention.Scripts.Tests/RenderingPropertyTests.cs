using System;
using System.Linq;
using FsCheck.Xunit;
using Retention.Scripts.Tests.Support;
using Xunit;
using static Retention.Scripts.Tests.Support.Fixtures;

namespace Retention.Scripts.Tests;

/// <summary>
/// Spec sections 1-2 as properties over the whole built-in catalog: with a complete set of random values (text without
/// braces, money of zero or more, any date) every script renders in both locales, leaves no placeholder behind, puts
/// each value in its place, keeps marketing messages ending with the opt-out line, and reports the SMS length of messages.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
public class RenderingPropertyTests
{
    private static readonly ScriptCatalog Catalog = ScriptCatalog.BuiltIn;

    [Property]
    public void Rendering_a_complete_value_set_never_throws_and_never_leaves_a_placeholder(RandomValues values)
    {
        Assert.NotEmpty(Catalog.Scripts);
        foreach (var script in Catalog.Scripts)
        {
            var rendered = Catalog.Renderer.Render(script, values.Values);

            Assert.DoesNotMatch(LeftoverPlaceholder(), rendered.ToString());
            Assert.Equal(script.Parts.Count, rendered.Parts.Count);
            Assert.Equal(string.Join("\n", rendered.Parts.Where(p => p.Kind == ScriptPartKind.Line).Select(p => p.Text)), rendered.Text);
        }
    }

    [Property]
    public void Every_value_appears_in_the_rendering_formatted_for_the_locale(RandomValues values)
    {
        var options = new ScriptOptions();
        foreach (var script in Catalog.Scripts)
        {
            var rendered = Catalog.Render(script.Id, script.Locale, values.Values).ToString();
            var format = options.Locales[script.Locale];
            var date = NodaTime.Text.LocalDatePattern.Create(format.DatePattern, System.Globalization.CultureInfo.InvariantCulture);
            var dateTime = NodaTime.Text.LocalDateTimePattern.Create(format.DateTimePattern, System.Globalization.CultureInfo.InvariantCulture);

            foreach (string name in script.Placeholders.Where(n => n != ScriptPlaceholders.OptOut))
            {
                var value = values.Values[name];
                string expected = value.Kind switch
                {
                    PlaceholderKind.Text => value.AsText,
                    PlaceholderKind.Number => value.AsDecimal.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture),
                    PlaceholderKind.Money => Catalog.Renderer.FormatMoney(value.AsDecimal, script.Locale),
                    PlaceholderKind.Date => date.Format(value.AsDate),
                    _ => dateTime.Format(value.AsDateTime),
                };
                Assert.Contains(expected, rendered, StringComparison.Ordinal);
            }
        }
    }

    [Property]
    public void Marketing_messages_always_end_with_the_opt_out_line_and_messages_report_their_SMS_length(RandomValues values)
    {
        foreach (var script in Catalog.Scripts.Where(s => s.Kind == ScriptKind.Message))
        {
            var rendered = Catalog.Renderer.Render(script, values.Values);

            Assert.Equal(SmsLength.Measure(rendered.Text), rendered.Sms);
            Assert.True(rendered.Sms!.Value.Segments >= 1);
            if (script.Purpose == ScriptPurpose.Marketing)
            {
                Assert.EndsWith(new ScriptOptions().Locales[script.Locale].OptOutLine, rendered.Text, StringComparison.Ordinal);
            }
        }
    }

    [Property]
    public void Leaving_out_any_values_names_exactly_those_the_script_uses(RandomValues values, int seed)
    {
        var random = new Random(seed);
        var dropped = ScriptPlaceholders.BuiltIn.Keys.Where(_ => random.Next(4) == 0).ToArray();
        var partial = Without(values.Values, dropped);
        foreach (var script in Catalog.Scripts)
        {
            var expected = script.Placeholders.Intersect(dropped).Where(n => n != ScriptPlaceholders.OptOut).Order(StringComparer.Ordinal).ToArray();
            if (expected.Length == 0)
            {
                Assert.NotNull(Catalog.Renderer.Render(script, partial));
                continue;
            }

            var e = Assert.Throws<ScriptRenderException>(() => Catalog.Renderer.Render(script, partial));
            Assert.Equal(expected, e.MissingPlaceholders);
        }
    }
}
