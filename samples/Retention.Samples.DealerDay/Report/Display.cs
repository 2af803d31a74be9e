using System;
using System.Globalization;

namespace Retention.Samples.DealerDay.Report;

/// <summary>How the report formats numbers and measures text for a fixed-width terminal.</summary>
internal static class Display
{
    /// <summary>Whether a locale name asks for Chinese (the same rule as <c>LocalizedText.Get</c>).</summary>
    public static bool IsChinese(string locale) => locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A score in points, one decimal: <c>87.5</c>.</summary>
    public static string Points(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A count with thousands separators: <c>1,203</c>.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Money in whole units of the store's currency, with thousands separators: <c>3,000</c>.</summary>
    public static string Money(decimal value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A share of a whole as a percentage with one decimal: <c>12.5 %</c>.</summary>
    public static string Share(int part, int whole) =>
        whole == 0 ? "—" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>The number of terminal columns a text takes: East Asian wide characters take two.</summary>
    public static int Width(string text)
    {
        int width = 0;
        foreach (char c in text)
        {
            width += IsWide(c) ? 2 : 1;
        }

        return width;
    }

    public static string PadRight(string text, int width) => text + new string(' ', Math.Max(0, width - Width(text)));

    public static string PadLeft(string text, int width) => new string(' ', Math.Max(0, width - Width(text))) + text;

    // The wide blocks that occur in zh-CN text: CJK ideographs, CJK punctuation, full-width forms.
    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\u303E') or (>= '\u3041' and <= '\u33FF')
            or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uA000' and <= '\uA4CF')
            or (>= '\uAC00' and <= '\uD7A3') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F')
            or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}
