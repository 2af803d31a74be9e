using System;

namespace Retention.Scripts;

/// <summary>One part of a script: a line to say (or message text), or a stage direction, as a parsed template.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ScriptPart
{
    /// <summary>Creates a part.</summary>
    /// <param name="kind">Line or direction.</param>
    /// <param name="template">The parsed template.</param>
    /// <exception cref="ArgumentNullException"><paramref name="template"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public ScriptPart(ScriptPartKind kind, ScriptTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (kind is not (ScriptPartKind.Line or ScriptPartKind.Direction))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "must be Line or Direction");
        }

        Kind = kind;
        Template = template;
    }

    /// <summary>Line or direction.</summary>
    public ScriptPartKind Kind { get; }

    /// <summary>The parsed template.</summary>
    public ScriptTemplate Template { get; }

    /// <summary>A line to say.</summary>
    /// <param name="template">The template text, with <c>{Placeholder}</c>s.</param>
    /// <returns>The part.</returns>
    /// <exception cref="ScriptTemplateException">The text is not a well-formed template.</exception>
    public static ScriptPart Line(string template) => new(ScriptPartKind.Line, ScriptTemplate.Parse(template));

    /// <summary>A stage direction.</summary>
    /// <param name="template">The template text, with <c>{Placeholder}</c>s.</param>
    /// <returns>The part.</returns>
    /// <exception cref="ScriptTemplateException">The text is not a well-formed template.</exception>
    public static ScriptPart Direction(string template) => new(ScriptPartKind.Direction, ScriptTemplate.Parse(template));

    /// <inheritdoc/>
    public override string ToString() => $"{Kind}: {Template}";
}
