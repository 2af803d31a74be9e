using System;
using System.Collections.Immutable;
using System.Linq;
using Retention.Samples.DealerDay.Files;
using Retention.Scoring;
using Retention.Workflows;
using ContactChannel = Retention.Contact.ContactChannel;

namespace Retention.Samples.DealerDay.Simulation;

/// <summary>What kind of case a simulated workflow is: a risk tier, an NPS rescue or a post-service follow-up.</summary>
internal enum CaseKind
{
    Yellow,
    Orange,
    Red,
    NpsRescue,
    FollowUp,
}

/// <summary>
/// How the simulated staff and customers behave: whether a role gets to a task in a work round, whether the customer
/// answers, and which outcome a step ends with. Every draw comes from one seeded <see cref="SplitMix64"/>, in a fixed
/// order, so a run is the same every time. The probabilities are the sample's assumptions (a Decision of the sample),
/// chosen to look like a busy store: the general manager is hard to get hold of, Red customers are the hardest to win.
/// </summary>
internal sealed class SimulatedStore(ulong seed)
{
    /// <summary>The fixed seed of the bundled run.</summary>
    public const ulong DefaultSeed = 20261123;

    private readonly SplitMix64 _random = new(seed);

    /// <summary>Whether the owner gets to an open task in this work round (people are busy; automated messages nearly always go).</summary>
    public bool WorksOn(WorkflowStep step)
    {
        double p = IsAutomated(step) ? 0.95 : step.Owner switch
        {
            StaffRole.ServiceAdvisor => 0.60,
            StaffRole.CustomerServiceSupervisor => 0.55,
            StaffRole.ServiceManager => 0.55,
            StaffRole.StoreManager => 0.45,
            StaffRole.GeneralManager => 0.35,
            _ => 0.30,
        };
        return _random.Chance(p);
    }

    /// <summary>Whether the customer is reached: a call may go unanswered; messages, meetings and home visits (arranged) always reach.</summary>
    public bool Reaches(WorkflowStep step, CaseKind kind)
    {
        if (!IsCall(step))
        {
            return true;
        }

        double p = kind switch
        {
            CaseKind.Yellow => 0.82,
            CaseKind.Orange => 0.76,
            CaseKind.Red => 0.68,
            CaseKind.NpsRescue => 0.80,
            _ => 0.78,
        };
        return _random.Chance(p);
    }

    /// <summary>The outcome of a step the customer was reached on (or an internal step that was done).</summary>
    public string OutcomeOf(WorkflowStep step, CaseKind kind)
    {
        var allowed = step.Outcomes;
        if (allowed.Contains("Price"))
        {
            // workflows.md section 2: price 45 %, service experience 25 %, inconvenience 20 %, other 10 %.
            return Pick(allowed, ("Price", 0.45), ("ServiceExperience", 0.25), ("Inconvenience", 0.20), ("Other", 0.10));
        }

        if (allowed.Contains("Expired"))
        {
            return Pick(allowed, (StepOutcomes.Agreed, 0.40), (StepOutcomes.Refused, 0.20), ("Expired", 0.40));
        }

        if (allowed.Contains(StepOutcomes.Agreed) && allowed.Contains(StepOutcomes.Hesitant))
        {
            var (agreed, hesitant) = kind switch
            {
                CaseKind.Yellow => (0.55, 0.25),
                CaseKind.Orange => (0.40, 0.30),
                _ => (0.25, 0.35),
            };
            return Pick(allowed, (StepOutcomes.Agreed, agreed), (StepOutcomes.Hesitant, hesitant), (StepOutcomes.Refused, 1 - agreed - hesitant));
        }

        if (allowed.Contains(StepOutcomes.Agreed))
        {
            double agreed = kind switch { CaseKind.Yellow => 0.70, CaseKind.Orange => 0.55, _ => 0.45 };
            return Pick(allowed, (StepOutcomes.Agreed, agreed), (StepOutcomes.Refused, 1 - agreed));
        }

        if (allowed.Contains("NoShow"))
        {
            return Pick(allowed, (StepOutcomes.Done, kind == CaseKind.Red ? 0.80 : 0.88), ("NoShow", kind == CaseKind.Red ? 0.20 : 0.12));
        }

        if (allowed.Contains("Recovered") && allowed.Contains("Lost"))
        {
            return Pick(allowed, ("Recovered", 0.70), ("Lost", 0.30));
        }

        if (allowed.Contains(BuiltInWorkflows.AboveAuthority))
        {
            // An NPS rescue plan: most stay within the responder's authority; a quarter need the approver.
            return Pick(allowed, (StepOutcomes.Done, 0.75), (BuiltInWorkflows.AboveAuthority, 0.25));
        }

        if (allowed.Contains("Approved"))
        {
            return Pick(allowed, ("Approved", 0.90), ("Declined", 0.10));
        }

        if (allowed.Contains("Problem"))
        {
            // workflows.md section 8: a follow-up finds a problem in 8-12 % of calls.
            return Pick(allowed, (StepOutcomes.Done, 0.90), ("Problem", 0.10));
        }

        if (allowed.Contains(StepOutcomes.Refused) && step.Channels.Length > 0)
        {
            // The first call decides whether the customer is willing to talk at all; later touches rarely end it.
            double refuse = kind switch { CaseKind.Yellow => 0.15, CaseKind.Orange => 0.22, CaseKind.Red => 0.30, _ => 0.05 };
            if (step.Window is RecurringWindow)
            {
                refuse = 0.03;
            }

            return Pick(allowed, (StepOutcomes.Done, 1 - refuse), (StepOutcomes.Refused, refuse));
        }

        return allowed.Contains(StepOutcomes.Done) ? StepOutcomes.Done : allowed.First(o => o != StepOutcomes.Skipped);
    }

    /// <summary>Days from today to the appointment the customer books: 2 to 6 (the reminder the day before must still be ahead).</summary>
    public int DaysToAppointment() => 2 + _random.Next(5);

    /// <summary>A phone call to the customer (the channel a call can go unanswered on).</summary>
    public static bool IsCall(WorkflowStep step) => step.Channels.Length > 0 && step.Channels[0] == ContactChannel.Phone;

    /// <summary>An automated message: SMS or app push first.</summary>
    public static bool IsAutomated(WorkflowStep step) =>
        step.Channels.Length > 0 && step.Channels[0] is ContactChannel.Sms or ContactChannel.AppPush;

    private string Pick(ImmutableArray<string> allowed, params (string Outcome, double Weight)[] weights)
    {
        var usable = weights.Where(w => allowed.Contains(w.Outcome)).ToArray();
        double total = usable.Sum(w => w.Weight);
        double x = _random.NextDouble() * total;
        foreach (var (outcome, weight) in usable)
        {
            x -= weight;
            if (x < 0)
            {
                return outcome;
            }
        }

        return usable[^1].Outcome;
    }
}
