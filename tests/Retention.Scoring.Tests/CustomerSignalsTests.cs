using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static Retention.Scoring.Tests.Support.Customers;

namespace Retention.Scoring.Tests;

/// <summary>scoring.md section 1 and the conventions: bad input to a function gets a clear exception naming it.</summary>
public class CustomerSignalsTests
{
    private static readonly Dictionary<string, (SignalField Field, CustomerSignals Signals)> BadSignals = new()
    {
        ["app opens NaN"] = (SignalField.AppOpensPerMonth, WorkedExample with { AppOpensPerMonth = double.NaN }),
        ["app opens negative"] = (SignalField.AppOpensPerMonth, WorkedExample with { AppOpensPerMonth = -0.5 }),
        ["app opens infinite"] = (SignalField.AppOpensPerMonth, WorkedExample with { AppOpensPerMonth = double.PositiveInfinity }),
        ["cancellation -0.1"] = (SignalField.CancellationRate, WorkedExample with { CancellationRate = -0.1 }),
        ["cancellation 1.1"] = (SignalField.CancellationRate, WorkedExample with { CancellationRate = 1.1 }),
        ["cancellation NaN"] = (SignalField.CancellationRate, WorkedExample with { CancellationRate = double.NaN }),
        ["satisfaction 11"] = (SignalField.Satisfaction, WorkedExample with { Satisfaction = 11 }),
        ["satisfaction -1"] = (SignalField.Satisfaction, WorkedExample with { Satisfaction = -1 }),
        ["satisfaction NaN"] = (SignalField.Satisfaction, WorkedExample with { Satisfaction = double.NaN }),
        ["negative inquiries"] = (SignalField.ServiceInquiries, WorkedExample with { ServiceInquiries = -1 }),
        ["negative spend"] = (SignalField.AnnualSpend, WorkedExample with { AnnualSpend = -0.01m }),
        ["negative complaints"] = (SignalField.Complaints, WorkedExample with { Complaints = -1 }),
        ["last visit after as-of"] = (SignalField.LastVisit, WorkedExample with { LastVisit = AsOf.PlusDays(1) }),
    };

    public static TheoryData<string> BadSignalNames => new(BadSignals.Keys);

    [Theory]
    [MemberData(nameof(BadSignalNames))]
    public void Each_bad_signal_throws_InvalidSignalException_naming_it(string name)
    {
        var (field, signals) = BadSignals[name];

        var e = Assert.Throws<InvalidSignalException>(() => Scorer.Score(signals, AsOf));
        Assert.Equal(field, e.Field);
        Assert.Equal("signals." + field, e.ParamName);
        Assert.IsAssignableFrom<ArgumentException>(e);

        var check = Assert.Throws<InvalidSignalException>(() => SignalChecks.Check(signals, AsOf));
        Assert.Equal(field, check.Field);
        Assert.False(SignalChecks.TryCheck(signals, AsOf, out var reported, out var message));
        Assert.Equal(field, reported);
        Assert.False(string.IsNullOrWhiteSpace(message));

        Assert.Equal(field, Assert.Throws<InvalidSignalException>(() => Planner.Decide(signals, AsOf, 50)).Field);
    }

    [Theory]
    [MemberData(nameof(BadSignalNames))]
    public void In_a_batch_each_bad_record_is_reported_by_index_and_field_and_the_others_are_scored(string name)
    {
        var (field, bad) = BadSignals[name];
        var rows = new[] { WorkedExample, Unhappy(170), bad, Content(10) };
        var results = new RiskAssessment[rows.Length];
        var problems = new List<BatchProblem>();

        var summary = Scorer.ScoreBatch(rows, AsOf, results, problems);

        var problem = Assert.Single(problems);
        Assert.Equal((2, field), (problem.Index, problem.Field));
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        Assert.Equal(1, summary.Invalid);
        Assert.Equal(3, summary.Scored);
        Assert.False(results[2].IsValid);
        Assert.Equal(47.5, results[0].Score, 9);
        Assert.Equal(RiskTier.Red, results[1].Tier);
        Assert.Equal(Scorer.Score(Content(10), AsOf), results[3]);
        Assert.Equal(1, summary.Count(RiskTier.Red));
        Assert.Equal(2, summary.Count(RiskTier.None));
    }

    public static TheoryData<SignalField, int, double, double, double, int> BadColumns => new()
    {
        { SignalField.LastVisit, -1, 0.5, 0.3, 7, 0 },
        { SignalField.AppOpensPerMonth, 120, -0.5, 0.3, 7, 0 },
        { SignalField.AppOpensPerMonth, 120, double.PositiveInfinity, 0.3, 7, 0 },
        { SignalField.CancellationRate, 120, 0.5, -0.1, 7, 0 },
        { SignalField.CancellationRate, 120, 0.5, 1.1, 7, 0 },
        { SignalField.CancellationRate, 120, 0.5, double.NaN, 7, 0 },
        { SignalField.Satisfaction, 120, 0.5, 0.3, 11, 0 },
        { SignalField.Satisfaction, 120, 0.5, 0.3, -1, 0 },
        { SignalField.ServiceInquiries, 120, 0.5, 0.3, 7, -1 },
    };

    [Theory]
    [MemberData(nameof(BadColumns))]
    public void In_columns_each_bad_record_is_reported_by_index_and_field_and_the_others_are_scored(
        SignalField field, int days, double app, double cancel, double sat, int inquiries)
    {
        int[] d = [120, days, 30];
        double[] a = [0.5, app, double.NaN];
        double[] c = [0.3, cancel, 0];
        double[] s = [7, sat, double.NaN];
        int[] q = [0, inquiries, 3];
        var scores = new double[3];
        var tiers = new RiskTier[3];
        var stages = new ChurnStage[3];
        var problems = new List<BatchProblem>();

        var summary = Scorer.ScoreColumns(new SignalColumns(d, a, c, s, q), scores, tiers, stages, problems);

        var problem = Assert.Single(problems);
        Assert.Equal((1, field), (problem.Index, problem.Field));
        Assert.Equal(1, summary.Invalid);
        Assert.Equal(2, summary.Scored);
        Assert.True(double.IsNaN(scores[1]));
        Assert.Equal(47.5, scores[0], 9);
        Assert.Equal(0, scores[2]); // NaN app and satisfaction are missing, not bad
        Assert.Equal((RiskTier.None, ChurnStage.EarlyChurn), (tiers[0], stages[0]));
    }

    [Fact]
    public void A_last_visit_on_the_as_of_date_is_zero_days_and_fine()
    {
        var risk = Scorer.Score(Content(0), AsOf);

        Assert.Equal(0, risk.DaysSinceLastVisit);
        Assert.Equal(ChurnStage.Active, risk.Stage);
    }

    [Fact]
    public void Boundary_values_of_each_signal_are_fine()
    {
        var edges = new[]
        {
            WorkedExample with { AppOpensPerMonth = 0 },
            WorkedExample with { CancellationRate = 0 },
            WorkedExample with { CancellationRate = 1 },
            WorkedExample with { Satisfaction = 0 },
            WorkedExample with { Satisfaction = 10 },
            WorkedExample with { AnnualSpend = 0m },
        };

        Assert.All(edges, s => Assert.True(SignalChecks.TryCheck(s, AsOf, out _, out _)));
        Assert.All(edges, s => Assert.InRange(Scorer.Score(s, AsOf).Score, 0, 100));
    }

    [Fact]
    public void Negative_spend_is_bad_input_to_the_valuation()
    {
        Assert.Equal("annualSpend", Assert.Throws<ArgumentOutOfRangeException>(() => Valuation.TierOf(-1m)).ParamName);
        Assert.Equal("annualSpend", Assert.Throws<ArgumentOutOfRangeException>(() => Valuation.LifetimeValue(-1m)).ParamName);
        Assert.Equal("annualSpend", Assert.Throws<ArgumentOutOfRangeException>(() => Valuation.Assess(-1m)).ParamName);
        Assert.Equal("valueScore", Assert.Throws<ArgumentOutOfRangeException>(() => Valuation.Assess(1m, 101)).ParamName);
    }

    [Fact]
    public void An_empty_value_distribution_is_bad_input()
    {
        Assert.Equal("lifetimeValues", Assert.Throws<ArgumentException>(() => ValueDistribution.Create(ReadOnlySpan<decimal>.Empty)).ParamName);
        Assert.Equal("lifetimeValues", Assert.Throws<ArgumentException>(() => ValueDistribution.Create(Enumerable.Empty<decimal>())).ParamName);
        Assert.Equal("lifetimeValues", Assert.Throws<ArgumentNullException>(() => ValueDistribution.Create((IEnumerable<decimal>)null!)).ParamName);
        Assert.Throws<ArgumentNullException>(() => Valuation.Assess(1m, (ValueDistribution)null!));
    }

    [Fact]
    public void Output_span_shorter_than_the_batch_is_bad_input()
    {
        var rows = new[] { WorkedExample, WorkedExample };
        Assert.Equal("results", Assert.Throws<ArgumentException>(() => Scorer.ScoreBatch(rows, AsOf, new RiskAssessment[1])).ParamName);

        int[] d = [1, 2];
        double[] x = [0, 0];
        int[] q = [0, 0];
        Assert.Equal("scores", Assert.Throws<ArgumentException>(
            () => Scorer.ScoreColumns(new SignalColumns(d, x, x, x, q), new double[1], new RiskTier[2], new ChurnStage[2])).ParamName);
        Assert.Equal("tiers", Assert.Throws<ArgumentException>(
            () => Scorer.ScoreColumns(new SignalColumns(d, x, x, x, q), new double[2], new RiskTier[1], new ChurnStage[2])).ParamName);
        Assert.Equal("stages", Assert.Throws<ArgumentException>(
            () => Scorer.ScoreColumns(new SignalColumns(d, x, x, x, q), new double[2], new RiskTier[2], new ChurnStage[1])).ParamName);
    }

    [Fact]
    public void Columns_of_different_lengths_are_bad_input()
    {
        int[] d = [1, 2];
        double[] two = [0, 0];
        double[] one = [0];
        int[] q = [0, 0];

        Assert.Equal("appOpensPerMonth", Assert.Throws<ArgumentException>(() => { _ = new SignalColumns(d, one, two, two, q); }).ParamName);
        Assert.Equal("cancellationRate", Assert.Throws<ArgumentException>(() => { _ = new SignalColumns(d, two, one, two, q); }).ParamName);
        Assert.Equal("satisfaction", Assert.Throws<ArgumentException>(() => { _ = new SignalColumns(d, two, two, one, q); }).ParamName);
        Assert.Equal("serviceInquiries", Assert.Throws<ArgumentException>(() => { _ = new SignalColumns(d, two, two, two, [0]); }).ParamName);
    }
}
