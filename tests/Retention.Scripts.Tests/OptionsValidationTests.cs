using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;
using Retention.Scripts.Tests.Support;
using Xunit;
using static Retention.Scripts.Tests.Support.Fixtures;

namespace Retention.Scripts.Tests;

/// <summary>
/// Conventions (README): the locales, their formats, the fallback locale, the opt-out lines and host placeholders are
/// options with documented defaults, validated at start-up; nonsense is rejected with a message naming the option path.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
public class OptionsValidationTests
{
    /// <summary>One thing broken in otherwise default options, and the option path the error must start with.</summary>
    public static readonly IReadOnlyList<(string What, string Path, Action<ScriptOptions> Break)> Breakers =
    [
        ("fallback locale not configured", "FallbackLocale", o => o.FallbackLocale = "fr"),
        ("fallback locale only by language", "FallbackLocale", o => o.FallbackLocale = "zh"),
        ("fallback locale null", "FallbackLocale", o => o.FallbackLocale = null!),
        ("fallback locale removed from the locales", "FallbackLocale", o => o.Locales.Remove(ZhCn)),
        ("no locales", "Locales", o => o.Locales.Clear()),
        ("locales null", "Locales", o => o.Locales = null!),
        ("locale not a culture name", "Locales[english]", o => o.Locales["english"] = new ScriptLocaleOptions { OptOutLine = "STOP" }),
        ("locale with an underscore", "Locales[en_US]", o => o.Locales["en_US"] = new ScriptLocaleOptions { OptOutLine = "STOP" }),
        ("locale formats null", "Locales[en]", o => o.Locales[En] = null!),
        ("blank opt-out line", "Locales[en].OptOutLine", o => o.Locales[En].OptOutLine = "  "),
        ("empty opt-out line", "Locales[zh-CN].OptOutLine", o => o.Locales[ZhCn].OptOutLine = string.Empty),
        ("null opt-out line", "Locales[zh-CN].OptOutLine", o => o.Locales[ZhCn].OptOutLine = null!),
        ("opt-out line with braces", "Locales[en].OptOutLine", o => o.Locales[En].OptOutLine = "Reply {TD} to unsubscribe"),
        ("unclosed quote in a date pattern", "Locales[en].DatePattern", o => o.Locales[En].DatePattern = "d MMM uuuu'"),
        ("empty date pattern", "Locales[zh-CN].DatePattern", o => o.Locales[ZhCn].DatePattern = string.Empty),
        ("null date pattern", "Locales[en].DatePattern", o => o.Locales[En].DatePattern = null!),
        ("time in a date pattern", "Locales[en].DatePattern", o => o.Locales[En].DatePattern = "d MMM uuuu HH:mm"),
        ("unclosed quote in a date-time pattern", "Locales[zh-CN].DateTimePattern", o => o.Locales[ZhCn].DateTimePattern = "uuuu'年 HH:mm"),
        ("null money prefix", "Locales[en].MoneyPrefix", o => o.Locales[En].MoneyPrefix = null!),
        ("null money suffix", "Locales[zh-CN].MoneySuffix", o => o.Locales[ZhCn].MoneySuffix = null!),
        ("built-in money placeholder redeclared as text", "Placeholders[OfferSaving]", o => o.Placeholders["OfferSaving"] = PlaceholderKind.Text),
        ("built-in text placeholder redeclared as a date", "Placeholders[CustomerName]", o => o.Placeholders["CustomerName"] = PlaceholderKind.Date),
        ("placeholder name starting with a digit", "Placeholders[1st]", o => o.Placeholders["1st"] = PlaceholderKind.Text),
        ("placeholder name with a dash", "Placeholders[gift-card]", o => o.Placeholders["gift-card"] = PlaceholderKind.Text),
        ("placeholder name in braces", "Placeholders[{Gift}]", o => o.Placeholders["{Gift}"] = PlaceholderKind.Text),
        ("empty placeholder name", "Placeholders[]", o => o.Placeholders[string.Empty] = PlaceholderKind.Text),
        ("undefined placeholder kind", "Placeholders[Gift]", o => o.Placeholders["Gift"] = (PlaceholderKind)9),
        ("placeholders null", "Placeholders", o => o.Placeholders = null!),
        ("catalog files null", "CatalogFiles", o => o.CatalogFiles = null!),
        ("scripts null", "Scripts", o => o.Scripts = null!),
    ];

    public static TheoryData<string> BreakerNames => new(Breakers.Select(b => b.What));

    [Fact]
    public void Defaults_are_valid_and_are_the_documented_values()
    {
        var o = new ScriptOptions();

        Assert.Empty(ScriptOptionsValidator.Collect(o));
        Assert.True(new ScriptOptionsValidator().Validate(null, o).Succeeded);
        Assert.Equal("Retention:Scripts", ScriptOptions.SectionName);
        Assert.Equal(ZhCn, o.FallbackLocale);
        Assert.True(o.IncludeBuiltIns);
        Assert.Empty(o.CatalogFiles);
        Assert.Empty(o.Scripts);
        Assert.Empty(o.Placeholders);
        Assert.Equal([En, ZhCn], o.Locales.Keys.Order(StringComparer.Ordinal));
        var zh = o.Locales[ZhCn];
        Assert.Equal(("回复TD退订", "uuuu'年'M'月'd'日'", "uuuu'年'M'月'd'日' HH:mm", "¥", string.Empty), (zh.OptOutLine, zh.DatePattern, zh.DateTimePattern, zh.MoneyPrefix, zh.MoneySuffix));
        var en = o.Locales[En];
        Assert.Equal(("Reply TD to unsubscribe", "d MMM uuuu", "d MMM uuuu, HH:mm", "CNY ", string.Empty), (en.OptOutLine, en.DatePattern, en.DateTimePattern, en.MoneyPrefix, en.MoneySuffix));
        Assert.Same(o.Locales[En], o.Locales["EN"]);
    }

    [Fact]
    public void A_new_locale_gets_usable_default_formats()
    {
        var options = Options();
        options.Locales["fr"] = new ScriptLocaleOptions { OptOutLine = "STOP" };

        Assert.Empty(ScriptOptionsValidator.Collect(options));
        var script = new Script("t.fr", "fr", ScriptKind.Call, ScriptPurpose.Service, ScriptTemplate.Parse("t"), ScriptAudience.Anyone, [ScriptPart.Line("{OfferSaving} {NextServiceDate} {BookingSlot}")], [], []);
        Assert.Equal("780 2026-11-24 2026-11-24 14:30", new ScriptRenderer(options).Render(script, CompleteValues(En)).Text);
    }

    [Theory]
    [MemberData(nameof(BreakerNames))]
    public void Each_kind_of_nonsense_is_rejected_naming_the_option(string what)
    {
        var (_, path, breakIt) = Breakers.Single(b => b.What == what);
        var options = Options(Call("host.ok", En));
        breakIt(options);

        var result = new ScriptOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);

        Assert.True(result.Failed, what);
        Assert.Contains(result.Failures!, f => f.StartsWith(path + ": ", StringComparison.Ordinal));
        var fromCatalog = Assert.Throws<OptionsValidationException>(() => new ScriptCatalog(options));
        Assert.Contains(fromCatalog.Failures, f => f.StartsWith(path + ": ", StringComparison.Ordinal));
        Assert.Equal(typeof(ScriptOptions), fromCatalog.OptionsType);
        var fromRenderer = Assert.Throws<OptionsValidationException>(() => new ScriptRenderer(options));
        Assert.Contains(fromRenderer.Failures, f => f.StartsWith(path + ": ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_messages_say_what_is_wrong_and_what_it_was()
    {
        var options = Options();
        options.FallbackLocale = "fr";
        options.Locales[En].DatePattern = "d MMM uuuu'";
        options.Placeholders["OfferSaving"] = PlaceholderKind.Text;

        var errors = ScriptOptionsValidator.Collect(options);

        Assert.Equal(3, errors.Count);
        Assert.Contains("FallbackLocale: must be one of Locales (en, zh-CN) (was \"fr\").", errors);
        Assert.Contains(errors, e => e.StartsWith("Locales[en].DatePattern: is not a valid NodaTime pattern (was \"d MMM uuuu'\")", StringComparison.Ordinal));
        Assert.Contains("Placeholders[OfferSaving]: is a built-in Money placeholder and cannot be redeclared as Text.", errors);
    }

    [Fact]
    public void Redeclaring_a_built_in_placeholder_with_its_own_kind_is_allowed()
    {
        var options = Options();
        options.Placeholders["OfferSaving"] = PlaceholderKind.Money;
        options.Placeholders["CustomerName"] = PlaceholderKind.Text;

        Assert.Empty(ScriptOptionsValidator.Collect(options));
    }

    [Fact]
    public void Bad_host_scripts_make_the_options_invalid_with_the_option_path_and_the_script()
    {
        var options = Options(Call("host.ok", En), Call("host.bad", En, "Hi {Nickname}"));

        var error = Assert.Single(ScriptOptionsValidator.Collect(options));

        Assert.StartsWith("Scripts[1].Parts[0].Say (script host.bad en): uses the unknown placeholder {Nickname}", error, StringComparison.Ordinal);
        Assert.EndsWith(".", error, StringComparison.Ordinal);
        Assert.True(new ScriptOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void Option_errors_are_reported_before_the_scripts_are_checked()
    {
        var options = Options(Call("host.bad", En, "Hi {Nickname}"));
        options.FallbackLocale = "fr";

        var error = Assert.Single(ScriptOptionsValidator.Collect(options));

        Assert.StartsWith("FallbackLocale:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_options_are_bad_input()
    {
        Assert.Throws<ArgumentNullException>(() => ScriptOptionsValidator.Collect(null!));
        Assert.Throws<ArgumentNullException>(() => new ScriptCatalog((ScriptOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new ScriptCatalog((IOptions<ScriptOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => new ScriptRenderer((ScriptOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new ScriptRenderer((IOptions<ScriptOptions>)null!));
    }

    [Property]
    public void Any_well_formed_host_placeholder_of_any_kind_is_valid_and_usable(UnknownName name, PlaceholderKind kind)
    {
        if (!Enum.IsDefined(kind))
        {
            return;
        }

        var options = Options(Call("host.custom", En, $"Value: {{{name.Name}}}"));
        options.Placeholders[name.Name] = kind;

        Assert.Empty(ScriptOptionsValidator.Collect(options));
        var rendered = new ScriptCatalog(options).Render("host.custom", En, new ScriptValues { [name.Name] = CompleteValues(En).First(v => v.Value.Kind == kind).Value });
        Assert.StartsWith("Value: ", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch(LeftoverPlaceholder(), rendered.Text);
    }
}
