using System;
using System.Collections.Generic;

namespace Retention.Scripts;

/// <summary>
/// Options for Retention.Scripts: locales and their formats, the fallback locale, the opt-out line of marketing
/// messages, host placeholders, and host scripts that add to or override the built-in catalog.
/// Bind from configuration section <see cref="SectionName"/>.
/// </summary>
/// <remarks>Validated at start-up by <see cref="ScriptOptionsValidator"/>, which also builds the catalog so a bad script or catalog file stops the host.</remarks>
public sealed class ScriptOptions
{
    /// <summary>The configuration section these options bind from: <c>Retention:Scripts</c>.</summary>
    public const string SectionName = "Retention:Scripts";

    /// <summary>
    /// The locale used when a script does not exist in the requested locale (nor in its language, <c>en</c> for <c>en-GB</c>).
    /// Must be a key of <see cref="Locales"/>. The default value is <c>zh-CN</c> (<b>Decision</b>: the stores the playbooks come from work in Chinese).
    /// </summary>
    public string FallbackLocale { get; set; } = "zh-CN";

    /// <summary>
    /// The locales scripts may be written in, with their formats and opt-out line. The default has <c>zh-CN</c> and <c>en</c>.
    /// Keys compare ignoring case.
    /// </summary>
    public Dictionary<string, ScriptLocaleOptions> Locales { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zh-CN"] = new ScriptLocaleOptions
        {
            OptOutLine = "回复TD退订",
            DatePattern = "uuuu'年'M'月'd'日'",
            DateTimePattern = "uuuu'年'M'月'd'日' HH:mm",
            MoneyPrefix = "¥",
            MoneySuffix = string.Empty,
        },
        ["en"] = new ScriptLocaleOptions
        {
            OptOutLine = "Reply TD to unsubscribe",
            DatePattern = "d MMM uuuu",
            DateTimePattern = "d MMM uuuu, HH:mm",
            MoneyPrefix = "CNY ",
            MoneySuffix = string.Empty,
        },
    };

    /// <summary>Whether the catalog starts from the built-in scripts. The default value is <see langword="true"/>.</summary>
    public bool IncludeBuiltIns { get; set; } = true;

    /// <summary>
    /// Paths of JSON catalog files (the format of the built-in catalog, see the package README) loaded after the built-ins,
    /// in order; a script with the id and locale of an earlier one replaces it. The default is empty.
    /// </summary>
    public List<string> CatalogFiles { get; set; } = [];

    /// <summary>Scripts added after the catalog files; a script with the id and locale of an earlier one replaces it. The default is empty.</summary>
    public List<ScriptDefinition> Scripts { get; set; } = [];

    /// <summary>
    /// Placeholders the host's scripts use beyond <see cref="ScriptPlaceholders.BuiltIn"/>, with the kind of value each takes.
    /// A built-in name cannot be redeclared with another kind. The default is empty.
    /// </summary>
    public Dictionary<string, PlaceholderKind> Placeholders { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>How one locale formats values, and its opt-out line.</summary>
public sealed class ScriptLocaleOptions
{
    /// <summary>
    /// The opt-out instruction every marketing message in this locale ends with; fills the <c>{OptOut}</c> placeholder.
    /// Must not be blank. Defaults: <c>回复TD退订</c> (zh-CN), <c>Reply TD to unsubscribe</c> (en).
    /// </summary>
    public string OptOutLine { get; set; } = string.Empty;

    /// <summary>
    /// A NodaTime <c>LocalDate</c> pattern (invariant culture) for dates.
    /// Defaults: <c>uuuu'年'M'月'd'日'</c> (zh-CN, 2026年11月24日), <c>d MMM uuuu</c> (en, 24 Nov 2026).
    /// </summary>
    public string DatePattern { get; set; } = "uuuu-MM-dd";

    /// <summary>
    /// A NodaTime <c>LocalDateTime</c> pattern (invariant culture) for dates with a time.
    /// Defaults: <c>uuuu'年'M'月'd'日' HH:mm</c> (zh-CN), <c>d MMM uuuu, HH:mm</c> (en).
    /// </summary>
    public string DateTimePattern { get; set; } = "uuuu-MM-dd HH:mm";

    /// <summary>Written before an amount of money. Defaults: <c>¥</c> (zh-CN), <c>CNY </c> (en).</summary>
    public string MoneyPrefix { get; set; } = string.Empty;

    /// <summary>Written after an amount of money. The default is empty.</summary>
    public string MoneySuffix { get; set; } = string.Empty;
}
