using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Retention.Scripts.Tests.Support;

/// <summary>Any text, braces included, for literal template text (escaped before it is parsed).</summary>
public sealed record LiteralText(string Text)
{
    public override string ToString() => $"\"{Text}\"";
}

/// <summary>A well-formed placeholder name that is not a built-in placeholder.</summary>
public sealed record UnknownName(string Name)
{
    public override string ToString() => Name;
}

/// <summary>A value of the right kind for every built-in placeholder: non-blank text without braces, money of zero or more, dates from 2000 to 2100.</summary>
public sealed record RandomValues(ScriptValues Values)
{
    public override string ToString() => string.Join(", ", Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));
}

/// <summary>An amount of money of zero or more, whole or with cents.</summary>
public sealed record Amount(decimal Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Text in the GSM-7 basic alphabet only (one septet per character).</summary>
public sealed record GsmText(string Text)
{
    public override string ToString() => $"\"{Text}\" ({Text.Length})";
}

/// <summary>Any text a message may hold: GSM-7 basic and extension characters, Chinese, emoji (surrogate pairs).</summary>
public sealed record SmsText(string Text)
{
    public override string ToString() => $"\"{Text}\" ({Text.Length})";
}

/// <summary>The generators behind the properties.</summary>
public static class Gens
{
    public const string GsmBasic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    public const string GsmExtension = "^{}\\[~]|€";

    private const string Chinese = "王李张先生女士您好谢保养车辆门店回复退订预约顾问电话优惠";

    private static readonly string[] Emoji = ["😀", "🚗", "👍", "🎉", "𠀀"];

    /// <summary>Mostly <paramref name="gen"/>, sometimes one of the <paramref name="edges"/>.</summary>
    public static Gen<T> WithEdges<T>(Gen<T> gen, params T[] edges) => Gen.Frequency((3, gen), (1, Gen.Elements(edges)));

    private static Gen<string> StringOf(Gen<string> piece, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(piece, n)).Select(a => string.Concat(a));

    private static Gen<string> Chars(string chars) => Gen.Elements(chars.ToCharArray()).Select(c => c.ToString());

    /// <summary>Text without braces: letters, digits, Chinese, spaces, punctuation, emoji.</summary>
    public static Gen<string> Text { get; } = StringOf(
        Gen.Frequency(
            (6, Chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")),
            (3, Chars(Chinese)),
            (2, Chars(" .,:;!?-'\"()[]<>/#%&*+=@$¥€~|\\^")),
            (1, Gen.Elements(Emoji))),
        0,
        40);

    /// <summary>Non-blank text without braces.</summary>
    public static Gen<string> NonBlankText { get; } = Text.Where(t => !string.IsNullOrWhiteSpace(t));

    public static Gen<LiteralText> Literal { get; } = StringOf(
        Gen.Frequency((6, Text.Select(t => t.Length > 3 ? t[..3] : t)), (2, Gen.Elements("{", "}", "{{", "}}", "{Name}", "}{"))),
        0,
        12).Select(t => new LiteralText(t));

    public static Gen<UnknownName> Unknown { get; } =
        (from first in Chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
         from rest in StringOf(Chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), 0, 20)
         select first + rest)
        .Where(n => !ScriptPlaceholders.BuiltIn.ContainsKey(n))
        .Select(n => new UnknownName(n));

    /// <summary>Money from 0 to 10,000,000.00: whole amounts and amounts with cents, often on the edges.</summary>
    public static Gen<decimal> Money { get; } = WithEdges(
        Gen.Frequency(
            (1, Gen.Choose(0, 10_000_000).Select(n => (decimal)n)),
            (1, Gen.Choose(0, 1_000_000_000).Select(n => n / 100m))),
        0m, 0.01m, 0.5m, 780m, 999.99m, 1000m, 1280.5m, 1_000_000m);

    public static Gen<LocalDate> Date { get; } =
        Gen.Choose(0, 365 * 100).Select(d => new LocalDate(2000, 1, 1).PlusDays(d));

    public static Gen<LocalDateTime> DateTime { get; } =
        from date in Date
        from minute in Gen.Choose(0, (24 * 60) - 1)
        select date.At(LocalTime.Midnight.PlusMinutes(minute));

    public static Gen<ScriptValue> ValueOf(PlaceholderKind kind) => kind switch
    {
        PlaceholderKind.Text => NonBlankText.Select(ScriptValue.Text),
        PlaceholderKind.Number => Gen.Choose(0, 100_000).Select(n => ScriptValue.Number(n)),
        PlaceholderKind.Money => Money.Select(ScriptValue.Money),
        PlaceholderKind.Date => Date.Select(ScriptValue.Date),
        _ => DateTime.Select(ScriptValue.DateTime),
    };

    public static Gen<RandomValues> Values { get; } =
        ScriptPlaceholders.BuiltIn
            .Where(p => p.Key != ScriptPlaceholders.OptOut)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Aggregate(
                Gen.Constant(NoValues()),
                (acc, p) => from list in acc from value in ValueOf(p.Value) select list.Append(new KeyValuePair<string, ScriptValue>(p.Key, value)).ToArray())
            .Select(list =>
            {
                var values = new ScriptValues();
                foreach (var (name, value) in list)
                {
                    values[name] = value;
                }

                return new RandomValues(values);
            });

    private static KeyValuePair<string, ScriptValue>[] NoValues() => [];

    public static Gen<GsmText> Gsm { get; } = StringOf(Chars(GsmBasic), 0, 400).Select(t => new GsmText(t));

    public static Gen<SmsText> Sms { get; } = StringOf(
        Gen.Frequency(
            (8, Chars(GsmBasic)),
            (2, Chars(GsmExtension)),
            (1, Chars(Chinese)),
            (1, Gen.Elements(Emoji))),
        0,
        400).Select(t => new SmsText(t));
}

/// <summary>The arbitraries the properties use, registered with <c>[Properties(Arbitrary = ...)]</c>.</summary>
public static class Arbitraries
{
    public static Arbitrary<LiteralText> LiteralText() => Arb.From(Gens.Literal);

    public static Arbitrary<UnknownName> UnknownName() => Arb.From(Gens.Unknown);

    public static Arbitrary<RandomValues> RandomValues() => Arb.From(Gens.Values);

    public static Arbitrary<Amount> Amount() => Arb.From(Gens.Money.Select(m => new Amount(m)));

    public static Arbitrary<LocalDate> LocalDate() => Arb.From(Gens.Date);

    public static Arbitrary<LocalDateTime> LocalDateTime() => Arb.From(Gens.DateTime);

    public static Arbitrary<GsmText> GsmText() => Arb.From(Gens.Gsm);

    public static Arbitrary<SmsText> SmsText() => Arb.From(Gens.Sms);
}
