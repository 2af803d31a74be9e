using NodaTime;

namespace Retention.Workflows;

/// <summary>What a window needs to resolve to instants: the zone, the start and the anchors known so far.</summary>
internal interface IWindowFacts
{
    DateTimeZone Zone { get; }

    Instant Start { get; }

    LocalDate? Appointment { get; }

    Instant? Visit { get; }

    Instant? Reply { get; }

    Instant? CompletedAt(string stepId);
}
