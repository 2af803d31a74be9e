using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace Retention.Workflows.Tests.Triggers;

/// <summary>Generators of valid customer facts on a day.</summary>
public static class TriggerGens
{
    public static readonly LocalDate Today = new(2026, 3, 10);

    private static Gen<LocalDate?> Day(int maxDaysBack) =>
        Gen.Frequency((1, Gen.Constant<LocalDate?>(null)), (4, Gen.Choose(0, maxDaysBack).Select(d => (LocalDate?)Today.PlusDays(-d))));

    public static Gen<CustomerFacts> Facts(int index) =>
        from vip in Gen.Elements(true, false)
        from lastVisit in Day(800)
        from rating in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(0, 10).Select(r => (int?)r)))
        from ratedOn in Day(30)
        from sleeping in Gen.Elements(true, false)
        from birthday in Gen.Frequency((1, Gen.Constant<LocalDate?>(null)), (2, Gen.Choose(0, 366).Select(d => (LocalDate?)new LocalDate(1980, 1, 1).PlusDays(d))))
        from purchase in Day(3000)
        from system in Gen.Elements<string?>(null, "brake", "Battery", "engine")
        from repairOn in Day(20)
        from km in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(0, 200_000).Select(k => (int?)k)))
        from earlier in Gen.Choose(0, 4)
        from weather in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from holiday in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new CustomerFacts($"C{index}", vip, lastVisit, rating, ratedOn, sleeping, birthday, purchase, system, repairOn, km, earlier, weather, holiday);

    public static Gen<(CustomerFacts[] Base, int[] Order)> Base { get; } =
        from n in Gen.Choose(0, 60)
        from facts in Gen.ArrayOf(Facts(0), n)
        from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), n)
        select (facts.Select((f, i) => f with { CustomerId = $"C{i}" }).ToArray(), Enumerable.Range(0, n).OrderBy(i => keys[i]).ThenBy(i => i).ToArray());
}

public static class TriggerArbitraries
{
    public static Arbitrary<(CustomerFacts[] Base, int[] Order)> Base() => Arb.From(TriggerGens.Base);
}

/// <summary>Spec section 7: evaluating the rules over the whole base.</summary>
[Properties(Arbitrary = [typeof(TriggerArbitraries)], MaxTest = 500)]
public class TriggerProperties
{
    private static readonly TriggerEvaluator Evaluator = new(new TriggerOptions());

    [Property]
    public void Evaluation_is_total_for_valid_facts((CustomerFacts[] Base, int[] Order) input)
    {
        var result = Evaluator.Evaluate(input.Base, TriggerGens.Today);

        Assert.Empty(result.Problems);
        Assert.Equal(input.Base.Length, result.Evaluated);
        Assert.All(result.Hits, h => Assert.Equal(input.Base[h.Index].CustomerId, h.CustomerId));
    }

    [Property]
    public void Evaluation_is_order_independent((CustomerFacts[] Base, int[] Order) input)
    {
        var shuffled = input.Order.Select(i => input.Base[i]).ToArray();

        var a = Evaluator.Evaluate(input.Base, TriggerGens.Today).Hits.Select(h => (h.CustomerId, h.Rule.Id)).OrderBy(x => x.CustomerId, StringComparer.Ordinal).ThenBy(x => x.Id, StringComparer.Ordinal);
        var b = Evaluator.Evaluate(shuffled, TriggerGens.Today).Hits.Select(h => (h.CustomerId, h.Rule.Id)).OrderBy(x => x.CustomerId, StringComparer.Ordinal).ThenBy(x => x.Id, StringComparer.Ordinal);

        Assert.Equal(a, b);
    }

    [Property]
    public void Each_hit_is_the_rule_holding_for_that_customer_alone((CustomerFacts[] Base, int[] Order) input)
    {
        var all = Evaluator.Evaluate(input.Base, TriggerGens.Today).Hits;
        for (int i = 0; i < input.Base.Length; i++)
        {
            var alone = Evaluator.Rules.Where(r => r.IsMetBy(in input.Base[i], TriggerGens.Today)).Select(r => r.Id);
            Assert.Equal(alone, all.Where(h => h.Index == i).Select(h => h.Rule.Id));
        }
    }
}
