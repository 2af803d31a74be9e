using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Retention.Scripts;

/// <summary>
/// A talk track or message template in one locale (scripts.md section 1): its id, kind, purpose, audience,
/// title, the parts (lines to say and stage directions) and the do / don't lists, all as templates.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. The constructor checks the shape (id, locale, at least one line, no stage directions in a
/// message); whether every placeholder is known and the message compliance rules hold is checked when a
/// <see cref="ScriptCatalog"/> is built, and again when a script is rendered.
/// </remarks>
public sealed partial class Script
{
    /// <summary>Creates a script.</summary>
    /// <param name="id">The id, lower-case words joined by <c>.</c> or <c>-</c> (<c>risk.yellow.supervisor-call</c>).</param>
    /// <param name="locale">The locale, a culture name such as <c>zh-CN</c> or <c>en</c>.</param>
    /// <param name="kind">Call, message, visit or letter.</param>
    /// <param name="purpose">Service, marketing or transactional.</param>
    /// <param name="title">A short title in the script's locale.</param>
    /// <param name="audience">Who and when the script is for.</param>
    /// <param name="parts">The parts, in order; at least one line.</param>
    /// <param name="do">What to do (right answers); may be empty.</param>
    /// <param name="dont">What not to do (wrong answers); may be empty.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The id or locale is malformed, the title is blank, there is no line, or a message has a stage direction; the message names the argument.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> or <paramref name="purpose"/> is not a defined value.</exception>
    public Script(
        string id,
        string locale,
        ScriptKind kind,
        ScriptPurpose purpose,
        ScriptTemplate title,
        ScriptAudience audience,
        IEnumerable<ScriptPart> parts,
        IEnumerable<ScriptTemplate> @do,
        IEnumerable<ScriptTemplate> dont)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(locale);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(@do);
        ArgumentNullException.ThrowIfNull(dont);
        if (!IsValidId(id))
        {
            throw new ArgumentException($"must be lower-case letters and digits in words joined by '.' or '-', such as risk.yellow.supervisor-call (was \"{id}\")", nameof(id));
        }

        if (!IsValidLocale(locale))
        {
            throw new ArgumentException($"must be a culture name such as zh-CN or en (was \"{locale}\")", nameof(locale));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "must be Call, Message, Visit or Letter");
        }

        if (!Enum.IsDefined(purpose))
        {
            throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "must be Service, Marketing or Transactional");
        }

        if (string.IsNullOrWhiteSpace(title.Text))
        {
            throw new ArgumentException("must not be blank", nameof(title));
        }

        var partList = parts.ToArray();
        if (Array.Exists(partList, p => p is null))
        {
            throw new ArgumentException("must not contain null", nameof(parts));
        }

        if (!Array.Exists(partList, p => p.Kind == ScriptPartKind.Line))
        {
            throw new ArgumentException("must contain at least one line to say", nameof(parts));
        }

        if (kind == ScriptKind.Message && Array.Exists(partList, p => p.Kind == ScriptPartKind.Direction))
        {
            throw new ArgumentException("a message is sent as written, so it has lines only, no stage directions", nameof(parts));
        }

        var doList = @do.ToArray();
        var dontList = dont.ToArray();
        if (Array.Exists(doList, t => t is null))
        {
            throw new ArgumentException("must not contain null", nameof(@do));
        }

        if (Array.Exists(dontList, t => t is null))
        {
            throw new ArgumentException("must not contain null", nameof(dont));
        }

        Id = id;
        Locale = locale;
        Kind = kind;
        Purpose = purpose;
        Title = title;
        Audience = audience;
        Parts = Array.AsReadOnly(partList);
        Do = Array.AsReadOnly(doList);
        Dont = Array.AsReadOnly(dontList);
        Placeholders = Templates().SelectMany(t => t.Placeholders).Distinct(StringComparer.Ordinal).ToArray().AsReadOnly();
    }

    /// <summary>The id, shared by the script's versions in every locale.</summary>
    public string Id { get; }

    /// <summary>The locale (<c>zh-CN</c>, <c>en</c>, ...).</summary>
    public string Locale { get; }

    /// <summary>Call, message, visit or letter.</summary>
    public ScriptKind Kind { get; }

    /// <summary>Service, marketing or transactional.</summary>
    public ScriptPurpose Purpose { get; }

    /// <summary>A short title in the script's locale.</summary>
    public ScriptTemplate Title { get; }

    /// <summary>Who and when the script is for.</summary>
    public ScriptAudience Audience { get; }

    /// <summary>The parts, in order.</summary>
    public IReadOnlyList<ScriptPart> Parts { get; }

    /// <summary>What to do (right answers).</summary>
    public IReadOnlyList<ScriptTemplate> Do { get; }

    /// <summary>What not to do (wrong answers).</summary>
    public IReadOnlyList<ScriptTemplate> Dont { get; }

    /// <summary>Every placeholder the script uses anywhere (title, parts, do / don't lists), each once.</summary>
    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>Every template of the script: title, parts, do list, don't list.</summary>
    /// <returns>The templates in that order.</returns>
    public IEnumerable<ScriptTemplate> Templates()
    {
        yield return Title;
        foreach (var part in Parts)
        {
            yield return part.Template;
        }

        foreach (var item in Do)
        {
            yield return item;
        }

        foreach (var item in Dont)
        {
            yield return item;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Locale}, {Kind})";

    /// <summary>Whether <paramref name="id"/> is a well-formed script id.</summary>
    /// <param name="id">A candidate id.</param>
    /// <returns><see langword="true"/> when well formed.</returns>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    internal static bool IsValidLocale(string? locale) => locale is not null && LocalePattern().IsMatch(locale);

    [GeneratedRegex("^[a-z0-9]+(?:[.-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalePattern();
}
