using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
            throw new ToolUsageException($"{path} is not a readable JSON settings file: {Inner(e)}");
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

    /// <summary>Binds one section (unknown keys are problems), then runs the validator when binding worked.</summary>
    private bool Bind<T>(IConfigurationSection root, string name, T options, IValidateOptions<T>? validator, List<OptionsProblem> problems, string[]? exclude = null)
        where T : class
    {
        string path = $"{Section}:{name}";
        var section = root.GetSection(name);
        if (section.Exists())
        {
            IConfiguration source = section;
            if (exclude is not null)
            {
                // Bind a copy without the sub-sections that belong to other options classes.
                var pairs = section.AsEnumerable(makePathsRelative: true)
                    .Where(p => p.Value is not null && !exclude.Any(x => p.Key.Equals(x, StringComparison.OrdinalIgnoreCase) || p.Key.StartsWith(x + ":", StringComparison.OrdinalIgnoreCase)));
                source = new ConfigurationBuilder().AddInMemoryCollection(pairs).Build();
            }

            try
            {
                source.Bind(options, o => o.ErrorOnUnknownConfiguration = true);
            }
            catch (InvalidOperationException e)
            {
                problems.Add(new(path, Describe(e, path)));
                return false;
            }
        }

        if (validator is not null)
        {
            Validate(path, options, validator, problems);
        }

        return true;
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

    private static string Describe(InvalidOperationException e, string path)
    {
        string message = Inner(e);
        return message.Contains("ErrorOnUnknownConfiguration", StringComparison.Ordinal)
            ? "has keys that match no option: " + message[(message.IndexOf("properties were not found", StringComparison.Ordinal) is int at and >= 0 ? at : 0)..]
            : message;
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
