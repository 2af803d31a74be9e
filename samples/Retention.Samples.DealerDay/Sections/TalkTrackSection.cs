using System.Linq;
using Retention.Samples.DealerDay.Report;
using Retention.Samples.DealerDay.TalkTracks;
using Retention.Scoring;
using Retention.Scripts;

namespace Retention.Samples.DealerDay.Sections;

/// <summary>
/// The talk track for the first customer of the "most at risk" list, rendered by Retention.Scripts in the report's locale:
/// which script and why, who owns the call, what the recovery decision says, the script itself (title, lines, [stage
/// directions], do / don't), and the message the same path sends next with its SMS length.
/// </summary>
internal sealed class TalkTrackSection : IReportSection
{
    private static readonly LocalizedText CustomerLabel = new("客户", "customer");
    private static readonly LocalizedText ScriptLabel = new("话术", "script");
    private static readonly LocalizedText WhyLabel = new("选择依据", "why this");
    private static readonly LocalizedText OwnerLabel = new("负责人", "owner");
    private static readonly LocalizedText DecisionLabel = new("挽回决策", "decision");
    private static readonly LocalizedText FollowUpLabel = new("后续短信", "follow-up SMS");
    private const string Indent = "  ";

    public void Write(DealerDayReport report, ReportWriter writer)
    {
        writer.Heading(new("风险最高客户的沟通话术", "Talk track for the customer most at risk"));
        var customer = report.MostAtRisk().FirstOrDefault();
        if (customer is null)
        {
            writer.Line(writer.T(CommonText.NoneScored));
            return;
        }

        if (report.Scripts is not ScriptCatalog catalog)
        {
            writer.Line(writer.T(new("没有话术库，此部分从略。", "No script catalog, so this part is left out.")));
            return;
        }

        string locale = writer.Locale;
        var track = TalkTrack.For(customer, catalog, report.AsOf, locale);
        var risk = customer.Risk;
        var d = customer.Decision;
        var labels = new[] { CustomerLabel, ScriptLabel, WhyLabel, OwnerLabel, DecisionLabel, FollowUpLabel };
        int width = labels.Max(l => Display.Width(writer.T(l)));

        var name = SyntheticName.Of(customer.Row.CustomerId).Display;
        writer.Field(CustomerLabel, customer.Row.CustomerId + " · " + writer.T(new(
            $"{name.ZhCn}（合成姓名） · {Display.Points(risk.Score)} 分 · {Labels.Of(risk.Tier).ZhCn} · {Labels.Of(risk.Stage).ZhCn}（{risk.DaysSinceLastVisit} 天未到店） · {Labels.Of(d.Value.Tier).ZhCn}",
            $"{name.En} (synthetic name) · {Display.Points(risk.Score)} points · {Labels.Of(risk.Tier).En} · {Labels.Of(risk.Stage).En} ({risk.DaysSinceLastVisit} days since last visit) · {Labels.Of(d.Value.Tier).En}")), width);

        if (track.Script is Script script)
        {
            writer.Field(ScriptLabel, $"{script.Id} · {writer.T(Labels.Of(script.Kind))} · {writer.T(Labels.Of(script.Purpose))} · {script.Locale}", width);
        }

        writer.Field(WhyLabel, writer.T(track.Why), width);
        writer.Field(OwnerLabel, Owner(report, customer, writer), width);
        writer.Field(DecisionLabel, writer.T(Labels.Of(d.Verdict)) + (Display.IsChinese(locale) ? "：" : ": ") + d.Reason.Get(locale), width);
        if (!d.Recovers && track.Script is not null)
        {
            writer.Field(new(string.Empty, string.Empty), writer.T(new(
                "挽回计划不为此客户投入预算：话术留待客户主动联系或出现特殊情况时使用",
                "the plan spends nothing on this customer: keep the talk track for when they get in touch or a special case applies")), width);
        }

        if (track.Script is Script chosen)
        {
            writer.Line();
            Render(catalog, chosen, track, writer);
        }

        writer.Line();
        writer.Field(FollowUpLabel, track.FollowUp is Script next
            ? $"{next.Id} · {writer.T(Labels.Of(next.Kind))} · {writer.T(Labels.Of(next.Purpose))} · {next.Locale}{(Display.IsChinese(locale) ? "：" : ": ")}{writer.T(track.FollowUpWhy)}"
            : writer.T(track.FollowUpWhy), width);
        if (track.FollowUp is Script message)
        {
            writer.Line();
            Render(catalog, message, track, writer);
        }
    }

    // The owner of a tier's call is the tier's owner (spec: risk tiers); without a tier, the recovery decision's.
    private static string Owner(DealerDayReport report, ScoredCustomer customer, ReportWriter writer)
    {
        if (customer.Risk.Tier != RiskTier.None)
        {
            var profile = report.Scorer.ProfileOf(customer.Risk.Tier);
            var tier = Labels.Of(customer.Risk.Tier);
            var role = Labels.Of(profile.Owner);
            var window = Labels.Of(profile.RespondWithin);
            return writer.T(new($"{role.ZhCn}，{window.ZhCn}（{tier.ZhCn}的负责人与响应时限）", $"{role.En}, {window.En} (the {tier.En} tier's owner and response window)"));
        }

        var d = customer.Decision;
        return writer.T(Labels.Owner(d.Owner, d.Verdict)) + writer.T(new("（按挽回决策）", " (from the recovery decision)"));
    }

    // The library lays the script out (RenderedScript.ToString); the section only indents it and adds the SMS length.
    private static void Render(ScriptCatalog catalog, Script script, TalkTrack track, ReportWriter writer)
    {
        RenderedScript rendered;
        try
        {
            rendered = catalog.Renderer.Render(script, track.Values);
        }
        catch (ScriptRenderException e) // a missing or wrong-kind value, or a message that breaks a compliance rule
        {
            writer.Line(Indent + writer.T(e is MessageComplianceException
                ? new("消息不合规，无法生成：", "the message breaks a compliance rule: ")
                : new("无法生成话术：", "cannot render the script: ")) + e.Message);
            return;
        }

        foreach (string line in rendered.ToString().Split('\n'))
        {
            writer.Line(Indent + line);
        }

        if (rendered.Sms is SmsLength sms)
        {
            bool gsm = sms.Encoding == SmsEncoding.Gsm7;
            string encoding = gsm ? "GSM-7" : "UCS-2";
            int single = gsm ? SmsLength.Gsm7Single : SmsLength.Ucs2Single;
            int perPart = gsm ? SmsLength.Gsm7PerPart : SmsLength.Ucs2PerPart;
            writer.Line();
            writer.Line(Indent + writer.T(new(
                $"短信长度：{encoding} 编码，长度 {Display.Count(sms.Units)}，共 {sms.Segments} 条（单条最多 {single}，长短信每条 {perPart}）",
                $"SMS length: {encoding}, {Display.Count(sms.Units)} units, {sms.Segments} {(sms.Segments == 1 ? "segment" : "segments")} (one message holds {single}, each part of a longer one {perPart})")));
        }
    }
}
