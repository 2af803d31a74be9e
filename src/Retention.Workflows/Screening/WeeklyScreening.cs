using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using Retention.Scoring;

namespace Retention.Workflows;

/// <summary>One customer as the weekly screening sees them: their recovery decision from Retention.Scoring.</summary>
/// <param name="CustomerId">The host's customer id; not empty.</param>
/// <param name="Decision">The customer's recovery decision for the screening day (<see cref="RecoveryPlanner"/>).</param>
/// <param name="OpenWorkflowId">The id of the recovery workflow already running for the customer, or <see langword="null"/>.</param>
public readonly record struct ScreeningCustomer(string CustomerId, RecoveryDecision Decision, string? OpenWorkflowId = null);

/// <summary>The layers of the weekly list, most urgent first.</summary>
public enum ScreeningLayer
{
    /// <summary>Red tier: <c>risk.red</c>, the general manager.</summary>
    Red = 0,

    /// <summary>Orange tier: <c>risk.orange</c>, the store manager.</summary>
    Orange = 1,

    /// <summary>Yellow tier: <c>risk.yellow</c>, the customer service supervisor.</summary>
    Yellow = 2,

    /// <summary>Deep churn the decision tree recovers: <c>churn.deep</c>.</summary>
    DeepChurn = 3,

    /// <summary>Early churn: <c>churn.early</c>.</summary>
    EarlyChurn = 4,

    /// <summary>Pre-churn, high value: <c>churn.pre</c>, the store manager calls.</summary>
    PreChurnHigh = 5,

    /// <summary>Pre-churn, mid value: <c>churn.pre</c>, the service advisor calls.</summary>
    PreChurnMid = 6,

    /// <summary>Pre-churn, low value or the automated path only: <c>churn.pre</c>, an automated SMS / app push.</summary>
    PreChurnLow = 7,

    /// <summary>Lost, but a special case applies: no built-in workflow; the decision's owner recovers within the value cap.</summary>
    LostException = 8,

    /// <summary>Only the cheapest automated path, outside pre-churn: no workflow, one automated touch.</summary>
    AutomatedOnly = 9,
}

/// <summary>One customer on the weekly list: the layer, who owns the case, the workflow to start and why.</summary>
/// <param name="Index">The customer's index in the screened input.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Layer">The layer.</param>
/// <param name="Owner">Who owns the case (the decision's owner); <see langword="null"/> for an automated path.</param>
/// <param name="WorkflowId">The built-in workflow the case calls for, or <see langword="null"/> when none does.</param>
/// <param name="AlreadyRunning">Whether that workflow is already running for the customer (nothing to start).</param>
/// <param name="Context">The context to start the workflow with: tier, value score and <see cref="BuiltInWorkflows.ValueTierKey"/>.</param>
/// <param name="Decision">The decision the entry comes from, with its rule and reason in both locales.</param>
public sealed record ScreeningEntry(
    int Index, string CustomerId, ScreeningLayer Layer, StaffRole? Owner, string? WorkflowId, bool AlreadyRunning, WorkflowContext Context, RecoveryDecision Decision)
{
    /// <summary>Whether the host should start <see cref="WorkflowId"/> now.</summary>
    public bool Start => WorkflowId is not null && !AlreadyRunning;
}

/// <summary>A record the screening could not use: where it is and why (it is left off the list).</summary>
/// <param name="Index">The record's index in the input.</param>
/// <param name="Message">What is wrong, in English.</param>
public readonly record struct ScreeningProblem(int Index, string Message);

/// <summary>The weekly list: every customer to act on, layered and ordered, and how the rest were counted.</summary>
/// <param name="ScreenedOn">The screening day (by the spec, every Monday).</param>
/// <param name="Entries">The customers to act on: by layer, then highest value score first, then customer id.</param>
/// <param name="NotNeeded">Customers with nothing to recover (active, no risk tier).</param>
/// <param name="DoNotRecover">Customers the decision does not recover (lost, the strategy matrix, the deep-churn tree, a policy).</param>
/// <param name="Problems">Records left out, by index.</param>
public sealed record ScreeningList(LocalDate ScreenedOn, ImmutableArray<ScreeningEntry> Entries, int NotNeeded, int DoNotRecover, ImmutableArray<ScreeningProblem> Problems)
{
    /// <summary>The entries of one layer, in list order.</summary>
    /// <param name="layer">The layer.</param>
    /// <returns>The entries.</returns>
    public ImmutableArray<ScreeningEntry> In(ScreeningLayer layer) => Entries.RemoveAll(e => e.Layer != layer);

    /// <summary>The entries pushed to one role (the owners' lists), in list order.</summary>
    /// <param name="owner">The role, or <see langword="null"/> for the automated path.</param>
    /// <returns>The entries.</returns>
    public ImmutableArray<ScreeningEntry> For(StaffRole? owner) => Entries.RemoveAll(e => e.Owner != owner);

    /// <summary>The entries whose workflow the host should start now.</summary>
    /// <returns>The entries.</returns>
    public ImmutableArray<ScreeningEntry> ToStart() => Entries.RemoveAll(e => !e.Start);
}

/// <summary>
/// The weekly screening of workflows.md section 4 ("every Monday the screening runs over the whole base and produces a
/// layered list pushed to owners"): it turns every customer's recovery decision (Retention.Scoring, which already applies
/// the spec's precedence: lost customers, the deep-churn tree, problem and low-value policies, the risk tiers, the
/// strategy matrix) into one layered list with the owner and the built-in workflow to start. Pure: the host scores the
/// base for the day, calls <see cref="Screen"/>, pushes each owner's list and starts the workflows.
/// </summary>
/// <remarks>
/// <para>Mapping: a Red / Orange / Yellow rule starts <c>risk.red</c> / <c>risk.orange</c> / <c>risk.yellow</c> (the risk
/// tier comes first, as in the decision); the deep-churn tree's recover rules start <c>churn.deep</c>; the strategy matrix
/// starts <c>churn.early</c> or <c>churn.pre</c> by stage. <b>Decision</b>: a pre-churn customer whose verdict is the
/// automated path only (a problem or low-value policy) is put on the low layer, so <c>churn.pre</c> sends the automated
/// message instead of a manager's call (<see cref="BuiltInWorkflows.ValueTierKey"/> is set to <c>Low</c>); other
/// automated-only verdicts and lost-customer exceptions are listed without a workflow.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class WeeklyScreening
{
    /// <summary>Screens a customer base.</summary>
    /// <param name="customers">Every customer with their decision for <paramref name="screenedOn"/>.</param>
    /// <param name="screenedOn">The screening day, recorded on the list.</param>
    /// <returns>The list. A record with an empty id or no decision is reported in <see cref="ScreeningList.Problems"/> by index, and the rest are screened.</returns>
    public static ScreeningList Screen(ReadOnlySpan<ScreeningCustomer> customers, LocalDate screenedOn)
    {
        var entries = new List<ScreeningEntry>();
        var problems = ImmutableArray.CreateBuilder<ScreeningProblem>();
        int notNeeded = 0, doNotRecover = 0;
        for (int i = 0; i < customers.Length; i++)
        {
            var c = customers[i];
            if (string.IsNullOrWhiteSpace(c.CustomerId))
            {
                problems.Add(new(i, string.Create(CultureInfo.InvariantCulture, $"customers[{i}] has an empty CustomerId.")));
                continue;
            }

            if (c.Decision is not { } d)
            {
                problems.Add(new(i, string.Create(CultureInfo.InvariantCulture, $"customers[{i}] ({c.CustomerId}) has no Decision.")));
                continue;
            }

            switch (d.Verdict)
            {
                case RecoveryVerdict.NotNeeded:
                    notNeeded++;
                    continue;
                case RecoveryVerdict.DoNotRecover:
                    doNotRecover++;
                    continue;
            }

            var (layer, workflowId) = LayerOf(d);
            string valueTier = layer == ScreeningLayer.PreChurnLow ? nameof(ValueTier.Low) : d.Value.Tier.ToString();
            var tier = d.Risk.Tier == RiskTier.None ? (RiskTier?)null : d.Risk.Tier;
            var context = new WorkflowContext(tier, valueScore: d.Value.ValueScore).With(BuiltInWorkflows.ValueTierKey, valueTier);
            bool running = workflowId is not null && string.Equals(workflowId, c.OpenWorkflowId, StringComparison.Ordinal);
            entries.Add(new ScreeningEntry(i, c.CustomerId, layer, d.Owner, workflowId, running, context, d));
        }

        entries.Sort(static (a, b) =>
        {
            int byLayer = a.Layer.CompareTo(b.Layer);
            if (byLayer != 0)
            {
                return byLayer;
            }

            int byValue = (b.Decision.Value.ValueScore ?? -1).CompareTo(a.Decision.Value.ValueScore ?? -1);
            return byValue != 0 ? byValue : string.CompareOrdinal(a.CustomerId, b.CustomerId);
        });
        return new ScreeningList(screenedOn, [.. entries], notNeeded, doNotRecover, problems.ToImmutable());
    }

    private static (ScreeningLayer Layer, string? WorkflowId) LayerOf(RecoveryDecision d) => d.Rule switch
    {
        DecisionRule.RedHighValue or DecisionRule.RedMidValue or DecisionRule.RedLowValue => (ScreeningLayer.Red, BuiltInWorkflows.RedRecovery.Id),
        DecisionRule.OrangeHomeVisit or DecisionRule.OrangeStandard => (ScreeningLayer.Orange, BuiltInWorkflows.OrangeRecovery.Id),
        DecisionRule.YellowStandard => (ScreeningLayer.Yellow, BuiltInWorkflows.YellowRecovery.Id),
        DecisionRule.DeepChurnSocialInfluence or DecisionRule.DeepChurnLikelySuccess => (ScreeningLayer.DeepChurn, BuiltInWorkflows.DeepChurn.Id),
        DecisionRule.LostException => (ScreeningLayer.LostException, null),
        _ => d.Risk.Stage switch
        {
            ChurnStage.PreChurn when d.Verdict == RecoveryVerdict.AutomatedOnly || d.Value.Tier == ValueTier.Low => (ScreeningLayer.PreChurnLow, BuiltInWorkflows.PreChurn.Id),
            ChurnStage.PreChurn when d.Value.Tier == ValueTier.High => (ScreeningLayer.PreChurnHigh, BuiltInWorkflows.PreChurn.Id),
            ChurnStage.PreChurn => (ScreeningLayer.PreChurnMid, BuiltInWorkflows.PreChurn.Id),
            ChurnStage.EarlyChurn when d.Verdict != RecoveryVerdict.AutomatedOnly => (ScreeningLayer.EarlyChurn, BuiltInWorkflows.EarlyChurn.Id),
            _ => (ScreeningLayer.AutomatedOnly, null),
        },
    };
}
