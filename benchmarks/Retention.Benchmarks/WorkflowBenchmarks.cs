using System;
using BenchmarkDotNet.Attributes;
using Retention.Workflows;

namespace Retention.Benchmarks;

/// <summary>
/// The due-task sweep and the engine's tick over a million open workflow instances, on one thread. Every benchmark
/// counts one operation per instance (<c>OperationsPerInvoke</c>), so Mean is the time per instance and Allocated the
/// bytes per instance; "Per 1M instances" is one whole pass.
/// </summary>
[MemoryDiagnoser]
[ThroughputColumns(
    "Per 1M instances", "Time of one pass over 1,000,000 instances (Mean x 1,000,000)",
    "Instances/s", "Instances swept or ticked per second on one thread (1 s / Mean)")]
public class WorkflowBenchmarks
{
    public const int Instances = 1_000_000;

    /// <summary>The page size of the Collect loop (the size the library's docs show).</summary>
    public const int PageSize = 4096;

    private WorkflowData _data = null!;
    private DueTask[] _page = null!;

    [GlobalSetup(Target = nameof(Naive))]
    public void SetupNaive()
    {
        Setup();
        CheckSameResults();
        // The shape of the data, once, in the benchmark's log.
        foreach (var (key, n) in WorkflowData.Describe(_data.Instances, WorkflowData.Now))
        {
            Console.WriteLine($"// data: {key}: {n:N0}");
        }
    }

    [GlobalSetup(Targets = [nameof(Collect), nameof(Count), nameof(TickHourly)])]
    public void Setup()
    {
        _data = new WorkflowData(Instances);
        _page = new DueTask[PageSize];
    }

    /// <summary>(a) The hand-written query: LINQ over the instances and their step lists, a List of task objects.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Instances, Description = "Naive (LINQ over instances and steps)")]
    public int Naive()
    {
        var tasks = NaiveWorkflows.DueTasks(_data.Instances, WorkflowData.Now);
        int overdue = 0;
        foreach (var task in tasks)
        {
            overdue += task.IsOverdue ? 1 : 0;
        }

        return tasks.Count + overdue;
    }

    /// <summary>(b) The library's sweep, paging through all instances with a 4,096-task buffer, reading every task.</summary>
    [Benchmark(OperationsPerInvoke = Instances, Description = "DueTaskSweep.Collect (4,096-task pages)")]
    public int Collect()
    {
        var instances = _data.Instances;
        int next = 0;
        int open = 0;
        int overdue = 0;
        while (next < instances.Length)
        {
            int n = DueTaskSweep.Collect(instances, WorkflowData.Now, _page, ref next);
            open += n;
            foreach (ref readonly var task in _page.AsSpan(0, n))
            {
                overdue += task.IsOverdue ? 1 : 0;
            }
        }

        return open + overdue;
    }

    /// <summary>(c) The library's count of open and overdue tasks, nothing written.</summary>
    [Benchmark(OperationsPerInvoke = Instances, Description = "DueTaskSweep.Count")]
    public int Count() => DueTaskSweep.Count(_data.Instances, WorkflowData.Now, out int overdue) + overdue;

    /// <summary>(d) The engine's tick on every instance, an hour after the previous tick: escalates the steps that fell due in that hour.</summary>
    [Benchmark(OperationsPerInvoke = Instances, Description = "WorkflowEngine.Tick, each instance (1 h after the last tick)")]
    public int TickHourly() => TickAll(_data.Instances);

    private int TickAll(WorkflowInstance[] instances)
    {
        var engine = _data.Engine;
        var now = WorkflowData.Now;
        int changed = 0;
        int commands = 0;
        foreach (var instance in instances)
        {
            var t = engine.Tick(instance, now);
            if (t.Changed)
            {
                changed++;
                commands += t.Commands.Length;
            }
        }

        return changed + commands;
    }

    // The baseline and the sweep must find the same tasks; checked on every instance.
    private void CheckSameResults()
    {
        var naive = NaiveWorkflows.DueTasks(_data.Instances, WorkflowData.Now);
        var buffer = new DueTask[Instances];
        int next = 0;
        int n = DueTaskSweep.Collect(_data.Instances, WorkflowData.Now, buffer, ref next);
        bool same = n == naive.Count && next == Instances;
        for (int i = 0; same && i < n; i++)
        {
            var a = naive[i];
            var b = buffer[i];
            same = a.Index == b.Index && a.StepId == b.StepId && a.Occurrence == b.Occurrence && a.Owner == b.Owner
                && a.OpensAt == b.OpensAt && a.DueAt == b.DueAt && a.Status == b.Status && a.IsOverdue == b.IsOverdue;
        }

        if (!same)
        {
            throw new InvalidOperationException("The naive baseline and DueTaskSweep.Collect disagree; the benchmark would compare different work.");
        }
    }
}
