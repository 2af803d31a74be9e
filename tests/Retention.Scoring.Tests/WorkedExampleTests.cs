using NodaTime;
using Xunit;

namespace Retention.Scoring.Tests;

public class WorkedExampleTests
{
    [Fact]
    public void Risk_score_worked_example_is_47_5()
    {
        var scorer = new RiskScorer(new ScoringOptions());
        var asOf = new LocalDate(2026, 6, 30);
        var signals = new CustomerSignals
        {
            LastVisit = asOf.PlusDays(-120),
            AppOpensPerMonth = 0.5,
            CancellationRate = 0.30,
            Satisfaction = 7,
            ServiceInquiries = 0,
        };
        var result = scorer.Score(signals, asOf);
        Assert.Equal(47.5, result.Score, 9);
    }

    [FsCheck.Xunit.Property]
    public bool Score_is_within_0_and_100(int days)
    {
        var scorer = new RiskScorer(new ScoringOptions());
        var asOf = new LocalDate(2026, 6, 30);
        var r = scorer.Score(new CustomerSignals { LastVisit = asOf.PlusDays(-System.Math.Abs(days % 1000)) }, asOf);
        return r.Score >= 0 && r.Score <= 100;
    }
}
