using System.Linq;
using System;
using System.Collections.Immutable;

namespace Retention.Workflows;

/// <summary>
/// The playbooks' SOPs (workflows.md sections 2-6) as ready-made definitions, all version 1: the risk-tier recoveries
/// (<see cref="YellowRecovery"/>, <see cref="OrangeRecovery"/>, <see cref="RedRecovery"/>), the NPS low-score rescue per
/// detractor grade (<see cref="NpsRescueS"/>, <see cref="NpsRescueA"/>, <see cref="NpsRescueB"/>), the churn-stage
/// recoveries (<see cref="PreChurn"/>, <see cref="EarlyChurn"/>, <see cref="DeepChurn"/>), the
/// <see cref="PostServiceFollowUp"/> and the problem levels (<see cref="ProblemL1"/>, <see cref="ProblemL2"/>,
/// <see cref="ProblemL3"/>). <see cref="All"/> lists them; <see cref="Register"/> and
/// <see cref="BuiltInWorkflowServiceCollectionExtensions.AddBuiltInWorkflows"/> register them.
/// </summary>
/// <remarks>
/// <para>Every script id a step names is in the built-in catalog of Retention.Scripts (<c>ScriptCatalog.BuiltIn.Ids</c>).
/// Day windows count in the store's zone (D1 is the start day); hour windows are elapsed hours from the start.</para>
/// <para>Context the definitions read: <see cref="ContextKeys.ValueScore"/> (Orange home visit above 70, Red budget at
/// 80 and 60) and, for <see cref="PreChurn"/>, the free value <see cref="ValueTierKey"/> (<c>High</c>, <c>Mid</c> or
/// <c>Low</c>, Retention.Scoring's value tier).</para>
/// <para>To change a built-in, build your own definition with the same id and a higher version, and keep version 1
/// registered while instances still run on it.</para>
/// <para>The definitions are immutable and thread-safe; they are built once, on first use.</para>
/// </remarks>
public static partial class BuiltInWorkflows
{
    /// <summary>The free context key (<see cref="WorkflowContext.Values"/>) holding the customer's value tier, <c>High</c>, <c>Mid</c> or <c>Low</c>, read by <see cref="PreChurn"/> to choose who reaches out.</summary>
    public const string ValueTierKey = "valueTier";

    /// <summary>
    /// The free context key (<see cref="WorkflowContext.Values"/>) read by <see cref="PostServiceFollowUp"/> to choose the first
    /// follow-up: <c>Automated</c> for the automated voice survey; anything else, or no value, for the advisor's call.
    /// <see cref="FollowUpRoute.ApplyTo"/> sets it.
    /// </summary>
    public const string FollowUpByKey = "followUpBy";

    /// <summary>The outcome of an NPS rescue's <c>design</c> step when the plan exceeds the grade's compensation authority: it leads to the <c>approve</c> step.</summary>
    public const string AboveAuthority = "AboveAuthority";

    /// <summary>The version of every built-in definition.</summary>
    public const int Version = 1;

    /// <summary>
    /// Every built-in definition, in the order of workflows.md: <c>risk.yellow</c>, <c>risk.orange</c>, <c>risk.red</c>,
    /// <c>nps.rescue.s</c>, <c>nps.rescue.a</c>, <c>nps.rescue.b</c>, <c>churn.pre</c>, <c>churn.early</c>,
    /// <c>churn.deep</c>, <c>followup.post-service</c>, <c>problem.l1</c>, <c>problem.l2</c>, <c>problem.l3</c>, <c>followup.battery-weekly</c>.
    /// </summary>
    public static ImmutableArray<WorkflowDefinition> All => AllHolder.Value;

    /// <summary>Returns a registry that also holds every built-in definition (<see cref="All"/>). The registry is immutable, so use the returned one.</summary>
    /// <param name="registry">The registry to add to, for example <see cref="WorkflowRegistry.Empty"/>.</param>
    /// <returns>The new registry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is <see langword="null"/>.</exception>
    /// <exception cref="WorkflowDefinitionException">The registry already holds a different definition with a built-in's id and version 1.</exception>
    public static WorkflowRegistry Register(WorkflowRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Add([.. All]);
    }

    /// <summary>
    /// Every built-in definition, in the order of <see cref="All"/>, with the risk-tier SOPs built from the host's scoring figures:
    /// the Yellow budget (<c>Tiers.Yellow.RecoveryCostMax</c>), the Orange home-visit line and budget
    /// (<c>Decision.OrangeHomeVisitAbove</c>, <c>Decision.OrangeHomeVisitBudget</c>) and the Red value-score lines and budgets
    /// (<c>Decision.RedFullRecoveryFrom</c>, <c>RedMakeEffortFrom</c>, <c>RedFullRecoveryBudget</c>, <c>RedMakeEffortBudget</c>,
    /// <c>RedFarewellBudget</c>), so a workflow never disagrees with Retention.Scoring's recovery decision.
    /// With default options this is <see cref="All"/>.
    /// </summary>
    /// <param name="scoring">The scoring options (validated by the caller, as <c>AddRetentionScoring</c> does).</param>
    /// <returns>The definitions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scoring"/> is <see langword="null"/>.</exception>
    public static ImmutableArray<WorkflowDefinition> For(Retention.Scoring.ScoringOptions scoring)
    {
        ArgumentNullException.ThrowIfNull(scoring);
        return [Yellow(scoring), Orange(scoring), Red(scoring), .. All.Skip(3)];
    }

    /// <summary>
    /// Every built-in definition, in the order of <see cref="All"/>, with the risk-tier SOPs built from the host's scoring
    /// figures (as <see cref="For(Retention.Scoring.ScoringOptions)"/>) and the NPS rescues built from the host's NPS options:
    /// each grade's first-response deadline, responder, compensation authority and approver (<c>Grades.S</c>, <c>Grades.A</c>,
    /// <c>Grades.B</c>) and the rescue step deadlines (<c>Rescue.IdentifyBy</c> to <c>Rescue.ExecuteBy</c>), so a rescue
    /// never disagrees with Retention.Nps's grading. With default options this is <see cref="All"/>.
    /// </summary>
    /// <remarks>
    /// The <c>design</c> step of a rescue ends <c>Done</c> when the plan is within the grade's authority, or
    /// <see cref="AboveAuthority"/> when it is not (the host asks <c>DetractorGrader.ApprovalFor</c> with the plan's total);
    /// the latter routes to an <c>approve</c> step owned by the grade's approver. That step emits no
    /// <see cref="RequestApproval"/>, because the amount is the plan's total, which only the host knows: the task itself is
    /// the request.
    /// </remarks>
    /// <param name="scoring">The scoring options (validated by the caller, as <c>AddRetentionScoring</c> does).</param>
    /// <param name="nps">The NPS options (validated by the caller, as <c>AddRetentionNps</c> does).</param>
    /// <returns>The definitions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scoring"/> or <paramref name="nps"/> is <see langword="null"/>.</exception>
    public static ImmutableArray<WorkflowDefinition> For(Retention.Scoring.ScoringOptions scoring, Retention.Nps.NpsOptions nps)
    {
        ArgumentNullException.ThrowIfNull(scoring);
        ArgumentNullException.ThrowIfNull(nps);
        return
        [
            Yellow(scoring), Orange(scoring), Red(scoring),
            NpsRescue(DetractorGrade.S, nps), NpsRescue(DetractorGrade.A, nps), NpsRescue(DetractorGrade.B, nps),
            .. All.Skip(6),
        ];
    }

    // Decisions of the NPS rescue: the review runs over the 4 days after the execution deadline (72-168 h by default);
    // an approval is due within 2 hours of the design.
    private const double ReviewHours = 96;
    private const double ApprovalHours = 2;

    private static LocalizedText T(string zhCn, string en) => new(zhCn, en);

    // A nested holder: the definitions live in several partial files, whose static initialisers run in no promised order.
    private static class AllHolder
    {
        public static readonly ImmutableArray<WorkflowDefinition> Value =
        [
            YellowRecovery, OrangeRecovery, RedRecovery,
            NpsRescueS, NpsRescueA, NpsRescueB,
            PreChurn, EarlyChurn, DeepChurn,
            PostServiceFollowUp,
            ProblemL1, ProblemL2, ProblemL3,
            BatteryWeekly,
        ];
    }
}
