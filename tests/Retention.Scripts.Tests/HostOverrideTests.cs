using System;
using System.Linq;
using Retention.Scripts.Tests.Support;
using Xunit;
using static Retention.Scripts.Tests.Support.Fixtures;

namespace Retention.Scripts.Tests;

/// <summary>
/// Spec section 1, "Hosts add or override scripts (their brand name, their offers) through options or by loading a
/// catalog file (JSON); overrides are validated like the built-ins": built-ins, then catalog files in order, then
/// <see cref="ScriptOptions.Scripts"/>; a later script with the same id and locale replaces the earlier one.
/// </summary>
public class HostOverrideTests
{
    private const string BuiltInId = "risk.yellow.supervisor-call";

    private static string FileWith(string id, string locale, string line) => $$"""
        {
          // a host catalog file: comments and trailing commas are allowed
          "scripts": [
            {
              "id": "{{id}}", "locale": "{{locale}}", "kind": "Call", "title": "{{id}} from a file",
              "audience": { "tier": "Yellow" },
              "parts": [ { "say": "{{line}}" }, { "direction": "Listen." }, ],
              "do": [ "Listen." ], "dont": [ "Argue." ],
            },
          ],
        }
        """;

    [Fact]
    public void A_host_script_from_options_adds_a_new_id_next_to_the_built_ins()
    {
        var options = new ScriptOptions();
        options.Scripts.Add(Call("brand.welcome", En, "Welcome to {StoreName}, {CustomerName}."));

        var catalog = new ScriptCatalog(options);

        Assert.Equal(ScriptCatalog.BuiltIn.Ids.Count + 1, catalog.Ids.Count);
        Assert.Contains("brand.welcome", catalog.Ids);
        Assert.Equal(ScriptCatalog.BuiltIn.Scripts.Count + 1, catalog.Scripts.Count);
        Assert.Equal("Welcome to <StoreName>, <CustomerName>.", catalog.Render("brand.welcome", En, CompleteValues(En)).Text);
        Assert.Equal(ScriptCatalog.BuiltIn.Get(BuiltInId, En).Title.Text, catalog.Get(BuiltInId, En).Title.Text);
    }

    [Fact]
    public void A_host_script_with_a_built_in_id_and_locale_replaces_only_that_version()
    {
        var options = new ScriptOptions();
        options.Scripts.Add(Call(BuiltInId, En, "Hi {CustomerName}, {SupervisorName} from {StoreName} here, our brand cares.", new ScriptAudience { Tier = "Yellow" }));

        var catalog = new ScriptCatalog(options);

        Assert.Equal(ScriptCatalog.BuiltIn.Ids, catalog.Ids);
        Assert.Equal(ScriptCatalog.BuiltIn.Scripts.Count, catalog.Scripts.Count);
        Assert.Equal("Hi <CustomerName>, <SupervisorName> from <StoreName> here, our brand cares.", catalog.Render(BuiltInId, En, CompleteValues(En)).Text);
        Assert.Equal($"{BuiltInId} ({En})", catalog.Get(BuiltInId, En).Title.Text);
        Assert.Equal(ScriptCatalog.BuiltIn.Get(BuiltInId, ZhCn).Title.Text, catalog.Get(BuiltInId, ZhCn).Title.Text);
        Assert.Equal(
            ScriptCatalog.BuiltIn.Render(BuiltInId, ZhCn, CompleteValues(ZhCn)).Text,
            catalog.Render(BuiltInId, ZhCn, CompleteValues(ZhCn)).Text);
    }

    [Fact]
    public void An_override_matches_the_locale_ignoring_case()
    {
        var options = new ScriptOptions();
        options.Scripts.Add(Call(BuiltInId, "ZH-cn", "{CustomerName}您好，{StoreName}。"));

        var catalog = new ScriptCatalog(options);

        Assert.Equal(ScriptCatalog.BuiltIn.Scripts.Count, catalog.Scripts.Count);
        Assert.Equal("〔CustomerName〕您好，〔StoreName〕。", catalog.Render(BuiltInId, ZhCn, CompleteValues(ZhCn)).Text);
    }

    [Fact]
    public void Without_the_built_ins_only_the_host_scripts_are_there()
    {
        var catalog = Catalog(Call("brand.a", En), Call("brand.b", ZhCn), Call("brand.a", ZhCn));

        Assert.Equal(["brand.a", "brand.b"], catalog.Ids);
        Assert.Equal([("brand.a", En), ("brand.a", ZhCn), ("brand.b", ZhCn)], catalog.Scripts.Select(s => (s.Id, s.Locale)));
    }

    [Fact]
    public void Catalog_files_load_in_order_and_options_scripts_override_them()
    {
        using var first = new TempCatalogFile(FileWith("brand.call", En, "first {CustomerName}"));
        using var second = new TempCatalogFile(FileWith("brand.call", En, "second {CustomerName}"));
        using var other = new TempCatalogFile(FileWith("brand.other", ZhCn, "other {CustomerName}"));
        var options = Options();
        options.CatalogFiles.AddRange([first.Path, second.Path, other.Path]);
        var values = new ScriptValues { ["CustomerName"] = "Wang" };

        var files = new ScriptCatalog(options);
        options.Scripts.Add(Call("brand.call", En, "options {CustomerName}"));
        var withOptions = new ScriptCatalog(options);

        Assert.Equal(["brand.call", "brand.other"], files.Ids);
        Assert.Equal("second Wang", files.Render("brand.call", En, values).Text);
        Assert.Equal("other Wang", files.Render("brand.other", ZhCn, values).Text);
        Assert.Equal("options Wang", withOptions.Render("brand.call", En, values).Text);
        Assert.Equal("brand.call from a file", files.Get("brand.call", En).Title.Text);
        Assert.Equal(new ScriptAudience { Tier = "Yellow" }, files.Get("brand.call", En).Audience);
    }

    [Fact]
    public void A_catalog_file_overrides_a_built_in()
    {
        using var file = new TempCatalogFile(FileWith(BuiltInId, ZhCn, "{CustomerName}您好，这是文件里的版本。"));
        var options = new ScriptOptions();
        options.CatalogFiles.Add(file.Path);

        var catalog = new ScriptCatalog(options);

        Assert.Equal("〔CustomerName〕您好，这是文件里的版本。", catalog.Render(BuiltInId, ZhCn, CompleteValues(ZhCn)).Text);
        Assert.Equal(ScriptCatalog.BuiltIn.Scripts.Count, catalog.Scripts.Count);
    }

    [Fact]
    public void An_override_is_validated_like_a_built_in_and_does_not_replace_it_when_bad()
    {
        var options = new ScriptOptions();
        var bad = Call(BuiltInId, En, "Hi {CustomerName}, {Brand} cares.");
        bad.Dont = [];
        options.Scripts.Add(bad);

        var problems = Problems(options);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Path == "Scripts[0].Parts[0].Say" && p.Message.Contains("{Brand}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "Scripts[0].Dont" && p.Message.Contains("what not to do", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Equal((BuiltInId, En), (p.Id, p.Locale)));
    }

    [Fact]
    public void Every_bad_host_script_is_reported_not_just_the_first()
    {
        using var file = new TempCatalogFile("""{ "scripts": [ { "id": "Bad Id", "locale": "en", "title": "x", "parts": [ { "say": "hi" } ], "do": ["a"], "dont": ["b"] } ] }""");
        var options = Options(Call("host.ok", En), Message("host.msg", "fr"), Call("host.call", En, "{Nope}"));
        options.CatalogFiles.Add(file.Path);

        var problems = Problems(options);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Source == file.Path && p.Path == "$.scripts[0].id");
        Assert.Contains(problems, p => p.Source == "options" && p.Path == "Scripts[1].Locale" && p.Message.Contains("(en, zh-CN)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Source == "options" && p.Path == "Scripts[2].Parts[0].Say");
        Assert.Equal(3, Assert.Throws<ScriptCatalogException>(() => new ScriptCatalog(options)).Message.Split('\n').Length - 1);
    }

    [Fact]
    public void Two_scripts_with_the_same_id_and_locale_in_one_source_are_rejected()
    {
        var problem = Assert.Single(Problems(Options(Call("host.twice", En), Call("host.other", En), Call("host.twice", "EN"))));

        Assert.Equal("Scripts[2]", problem.Path);
        Assert.Contains("a second script with id 'host.twice'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_scripts_with_the_same_id_and_locale_in_one_file_are_rejected()
    {
        using var file = new TempCatalogFile($$"""{ "scripts": [ {{Entry("host.twice")}}, {{Entry("host.twice")}} ] }""");
        var options = Options();
        options.CatalogFiles.Add(file.Path);

        var problem = Assert.Single(Problems(options));

        Assert.Equal("$.scripts[1]", problem.Path);
        Assert.Equal(file.Path, problem.Source);

        static string Entry(string id) => $$"""{ "id": "{{id}}", "locale": "en", "title": "x", "parts": [ { "say": "hi" } ], "do": ["a"], "dont": ["b"] }""";
    }

    [Theory]
    [InlineData(ScriptKind.Call)]
    [InlineData(ScriptKind.Visit)]
    public void A_call_or_visit_script_needs_both_a_do_and_a_dont_list(ScriptKind kind)
    {
        var noDo = Call("host.nodo", En);
        noDo.Kind = kind;
        noDo.Do = [];
        var noDont = Call("host.nodont", En);
        noDont.Kind = kind;
        noDont.Dont = [];

        var problems = Problems(Options(noDo, noDont));

        Assert.Equal(["Scripts[0].Do", "Scripts[1].Dont"], problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.Contains("must say what to do and what not to do", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_letter_needs_no_do_or_dont_list()
    {
        var letter = Call("host.letter", En, "Dear {CustomerName}, {StoreName} promises a reply within 2 hours.");
        letter.Kind = ScriptKind.Letter;
        letter.Parts = [Say(letter.Parts[0].Say!)];
        letter.Do = [];
        letter.Dont = [];

        Assert.Equal("Dear <CustomerName>, <StoreName> promises a reply within 2 hours.", Catalog(letter).Render("host.letter", En, CompleteValues(En)).Text);
    }

    [Fact]
    public void Malformed_host_definitions_are_rejected_with_their_paths()
    {
        var script = new ScriptDefinition
        {
            Id = "host.shape",
            Locale = En,
            Kind = (ScriptKind)9,
            Purpose = (ScriptPurpose)5,
            Title = " ",
            Parts = [new ScriptPartDefinition(), new ScriptPartDefinition { Say = "a", Direction = "b" }, Say(" "), null!],
            Do = [null!],
            Dont = ["{"],
        };

        var paths = Problems(Options(script)).Select(p => p.Path).ToArray();

        Assert.Equal(
            [
                "Scripts[0].Do[0]", "Scripts[0].Dont[0]", "Scripts[0].Kind", "Scripts[0].Parts[0]", "Scripts[0].Parts[1]",
                "Scripts[0].Parts[2].Say", "Scripts[0].Parts[3]", "Scripts[0].Purpose", "Scripts[0].Title",
            ],
            paths.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_script_with_no_parts_or_only_directions_is_rejected()
    {
        var empty = Call("host.empty", En);
        empty.Parts = [];
        var quiet = Call("host.quiet", En);
        quiet.Parts = [Direct("Smile.")];

        var problems = Problems(Options(empty, quiet));

        Assert.Contains(problems, p => p.Path == "Scripts[0].Parts" && p.Message.Contains("at least one part", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "Scripts[1].Parts" && p.Message.Contains("at least one line", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void A_null_host_script_or_a_blank_catalog_file_path_is_reported()
    {
        var options = Options(new ScriptDefinition[] { null! });
        options.CatalogFiles.Add(" ");

        var problems = Problems(options);

        Assert.Contains(problems, p => p.Path == "Scripts[0]" && p.Message == "is empty");
        Assert.Contains(problems, p => p.Path == "CatalogFiles[0]" && p.Message.Contains("file path", StringComparison.Ordinal));
    }
}
