namespace Retention.Scoring;

/// <summary>
/// The recovery-success estimate (spec: scoring.md section 7): four dimensions scored 0..5,
/// weighted, and the weighted total mapped to advice and an estimated success probability.
/// </summary>
public sealed class SuccessEstimateOptions
{
    /// <summary>Weight of the churn duration, in points out of 100. The default value is 30.</summary>
    public double DurationWeight { get; set; } = 30;

    /// <summary>Weight of the churn reason. The default value is 40.</summary>
    public double ReasonWeight { get; set; } = 40;

    /// <summary>Weight of historical satisfaction. The default value is 20.</summary>
    public double SatisfactionWeight { get; set; } = 20;

    /// <summary>Weight of stickiness. The default value is 10.</summary>
    public double StickinessWeight { get; set; } = 10;

    /// <summary>Days away below which the duration counts as "0-3 months". The default value is 90 (three 30-day months).</summary>
    public int ThreeMonthsDays { get; set; } = 90;

    /// <summary>Days away below which the duration counts as "3-6 months". The default value is 180.</summary>
    public int SixMonthsDays { get; set; } = 180;

    /// <summary>Days away below which the duration counts as "6-12 months"; from here on it is "&gt; 12 months". The default value is 360 (twelve 30-day months).</summary>
    public int TwelveMonthsDays { get; set; } = 360;

    /// <summary>Points for 0-3 months away, in [0, 5]. The default value is 5.</summary>
    public double UpToThreeMonthsPoints { get; set; } = 5;

    /// <summary>Points for 3-6 months away. The default value is 3.</summary>
    public double UpToSixMonthsPoints { get; set; } = 3;

    /// <summary>Points for 6-12 months away. The default value is 1.</summary>
    public double UpToTwelveMonthsPoints { get; set; } = 1;

    /// <summary>Points for more than 12 months away. The default value is 0.</summary>
    public double OverTwelveMonthsPoints { get; set; }

    /// <summary>Points for a solvable reason. The default value is 5.</summary>
    public double SolvablePoints { get; set; } = 5;

    /// <summary>Points for a partly solvable reason. The default value is 3.</summary>
    public double PartlySolvablePoints { get; set; } = 3;

    /// <summary>Points for a reason that cannot be solved. The default value is 0.</summary>
    public double NotSolvablePoints { get; set; }

    /// <summary>Satisfaction strictly above this scores <see cref="HighSatisfactionPoints"/>. The default value is 8.</summary>
    public double HighSatisfactionAbove { get; set; } = 8;

    /// <summary>Satisfaction from this up to <see cref="HighSatisfactionAbove"/> (inclusive) scores <see cref="MidSatisfactionPoints"/>. The default value is 6.</summary>
    public double MidSatisfactionFrom { get; set; } = 6;

    /// <summary>Points for satisfaction above 8. The default value is 5.</summary>
    public double HighSatisfactionPoints { get; set; } = 5;

    /// <summary>Points for satisfaction 6-8, and for a customer never surveyed (Decision: unknown counts as the middle band). The default value is 3.</summary>
    public double MidSatisfactionPoints { get; set; } = 3;

    /// <summary>Points for satisfaction below 6. The default value is 1.</summary>
    public double LowSatisfactionPoints { get; set; } = 1;

    /// <summary>Points for high stickiness. The default value is 5.</summary>
    public double HighStickinessPoints { get; set; } = 5;

    /// <summary>Points for medium stickiness. The default value is 3.</summary>
    public double MediumStickinessPoints { get; set; } = 3;

    /// <summary>Points for low stickiness. The default value is 1.</summary>
    public double LowStickinessPoints { get; set; } = 1;

    /// <summary>Lowest total (0..5) that is "strongly recommend". The default value is 4.</summary>
    public double StronglyRecommendFrom { get; set; } = 4;

    /// <summary>Lowest total that is "recommend". The default value is 3.</summary>
    public double RecommendFrom { get; set; } = 3;

    /// <summary>Lowest total that is "be cautious"; below it is "do not recover". The default value is 2.</summary>
    public double CautiousFrom { get; set; } = 2;

    /// <summary>Estimated success at the bottom of the "be cautious" band (and the top of "do not recover"), in [0, 1]. The default value is 0.15.</summary>
    public double CautiousSuccess { get; set; } = 0.15;

    /// <summary>Estimated success at the bottom of the "recommend" band. The default value is 0.30.</summary>
    public double RecommendSuccess { get; set; } = 0.30;

    /// <summary>Estimated success at the bottom of the "strongly recommend" band. The default value is 0.50.</summary>
    public double StronglyRecommendSuccess { get; set; } = 0.50;

    /// <summary>Estimated success at a total of 5 (Decision: the playbook says only "&gt; 50 %"; 0.80 sits above its best matrix cell). The default value is 0.80.</summary>
    public double MaximumSuccess { get; set; } = 0.80;

    /// <summary>Whether a price problem is solvable. The default value is <see cref="Solvability.Solvable"/>.</summary>
    public Solvability Price { get; set; } = Solvability.Solvable;

    /// <summary>Whether a poor service experience is solvable. The default value is <see cref="Solvability.Solvable"/>.</summary>
    public Solvability ServiceExperience { get; set; } = Solvability.Solvable;

    /// <summary>Whether inconvenience is solvable. The default value is <see cref="Solvability.Solvable"/>.</summary>
    public Solvability Inconvenience { get; set; } = Solvability.Solvable;

    /// <summary>Whether a move or a change of car is solvable. The default value is <see cref="Solvability.NotSolvable"/>.</summary>
    public Solvability MovedOrChangedCar { get; set; } = Solvability.NotSolvable;

    /// <summary>Whether another (or unknown) reason is solvable. The default value is <see cref="Solvability.PartlySolvable"/>.</summary>
    public Solvability Other { get; set; } = Solvability.PartlySolvable;

    internal Solvability SolvabilityOf(ChurnReason reason) => reason switch
    {
        ChurnReason.Price => Price,
        ChurnReason.ServiceExperience => ServiceExperience,
        ChurnReason.Inconvenience => Inconvenience,
        ChurnReason.MovedOrChangedCar => MovedOrChangedCar,
        _ => Other,
    };

    internal SuccessEstimateOptions Clone() => (SuccessEstimateOptions)MemberwiseClone();
}
