using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Retention.Samples.DealerDay.Contacts;
using Retention.Samples.DealerDay.Customers;
using Retention.Samples.DealerDay.Survey;
using Retention.Scoring;
using Retention.Scripts;

namespace Retention.Samples.DealerDay.Report;

/// <summary>One customer that was scored: the row, its risk assessment and its recovery decision.</summary>
/// <param name="Row">The parsed row.</param>
/// <param name="Risk">The churn-risk assessment from the batch.</param>
/// <param name="Decision">The recovery decision, with the value score from the store's CLV distribution.</param>
internal sealed record ScoredCustomer(CustomerRow Row, RiskAssessment Risk, RecoveryDecision Decision);

/// <summary>
/// Everything the report sections read: the scored customers, the skipped rows with line numbers,
/// the batch counts, the scoring services (for profiles and reason texts), and once added with
/// <see cref="With"/>, the survey results, the week's contact plan and the script catalog.
/// </summary>
internal sealed class DealerDayReport
{
    private DealerDayReport(
        CustomerFile file, LocalDate asOf, IReadOnlyList<ScoredCustomer> customers, IReadOnlyList<BadRow> badRows, BatchSummary summary,
        ValueDistribution? values, RiskScorer scorer, RecoveryPlanner planner)
    {
        File = file;
        AsOf = asOf;
        Customers = customers;
        BadRows = badRows;
        Summary = summary;
        Values = values;
        Scorer = scorer;
        Planner = planner;
    }

    /// <summary>The file that was read.</summary>
    public CustomerFile File { get; }

    /// <summary>The date the customers were scored for.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The customers that were scored, in file order.</summary>
    public IReadOnlyList<ScoredCustomer> Customers { get; }

    /// <summary>Every skipped row, from parsing and from the library's checks, by line number.</summary>
    public IReadOnlyList<BadRow> BadRows { get; }

    /// <summary>The library's counts per risk tier and churn stage over the scored customers.</summary>
    public BatchSummary Summary { get; }

    /// <summary>The CLVs of every scored customer; <see langword="null"/> when none could be scored.</summary>
    public ValueDistribution? Values { get; }

    public RiskScorer Scorer { get; }

    public RecoveryPlanner Planner { get; }

    /// <summary>The report moment (08:00 on the as-of date) and the store's time zone; <see langword="null"/> until <see cref="With"/>.</summary>
    public StoreClock? Clock { get; private init; }

    /// <summary>The survey part (Retention.Nps); <see langword="null"/> until <see cref="With"/>.</summary>
    public SurveyResults? Survey { get; private init; }

    /// <summary>The week's contact plan (Retention.Contact); <see langword="null"/> until <see cref="With"/>.</summary>
    public ContactWeek? Contacts { get; private init; }

    /// <summary>The talk tracks and message templates (Retention.Scripts); <see langword="null"/> until <see cref="With"/>.</summary>
    public ScriptCatalog? Scripts { get; private init; }

    /// <summary>Every customer id in the customer file, scored or skipped: what the other files may refer to.</summary>
    public IReadOnlySet<string> KnownCustomerIds =>
        File.Rows.Select(r => r.CustomerId).Concat(File.BadRows.Select(b => b.CustomerId)).Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>The same report with the survey results, the contact plan and the script catalog.</summary>
    public DealerDayReport With(StoreClock clock, SurveyResults survey, ContactWeek contacts, ScriptCatalog scripts) =>
        new(File, AsOf, Customers, BadRows, Summary, Values, Scorer, Planner) { Clock = clock, Survey = survey, Contacts = contacts, Scripts = scripts };

    /// <summary>
    /// The scored customers most at risk first: highest score, then longest away, then by id (so the order is the same on
    /// every run). The list of customers most at risk and the talk track for the first of them both read this order.
    /// </summary>
    public IEnumerable<ScoredCustomer> MostAtRisk() =>
        Customers
            .OrderByDescending(c => c.Risk.Score)
            .ThenByDescending(c => c.Risk.DaysSinceLastVisit)
            .ThenBy(c => c.Row.CustomerId, StringComparer.Ordinal);

    /// <summary>Scores a file: batch risk scoring, then a value distribution, then one recovery decision per customer.</summary>
    public static DealerDayReport Build(CustomerFile file, LocalDate asOf, RiskScorer scorer, CustomerValuation valuation, RecoveryPlanner planner)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(valuation);
        ArgumentNullException.ThrowIfNull(planner);

        // 1. Risk for everyone in one batch call. Out-of-range signals (a satisfaction of 11, a last
        //    visit after the as-of date) come back as problems by index; the rest are scored.
        var rows = file.Rows;
        var signals = rows.Select(r => r.Signals).ToArray();
        var results = new RiskAssessment[signals.Length];
        var problems = new List<BatchProblem>();
        var summary = scorer.ScoreBatch(signals, asOf, results, problems);

        var badRows = new List<BadRow>(file.BadRows);
        foreach (var p in problems)
        {
            var row = rows[p.Index];
            badRows.Add(new BadRow(row.Line, row.CustomerId, CustomerCsv.ColumnOf(p.Field), new("取值无效：" + p.Message, p.Message)));
        }

        badRows.Sort((a, b) => a.Line.CompareTo(b.Line));

        // 2. Value score = percentile of the customer's CLV among all scored customers.
        var scoredIndexes = Enumerable.Range(0, rows.Count).Where(i => results[i].IsValid).ToArray();
        var values = scoredIndexes.Length == 0 ? null : ValueDistribution.Create(scoredIndexes.Select(i => valuation.LifetimeValue(rows[i].Signals.AnnualSpend)));

        // 3. One decision per customer, with the row's churn reason, stickiness and lost-customer exceptions.
        var customers = new List<ScoredCustomer>(scoredIndexes.Length);
        foreach (int i in scoredIndexes)
        {
            var decision = planner.Decide(rows[i].Signals, asOf, values!, rows[i].Context);
            customers.Add(new ScoredCustomer(rows[i], results[i], decision));
        }

        return new DealerDayReport(file, asOf, customers, badRows, summary, values, scorer, planner);
    }
}
