using System;

namespace Retention.Contact;

/// <summary>A follow-up segment (spec: contact.md section 6). When a customer is in several, the most specific wins: Complaint &gt; VIP &gt; Lost &gt; Sleeping &gt; Active.</summary>
public enum CustomerSegment
{
    /// <summary>Regular visits.</summary>
    Active = 0,

    /// <summary>More than six months since the last visit.</summary>
    Sleeping = 1,

    /// <summary>More than a year since the last visit.</summary>
    Lost = 2,

    /// <summary>CLV top 20 % (value score at or above the VIP line).</summary>
    Vip = 3,

    /// <summary>An open complaint.</summary>
    Complaint = 4,
}

/// <summary>The follow-up cadence by segment (spec: contact.md section 6).</summary>
public sealed class CadenceOptions
{
    /// <summary>Days since the last visit above which a customer is sleeping. The default value is 180 (six 30-day months).</summary>
    public int SleepingAfterDays { get; set; } = 180;

    /// <summary>Days since the last visit above which a customer is lost, above <see cref="SleepingAfterDays"/>. The default value is 365.</summary>
    public int LostAfterDays { get; set; } = 365;

    /// <summary>Value score from which a customer is VIP, in [0, 100]. The default value is 80 (CLV top 20 %).</summary>
    public double VipValueScore { get; set; } = 80;

    /// <summary>Local time of day at which cadence touches are planned. The default value is 10:00.</summary>
    public TimeSpan TouchTimeOfDay { get; set; } = TimeSpan.FromHours(10);

    /// <summary>Days after a service visit for the active customer's follow-up, from 0 to 366. The default value is 1.</summary>
    public int AfterServiceDays { get; set; } = 1;

    /// <summary>
    /// The channel of the active customer's after-service follow-up (the satisfaction check); the quarterly touch uses
    /// <see cref="Active"/>'s channel. Together the spec's "phone + SMS". The default value is <see cref="ContactChannel.Phone"/>.
    /// </summary>
    public ContactChannel AfterServiceChannel { get; set; } = ContactChannel.Phone;

    /// <summary>VIP: monthly advisor call (plus holiday gifts, outside this package).</summary>
    public SegmentCadenceOptions Vip { get; set; } = SegmentCadenceOptions.Of(30, ContactChannel.Phone, StaffRole.ServiceAdvisor, ContactPurpose.Care, 3);

    /// <summary>Active: a quarterly SMS (needs, booking reminder), plus the after-service call on <see cref="AfterServiceChannel"/> after every service.</summary>
    public SegmentCadenceOptions Active { get; set; } = SegmentCadenceOptions.Of(90, ContactChannel.Sms, StaffRole.ServiceAdvisor, ContactPurpose.ServiceFollowUp, 2);

    /// <summary>Sleeping: quarterly SMS with an exclusive offer.</summary>
    public SegmentCadenceOptions Sleeping { get; set; } = SegmentCadenceOptions.Of(90, ContactChannel.Sms, StaffRole.CustomerServiceSupervisor, ContactPurpose.Recovery, 2);

    /// <summary>Lost: an SMS with a strong offer every six months (six 30-day months, 180 days, as <see cref="SleepingAfterDays"/>).</summary>
    public SegmentCadenceOptions Lost { get; set; } = SegmentCadenceOptions.Of(180, ContactChannel.Sms, StaffRole.CustomerServiceSupervisor, ContactPurpose.Recovery, 1);

    /// <summary>Complaint: a weekly supervisor call until the customer is satisfied.</summary>
    public SegmentCadenceOptions Complaint { get; set; } = SegmentCadenceOptions.Of(7, ContactChannel.Phone, StaffRole.CustomerServiceSupervisor, ContactPurpose.Urgent, 4);

    internal SegmentCadenceOptions For(CustomerSegment segment) => segment switch
    {
        CustomerSegment.Vip => Vip,
        CustomerSegment.Active => Active,
        CustomerSegment.Sleeping => Sleeping,
        CustomerSegment.Lost => Lost,
        _ => Complaint,
    };
}

/// <summary>One segment's cadence.</summary>
public sealed class SegmentCadenceOptions
{
    /// <summary>Days between two touches, from 1 to 366.</summary>
    public int EveryDays { get; set; }

    /// <summary>The channel.</summary>
    public ContactChannel Channel { get; set; }

    /// <summary>Who makes the touch.</summary>
    public StaffRole Owner { get; set; }

    /// <summary>The purpose the touch is planned with.</summary>
    public ContactPurpose Purpose { get; set; }

    /// <summary>Calendar priority of the touch (higher wins when touches compete).</summary>
    public int Priority { get; set; }

    internal static SegmentCadenceOptions Of(int everyDays, ContactChannel channel, StaffRole owner, ContactPurpose purpose, int priority) =>
        new() { EveryDays = everyDays, Channel = channel, Owner = owner, Purpose = purpose, Priority = priority };
}
