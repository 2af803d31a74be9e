using System;

namespace Retention.Workflows;

/// <summary>
/// What the workflow engine needs besides the definitions, with defaults. Bind it from configuration (section
/// <c>Retention:Workflows</c> by convention) or set it in code; <see cref="WorkflowOptionsValidator"/> rejects nonsense
/// with a message naming the option.
/// </summary>
/// <remarks>Mutable, like every options class: the engine takes a validated copy when it is built.</remarks>
public sealed class WorkflowOptions
{
    /// <summary>The name of the configuration section these options are usually bound from: <c>Retention:Workflows</c>.</summary>
    public const string SectionName = "Retention:Workflows";

    /// <summary>The most <see cref="EscalationGrace"/> may be: 30 days.</summary>
    public static readonly TimeSpan MaxEscalationGrace = TimeSpan.FromDays(30);

    /// <summary>
    /// The store's time zone (IANA id) for instances whose context names none; day windows count calendar days in it.
    /// The default value is <c>Asia/Shanghai</c>.
    /// </summary>
    public string StoreTimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// Whether a step that names no escalation role escalates, when overdue, to the role one step more senior than its
    /// owner (spec: escalation goes one step up; a RegionalManager's step has nobody above and is only marked overdue).
    /// When <see langword="false"/>, such steps are only marked overdue. The default value is <see langword="true"/>.
    /// </summary>
    public bool EscalateOneRoleUp { get; set; } = true;

    /// <summary>
    /// How long after its due instant an overdue step is escalated (it is marked overdue at once), from zero to
    /// 30 days. The default value is zero (escalate as soon as it is overdue).
    /// </summary>
    public TimeSpan EscalationGrace { get; set; } = TimeSpan.Zero;

    /// <summary>The department named on planned touches of steps that name none. The default value is <c>aftersales</c>.</summary>
    public string TouchDepartment { get; set; } = "aftersales";

    /// <summary>The priority (0 to 1000, higher first) of planned touches of steps that name none. The default value is 50.</summary>
    public int TouchPriority { get; set; } = 50;
}
