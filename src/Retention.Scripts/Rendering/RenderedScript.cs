using System;
using System.Collections.Generic;
using System.Text;

namespace Retention.Scripts;

/// <summary>One rendered part of a script.</summary>
/// <param name="Kind">Line or direction.</param>
/// <param name="Text">The text with every placeholder filled in.</param>
/// <remarks>Immutable value type.</remarks>
public readonly record struct RenderedPart(ScriptPartKind Kind, string Text);

/// <summary>
/// A script with every placeholder filled in, ready to show to staff or send: title, parts, do / don't lists, the
/// customer-facing <see cref="Text"/>, and for messages the SMS length.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed record RenderedScript
{
    /// <summary>The script id.</summary>
    public required string Id { get; init; }

    /// <summary>The locale the script was rendered in.</summary>
    public required string Locale { get; init; }

    /// <summary>Call, message, visit or letter.</summary>
    public required ScriptKind Kind { get; init; }

    /// <summary>Service, marketing or transactional.</summary>
    public required ScriptPurpose Purpose { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>Every part, in order.</summary>
    public required IReadOnlyList<RenderedPart> Parts { get; init; }

    /// <summary>What to do.</summary>
    public required IReadOnlyList<string> Do { get; init; }

    /// <summary>What not to do.</summary>
    public required IReadOnlyList<string> Dont { get; init; }

    /// <summary>The lines only (no stage directions), one per line: what the customer hears or reads. For a message, the message text.</summary>
    public required string Text { get; init; }

    /// <summary>For a message, its SMS length and segment count; otherwise <see langword="null"/>.</summary>
    public SmsLength? Sms { get; init; }

    /// <summary>
    /// The whole script laid out for staff: the title, lines, stage directions in brackets, then the do and don't lists
    /// (headed in the script's locale).
    /// </summary>
    /// <returns>The text, lines separated by <c>\n</c>.</returns>
    public override string ToString()
    {
        bool zh = Locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var text = new StringBuilder().Append(Title).Append('\n');
        foreach (var part in Parts)
        {
            text.Append(part.Kind == ScriptPartKind.Direction ? $"  [{part.Text}]" : $"  {part.Text}").Append('\n');
        }

        void List(IReadOnlyList<string> items, string heading)
        {
            if (items.Count == 0)
            {
                return;
            }

            text.Append(heading).Append('\n');
            foreach (string item in items)
            {
                text.Append("  - ").Append(item).Append('\n');
            }
        }

        List(Do, zh ? "应该：" : "Do:");
        List(Dont, zh ? "不要：" : "Don't:");
        return text.ToString().TrimEnd('\n');
    }
}
