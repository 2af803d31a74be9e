using System.Collections.Generic;
using NodaTime;

namespace Retention.Workflows.Tests.Support;

/// <summary>Window inputs for resolving a window directly.</summary>
internal sealed class Facts : IWindowFacts
{
    public Facts(DateTimeZone zone, Instant start)
    {
        Zone = zone;
        Start = start;
    }

    public DateTimeZone Zone { get; }

    public Instant Start { get; }

    public LocalDate? Appointment { get; init; }

    public Instant? Visit { get; init; }

    public Instant? Reply { get; init; }

    public Dictionary<string, Instant> Completed { get; init; } = [];

    public Instant? CompletedAt(string stepId) => Completed.TryGetValue(stepId, out var at) ? at : null;

    public (Instant Opens, Instant Due)? Resolve(StepWindow window, int occurrence = 0) =>
        window.TryResolve(this, occurrence, out var opens, out var due) ? (opens, due) : null;
}
