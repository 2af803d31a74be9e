using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Retention.Contact;
using Retention.Samples.DealerDay.Contacts;
using Retention.Samples.DealerDay.Files;
using Retention.Samples.DealerDay.Report;
using LocalizedText = Retention.Scoring.LocalizedText;

namespace Retention.Samples.DealerDay.Sections;

/// <summary>
/// The week's contact plan from Retention.Contact: customers per follow-up segment and cadence, the
/// touches scheduled per day and channel and per department, what the policy moved later, switched to
/// another channel, denied or dropped (by reason, in the report's locale), and a few examples.
/// </summary>
internal sealed class ContactPlanSection(int examples) : IReportSection
{
    private static readonly LocalizedText PlannedLabel = new("计划触达", "planned");
    private static readonly LocalizedText ScheduledLabel = new("已排期", "scheduled");
    private static readonly LocalizedText NotScheduledLabel = new("未排期", "not scheduled");
    private static readonly LocalizedText DataLabel = new("依据", "based on");
    private const string Indent = "  ";

    /// <summary>Rules that move a touch later (or, when nothing fits before the latest date, drop it).</summary>
    private static readonly ContactReasonCode[] Deferrals =
    [
        ContactReasonCode.Spacing, ContactReasonCode.FrequencyCap, ContactReasonCode.QuietHours, ContactReasonCode.OutsideAllowedHours,
    ];

    /// <summary>Rules that put a touch on another channel.</summary>
    private static readonly ContactReasonCode[] ChannelSwitches = [ContactReasonCode.SwitchedToMessage, ContactReasonCode.SwitchedForOptOut];

    /// <summary>Rules that deny a touch outright (the customer's preferences).</summary>
    private static readonly ContactReasonCode[] Denials =
    [
        ContactReasonCode.GlobalOptOut, ContactReasonCode.UrgentOnly, ContactReasonCode.NoMarketing, ContactReasonCode.NoAllowedChannel,
        ContactReasonCode.NoAllowedTime,
    ];

    public void Write(DealerDayReport report, ReportWriter writer)
    {
        var week = report.Contacts;
        var clock = report.Clock;
        if (week is null || clock is null)
        {
            return;
        }

        string locale = writer.Locale;
        bool zh = Display.IsChinese(locale);
        writer.Heading(new(
            $"本周触达计划：{StoreClock.FormatDay(clock.AsOf, locale)}至 {StoreClock.FormatDay(clock.WeekEnd, locale)}",
            $"Contact plan for the week: {StoreClock.FormatDay(clock.AsOf, locale)} to {StoreClock.FormatDay(clock.WeekEnd, locale)}"));

        var plan = week.Plan;
        var planned = week.Planned;
        if (planned.Count == 0)
        {
            writer.Line(writer.T(new("本周没有计划触达。", "No touch is planned this week.")));
            return;
        }

        var scheduled = plan.Scheduled;
        var denied = plan.Dropped.Where(IsDenied).ToList();
        var late = plan.Dropped.Where(d => !IsDenied(d)).ToList();
        int later = scheduled.Count(s => clock.DateOf(s.At) > clock.WeekEnd);
        int switched = scheduled.Count(s => s.Channel != s.Touch.Channel);
        int width = new[] { DataLabel, PlannedLabel, ScheduledLabel, NotScheduledLabel }.Max(l => Display.Width(writer.T(l)));

        writer.Field(DataLabel, writer.T(DataText(week, clock)), width);
        var byDepartment = Enum.GetValues<Department>().Select(d => (Department: d, Count: planned.Count(t => ContactWeek.DepartmentOf(t) == d))).Where(x => x.Count > 0);
        writer.Field(PlannedLabel, writer.T(new(
            $"{Display.Count(planned.Count)} 次，涉及 {Display.Count(planned.Select(t => t.CustomerId).Distinct().Count())} 位客户：" + string.Join("，", byDepartment.Select(x => $"{Labels.Of(x.Department).ZhCn} {Display.Count(x.Count)}")),
            $"{Display.Count(planned.Count)} touches for {Display.Count(planned.Select(t => t.CustomerId).Distinct().Count())} customers: " + string.Join(", ", byDepartment.Select(x => $"{Display.Count(x.Count)} {Labels.Of(x.Department).En}")))), width);
        writer.Field(ScheduledLabel, writer.T(new(
            $"{Display.Count(scheduled.Count)} 次（本周 {Display.Count(scheduled.Count - later)}，顺延到下周及以后 {Display.Count(later)}）；其中 {Display.Count(plan.MovedCount)} 次被推迟，{Display.Count(switched)} 次改用其他渠道",
            $"{Display.Count(scheduled.Count)} ({Display.Count(scheduled.Count - later)} this week, {Display.Count(later)} moved past it); {Display.Count(plan.MovedCount)} of them moved later, {Display.Count(switched)} on another channel")), width);
        writer.Field(NotScheduledLabel, writer.T(new(
            $"{Display.Count(plan.Dropped.Count)} 次：{Display.Count(denied.Count)} 次因客户偏好被拒绝，{Display.Count(late.Count)} 次在最晚日期前排不进去而放弃",
            $"{Display.Count(plan.Dropped.Count)}: {Display.Count(denied.Count)} denied by the customer's preferences, {Display.Count(late.Count)} dropped because they could not happen by their latest date")), width);

        // Segments and their cadence, from FollowUpCadence.
        writer.Line();
        writer.Table(
            [new(new("回访分组", "segment")), new(new("客户数", "customers"), true), new(new("本周到期", "due this week"), true),
             new(new("频率", "cadence")), new(new("渠道", "channel")), new(new("负责人", "owner")), new(new("目的", "purpose")), new(new("优先级", "priority"), true)],
            week.Segments.Select(s => new[]
            {
                writer.T(Labels.Of(s.Cadence.Segment)), Display.Count(s.Customers), Display.Count(s.Due),
                writer.T(Every(s.Cadence.EveryDays)), writer.T(Labels.Of(s.Cadence.Channel)), writer.T(Labels.Of(s.Cadence.Owner)),
                writer.T(Labels.Of(s.Cadence.Purpose)), Display.Count(s.Cadence.Priority),
            }));

        // Scheduled touches per day and channel.
        writer.Line();
        var channels = Enum.GetValues<ContactChannel>().Where(c => scheduled.Any(s => s.Channel == c)).ToList();
        var days = Enumerable.Range(0, StoreClock.WeekDays).Select(i => clock.AsOf.PlusDays(i)).ToList();
        var dayRows = days.Select(day => (Label: StoreClock.FormatDay(day, locale), Touches: scheduled.Where(s => clock.DateOf(s.At) == day).ToList()))
            .Append((Label: writer.T(new("下周及以后", "later")), Touches: scheduled.Where(s => clock.DateOf(s.At) > clock.WeekEnd).ToList()))
            .Append((Label: writer.T(new("合计", "total")), Touches: scheduled.ToList()));
        writer.Table(
            [new(new("日期", "day")), .. channels.Select(c => new TableColumn(Labels.Of(c), true)), new(new("合计", "total"), true)],
            dayRows.Select(r => (IReadOnlyList<string>)[r.Label, .. channels.Select(c => Display.Count(r.Touches.Count(s => s.Channel == c))), Display.Count(r.Touches.Count)]));

        // Per department: planned, scheduled, moved, switched, denied, dropped.
        writer.Line();
        writer.Table(
            [new(new("部门", "department")), new(new("计划", "planned"), true), new(new("已排期", "scheduled"), true), new(new("推迟", "moved later"), true),
             new(new("换渠道", "other channel"), true), new(new("被拒绝", "denied"), true), new(new("放弃", "dropped"), true)],
            Enum.GetValues<Department>().Where(d => planned.Any(t => ContactWeek.DepartmentOf(t) == d)).Select(d =>
            {
                var mine = scheduled.Where(s => ContactWeek.DepartmentOf(s.Touch) == d).ToList();
                return new[]
                {
                    writer.T(Labels.Of(d)),
                    Display.Count(planned.Count(t => ContactWeek.DepartmentOf(t) == d)),
                    Display.Count(mine.Count),
                    Display.Count(mine.Count(s => s.Moved)),
                    Display.Count(mine.Count(s => s.Channel != s.Touch.Channel)),
                    Display.Count(denied.Count(x => ContactWeek.DepartmentOf(x.Touch) == d)),
                    Display.Count(late.Count(x => ContactWeek.DepartmentOf(x.Touch) == d)),
                };
            }));

        // Why, in the policy's words and the report's locale: each reason in the column of what it did. A touch can have more than one.
        writer.Line();
        var reasons = Enum.GetValues<ContactReasonCode>()
            .Select(code => (
                Code: code,
                Moved: Deferrals.Contains(code) ? scheduled.Count(s => s.Moved && Has(s.Reasons, code)) : (int?)null,
                Switched: ChannelSwitches.Contains(code) ? scheduled.Count(s => s.Channel != s.Touch.Channel && Has(s.Reasons, code)) : (int?)null,
                Denied: Denials.Contains(code) ? denied.Count(x => Has(x.Reasons, code)) : (int?)null,
                Dropped: Deferrals.Contains(code) ? late.Count(x => Has(x.Reasons, code)) : (int?)null))
            .Where(x => (x.Moved ?? 0) + (x.Switched ?? 0) + (x.Denied ?? 0) + (x.Dropped ?? 0) > 0)
            .ToList();
        if (reasons.Count > 0)
        {
            writer.Table(
                [new(new("原因", "reason")), new(new("推迟", "moved later"), true), new(new("换渠道", "other channel"), true),
                 new(new("被拒绝", "denied"), true), new(new("放弃", "dropped"), true)],
                reasons.Select(x => new[]
                {
                    writer.T(Labels.Text(ContactReason.Of(x.Code).Text)), Cell(x.Moved), Cell(x.Switched), Cell(x.Denied), Cell(x.Dropped),
                }));
            writer.Line(writer.T(new(
                "一次触达可能有多个原因。“放弃”指在最晚日期前找不到符合全部规则的时间，表中列出挡住它的规则。",
                "A touch can have more than one reason. A dropped touch found no time that met every rule before its latest date; the table shows the rules in the way.")));
        }

        WriteExamples(week, clock, writer);
    }

    /// <summary>The first touch, by customer id, of each kind of outcome worth showing.</summary>
    private void WriteExamples(ContactWeek week, StoreClock clock, ReportWriter writer)
    {
        var plan = week.Plan;
        var picks = new List<(PlannedTouch Touch, ScheduledTouch? Scheduled, DroppedTouch? Dropped)>();
        void Pick(IEnumerable<ScheduledTouch> s)
        {
            if (s.OrderBy(x => x.Touch.CustomerId, StringComparer.Ordinal).FirstOrDefault(x => picks.All(p => p.Touch.CustomerId != x.Touch.CustomerId)) is { } found)
            {
                picks.Add((found.Touch, found, null));
            }
        }

        void PickDropped(IEnumerable<DroppedTouch> d)
        {
            if (d.OrderBy(x => x.Touch.CustomerId, StringComparer.Ordinal).FirstOrDefault(x => picks.All(p => p.Touch.CustomerId != x.Touch.CustomerId)) is { } found)
            {
                picks.Add((found.Touch, null, found));
            }
        }

        Pick(plan.Scheduled.Where(s => s.Moved && Has(s.Reasons, ContactReasonCode.Spacing) && ContactWeek.DepartmentOf(s.Touch) == Department.Recovery));
        Pick(plan.Scheduled.Where(s => Has(s.Reasons, ContactReasonCode.SwitchedToMessage)));
        Pick(plan.Scheduled.Where(s => s.Moved && (Has(s.Reasons, ContactReasonCode.QuietHours) || Has(s.Reasons, ContactReasonCode.OutsideAllowedHours))));
        PickDropped(plan.Dropped.Where(d => !IsDenied(d) && Has(d.Reasons, ContactReasonCode.FrequencyCap)));
        PickDropped(plan.Dropped.Where(d => IsDenied(d) && ContactWeek.DepartmentOf(d.Touch) != Department.Marketing));
        PickDropped(plan.Dropped.Where(d => IsDenied(d) && Has(d.Reasons, ContactReasonCode.NoMarketing)));
        Pick(plan.Scheduled.Where(s => s.Touch.Purpose == ContactPurpose.Urgent));
        if (picks.Count == 0)
        {
            return;
        }

        writer.Line();
        writer.Line(writer.T(new("示例", "Examples")));
        string locale = writer.Locale;
        bool zh = Display.IsChinese(locale);
        foreach (var (touch, s, d) in picks.Take(examples))
        {
            string channel = writer.T(Labels.Of(touch.Channel)) + (s is not null && s.Channel != touch.Channel ? " → " + writer.T(Labels.Of(s.Channel)) : "");
            string owner = touch.Owner is Retention.Contact.StaffRole role ? " · " + writer.T(Labels.Of(role)) : "";
            string wanted = clock.FormatWithDay(touch.Earliest, locale);
            string what = s is not null
                ? s.Moved
                    ? writer.T(new($"计划 {wanted}，推迟到 {clock.FormatWithDay(s.At, locale)}", $"wanted {wanted}, moved to {clock.FormatWithDay(s.At, locale)}"))
                    : writer.T(new($"{clock.FormatWithDay(s.At, locale)} 按计划进行", $"{clock.FormatWithDay(s.At, locale)} as planned"))
                : writer.T(new($"计划 {wanted}，最晚 {StoreClock.FormatDay(touch.LatestDate, locale)}：未排期", $"wanted {wanted}, latest {StoreClock.FormatDay(touch.LatestDate, locale)}: not scheduled"));
            string zone = week.CustomerZones.TryGetValue(touch.CustomerId, out var z)
                ? writer.T(new($"（客户在 {z.Id} 时区，当地 {Local(touch.Earliest, z)}）", $" (the customer is in {z.Id}, {Local(touch.Earliest, z)} there)"))
                : "";
            writer.Line(Indent + touch.CustomerId + "  " + writer.T(ContactWeek.Describe(touch)) + " · " + channel + owner + " · " + what + zone);
            var reasons = (s?.Reasons ?? d!.Reasons).Select(r => writer.T(Labels.Text(r.Text)));
            writer.Line(Indent + new string(' ', touch.CustomerId.Length + 2) + string.Join(zh ? "；" : "; ", reasons));
        }
    }

    /// <summary>Denied by the customer's preferences, rather than dropped for lack of room before the latest date.</summary>
    private static bool IsDenied(DroppedTouch d) => d.Reasons.Count > 0 && d.Reasons[0].Code is not (ContactReasonCode.PastLatestDate or ContactReasonCode.InvalidTouch);

    private static LocalizedText DataText(ContactWeek week, StoreClock clock)
    {
        var campaign = clock.AsOf.PlusDays(ContactWeek.CampaignDay);
        string history = week.History is null ? "—" : Display.Count(week.HistoryUsed);
        string preferences = week.Preferences is null ? "—" : Display.Count(week.PreferencesUsed);
        return new(
            $"触达记录 {history} 条，客户偏好 {preferences} 位；回访与挽回计划在 {CsvFormats.FormatTime(ContactWeek.TouchTime)}，营销活动短信在 {StoreClock.FormatDay(campaign, "zh-CN")}{CsvFormats.FormatTime(ContactWeek.CampaignTime)} 群发",
            $"{history} past contacts, {preferences} customers' preferences; follow-up and recovery touches planned for {CsvFormats.FormatTime(ContactWeek.TouchTime)}, marketing's campaign SMS for {StoreClock.FormatDay(campaign, "en")} {CsvFormats.FormatTime(ContactWeek.CampaignTime)}");
    }

    private static LocalizedText Every(int days) => days switch
    {
        7 => new("每周", "weekly"),
        30 => new("每月", "monthly"),
        90 => new("每季度", "quarterly"),
        182 or 183 => new("每半年", "every 6 months"),
        _ => new($"每 {Display.Count(days)} 天", $"every {Display.Count(days)} days"),
    };

    private static string Local(Instant instant, DateTimeZone zone) => CsvFormats.FormatTime(instant.InZone(zone).TimeOfDay);

    private static bool Has(IReadOnlyList<ContactReason> reasons, ContactReasonCode code) => reasons.Any(r => r.Code == code);

    // Blank where the reason cannot apply, a dash where it could but did not.
    private static string Cell(int? count) => count is int n ? n == 0 ? "—" : Display.Count(n) : "";
}
