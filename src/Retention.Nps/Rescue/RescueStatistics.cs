using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Retention.Nps;

/// <summary>Monthly rescue statistics from rescue case records (spec: nps.md section 7).</summary>
/// <remarks>Holds a validated copy of the options; immutable and thread-safe.</remarks>
public sealed class RescueStatistics
{
    private readonly Duration _window;

    /// <summary>Creates the statistics from options, validating them first.</summary>
    /// <param name="options">The NPS options; the response window is <see cref="ResponseTimeEffectOptions.SameDayWithin"/> (default 24 hours).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad option.</exception>
    public RescueStatistics(NpsOptions options)
    {
        NpsOptionsValidator.ThrowIfInvalid(options);
        _window = Duration.FromTimeSpan(options.ResponseTimeEffect.SameDayWithin);
    }

    /// <summary>Creates the statistics from the options registered in dependency injection.</summary>
    /// <param name="options">The NPS options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public RescueStatistics(IOptions<NpsOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>
    /// The statistics of the cases whose low score was given in <paramref name="month"/>, in the
    /// store's time zone. Bad cases (a score outside [0, 10], a response or start before the answer,
    /// a promoter that was not recovered, an unknown outcome or reason) are reported by index and left out.
    /// </summary>
    /// <param name="cases">Rescue cases of any months.</param>
    /// <param name="month">The month to report.</param>
    /// <param name="zone">The store's time zone.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cases"/> or <paramref name="zone"/> is <see langword="null"/>.</exception>
    public RescueReport ForMonth(IEnumerable<RescueCase> cases, YearMonth month, DateTimeZone zone) => Report(cases, month, zone);

    /// <summary>
    /// The month's statistics overall and per segment (spec: "monthly, per store / advisor"): each valid case goes to the
    /// segment <paramref name="segment"/> names (its store, its advisor, ...). Bad cases are reported by their index in
    /// <paramref name="cases"/> in the overall report and are in no segment.
    /// </summary>
    /// <typeparam name="TKey">The segment key the host chose.</typeparam>
    /// <param name="cases">Rescue cases of any months.</param>
    /// <param name="month">The month to report.</param>
    /// <param name="zone">The store's time zone.</param>
    /// <param name="segment">The segment of a case.</param>
    /// <returns>The overall report and one report per segment that has a valid case (of any month).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public RescueBreakdown<TKey> ForMonthBy<TKey>(IEnumerable<RescueCase> cases, YearMonth month, DateTimeZone zone, Func<RescueCase, TKey> segment)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(segment);
        var all = cases as IReadOnlyCollection<RescueCase> ?? [.. cases];
        var groups = new Dictionary<TKey, List<RescueCase>>();
        foreach (var c in all)
        {
            if (Problem(c) is null)
            {
                var key = segment(c);
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }

                list.Add(c);
            }
        }

        var segments = new Dictionary<TKey, RescueReport>(groups.Count);
        foreach (var (key, list) in groups)
        {
            segments[key] = Report(list, month, zone);
        }

        return new RescueBreakdown<TKey>(Report(all, month, zone), segments);
    }

    private RescueReport Report(IEnumerable<RescueCase> cases, YearMonth month, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(zone);
        var from = zone.AtStartOfDay(month.OnDayOfMonth(1));
        var to = zone.AtStartOfDay(month.PlusMonths(1).OnDayOfMonth(1));
        int low = 0, started = 0, responded = 0, recovered = 0, promoters = 0, lost = 0;
        var reasons = new Dictionary<LowScoreReason, int>();
        foreach (var r in Enum.GetValues<LowScoreReason>())
        {
            reasons[r] = 0;
        }

        var problems = new List<RescueCaseProblem>();
        int index = -1;
        foreach (var c in cases)
        {
            index++;
            if (Problem(c) is string message)
            {
                problems.Add(new RescueCaseProblem(index, message));
                continue;
            }

            if (c.AnsweredAt < from.ToInstant() || c.AnsweredAt >= to.ToInstant())
            {
                continue;
            }

            low++;
            reasons[c.Reason]++;
            if (c.StartedAt is not null)
            {
                started++;
            }

            if (c.FirstResponseAt is Instant first && first - c.AnsweredAt < _window)
            {
                responded++;
            }

            switch (c.Outcome)
            {
                case RescueOutcome.Recovered:
                    recovered++;
                    if (c.TurnedPromoter)
                    {
                        promoters++;
                    }

                    break;
                case RescueOutcome.Lost:
                    lost++;
                    break;
            }
        }

        return new RescueReport(month, low, started, responded, recovered, promoters, lost, reasons, problems);
    }

    private static string? Problem(in RescueCase c)
    {
        if (!NpsClassifier.IsValidScore(c.Score))
        {
            return $"case {c.CaseId}: score {c.Score} is not a whole number in [0, 10]";
        }

        if (c.StartedAt is Instant s && s < c.AnsweredAt)
        {
            return $"case {c.CaseId}: the rescue started before the answer";
        }

        if (c.FirstResponseAt is Instant f && f < c.AnsweredAt)
        {
            return $"case {c.CaseId}: the first response is before the answer";
        }

        if (!Enum.IsDefined(c.Outcome))
        {
            return $"case {c.CaseId}: unknown outcome {c.Outcome}";
        }

        if (!Enum.IsDefined(c.Reason))
        {
            return $"case {c.CaseId}: unknown reason {c.Reason}";
        }

        if (c.TurnedPromoter && c.Outcome != RescueOutcome.Recovered)
        {
            return $"case {c.CaseId}: turned promoter but not recovered";
        }

        return null;
    }
}
