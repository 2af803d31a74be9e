using System;

namespace Retention.Scripts;

/// <summary>The character set an SMS is sent in.</summary>
public enum SmsEncoding
{
    /// <summary>The GSM 03.38 7-bit alphabet: 160 characters in one message, 153 per part of a longer one.</summary>
    Gsm7 = 0,

    /// <summary>UCS-2 (any character outside GSM-7, such as Chinese): 70 characters in one message, 67 per part.</summary>
    Ucs2 = 1,
}

/// <summary>
/// The length of a text sent as SMS (scripts.md section 2): its encoding, its length in that encoding's units, and how many
/// messages (segments) it costs. GSM-7 extension characters (<c>^ { } \ [ ] ~ | €</c>) take two units; in UCS-2 a character
/// outside the basic plane takes two. A character is never split across two parts.
/// </summary>
/// <param name="Encoding">GSM-7 or UCS-2.</param>
/// <param name="Units">Septets (GSM-7) or UTF-16 code units (UCS-2).</param>
/// <param name="Segments">The number of messages; 1 for an empty text.</param>
/// <remarks>Immutable value type.</remarks>
public readonly record struct SmsLength(SmsEncoding Encoding, int Units, int Segments)
{
    /// <summary>GSM-7 units in a single message.</summary>
    public const int Gsm7Single = 160;

    /// <summary>GSM-7 units per part of a multi-part message.</summary>
    public const int Gsm7PerPart = 153;

    /// <summary>UCS-2 units in a single message.</summary>
    public const int Ucs2Single = 70;

    /// <summary>UCS-2 units per part of a multi-part message.</summary>
    public const int Ucs2PerPart = 67;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    /// <summary>Measures a text.</summary>
    /// <param name="text">The message text.</param>
    /// <returns>Its encoding, units and segments.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static SmsLength Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool gsm = true;
        foreach (char c in text)
        {
            if ((!Basic.Contains(c, StringComparison.Ordinal) && !Extension.Contains(c, StringComparison.Ordinal)) || c == '\u001b')
            {
                gsm = false;
                break;
            }
        }

        return gsm ? Count(text, SmsEncoding.Gsm7, Gsm7Single, Gsm7PerPart) : Count(text, SmsEncoding.Ucs2, Ucs2Single, Ucs2PerPart);
    }

    private static SmsLength Count(string text, SmsEncoding encoding, int single, int perPart)
    {
        int total = 0;
        for (int i = 0; i < text.Length; i++)
        {
            total += Cost(text, i, encoding, out int skip);
            i += skip;
        }

        if (total <= single)
        {
            return new SmsLength(encoding, total, 1);
        }

        // Fill parts greedily so an escape pair or surrogate pair never straddles two parts.
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int cost = Cost(text, i, encoding, out int skip);
            i += skip;
            if (used + cost > perPart)
            {
                segments++;
                used = 0;
            }

            used += cost;
        }

        return new SmsLength(encoding, total, segments);
    }

    private static int Cost(string text, int i, SmsEncoding encoding, out int skip)
    {
        skip = 0;
        if (encoding == SmsEncoding.Gsm7)
        {
            return Extension.Contains(text[i], StringComparison.Ordinal) ? 2 : 1;
        }

        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            skip = 1;
            return 2;
        }

        return 1;
    }
}
