using System;
using System.Linq;
using NodaTime;
using Xunit;
using static Retention.Nps.Tests.Support.Fixtures;

namespace Retention.Nps.Tests;

/// <summary>
/// Spec section 8: after a rescue the customer may re-rate. Both answers are kept; the store's NPS uses the latest
/// answer per customer and visit, and the report shows how many detractors became passives or promoters.
/// </summary>
public class ReratingTests
{
    private static NpsAnswer Answer(string customer, string visit, int score, int hoursAfter) =>
        new(customer, visit, score, AnsweredAt + Duration.FromHours(hoursAfter));

    private static readonly NpsAnswer[] Answers =
    [
        Answer("c1", "v1", 3, 0),    // detractor ...
        Answer("c2", "v1", 5, 0),    // detractor ...
        Answer("c3", "v1", 2, 0),    // detractor, never re-rated
        Answer("c4", "v1", 8, 0),    // passive ...
        Answer("c1", "v1", 9, 72),   // ... c1 re-rates as a promoter
        Answer("c2", "v1", 7, 48),   // ... c2 re-rates as a passive
        Answer("c4", "v1", 10, 30),  // ... the passive becomes a promoter (not a detractor, not counted as moved)
        Answer("c1", "v2", 4, 0),    // another visit of c1: a separate pair
        Answer("c5", "v1", 8, 10),   // c5's re-rating (a passive) arrives first in the input ...
        Answer("c5", "v1", 1, 0),    // ... its first answer (a detractor) later in the input
        Answer("c6", "v1", 0, 0),    // a detractor ...
        Answer("c6", "v1", 9, 5),    // ... who became a promoter ...
        Answer("c6", "v1", 4, 90),   // ... and then a detractor again: the latest answer counts
    ];

    [Fact]
    public void The_latest_answer_per_customer_and_visit_counts()
    {
        var latest = NpsCalculator.LatestAnswers(Answers);

        Assert.Equal(
            new[] { ("c1", "v1", 9), ("c2", "v1", 7), ("c3", "v1", 2), ("c4", "v1", 10), ("c1", "v2", 4), ("c5", "v1", 8), ("c6", "v1", 4) },
            latest.Select(a => (a.CustomerId, a.VisitId, a.Score)));

        var summary = Calculator.Compute(latest);
        Assert.Equal((7, 2, 2, 3), (summary.Count, summary.Promoters, summary.Passives, summary.Detractors));
        Assert.Equal((2 - 3) * 100.0 / 7, summary.Score!.Value, 9);
        Assert.Equal(13, Calculator.Compute(Answers).Count); // both answers are kept
    }

    [Fact]
    public void Re_rated_detractors_moved_to_passive_or_promoter_are_counted()
    {
        var report = Calculator.Rerating(Answers);

        Assert.Equal(7, report.CustomerVisits);
        Assert.Equal(5, report.Rerated);              // c1/v1, c2, c4, c5, c6
        Assert.Equal(4, report.DetractorsRerated);    // c1/v1, c2, c5, c6
        Assert.Equal(2, report.DetractorsToPassive);  // c2, c5 (its first answer is the earliest, not the first in the input)
        Assert.Equal(1, report.DetractorsToPromoter); // c1/v1
        Assert.Equal(3, report.DetractorsMoved);
    }

    [Fact]
    public void Of_two_answers_at_the_same_instant_the_later_in_the_input_wins()
    {
        NpsAnswer[] answers = [Answer("c", "v", 2, 1), Answer("c", "v", 9, 1)];

        Assert.Equal(9, Assert.Single(NpsCalculator.LatestAnswers(answers)).Score);
        Assert.Equal(1, Calculator.Rerating(answers).DetractorsToPromoter);
    }

    [Fact]
    public void An_answer_without_ids_is_bad_input_giving_its_index()
    {
        NpsAnswer[] answers = [Answer("c", "v", 2, 1), Answer("c", "", 9, 2)];

        var latest = Assert.Throws<ArgumentException>(() => NpsCalculator.LatestAnswers(answers));
        Assert.Equal("answers", latest.ParamName);
        Assert.Contains("answers[1]", latest.Message, StringComparison.Ordinal);
        var rerating = Assert.Throws<ArgumentException>(() => Calculator.Rerating([Answer("c", "v", 2, 1), Answer(null!, "v", 9, 2)]));
        Assert.Contains("answers[1]", rerating.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_re_rating_with_a_bad_score_is_bad_input_giving_its_index()
    {
        var e = Assert.Throws<ArgumentException>(() => Calculator.Rerating([Answer("c", "v", 2, 1), Answer("c", "w", 5, 1), Answer("c", "v", 11, 2)]));

        Assert.Equal("answers", e.ParamName);
        Assert.Contains("answer 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("11", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_input_is_bad_input()
    {
        Assert.Throws<ArgumentNullException>(() => NpsCalculator.LatestAnswers(null!));
        Assert.Throws<ArgumentNullException>(() => Calculator.Rerating(null!));
    }

    [Fact]
    public void Without_re_ratings_nothing_moved()
    {
        var report = Calculator.Rerating([Answer("a", "v", 0, 0), Answer("b", "v", 10, 0)]);

        Assert.Equal(new ReratingReport(2, 0, 0, 0, 0), report);
        Assert.Equal(0, report.DetractorsMoved);
    }
}
