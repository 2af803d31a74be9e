using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Retention.Contact;

namespace Retention.Benchmarks;

/// <summary>
/// The contact policy, on one thread: (a) one decision against a 50-touch history, and (b) the
/// contact calendar planning 500,000 touches for 100,000 customers. Each category has its own naive
/// baseline. One operation is one decision (Decide) or one planned touch (Calendar), so Mean is the
/// time per decision or per touch and "Per call" the time of one whole call.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[ThroughputColumns(
    "Per call", "Time of one call (Mean x OperationsPerInvoke): one decision (Decide), or one whole plan of 500,000 touches (Calendar)",
    "Items/s", "Decisions (Decide) or planned touches (Calendar) per second on one thread (1 s / Mean)")]
public class ContactBenchmarks
{
    /// <summary>Customers the Decide benchmarks cycle through (a power of two), each with its own request and history.</summary>
    public const int DecisionCustomers = 1024;

    public const int HistoryLength = 50;

    public const int CalendarCustomers = 100_000;

    public const int CalendarTouches = 500_000;

    private ContactData _data = null!;
    private ContactPolicy _policy = null!;
    private ContactCalendar _calendar = null!;
    private int _next;

    [GlobalSetup(Targets = [nameof(NaiveDecide), nameof(Decide)])]
    public void SetupDecisions()
    {
        _data = ContactData.ForDecisions(DecisionCustomers, HistoryLength);
        _policy = new ContactPolicy(new ContactOptions());
    }

    // Each calendar benchmark keeps only its own shape of the data alive (both allocate, so the collector's work depends on the heap).
    [GlobalSetup(Target = nameof(NaivePlan))]
    public void SetupNaiveCalendar()
    {
        _data = ContactData.ForCalendar(CalendarCustomers, CalendarTouches, naive: true);
    }

    [GlobalSetup(Target = nameof(Plan))]
    public void SetupCalendar()
    {
        _data = ContactData.ForCalendar(CalendarCustomers, CalendarTouches, naive: false);
        _calendar = new ContactCalendar(new ContactOptions());
    }

    /// <summary>(a) The hand-written rules: a List of touch classes, LINQ per rule. Each call decides for the next customer.</summary>
    [BenchmarkCategory("Decide")]
    [Benchmark(Baseline = true, Description = "Naive decide (List + LINQ), 50-touch history")]
    public object NaiveDecide()
    {
        int i = _next = (_next + 1) & (DecisionCustomers - 1);
        var customer = _data.NaiveCustomers[i];
        return NaiveContact.Decide(customer, customer.History, _data.NaiveRequests[i], ContactData.Now.ToDateTimeUtc());
    }

    /// <summary>(a) The library: one decision with every rule at once. Each call decides for the next customer.</summary>
    [BenchmarkCategory("Decide")]
    [Benchmark(Description = "ContactPolicy.Decide, 50-touch history")]
    public object Decide()
    {
        int i = _next = (_next + 1) & (DecisionCustomers - 1);
        return _policy.Decide(_data.Requests[i], _data.Histories[i], _data.Preferences[i], _data.IsVip[i], ContactData.Now);
    }

    /// <summary>(b) The hand-written calendar: GroupBy customer, OrderBy priority, the naive decision per touch.</summary>
    [BenchmarkCategory("Calendar")]
    [Benchmark(Baseline = true, OperationsPerInvoke = CalendarTouches, Description = "Naive calendar (GroupBy + naive decide)")]
    public int NaivePlan()
    {
        var plan = NaiveContact.Plan(_data.NaiveTouches, _data.NaiveCustomersById, ContactData.Now.ToDateTimeUtc());
        return plan.Scheduled.Count + plan.Dropped.Count;
    }

    /// <summary>(b) The library: one plan of 500,000 touches for 100,000 customers.</summary>
    [BenchmarkCategory("Calendar")]
    [Benchmark(OperationsPerInvoke = CalendarTouches, Description = "ContactCalendar.Plan, 500k touches, 100k customers")]
    public int Plan()
    {
        var plan = _calendar.Plan(_data.Touches, _data.Customers, ContactData.Now);
        return plan.Scheduled.Count + plan.Dropped.Count;
    }
}
