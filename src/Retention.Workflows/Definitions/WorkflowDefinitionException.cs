using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Retention.Workflows;

/// <summary>
/// A workflow definition, or a part of one (a step, window, anchor, condition or route), is invalid. Thrown by the
/// constructors of the definition types, by <see cref="WorkflowBuilder.Build"/> and when reading a definition from
/// JSON. <see cref="Problems"/> lists every problem found, each naming the step or part it concerns.
/// </summary>
public sealed class WorkflowDefinitionException : Exception
{
    /// <summary>Creates the exception from a list of problems.</summary>
    /// <param name="problems">One message per problem; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is <see langword="null"/>.</exception>
    public WorkflowDefinitionException(IEnumerable<string> problems)
        : this(Freeze(problems))
    {
    }

    /// <summary>Creates the exception with a single problem.</summary>
    /// <param name="problem">The problem.</param>
    public WorkflowDefinitionException(string problem)
        : this([problem ?? "unknown problem"])
    {
    }

    /// <summary>Creates the exception with no specific problem (for serialisation frameworks and tests).</summary>
    public WorkflowDefinitionException()
        : this("the workflow definition is invalid")
    {
    }

    /// <summary>Creates the exception with a problem and the exception that caused it.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public WorkflowDefinitionException(string problem, Exception? innerException)
        : base(Format([problem ?? "unknown problem"]), innerException)
    {
        Problems = [problem ?? "unknown problem"];
    }

    private WorkflowDefinitionException(ImmutableArray<string> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in the order found; never empty.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static ImmutableArray<string> Freeze(IEnumerable<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var list = ImmutableArray.CreateRange(problems);
        return list.IsEmpty ? ["the workflow definition is invalid"] : list;
    }

    private static string Format(ImmutableArray<string> problems) =>
        problems.Length == 1
            ? "Invalid workflow definition: " + problems[0]
            : "Invalid workflow definition (" + problems.Length + " problems):" + Environment.NewLine + " - " + string.Join(Environment.NewLine + " - ", problems);
}
