using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Retention.Workflows;
using Spectre.Console;
using Spectre.Console.Rendering;
using ContactChannel = Retention.Contact.ContactChannel;
using ContactPurpose = Retention.Contact.ContactPurpose;
using StaffRole = Retention.Scoring.StaffRole;

namespace Retention.Tool.Workflows;

/// <summary>
/// A workflow definition as text for the people who run it: a header (id, version, title, trigger, owners, scripts)
/// and one block per step (title, owner, window, channels, scripts, conditions, outcomes and where they lead, who hears
/// about it when overdue, the customer touch and the approval). Blocks are label / value grids that wrap (never
/// truncate), so they stay readable in an 80-column CI log. Titles come from the definition in the output locale; the
/// role, channel, purpose and outcome names stay the names used in configuration and JSON, with a Chinese gloss in zh-CN.
/// </summary>
internal sealed class WorkflowText(bool chinese, WorkflowOptions options)
{
    private string Locale => chinese ? "zh-CN" : "en";

    /// <summary>Renders a definition.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="source">Where it comes from, for example <c>built-in</c> or a file name.</param>
    /// <returns>The text, one renderable per line or block.</returns>
    public IRenderable Render(WorkflowDefinition definition, string source)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(source);
        return new Rows(Parts(definition, source));
    }

    private IEnumerable<IRenderable> Parts(WorkflowDefinition definition, string source)
    {
        yield return new Markup($"[bold]{Markup.Escape($"{definition.Id} v{N(definition.Version)}")}[/]  {Markup.Escape(definition.Title.Get(Locale))}");
        yield return new Text(T($"来源：{source}", $"source: {source}"));
        var header = Grid();
        Row(header, T("触发", "trigger"), Trigger(definition.Trigger));
        Row(header, T("步骤", "steps"), N(definition.Steps.Length));
        Row(header, T("负责人", "owners"), string.Join(", ", definition.Owners().Select(Role)));
        var scripts = definition.ScriptIds();
        Row(header, T("话术", "scripts"), scripts.Count == 0 ? T("无", "none") : string.Join(", ", scripts));
        var ends = definition.Steps.SelectMany(s => s.Routes).Select(r => r.Finish).OfType<WorkflowOutcome>().Distinct().Order().ToList();
        Row(header, T("结束方式", "ends"), string.Join(", ", ends.Select(Outcome)));
        yield return header;

        for (int i = 0; i < definition.Steps.Length; i++)
        {
            var step = definition.Steps[i];
            yield return Text.Empty;
            yield return new Markup($"[bold]{Markup.Escape($"{N(i + 1)}. {step.Id}")}[/]  {Markup.Escape(step.Title.Get(Locale))}");
            var grid = Grid();
            Row(grid, T("负责人", "owner"), Role(step.Owner));
            Row(grid, T("时间窗", "window"), Window(step.Window));
            if (!step.Conditions.IsEmpty)
            {
                string skipped = step.RouteFor(StepOutcomes.Skipped) is { } skip ? Target(definition, skip) : "?";
                Row(grid, T("条件", "only if"), string.Join(T(" 且 ", " and "), step.Conditions) + T($"（不满足时跳过 → {skipped}）", $" (otherwise skipped -> {skipped})"));
            }

            Row(grid, T("渠道", "channels"), step.Channels.IsEmpty ? T("无（内部步骤）", "none (an internal step)") : string.Join(", ", step.Channels.Select(Channel)));
            if (!step.ScriptIds.IsEmpty)
            {
                Row(grid, T("话术", "scripts"), string.Join(", ", step.ScriptIds));
            }

            var routes = step.Routes.Where(r => r.Outcome != StepOutcomes.Skipped).ToList();
            for (int r = 0; r < routes.Count; r++)
            {
                string atOnce = routes[r].EndsRecurrence ? T("（立即，不再重复）", " (at once, ending the recurrence)") : string.Empty;
                Row(grid, r == 0 ? T("结果", "outcomes") : string.Empty, $"{routes[r].Outcome}{atOnce} -> {Target(definition, routes[r])}");
            }

            Row(grid, T("逾期", "overdue"), Escalation(step));
            if (step.Touch is { } touch)
            {
                string department = touch.Department ?? options.TouchDepartment;
                int priority = touch.Priority ?? options.TouchPriority;
                Row(grid, T("客户触达", "touch"), T(
                    $"{Purpose(touch.Purpose)}（部门 {department}，优先级 {N(priority)}）",
                    $"{Purpose(touch.Purpose)} (department {department}, priority {N(priority)})"));
            }

            if (step.Approval is { } approval)
            {
                Row(grid, T("审批", "approval"), T(
                    $"预算 {Money(approval.Amount)}，由 {Role(approval.Approver)} 审批",
                    $"budget {Money(approval.Amount)}, approved by {Role(approval.Approver)}"));
            }

            yield return new Padder(grid, new Padding(3, 0, 0, 0));
        }
    }

    /// <summary>Describes a window in the output locale: the package's English text, or a Chinese rendering of it.</summary>
    /// <param name="window">The window.</param>
    /// <returns>The description.</returns>
    public string Window(StepWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (!chinese)
        {
            return window.ToString();
        }

        return window switch
        {
            DayWindow d => d.FirstDay == d.LastDay ? $"第{N(d.FirstDay)}天（D{N(d.FirstDay)}）" : $"第{N(d.FirstDay)}至{N(d.LastDay)}天（D{N(d.FirstDay)}-D{N(d.LastDay)}）",
            HourWindow h => $"开始后{H(h.From.TotalHours)}-{H(h.To.TotalHours)}小时",
            AnchoredDayWindow a when a.Anchor.Kind == AnchorKind.Appointment && a.FromDay == 0 && a.ToDay == 0 => "预约当天",
            AnchoredDayWindow a => Anchor(a.Anchor) + Days(a.FromDay, a.ToDay),
            AnchoredHourWindow a => $"{Anchor(a.Anchor)}后{H(a.From.TotalHours)}-{H(a.To.TotalHours)}小时",
            RecurringWindow r => $"{Window(r.First)}，此后每{(r.Every == 1 ? string.Empty : N(r.Every))}{Unit(r.Unit)}一次，共{N(r.Count)}次",
            _ => window.ToString(),
        };
    }

    private string Escalation(WorkflowStep step)
    {
        string grace = options.EscalationGrace > TimeSpan.Zero
            ? T($"，到期后 {options.EscalationGrace} 升级", $", {options.EscalationGrace} after the due time")
            : string.Empty;
        if (step.EscalateTo is { } up)
        {
            return T($"升级至 {Role(up)}{grace}", $"escalates to {Role(up)}{grace}");
        }

        if (options.EscalateOneRoleUp && step.Owner < StaffRole.RegionalManager)
        {
            return T($"升级至 {Role(step.Owner + 1)}（上一级）{grace}", $"escalates to {Role(step.Owner + 1)} (one role up){grace}");
        }

        return step.Owner >= StaffRole.RegionalManager
            ? T("仅标记逾期（没有更高的角色可升级）", "only marked overdue (nobody above to escalate to)")
            : T("仅标记逾期，不升级（Workflows:EscalateOneRoleUp 已关闭）", "only marked overdue, not escalated (Workflows:EscalateOneRoleUp is off)");
    }

    private string Target(WorkflowDefinition definition, OutcomeRoute route) =>
        route.Next is { } next
            ? T($"步骤 {N(definition.IndexOf(next) + 1)}. {next}", $"step {N(definition.IndexOf(next) + 1)}. {next}")
            : T($"结束：{Outcome(route.Finish!.Value)}", $"finish {Outcome(route.Finish!.Value)}");

    private string Trigger(WorkflowTrigger trigger)
    {
        string detail = trigger.Detail ?? string.Empty;
        string what = trigger.Kind switch
        {
            TriggerKind.Manual => T("手动启动（或由宿主程序的逻辑启动）", "started by hand (or by the host's own logic)"),
            TriggerKind.RiskTierEntered => T($"客户进入 {detail} 风险等级", $"a customer enters the {detail} risk tier"),
            TriggerKind.DetractorAnswered => T($"客户给出 {detail} 级贬损评价", $"a customer gives a grade {detail} detractor answer"),
            TriggerKind.ChurnStageEntered => T($"客户进入 {detail} 流失阶段", $"a customer enters the {detail} churn stage"),
            TriggerKind.VisitCompleted => T("一次服务到店结束", "a service visit ends"),
            TriggerKind.ProblemReported => T("客户反映问题", "a problem is reported"),
            TriggerKind.Rule => T("触发规则命中", "a trigger rule fires"),
            _ => trigger.ToString(),
        };
        return T($"{trigger}（{what}）", $"{trigger} ({what})");
    }

    private string Role(StaffRole role) => !chinese ? role.ToString() : role switch
    {
        StaffRole.ServiceAdvisor => "服务顾问 ServiceAdvisor",
        StaffRole.CustomerServiceSupervisor => "客服主管 CustomerServiceSupervisor",
        StaffRole.ServiceManager => "服务经理 ServiceManager",
        StaffRole.StoreManager => "店长 StoreManager",
        StaffRole.GeneralManager => "总经理 GeneralManager",
        StaffRole.RegionalManager => "区域经理 RegionalManager",
        _ => role.ToString(),
    };

    private string Channel(ContactChannel channel) => !chinese ? channel.ToString() : channel switch
    {
        ContactChannel.Phone => "电话 Phone",
        ContactChannel.Sms => "短信 Sms",
        ContactChannel.WeChat => "微信 WeChat",
        ContactChannel.AppPush => "App推送 AppPush",
        ContactChannel.Email => "邮件 Email",
        ContactChannel.HomeVisit => "上门 HomeVisit",
        _ => channel.ToString(),
    };

    private string Purpose(ContactPurpose purpose) => !chinese ? purpose.ToString() : purpose switch
    {
        ContactPurpose.ServiceFollowUp => "服务回访 ServiceFollowUp",
        ContactPurpose.Care => "关怀 Care",
        ContactPurpose.Recovery => "挽回 Recovery",
        ContactPurpose.Marketing => "营销 Marketing",
        ContactPurpose.Urgent => "紧急 Urgent",
        ContactPurpose.Transactional => "事务通知 Transactional",
        _ => purpose.ToString(),
    };

    private string Outcome(WorkflowOutcome outcome) => !chinese ? outcome.ToString() : outcome switch
    {
        WorkflowOutcome.Recovered => "挽回成功 Recovered",
        WorkflowOutcome.NotRecovered => "未挽回 NotRecovered",
        WorkflowOutcome.Farewell => "体面告别 Farewell",
        _ => outcome.ToString(),
    };

    private static string Anchor(WindowAnchor anchor) => anchor.Kind switch
    {
        AnchorKind.Step => $"步骤 {anchor.StepId} 完成",
        AnchorKind.Appointment => "预约日",
        AnchorKind.Visit => "到店",
        _ => "客户回复",
    };

    private static string Day(int offset) => offset switch
    {
        0 => "当天",
        > 0 => $"后第{N(offset)}天",
        _ => $"前{N(-offset)}天",
    };

    private static string Days(int from, int to) =>
        from == to ? Day(from)
        : from > 0 ? $"后第{N(from)}至{N(to)}天"
        : to < 0 ? $"前{N(-from)}至{N(-to)}天"
        : $"{Day(from)}至{Day(to)}";

    private static string Unit(RecurrenceUnit unit) => unit switch
    {
        RecurrenceUnit.Days => "天",
        RecurrenceUnit.Weeks => "周",
        _ => "个月",
    };

    private static Grid Grid()
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(2));
        grid.AddColumn(new GridColumn());
        return grid;
    }

    private static void Row(Grid grid, string label, string value) => grid.AddRow(new Text(label), new Text(value));

    private string T(string zhCn, string en) => chinese ? zhCn : en;

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string H(double hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);
}
