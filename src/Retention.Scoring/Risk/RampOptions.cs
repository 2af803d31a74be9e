namespace Retention.Scoring;

/// <summary>
/// One term of the churn-risk score: a linear ramp that gives 0 points at <see cref="ZeroAt"/>,
/// <see cref="Weight"/> points at <see cref="FullAt"/>, and stays flat beyond both ends
/// (spec: scoring.md section 2). <see cref="FullAt"/> may be below <see cref="ZeroAt"/> (a falling ramp).
/// </summary>
public sealed class RampOptions
{
    /// <summary>The signal value at which the term gives 0 points.</summary>
    public double ZeroAt { get; set; }

    /// <summary>The signal value at which the term gives its full <see cref="Weight"/>. Must differ from <see cref="ZeroAt"/>.</summary>
    public double FullAt { get; set; }

    /// <summary>The term's full points, greater than 0. The weights of the five terms add up to 100.</summary>
    public double Weight { get; set; }

    internal static RampOptions Of(double zeroAt, double fullAt, double weight) =>
        new() { ZeroAt = zeroAt, FullAt = fullAt, Weight = weight };
}
