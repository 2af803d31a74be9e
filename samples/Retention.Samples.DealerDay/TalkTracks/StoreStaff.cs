using Retention.Scoring;

namespace Retention.Samples.DealerDay.TalkTracks;

/// <summary>
/// The sample store's name, people and numbers, and the offers it makes, in both locales: what a real host would read from
/// its own systems. Every name and number here is made up; the phone numbers use the reserved-looking 0000 block.
/// </summary>
internal static class StoreStaff
{
    public static readonly LocalizedText StoreName = new("明湖汽车服务中心", "Minghu Auto Service Centre");

    public static readonly LocalizedText StorePhone = new("020 0000 1100", "+86 20 0000 1100");

    public static readonly LocalizedText AdvisorName = new("周凯", "Zhou Kai");

    public static readonly LocalizedText AdvisorPhone = new("138 0000 1101", "+86 138 0000 1101");

    public static readonly LocalizedText SupervisorName = new("林晓雯", "Lin Xiaowen");

    public static readonly LocalizedText SupervisorPhone = new("138 0000 1102", "+86 138 0000 1102");

    /// <summary>The store manager: the built-in scripts that use <c>{ManagerName}</c> for a risk tier or churn stage introduce the store manager.</summary>
    public static readonly LocalizedText ManagerName = new("陈静", "Chen Jing");

    public static readonly LocalizedText ManagerPhone = new("138 0000 1103", "+86 138 0000 1103");

    public static readonly LocalizedText GeneralManagerName = new("高建华", "Gao Jianhua");

    public static readonly LocalizedText GeneralManagerPhone = new("138 0000 1104", "+86 138 0000 1104");

    public static readonly LocalizedText TechnicianName = new("孙磊", "Sun Lei");

    /// <summary>The customer file has no vehicle column, so the scripts speak of "the car".</summary>
    public static readonly LocalizedText Vehicle = new("爱车", "car");

    /// <summary>What a win-back offer contains; what it saves is the recovery budget (see <see cref="TalkTrack"/>).</summary>
    public static readonly LocalizedText OfferItems = new("下次保养工时费全免，另送一次全车检测", "free labour on your next service and a free full vehicle check");

    public static readonly LocalizedText Improvements = new(
        "预约客户的平均等待时间从 40 分钟缩短到 15 分钟以内，每台车交车前都由主管复检",
        "booked customers now wait under 15 minutes on average instead of 40, and a supervisor checks every car before handover");

    public static readonly LocalizedText CompensationItems = new("一次免费基础保养和两次免费精洗", "a free basic service and two free premium car washes");

    /// <summary>The saving of an offer when the recovery decision commits no budget, in CNY.</summary>
    public const decimal StandardOfferSaving = 300m;

    /// <summary>The reward for a customer who refers a friend, in CNY.</summary>
    public const decimal ReferrerReward = 500m;

    /// <summary>How long an offer (and a held offer) stays valid, in days from the as-of date.</summary>
    public const int OfferDays = 14;

    /// <summary>The slot a message proposes: this many days after the as-of date, at <see cref="SlotHour"/>.</summary>
    public const int SlotDays = 3;

    public const int SlotHour = 10;

    /// <summary>The service interval: the next service is due this many months after the last visit (or next week, when that is past).</summary>
    public const int ServiceIntervalMonths = 6;
}
