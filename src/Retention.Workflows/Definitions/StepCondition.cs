using System;
using System.Globalization;

namespace Retention.Workflows;

/// <summary>How a <see cref="StepCondition"/> compares the context's value with its own.</summary>
public enum ConditionOperator
{
    /// <summary><c>==</c></summary>
    Equal = 0,

    /// <summary><c>!=</c></summary>
    NotEqual = 1,

    /// <summary><c>&gt;</c></summary>
    GreaterThan = 2,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual = 3,

    /// <summary><c>&lt;</c></summary>
    LessThan = 4,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual = 5,
}

/// <summary>The keys a <see cref="StepCondition"/> reads from a <see cref="WorkflowContext"/>; any other key reads <see cref="WorkflowContext.Values"/>.</summary>
public static class ContextKeys
{
    /// <summary><see cref="WorkflowContext.ValueScore"/>, compared as a number.</summary>
    public const string ValueScore = "valueScore";

    /// <summary><see cref="WorkflowContext.RiskTier"/>, compared by tier order (None &lt; Yellow &lt; Orange &lt; Red).</summary>
    public const string RiskTier = "riskTier";

    /// <summary><see cref="WorkflowContext.Grade"/>, compared by seriousness (B &lt; A &lt; S).</summary>
    public const string Grade = "grade";
}

/// <summary>
/// A condition on the workflow's context, kept as data so definitions serialise and can be read:
/// <c>valueScore &gt; 70</c>, <c>grade == S</c>, <c>riskTier &gt;= Orange</c>, <c>repairs &gt;= 2</c>. A step whose
/// conditions do not all hold when it is reached is skipped.
/// </summary>
/// <remarks>
/// <para>Known keys (<see cref="ContextKeys"/>) compare typed values: the value score as a number, the tier and the grade
/// in their order. Any other key reads the free values; they compare as numbers when both sides are numbers
/// (invariant culture), otherwise as ordinal strings. A missing value makes the condition false, whatever the operator
/// (a <b>Decision</b>: a step that depends on an unknown fact is skipped).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record StepCondition
{
    private const int MaxLength = 200;
    private readonly double _number;
    private readonly bool _isNumber;

    /// <summary>Creates a condition.</summary>
    /// <param name="key">The context key: letters, digits, <c>_</c>, <c>.</c> and <c>-</c>, starting with a letter; at most 64 characters.</param>
    /// <param name="operator">The comparison.</param>
    /// <param name="value">The value compared with: a number for <c>valueScore</c>, a tier name for <c>riskTier</c>, a grade name for <c>grade</c>.</param>
    /// <exception cref="WorkflowDefinitionException">The key, operator or value is not valid.</exception>
    public StepCondition(string key, ConditionOperator @operator, string value)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 64 || !char.IsAsciiLetter(key[0]) || key.AsSpan().ContainsAnyExcept(KeyChars))
        {
            throw new WorkflowDefinitionException($"condition key \"{key}\" must start with a letter and hold only letters, digits, '_', '.' and '-' (at most 64 characters)");
        }

        if (!Enum.IsDefined(@operator))
        {
            throw new WorkflowDefinitionException($"condition on {key}: operator {(int)@operator} is not a known operator");
        }

        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength || value.Trim().Length != value.Length)
        {
            throw new WorkflowDefinitionException($"condition on {key}: the value must be non-empty text without surrounding spaces, at most {MaxLength} characters (was \"{value}\")");
        }

        switch (key)
        {
            case ContextKeys.ValueScore:
                if (!TryNumber(value, out _number))
                {
                    throw new WorkflowDefinitionException($"condition on {key}: \"{value}\" is not a number");
                }

                _isNumber = true;
                break;
            case ContextKeys.RiskTier:
                _number = ParseEnum<RiskTier>(key, value);
                break;
            case ContextKeys.Grade:
                _number = ParseEnum<DetractorGrade>(key, value);
                break;
            default:
                _isNumber = TryNumber(value, out _number);
                break;
        }

        Key = key;
        Operator = @operator;
        Value = value;
    }

    /// <summary>The context key.</summary>
    public string Key { get; }

    /// <summary>The comparison.</summary>
    public ConditionOperator Operator { get; }

    /// <summary>The value compared with, as text.</summary>
    public string Value { get; }

    private static System.Buffers.SearchValues<char> KeyChars { get; } =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-");

    /// <summary>Parses <c>key op value</c>, where <c>op</c> is one of <c>==</c>, <c>!=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>.</summary>
    /// <param name="text">The condition, such as <c>valueScore &gt; 70</c>.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="WorkflowDefinitionException">The text is not a valid condition.</exception>
    public static StepCondition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int at = text.AsSpan().IndexOfAny("=!<>");
        if (at <= 0)
        {
            throw new WorkflowDefinitionException($"condition \"{text}\" must read 'key op value', op one of == != > >= < <=");
        }

        bool two = at + 1 < text.Length && text[at + 1] == '=';
        var op = (text[at], two) switch
        {
            ('=', true) => ConditionOperator.Equal,
            ('!', true) => ConditionOperator.NotEqual,
            ('>', false) => ConditionOperator.GreaterThan,
            ('>', true) => ConditionOperator.GreaterOrEqual,
            ('<', false) => ConditionOperator.LessThan,
            ('<', true) => ConditionOperator.LessOrEqual,
            _ => throw new WorkflowDefinitionException($"condition \"{text}\" must read 'key op value', op one of == != > >= < <="),
        };
        return new StepCondition(text[..at].Trim(), op, text[(at + (two ? 2 : 1))..].Trim());
    }

    /// <summary>Whether the context meets the condition. A missing value never does.</summary>
    /// <param name="context">The workflow's context.</param>
    /// <returns><see langword="true"/> when the context's value compares as required.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    public bool IsMetBy(WorkflowContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int? order = Key switch
        {
            ContextKeys.ValueScore => context.ValueScore is { } v ? v.CompareTo(_number) : null,
            ContextKeys.RiskTier => context.RiskTier is { } t ? ((double)(int)t).CompareTo(_number) : null,
            ContextKeys.Grade => context.Grade is { } g ? ((double)(int)g).CompareTo(_number) : null,
            _ => context.Lookup(Key) is { } s ? CompareFree(s) : null,
        };
        if (order is not int c)
        {
            return false;
        }

        return Operator switch
        {
            ConditionOperator.Equal => c == 0,
            ConditionOperator.NotEqual => c != 0,
            ConditionOperator.GreaterThan => c > 0,
            ConditionOperator.GreaterOrEqual => c >= 0,
            ConditionOperator.LessThan => c < 0,
            _ => c <= 0,
        };
    }

    /// <summary>The condition as text: <c>valueScore &gt; 70</c>. <see cref="Parse"/> reads it back.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Key} {Symbol(Operator)} {Value}";

    /// <summary>The operator's symbol: <c>==</c>, <c>!=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>.</summary>
    /// <param name="operator">The operator.</param>
    /// <returns>The symbol.</returns>
    public static string Symbol(ConditionOperator @operator) => @operator switch
    {
        ConditionOperator.Equal => "==",
        ConditionOperator.NotEqual => "!=",
        ConditionOperator.GreaterThan => ">",
        ConditionOperator.GreaterOrEqual => ">=",
        ConditionOperator.LessThan => "<",
        _ => "<=",
    };

    private int CompareFree(string actual) =>
        _isNumber && TryNumber(actual, out double n) ? n.CompareTo(_number) : Math.Sign(string.CompareOrdinal(actual, Value));

    private static bool TryNumber(string s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static double ParseEnum<T>(string key, string value)
        where T : struct, Enum
    {
        if (char.IsAsciiLetter(value[0]) && Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
        {
            return Convert.ToInt32(parsed, CultureInfo.InvariantCulture);
        }

        throw new WorkflowDefinitionException($"condition on {key}: \"{value}\" is not one of {string.Join(", ", Enum.GetNames<T>())}");
    }
}
