using System;
using System.ComponentModel;
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

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        Locale is not null && (IsChinese || string.Equals(Locale, "en", StringComparison.OrdinalIgnoreCase))
            ? ValidationResult.Success()
            : ValidationResult.Error($"--locale must be en or zh-CN (was \"{Locale}\").");
}
