using System;
using System.ComponentModel;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retention.Tool;

/// <summary>Options every command takes: the locale of the tool's own text and of the packages' reasons and titles.</summary>
internal class ToolSettings : CommandSettings
{
    /// <summary>The output locale, <c>en</c> (default, for CI logs) or <c>zh-CN</c>.</summary>
    [CommandOption("--locale <LOCALE>")]
    [Description("Output language: en (default) or zh-CN. Option paths and validator messages stay as the packages write them.")]
    [DefaultValue("en")]
    public string Locale { get; init; } = "en";

    /// <summary>Whether the output is Chinese.</summary>
    public bool IsChinese => string.Equals(Locale, "zh-CN", StringComparison.OrdinalIgnoreCase);

    /// <summary>Picks the text of the output locale.</summary>
    /// <param name="zhCn">The Chinese text.</param>
    /// <param name="en">The English text.</param>
    /// <returns>One of them.</returns>
    public string T(string zhCn, string en) => IsChinese ? zhCn : en;

    /// <summary>An <c>--as-of</c> value as a date; <see langword="null"/> when the option was not given. Call after <see cref="AsOfProblem"/>.</summary>
    /// <param name="asOf">The option's text.</param>
    /// <returns>The date.</returns>
    protected static LocalDate? ParseAsOf(string? asOf) => asOf is null ? null : LocalDatePattern.Iso.Parse(asOf).GetValueOrThrow();

    /// <summary>Why an <c>--as-of</c> value is not a date, or <see langword="null"/> when it is one or was not given.</summary>
    /// <param name="asOf">The option's text.</param>
    /// <returns>The validation error, or <see langword="null"/>.</returns>
    protected static ValidationResult? AsOfProblem(string? asOf) =>
        asOf is not null && !LocalDatePattern.Iso.Parse(asOf).Success
            ? ValidationResult.Error($"--as-of must be a date yyyy-MM-dd (was \"{asOf}\").")
            : null;

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        Locale is not null && (IsChinese || string.Equals(Locale, "en", StringComparison.OrdinalIgnoreCase))
            ? ValidationResult.Success()
            : ValidationResult.Error($"--locale must be en or zh-CN (was \"{Locale}\").");
}
