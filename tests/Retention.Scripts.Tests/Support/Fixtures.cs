using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace Retention.Scripts.Tests.Support;

/// <summary>Shared fixtures: options without the built-ins, script definitions, complete value sets, temporary catalog files.</summary>
internal static partial class Fixtures
{
    public const string ZhCn = "zh-CN";

    public const string En = "en";

    public static readonly string[] Locales = [ZhCn, En];

    /// <summary>24 Nov 2026, the day the examples are rendered for.</summary>
    public static readonly LocalDate Day = new(2026, 11, 24);

    /// <summary>Default options without the built-in catalog, plus the given host scripts.</summary>
    public static ScriptOptions Options(params ScriptDefinition[] scripts)
    {
        var options = new ScriptOptions { IncludeBuiltIns = false };
        options.Scripts.AddRange(scripts);
        return options;
    }

    /// <summary>A catalog without the built-ins, holding the given host scripts.</summary>
    public static ScriptCatalog Catalog(params ScriptDefinition[] scripts) => new(Options(scripts));

    /// <summary>A renderer with the default locale formats.</summary>
    public static readonly ScriptRenderer Renderer = new(new ScriptOptions { IncludeBuiltIns = false });

    /// <summary>A valid call script: one line, one direction, a do and a don't.</summary>
    public static ScriptDefinition Call(string id, string locale, string line = "您好，{CustomerName}{Honorific}，我是{StoreName}的{SupervisorName}。", ScriptAudience? audience = null) => new()
    {
        Id = id,
        Locale = locale,
        Kind = ScriptKind.Call,
        Title = $"{id} ({locale})",
        Audience = audience,
        Parts = [Say(line), Direct("Pause and wait.")],
        Do = ["Listen and take notes."],
        Dont = ["Do not argue."],
    };

    /// <summary>A valid service message naming the store, the advisor and the advisor's phone.</summary>
    public static ScriptDefinition Message(string id, string locale, string? line = null, ScriptPurpose purpose = ScriptPurpose.Service, ScriptAudience? audience = null) => new()
    {
        Id = id,
        Locale = locale,
        Kind = ScriptKind.Message,
        Purpose = purpose,
        Title = $"{id} ({locale})",
        Audience = audience,
        Parts = [Say(line ?? (purpose == ScriptPurpose.Marketing
            ? "{StoreName}: {OfferItems} until {OfferValidUntil}. {AdvisorName} {AdvisorPhone}. {OptOut}"
            : "{StoreName}: your car is ready at {ReadyAt}. {AdvisorName} {AdvisorPhone}"))],
    };

    public static ScriptPartDefinition Say(string text) => new() { Say = text };

    public static ScriptPartDefinition Direct(string text) => new() { Direction = text };

    /// <summary>A value of the right kind for every built-in placeholder (except <c>{OptOut}</c>, which the renderer fills).</summary>
    public static ScriptValues CompleteValues(string locale = ZhCn)
    {
        bool zh = locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var values = new ScriptValues();
        foreach (var (name, kind) in ScriptPlaceholders.BuiltIn)
        {
            if (name == ScriptPlaceholders.OptOut)
            {
                continue;
            }

            values[name] = kind switch
            {
                PlaceholderKind.Text => zh ? $"〔{name}〕" : $"<{name}>",
                PlaceholderKind.Number => ScriptValue.Number(7),
                PlaceholderKind.Money => ScriptValue.Money(780m),
                PlaceholderKind.Date => ScriptValue.Date(Day),
                PlaceholderKind.DateTime => ScriptValue.DateTime(Day.At(new LocalTime(14, 30))),
                _ => throw new InvalidOperationException($"{name} has an unexpected kind {kind}"),
            };
        }

        return values;
    }

    /// <summary>A copy of <paramref name="values"/> without the named ones.</summary>
    public static ScriptValues Without(ScriptValues values, params string[] names)
    {
        var copy = new ScriptValues();
        foreach (var (name, value) in values)
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                copy[name] = value;
            }
        }

        return copy;
    }

    /// <summary>A copy of <paramref name="values"/> with one value replaced.</summary>
    public static ScriptValues With(ScriptValues values, string name, ScriptValue value)
    {
        var copy = Without(values);
        copy[name] = value;
        return copy;
    }

    /// <summary>Any <c>{Name}</c> left in a rendered text.</summary>
    [GeneratedRegex(@"\{[A-Za-z][A-Za-z0-9]*\}", RegexOptions.CultureInvariant)]
    public static partial Regex LeftoverPlaceholder();

    private static readonly Regex Cjk = new(@"\p{IsCJKUnifiedIdeographs}", RegexOptions.CultureInvariant);

    /// <summary>Whether the text holds at least one CJK ideograph.</summary>
    public static bool HasCjk(string text) => Cjk.IsMatch(text);

    /// <summary>Configuration from a JSON string.</summary>
    public static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    /// <summary>The problems of a catalog that fails to build.</summary>
    public static IReadOnlyList<ScriptProblem> Problems(ScriptOptions options) =>
        Xunit.Assert.Throws<ScriptCatalogException>(() => new ScriptCatalog(options)).Problems;
}

/// <summary>A catalog file in the temp folder, deleted on dispose.</summary>
internal sealed class TempCatalogFile : IDisposable
{
    public TempCatalogFile(string json)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"retention-scripts-{Guid.NewGuid():N}.json");
        File.WriteAllText(Path, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
