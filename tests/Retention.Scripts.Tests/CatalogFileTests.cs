using System;
using System.IO;
using System.Linq;
using System.Text;
using Retention.Scripts.Tests.Support;
using Xunit;
using static Retention.Scripts.Tests.Support.Fixtures;

namespace Retention.Scripts.Tests;

/// <summary>
/// Spec section 1, "by loading a catalog file (JSON)": the JSON format of the built-in catalog, read with
/// source-generated System.Text.Json; a bad file gives a clear error with its position (line, column) and JSON path.
/// </summary>
public class CatalogFileTests
{
    private const string Good = """
        {
          "scripts": [
            {
              "id": "brand.welcome",
              "locale": "en",
              "kind": "Message",
              "purpose": "Transactional",
              "title": "Welcome",
              "audience": { "tier": "Yellow", "grade": "S", "segment": "Vip", "stage": "PreChurn", "valueTier": "High", "topic": "welcome", "step": "yellow.call" },
              "parts": [ { "say": "{StoreName} welcomes you. {AdvisorName} {AdvisorPhone}" } ]
            },
            {
              "id": "brand.visit",
              "locale": "zh-CN",
              "kind": "Visit",
              "title": "上门拜访",
              "parts": [ { "direction": "带上礼品" }, { "say": "{CustomerName}您好" } ],
              "do": [ "倾听" ],
              "dont": [ "争辩" ]
            }
          ]
        }
        """;

    private static ScriptProblem ParseError(string json)
    {
        var e = Assert.Throws<ScriptCatalogException>(() => ScriptCatalogFile.Parse(json, "host.json"));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("host.json", problem.Source);
        Assert.Contains($"host.json line {problem.Line}, column {problem.Column}", e.Message, StringComparison.Ordinal);
        return problem;
    }

    [Fact]
    public void A_good_file_parses_into_definitions_in_file_order()
    {
        var definitions = ScriptCatalogFile.Parse(Good, "host.json");

        Assert.Equal(2, definitions.Count);
        var welcome = definitions[0];
        Assert.Equal(("brand.welcome", En, ScriptKind.Message, ScriptPurpose.Transactional, "Welcome"), (welcome.Id, welcome.Locale, welcome.Kind, welcome.Purpose, welcome.Title));
        Assert.Equal(new ScriptAudience { Tier = "Yellow", Grade = "S", Segment = "Vip", Stage = "PreChurn", ValueTier = "High", Topic = "welcome", Step = "yellow.call" }, welcome.Audience);
        Assert.Equal("{StoreName} welcomes you. {AdvisorName} {AdvisorPhone}", Assert.Single(welcome.Parts).Say);
        Assert.Empty(welcome.Do);
        var visit = definitions[1];
        Assert.Equal((ScriptKind.Visit, ScriptPurpose.Service), (visit.Kind, visit.Purpose));
        Assert.Null(visit.Audience);
        Assert.Equal(("带上礼品", (string?)null), (visit.Parts[0].Direction, visit.Parts[0].Say));
        Assert.Equal(["倾听"], visit.Do);
        Assert.Equal(["争辩"], visit.Dont);
    }

    [Fact]
    public void Bytes_and_text_parse_alike_and_a_loaded_file_builds_a_catalog()
    {
        Assert.Equal(2, ScriptCatalogFile.Parse(Encoding.UTF8.GetBytes(Good), "host.json").Count);
        using var file = new TempCatalogFile(Good);
        Assert.Equal(2, ScriptCatalogFile.Load(file.Path).Count);
        var options = Options();
        options.CatalogFiles.Add(file.Path);

        var catalog = new ScriptCatalog(options);

        Assert.Equal(["brand.visit", "brand.welcome"], catalog.Ids);
        Assert.Equal("〔CustomerName〕您好", catalog.Render("brand.visit", ZhCn, CompleteValues()).Text);
    }

    [Fact]
    public void A_file_saved_with_a_UTF8_byte_order_mark_loads()
    {
        string path = Path.Combine(Path.GetTempPath(), $"retention-scripts-bom-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Good, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            Assert.Equal(2, ScriptCatalogFile.Load(path).Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_syntax_error_gives_the_line_and_column()
    {
        var problem = ParseError("""
            {
              "scripts": [
                { "id": "a.b" "locale": "en" }
              ]
            }
            """);

        Assert.Equal(3, problem.Line);
        Assert.Equal(19, problem.Column);
        Assert.DoesNotContain("LineNumber", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_property_gives_its_line_and_JSON_path()
    {
        var problem = ParseError("""
            {
              "scripts": [
                {
                  "id": "a.b",
                  "colour": "red",
                  "locale": "en"
                }
              ]
            }
            """);

        Assert.Equal(5, problem.Line);
        Assert.NotNull(problem.Column);
        Assert.Contains("colour", problem.Message + problem.Path, StringComparison.Ordinal);
        Assert.StartsWith("$.scripts[0]", problem.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_property_in_the_audience_or_a_part_is_an_error()
    {
        Assert.Equal(2, ParseError("""
            { "scripts": [ { "id": "a.b",
              "audience": { "tier": "Yellow", "colour": "red" } } ] }
            """).Line);
        Assert.Equal(3, ParseError("""
            { "scripts": [ { "id": "a.b",
              "parts": [
                { "sya": "hello" } ] } ] }
            """).Line);
    }

    [Fact]
    public void Property_names_are_camel_case_and_compare_exactly()
    {
        var problem = ParseError("""{ "Scripts": [] }""");

        Assert.Equal(1, problem.Line);
        Assert.Contains("Scripts", problem.Message + problem.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_enum_value_gives_its_line_and_JSON_path()
    {
        var problem = ParseError("""
            {
              "scripts": [
                {
                  "id": "a.b",
                  "kind": "Sms"
                }
              ]
            }
            """);

        Assert.Equal(5, problem.Line);
        Assert.Equal("$.scripts[0].kind", problem.Path);
        Assert.NotNull(problem.Column);
    }

    [Fact]
    public void A_wrong_purpose_value_or_a_value_of_the_wrong_type_gives_its_path()
    {
        Assert.Equal("$.scripts[0].purpose", ParseError("""{ "scripts": [ { "purpose": "Promo" } ] }""").Path);
        Assert.Equal("$.scripts[0].parts", ParseError("""{ "scripts": [ { "parts": "hello" } ] }""").Path);
        Assert.Equal("$.scripts[0].do", ParseError("""{ "scripts": [ { "do": [ 1 ] } ] }""").Path[..15]);
        Assert.Equal("$.scripts[0].title", ParseError("""{ "scripts": [ { "title": { "en": "x" } } ] }""").Path);
    }

    [Fact]
    public void A_numeric_kind_outside_the_enum_is_rejected_by_validation_with_the_JSON_path()
    {
        using var file = new TempCatalogFile("""{ "scripts": [ { "id": "a.b", "locale": "en", "kind": 7, "title": "t", "parts": [ { "say": "hi" } ] } ] }""");
        var options = Options();
        options.CatalogFiles.Add(file.Path);

        var problem = Assert.Single(Problems(options));

        Assert.Equal("$.scripts[0].kind", problem.Path);
        Assert.Contains("must be Call, Message, Visit or Letter (was 7)", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "scripts": null }""")]
    [InlineData("null")]
    public void A_file_without_a_scripts_array_is_rejected_at_its_start(string json)
    {
        var problem = ParseError(json);

        Assert.Equal((1L, 1L), (problem.Line, problem.Column));
        Assert.Equal("$", problem.Path);
        Assert.Contains("\"scripts\" array", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{ "scripts": {} }""")]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void A_file_of_the_wrong_shape_or_empty_is_rejected_with_a_position(string json)
    {
        var problem = ParseError(json);

        Assert.NotNull(problem.Line);
        Assert.True(problem.Line >= 1);
        Assert.True(problem.Column >= 1);
    }

    [Fact]
    public void A_file_error_carries_the_file_path_through_the_catalog_and_the_validator()
    {
        using var file = new TempCatalogFile("""
            {
              "scripts": [
                { "id": "a.b", "kind": "Fax" }
              ]
            }
            """);
        var options = Options();
        options.CatalogFiles.Add(file.Path);

        var problem = Assert.Single(Problems(options));
        string error = Assert.Single(ScriptOptionsValidator.Collect(options));

        Assert.Equal(file.Path, problem.Source);
        Assert.Equal(3, problem.Line);
        Assert.StartsWith($"CatalogFiles ({file.Path}, line 3, column {problem.Column}) $.scripts[0].kind: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_reported_naming_it()
    {
        string path = Path.Combine(Path.GetTempPath(), $"retention-scripts-missing-{Guid.NewGuid():N}.json");
        var options = Options();
        options.CatalogFiles.Add(path);

        var problem = Assert.Single(Problems(options));

        Assert.Equal(path, problem.Source);
        Assert.Contains("cannot read the file", problem.Message, StringComparison.Ordinal);
        Assert.Null(problem.Line);
        Assert.Throws<ScriptCatalogException>(() => ScriptCatalogFile.Load(path));
    }

    [Fact]
    public void Problems_of_several_files_are_all_reported()
    {
        using var syntax = new TempCatalogFile("{ \"scripts\": [ ");
        using var semantic = new TempCatalogFile("""{ "scripts": [ { "id": "a.b", "locale": "en", "title": "t", "parts": [ { "say": "{Nope}" } ], "do": ["a"], "dont": ["b"] } ] }""");
        var options = Options();
        options.CatalogFiles.AddRange([syntax.Path, semantic.Path]);

        var problems = Problems(options);

        Assert.Equal([syntax.Path, semantic.Path], problems.Select(p => p.Source));
        Assert.Equal("$.scripts[0].parts[0].say", problems[1].Path);
        Assert.Null(problems[1].Line);
    }

    [Fact]
    public void Null_arguments_are_bad_input()
    {
        Assert.Throws<ArgumentNullException>(() => ScriptCatalogFile.Parse((string)null!, "x"));
        Assert.Throws<ArgumentNullException>(() => ScriptCatalogFile.Parse("{}", null!));
        Assert.Throws<ArgumentNullException>(() => ScriptCatalogFile.Load(null!));
    }
}
