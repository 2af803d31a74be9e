using System;
using System.Globalization;
using FsCheck.Xunit;
using NodaTime;
using Retention.Scripts.Tests.Support;
using Xunit;
using static Retention.Scripts.Tests.Support.Fixtures;

namespace Retention.Scripts.Tests;

/// <summary>
/// Spec section 1, "values are formatted for the locale (dates, money: ¥780 / CNY 780)": the default zh-CN and en
/// formats for dates, dates with a time, money and numbers, and custom formats from <see cref="ScriptOptions.Locales"/>.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
public class LocaleFormatTests
{
    private static ScriptDefinition Formats(string locale) => Call("host.formats", locale, line: "{OfferSaving}|{OfferValidUntil}|{BookingSlot}|{MonthsSinceLastVisit}");

    private static string Render(string locale, ScriptValue money, ScriptValue? date = null, ScriptValue? slot = null, ScriptValue? months = null, ScriptOptions? options = null)
    {
        options ??= Options();
        options.Scripts.Add(Formats(locale));
        return new ScriptCatalog(options).Render("host.formats", locale, new ScriptValues
        {
            ["OfferSaving"] = money,
            ["OfferValidUntil"] = date ?? Day,
            ["BookingSlot"] = slot ?? Day.At(new LocalTime(9, 5)),
            ["MonthsSinceLastVisit"] = months ?? 4,
        }).Text;
    }

    [Fact]
    public void The_spec_examples_in_zh_CN()
    {
        Assert.Equal("¥780|2026年11月24日|2026年11月24日 09:05|4", Render(ZhCn, ScriptValue.Money(780m)));
    }

    [Fact]
    public void The_spec_examples_in_en()
    {
        Assert.Equal("CNY 780|24 Nov 2026|24 Nov 2026, 09:05|4", Render(En, ScriptValue.Money(780m)));
    }

    [Theory]
    [InlineData("0", "¥0", "CNY 0")]
    [InlineData("780.00", "¥780", "CNY 780")]
    [InlineData("1280", "¥1,280", "CNY 1,280")]
    [InlineData("1280.5", "¥1,280.50", "CNY 1,280.50")]
    [InlineData("0.5", "¥0.50", "CNY 0.50")]
    [InlineData("99.99", "¥99.99", "CNY 99.99")]
    [InlineData("1234567.8", "¥1,234,567.80", "CNY 1,234,567.80")]
    [InlineData("10000000", "¥10,000,000", "CNY 10,000,000")]
    public void Money_has_thousands_separators_and_cents_only_when_there_are_cents(string amount, string zh, string en)
    {
        var money = ScriptValue.Money(decimal.Parse(amount, CultureInfo.InvariantCulture));

        Assert.StartsWith(zh + "|", Render(ZhCn, money), StringComparison.Ordinal);
        Assert.StartsWith(en + "|", Render(En, money), StringComparison.Ordinal);
        Assert.Equal(zh, Renderer.FormatMoney(money.AsDecimal, ZhCn));
        Assert.Equal(en, Renderer.FormatMoney(money.AsDecimal, En));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(12, "12")]
    [InlineData(1234, "1,234")]
    [InlineData(-3, "-3")]
    [InlineData(1234567, "1,234,567")]
    public void Numbers_are_whole_with_thousands_separators(long number, string expected)
    {
        Assert.EndsWith("|" + expected, Render(En, ScriptValue.Money(1m), months: number), StringComparison.Ordinal);
        Assert.EndsWith("|" + expected, Render(ZhCn, ScriptValue.Money(1m), months: number), StringComparison.Ordinal);
    }

    [Fact]
    public void Single_digit_days_and_months_are_not_padded()
    {
        var date = new LocalDate(2027, 1, 5);

        Assert.Equal("CNY 1|5 Jan 2027|5 Jan 2027, 23:59|1", Render(En, ScriptValue.Money(1m), date, date.At(new LocalTime(23, 59)), 1));
        Assert.Equal("¥1|2027年1月5日|2027年1月5日 23:59|1", Render(ZhCn, ScriptValue.Money(1m), date, date.At(new LocalTime(23, 59)), 1));
    }

    [Fact]
    public void The_language_of_the_host_thread_does_not_change_the_formats()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            CultureInfo.CurrentUICulture = new CultureInfo("de-DE");

            Assert.Equal("CNY 1,280.50|24 Nov 2026|24 Nov 2026, 09:05|1,234", Render(En, ScriptValue.Money(1280.5m), months: 1234));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Custom_locale_formats_from_options_are_used()
    {
        var options = Options();
        options.Locales[En] = new ScriptLocaleOptions
        {
            OptOutLine = "Text STOP to opt out",
            DatePattern = "uuuu-MM-dd",
            DateTimePattern = "dd/MM/uuuu HH'h'mm",
            MoneyPrefix = string.Empty,
            MoneySuffix = " yuan",
        };

        Assert.Equal("1,280.50 yuan|2026-11-24|24/11/2026 09h05|4", Render(En, ScriptValue.Money(1280.5m), options: options));
        Assert.Equal("1,280.50 yuan", new ScriptRenderer(options).FormatMoney(1280.5m, En));
    }

    [Fact]
    public void A_new_locale_with_its_own_formats_can_hold_scripts()
    {
        var options = Options();
        options.Locales["en-GB"] = new ScriptLocaleOptions
        {
            OptOutLine = "Reply STOP to opt out",
            DatePattern = "dd/MM/uuuu",
            DateTimePattern = "dd/MM/uuuu HH:mm",
            MoneyPrefix = "£",
        };

        Assert.Equal("£780|24/11/2026|24/11/2026 09:05|4", Render("en-GB", ScriptValue.Money(780m), options: options));
    }

    [Fact]
    public void Locale_keys_compare_ignoring_case()
    {
        var options = Options();
        options.Locales.Remove(En);
        options.Locales["EN"] = new ScriptLocaleOptions { OptOutLine = "STOP", DatePattern = "d MMM uuuu", MoneyPrefix = "RMB " };

        Assert.StartsWith("RMB 780|24 Nov 2026|", Render(En, ScriptValue.Money(780m), options: options), StringComparison.Ordinal);
    }

    [Fact]
    public void FormatMoney_rejects_negative_amounts_and_unknown_locales()
    {
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => Renderer.FormatMoney(-0.01m, En)).ParamName);
        Assert.Equal("locale", Assert.Throws<ArgumentException>(() => Renderer.FormatMoney(1m, "fr")).ParamName);
        Assert.Equal("locale", Assert.Throws<ArgumentNullException>(() => Renderer.FormatMoney(1m, null!)).ParamName);
    }

    [Property]
    public void Money_renders_the_amount_with_the_locale_prefix(Amount amount)
    {
        string zh = Renderer.FormatMoney(amount.Value, ZhCn);
        string en = Renderer.FormatMoney(amount.Value, En);

        Assert.StartsWith("¥", zh, StringComparison.Ordinal);
        Assert.StartsWith("CNY ", en, StringComparison.Ordinal);
        Assert.Equal(zh[1..], en[4..]);
        string digits = en[4..];
        Assert.Equal(amount.Value, decimal.Parse(digits, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
        bool whole = decimal.Truncate(amount.Value) == amount.Value;
        Assert.Equal(!whole, digits.Contains('.', StringComparison.Ordinal));
        if (!whole)
        {
            Assert.Equal(2, digits.Length - digits.IndexOf('.', StringComparison.Ordinal) - 1);
        }

        string integer = whole ? digits : digits[..digits.IndexOf('.', StringComparison.Ordinal)];
        Assert.Equal(decimal.Truncate(amount.Value).ToString("N0", CultureInfo.InvariantCulture), integer);
    }

    [Property]
    public void Dates_render_day_month_and_year_in_both_locales(LocalDate date)
    {
        string zh = Render(ZhCn, ScriptValue.Money(1m), date).Split('|')[1];
        string en = Render(En, ScriptValue.Money(1m), date).Split('|')[1];

        Assert.Equal($"{date.Year}年{date.Month}月{date.Day}日", zh);
        Assert.Equal($"{date.Day} {CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(date.Month)} {date.Year}", en);
    }
}
