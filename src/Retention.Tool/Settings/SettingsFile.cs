using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Retention.Contact;
using Retention.Nps;
using Retention.Scoring;
using Retention.Scripts;
using Retention.Workflows;

namespace Retention.Tool.Settings;

/// <summary>One problem with a settings file: the configuration path of the option (as in appsettings.json) and why.</summary>
/// <param name="Path">The option's configuration path, for example <c>Retention:Scoring:Tiers:OrangeFrom</c>.</param>
/// <param name="Message">What is wrong, in the validator's words.</param>
internal sealed record OptionsProblem(string Path, string Message)
{
    /// <summary><c>Path: message</c>.</summary>
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Every Retention package's options bound from one appsettings.json file, as a host binds them, and every problem the
/// binder and the packages' validators found. The sections under the root section (default <c>Retention</c>) are
/// <c>Scoring</c>, <c>Nps</c>, <c>Contact</c>, <c>Scripts</c> and <c>Workflows</c> (with <c>Workflows:Triggers</c>,
/// <c>Workflows:Kpis</c> and <c>Workflows:Routing</c>); a missing section keeps the package's defaults. Keys that match
/// no option are problems too (a misspelt option would silently keep its default).
/// </summary>
internal sealed class SettingsFile
{
    private SettingsFile(string path, string section)
    {
        Path = path;
        Section = section;
    }

    /// <summary>The file's full path, or an empty string for the defaults.</summary>
    public string Path { get; }

    /// <summary>The root section, for example <c>Retention</c>.</summary>
    public string Section { get; }

    /// <summary>Whether the file has the root section at all.</summary>
    public bool SectionFound { get; private set; }

    /// <summary>The package sections found under the root section, for example <c>Scoring</c>.</summary>
    public IReadOnlyList<string> SectionsFound { get; private set; } = [];

    /// <summary>The file's top-level sections, for example <c>Logging</c> and <c>Retention</c>.</summary>
    public IReadOnlyList<string> TopLevelSections { get; private set; } = [];

    /// <summary>
    /// Sections of the file, other than the root section, that hold a package section (<c>Scoring</c>, <c>Nps</c>, ...),
    /// for example <c>Dealer:Retention</c>: what <c>--section</c> probably should have been when the root section is missing.
    /// </summary>
    public IReadOnlyList<string> CandidateSections { get; private set; } = [];

    /// <summary>The Scoring options (<c>Section:Scoring</c>).</summary>
    public ScoringOptions Scoring { get; } = new();

    /// <summary>The Nps options (<c>Section:Nps</c>).</summary>
    public NpsOptions Nps { get; } = new();

    /// <summary>The Contact options (<c>Section:Contact</c>).</summary>
    public ContactOptions Contact { get; } = new();

    /// <summary>The Scripts options (<c>Section:Scripts</c>); relative catalog files are resolved against the settings file's folder.</summary>
    public ScriptOptions Scripts { get; } = new();

    /// <summary>The Workflows engine options (<c>Section:Workflows</c>).</summary>
    public WorkflowOptions Workflows { get; } = new();

    /// <summary>The trigger rules (<c>Section:Workflows:Triggers</c>).</summary>
    public TriggerOptions Triggers { get; } = new();

    /// <summary>The KPI targets (<c>Section:Workflows:Kpis</c>).</summary>
    public KpiOptions Kpis { get; } = new();

    /// <summary>The routing rules (<c>Section:Workflows:Routing</c>).</summary>
    public RoutingOptions Routing { get; } = new();

    /// <summary>Every problem found, in package order; empty when the file is sound.</summary>
    public IReadOnlyList<OptionsProblem> Problems { get; private set; } = [];

    /// <summary>Whether no problem was found.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>The packages' defaults, as if an empty settings file had been read.</summary>
    public static SettingsFile Defaults() => new(string.Empty, "Retention");

    /// <summary>Reads, binds and validates a settings file.</summary>
    /// <param name="path">The appsettings.json file.</param>
    /// <param name="section">The root section the packages' sections are under.</param>
    /// <returns>The bound options and the problems.</returns>
    /// <exception cref="ToolUsageException">The file does not exist, cannot be read or is not JSON.</exception>
    public static SettingsFile Load(string path, string section = "Retention")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (string.IsNullOrWhiteSpace(section))
        {
            throw new ToolUsageException("--section must not be empty (the default is Retention).");
        }

        string full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ToolUsageException($"settings file not found: {path}");
        }

        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonFile(full, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            // The innermost reason says where the JSON breaks (line and position).
            var inner = e;
            while (inner.InnerException is not null)
            {
                inner = inner.InnerException;
            }

            string reason = ReferenceEquals(inner, e) || inner.Message == Inner(e) ? Inner(e) : $"{Inner(e)} {inner.Message}";
            throw new ToolUsageException($"{path} is not a readable JSON settings file: {reason}");
        }

        var file = new SettingsFile(full, section.Trim().TrimEnd(':'));
        file.Bind(configuration);
        return file;
    }

    private void Bind(IConfiguration configuration)
    {
        var problems = new List<OptionsProblem>();
        var root = configuration.GetSection(Section);
        SectionFound = root.Exists();
        SectionsFound = [.. root.GetChildren().Select(c => c.Key)];
        TopLevelSections = [.. configuration.GetChildren().Select(c => c.Key)];
        CandidateSections = [.. Candidates(configuration.GetChildren(), depth: 4).Where(p => !p.Equals(Section, StringComparison.OrdinalIgnoreCase))];
        foreach (var child in root.GetChildren())
        {
            if (!Known.Contains(child.Key))
            {
                problems.Add(new($"{Section}:{child.Key}", $"is not a Retention section (known: {string.Join(", ", Known)})."));
            }
        }

        Bind(root, "Scoring", Scoring, new ScoringOptionsValidator(), problems);
        Bind(root, "Nps", Nps, new NpsOptionsValidator(), problems);
        Bind(root, "Contact", Contact, new ContactOptionsValidator(), problems);
        bool scriptsBound = Bind(root, "Scripts", Scripts, null, problems);
        if (scriptsBound)
        {
            // A host resolves catalog files against its content root; the tool against the settings file's folder.
            string folder = System.IO.Path.GetDirectoryName(Path) ?? ".";
            for (int i = 0; i < Scripts.CatalogFiles.Count; i++)
            {
                if (!string.IsNullOrWhiteSpace(Scripts.CatalogFiles[i]) && !System.IO.Path.IsPathRooted(Scripts.CatalogFiles[i]))
                {
                    Scripts.CatalogFiles[i] = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, Scripts.CatalogFiles[i]));
                }
            }

            Validate(Section + ":Scripts", Scripts, new ScriptOptionsValidator(), problems);
        }

        // Workflows holds the engine's options and three sub-sections with options of their own.
        Bind(root, "Workflows", Workflows, new WorkflowOptionsValidator(), problems, exclude: ["Triggers", "Kpis", "Routing"]);
        Bind(root, "Workflows:Triggers", Triggers, new TriggerOptionsValidator(), problems);
        Bind(root, "Workflows:Kpis", Kpis, new KpiOptionsValidator(), problems);
        Bind(root, "Workflows:Routing", Routing, new RoutingOptionsValidator(), problems);
        Problems = problems;
    }

    private static readonly string[] Known = ["Scoring", "Nps", "Contact", "Scripts", "Workflows"];

    /// <summary>The paths of sections (down to <paramref name="depth"/> levels) that have a child named like a package section.</summary>
    private static IEnumerable<string> Candidates(IEnumerable<IConfigurationSection> sections, int depth)
    {
        foreach (var section in sections)
        {
            var children = section.GetChildren().ToList();
            if (children.Any(c => Known.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
            {
                yield return section.Path;
            }
            else if (depth > 1)
            {
                foreach (string path in Candidates(children, depth - 1))
                {
                    yield return path;
                }
            }
        }
    }

    /// <summary>
    /// Binds one section (unknown keys and values of the wrong type are problems), then runs the validator when binding
    /// worked. The binder stops at its first failure, so a failing section is bound again into a scratch instance
    /// without each offending key until it binds: every bad key of the section is reported, not only the first.
    /// </summary>
    private bool Bind<T>(IConfigurationSection root, string name, T options, IValidateOptions<T>? validator, List<OptionsProblem> problems, string[]? exclude = null)
        where T : class, new()
    {
        string path = $"{Section}:{name}";
        var section = root.GetSection(name);
        if (section.Value is not null)
        {
            problems.Add(new(path, $"must be a section of options (a JSON object), not the value \"{section.Value}\"."));
            return false;
        }

        if (section.Exists())
        {
            // Bind a copy (without the sub-sections that belong to other options classes): keys can be taken out of it.
            var pairs = section.AsEnumerable(makePathsRelative: true)
                .Where(p => p.Value is not null && (exclude is null || !exclude.Any(x => p.Key.Equals(x, StringComparison.OrdinalIgnoreCase) || p.Key.StartsWith(x + ":", StringComparison.OrdinalIgnoreCase))))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
            var found = new List<OptionsProblem>();
            for (T target = options; ; target = new T())
            {
                try
                {
                    new ConfigurationBuilder().AddInMemoryCollection(pairs).Build().Bind(target, o => o.ErrorOnUnknownConfiguration = true);
                    break;
                }
                catch (InvalidOperationException e)
                {
                    var described = Describe(e, path, section).ToList();
                    found.AddRange(described);
                    if (!RemoveKeys(pairs, section.Path, described) || found.Count >= MaxBindingProblems)
                    {
                        break; // nothing left to take out: the binder's message was all there is to say
                    }
                }
            }

            if (found.Count > 0)
            {
                problems.AddRange(found.Distinct());
                return false;
            }
        }

        if (validator is not null)
        {
            Validate(path, options, validator, problems);
        }

        return true;
    }

    /// <summary>A bound on the problems reported for one section (a file of another application's settings could have hundreds).</summary>
    private const int MaxBindingProblems = 100;

    /// <summary>Takes the keys the problems name (and everything under them) out of the copy; <see langword="false"/> when none was there.</summary>
    private static bool RemoveKeys(Dictionary<string, string?> pairs, string sectionPath, IEnumerable<OptionsProblem> described)
    {
        bool removed = false;
        foreach (var problem in described)
        {
            if (!problem.Path.StartsWith(sectionPath + ":", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string key = problem.Path[(sectionPath.Length + 1)..];
            foreach (string k in pairs.Keys.Where(k => k.Equals(key, StringComparison.OrdinalIgnoreCase) || k.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                removed |= pairs.Remove(k);
            }
        }

        return removed;
    }

    private static void Validate<T>(string path, T options, IValidateOptions<T> validator, List<OptionsProblem> problems)
        where T : class
    {
        var result = validator.Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            foreach (string failure in result.Failures ?? [])
            {
                problems.Add(Split(path, failure));
            }
        }
    }

    /// <summary>
    /// Turns a validator message (<c>Tiers.OrangeFrom: must be ... (was 50).</c>) into the configuration path of the
    /// option (<c>Retention:Scoring:Tiers:OrangeFrom</c>) and the reason.
    /// </summary>
    internal static OptionsProblem Split(string sectionPath, string failure)
    {
        int colon = failure.IndexOf(": ", StringComparison.Ordinal);
        string option = colon > 0 ? failure[..colon] : string.Empty;
        if (colon <= 0 || option.Contains(' ', StringComparison.Ordinal) && !option.Contains('(', StringComparison.Ordinal))
        {
            return new(sectionPath, failure);
        }

        // "Rules[0].Conditions[1].Value" -> "Rules:0:Conditions:1:Value"; keep a trailing "(file, line 3)" note with the reason.
        string note = string.Empty;
        int paren = option.IndexOf(" (", StringComparison.Ordinal);
        if (paren > 0)
        {
            note = option[(paren + 1)..] + " ";
            option = option[..paren];
        }

        var key = new StringBuilder(option.Length);
        foreach (char c in option)
        {
            key.Append(c switch
            {
                '.' or '[' => ':',
                ']' => '\0',
                _ => c,
            });
        }

        return new($"{sectionPath}:{key.ToString().Replace("\0", string.Empty, StringComparison.Ordinal)}", note + failure[(colon + 2)..]);
    }

    /// <summary>
    /// Turns a binder failure into problems at the configuration path of the offending key: the binder names the type
    /// and the unknown keys (found again in the section here) or the path of a value it could not convert.
    /// </summary>
    private static IEnumerable<OptionsProblem> Describe(InvalidOperationException e, string path, IConfigurationSection section)
    {
        const string Unknown = "properties were not found on the instance of ";
        const string Convert = "Failed to convert configuration value";
        const string AtKey = " at '";
        const string ToType = "' to type '";
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            string message = x.Message;
            int at = message.IndexOf(Unknown, StringComparison.Ordinal);
            if (at >= 0)
            {
                string rest = message[(at + Unknown.Length)..];
                int colon = rest.IndexOf(": ", StringComparison.Ordinal);
                string typeName = colon > 0 ? rest[..colon] : rest;
                var names = colon > 0 ? rest[(colon + 2)..].Split(", ").Select(n => n.Trim().Trim('\'')).Where(n => n.Length > 0).ToList() : [];
                var type = FindType(typeName);
                var options = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).Select(p => p.Name).ToList() ?? [];
                string of = type?.Name ?? typeName;
                return names.Count == 0
                    ? [new(path, $"has keys that match no option of {of}.")]
                    : names.Select(name => new OptionsProblem(
                        Locate(section, name) ?? $"{section.Path}:{name}",
                        $"matches no option of {of}" + (Closest(name, options) is { } close
                            ? $"; did you mean {close}?"
                            : options.Count > 0 ? $" (its options: {string.Join(", ", options)})." : ".")));
            }

            // "Failed to convert configuration value 'abc' at 'Retention:Scoring:Tiers:YellowFrom' to type 'System.Double'."
            int toType = message.Contains(Convert, StringComparison.Ordinal) ? message.LastIndexOf(ToType, StringComparison.Ordinal) : -1;
            int atKey = toType > 0 ? message.LastIndexOf(AtKey, toType, StringComparison.Ordinal) : -1;
            if (atKey >= 0)
            {
                string key = message[(atKey + AtKey.Length)..toType];
                string typeName = message[(toType + ToType.Length)..].TrimEnd('.', '\'');

                // A bound section reports the full path; the Workflows copy (without its sub-sections) a relative one.
                string full = key.StartsWith(section.Path + ":", StringComparison.OrdinalIgnoreCase) ? key : $"{section.Path}:{key}";
                string value = section[full[(section.Path.Length + 1)..]] ?? string.Empty;
                string expected = Expected(typeName);
                string reason = expected.StartsWith("a valid ", StringComparison.Ordinal) && x.InnerException is { } inner ? ": " + Inner(inner) : string.Empty;
                return [new(full, $"\"{value}\" is not {expected}{reason}".TrimEnd('.') + ".")];
            }
        }

        return [new(path, Inner(e))];
    }

    /// <summary>The configuration path of a key under the section, the shortest when several match.</summary>
    private static string? Locate(IConfigurationSection section, string name) =>
        section.AsEnumerable()
            .Select(p => p.Key)
            .Where(k => k.Equals(name, StringComparison.OrdinalIgnoreCase) || k.EndsWith(":" + name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(k => k.Length)
            .FirstOrDefault();

    /// <summary>What a value of the type looks like, for the binder's conversion failures.</summary>
    private static string Expected(string typeName)
    {
        // Nullable<T> is written System.Nullable`1[[T, assembly, ...]].
        const string NullablePrefix = "System.Nullable`1[[";
        if (typeName.StartsWith(NullablePrefix, StringComparison.Ordinal))
        {
            typeName = typeName[NullablePrefix.Length..].Split(',')[0];
        }

        return typeName switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" or "System.Byte" => "a whole number",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration such as 02:00:00 (hours:minutes:seconds) or 1.00:00:00 (1 day)",
            _ when FindType(typeName) is { IsEnum: true } e => "one of " + string.Join(", ", Enum.GetNames(e)),
            _ => "a valid " + (FindType(typeName)?.Name ?? typeName),
        };
    }

    private static Type? FindType(string fullName) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("Retention", StringComparison.Ordinal) == true || a == typeof(object).Assembly)
            .Select(a => a.GetType(fullName, throwOnError: false))
            .FirstOrDefault(t => t is not null);

    /// <summary>The option whose name is nearest to a misspelt key (at most a third of its letters off), or <see langword="null"/>.</summary>
    private static string? Closest(string name, IReadOnlyList<string> options)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string option in options)
        {
            int d = Distance(name.ToUpperInvariant(), option.ToUpperInvariant());
            if (d < bestDistance)
            {
                (best, bestDistance) = (option, d);
            }
        }

        return best is not null && bestDistance <= Math.Max(1, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Inner(Exception e)
    {
        while (e.InnerException is not null && e is not FormatException)
        {
            e = e.InnerException;
        }

        return e.Message;
    }
}
