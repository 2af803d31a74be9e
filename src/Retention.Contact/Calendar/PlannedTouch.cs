using System.Collections.Generic;
using NodaTime;

namespace Retention.Contact;

/// <summary>A touch a department plans, for the contact calendar (spec: contact.md section 5).</summary>
/// <param name="Id">The planner's id for the touch; unique in a batch, used to order ties deterministically.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Department">Who plans it (service, sales, insurance, marketing...).</param>
/// <param name="Purpose">Why.</param>
/// <param name="Channel">The channel asked for.</param>
/// <param name="Priority">Higher goes first when touches compete.</param>
/// <param name="Earliest">The earliest acceptable instant.</param>
/// <param name="LatestDate">The last acceptable day, in the customer's zone (inclusive).</param>
/// <param name="Owner">Who makes the touch, when the planner names one.</param>
/// <param name="RequestedByCustomer">Whether the customer asked for it.</param>
public sealed record PlannedTouch(
    string Id,
    string CustomerId,
    string Department,
    ContactPurpose Purpose,
    ContactChannel Channel,
    int Priority,
    Instant Earliest,
    LocalDate LatestDate,
    StaffRole? Owner = null,
    bool RequestedByCustomer = false);

/// <summary>What the calendar knows about one customer.</summary>
/// <param name="History">Past contacts, in any order.</param>
/// <param name="Preferences">Preferences.</param>
/// <param name="IsVip">Whether the customer is a VIP.</param>
public sealed record CustomerContactState(IReadOnlyList<PastTouch> History, ContactPreferences Preferences, bool IsVip)
{
    /// <summary>A customer the store knows nothing about yet: no history, no preferences, not VIP.</summary>
    public static CustomerContactState Unknown { get; } = new(System.Array.Empty<PastTouch>(), default, false);
}

/// <summary>A touch the calendar scheduled.</summary>
/// <param name="Touch">The planned touch.</param>
/// <param name="At">When it happens.</param>
/// <param name="Channel">On which channel (possibly not the one asked for).</param>
/// <param name="Moved">Whether a rule moved it later than its earliest instant (or than the planning instant, when the earliest instant had already passed).</param>
/// <param name="Reasons">Why it was moved or switched, or "every rule is met".</param>
public sealed record ScheduledTouch(PlannedTouch Touch, Instant At, ContactChannel Channel, bool Moved, IReadOnlyList<ContactReason> Reasons);

/// <summary>A touch the calendar could not schedule.</summary>
/// <param name="Touch">The planned touch.</param>
/// <param name="Index">Its index in the input.</param>
/// <param name="Reasons">Why.</param>
public sealed record DroppedTouch(PlannedTouch Touch, int Index, IReadOnlyList<ContactReason> Reasons);

/// <summary>The calendar's plan: scheduled touches ordered by customer and time, and dropped touches with reasons.</summary>
/// <param name="Scheduled">Scheduled touches, by customer id (ordinal) then time.</param>
/// <param name="Dropped">Dropped touches, in input order.</param>
public sealed record ContactPlan(IReadOnlyList<ScheduledTouch> Scheduled, IReadOnlyList<DroppedTouch> Dropped)
{
    /// <summary>Scheduled touches that were moved later than their earliest instant.</summary>
    public int MovedCount
    {
        get
        {
            int n = 0;
            foreach (var s in Scheduled)
            {
                if (s.Moved)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
