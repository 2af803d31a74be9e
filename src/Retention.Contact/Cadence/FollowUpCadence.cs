using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Retention.Contact;

/// <summary>What the cadence needs to know about a customer.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="LastVisit">The last paid visit, in the store's calendar.</param>
/// <param name="ValueScore">The value score in [0, 100] (for example from Retention.Scoring), or <see langword="null"/> when unknown (not VIP).</param>
/// <param name="OpenComplaint">Whether the customer has an open complaint.</param>
/// <param name="LastCadenceTouch">The day of the last cadence touch already made or planned, or <see langword="null"/> when none:
/// the next cadence touch is then not before that day plus the segment's interval, so planning consecutive periods never repeats a touch.</param>
public readonly record struct FollowUpCustomer(string CustomerId, LocalDate LastVisit, double? ValueScore, bool OpenComplaint, LocalDate? LastCadenceTouch = null);

/// <summary>
/// Follow-up cadence by segment (spec: contact.md section 6): assigns each customer one segment
/// and produces the planned touches of its cadence, which then go through the
/// <see cref="ContactCalendar"/> like any other.
/// </summary>
/// <remarks>Holds a validated copy of the options; immutable and thread-safe.</remarks>
public sealed class FollowUpCadence
{
    private readonly CadenceOptions _o;
    private readonly LocalTime _touchTime;
    private readonly DateTimeZone _storeZone;
    private readonly int _followUpDays;

    /// <summary>Creates the cadence from options, validating them first.</summary>
    /// <param name="options">The contact options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad option.</exception>
    public FollowUpCadence(ContactOptions options)
    {
        ContactOptionsValidator.ThrowIfInvalid(options);
        var c = options.Cadence;
        _o = new CadenceOptions
        {
            SleepingAfterDays = c.SleepingAfterDays,
            LostAfterDays = c.LostAfterDays,
            VipValueScore = c.VipValueScore,
            TouchTimeOfDay = c.TouchTimeOfDay,
            AfterServiceDays = c.AfterServiceDays,
            AfterServiceChannel = c.AfterServiceChannel,
            Vip = Copy(c.Vip),
            Active = Copy(c.Active),
            Sleeping = Copy(c.Sleeping),
            Lost = Copy(c.Lost),
            Complaint = Copy(c.Complaint),
        };
        _touchTime = LocalTime.FromTicksSinceMidnight(c.TouchTimeOfDay.Ticks);
        _storeZone = DateTimeZoneProviders.Tzdb[options.StoreTimeZone];
        _followUpDays = (int)options.Kpis.FollowUpWithin.TotalDays;
    }

    /// <summary>Creates the cadence from the options registered in dependency injection.</summary>
    /// <param name="options">The contact options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public FollowUpCadence(IOptions<ContactOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>The customer's segment on <paramref name="today"/>: Complaint &gt; VIP &gt; Lost &gt; Sleeping &gt; Active.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="today">The date, in the store's calendar; not before the last visit.</param>
    /// <returns>The most specific segment the customer is in.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The last visit is after <paramref name="today"/>, or the value score is outside [0, 100].</exception>
    public CustomerSegment SegmentOf(in FollowUpCustomer customer, LocalDate today)
    {
        if (customer.LastVisit > today)
        {
            throw new ArgumentOutOfRangeException(nameof(customer), customer.LastVisit, "The last visit is after today.");
        }

        if (customer.ValueScore is double v && !(v >= 0 && v <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(customer), v, "A value score is in [0, 100].");
        }

        int days = Period.DaysBetween(customer.LastVisit, today);
        return customer.OpenComplaint ? CustomerSegment.Complaint
            : customer.ValueScore >= _o.VipValueScore ? CustomerSegment.Vip
            : days > _o.LostAfterDays ? CustomerSegment.Lost
            : days > _o.SleepingAfterDays ? CustomerSegment.Sleeping
            : CustomerSegment.Active;
    }

    /// <summary>The cadence of a segment.</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>Every how many days, on which channel, by whom, with which purpose and priority.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segment"/> is not defined.</exception>
    public SegmentCadence CadenceOf(CustomerSegment segment)
    {
        if (!Enum.IsDefined(segment))
        {
            throw new ArgumentOutOfRangeException(nameof(segment), segment, "Unknown segment.");
        }

        var c = _o.For(segment);
        return new SegmentCadence(segment, c.EveryDays, c.Channel, c.Owner, c.Purpose, c.Priority);
    }

    /// <summary>
    /// The planned touches of the customer's cadence from <paramref name="from"/> to <paramref name="to"/>
    /// (both included): one every <c>EveryDays</c> starting on <paramref name="from"/>, plus, for an active
    /// customer, the follow-up <c>AfterServiceDays</c> after the last service if it falls in the range. Each
    /// cadence touch may move until the day before the next one; the after-service follow-up until the last day
    /// that can still be within <c>Kpis.FollowUpWithin</c> (48 hours) of the service day.
    /// </summary>
    /// <param name="customer">The customer.</param>
    /// <param name="from">The first day to plan, in the store's calendar.</param>
    /// <param name="to">The last day to plan, not before <paramref name="from"/>.</param>
    /// <param name="zone">The customer's zone, or <see langword="null"/> for the store's.</param>
    /// <returns>The planned touches, by date.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>, or the customer id is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The customer's state is out of range (see <see cref="SegmentOf"/>).</exception>
    public IReadOnlyList<PlannedTouch> Plan(in FollowUpCustomer customer, LocalDate from, LocalDate to, DateTimeZone? zone = null)
    {
        if (to < from)
        {
            throw new ArgumentException($"to ({to}) is before from ({from}).", nameof(to));
        }

        if (string.IsNullOrEmpty(customer.CustomerId))
        {
            throw new ArgumentException("The customer id is empty.", nameof(customer));
        }

        zone ??= _storeZone;
        var segment = SegmentOf(customer, from < customer.LastVisit ? customer.LastVisit : from);
        var c = _o.For(segment);
        var touches = new List<PlannedTouch>();
        if (segment == CustomerSegment.Active)
        {
            var after = customer.LastVisit.PlusDays(_o.AfterServiceDays);
            if (after >= from && after <= to)
            {
                // The follow-up counts as on time within Kpis.FollowUpWithin (48 hours) of the service: it may move
                // to the last day that can still be within that time of the service day, not beyond.
                var latest = customer.LastVisit.PlusDays(_followUpDays);
                touches.Add(Touch(customer.CustomerId, segment, "after-service", c, after, latest > after ? latest : after, zone, _o.AfterServiceChannel));
            }
        }

        var first = from;
        if (customer.LastCadenceTouch is LocalDate last && last.PlusDays(c.EveryDays) > first)
        {
            first = last.PlusDays(c.EveryDays); // the interval counts from the last cadence touch, not from the planning period
        }

        for (var day = first; day <= to; day = day.PlusDays(c.EveryDays))
        {
            touches.Add(Touch(customer.CustomerId, segment, "cadence", c, day, day.PlusDays(c.EveryDays - 1), zone));
        }

        touches.Sort((x, y) => x.Earliest.CompareTo(y.Earliest));
        return touches;
    }

    private PlannedTouch Touch(string customerId, CustomerSegment segment, string kind, SegmentCadenceOptions c, LocalDate day, LocalDate latest, DateTimeZone zone, ContactChannel? channel = null) =>
        new(
            string.Create(CultureInfo.InvariantCulture, $"{customerId}/{segment}/{kind}/{day:yyyy-MM-dd}"),
            customerId,
            "follow-up:" + segment.ToString(),
            c.Purpose,
            channel ?? c.Channel,
            c.Priority,
            zone.ResolveLocal(day.At(_touchTime), NodaTime.TimeZones.Resolvers.LenientResolver).ToInstant(),
            latest,
            c.Owner);

    private static SegmentCadenceOptions Copy(SegmentCadenceOptions s) =>
        SegmentCadenceOptions.Of(s.EveryDays, s.Channel, s.Owner, s.Purpose, s.Priority);
}

/// <summary>A segment's cadence.</summary>
/// <param name="Segment">The segment.</param>
/// <param name="EveryDays">Days between two touches.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Owner">Who makes the touch.</param>
/// <param name="Purpose">The purpose.</param>
/// <param name="Priority">Calendar priority.</param>
public readonly record struct SegmentCadence(CustomerSegment Segment, int EveryDays, ContactChannel Channel, StaffRole Owner, ContactPurpose Purpose, int Priority);
