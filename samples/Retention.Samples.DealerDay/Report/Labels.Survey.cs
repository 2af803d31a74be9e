using Retention.Nps;
using LocalizedText = Retention.Scoring.LocalizedText;
using NpsRole = Retention.Nps.StaffRole;
using ScoringRole = Retention.Scoring.StaffRole;

namespace Retention.Samples.DealerDay.Report;

/// <summary>Display names of Retention.Nps's enumerations, and its texts as the report's texts.</summary>
internal static partial class Labels
{
    /// <summary>A Retention.Nps text as the report's text type (each package carries its own <c>LocalizedText</c>).</summary>
    public static LocalizedText Text(Retention.Nps.LocalizedText text) => new(text.ZhCn, text.En);

    public static LocalizedText Of(NpsRole role) => Of(role switch
    {
        NpsRole.ServiceAdvisor => ScoringRole.ServiceAdvisor,
        NpsRole.CustomerServiceSupervisor => ScoringRole.CustomerServiceSupervisor,
        NpsRole.ServiceManager => ScoringRole.ServiceManager,
        NpsRole.StoreManager => ScoringRole.StoreManager,
        NpsRole.GeneralManager => ScoringRole.GeneralManager,
        _ => ScoringRole.RegionalManager,
    });

    public static LocalizedText Of(AlertLevel level) => level switch
    {
        AlertLevel.Red => new("红色", "Red"),
        AlertLevel.Yellow => new("黄色", "Yellow"),
        AlertLevel.Orange => new("橙色", "Orange"),
        _ => new("无", "none"),
    };

    public static LocalizedText Of(AlertMark mark) => mark switch
    {
        AlertMark.Urgent => new("紧急", "urgent"),
        AlertMark.Important => new("重要", "important"),
        AlertMark.Watch => new("关注", "watch"),
        _ => new("—", "—"),
    };

    public static LocalizedText Of(DetractorGrade grade) => grade switch
    {
        DetractorGrade.S => new("S 级", "S"),
        DetractorGrade.A => new("A 级", "A"),
        _ => new("B 级", "B"),
    };

    public static LocalizedText Of(ResponderInvolvement involvement) => involvement switch
    {
        ResponderInvolvement.Personally => new("亲自处理", "personally"),
        ResponderInvolvement.Supervising => new("督导", "supervising"),
        _ => new("执行", "executing"),
    };

    /// <summary>The rule that set a detractor's grade, short.</summary>
    public static LocalizedText Of(GradeRule rule) => rule switch
    {
        GradeRule.ScoreS => new("低分（0-3 分）", "score 0-3"),
        GradeRule.PublicOpinionRisk => new("舆情风险", "public-opinion risk"),
        GradeRule.SafetyIssue => new("安全问题", "safety issue"),
        GradeRule.ScoreA => new("4-5 分", "score 4-5"),
        GradeRule.HighValueCustomer => new("高价值客户打 6 分", "score 6, high-value customer"),
        _ => new("普通客户打 6 分", "score 6, ordinary customer"),
    };

    /// <summary>The channels of an alert, joined in the locale's list style.</summary>
    public static string Of(AlertChannels channels, string locale) => Join(Flags(channels, AlertChannelNames), locale);

    private static readonly (AlertChannels Flag, LocalizedText Name)[] AlertChannelNames =
    [
        (AlertChannels.Sms, new("短信", "SMS")),
        (AlertChannels.Phone, new("电话", "phone")),
        (AlertChannels.WeChat, new("微信", "WeChat")),
        (AlertChannels.Task, new("任务", "task")),
    ];
}
