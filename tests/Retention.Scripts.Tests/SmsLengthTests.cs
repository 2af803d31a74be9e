using System;
using System.Linq;
using FsCheck.Xunit;
using Retention.Scripts.Tests.Support;
using Xunit;

namespace Retention.Scripts.Tests;

/// <summary>
/// Spec section 2: SMS length in segments (GSM-7 160 / 153, UCS-2 70 / 67). GSM-7 extension characters take two
/// septets; a character outside the basic plane takes two UCS-2 units; neither is split across two parts.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
public class SmsLengthTests
{
    private const string Emoji = "😀";

    [Fact]
    public void The_limits_are_the_spec_figures()
    {
        Assert.Equal((160, 153, 70, 67), (SmsLength.Gsm7Single, SmsLength.Gsm7PerPart, SmsLength.Ucs2Single, SmsLength.Ucs2PerPart));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(159, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Gsm7_text_fills_160_single_and_153_per_part(int length, int segments)
    {
        var sms = SmsLength.Measure(new string('a', length));

        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, length, segments), sms);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(69, 1)]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    [InlineData(201, 3)]
    [InlineData(202, 4)]
    public void Any_chinese_character_makes_the_text_ucs2_with_70_single_and_67_per_part(int length, int segments)
    {
        var sms = SmsLength.Measure("好" + new string('a', length - 1));

        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, length, segments), sms);
    }

    [Fact]
    public void Every_character_of_the_GSM7_basic_alphabet_is_one_septet()
    {
        var sms = SmsLength.Measure(Gens.GsmBasic);

        Assert.Equal(SmsEncoding.Gsm7, sms.Encoding);
        Assert.Equal(Gens.GsmBasic.Length, sms.Units);
        Assert.Equal(127, Gens.GsmBasic.Length);
    }

    [Theory]
    [InlineData('^')]
    [InlineData('{')]
    [InlineData('}')]
    [InlineData('\\')]
    [InlineData('[')]
    [InlineData(']')]
    [InlineData('~')]
    [InlineData('|')]
    [InlineData('€')]
    public void Each_GSM7_extension_character_counts_two(char c)
    {
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 2, 1), SmsLength.Measure(c.ToString()));
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 160, 1), SmsLength.Measure(new string(c, 80)));
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 162, 2), SmsLength.Measure(new string(c, 81)));
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 160, 1), SmsLength.Measure(c + new string('a', 158)));
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 161, 2), SmsLength.Measure(c + new string('a', 159)));
    }

    [Fact]
    public void An_extension_character_is_never_split_across_two_parts()
    {
        string text = new string('a', 152) + "€" + new string('a', 152);

        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 306, 3), SmsLength.Measure(text));
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 306, 2), SmsLength.Measure(new string('a', 153) + "€" + new string('a', 151)));
    }

    [Theory]
    [InlineData("ç")]
    [InlineData("á")]
    [InlineData("`")]
    [InlineData("\t")]
    [InlineData("\u001b")]
    [InlineData("你")]
    [InlineData("，")]
    [InlineData(Emoji)]
    public void A_character_outside_GSM7_makes_the_whole_text_UCS2(string c)
    {
        var sms = SmsLength.Measure("Hello " + c);

        Assert.Equal(SmsEncoding.Ucs2, sms.Encoding);
        Assert.Equal(6 + c.Length, sms.Units);
    }

    [Fact]
    public void A_surrogate_pair_counts_two_units_and_is_never_split()
    {
        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, 2, 1), SmsLength.Measure(Emoji));
        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, 70, 1), SmsLength.Measure(string.Concat(Enumerable.Repeat(Emoji, 35))));
        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, 72, 2), SmsLength.Measure(string.Concat(Enumerable.Repeat(Emoji, 36))));

        // 134 units would fit two parts of 67, but the pair at units 67-68 moves to the second part.
        string straddling = "好" + new string('a', 65) + Emoji + new string('a', 66);
        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, 134, 3), SmsLength.Measure(straddling));
        string fitting = "好" + new string('a', 65) + "b" + Emoji + new string('a', 65);
        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, 134, 2), SmsLength.Measure(fitting));
    }

    [Fact]
    public void A_lone_surrogate_counts_one_unit()
    {
        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, 1, 1), SmsLength.Measure("\uD83D"));
        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, 2, 1), SmsLength.Measure("\uDE00\uD83D"));
    }

    [Fact]
    public void A_null_text_is_bad_input()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => SmsLength.Measure(null!)).ParamName);
    }

    [Property]
    public void GSM7_basic_text_costs_one_septet_per_character(GsmText text)
    {
        var sms = SmsLength.Measure(text.Text);
        int n = text.Text.Length;

        Assert.Equal(SmsEncoding.Gsm7, sms.Encoding);
        Assert.Equal(n, sms.Units);
        Assert.Equal(n <= 160 ? 1 : (n + 152) / 153, sms.Segments);
    }

    [Property]
    public void Segments_are_between_the_ideal_packing_and_one_unit_lost_per_part(SmsText text)
    {
        var sms = SmsLength.Measure(text.Text);
        bool gsm = sms.Encoding == SmsEncoding.Gsm7;
        int single = gsm ? SmsLength.Gsm7Single : SmsLength.Ucs2Single;
        int perPart = gsm ? SmsLength.Gsm7PerPart : SmsLength.Ucs2PerPart;

        Assert.Equal(text.Text.Any(c => !Gens.GsmBasic.Contains(c, StringComparison.Ordinal) && !Gens.GsmExtension.Contains(c, StringComparison.Ordinal)), !gsm);
        int expectedUnits = gsm ? text.Text.Sum(c => Gens.GsmExtension.Contains(c, StringComparison.Ordinal) ? 2 : 1) : text.Text.Length;
        Assert.Equal(expectedUnits, sms.Units);
        if (sms.Units <= single)
        {
            Assert.Equal(1, sms.Segments);
        }
        else
        {
            Assert.InRange(sms.Segments, (sms.Units + perPart - 1) / perPart, (sms.Units + perPart - 2) / (perPart - 1));
        }
    }

    [Property]
    public void Segments_never_fall_as_the_text_grows(SmsText text, SmsText more)
    {
        var shorter = SmsLength.Measure(text.Text);
        var longer = SmsLength.Measure(text.Text + more.Text);

        Assert.True(longer.Segments >= shorter.Segments, $"{shorter} then {longer}");
        Assert.True(longer.Units >= shorter.Units || longer.Encoding != shorter.Encoding, $"{shorter} then {longer}");
    }

    [Property]
    public void Adding_one_character_never_lowers_the_count(SmsText text)
    {
        int previous = 1;
        for (int i = 1; i <= text.Text.Length; i++)
        {
            int segments = SmsLength.Measure(text.Text[..i]).Segments;
            Assert.True(segments >= previous, $"at {i}: {segments} < {previous}");
            previous = segments;
        }
    }
}
