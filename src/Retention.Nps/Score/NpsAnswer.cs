using NodaTime;

namespace Retention.Nps;

/// <summary>One NPS answer: who answered about which visit, the score, and when.</summary>
/// <param name="CustomerId">The host's opaque customer id; not empty.</param>
/// <param name="VisitId">The host's opaque visit id; not empty. Re-ratings of one visit share it.</param>
/// <param name="Score">The answer, a whole number in [0, 10].</param>
/// <param name="AnsweredAt">When the customer answered.</param>
public readonly record struct NpsAnswer(string CustomerId, string VisitId, int Score, Instant AnsweredAt);

/// <summary>A bad answer in a bulk operation: where it is and why it was left out.</summary>
/// <param name="Index">The answer's zero-based index in the input.</param>
/// <param name="Message">What is wrong, in English.</param>
public readonly record struct AnswerProblem(int Index, string Message);
