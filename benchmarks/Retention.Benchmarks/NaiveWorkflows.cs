using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Retention.Workflows;
using StaffRole = Retention.Scoring.StaffRole;

namespace Retention.Benchmarks;

// The baseline: "which tasks are open now?" written the way an app team would by hand over the instances it loaded,
// without DueTaskSweep: a LINQ query over the instance objects and each one's list of step states, one result object
// per task, collected into a List.

/// <summary>An open task as the hand-written query returns it.</summary>
public sealed class NaiveDueTask
{
    public int Index { get; set; }

    public string StepId { get; set; } = "";

    public int Occurrence { get; set; }

    public StaffRole Owner { get; set; }

    public Instant OpensAt { get; set; }

    public Instant DueAt { get; set; }

    public StepStatus Status { get; set; }

    public bool IsOverdue { get; set; }
}

/// <summary>The hand-written sweep.</summary>
public static class NaiveWorkflows
{
    /// <summary>Every open task at <paramref name="now"/>: the active step of each running instance whose window has opened.</summary>
    public static List<NaiveDueTask> DueTasks(IEnumerable<WorkflowInstance> instances, Instant now) =>
        instances
            .Select((instance, index) => (Instance: instance, Index: index))
            .Where(x => x.Instance is not null && !x.Instance.IsFinished)
            .SelectMany(x => x.Instance.Steps
                .Where(s => s.IsActive && s.Status != StepStatus.Pending && s.OpensAt <= now)
                .Select(s => new NaiveDueTask
                {
                    Index = x.Index,
                    StepId = s.StepId,
                    Occurrence = s.Occurrence,
                    Owner = s.Owner,
                    OpensAt = s.OpensAt!.Value,
                    DueAt = s.DueAt!.Value,
                    Status = s.Status,
                    IsOverdue = s.DueAt <= now,
                }))
            .ToList();
}
