using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Options;

namespace Retention.Scripts;

/// <summary>
/// The talk tracks and message templates a host can use: the built-in catalog (every script of scripts.md section 3 in
/// zh-CN and en), then the host's catalog files, then the host's scripts from options; a later script with the same id
/// and locale replaces an earlier one. Every script is checked when the catalog is built: well-formed templates, only
/// known placeholders, and the message compliance rules. Look up by id or by audience, with a fallback locale; render
/// with <see cref="Render(string, string, ScriptValues)"/>.
/// </summary>
/// <remarks>Immutable and thread-safe once built.</remarks>
public sealed class ScriptCatalog
{
    private static readonly string[] BuiltInFiles = ["risk", "objections", "nps", "churn", "followup"];

    private readonly Dictionary<string, Dictionary<string, Script>> byId;
    private readonly string fallbackLocale;

    /// <summary>Builds the catalog from validated options (for dependency injection).</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ScriptCatalogException">A script or catalog file is invalid; every problem is listed.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public ScriptCatalog(IOptions<ScriptOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>Builds the catalog from options (without dependency injection).</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ScriptCatalogException">A script or catalog file is invalid; every problem is listed.</exception>
    /// <exception cref="OptionsValidationException">The options themselves are invalid (locales, patterns, placeholders).</exception>
    public ScriptCatalog(ScriptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var optionErrors = ScriptOptionsValidator.CollectOptionErrors(options);
        if (optionErrors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ScriptOptions), optionErrors);
        }

        fallbackLocale = options.FallbackLocale; // copied: the catalog never changes after it is built
        var problems = new List<ScriptProblem>();
        var scripts = Load(options, problems);
        if (problems.Count > 0)
        {
            throw new ScriptCatalogException(problems);
        }

        byId = new(StringComparer.Ordinal);
        foreach (var script in scripts)
        {
            if (!byId.TryGetValue(script.Id, out var locales))
            {
                byId[script.Id] = locales = new(StringComparer.OrdinalIgnoreCase);
            }

            locales[script.Locale] = script;
        }

        Scripts = byId.OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => p.Value.Values.OrderBy(s => s.Locale, StringComparer.OrdinalIgnoreCase))
            .ToArray()
            .AsReadOnly();
        Ids = byId.Keys.Order(StringComparer.Ordinal).ToArray().AsReadOnly();
        Renderer = new ScriptRenderer(options, validated: true);
    }

    /// <summary>The catalog of built-in scripts with default options.</summary>
    public static ScriptCatalog BuiltIn => BuiltInHolder.Value;

    /// <summary>Every script, ordered by id then locale.</summary>
    public IReadOnlyList<Script> Scripts { get; }

    /// <summary>Every script id, ordered.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>The renderer, with the catalog's locale formats.</summary>
    public ScriptRenderer Renderer { get; }

    /// <summary>Gets a script by id in a locale, falling back to the locale's language and then to <see cref="ScriptOptions.FallbackLocale"/>.</summary>
    /// <param name="id">The script id.</param>
    /// <param name="locale">The wanted locale (<c>zh-CN</c>, <c>en</c>, <c>en-GB</c>, ...).</param>
    /// <returns>The script; its <see cref="Script.Locale"/> says which locale was found.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No script has the id, in the locale or the fallback locale.</exception>
    public Script Get(string id, string locale)
    {
        if (TryGet(id, locale, out var script))
        {
            return script;
        }

        throw new KeyNotFoundException(byId.TryGetValue(id, out var locales)
            ? $"Script '{id}' exists in {string.Join(", ", locales.Keys.Order(StringComparer.Ordinal))} but not in '{locale}' nor in the fallback locale '{fallbackLocale}'."
            : $"No script has the id '{id}'.");
    }

    /// <summary>Looks up a script by id in a locale, with the same fallback as <see cref="Get"/>.</summary>
    /// <param name="id">The script id.</param>
    /// <param name="locale">The wanted locale.</param>
    /// <param name="script">The script, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public bool TryGet(string id, string locale, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Script? script)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(locale);
        script = null;
        return byId.TryGetValue(id, out var locales) && (script = Resolve(locales, locale)) is not null;
    }

    /// <summary>
    /// Finds the scripts for an audience (tier, grade, segment, stage, value tier, topic, workflow step) in a locale:
    /// every script whose audience has each field the query sets, one per id, with the locale fallback of <see cref="Get"/>.
    /// </summary>
    /// <param name="query">The fields to match; fields left <see langword="null"/> match anything. An empty query returns every script.</param>
    /// <param name="locale">The wanted locale.</param>
    /// <returns>The scripts, ordered by id.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public IReadOnlyList<Script> Find(ScriptAudience query, string locale)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(locale);
        var found = new List<Script>();
        foreach (string id in Ids)
        {
            var script = Resolve(byId[id], locale);
            if (script is not null && script.Audience.Matches(query))
            {
                found.Add(script);
            }
        }

        return found.AsReadOnly();
    }

    /// <summary>Gets a script with <see cref="Get"/> and renders it.</summary>
    /// <param name="id">The script id.</param>
    /// <param name="locale">The wanted locale.</param>
    /// <param name="values">The placeholder values.</param>
    /// <returns>The rendered script.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No such script.</exception>
    /// <exception cref="ScriptRenderException">Values are missing or of the wrong kind (every one is named).</exception>
    /// <exception cref="MessageComplianceException">A message would break a compliance rule.</exception>
    public RenderedScript Render(string id, string locale, ScriptValues values) => Renderer.Render(Get(id, locale), values);

    private Script? Resolve(Dictionary<string, Script> locales, string locale)
    {
        if (locales.TryGetValue(locale, out var exact))
        {
            return exact;
        }

        string language = Language(locale);
        foreach (var (key, script) in locales.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (string.Equals(Language(key), language, StringComparison.OrdinalIgnoreCase))
            {
                return script;
            }
        }

        return locales.TryGetValue(fallbackLocale, out var fallback) ? fallback : null;

        static string Language(string name)
        {
            int dash = name.IndexOf('-', StringComparison.Ordinal);
            return dash < 0 ? name : name[..dash];
        }
    }

    private static List<Script> Load(ScriptOptions options, List<ScriptProblem> problems)
    {
        var merged = new Dictionary<(string Id, string Locale), Script>();
        var known = ScriptOptionsValidator.KnownPlaceholders(options);
        void AddAll(IReadOnlyList<ScriptDefinition> definitions, string source, string prefix, bool json)
        {
            var seen = new HashSet<(string, string)>();
            for (int i = 0; i < definitions.Count; i++)
            {
                string path = json ? $"$.scripts[{i}]" : $"{prefix}[{i}]";
                var script = ScriptValidation.Check(definitions[i], source, path, json, options, known, problems);
                if (script is null)
                {
                    continue;
                }

                var key = (script.Id, script.Locale.ToUpperInvariant());
                if (!seen.Add(key))
                {
                    problems.Add(new ScriptProblem(source, path, $"a second script with id '{script.Id}' and locale '{script.Locale}' in the same source") { Id = script.Id, Locale = script.Locale });
                    continue;
                }

                merged[key] = script;
            }
        }

        if (options.IncludeBuiltIns)
        {
            var assembly = typeof(ScriptCatalog).Assembly;
            foreach (string name in BuiltInFiles)
            {
                string source = $"built-in {name}.json";
                using var stream = assembly.GetManifestResourceStream($"Retention.Scripts.BuiltIn.{name}.json")
                    ?? throw new InvalidOperationException($"The package is damaged: the resource for {source} is missing.");
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                AddAll(ScriptCatalogFile.Parse(memory.ToArray(), source), source, string.Empty, json: true);
            }
        }

        for (int f = 0; f < options.CatalogFiles.Count; f++)
        {
            string? file = options.CatalogFiles[f];
            if (string.IsNullOrWhiteSpace(file))
            {
                problems.Add(new ScriptProblem("options", $"CatalogFiles[{f}]", "must be a file path"));
                continue;
            }

            try
            {
                AddAll(ScriptCatalogFile.Load(file), file, string.Empty, json: true);
            }
            catch (ScriptCatalogException e)
            {
                problems.AddRange(e.Problems);
            }
        }

        AddAll(options.Scripts, "options", "Scripts", json: false);
        return merged.Values.ToList();
    }

    private static class BuiltInHolder
    {
        // Built on first use, once; immutable afterwards.
        internal static readonly ScriptCatalog Value = new(new ScriptOptions());
    }
}
