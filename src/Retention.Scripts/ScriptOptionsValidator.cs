using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;
using NodaTime.Text;

namespace Retention.Scripts;

/// <summary>
/// Validates <see cref="ScriptOptions"/>: the locales and their formats, the fallback locale, the host placeholders, and
/// (by building the catalog) every host script and catalog file. Each failure names the option path, for example
/// <c>Locales[en].DatePattern</c>, <c>Scripts[2].Parts[0].Say</c>, or the catalog file with its line and column.
/// </summary>
/// <remarks>Stateless and thread-safe; registered by <c>AddRetentionScripts</c> and run at start-up.</remarks>
public sealed class ScriptOptionsValidator : IValidateOptions<ScriptOptions>
{
    /// <summary>Validates the options.</summary>
    /// <param name="name">The options name (unused).</param>
    /// <param name="options">The options.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    public ValidateOptionsResult Validate(string? name, ScriptOptions options)
    {
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Lists every problem with the options and the scripts they bring; empty when they are valid.</summary>
    /// <param name="options">The options.</param>
    /// <returns>One message per problem, each starting with the option's path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> Collect(ScriptOptions options)
    {
        var errors = CollectOptionErrors(options);
        if (errors.Count > 0)
        {
            return errors;
        }

        try
        {
            _ = new ScriptCatalog(options);
        }
        catch (ScriptCatalogException e)
        {
            foreach (var p in e.Problems)
            {
                string position = p.Line is long line ? $", line {line}, column {p.Column}" : string.Empty;
                string script = p.Id is null ? string.Empty : $" (script {p.Id}{(p.Locale is null ? string.Empty : " " + p.Locale)})";
                errors.Add(p.Source == "options" ? $"{p.Path}{script}: {p.Message}."
                    : p.Source.StartsWith("built-in ", StringComparison.Ordinal) ? $"IncludeBuiltIns ({p.Source}{position}) {p.Path}{script}: {p.Message}."
                    : $"CatalogFiles ({p.Source}{position}) {p.Path}{script}: {p.Message}.");
            }
        }

        return errors;
    }

    internal static List<string> CollectOptionErrors(ScriptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Add(string path, string message) => errors.Add($"{path}: {message}.");

        if (options.Locales is null || options.Locales.Count == 0)
        {
            Add("Locales", "must name at least one locale");
        }
        else
        {
            foreach (var (locale, format) in options.Locales.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                string at = $"Locales[{locale}]";
                if (!Script.IsValidLocale(locale))
                {
                    Add(at, $"\"{locale}\" is not a culture name such as zh-CN or en");
                }

                if (format is null)
                {
                    Add(at, "must not be empty");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(format.OptOutLine))
                {
                    Add($"{at}.OptOutLine", "must not be blank: marketing messages end with it");
                }
                else if (format.OptOutLine.Contains('{', StringComparison.Ordinal) || format.OptOutLine.Contains('}', StringComparison.Ordinal))
                {
                    Add($"{at}.OptOutLine", "must not contain braces");
                }

                Pattern(() => LocalDatePattern.Create(format.DatePattern ?? string.Empty, System.Globalization.CultureInfo.InvariantCulture), $"{at}.DatePattern", format.DatePattern);
                Pattern(() => LocalDateTimePattern.Create(format.DateTimePattern ?? string.Empty, System.Globalization.CultureInfo.InvariantCulture), $"{at}.DateTimePattern", format.DateTimePattern);
                if (format.MoneyPrefix is null)
                {
                    Add($"{at}.MoneyPrefix", "must not be null (use an empty string for none)");
                }

                if (format.MoneySuffix is null)
                {
                    Add($"{at}.MoneySuffix", "must not be null (use an empty string for none)");
                }
            }

            if (options.FallbackLocale is null || !options.Locales.ContainsKey(options.FallbackLocale))
            {
                Add("FallbackLocale", $"must be one of Locales ({string.Join(", ", options.Locales.Keys.Order(StringComparer.Ordinal))}) (was \"{options.FallbackLocale}\")");
            }
        }

        if (options.CatalogFiles is null)
        {
            Add("CatalogFiles", "must not be null");
        }

        if (options.Scripts is null)
        {
            Add("Scripts", "must not be null");
        }

        if (options.Placeholders is null)
        {
            Add("Placeholders", "must not be null");
        }
        else
        {
            foreach (var (name, kind) in options.Placeholders.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                string at = $"Placeholders[{name}]";
                if (!IsName(name))
                {
                    Add(at, "a placeholder name is a letter followed by letters or digits");
                }

                if (!Enum.IsDefined(kind))
                {
                    Add(at, $"must be Text, Number, Money, Date or DateTime (was {kind})");
                }
                else if (ScriptPlaceholders.BuiltIn.TryGetValue(name, out var builtIn) && builtIn != kind)
                {
                    Add(at, $"is a built-in {builtIn} placeholder and cannot be redeclared as {kind}");
                }
            }
        }

        return errors;

        void Pattern(Action create, string path, string? pattern)
        {
            try
            {
                create();
            }
            catch (Exception e) when (e is NodaTime.Text.InvalidPatternException or ArgumentException)
            {
                Add(path, $"is not a valid NodaTime pattern (was \"{pattern}\"): {e.Message}");
            }
        }

        static bool IsName(string name) =>
            name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);
    }

    internal static IReadOnlyDictionary<string, PlaceholderKind> KnownPlaceholders(ScriptOptions options)
    {
        var known = new Dictionary<string, PlaceholderKind>(ScriptPlaceholders.BuiltIn, StringComparer.Ordinal);
        foreach (var (name, kind) in options.Placeholders)
        {
            known[name] = kind;
        }

        return known;
    }
}
