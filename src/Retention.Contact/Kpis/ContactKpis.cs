using System;
using System.Collections.Generic;
using NodaTime;

namespace Retention.Contact;

/// <summary>Touch-point KPI targets (spec: contact.md section 7).</summary>
public sealed class ContactKpiOptions
{
    /// <summary>Target share of store calls that are answered, in [0, 1]. The default value is 0.75.</summary>
    public double AnswerRateTarget { get; set; } = 0.75;

    /// <summary>A service follow-up counts as on time when made less than this long after the service (the deadline instant itself is late). The default value is 48 hours.</summary>
    public TimeSpan FollowUpWithin { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Target share of follow-ups done on time, in [0, 1]. The default value is 0.95.</summary>
    public double FollowUpOnTimeTarget { get; set; } = 0.95;

    /// <summary>Target number of complaints about harassment in the period, at least 0. The default value is 0.</summary>
    public int HarassmentComplaintsTarget { get; set; }
}

/// <summary>A service visit and its follow-up, for the on-time KPI.</summary>
/// <param name="ServiceCompletedAt">When the service was completed.</param>
/// <param name="FollowedUpAt">When the follow-up was done; <see langword="null"/> if not yet.</param>
public readonly record struct FollowUpRecord(Instant ServiceCompletedAt, Instant? FollowedUpAt);

/// <summary>One KPI: its value, its target and whether it is met.</summary>
/// <param name="Name">The KPI's name in both locales.</param>
/// <param name="Value">The measured value (a share in [0, 1], or a count); <see langword="null"/> when there is nothing to measure.</param>
/// <param name="Target">The target.</param>
/// <param name="HigherIsBetter">Whether a value above the target is good (false for complaints).</param>
public sealed record Kpi(LocalizedText Name, double? Value, double Target, bool HigherIsBetter)
{
    /// <summary>Whether the target is met; <see langword="null"/> when there is nothing to measure.</summary>
    public bool? Met => Value is double v ? (HigherIsBetter ? v >= Target : v <= Target) : null;
}

/// <summary>The touch-point KPIs of a period.</summary>
/// <param name="AnswerRate">Answered store calls / store calls (target 75 %).</param>
/// <param name="FollowUpsOnTime">Follow-ups within 48 h / services (target 95 %).</param>
/// <param name="HarassmentComplaints">Complaints about harassment (target 0).</param>
/// <param name="DeferredOrDeniedShare">Share of decided requests the policy deferred or denied (reported, no target).</param>
public sealed record ContactKpiReport(Kpi AnswerRate, Kpi FollowUpsOnTime, Kpi HarassmentComplaints, double? DeferredOrDeniedShare);

/// <summary>Computes the touch-point KPIs (spec: contact.md section 7). Pure; immutable and thread-safe.</summary>
public sealed class ContactKpis
{
    private readonly ContactKpiOptions _o;

    /// <summary>Creates the KPI computation from options, validating them first.</summary>
    /// <param name="options">The contact options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public ContactKpis(ContactOptions options)
    {
        ContactOptionsValidator.ThrowIfInvalid(options);
        var k = options.Kpis;
        _o = new ContactKpiOptions
        {
            AnswerRateTarget = k.AnswerRateTarget,
            FollowUpWithin = k.FollowUpWithin,
            FollowUpOnTimeTarget = k.FollowUpOnTimeTarget,
            HarassmentComplaintsTarget = k.HarassmentComplaintsTarget,
        };
    }

    /// <summary>Creates the KPI computation from the options registered in dependency injection.</summary>
    /// <param name="options">The contact options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public ContactKpis(Microsoft.Extensions.Options.IOptions<ContactOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>Computes the KPIs of a period.</summary>
    /// <param name="touches">The period's touches.</param>
    /// <param name="followUps">The period's services and their follow-ups.</param>
    /// <param name="harassmentComplaints">Complaints about harassment in the period, at least 0.</param>
    /// <param name="decisions">The policy's decisions in the period (for the deferred-or-denied share); may be empty.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="harassmentComplaints"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="decisions"/> is <see langword="null"/>.</exception>
    public ContactKpiReport Compute(ReadOnlySpan<PastTouch> touches, ReadOnlySpan<FollowUpRecord> followUps, int harassmentComplaints, IEnumerable<ContactDecision> decisions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(harassmentComplaints);
        ArgumentNullException.ThrowIfNull(decisions);
        int calls = 0, answered = 0;
        foreach (ref readonly var t in touches)
        {
            if (t.Channel == ContactChannel.Phone && t.Initiator == Initiator.Store)
            {
                calls++;
                if (t.Outcome == TouchOutcome.Answered)
                {
                    answered++;
                }
            }
        }

        var within = Duration.FromTimeSpan(_o.FollowUpWithin);
        int services = 0, onTime = 0;
        foreach (ref readonly var f in followUps)
        {
            services++;
            if (f.FollowedUpAt is Instant at && at >= f.ServiceCompletedAt && at - f.ServiceCompletedAt < within) // the deadline instant itself is late
            {
                onTime++;
            }
        }

        int decided = 0, held = 0;
        foreach (var d in decisions)
        {
            decided++;
            if (d is not ContactDecision.Allowed)
            {
                held++;
            }
        }

        return new ContactKpiReport(
            new Kpi(new("接通率", "answer rate"), calls == 0 ? null : (double)answered / calls, _o.AnswerRateTarget, true),
            new Kpi(new("48 小时内完成回访", "follow-ups on time"), services == 0 ? null : (double)onTime / services, _o.FollowUpOnTimeTarget, true),
            new Kpi(new("骚扰投诉", "harassment complaints"), harassmentComplaints, _o.HarassmentComplaintsTarget, false),
            decided == 0 ? null : (double)held / decided);
    }
}
