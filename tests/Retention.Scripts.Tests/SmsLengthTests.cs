using Xunit;

namespace Retention.Scripts.Tests;

/// <summary>Spec section 2: SMS length in segments (GSM-7 160 / 153, UCS-2 70 / 67).</summary>
public class SmsLengthTests
{
    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Gsm7_text_fills_160_single_and_153_per_part(int length, int segments)
    {
        var sms = SmsLength.Measure(new string('a', length));

        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, length, segments), sms);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Any_chinese_character_makes_the_text_ucs2_with_70_single_and_67_per_part(int length, int segments)
    {
        var sms = SmsLength.Measure("好" + new string('a', length - 1));

        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, length, segments), sms);
    }
}
