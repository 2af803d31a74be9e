using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Retention.Workflows;

/// <summary>A rule that fired for a customer: who, which rule, what to start and why.</summary>
/// <param name="Index">The customer record's zero-based index in the input.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Rule">The rule that fired.</param>
public readonly record struct TriggerHit(int Index, string CustomerId, TriggerRule Rule)
{
    /// <summary>What to start: a workflow or a task.</summary>
    public TriggerAction Action => Rule.Action;

    /// <summary>Why, in both locales.</summary>
    public LocalizedText Reason => Rule.Reason;
}

/// <summary>The result of evaluating the rules over a customer base.</summary>
/// <param name="Hits">The rules that fired, by customer index, then in rule order.</param>
/// <param name="Problems">The bad records, by index; they were skipped.</param>
/// <param name="Evaluated">How many records were evaluated (the input's length minus the bad ones).</param>
public sealed record TriggerEvaluation(ImmutableArray<TriggerHit> Hits, ImmutableArray<CustomerFactsProblem> Problems, int Evaluated);

/// <summary>
/// Evaluates trigger rules over the whole customer base in one pass (spec: workflows.md section 7, for example daily).
/// Bad records are reported by index and skipped; the others are evaluated.
/// </summary>
/// <remarks>Holds immutable rules; immutable and thread-safe.</remarks>
public sealed class TriggerEvaluator
{
    /// <summary>Creates an evaluator with the effective rules of the options (<see cref="TriggerRules.From"/>), validating them first.</summary>
    /// <param name="options">The trigger options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public TriggerEvaluator(TriggerOptions options)
    {
        Rules = TriggerRules.From(options);
    }

    /// <summary>Creates an evaluator from the options registered in dependency injection.</summary>
    /// <param name="options">The trigger options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public TriggerEvaluator(IOptions<TriggerOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>Creates an evaluator with rules built in code.</summary>
    /// <param name="rules">The rules, in evaluation order; ids unique.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A rule is <see langword="null"/> or two share an id.</exception>
    public TriggerEvaluator(IEnumerable<TriggerRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var builder = ImmutableArray.CreateBuilder<TriggerRule>();
        foreach (var r in rules)
        {
            if (r is null || !ids.Add(r.Id))
            {
                throw new ArgumentException(r is null ? "A rule must not be null." : $"Rule id {r.Id} is used twice.", nameof(rules));
            }

            builder.Add(r);
        }

        Rules = builder.ToImmutable();
    }

    /// <summary>The rules, in evaluation order.</summary>
    public ImmutableArray<TriggerRule> Rules { get; }

    /// <summary>Evaluates every rule for every customer.</summary>
    /// <param name="customers">The customer base.</param>
    /// <param name="today">Today in the store's zone (the caller reads the clock).</param>
    /// <returns>The hits, the bad records and how many were evaluated.</returns>
    public TriggerEvaluation Evaluate(ReadOnlySpan<CustomerFacts> customers, LocalDate today)
    {
        var hits = ImmutableArray.CreateBuilder<TriggerHit>();
        var problems = ImmutableArray.CreateBuilder<CustomerFactsProblem>();
        var rules = Rules.AsSpan();
        for (int i = 0; i < customers.Length; i++)
        {
            ref readonly var c = ref customers[i];
            if (Check(in c, today, i) is { } problem)
            {
                problems.Add(problem);
                continue;
            }

            foreach (var rule in rules)
            {
                if (rule.IsMetBy(in c, today))
                {
                    hits.Add(new TriggerHit(i, c.CustomerId, rule));
                }
            }
        }

        return new TriggerEvaluation(hits.ToImmutable(), problems.ToImmutable(), customers.Length - problems.Count);
    }

    /// <summary>Checks one record: the id is set, numbers are in range and no day is after today.</summary>
    /// <param name="facts">The record.</param>
    /// <param name="today">Today in the store's zone.</param>
    /// <param name="index">The index reported in the problem.</param>
    /// <returns>The first problem, or <see langword="null"/> when the record is valid.</returns>
    public static CustomerFactsProblem? Check(in CustomerFacts facts, LocalDate today, int index = 0)
    {
        CustomerFactsProblem Bad(string field, string message) => new(index, field, message);
        string? Future(LocalDate? date) => date is { } d && d > today ? $"must not be after today {today:uuuu-MM-dd} (was {d:uuuu-MM-dd})" : null;

        if (string.IsNullOrWhiteSpace(facts.CustomerId))
        {
            return Bad(nameof(facts.CustomerId), "must not be empty");
        }

        if (Future(facts.LastVisit) is { } lv)
        {
            return Bad(nameof(facts.LastVisit), lv);
        }

        if (facts.LatestRating is { } r && r is < 0 or > 10)
        {
            return Bad(nameof(facts.LatestRating), $"must be from 0 to 10 (was {r})");
        }

        if (Future(facts.RatedOn) is { } ro)
        {
            return Bad(nameof(facts.RatedOn), ro);
        }

        if (Future(facts.Birthday) is { } b)
        {
            return Bad(nameof(facts.Birthday), b);
        }

        if (Future(facts.PurchaseDate) is { } p)
        {
            return Bad(nameof(facts.PurchaseDate), p);
        }

        if (facts.LastRepairSystem is not null && string.IsNullOrWhiteSpace(facts.LastRepairSystem))
        {
            return Bad(nameof(facts.LastRepairSystem), "must not be empty (use null for none)");
        }

        if (Future(facts.LastRepairOn) is { } rp)
        {
            return Bad(nameof(facts.LastRepairOn), rp);
        }

        if (facts.MileageKm is { } km && km is < 0 or > 2_000_000)
        {
            return Bad(nameof(facts.MileageKm), $"must be from 0 to 2000000 km (was {km})");
        }

        if (facts.EarlierRepairsOfSystem is < 0 or > 1000)
        {
            return Bad(nameof(facts.EarlierRepairsOfSystem), $"must be from 0 to 1000 (was {facts.EarlierRepairsOfSystem})");
        }

        return null;
    }
}
