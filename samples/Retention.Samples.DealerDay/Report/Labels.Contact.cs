using Retention.Contact;
using Retention.Samples.DealerDay.Contacts;
using ContactRole = Retention.Contact.StaffRole;
using LocalizedText = Retention.Scoring.LocalizedText;
using ScoringRole = Retention.Scoring.StaffRole;

namespace Retention.Samples.DealerDay.Report;

/// <summary>Display names of Retention.Contact's enumerations, and its texts as the report's texts.</summary>
internal static partial class Labels
{
    /// <summary>A Retention.Contact text as the report's text type (each package carries its own <c>LocalizedText</c>).</summary>
    public static LocalizedText Text(Retention.Contact.LocalizedText text) => new(text.ZhCn, text.En);

    public static LocalizedText Of(ContactRole role) => Of(role switch
    {
        ContactRole.ServiceAdvisor => ScoringRole.ServiceAdvisor,
        ContactRole.CustomerServiceSupervisor => ScoringRole.CustomerServiceSupervisor,
        ContactRole.ServiceManager => ScoringRole.ServiceManager,
        ContactRole.StoreManager => ScoringRole.StoreManager,
        ContactRole.GeneralManager => ScoringRole.GeneralManager,
        _ => ScoringRole.RegionalManager,
    });

    public static LocalizedText Of(ContactChannel channel) => channel switch
    {
        ContactChannel.Phone => new("电话", "phone"),
        ContactChannel.Sms => new("短信", "SMS"),
        ContactChannel.WeChat => new("微信", "WeChat"),
        ContactChannel.AppPush => new("App 推送", "app push"),
        ContactChannel.Email => new("邮件", "e-mail"),
        _ => new("上门拜访", "home visit"),
    };

    public static LocalizedText Of(ContactPurpose purpose) => purpose switch
    {
        ContactPurpose.ServiceFollowUp => new("售后回访", "service follow-up"),
        ContactPurpose.Care => new("关怀", "care"),
        ContactPurpose.Recovery => new("挽回", "recovery"),
        ContactPurpose.Marketing => new("营销", "marketing"),
        ContactPurpose.Urgent => new("紧急（投诉处理）", "urgent (complaint)"),
        _ => new("事务通知", "transactional"),
    };

    public static LocalizedText Of(CustomerSegment segment) => segment switch
    {
        CustomerSegment.Complaint => new("投诉客户", "complaint"),
        CustomerSegment.Vip => new("VIP 客户", "VIP"),
        CustomerSegment.Lost => new("流失客户", "lost"),
        CustomerSegment.Sleeping => new("沉睡客户", "sleeping"),
        _ => new("活跃客户", "active"),
    };

    public static LocalizedText Of(Department department) => department switch
    {
        Department.Recovery => new("客户挽回", "recovery"),
        Department.Marketing => new("市场营销", "marketing"),
        _ => new("客户回访", "follow-up"),
    };
}
