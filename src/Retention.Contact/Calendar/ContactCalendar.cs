using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Retention.Contact;

/// <summary>
/// Plans every department's touches through one policy (spec: contact.md section 5): keeps every
/// rule, keeps higher-priority touches, moves the rest to their earliest allowed instant and drops,
/// with a reason, those that cannot happen by their latest date.
/// </summary>
/// <remarks>
/// Deterministic: the same input gives the same plan whatever its order. Customers are planned one
/// after the other (ordinal order of their ids); inside a customer, touches go by priority (highest
/// first), then earliest instant, then id (then the rest of the touch). Each touch is decided by <see cref="ContactPolicy"/>
/// against the customer's history plus the touches already scheduled, so spacing and caps hold in
/// both directions. Immutable and thread-safe.
/// </remarks>
public sealed class ContactCalendar
{
    private readonly ContactPolicy _policy;

    /// <summary>Creates the calendar from options, validating them first.</summary>
    /// <param name="options">The contact options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad option.</exception>
    public ContactCalendar(ContactOptions options) => _policy = new ContactPolicy(options);

    /// <summary>Creates the calendar from the options registered in dependency injection.</summary>
    /// <param name="options">The contact options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public ContactCalendar(IOptions<ContactOptions> options) => _policy = new ContactPolicy(options);

    /// <summary>The policy every touch goes through.</summary>
    public ContactPolicy Policy => _policy;

    /// <summary>Plans a batch of touches.</summary>
    /// <param name="touches">The planned touches of every department, for any number of customers.</param>
    /// <param name="customers">What is known of each customer; a customer missing here is planned as <see cref="CustomerContactState.Unknown"/>.</param>
    /// <param name="now">The moment of planning; nothing is scheduled before it.</param>
    /// <returns>The plan. Malformed touches (empty ids, unknown enum values, a latest date before the earliest instant) are dropped with <see cref="ContactReasonCode.InvalidTouch"/> and their index.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="touches"/> or <paramref name="customers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An entry of <paramref name="touches"/> is <see langword="null"/>; the message gives its index.</exception>
    public ContactPlan Plan(IReadOnlyList<PlannedTouch> touches, IReadOnlyDictionary<string, CustomerContactState> customers, Instant now)
    {
        ArgumentNullException.ThrowIfNull(touches);
        ArgumentNullException.ThrowIfNull(customers);
        var dropped = new List<DroppedTouch>();
        var byCustomer = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < touches.Count; i++)
        {
            var t = touches[i] ?? throw new ArgumentException($"touches[{i}] is null.", nameof(touches));
            if (Malformed(t) is string why)
            {
                dropped.Add(Invalid(t, i, why));
                continue;
            }

            ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byCustomer, t.CustomerId, out _);
            (list ??= new List<int>(4)).Add(i);
        }

        // Customers in ordinal order of their ids, each with its touches (one dictionary lookup per touch in all).
        var customerIds = new KeyValuePair<string, List<int>>[byCustomer.Count];
        ((ICollection<KeyValuePair<string, List<int>>>)byCustomer).CopyTo(customerIds, 0);
        Array.Sort(customerIds, static (x, y) => string.CompareOrdinal(x.Key, y.Key));
        var scheduled = new List<ScheduledTouch>(touches.Count);
        var combined = new List<PastTouch>();
        var order = Comparer<int>.Create((a, b) =>
        {
            var x = touches[a];
            var y = touches[b];
            int c = y.Priority.CompareTo(x.Priority);
            if (c == 0)
            {
                c = x.Earliest.CompareTo(y.Earliest);
            }

            if (c == 0)
            {
                c = Compare(x, y);
            }

            return c == 0 ? a.CompareTo(b) : c;
        });

        var byTime = Comparer<ScheduledTouch>.Create(static (x, y) =>
        {
            int c = x.At.CompareTo(y.At);
            return c != 0 ? c : Compare(x.Touch, y.Touch);
        });

        foreach (var (customerId, indexes) in customerIds)
        {
            var state = customers.TryGetValue(customerId, out var s) && s is not null ? s : CustomerContactState.Unknown;
            var zone = state.Preferences.Zone ?? _policy.StoreZone;

            // Malformed too: a latest date before the earliest instant, in the customer's zone.
            int kept = 0;
            for (int k = 0; k < indexes.Count; k++)
            {
                int i = indexes[k];
                var t = touches[i];
                if (t.LatestDate < t.Earliest.InZone(zone).Date)
                {
                    dropped.Add(Invalid(t, i, "the latest date is before the earliest instant"));
                }
                else
                {
                    indexes[kept++] = i;
                }
            }

            indexes.RemoveRange(kept, indexes.Count - kept);
            if (kept == 0)
            {
                continue;
            }

            combined.Clear();
            combined.AddRange(state.History);

            // "Prefers messages" is learned from what happened, not from the calls planned here (whose outcome
            // is unknown): take it from the history once, so that a call scheduled at "now" does not count as answered.
            var preferences = state.Preferences with { PrefersMessages = _policy.PrefersMessages(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(combined), state.Preferences, now) };
            int firstScheduled = scheduled.Count;
            indexes.Sort(order);
            foreach (int i in indexes)
            {
                var t = touches[i];
                var request = new ContactRequest(t.Purpose, t.Channel, t.Earliest, Initiator.Store, t.RequestedByCustomer);
                var decision = _policy.Decide(request, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(combined), preferences, state.IsVip, now);
                var deadline = zone.AtStartOfDay(t.LatestDate.PlusDays(1)).ToInstant();
                switch (decision)
                {
                    case ContactDecision.Denied d:
                        dropped.Add(new DroppedTouch(t, i, d.Reasons));
                        continue;
                    case ContactDecision.Allowed a when a.At < deadline:
                        Schedule(t, a.At, a.Channel, a.Reasons);
                        continue;
                    case ContactDecision.Deferred f when f.Until < deadline:
                        Schedule(t, f.Until, f.Channel, f.Reasons);
                        continue;
                    default:
                        // Late: say so, then which rules made it late ("every rule is met" only means the latest day is over).
                        var late = new List<ContactReason>(decision.Reasons.Count + 1) { ContactReason.Of(ContactReasonCode.PastLatestDate) };
                        foreach (var r in decision.Reasons)
                        {
                            if (r.Code != ContactReasonCode.AllRulesMet)
                            {
                                late.Add(r);
                            }
                        }

                        dropped.Add(new DroppedTouch(t, i, late));
                        continue;
                }
            }

            // This customer's touches by time, then id (then the rest of the touch, so that the order never depends on the input's).
            scheduled.Sort(firstScheduled, scheduled.Count - firstScheduled, byTime);
        }

        // Dropped touches in input order: their indexes are unique, so sorting on them as keys gives that order.
        var droppedAt = new int[dropped.Count];
        for (int k = 0; k < droppedAt.Length; k++)
        {
            droppedAt[k] = dropped[k].Index;
        }

        droppedAt.AsSpan().Sort(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(dropped));
        return new ContactPlan(scheduled, dropped);

        void Schedule(PlannedTouch t, Instant at, ContactChannel channel, IReadOnlyList<ContactReason> reasons)
        {
            scheduled.Add(new ScheduledTouch(t, at, channel, at > Instant.Max(t.Earliest, now), reasons)); // a touch whose earliest instant has passed is not "moved" by being planned now
            var outcome = channel is ContactChannel.Phone or ContactChannel.HomeVisit ? TouchOutcome.Answered : TouchOutcome.Delivered;
            combined.Add(new PastTouch(at, channel, t.Purpose, Initiator.Store, outcome, t.RequestedByCustomer));
        }
    }

    // Id first, then every other field: touches that share an id (against the contract) are still ordered by
    // what they are, not by where they stand in the input.
    private static int Compare(PlannedTouch x, PlannedTouch y)
    {
        int c = string.CompareOrdinal(x.Id, y.Id);
        if (c == 0)
        {
            c = string.CompareOrdinal(x.CustomerId, y.CustomerId);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Department, y.Department);
        }

        if (c == 0)
        {
            c = x.Priority.CompareTo(y.Priority);
        }

        if (c == 0)
        {
            c = x.Earliest.CompareTo(y.Earliest);
        }

        if (c == 0)
        {
            c = x.LatestDate.CompareTo(y.LatestDate);
        }

        if (c == 0)
        {
            c = ((int)x.Purpose).CompareTo((int)y.Purpose);
        }

        if (c == 0)
        {
            c = ((int)x.Channel).CompareTo((int)y.Channel);
        }

        if (c == 0)
        {
            c = x.RequestedByCustomer.CompareTo(y.RequestedByCustomer);
        }

        if (c == 0)
        {
            c = (x.Owner is StaffRole xo ? (int)xo : -1).CompareTo(y.Owner is StaffRole yo ? (int)yo : -1);
        }

        return c;
    }

    private static DroppedTouch Invalid(PlannedTouch t, int index, string why) =>
        new(t, index, [new ContactReason(ContactReasonCode.InvalidTouch, new($"计划触达无效：{why}", $"the planned touch is malformed: {why}"))]);

    // The checks that need no customer; the zone check is in Plan, once per customer.
    private static string? Malformed(PlannedTouch t)
    {
        if (string.IsNullOrEmpty(t.Id) || string.IsNullOrEmpty(t.CustomerId))
        {
            return "empty id or customer id";
        }

        if (!Enum.IsDefined(t.Purpose) || !Enum.IsDefined(t.Channel))
        {
            return "unknown purpose or channel";
        }

        return null;
    }
}
