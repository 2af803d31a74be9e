using System;
using System.Buffers;
using System.Collections.Generic;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Retention.Contact;

/// <summary>
/// The contact policy as one pure decision (spec: contact.md sections 2-4): given a request, the
/// customer's contact history, preferences, VIP flag and "now", every rule at once gives
/// <see cref="ContactDecision.Allowed"/>, <see cref="ContactDecision.Deferred"/> (with the earliest
/// instant that satisfies every rule) or <see cref="ContactDecision.Denied"/>.
/// </summary>
/// <remarks>
/// <para>
/// Counted ("proactive") touches are those the store starts, except urgent ones, ones the
/// customer asked for, transactional messages (counted apart; option) and failed attempts that
/// never reached the customer. Any rolling window may hold at most the cap of counted touches
/// (3, or 5 for a VIP), and two counted touches are at least the minimum gap (72 hours) apart,
/// whether the other touch is in the past or already planned in the future.
/// </para>
/// <para>
/// Quiet hours and the customer's allowed hours are local times in the customer's zone (the
/// store's zone when the customer has none), so "after 21:00" stays right across daylight-saving
/// changes. Urgent contacts and contacts the customer asked for ignore them.
/// </para>
/// <para>The result does not depend on the order of the history. Holds a validated copy of the options; immutable and thread-safe.</para>
/// </remarks>
public sealed class ContactPolicy
{
    private readonly Duration _window;
    private readonly Duration _gap;
    private readonly int _ordinaryCap;
    private readonly int _vipCap;
    private readonly LocalTime _voiceFrom;
    private readonly LocalTime _voiceUntil;
    private readonly LocalTime _messageFrom;
    private readonly LocalTime _messageUntil;
    private readonly int _unanswered;
    private readonly ContactChannels _fallbacks;
    private readonly bool _transactionalExempt;

    /// <summary>Creates the policy from options, validating them first.</summary>
    /// <param name="options">The contact options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad option.</exception>
    public ContactPolicy(ContactOptions options)
    {
        ContactOptionsValidator.ThrowIfInvalid(options);
        StoreZone = DateTimeZoneProviders.Tzdb[options.StoreTimeZone];
        _window = Duration.FromTimeSpan(options.RollingWindow);
        _gap = Duration.FromTimeSpan(options.MinimumGap);
        (_ordinaryCap, _vipCap) = (options.OrdinaryCap, options.VipCap);
        (_voiceFrom, _voiceUntil) = (options.VoiceFromTime, options.VoiceUntilTime);
        (_messageFrom, _messageUntil) = (options.MessageFromTime, options.MessageUntilTime);
        _unanswered = options.UnansweredCallsForMessages;
        _fallbacks = options.MessageFallbacks;
        _transactionalExempt = options.TransactionalExempt;
    }

    /// <summary>Creates the policy from the options registered in dependency injection.</summary>
    /// <param name="options">The contact options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public ContactPolicy(IOptions<ContactOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>The store's time zone, used for customers without one.</summary>
    public DateTimeZone StoreZone { get; }

    /// <summary>The cap of counted touches in any rolling window for a customer.</summary>
    /// <param name="isVip">Whether the customer is a VIP.</param>
    /// <returns>The cap (default 3, or 5 for a VIP).</returns>
    public int CapFor(bool isVip) => isVip ? _vipCap : _ordinaryCap;

    /// <summary>Whether a past or planned touch counts against the caps and the spacing rule.</summary>
    /// <param name="touch">The touch.</param>
    /// <returns><see langword="true"/> for a proactive touch that is not exempt.</returns>
    public bool Counts(in PastTouch touch) =>
        touch.Initiator == Initiator.Store && !touch.RequestedByCustomer && touch.Outcome != TouchOutcome.Failed && Counts(touch.Purpose);

    /// <summary>
    /// The customer's touches in the rolling window that ends at <paramref name="now"/> (<c>RollingWindow</c>, default 30
    /// days), split as the rules see them: those that count against the caps, transactional messages (exempt and counted
    /// separately, contact.md section 2) and the other exempt ones (customer-started, urgent, requested, failed).
    /// </summary>
    /// <param name="history">The customer's contact history, in any order.</param>
    /// <param name="now">The end of the window; later touches are not counted.</param>
    /// <returns>The tally.</returns>
    public TouchTally Tally(ReadOnlySpan<PastTouch> history, Instant now)
    {
        var since = now - _window;
        int counted = 0, transactional = 0, exempt = 0;
        foreach (ref readonly var t in history)
        {
            if (t.At <= since || t.At > now)
            {
                continue;
            }

            if (Counts(t))
            {
                counted++;
            }
            else if (t.Purpose == ContactPurpose.Transactional && t.Initiator == Initiator.Store)
            {
                transactional++;
            }
            else
            {
                exempt++;
            }
        }

        return new TouchTally(counted, transactional, exempt);
    }

    /// <summary>Whether the customer prefers messages: they said so, or the last calls the store made went unanswered.</summary>
    /// <param name="history">The customer's contact history, in any order.</param>
    /// <param name="preferences">The customer's preferences.</param>
    /// <param name="now">The moment of the decision; touches after it are ignored.</param>
    /// <returns><see langword="true"/> when the next proactive touch should be a message rather than a call.</returns>
    public bool PrefersMessages(ReadOnlySpan<PastTouch> history, in ContactPreferences preferences, Instant now)
    {
        if (preferences.PrefersMessages)
        {
            return true;
        }

        // The last N store-made calls up to now, by time (ties: by outcome, so that input order never matters).
        int calls = 0;
        foreach (ref readonly var t in history)
        {
            if (IsStoreCall(t, now))
            {
                calls++;
            }
        }

        if (calls < _unanswered)
        {
            return false;
        }

        var buffer = ArrayPool<(long, int)>.Shared.Rent(calls);
        try
        {
            int n = 0;
            foreach (ref readonly var t in history)
            {
                if (IsStoreCall(t, now))
                {
                    buffer[n++] = (t.At.ToUnixTimeTicks(), (int)t.Outcome);
                }
            }

            var span = buffer.AsSpan(0, n);
            span.Sort();
            for (int i = n - _unanswered; i < n; i++)
            {
                if (span[i].Item2 != (int)TouchOutcome.NoAnswer)
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            ArrayPool<(long, int)>.Shared.Return(buffer);
        }
    }

    /// <summary>Decides on a contact request with every rule at once.</summary>
    /// <param name="request">The request.</param>
    /// <param name="history">The customer's past and already planned contacts, in any order.</param>
    /// <param name="preferences">The customer's preferences.</param>
    /// <param name="isVip">Whether the customer is a VIP (higher cap).</param>
    /// <param name="now">The moment of the decision; a desired time before it means "now".</param>
    /// <returns>Allowed, Deferred (until the earliest allowed instant) or Denied, with reasons.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The request holds an undefined enum value.</exception>
    public ContactDecision Decide(in ContactRequest request, ReadOnlySpan<PastTouch> history, in ContactPreferences preferences, bool isVip, Instant now)
    {
        CheckRequest(request);
        var start = request.DesiredAt > now ? request.DesiredAt : now;
        if (request.Initiator == Initiator.Customer)
        {
            return new ContactDecision.Allowed(request.Channel, start, [ContactReason.Of(ContactReasonCode.CustomerInitiated)]);
        }

        bool urgent = request.Purpose == ContactPurpose.Urgent;
        bool requested = request.RequestedByCustomer;
        bool transactional = request.Purpose == ContactPurpose.Transactional;
        var reasons = new List<ContactReason>(2);

        // 1. What the customer forbids outright.
        if (preferences.GlobalOptOut && !(urgent || transactional || requested))
        {
            return Denied(ContactReasonCode.GlobalOptOut);
        }

        if ((preferences.DoNotDisturb & DoNotDisturb.UrgentOnly) != 0 && !(urgent || transactional || requested))
        {
            return Denied(ContactReasonCode.UrgentOnly);
        }

        if ((preferences.DoNotDisturb & DoNotDisturb.NoMarketing) != 0 && request.Purpose == ContactPurpose.Marketing)
        {
            return Denied(ContactReasonCode.NoMarketing);
        }

        // 2. The channel: opt-outs, then the learned preference (which also applies to a call that replaces
        //    an opted-out visit).
        var channel = request.Channel;
        if (preferences.OptedOut.Has(channel))
        {
            ContactChannel? alternative = channel == ContactChannel.HomeVisit && !preferences.OptedOut.Has(ContactChannel.Phone)
                ? ContactChannel.Phone
                : FirstMessageChannel(preferences.OptedOut);
            if (alternative is not ContactChannel a)
            {
                return Denied(ContactReasonCode.NoAllowedChannel);
            }

            channel = a;
            reasons.Add(ContactReason.Of(ContactReasonCode.SwitchedForOptOut));
        }

        if (channel == ContactChannel.Phone && !urgent && !requested && PrefersMessages(history, preferences, now))
        {
            var message = FirstMessageChannel(preferences.OptedOut);
            if (message is ContactChannel m)
            {
                channel = m;
                reasons.Add(ContactReason.Of(ContactReasonCode.SwitchedToMessage));
            }
        }

        if (urgent)
        {
            reasons.Add(ContactReason.Of(ContactReasonCode.UrgentExempt));
        }
        else if (requested)
        {
            reasons.Add(ContactReason.Of(ContactReasonCode.RequestedByCustomer));
        }
        else if (transactional && _transactionalExempt)
        {
            reasons.Add(ContactReason.Of(ContactReasonCode.TransactionalExempt));
        }

        // 3. When: the earliest instant at or after start that satisfies every rule.
        bool counted = !urgent && !requested && Counts(request.Purpose);
        bool timed = !urgent && !requested;
        var zone = preferences.Zone ?? StoreZone;
        var (from, until, baseFrom, baseUntil) = DailyWindow(channel, preferences, timed);
        if (timed && from >= until)
        {
            return Denied(ContactReasonCode.NoAllowedTime);
        }

        // The rules work to the tick (100 ns; history instants are taken to the tick), so every boundary they draw
        // falls on a whole tick: an instant with a finer part is allowed exactly when the whole tick it lies in is,
        // and a deferral is always later than both.
        var causes = Causes.None;
        var startTick = Instant.FromUnixTimeTicks(start.ToUnixTimeTicks());
        Instant at = startTick;
        if (counted || timed)
        {
            at = Earliest(startTick, history, counted ? CapFor(isVip) : 0, timed, zone, (from, until, baseFrom, baseUntil), ref causes);
        }

        if (at == startTick)
        {
            at = start;
            if (reasons.Count == 0)
            {
                reasons.Add(ContactReason.Of(ContactReasonCode.AllRulesMet));
            }

            return new ContactDecision.Allowed(channel, at, reasons);
        }

        var why = new List<ContactReason>(4);
        if ((causes & Causes.Cap) != 0)
        {
            why.Add(ContactReason.Of(ContactReasonCode.FrequencyCap));
        }

        if ((causes & Causes.Gap) != 0)
        {
            why.Add(ContactReason.Of(ContactReasonCode.Spacing));
        }

        if ((causes & Causes.Quiet) != 0)
        {
            why.Add(ContactReason.Of(ContactReasonCode.QuietHours));
        }

        if ((causes & Causes.OwnHours) != 0)
        {
            why.Add(ContactReason.Of(ContactReasonCode.OutsideAllowedHours));
        }

        why.AddRange(reasons);
        return new ContactDecision.Deferred(at, channel, why);
    }

    internal bool Counts(ContactPurpose purpose) =>
        purpose != ContactPurpose.Urgent && !(purpose == ContactPurpose.Transactional && _transactionalExempt);

    private static ContactDecision.Denied Denied(ContactReasonCode code) => new([ContactReason.Of(code)]);

    private static bool IsStoreCall(in PastTouch t, Instant now) =>
        t.Channel == ContactChannel.Phone && t.Initiator == Initiator.Store && !t.RequestedByCustomer && t.At <= now;

    private ContactChannel? FirstMessageChannel(ContactChannels optedOut)
    {
        foreach (var c in (ReadOnlySpan<ContactChannel>)[ContactChannel.Sms, ContactChannel.WeChat, ContactChannel.AppPush, ContactChannel.Email])
        {
            if (_fallbacks.Has(c) && !optedOut.Has(c))
            {
                return c;
            }
        }

        return null;
    }

    // The daily window: quiet hours for the channel's kind, narrowed by the customer's own allowed hours.
    private (LocalTime From, LocalTime Until, LocalTime BaseFrom, LocalTime BaseUntil) DailyWindow(ContactChannel channel, in ContactPreferences p, bool timed)
    {
        if (!timed)
        {
            return (LocalTime.Midnight, LocalTime.MaxValue, LocalTime.Midnight, LocalTime.MaxValue);
        }

        var (baseFrom, baseUntil) = channel.IsVoice() ? (_voiceFrom, _voiceUntil) : (_messageFrom, _messageUntil);
        var (from, until) = (baseFrom, baseUntil);
        if ((p.DoNotDisturb & DoNotDisturb.AllowedHours) != 0)
        {
            from = p.AllowedFrom > from ? p.AllowedFrom : from;
            until = p.AllowedUntil < until ? p.AllowedUntil : until;
        }

        return (from, until, baseFrom, baseUntil);
    }

    [Flags]
    private enum Causes
    {
        None = 0,
        Gap = 1,
        Cap = 2,
        Quiet = 4,
        OwnHours = 8,
    }

    private Instant Earliest(
        Instant start, ReadOnlySpan<PastTouch> history, int cap, bool timed, DateTimeZone zone,
        (LocalTime From, LocalTime Until, LocalTime BaseFrom, LocalTime BaseUntil) hours, ref Causes causes)
    {
        // The counted touches as sorted ticks: the rules never depend on the history's order.
        int n = 0;
        if (cap > 0)
        {
            foreach (ref readonly var t in history)
            {
                if (Counts(t))
                {
                    n++;
                }
            }
        }

        long[]? rented = n > 128 ? ArrayPool<long>.Shared.Rent(n) : null;
        Span<long> others = rented is null ? stackalloc long[n] : rented.AsSpan(0, n);
        try
        {
            if (n > 0)
            {
                int k = 0;
                foreach (ref readonly var t in history)
                {
                    if (Counts(t))
                    {
                        others[k++] = t.At.ToUnixTimeTicks();
                    }
                }

                others.Sort();
            }

            long at = start.ToUnixTimeTicks();
            long gap = _gap.BclCompatibleTicks;
            long window = _window.BclCompatibleTicks;
            for (int guard = 0; guard < 100_000; guard++)
            {
                long next = at;
                if (n > 0)
                {
                    next = GapNext(others, next, gap, ref causes);
                    next = CapNext(others, next, cap, window, ref causes);
                }

                if (timed)
                {
                    next = HoursNext(next, zone, hours, ref causes);
                }

                if (next == at)
                {
                    return Instant.FromUnixTimeTicks(at);
                }

                at = next;
            }

            throw new InvalidOperationException("The contact rules did not settle on an instant; this is a bug, please report it with the request and history.");
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<long>.Shared.Return(rented);
            }
        }
    }

    // Smallest t' >= t with |t' - h| >= gap for every counted h.
    private static long GapNext(ReadOnlySpan<long> others, long t, long gap, ref Causes causes)
    {
        if (gap == 0)
        {
            return t;
        }

        bool moved;
        do
        {
            moved = false;
            foreach (long h in others)
            {
                if (t > h - gap && t < h + gap)
                {
                    t = h + gap;
                    moved = true;
                    causes |= Causes.Gap;
                }
            }
        }
        while (moved);
        return t;
    }

    // Smallest t' >= t such that, with t' added, any `cap + 1` consecutive counted touches span at least the window.
    private static long CapNext(ReadOnlySpan<long> others, long t, int cap, long window, ref Causes causes)
    {
        if (CapOk(others, t, cap, window))
        {
            return t;
        }

        causes |= Causes.Cap;
        foreach (long h in others)
        {
            long candidate = h + window;
            if (candidate > t && CapOk(others, candidate, cap, window))
            {
                return candidate;
            }
        }

        // Unreachable for cap >= 1: after the last touch plus the window nothing is in reach.
        return others[^1] + window;
    }

    private static bool CapOk(ReadOnlySpan<long> others, long t, int cap, long window)
    {
        // Position of t among the others (after equal ones); merged[i] is the i-th of others + t.
        int p = others.BinarySearch(t) is int i && i >= 0 ? UpperBound(others, t) : ~i;
        int total = others.Length + 1;
        for (int j = Math.Max(0, p - cap); j <= p && j + cap < total; j++)
        {
            if (Merged(others, p, t, j + cap) - Merged(others, p, t, j) < window)
            {
                return false;
            }
        }

        return true;
    }

    private static int UpperBound(ReadOnlySpan<long> sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static long Merged(ReadOnlySpan<long> others, int p, long t, int index) =>
        index < p ? others[index] : index == p ? t : others[index - 1];

    // Smallest t' >= t whose local time in the zone is in [from, until). Local time moves continuously
    // except at the zone's transitions, so the window opens either where the local clock reads `from`
    // (each mapping of that local time, or, when a clock change skips it, the end of the gap) or at a
    // transition that jumps into the window (for example back into it when the clocks go back).
    private static long HoursNext(long t, DateTimeZone zone, (LocalTime From, LocalTime Until, LocalTime BaseFrom, LocalTime BaseUntil) hours, ref Causes causes)
    {
        var (from, until) = (hours.From, hours.Until);
        var instant = Instant.FromUnixTimeTicks(t);
        var local = instant.InZone(zone).LocalDateTime;
        var time = local.TimeOfDay;
        if (time >= from && time < until)
        {
            return t;
        }

        causes |= time >= hours.BaseFrom && time < hours.BaseUntil ? Causes.OwnHours : Causes.Quiet;

        // The usual case: the next `from` exists once and no clock change lies before it.
        var interval = zone.GetZoneInterval(instant);
        var next = zone.MapLocal((time < from ? local.Date : local.Date.PlusDays(1)).At(from));
        if (next.Count == 1)
        {
            var opening = next.First().ToInstant();
            if (opening > instant && (!interval.HasEnd || interval.End > opening))
            {
                return opening.ToUnixTimeTicks();
            }
        }

        long best = long.MaxValue;
        for (int i = -1; i <= 3; i++)
        {
            var mapping = zone.MapLocal(local.Date.PlusDays(i).At(from));
            switch (mapping.Count)
            {
                case 0:
                    Consider(mapping.LateInterval.Start, ref best);
                    break;
                case 1:
                    Consider(mapping.First().ToInstant(), ref best);
                    break;
                default:
                    Consider(mapping.First().ToInstant(), ref best);
                    Consider(mapping.Last().ToInstant(), ref best);
                    break;
            }
        }

        var horizon = instant + Duration.FromDays(4);
        for (; interval.HasEnd && interval.End <= horizon; interval = zone.GetZoneInterval(interval.End))
        {
            Consider(interval.End, ref best);
        }

        if (best == long.MaxValue)
        {
            throw new InvalidOperationException("No opening of the daily window found within four days.");
        }

        return best;

        void Consider(Instant candidate, ref long best)
        {
            long c = candidate.ToUnixTimeTicks();
            if (c > t && c < best)
            {
                var tod = candidate.InZone(zone).TimeOfDay;
                if (tod >= from && tod < until)
                {
                    best = c;
                }
            }
        }
    }

    private static void CheckRequest(in ContactRequest request)
    {
        if (!Enum.IsDefined(request.Purpose))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Purpose, "Unknown contact purpose.");
        }

        if (!Enum.IsDefined(request.Channel))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Channel, "Unknown contact channel.");
        }

        if (!Enum.IsDefined(request.Initiator))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Initiator, "Unknown initiator.");
        }
    }
}
