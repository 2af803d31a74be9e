using System;
using System.Globalization;

namespace Retention.Scoring;

/// <summary>
/// The churn-risk score of one customer, explained: total score, each term's points, coverage,
/// which signals were missing, tier and stage (spec: scoring.md sections 2-4).
/// </summary>
/// <remarks>Immutable and thread-safe. <c>default</c> is not a valid assessment: <see cref="IsValid"/> is <see langword="false"/>.</remarks>
public readonly struct RiskAssessment : IEquatable<RiskAssessment>
{
    private readonly RiskTermPoints _points;
    private readonly RiskTermPoints _weights;

    internal RiskAssessment(
        double score, int days, in RiskTermPoints points, in RiskTermPoints weights, double coverage, MissingSignals missing, RiskTier tier, ChurnStage stage)
    {
        Score = score;
        DaysSinceLastVisit = days;
        _points = points;
        _weights = weights;
        Coverage = coverage;
        Missing = missing;
        Tier = tier;
        Stage = stage;
        IsValid = true;
    }

    /// <summary>Whether this value came from scoring a valid record. <see langword="false"/> for <c>default</c> and for bad records in a batch.</summary>
    public bool IsValid { get; }

    /// <summary>The churn-risk score, in [0, 100] points.</summary>
    public double Score { get; }

    /// <summary>Calendar days from the last visit to the as-of date, at least 0.</summary>
    public int DaysSinceLastVisit { get; }

    /// <summary>Sum of the weights of the present terms, in [0, 100]: 100 when no signal is missing.</summary>
    public double Coverage { get; }

    /// <summary>Which optional signals were missing.</summary>
    public MissingSignals Missing { get; }

    /// <summary>The risk tier of <see cref="Score"/>.</summary>
    public RiskTier Tier { get; }

    /// <summary>The churn stage of <see cref="DaysSinceLastVisit"/>.</summary>
    public ChurnStage Stage { get; }

    /// <summary>Points from days since the last visit (before any rescaling).</summary>
    public double DaysSinceLastVisitPoints => _points.Days;

    /// <summary>Points from app opens (before any rescaling); 0 when missing.</summary>
    public double AppOpensPoints => _points.App;

    /// <summary>Points from the cancellation rate (before any rescaling).</summary>
    public double CancellationRatePoints => _points.Cancellation;

    /// <summary>Points from satisfaction (before any rescaling); 0 when missing.</summary>
    public double SatisfactionPoints => _points.Satisfaction;

    /// <summary>Points from service inquiries (before any rescaling).</summary>
    public double ServiceInquiriesPoints => _points.Inquiries;

    /// <summary>The term of one signal, with its points and weight.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The term.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="signal"/> is not a defined value.</exception>
    public RiskTerm Term(RiskSignal signal) => signal switch
    {
        RiskSignal.DaysSinceLastVisit => new(signal, _points.Days, _weights.Days, false),
        RiskSignal.AppOpens => new(signal, _points.App, _weights.App, (Missing & MissingSignals.AppOpens) != 0),
        RiskSignal.CancellationRate => new(signal, _points.Cancellation, _weights.Cancellation, false),
        RiskSignal.Satisfaction => new(signal, _points.Satisfaction, _weights.Satisfaction, (Missing & MissingSignals.Satisfaction) != 0),
        RiskSignal.ServiceInquiries => new(signal, _points.Inquiries, _weights.Inquiries, false),
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "Unknown risk signal."),
    };

    /// <summary>All five terms, largest contribution first (ties in signal order).</summary>
    /// <returns>A new array of the five terms.</returns>
    public RiskTerm[] Terms()
    {
        var terms = new RiskTerm[5];
        for (int i = 0; i < 5; i++)
        {
            terms[i] = Term((RiskSignal)i);
        }

        // Stable insertion sort: five elements.
        for (int i = 1; i < terms.Length; i++)
        {
            var t = terms[i];
            int j = i - 1;
            while (j >= 0 && terms[j].Points < t.Points)
            {
                terms[j + 1] = terms[j];
                j--;
            }

            terms[j + 1] = t;
        }

        return terms;
    }

    /// <summary>A one-line explanation: the score, tier, stage and each term's points.</summary>
    /// <param name="locale"><c>zh-CN</c> or <c>en</c> (any culture name starting with <c>zh</c> gives Chinese).</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="locale"/> is <see langword="null"/>.</exception>
    public string Explain(string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        bool zh = locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var sb = new System.Text.StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Score:0.#}");
        sb.Append(zh ? " 分 = " : " points = ");
        var terms = Terms();
        for (int i = 0; i < terms.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(" + ");
            }

            var t = terms[i];
            sb.Append(t.Name.Get(locale)).Append(' ');
            sb.Append(t.IsMissing ? (zh ? "缺失" : "missing") : t.Points.ToString("0.#", CultureInfo.InvariantCulture));
        }

        if (Coverage < 100 - 1e-9)
        {
            string coverage = Coverage.ToString("0.#", CultureInfo.InvariantCulture);
            sb.Append(zh ? "（覆盖 " + coverage + "%）" : " (coverage " + coverage + " %)");
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(RiskAssessment other) =>
        IsValid == other.IsValid && Score.Equals(other.Score) && DaysSinceLastVisit == other.DaysSinceLastVisit
        && _points.Equals(other._points) && _weights.Equals(other._weights) && Coverage.Equals(other.Coverage)
        && Missing == other.Missing && Tier == other.Tier && Stage == other.Stage;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RiskAssessment other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Score, DaysSinceLastVisit, _points, Coverage, Missing, Tier, Stage);

    /// <summary>Compares two assessments for equality.</summary>
    /// <param name="left">The first assessment.</param>
    /// <param name="right">The second assessment.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    public static bool operator ==(RiskAssessment left, RiskAssessment right) => left.Equals(right);

    /// <summary>Compares two assessments for inequality.</summary>
    /// <param name="left">The first assessment.</param>
    /// <param name="right">The second assessment.</param>
    /// <returns><see langword="true"/> when any field differs.</returns>
    public static bool operator !=(RiskAssessment left, RiskAssessment right) => !left.Equals(right);

    /// <summary>Formats the assessment in English.</summary>
    /// <returns>The score, tier and stage.</returns>
    public override string ToString() =>
        IsValid ? string.Create(CultureInfo.InvariantCulture, $"{Score:0.##} ({Tier}, {Stage})") : "(invalid)";
}

internal readonly record struct RiskTermPoints(double Days, double App, double Cancellation, double Satisfaction, double Inquiries);
