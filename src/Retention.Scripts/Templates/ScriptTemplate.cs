using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Retention.Scripts;

/// <summary>
/// A parsed text template with named placeholders such as <c>{CustomerName}</c>. Literal braces are written
/// <c>{{</c> and <c>}}</c>. A placeholder name starts with a letter and continues with letters and digits.
/// </summary>
/// <remarks>Immutable and thread-safe. Parsing checks syntax only; whether the names are known is checked when a catalog loads.</remarks>
public sealed class ScriptTemplate
{
    private readonly Segment[] segments;

    private ScriptTemplate(string text, Segment[] segments, ReadOnlyCollection<string> placeholders)
    {
        Text = text;
        this.segments = segments;
        Placeholders = placeholders;
    }

    /// <summary>The template text as written.</summary>
    public string Text { get; }

    /// <summary>The placeholder names the template uses, each once, in order of first use.</summary>
    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>Parses a template.</summary>
    /// <param name="text">The template text.</param>
    /// <returns>The parsed template.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ScriptTemplateException">An unclosed <c>{</c>, a lone <c>}</c>, or a placeholder name that is empty or not a name; the exception gives the position.</exception>
    public static ScriptTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<Segment>();
        var names = new List<string>();
        var literal = new System.Text.StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '{')
            {
                if (i + 1 < text.Length && text[i + 1] == '{')
                {
                    literal.Append('{');
                    i += 2;
                    continue;
                }

                int close = text.IndexOf('}', i + 1);
                if (close < 0)
                {
                    throw new ScriptTemplateException(text, i, "'{' opens a placeholder that is never closed (write '{{' for a literal brace)");
                }

                string name = text.Substring(i + 1, close - i - 1);
                if (!IsName(name))
                {
                    throw new ScriptTemplateException(text, i, $"'{{{name}}}' is not a placeholder name (a letter, then letters or digits)");
                }

                if (literal.Length > 0)
                {
                    segments.Add(new Segment(literal.ToString(), isPlaceholder: false));
                    literal.Clear();
                }

                segments.Add(new Segment(name, isPlaceholder: true));
                if (!names.Contains(name))
                {
                    names.Add(name);
                }

                i = close + 1;
            }
            else if (c == '}')
            {
                if (i + 1 < text.Length && text[i + 1] == '}')
                {
                    literal.Append('}');
                    i += 2;
                    continue;
                }

                throw new ScriptTemplateException(text, i, "'}' closes no placeholder (write '}}' for a literal brace)");
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }

        if (literal.Length > 0)
        {
            segments.Add(new Segment(literal.ToString(), isPlaceholder: false));
        }

        return new ScriptTemplate(text, segments.ToArray(), names.AsReadOnly());
    }

    /// <summary>Renders the template, asking <paramref name="value"/> for each placeholder's text.</summary>
    internal string Render(Func<string, string> value)
    {
        if (segments.Length == 1 && !segments[0].IsPlaceholder)
        {
            return segments[0].Text;
        }

        var text = new System.Text.StringBuilder(Text.Length + 32);
        foreach (var segment in segments)
        {
            text.Append(segment.IsPlaceholder ? value(segment.Text) : segment.Text);
        }

        return text.ToString();
    }

    /// <summary>The text with the placeholders' names in braces, exactly as written.</summary>
    /// <returns>The template text.</returns>
    public override string ToString() => Text;

    private static bool IsName(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private readonly struct Segment(string text, bool isPlaceholder)
    {
        public string Text { get; } = text;

        public bool IsPlaceholder { get; } = isPlaceholder;
    }
}

/// <summary>A template's text is not well formed.</summary>
public sealed class ScriptTemplateException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="template">The template text.</param>
    /// <param name="position">The zero-based character position of the problem.</param>
    /// <param name="reason">What is wrong.</param>
    public ScriptTemplateException(string template, int position, string reason)
        : base($"Template error at character {position + 1}: {reason}. Template: \"{template}\"")
    {
        Template = template;
        Position = position;
        Reason = reason;
    }

    /// <summary>The template text.</summary>
    public string Template { get; }

    /// <summary>The zero-based character position of the problem.</summary>
    public int Position { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }
}
