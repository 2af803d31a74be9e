using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Retention.Workflows.Tests.Support;
using Xunit;
using static Retention.Workflows.Tests.Support.Fixtures;

namespace Retention.Workflows.Tests;

/// <summary>Spec section 1: a due-task sweep over many instances is a bulk, allocation-light operation.</summary>
public class SweepTests
{
    private static readonly Instant Now = Start + Duration.FromHours(50); // call is due at Start + 39 h

    /// <summary>Instances in every situation: due, overdue, waiting for a booking, finished, not open yet, null.</summary>
    private static WorkflowInstance?[] Mixed()
    {
        var due = StartSmall(at: Now - Duration.FromHours(1)).Instance;                            // call open, due later
        var overdue = StartSmall().Instance;                                                        // call past due at Now
        var waiting = Run(StartSmall().Instance, new StepCompleted("call", StepOutcomes.Agreed, Start)); // book: no appointment
        var finished = Run(StartSmall().Instance, new StepCompleted("call", StepOutcomes.Refused, Start));
        var notOpen = Run(StartSmall().Instance, new StepCompleted("call", StepOutcomes.NoAnswer, Start)); // retry opens on D+3
        var escalated = Engine.Tick(StartSmall().Instance, Now).Instance;
        return [due, overdue, waiting, null, finished, notOpen, escalated];
    }

    [Fact]
    public void The_sweep_finds_each_open_task_once_with_its_owner_and_deadline()
    {
        var instances = Mixed();
        var buffer = new DueTask[16];
        int next = 0;

        int n = DueTaskSweep.Collect(instances!, Now, buffer, ref next);

        Assert.Equal(instances.Length, next);
        Assert.Equal([0, 1, 6], buffer.Take(n).Select(t => t.Index));
        Assert.All(buffer.Take(n), t => Assert.Equal(("call", StaffRole.CustomerServiceSupervisor), (t.StepId, t.Owner)));
        Assert.Equal([false, true, true], buffer.Take(n).Select(t => t.IsOverdue));
        Assert.Equal([StepStatus.Due, StepStatus.Due, StepStatus.Escalated], buffer.Take(n).Select(t => t.Status));
        Assert.Equal(instances[1]!.StateOf("call")!.DueAt, buffer[1].DueAt);
        Assert.Equal(3, DueTaskSweep.Count(instances!, Now, out int overdue));
        Assert.Equal(2, overdue);
    }

    [Fact]
    public void A_small_buffer_pages_through_the_same_tasks_with_absolute_indices()
    {
        var instances = Enumerable.Range(0, 40).SelectMany(_ => Mixed()).ToArray();
        var all = new DueTask[200];
        int next = 0;
        int total = DueTaskSweep.Collect(instances!, Now, all, ref next);

        var paged = new List<DueTask>();
        var buffer = new DueTask[7];
        next = 0;
        int calls = 0;
        while (next < instances.Length)
        {
            int n = DueTaskSweep.Collect(instances!, Now, buffer, ref next);
            paged.AddRange(buffer.Take(n));
            calls++;
        }

        Assert.Equal(120, total);
        Assert.Equal(all.Take(total), paged);
        Assert.True(calls >= 120 / 7);
    }

    [Fact]
    public void A_step_whose_window_has_not_opened_is_not_swept_until_it_opens()
    {
        var notOpen = Run(StartSmall().Instance, new StepCompleted("call", StepOutcomes.NoAnswer, Start));
        var opens = notOpen.StateOf("retry")!.OpensAt!.Value;
        var buffer = new DueTask[1];
        int next = 0;

        Assert.Equal(0, DueTaskSweep.Collect([notOpen], opens - Duration.Epsilon, buffer, ref next));
        next = 0;
        Assert.Equal(1, DueTaskSweep.Collect([notOpen], opens, buffer, ref next));
        Assert.Equal("retry", buffer[0].StepId);
    }

    [Fact]
    public void Sweeping_many_instances_allocates_nothing()
    {
        var one = StartSmall().Instance;
        var instances = Enumerable.Repeat(one, 200_000).ToArray();
        var buffer = new DueTask[1024];
        int next = 0;
        DueTaskSweep.Collect(instances, Now, buffer, ref next); // warm up

        long before = GC.GetAllocatedBytesForCurrentThread();
        int found = 0;
        next = 0;
        while (next < instances.Length)
        {
            found += DueTaskSweep.Collect(instances, Now, buffer, ref next);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(200_000, found);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Bad_cursor_and_empty_buffer_are_bad_input()
    {
        var instances = new[] { StartSmall().Instance };
        int next = 2;
        Assert.Equal("next", Assert.Throws<ArgumentOutOfRangeException>(() => DueTaskSweep.Collect(instances, Now, new DueTask[1], ref next)).ParamName);
        next = 0;
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => DueTaskSweep.Collect(instances, Now, Span<DueTask>.Empty, ref next)).ParamName);
    }
}
