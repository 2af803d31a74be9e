using System;
using System.Collections;
using System.Collections.Generic;
using NodaTime;

namespace Retention.Scripts;

/// <summary>
/// A value for one placeholder: text, a whole number, money, a date, or a date and time. The renderer formats it
/// for the script's locale and checks that its kind is the kind the placeholder takes.
/// </summary>
/// <remarks>Immutable value type. Strings convert implicitly to text, <see cref="int"/> and <see cref="long"/> to numbers,
/// <see cref="LocalDate"/> to dates and <see cref="LocalDateTime"/> to dates and times; money is always explicit (<see cref="Money"/>).</remarks>
public readonly struct ScriptValue : IEquatable<ScriptValue>
{
    private readonly string? text;
    private readonly decimal number;
    private readonly LocalDateTime moment;

    private ScriptValue(PlaceholderKind kind, string? text, decimal number, LocalDateTime moment)
    {
        Kind = kind;
        this.text = text;
        this.number = number;
        this.moment = moment;
    }

    /// <summary>The kind of value.</summary>
    public PlaceholderKind Kind { get; }

    /// <summary>The text of a <see cref="PlaceholderKind.Text"/> value.</summary>
    /// <exception cref="InvalidOperationException">The value is not text.</exception>
    public string AsText => Kind == PlaceholderKind.Text && text is not null ? text : throw Wrong(PlaceholderKind.Text);

    /// <summary>The amount of a <see cref="PlaceholderKind.Number"/> or <see cref="PlaceholderKind.Money"/> value.</summary>
    /// <exception cref="InvalidOperationException">The value is neither a number nor money.</exception>
    public decimal AsDecimal => Kind is PlaceholderKind.Number or PlaceholderKind.Money ? number : throw Wrong(PlaceholderKind.Number);

    /// <summary>The date of a <see cref="PlaceholderKind.Date"/> or <see cref="PlaceholderKind.DateTime"/> value.</summary>
    /// <exception cref="InvalidOperationException">The value is neither a date nor a date and time.</exception>
    public LocalDate AsDate => Kind is PlaceholderKind.Date or PlaceholderKind.DateTime ? moment.Date : throw Wrong(PlaceholderKind.Date);

    /// <summary>The date and time of a <see cref="PlaceholderKind.DateTime"/> value (midnight for a date).</summary>
    /// <exception cref="InvalidOperationException">The value is neither a date nor a date and time.</exception>
    public LocalDateTime AsDateTime => Kind is PlaceholderKind.Date or PlaceholderKind.DateTime ? moment : throw Wrong(PlaceholderKind.DateTime);

    /// <summary>A text value.</summary>
    /// <param name="value">The text; may be empty only for placeholders that do not identify the store or a contact.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static ScriptValue Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(PlaceholderKind.Text, value, 0, default);
    }

    /// <summary>A whole number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static ScriptValue Number(long value) => new(PlaceholderKind.Number, null, value, default);

    /// <summary>An amount of money in the store's currency.</summary>
    /// <param name="amount">The amount; zero or more.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public static ScriptValue Money(decimal amount)
    {
        if (amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "must be zero or more");
        }

        return new(PlaceholderKind.Money, null, amount, default);
    }

    /// <summary>A calendar date.</summary>
    /// <param name="value">The date.</param>
    /// <returns>The value.</returns>
    public static ScriptValue Date(LocalDate value) => new(PlaceholderKind.Date, null, 0, value.AtMidnight());

    /// <summary>A date and time of day (in the store's zone, as the customer reads it).</summary>
    /// <param name="value">The date and time.</param>
    /// <returns>The value.</returns>
    public static ScriptValue DateTime(LocalDateTime value) => new(PlaceholderKind.DateTime, null, 0, value);

    /// <summary>Converts text.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator ScriptValue(string value) => Text(value);

    /// <summary>Converts a whole number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator ScriptValue(int value) => Number(value);

    /// <summary>Converts a whole number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator ScriptValue(long value) => Number(value);

    /// <summary>Converts a date.</summary>
    /// <param name="value">The date.</param>
    public static implicit operator ScriptValue(LocalDate value) => Date(value);

    /// <summary>Converts a date and time.</summary>
    /// <param name="value">The date and time.</param>
    public static implicit operator ScriptValue(LocalDateTime value) => DateTime(value);

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ScriptValue left, ScriptValue right) => left.Equals(right);

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(ScriptValue left, ScriptValue right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(ScriptValue other) => Kind == other.Kind && string.Equals(text, other.text, StringComparison.Ordinal) && number == other.number && moment == other.moment;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ScriptValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, text, number, moment);

    /// <summary>A short description for debugging; not the locale formatting the renderer uses.</summary>
    /// <returns>The kind and the raw value.</returns>
    public override string ToString() => Kind switch
    {
        PlaceholderKind.Text => $"Text \"{text}\"",
        PlaceholderKind.Date => $"Date {moment.Date:uuuu-MM-dd}",
        PlaceholderKind.DateTime => $"DateTime {moment:uuuu-MM-ddTHH:mm}",
        _ => $"{Kind} {number.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
    };

    private InvalidOperationException Wrong(PlaceholderKind wanted) => new($"The value is {Kind}, not {wanted}.");
}

/// <summary>
/// The values for a rendering, by placeholder name. Fill it with a collection initializer:
/// <code>new ScriptValues { ["CustomerName"] = "王", ["OfferSaving"] = ScriptValue.Money(780m) }</code>.
/// Extra values a script does not use are ignored, so one set can serve several scripts.
/// </summary>
/// <remarks>A mutable builder, not thread-safe while being filled; the renderer only reads it.</remarks>
public sealed class ScriptValues : IEnumerable<KeyValuePair<string, ScriptValue>>
{
    private readonly Dictionary<string, ScriptValue> values = new(StringComparer.Ordinal);

    /// <summary>The number of values.</summary>
    public int Count => values.Count;

    /// <summary>Gets or sets the value of a placeholder.</summary>
    /// <param name="name">The placeholder name, without braces.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">Reading a name that has no value.</exception>
    public ScriptValue this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            return values[name];
        }

        set
        {
            ArgumentNullException.ThrowIfNull(name);
            values[name] = value;
        }
    }

    /// <summary>Adds a value.</summary>
    /// <param name="name">The placeholder name, without braces.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name already has a value.</exception>
    public void Add(string name, ScriptValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!values.TryAdd(name, value))
        {
            throw new ArgumentException($"already has a value for {{{name}}}", nameof(name));
        }
    }

    /// <summary>Looks up the value of a placeholder.</summary>
    /// <param name="name">The placeholder name.</param>
    /// <param name="value">The value, when there is one.</param>
    /// <returns><see langword="true"/> when the name has a value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public bool TryGetValue(string name, out ScriptValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        return values.TryGetValue(name, out value);
    }

    /// <summary>Whether the name has a value.</summary>
    /// <param name="name">The placeholder name.</param>
    /// <returns><see langword="true"/> when it has one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public bool Contains(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return values.ContainsKey(name);
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, ScriptValue>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
