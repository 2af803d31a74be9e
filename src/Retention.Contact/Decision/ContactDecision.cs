using System.Collections.Generic;
using NodaTime;

namespace Retention.Contact;

/// <summary>What the policy says about a contact request: see <see cref="Allowed"/>, <see cref="Deferred"/> and <see cref="Denied"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public abstract record ContactDecision
{
    private protected ContactDecision(IReadOnlyList<ContactReason> reasons) => Reasons = reasons;

    /// <summary>Why: the rules that shaped the decision, most important first.</summary>
    public IReadOnlyList<ContactReason> Reasons { get; }

    /// <summary>The decision on one line with its reason codes, for logs: <c>Deferred until 2026-11-25T02:00:00Z on Phone (Spacing)</c>.</summary>
    /// <returns>A readable description (English, codes not texts).</returns>
    public sealed override string ToString()
    {
        string codes = string.Join(", ", System.Linq.Enumerable.Select(Reasons, r => r.Code.ToString()));
        return this switch
        {
            Allowed a => $"Allowed on {a.Channel} at {a.At} ({codes})",
            Deferred d => $"Deferred until {d.Until} on {d.Channel} ({codes})",
            _ => $"Denied ({codes})",
        };
    }

    /// <summary>The contact may happen at <see cref="At"/> on <see cref="Channel"/> (possibly not the channel asked for).</summary>
    /// <param name="Channel">The channel to use.</param>
    /// <param name="At">When: the desired time (or now, if that is later).</param>
    /// <param name="Reasons">Why.</param>
    public sealed record Allowed(ContactChannel Channel, Instant At, IReadOnlyList<ContactReason> Reasons) : ContactDecision(Reasons);

    /// <summary>The contact may not happen at the desired time; <see cref="Until"/> is the earliest instant at which the same request is allowed.</summary>
    /// <param name="Until">The earliest instant that satisfies every rule at once.</param>
    /// <param name="Channel">The channel that will be allowed then.</param>
    /// <param name="Reasons">The rules that pushed the time back.</param>
    public sealed record Deferred(Instant Until, ContactChannel Channel, IReadOnlyList<ContactReason> Reasons) : ContactDecision(Reasons);

    /// <summary>The contact may not happen at all under the customer's preferences.</summary>
    /// <param name="Reasons">Why.</param>
    public sealed record Denied(IReadOnlyList<ContactReason> Reasons) : ContactDecision(Reasons);
}
