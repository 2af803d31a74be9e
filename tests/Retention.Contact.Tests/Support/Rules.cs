using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace Retention.Contact.Tests.Support;

/// <summary>
/// The spec's rules restated by brute force, independently of the library, to check its answers:
/// which touches count, "at most N in any rolling window", "at least the gap apart", and the daily
/// window in local time.
/// </summary>
internal static class Rules
{
    /// <summary>
    /// contact.md section 2: a touch counts when the store started it, the customer did not ask for it, it is
    /// not urgent and not transactional (while transactional messages are exempt). A failed attempt never
    /// reached the customer and does not count (the library's documented choice).
    /// </summary>
    public static bool Counts(PastTouch t, ContactOptions o) =>
        t.Initiator == Initiator.Store
        && !t.RequestedByCustomer
        && t.Outcome != TouchOutcome.Failed
        && t.Purpose != ContactPurpose.Urgent
        && !(t.Purpose == ContactPurpose.Transactional && o.TransactionalExempt);

    /// <summary>Whether a request is an ordinary proactive touch (counted, timed).</summary>
    public static bool IsOrdinary(ContactRequest r) =>
        r.Initiator == Initiator.Store && !r.RequestedByCustomer && r.Purpose is ContactPurpose.ServiceFollowUp or ContactPurpose.Care or ContactPurpose.Recovery or ContactPurpose.Marketing;

    /// <summary>Whether the request counts against caps and spacing.</summary>
    public static bool Counted(ContactRequest r, ContactOptions o) =>
        r.Initiator == Initiator.Store && !r.RequestedByCustomer && r.Purpose != ContactPurpose.Urgent
        && !(r.Purpose == ContactPurpose.Transactional && o.TransactionalExempt);

    /// <summary>Whether quiet hours and allowed hours apply to the request.</summary>
    public static bool Timed(ContactRequest r) =>
        r.Initiator == Initiator.Store && !r.RequestedByCustomer && r.Purpose != ContactPurpose.Urgent;

    /// <summary>
    /// At most <paramref name="cap"/> of <paramref name="counted"/> plus <paramref name="t"/> in any window
    /// [s, s + window) that holds <paramref name="t"/>. Such a window can always be slid to start at a touch.
    /// </summary>
    public static bool CapHolds(IReadOnlyList<Instant> counted, Instant t, int cap, Duration window)
    {
        var all = counted.Append(t).ToArray();
        foreach (var s in all)
        {
            if (s <= t && t < s + window && all.Count(x => x >= s && x < s + window) > cap)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The largest number of instants in any window [s, s + window) holding at least one of <paramref name="mustHoldOneOf"/>.</summary>
    public static int MostInAWindow(IReadOnlyList<Instant> all, IReadOnlyList<Instant> mustHoldOneOf, Duration window)
    {
        int most = 0;
        foreach (var s in all)
        {
            if (mustHoldOneOf.Any(m => m >= s && m < s + window))
            {
                most = Math.Max(most, all.Count(x => x >= s && x < s + window));
            }
        }

        return most;
    }

    /// <summary>At least <paramref name="gap"/> between <paramref name="t"/> and every counted touch.</summary>
    public static bool GapHolds(IEnumerable<Instant> counted, Instant t, Duration gap) =>
        counted.All(h => h - t >= gap || t - h >= gap);

    /// <summary>The daily window for a channel under the options and preferences (quiet hours narrowed by the customer's hours).</summary>
    public static (LocalTime From, LocalTime Until) Window(ContactChannel channel, ContactOptions o, ContactPreferences p)
    {
        var from = channel.IsVoice() ? o.VoiceFrom : o.MessageFrom;
        var until = channel.IsVoice() ? o.VoiceUntil : o.MessageUntil;
        var (f, u) = (Time(from), until >= TimeSpan.FromDays(1) ? LocalTime.MaxValue : Time(until));
        if ((p.DoNotDisturb & DoNotDisturb.AllowedHours) != 0)
        {
            f = p.AllowedFrom > f ? p.AllowedFrom : f;
            u = p.AllowedUntil < u ? p.AllowedUntil : u;
        }

        return (f, u);
    }

    public static bool InWindow(Instant t, DateTimeZone zone, (LocalTime From, LocalTime Until) w)
    {
        var time = t.InZone(zone).TimeOfDay;
        return time >= w.From && time < w.Until;
    }

    public static LocalTime Time(TimeSpan t) => LocalTime.FromTicksSinceMidnight(t.Ticks);

    /// <summary>Checks every rule of contact.md sections 2-3 for an allowed decision; returns the broken rule or null.</summary>
    public static string? BrokenRule(ContactDecision.Allowed a, ContactRequest r, IReadOnlyList<PastTouch> history, ContactPreferences p, bool vip, ContactOptions o, Instant now)
    {
        var start = r.DesiredAt > now ? r.DesiredAt : now;
        if (a.At != start)
        {
            return $"allowed at {a.At}, not at the desired instant {start}";
        }

        if (r.Initiator == Initiator.Customer)
        {
            return a.Channel == r.Channel ? null : "a customer-started contact changed channel";
        }

        bool urgent = r.Purpose == ContactPurpose.Urgent, transactional = r.Purpose == ContactPurpose.Transactional, requested = r.RequestedByCustomer;
        if (p.GlobalOptOut && !(urgent || transactional || requested))
        {
            return "global opt-out";
        }

        if ((p.DoNotDisturb & DoNotDisturb.UrgentOnly) != 0 && !(urgent || transactional || requested))
        {
            return "urgent only";
        }

        if ((p.DoNotDisturb & DoNotDisturb.NoMarketing) != 0 && r.Purpose == ContactPurpose.Marketing)
        {
            return "no marketing";
        }

        if (p.OptedOut.Has(a.Channel))
        {
            return $"opted out of {a.Channel}";
        }

        if (Counted(r, o))
        {
            var counted = history.Where(t => Counts(t, o)).Select(t => t.At).ToArray();
            if (!GapHolds(counted, a.At, Duration.FromTimeSpan(o.MinimumGap)))
            {
                return "spacing";
            }

            if (!CapHolds(counted, a.At, vip ? o.VipCap : o.OrdinaryCap, Duration.FromTimeSpan(o.RollingWindow)))
            {
                return "cap";
            }
        }

        if (Timed(r) && !InWindow(a.At, p.Zone ?? DateTimeZoneProviders.Tzdb[o.StoreTimeZone], Window(a.Channel, o, p)))
        {
            return "quiet or allowed hours";
        }

        return null;
    }
}
