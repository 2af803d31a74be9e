using System;
using System.Collections.Generic;
using System.Linq;

namespace Retention.Scripts;

/// <summary>One thing wrong with a script or a catalog file, with where it is.</summary>
/// <param name="Source">Where the script came from: <c>built-in risk.json</c>, <c>Scripts</c> (options) or a catalog file path.</param>
/// <param name="Path">Where in the source: an option path (<c>Scripts[2].Parts[0].Say</c>) or a JSON path (<c>$.scripts[2].parts[0].say</c>).</param>
/// <param name="Message">What is wrong.</param>
/// <remarks>Immutable.</remarks>
public sealed record ScriptProblem(string Source, string Path, string Message)
{
    /// <summary>The script id, when known.</summary>
    public string? Id { get; init; }

    /// <summary>The script locale, when known.</summary>
    public string? Locale { get; init; }

    /// <summary>The one-based line in a catalog file, when the problem is a JSON syntax or type error.</summary>
    public long? Line { get; init; }

    /// <summary>The one-based column (byte position) in a catalog file, when <see cref="Line"/> is set.</summary>
    public long? Column { get; init; }

    /// <summary>The problem on one line: source, position, path, script, message.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString()
    {
        string position = Line is long line ? $" line {line}, column {Column}" : string.Empty;
        string script = Id is null ? string.Empty : $" [{Id}{(Locale is null ? string.Empty : " " + Locale)}]";
        return $"{Source}{position}: {Path}{script}: {Message}";
    }
}

/// <summary>A catalog could not be built: one or more scripts or catalog files are invalid. <see cref="Problems"/> lists them all.</summary>
public sealed class ScriptCatalogException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Every problem found; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is <see langword="null"/>.</exception>
    public ScriptCatalogException(IEnumerable<ScriptProblem> problems)
        : this(problems?.ToArray() ?? throw new ArgumentNullException(nameof(problems)))
    {
    }

    private ScriptCatalogException(ScriptProblem[] problems)
        : base($"The script catalog has {problems.Length} problem(s):{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        Problems = Array.AsReadOnly(problems);
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ScriptProblem> Problems { get; }
}

/// <summary>A script could not be rendered: values are missing or of the wrong kind, or a compliance rule failed.</summary>
public class ScriptRenderException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="scriptId">The script id.</param>
    /// <param name="locale">The script locale.</param>
    /// <param name="missing">Placeholders the script uses that have no value.</param>
    /// <param name="wrongKind">Placeholders whose value is of the wrong kind, each with what was expected.</param>
    /// <param name="message">The message.</param>
    public ScriptRenderException(string scriptId, string locale, IReadOnlyList<string> missing, IReadOnlyList<string> wrongKind, string message)
        : base(message)
    {
        ScriptId = scriptId;
        Locale = locale;
        MissingPlaceholders = missing;
        WrongKindPlaceholders = wrongKind;
    }

    /// <summary>The script id.</summary>
    public string ScriptId { get; }

    /// <summary>The script locale.</summary>
    public string Locale { get; }

    /// <summary>Every placeholder the script uses that had no value (or an unknown placeholder), sorted.</summary>
    public IReadOnlyList<string> MissingPlaceholders { get; }

    /// <summary>Every placeholder whose value was of the wrong kind, sorted.</summary>
    public IReadOnlyList<string> WrongKindPlaceholders { get; }
}

/// <summary>A message breaks a compliance rule (scripts.md section 2): no opt-out line on a marketing message, or no store / contact person.</summary>
public sealed class MessageComplianceException : ScriptRenderException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="scriptId">The script id.</param>
    /// <param name="locale">The script locale.</param>
    /// <param name="rule">The rule that failed.</param>
    /// <param name="message">The message.</param>
    public MessageComplianceException(string scriptId, string locale, ComplianceRule rule, string message)
        : base(scriptId, locale, [], [], message)
    {
        Rule = rule;
    }

    /// <summary>The rule that failed.</summary>
    public ComplianceRule Rule { get; }
}

/// <summary>The message compliance rules of scripts.md section 2.</summary>
public enum ComplianceRule
{
    /// <summary>A marketing message must end with the opt-out instruction.</summary>
    OptOutLine = 0,

    /// <summary>A message must name the store.</summary>
    NamesStore = 1,

    /// <summary>A message must name a contact person and give a way to reach them.</summary>
    NamesContact = 2,
}
