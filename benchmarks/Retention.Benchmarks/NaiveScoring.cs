using System;
using System.Collections.Generic;
using System.Linq;

namespace Retention.Benchmarks;

// The baseline: churn-risk scoring written the way an app team would by hand, without the
// library: one class per customer, DateTime arithmetic, its own if/else formula with the
// playbook's default weights, LINQ, a List of results and a GroupBy for the counts.

/// <summary>A customer as an app loads it (an ORM entity).</summary>
public sealed class NaiveCustomer
{
    public int Id { get; set; }

    public DateTime LastVisit { get; set; }

    public double? AppOpensPerMonth { get; set; }

    public double CancellationRate { get; set; }

    public double? Satisfaction { get; set; }

    public int ServiceInquiries { get; set; }

    public decimal AnnualSpend { get; set; }
}

/// <summary>One scored customer.</summary>
public sealed class NaiveRiskResult
{
    public int CustomerId { get; set; }

    public double Score { get; set; }

    public string Tier { get; set; } = "";

    public string Stage { get; set; } = "";
}

/// <summary>The hand-written formula and the batch run.</summary>
public static class NaiveScoring
{
    public static NaiveRiskResult Score(NaiveCustomer c, DateTime asOf)
    {
        int days = (int)(asOf.Date - c.LastVisit.Date).TotalDays;
        if (days < 0)
        {
            throw new ArgumentException($"Customer {c.Id} visited in the future.");
        }

        double score = 0;
        if (days > 90)
        {
            score += Math.Min((days - 90) * 0.3, 30);
        }

        if (c.AppOpensPerMonth.HasValue)
        {
            if (c.AppOpensPerMonth.Value <= 1)
            {
                score += 15;
            }
            else if (c.AppOpensPerMonth.Value < 2)
            {
                score += (2 - c.AppOpensPerMonth.Value) * 15;
            }
        }

        score += c.CancellationRate * 100 * 0.2;
        if (c.Satisfaction.HasValue)
        {
            score += (10 - c.Satisfaction.Value) * 2.5;
        }

        if (c.ServiceInquiries == 0)
        {
            score += 10;
        }

        score = Math.Min(score, 100);

        string tier;
        if (score >= 90)
        {
            tier = "Red";
        }
        else if (score >= 75)
        {
            tier = "Orange";
        }
        else if (score >= 60)
        {
            tier = "Yellow";
        }
        else
        {
            tier = "None";
        }

        string stage;
        if (days >= 365)
        {
            stage = "Lost";
        }
        else if (days >= 180)
        {
            stage = "DeepChurn";
        }
        else if (days >= 120)
        {
            stage = "EarlyChurn";
        }
        else if (days >= 90)
        {
            stage = "PreChurn";
        }
        else
        {
            stage = "Active";
        }

        return new NaiveRiskResult { CustomerId = c.Id, Score = score, Tier = tier, Stage = stage };
    }

    /// <summary>Scores everyone, then counts per tier and per stage.</summary>
    public static (List<NaiveRiskResult> Results, Dictionary<string, int> Tiers, Dictionary<string, int> Stages) ScoreAll(IEnumerable<NaiveCustomer> customers, DateTime asOf)
    {
        var results = customers.Select(c => Score(c, asOf)).ToList();
        var tiers = results.GroupBy(r => r.Tier).ToDictionary(g => g.Key, g => g.Count());
        var stages = results.GroupBy(r => r.Stage).ToDictionary(g => g.Key, g => g.Count());
        return (results, tiers, stages);
    }
}
