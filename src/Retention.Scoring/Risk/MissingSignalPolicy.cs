namespace Retention.Scoring;

/// <summary>How the churn-risk score treats a signal the store does not have (no app account, never surveyed).</summary>
public enum MissingSignalPolicy
{
    /// <summary>The missing term gives 0 points: a customer without the app is not "inactive". The default.</summary>
    Zero = 0,

    /// <summary>Score the present terms and scale the sum up by 100 / (sum of the present terms' weights).</summary>
    Rescale = 1,
}
