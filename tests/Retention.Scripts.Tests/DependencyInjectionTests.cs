using System;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Retention.Scripts.Tests.Support;
using Xunit;
using static Retention.Scripts.Tests.Support.Fixtures;

namespace Retention.Scripts.Tests;

/// <summary>Conventions: registration in dependency injection, configuration binding (including host scripts) and start-up validation.</summary>
public class DependencyInjectionTests
{
    private static ServiceProvider Bound(string json, Action<ScriptOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddRetentionScripts(configure);
        services.AddOptions<ScriptOptions>().Bind(Json(json).GetSection(ScriptOptions.SectionName));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AddRetentionScripts_resolves_the_catalog_and_its_renderer_as_singletons()
    {
        using var provider = new ServiceCollection().AddRetentionScripts().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();

        var catalog = provider.GetRequiredService<ScriptCatalog>();

        Assert.Same(catalog, provider.GetRequiredService<ScriptCatalog>());
        Assert.Same(catalog.Renderer, provider.GetRequiredService<ScriptRenderer>());
        Assert.Equal(ScriptCatalog.BuiltIn.Ids, catalog.Ids);
        Assert.Equal("¥780", provider.GetRequiredService<ScriptRenderer>().FormatMoney(780m, ZhCn));
    }

    [Fact]
    public void Calling_AddRetentionScripts_twice_registers_one_of_each_and_applies_both_configure_delegates()
    {
        var services = new ServiceCollection();
        services.AddRetentionScripts(o => o.IncludeBuiltIns = false);
        services.AddRetentionScripts(o => o.Scripts.Add(Call("host.only", En)));

        foreach (var type in new[] { typeof(ScriptCatalog), typeof(ScriptRenderer), typeof(IValidateOptions<ScriptOptions>) })
        {
            Assert.Single(services, d => d.ServiceType == type);
        }

        using var provider = services.BuildServiceProvider();
        Assert.IsType<ScriptOptionsValidator>(Assert.Single(provider.GetServices<IValidateOptions<ScriptOptions>>()));
        Assert.Equal(["host.only"], provider.GetRequiredService<ScriptCatalog>().Ids);
    }

    [Fact]
    public void Null_services_are_bad_input()
    {
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => ScriptServiceCollectionExtensions.AddRetentionScripts(null!)).ParamName);
    }

    [Fact]
    public void Binding_the_Retention_Scripts_section_from_JSON_adds_and_overrides_scripts_and_formats()
    {
        const string json = """
            {
              "Retention": {
                "Scripts": {
                  "FallbackLocale": "en",
                  "Locales": {
                    "en": { "MoneyPrefix": "RMB ", "OptOutLine": "Text STOP to opt out" },
                    "en-GB": { "OptOutLine": "Reply STOP", "DatePattern": "dd/MM/uuuu", "MoneyPrefix": "£" }
                  },
                  "Placeholders": { "Gift": "Text", "GiftValue": "Money" },
                  "Scripts": [
                    {
                      "Id": "brand.gift",
                      "Locale": "en",
                      "Kind": "Message",
                      "Purpose": "Marketing",
                      "Title": "Gift",
                      "Audience": { "Tier": "Yellow", "Topic": "gift" },
                      "Parts": [ { "Say": "{StoreName}: your {Gift} worth {GiftValue} waits. {AdvisorName} {AdvisorPhone}. {OptOut}" } ]
                    },
                    {
                      "Id": "risk.yellow.supervisor-call",
                      "Locale": "en",
                      "Kind": "Call",
                      "Title": "Our own yellow call",
                      "Audience": { "Tier": "Yellow" },
                      "Parts": [ { "Direction": "Smile." }, { "Say": "Hello {CustomerName}, {SupervisorName} from {StoreName}." } ],
                      "Do": [ "Listen." ],
                      "Dont": [ "Sell." ]
                    }
                  ]
                }
              }
            }
            """;
        using var provider = Bound(json);
        provider.GetRequiredService<IStartupValidator>().Validate();
        var catalog = provider.GetRequiredService<ScriptCatalog>();
        var values = CompleteValues(En);
        values["Gift"] = "car wash";
        values["GiftValue"] = ScriptValue.Money(88m);

        var gift = catalog.Render("brand.gift", En, values);
        var yellow = catalog.Render("risk.yellow.supervisor-call", En, values);

        Assert.Equal("<StoreName>: your car wash worth RMB 88 waits. <AdvisorName> <AdvisorPhone>. Text STOP to opt out", gift.Text);
        Assert.Equal(new ScriptAudience { Tier = "Yellow", Topic = "gift" }, catalog.Get("brand.gift", En).Audience);
        Assert.Equal("Our own yellow call", yellow.Title);
        Assert.Equal([new RenderedPart(ScriptPartKind.Direction, "Smile."), new RenderedPart(ScriptPartKind.Line, "Hello <CustomerName>, <SupervisorName> from <StoreName>.")], yellow.Parts);
        Assert.Equal(["Listen."], yellow.Do);
        Assert.Equal(["Sell."], yellow.Dont);
        Assert.Equal(En, catalog.Get("brand.gift", ZhCn).Locale);
        Assert.Equal(ScriptCatalog.BuiltIn.Get("risk.yellow.supervisor-call", ZhCn).Title.Text, catalog.Get("risk.yellow.supervisor-call", ZhCn).Title.Text);
        Assert.Equal("£780", catalog.Renderer.FormatMoney(780m, "en-GB"));
        Assert.Equal("¥780", catalog.Renderer.FormatMoney(780m, ZhCn));
        Assert.Equal("d MMM uuuu", provider.GetRequiredService<IOptions<ScriptOptions>>().Value.Locales[En].DatePattern);
    }

    [Fact]
    public void Binding_catalog_files_from_configuration_loads_them()
    {
        using var file = new TempCatalogFile("""
            { "scripts": [ { "id": "brand.file", "locale": "zh-CN", "kind": "Letter", "title": "承诺书", "parts": [ { "say": "{StoreName}承诺：{CustomerName}的问题24小时内解决。" } ] } ] }
            """);
        using var provider = Bound($$"""{ "Retention": { "Scripts": { "IncludeBuiltIns": false, "CatalogFiles": [ "{{file.Path.Replace("\\", "\\\\", StringComparison.Ordinal)}}" ] } } }""");
        provider.GetRequiredService<IStartupValidator>().Validate();

        var catalog = provider.GetRequiredService<ScriptCatalog>();

        Assert.Equal(["brand.file"], catalog.Ids);
        Assert.Equal("〔StoreName〕承诺：〔CustomerName〕的问题24小时内解决。", catalog.Render("brand.file", ZhCn, CompleteValues()).Text);
    }

    [Fact]
    public void A_bad_host_script_in_configuration_fails_start_up_naming_the_option_path()
    {
        using var provider = Bound("""
            { "Retention": { "Scripts": { "Scripts": [
              { "Id": "brand.ok", "Locale": "en", "Kind": "Letter", "Title": "ok", "Parts": [ { "Say": "ok" } ] },
              { "Id": "brand.bad", "Locale": "en", "Kind": "Letter", "Title": "bad", "Parts": [ { "Say": "Hi {Nickname}" } ] }
            ] } } }
            """);

        var startup = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(startup.Failures);
        Assert.StartsWith("Scripts[1].Parts[0].Say (script brand.bad en): uses the unknown placeholder {Nickname}", failure, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ScriptCatalog>());
    }

    [Fact]
    public void A_marketing_message_without_opt_out_in_a_configure_delegate_fails_start_up()
    {
        using var provider = new ServiceCollection()
            .AddRetentionScripts(o => o.Scripts.Add(Message("brand.promo", En, "{StoreName}: {OfferItems}. {AdvisorName} {AdvisorPhone}", ScriptPurpose.Marketing)))
            .BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(e.Failures, f => f.StartsWith("Scripts[0].Parts[0] (script brand.promo en): a marketing message must end with the opt-out instruction", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_catalog_file_fails_start_up_with_its_position()
    {
        using var file = new TempCatalogFile("{\n  \"scripts\": [\n    { \"id\": \"a.b\", \"kind\": \"Sms\" }\n  ]\n}");
        using var provider = new ServiceCollection().AddRetentionScripts(o => o.CatalogFiles.Add(file.Path)).BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(e.Failures);
        Assert.StartsWith($"CatalogFiles ({file.Path}, line 3, column ", failure, StringComparison.Ordinal);
        Assert.Contains("$.scripts[0].kind", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_locale_configuration_fails_start_up_naming_the_option()
    {
        using var provider = Bound("""{ "Retention": { "Scripts": { "FallbackLocale": "fr", "Locales": { "en": { "DatePattern": "d MMM uuuu'" } } } } }""");

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(e.Failures, f => f.StartsWith("FallbackLocale: ", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("Locales[en].DatePattern: ", StringComparison.Ordinal));
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ScriptRenderer>());
    }

    [Fact]
    public void Binding_from_a_JSON_file_works_like_from_memory()
    {
        string path = Path.Combine(Path.GetTempPath(), $"retention-scripts-settings-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "Retention": { "Scripts": { "IncludeBuiltIns": false, "Scripts": [
              { "Id": "brand.call", "Locale": "zh-CN", "Title": "电话", "Parts": [ { "Say": "{CustomerName}您好" } ], "Do": [ "听" ], "Dont": [ "吵" ] } ] } } }
            """);
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(path).Build();
            var services = new ServiceCollection().AddRetentionScripts();
            services.AddOptions<ScriptOptions>().Bind(configuration.GetSection(ScriptOptions.SectionName));
            using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();

            var script = provider.GetRequiredService<ScriptCatalog>().Get("brand.call", "zh-TW");

            Assert.Equal((ScriptKind.Call, ScriptPurpose.Service, ZhCn), (script.Kind, script.Purpose, script.Locale));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Options_changed_after_the_catalog_is_resolved_do_not_change_it()
    {
        using var provider = new ServiceCollection().AddRetentionScripts(o => o.IncludeBuiltIns = false).BuildServiceProvider();
        var catalog = provider.GetRequiredService<ScriptCatalog>();

        provider.GetRequiredService<IOptions<ScriptOptions>>().Value.Scripts.Add(Call("late.add", En));

        Assert.Empty(catalog.Ids);
        Assert.Same(catalog, provider.GetRequiredService<ScriptCatalog>());
    }
}
