using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Retention.Scripts;

/// <summary>
/// Renders scripts strictly (scripts.md sections 1-2): every placeholder a script uses must have a value of the right
/// kind (all missing ones are named at once); values are formatted for the script's locale; <c>{OptOut}</c> is filled
/// from the locale's opt-out line; a message must name the store and a contact person, and a marketing message must
/// end with the opt-out instruction.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ScriptRenderer
{
    private readonly Dictionary<string, Formats> formats;
    private readonly IReadOnlyDictionary<string, PlaceholderKind> known;

    /// <summary>Creates a renderer (for dependency injection).</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The locale options are invalid.</exception>
    public ScriptRenderer(IOptions<ScriptOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>Creates a renderer.</summary>
    /// <param name="options">The options (locales and their formats, host placeholders).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The locale options are invalid.</exception>
    public ScriptRenderer(ScriptOptions options)
        : this(options, validated: false)
    {
    }

    /// <summary>Creates a renderer; <paramref name="validated"/> skips checking options the caller has just checked.</summary>
    internal ScriptRenderer(ScriptOptions options, bool validated)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!validated)
        {
            var errors = ScriptOptionsValidator.CollectOptionErrors(options);
            if (errors.Count > 0)
            {
                throw new OptionsValidationException(Options.DefaultName, typeof(ScriptOptions), errors);
            }
        }

        formats = new(StringComparer.OrdinalIgnoreCase);
        foreach (var (locale, format) in options.Locales)
        {
            formats[locale] = new Formats(
                format.OptOutLine.Trim(),
                LocalDatePattern.Create(format.DatePattern, CultureInfo.InvariantCulture),
                LocalDateTimePattern.Create(format.DateTimePattern, CultureInfo.InvariantCulture),
                format.MoneyPrefix,
                format.MoneySuffix);
        }

        known = ScriptOptionsValidator.KnownPlaceholders(options);
    }

    /// <summary>Renders a script.</summary>
    /// <param name="script">The script.</param>
    /// <param name="values">A value for every placeholder the script uses (except <c>{OptOut}</c>); extra values are ignored.</param>
    /// <returns>The rendered script.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The script's locale is not one of the configured locales.</exception>
    /// <exception cref="ScriptRenderException">Placeholders have no value, are unknown, or have a value of the wrong kind; every one is named.</exception>
    /// <exception cref="MessageComplianceException">A message with a blank store or contact, or a marketing message that does not end with the opt-out line.</exception>
    public RenderedScript Render(Script script, ScriptValues values)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(values);
        if (!formats.TryGetValue(script.Locale, out var format))
        {
            throw new ArgumentException($"The script's locale '{script.Locale}' is not configured (ScriptOptions.Locales has {string.Join(", ", formats.Keys.Order(StringComparer.Ordinal))}).", nameof(script));
        }

        var missing = new List<string>();
        var wrong = new List<string>();
        foreach (string name in script.Placeholders)
        {
            if (name == ScriptPlaceholders.OptOut)
            {
                continue;
            }

            if (!known.TryGetValue(name, out var kind))
            {
                missing.Add(name);
                wrong.Add($"{{{name}}} is not a known placeholder");
            }
            else if (!values.TryGetValue(name, out var value) || (value.Kind == PlaceholderKind.Text && value == default))
            {
                missing.Add(name);
            }
            else if (value.Kind != kind)
            {
                wrong.Add($"{{{name}}} takes {kind} but the value is {value.Kind}");
            }
        }

        if (missing.Count > 0 || wrong.Count > 0)
        {
            missing.Sort(StringComparer.Ordinal);
            wrong.Sort(StringComparer.Ordinal);
            string message = $"Cannot render '{script.Id}' ({script.Locale}):"
                + (missing.Count > 0 ? $" no value for {string.Join(", ", missing.Select(n => "{" + n + "}"))}." : string.Empty)
                + (wrong.Count > 0 ? " " + string.Join("; ", wrong) + "." : string.Empty);
            throw new ScriptRenderException(script.Id, script.Locale, missing.AsReadOnly(), wrong.AsReadOnly(), message);
        }

        if (script.Kind == ScriptKind.Message)
        {
            CheckContact(script, values);
        }

        string Fill(string name)
        {
            if (name == ScriptPlaceholders.OptOut)
            {
                return format.OptOut;
            }

            var value = values[name];
            return value.Kind switch
            {
                PlaceholderKind.Text => value.AsText,
                PlaceholderKind.Number => value.AsDecimal.ToString("#,0", CultureInfo.InvariantCulture),
                PlaceholderKind.Money => format.MoneyPrefix + Money(value.AsDecimal) + format.MoneySuffix,
                PlaceholderKind.Date => format.Date.Format(value.AsDate),
                _ => format.DateTime.Format(value.AsDateTime),
            };
        }

        var parts = script.Parts.Select(p => new RenderedPart(p.Kind, p.Template.Render(Fill))).ToArray();
        string text = string.Join("\n", parts.Where(p => p.Kind == ScriptPartKind.Line).Select(p => p.Text));
        if (script.Kind == ScriptKind.Message && script.Purpose == ScriptPurpose.Marketing
            && !text.TrimEnd().EndsWith(format.OptOut, StringComparison.Ordinal))
        {
            throw new MessageComplianceException(script.Id, script.Locale, ComplianceRule.OptOutLine,
                $"Cannot render '{script.Id}' ({script.Locale}): a marketing message must end with the opt-out instruction \"{format.OptOut}\".");
        }

        return new RenderedScript
        {
            Id = script.Id,
            Locale = script.Locale,
            Kind = script.Kind,
            Purpose = script.Purpose,
            Title = script.Title.Render(Fill),
            Parts = parts.AsReadOnly(),
            Do = script.Do.Select(t => t.Render(Fill)).ToArray().AsReadOnly(),
            Dont = script.Dont.Select(t => t.Render(Fill)).ToArray().AsReadOnly(),
            Text = text,
            Sms = script.Kind == ScriptKind.Message ? SmsLength.Measure(text) : null,
        };
    }

    /// <summary>
    /// Formats an amount the way money placeholders are formatted in a locale (<c>¥780</c>, <c>CNY 1,280.50</c>): whole amounts
    /// without decimals, others rounded to the cent (780.999 shows as 781.00).
    /// </summary>
    /// <param name="amount">The amount; zero or more.</param>
    /// <param name="locale">A configured locale.</param>
    /// <returns>The formatted amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="locale"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="locale"/> is not configured.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public string FormatMoney(decimal amount, string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        if (!formats.TryGetValue(locale, out var format))
        {
            throw new ArgumentException($"'{locale}' is not a configured locale.", nameof(locale));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        return format.MoneyPrefix + Money(amount) + format.MoneySuffix;
    }

    private static string Money(decimal amount) =>
        amount.ToString(decimal.Truncate(amount) == amount ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);

    private static void CheckContact(Script script, ScriptValues values)
    {
        static bool Filled(ScriptValues values, string name) =>
            values.TryGetValue(name, out var v) && v.Kind == PlaceholderKind.Text && !string.IsNullOrWhiteSpace(v.AsText);

        // Only the text that is sent counts: the title and the do / don't lists are for staff.
        var used = script.Parts.Where(p => p.Kind == ScriptPartKind.Line).SelectMany(p => p.Template.Placeholders).ToHashSet(StringComparer.Ordinal);
        if (!used.Contains(ScriptPlaceholders.StoreName) || !Filled(values, ScriptPlaceholders.StoreName))
        {
            throw new MessageComplianceException(script.Id, script.Locale, ComplianceRule.NamesStore,
                $"Cannot render '{script.Id}' ({script.Locale}): a message must name the store ({{StoreName}}, not blank).");
        }

        if (!ScriptPlaceholders.ContactNames.Any(n => used.Contains(n) && Filled(values, n))
            || !ScriptPlaceholders.ContactPhones.Any(n => used.Contains(n) && Filled(values, n)))
        {
            throw new MessageComplianceException(script.Id, script.Locale, ComplianceRule.NamesContact,
                $"Cannot render '{script.Id}' ({script.Locale}): a message must name a contact person and give a way to reach them (a name and a phone placeholder, not blank).");
        }
    }

    private sealed record Formats(string OptOut, LocalDatePattern Date, LocalDateTimePattern DateTime, string MoneyPrefix, string MoneySuffix);
}
