using System;
using NodaTime;

namespace Retention.Workflows;

/// <summary>An open task found by <see cref="DueTaskSweep"/>: the step an instance is at, whose window has opened.</summary>
/// <param name="Index">The instance's index in the swept span.</param>
/// <param name="StepId">The step.</param>
/// <param name="Occurrence">The occurrence, from 0.</param>
/// <param name="Owner">Who does it.</param>
/// <param name="OpensAt">When its window opened.</param>
/// <param name="DueAt">When it is due (overdue from this instant on).</param>
/// <param name="Status">Its status as stored: <see cref="StepStatus.Due"/>, <see cref="StepStatus.Overdue"/> or <see cref="StepStatus.Escalated"/>.</param>
/// <param name="IsOverdue">Whether it is past due at the sweep's "now" (even when no tick has marked it yet).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct DueTask(int Index, string StepId, int Occurrence, StaffRole Owner, Instant OpensAt, Instant DueAt, StepStatus Status, bool IsOverdue);

/// <summary>
/// Finds, over many instances at once (a dealer group's million open workflows), the tasks to work on now: for every
/// running instance, the step it is at when that step's window has opened. Allocation-free: results go into a span
/// the caller owns, and a cursor lets a small buffer page through any number of instances.
/// </summary>
/// <remarks>
/// <para>
/// <code>
/// var buffer = new DueTask[4096];
/// int next = 0;
/// while (next &lt; instances.Length)
/// {
///     int n = DueTaskSweep.Collect(instances, now, buffer, ref next);
///     foreach (var task in buffer.AsSpan(0, n)) { /* instances[task.Index] ... */ }
/// }
/// </code>
/// </para>
/// <para>Each instance yields at most one task. Finished instances, <see langword="null"/> entries and steps waiting for an
/// anchor or for their window to open are passed over. The sweep only reads; run <see cref="WorkflowEngine.Tick"/> to mark
/// overdue steps and escalate. Stateless and thread-safe.</para>
/// </remarks>
public static class DueTaskSweep
{
    /// <summary>Writes the open tasks of <c>instances[next..]</c> into <paramref name="destination"/> until it is full.</summary>
    /// <param name="instances">The instances.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="destination">Where the tasks go, in instance order.</param>
    /// <param name="next">In: the first instance to look at. Out: the first instance not looked at yet (<c>instances.Length</c> when done).</param>
    /// <returns>How many tasks were written.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="next"/> is outside <c>[0, instances.Length]</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is empty.</exception>
    public static int Collect(ReadOnlySpan<WorkflowInstance> instances, Instant now, Span<DueTask> destination, ref int next)
    {
        if ((uint)next > (uint)instances.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(next), next, $"Must be from 0 to {instances.Length}.");
        }

        if (destination.IsEmpty)
        {
            throw new ArgumentException("The destination must hold at least one task.", nameof(destination));
        }

        int written = 0;
        int i = next;
        for (; i < instances.Length; i++)
        {
            var instance = instances[i];
            if (instance is null || !instance.HasOpenTask || instance.OpenTaskOpensAt > now)
            {
                continue;
            }

            if (written == destination.Length)
            {
                break;
            }

            var state = instance.ActiveStep!;
            var due = instance.OpenTaskDueAt;
            destination[written++] = new DueTask(i, state.StepId, state.Occurrence, state.Owner, instance.OpenTaskOpensAt, due, state.Status, due <= now);
        }

        next = i;
        return written;
    }

    /// <summary>Counts the open tasks without writing them.</summary>
    /// <param name="instances">The instances.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="overdue">How many of them are past due at <paramref name="now"/>.</param>
    /// <returns>How many tasks are open.</returns>
    public static int Count(ReadOnlySpan<WorkflowInstance> instances, Instant now, out int overdue)
    {
        int open = 0;
        overdue = 0;
        foreach (var instance in instances)
        {
            if (instance is null || !instance.HasOpenTask || instance.OpenTaskOpensAt > now)
            {
                continue;
            }

            open++;
            if (instance.OpenTaskDueAt <= now)
            {
                overdue++;
            }
        }

        return open;
    }
}
