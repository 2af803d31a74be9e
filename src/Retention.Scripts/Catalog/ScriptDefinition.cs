using System.Collections.Generic;

namespace Retention.Scripts;

/// <summary>
/// A script as written in configuration or in a JSON catalog file, before it is checked and parsed.
/// Exactly the shape of one entry of the built-in catalog (see the package README for the JSON format).
/// </summary>
/// <remarks>A mutable data object for binding and JSON; <see cref="ScriptCatalog"/> validates it and turns it into a <see cref="Script"/>.</remarks>
public sealed class ScriptDefinition
{
    /// <summary>The script id (<c>risk.yellow.supervisor-call</c>).</summary>
    public string? Id { get; set; }

    /// <summary>The locale (<c>zh-CN</c>, <c>en</c>); must be one of <see cref="ScriptOptions.Locales"/>.</summary>
    public string? Locale { get; set; }

    /// <summary>Call, message, visit or letter. The default value is <see cref="ScriptKind.Call"/>.</summary>
    public ScriptKind Kind { get; set; }

    /// <summary>Service, marketing or transactional. The default value is <see cref="ScriptPurpose.Service"/>.</summary>
    public ScriptPurpose Purpose { get; set; }

    /// <summary>A short title in the script's locale (a template).</summary>
    public string? Title { get; set; }

    /// <summary>Who and when the script is for; <see langword="null"/> for anyone.</summary>
    public ScriptAudience? Audience { get; set; }

    /// <summary>The parts, in order.</summary>
    public List<ScriptPartDefinition> Parts { get; set; } = [];

    /// <summary>What to do (right answers), as templates.</summary>
    public List<string> Do { get; set; } = [];

    /// <summary>What not to do (wrong answers), as templates.</summary>
    public List<string> Dont { get; set; } = [];
}

/// <summary>One part of a <see cref="ScriptDefinition"/>: set exactly one of <see cref="Say"/> and <see cref="Direction"/>.</summary>
public sealed class ScriptPartDefinition
{
    /// <summary>A line to say, or message text (a template).</summary>
    public string? Say { get; set; }

    /// <summary>A stage direction (a template).</summary>
    public string? Direction { get; set; }
}
