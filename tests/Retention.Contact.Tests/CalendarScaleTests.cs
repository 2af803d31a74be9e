using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Retention.Contact.Tests.Support;
using Xunit;
using static Retention.Contact.Tests.Support.Fixtures;

namespace Retention.Contact.Tests;

/// <summary>
/// contact.md section 5: the contact calendar handles a store's whole base (hundreds of thousands of planned touches).
/// Correctness at scale only; the speed target lives in benchmarks/ (ContactBenchmarks), never in a timed test.
/// </summary>
public class CalendarScaleTests
{
    private static readonly Instant Now = Monday10;

    [Fact]
    public void A_stores_whole_base_is_planned_with_every_touch_accounted_for()
    {
        // 100,000 customers, 300,000 touches from four departments over three weeks, a third of the customers with history.
        var random = new Random(20260601);
        var touches = new PlannedTouch[300_000];
        for (int i = 0; i < touches.Length; i++)
        {
            var earliest = Now + Duration.FromMinutes(random.Next(0, 21 * 1440));
            touches[i] = new PlannedTouch(
                i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "C" + (i % 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Gens.Departments[random.Next(4)],
                (ContactPurpose)random.Next(6),
                (ContactChannel)random.Next(6),
                random.Next(5),
                earliest,
                earliest.InZone(Shanghai).Date.PlusDays(random.Next(0, 14)));
        }

        var customers = new Dictionary<string, CustomerContactState>();
        for (int c = 0; c < 100_000; c += 3)
        {
            var history = Enumerable.Range(0, 4).Select(k => Proactive(Now - Duration.FromMinutes(random.Next(1, 40 * 1440)))).ToArray();
            customers["C" + c.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new CustomerContactState(history, default, c % 5 == 0);
        }

        var plan = Calendar.Plan(touches, customers, Now);

        Assert.Equal(touches.Length, plan.Scheduled.Count + plan.Dropped.Count);
        Assert.True(plan.Scheduled.Count > 150_000, $"{plan.Scheduled.Count} scheduled");
        Assert.Equal(touches.Length, plan.Scheduled.Select(t => t.Touch.Id).Concat(plan.Dropped.Select(t => t.Touch.Id)).Distinct().Count());
    }
}
