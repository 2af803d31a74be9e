using System;
using System.Collections.Generic;
using System.Linq;

namespace Retention.Benchmarks;

// The baseline: the contact rules written the way an app team would by hand, without the library:
// one class per touch in a List, strings for channels and purposes, DateTime in UTC with
// TimeZoneInfo for quiet hours, LINQ for every rule, a loop that re-checks until nothing moves.
// It keeps the spec's defaults (3 / 5 touches in 30 days, 72 hours apart, 08:00-21:00) but is
// simpler than the library: no reasons text, the cap only looks back from the candidate time.

/// <summary>A past or planned contact as an app stores it.</summary>
public sealed class NaiveTouch
{
    public DateTime AtUtc { get; set; }

    public string Channel { get; set; } = "";

    public string Purpose { get; set; } = "";

    public bool ByCustomer { get; set; }

    public bool RequestedByCustomer { get; set; }

    public string Outcome { get; set; } = "";
}

/// <summary>What the app knows about a customer.</summary>
public sealed class NaiveContactCustomer
{
    public string Id { get; set; } = "";

    public List<NaiveTouch> History { get; set; } = new();

    public bool IsVip { get; set; }

    public bool GlobalOptOut { get; set; }

    public bool UrgentOnly { get; set; }

    public bool NoMarketing { get; set; }

    public bool PrefersMessages { get; set; }

    public List<string> OptedOutChannels { get; set; } = new();

    public string TimeZoneId { get; set; } = "Asia/Shanghai";

    public TimeSpan? AllowedFrom { get; set; }

    public TimeSpan? AllowedUntil { get; set; }
}

/// <summary>A contact request.</summary>
public sealed class NaiveContactRequest
{
    public string Purpose { get; set; } = "";

    public string Channel { get; set; } = "";

    public DateTime DesiredUtc { get; set; }

    public bool RequestedByCustomer { get; set; }
}

/// <summary>The answer.</summary>
public sealed class NaiveContactDecision
{
    public string Result { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public string Channel { get; set; } = "";

    public List<string> Reasons { get; set; } = new();
}

/// <summary>A touch a department plans.</summary>
public sealed class NaivePlannedTouch
{
    public string Id { get; set; } = "";

    public string CustomerId { get; set; } = "";

    public string Purpose { get; set; } = "";

    public string Channel { get; set; } = "";

    public int Priority { get; set; }

    public DateTime EarliestUtc { get; set; }

    public DateTime LatestDate { get; set; }

    public bool RequestedByCustomer { get; set; }
}

/// <summary>The hand-written plan.</summary>
public sealed class NaivePlan
{
    public List<(NaivePlannedTouch Touch, DateTime AtUtc, string Channel)> Scheduled { get; } = new();

    public List<(NaivePlannedTouch Touch, string Reason)> Dropped { get; } = new();
}

/// <summary>The hand-written rules and calendar.</summary>
public static class NaiveContact
{
    private static readonly string[] MessageChannels = ["Sms", "WeChat"];

    public static NaiveContactDecision Decide(NaiveContactCustomer c, List<NaiveTouch> history, NaiveContactRequest request, DateTime nowUtc)
    {
        var at = request.DesiredUtc > nowUtc ? request.DesiredUtc : nowUtc;
        var start = at;
        bool urgent = request.Purpose == "Urgent";
        bool transactional = request.Purpose == "Transactional";
        bool requested = request.RequestedByCustomer;
        var reasons = new List<string>();
        if (c.GlobalOptOut && !urgent && !transactional && !requested)
        {
            return Denied("GlobalOptOut");
        }

        if (c.UrgentOnly && !urgent && !transactional && !requested)
        {
            return Denied("UrgentOnly");
        }

        if (c.NoMarketing && request.Purpose == "Marketing")
        {
            return Denied("NoMarketing");
        }

        string channel = request.Channel;
        if (channel == "Phone" && !urgent && !requested)
        {
            var lastCalls = history
                .Where(t => t.Channel == "Phone" && !t.ByCustomer && !t.RequestedByCustomer && t.AtUtc <= nowUtc)
                .OrderByDescending(t => t.AtUtc)
                .Take(2)
                .ToList();
            if (c.PrefersMessages || (lastCalls.Count == 2 && lastCalls.All(t => t.Outcome == "NoAnswer")))
            {
                var message = MessageChannels.FirstOrDefault(m => !c.OptedOutChannels.Contains(m));
                if (message != null)
                {
                    channel = message;
                    reasons.Add("SwitchedToMessage");
                }
            }
        }

        if (c.OptedOutChannels.Contains(channel))
        {
            var alternative = MessageChannels.FirstOrDefault(m => !c.OptedOutChannels.Contains(m));
            if (alternative == null)
            {
                return Denied("NoAllowedChannel");
            }

            channel = alternative;
            reasons.Add("SwitchedForOptOut");
        }

        if (urgent || requested)
        {
            return new NaiveContactDecision { Result = "Allowed", AtUtc = at, Channel = channel, Reasons = reasons };
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(c.TimeZoneId);
        var from = TimeSpan.FromHours(8);
        var until = TimeSpan.FromHours(21);
        if (c.AllowedFrom.HasValue && c.AllowedFrom.Value > from)
        {
            from = c.AllowedFrom.Value;
        }

        if (c.AllowedUntil.HasValue && c.AllowedUntil.Value < until)
        {
            until = c.AllowedUntil.Value;
        }

        int cap = c.IsVip ? 5 : 3;
        for (int round = 0; round < 50; round++)
        {
            if (!transactional)
            {
                var proactive = history
                    .Where(t => !t.ByCustomer && !t.RequestedByCustomer && t.Outcome != "Failed" && t.Purpose != "Urgent" && t.Purpose != "Transactional")
                    .ToList();
                var tooClose = proactive
                    .Where(t => Math.Abs((t.AtUtc - at).TotalHours) < 72)
                    .OrderByDescending(t => t.AtUtc)
                    .FirstOrDefault();
                if (tooClose != null)
                {
                    at = tooClose.AtUtc.AddHours(72);
                    reasons.Add("Spacing");
                    continue;
                }

                var inWindow = proactive
                    .Where(t => t.AtUtc > at.AddDays(-30) && t.AtUtc <= at)
                    .OrderBy(t => t.AtUtc)
                    .ToList();
                if (inWindow.Count >= cap)
                {
                    at = inWindow[inWindow.Count - cap].AtUtc.AddDays(30);
                    reasons.Add("FrequencyCap");
                    continue;
                }
            }

            var local = TimeZoneInfo.ConvertTimeFromUtc(at, zone);
            if (local.TimeOfDay < from)
            {
                at = TimeZoneInfo.ConvertTimeToUtc(local.Date + from, zone);
                reasons.Add("QuietHours");
                continue;
            }

            if (local.TimeOfDay >= until)
            {
                at = TimeZoneInfo.ConvertTimeToUtc(local.Date.AddDays(1) + from, zone);
                reasons.Add("QuietHours");
                continue;
            }

            break;
        }

        return new NaiveContactDecision { Result = at == start ? "Allowed" : "Deferred", AtUtc = at, Channel = channel, Reasons = reasons.Distinct().ToList() };
    }

    /// <summary>Plans every customer's touches: by customer, then priority, each checked with <see cref="Decide"/> against history plus what is already planned.</summary>
    public static NaivePlan Plan(List<NaivePlannedTouch> touches, Dictionary<string, NaiveContactCustomer> customers, DateTime nowUtc)
    {
        var plan = new NaivePlan();
        foreach (var group in touches.GroupBy(t => t.CustomerId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var customer = customers.TryGetValue(group.Key, out var known) ? known : new NaiveContactCustomer { Id = group.Key };
            var history = customer.History.ToList();
            var zone = TimeZoneInfo.FindSystemTimeZoneById(customer.TimeZoneId);
            foreach (var t in group.OrderByDescending(t => t.Priority).ThenBy(t => t.EarliestUtc).ThenBy(t => t.Id, StringComparer.Ordinal))
            {
                var request = new NaiveContactRequest { Purpose = t.Purpose, Channel = t.Channel, DesiredUtc = t.EarliestUtc, RequestedByCustomer = t.RequestedByCustomer };
                var decision = Decide(customer, history, request, nowUtc);
                var deadline = TimeZoneInfo.ConvertTimeToUtc(t.LatestDate.AddDays(1), zone);
                if (decision.Result == "Denied")
                {
                    plan.Dropped.Add((t, decision.Reasons[0]));
                }
                else if (decision.AtUtc >= deadline)
                {
                    plan.Dropped.Add((t, "PastLatestDate"));
                }
                else
                {
                    plan.Scheduled.Add((t, decision.AtUtc, decision.Channel));
                    history.Add(new NaiveTouch
                    {
                        AtUtc = decision.AtUtc,
                        Channel = decision.Channel,
                        Purpose = t.Purpose,
                        RequestedByCustomer = t.RequestedByCustomer,
                        Outcome = decision.Channel == "Phone" ? "Answered" : "Delivered",
                    });
                }
            }
        }

        return plan;
    }

    private static NaiveContactDecision Denied(string reason) => new() { Result = "Denied", Reasons = [reason] };
}
