using System;

namespace Retention.Workflows;

/// <summary>
/// A short piece of user-facing text in the two locales every Retention package supports:
/// simplified Chinese (<c>zh-CN</c>) and English (<c>en</c>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="ZhCn">The text in simplified Chinese (<c>zh-CN</c>).</param>
/// <param name="En">The text in English (<c>en</c>).</param>
public readonly record struct LocalizedText(string ZhCn, string En)
{
    /// <summary>Returns the text for a culture name such as <c>zh-CN</c>, <c>zh</c>, <c>en</c> or <c>en-GB</c>.</summary>
    /// <param name="locale">A culture name. Names starting with <c>zh</c> give Chinese; everything else gives English.</param>
    /// <returns>The text in the requested locale.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="locale"/> is <see langword="null"/>.</exception>
    public string Get(string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        return locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? ZhCn : En;
    }

    /// <summary>Returns the English text.</summary>
    /// <returns>The English text.</returns>
    public override string ToString() => En;
}
