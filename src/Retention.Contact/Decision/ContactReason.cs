namespace Retention.Contact;

/// <summary>Machine-readable codes for why the policy decided as it did.</summary>
public enum ContactReasonCode
{
    /// <summary>Every rule is met at the desired time.</summary>
    AllRulesMet = 0,

    /// <summary>The customer started the contact: always allowed, never counted.</summary>
    CustomerInitiated,

    /// <summary>Urgent (safety, open complaint): exempt from caps, spacing and quiet hours.</summary>
    UrgentExempt,

    /// <summary>The customer asked for this contact at this time: exempt.</summary>
    RequestedByCustomer,

    /// <summary>Transactional message: exempt from caps and spacing, counted apart.</summary>
    TransactionalExempt,

    /// <summary>The customer prefers messages (said so, or did not answer the last calls): a message instead of a call.</summary>
    SwitchedToMessage,

    /// <summary>The customer opted out of the requested channel: another channel instead.</summary>
    SwitchedForOptOut,

    /// <summary>Too soon after (or before) another proactive touch: minimum spacing.</summary>
    Spacing,

    /// <summary>The rolling-window cap is reached.</summary>
    FrequencyCap,

    /// <summary>Quiet hours in the customer's time zone.</summary>
    QuietHours,

    /// <summary>Outside the customer's own allowed hours.</summary>
    OutsideAllowedHours,

    /// <summary>Global opt-out: only urgent and transactional contacts.</summary>
    GlobalOptOut,

    /// <summary>Do not disturb, urgent only.</summary>
    UrgentOnly,

    /// <summary>Do not disturb: no marketing.</summary>
    NoMarketing,

    /// <summary>Every usable channel is opted out.</summary>
    NoAllowedChannel,

    /// <summary>The customer's allowed hours and the quiet hours leave no time in the day.</summary>
    NoAllowedTime,

    /// <summary>Calendar: the touch cannot happen before its latest acceptable date.</summary>
    PastLatestDate,

    /// <summary>Calendar: the planned touch itself is malformed.</summary>
    InvalidTouch,
}

/// <summary>A reason: a code plus text in both locales.</summary>
/// <param name="Code">The machine-readable code.</param>
/// <param name="Text">The reason in words.</param>
public readonly record struct ContactReason(ContactReasonCode Code, LocalizedText Text)
{
    /// <summary>The standard reason of a code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The reason with its text.</returns>
    public static ContactReason Of(ContactReasonCode code) => new(code, code switch
    {
        ContactReasonCode.AllRulesMet => new("符合全部触达规则", "every contact rule is met"),
        ContactReasonCode.CustomerInitiated => new("客户主动发起的联系，不计入频次", "the customer started this contact; it does not count"),
        ContactReasonCode.UrgentExempt => new("紧急事项（安全、未结投诉），不受频次、间隔和免打扰时段限制", "urgent (safety or an open complaint): no cap, spacing or quiet hours apply"),
        ContactReasonCode.RequestedByCustomer => new("客户主动要求在此时联系", "the customer asked to be contacted at this time"),
        ContactReasonCode.TransactionalExempt => new("事务性通知（预约确认、取车提醒），单独计数", "a transactional message (appointment, vehicle ready), counted apart"),
        ContactReasonCode.SwitchedToMessage => new("客户更倾向消息联系，改用消息代替电话", "the customer prefers messages, so a message replaces the call"),
        ContactReasonCode.SwitchedForOptOut => new("客户已退订该渠道，改用其他渠道", "the customer opted out of that channel, so another one is used"),
        ContactReasonCode.Spacing => new("距离另一次主动联系不足最小间隔", "too close to another proactive contact"),
        ContactReasonCode.FrequencyCap => new("滚动周期内主动联系次数已达上限", "the cap of proactive contacts in the rolling window is reached"),
        ContactReasonCode.QuietHours => new("处于客户所在时区的免打扰时段", "quiet hours in the customer's time zone"),
        ContactReasonCode.OutsideAllowedHours => new("不在客户指定的可联系时段内", "outside the hours the customer allows"),
        ContactReasonCode.GlobalOptOut => new("客户已全部退订，仅可发送紧急和事务性通知", "the customer opted out of everything but urgent and transactional contacts"),
        ContactReasonCode.UrgentOnly => new("客户设置了仅接受紧急联系", "the customer accepts urgent contacts only"),
        ContactReasonCode.NoMarketing => new("客户拒绝营销信息", "the customer declines marketing"),
        ContactReasonCode.NoAllowedChannel => new("所有可用渠道均已退订", "every usable channel is opted out"),
        ContactReasonCode.NoAllowedTime => new("客户可联系时段与免打扰时段没有交集", "the customer's allowed hours and the quiet hours leave no time"),
        ContactReasonCode.PastLatestDate => new("按规则无法在最晚日期之前安排", "the rules leave no time for it by its latest date"),
        _ => new("计划触达数据无效", "the planned touch is malformed"),
    });
}

/// <summary>A customer's touches in the rolling window, as the contact rules count them (<see cref="ContactPolicy.Tally"/>).</summary>
/// <param name="Counted">Proactive touches that count against the caps and the spacing rule.</param>
/// <param name="Transactional">Transactional messages the store sent (appointment confirmations, vehicle ready): exempt, counted separately.</param>
/// <param name="Exempt">The other touches that do not count: started by the customer, urgent, asked for, or failed to connect.</param>
public readonly record struct TouchTally(int Counted, int Transactional, int Exempt)
{
    /// <summary>Every touch in the window.</summary>
    public int Total => Counted + Transactional + Exempt;
}
