using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Retention.Workflows;

/// <summary>
/// Renders a definition for the people who run it, as Mermaid text (paste into any Mermaid viewer, a Markdown file on
/// GitHub, ...): a flowchart of steps, owners, windows and outcome edges, or a timeline of windows. The text is
/// deterministic, so it suits snapshot tests.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class WorkflowDiagram
{
    /// <summary>
    /// A Mermaid flowchart: a start node, one node per step (number, title, owner, window, channels, scripts, conditions,
    /// escalation), an edge per outcome (dotted for <see cref="StepOutcomes.Skipped"/>) and one end node per workflow outcome.
    /// </summary>
    /// <param name="definition">The definition.</param>
    /// <param name="locale">The locale of titles: names starting with <c>zh</c> give Chinese, anything else English.</param>
    /// <returns>The Mermaid text, lines separated by <c>\n</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string ToMermaidFlowchart(WorkflowDefinition definition, string locale = "en")
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(locale);
        var sb = new StringBuilder();
        Line(sb, "flowchart TD");
        Line(sb, $"    start([\"{Escape(definition.Title.Get(locale))}<br/>{Escape(definition.Trigger.ToString())}\"])");
        Line(sb, "    start --> s1");
        for (int i = 0; i < definition.Steps.Length; i++)
        {
            var step = definition.Steps[i];
            var label = new StringBuilder()
                .Append(i + 1).Append(". ").Append(Escape(step.Title.Get(locale)))
                .Append("<br/>").Append(step.Owner).Append(" · ").Append(Escape(step.Window.ToString()));
            if (!step.Channels.IsEmpty)
            {
                label.Append("<br/>").Append(string.Join(", ", step.Channels));
            }

            if (!step.ScriptIds.IsEmpty)
            {
                label.Append("<br/>script: ").Append(Escape(string.Join(", ", step.ScriptIds)));
            }

            if (!step.Conditions.IsEmpty)
            {
                label.Append("<br/>if ").Append(Escape(string.Join(" and ", step.Conditions)));
            }

            if (step.EscalateTo is { } up)
            {
                label.Append("<br/>overdue: ").Append(up);
            }

            Line(sb, $"    s{i + 1}[\"{label}\"]");
        }

        foreach (var (step, i) in definition.Steps.Select((s, i) => (s, i)))
        {
            foreach (var route in step.Routes)
            {
                string target = route.Next is { } next ? $"s{definition.IndexOf(next) + 1}" : $"end_{route.Finish}";
                string arrow = route.Outcome == StepOutcomes.Skipped ? "-.->" : "-->";
                Line(sb, $"    s{i + 1} {arrow}|{route.Outcome}{(route.EndsRecurrence ? " at once" : string.Empty)}| {target}");
            }
        }

        foreach (var end in definition.Steps.SelectMany(s => s.Routes).Select(r => r.Finish).OfType<WorkflowOutcome>().Distinct().Order())
        {
            Line(sb, $"    end_{end}(((\"{end}\")))");
        }

        return sb.ToString();
    }

    /// <summary>A Mermaid timeline: one entry per step, in order, with its window, title and owner.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="locale">The locale of titles: names starting with <c>zh</c> give Chinese, anything else English.</param>
    /// <returns>The Mermaid text, lines separated by <c>\n</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string ToMermaidTimeline(WorkflowDefinition definition, string locale = "en")
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(locale);
        var sb = new StringBuilder();
        Line(sb, "timeline");
        Line(sb, $"    title {Plain(definition.Title.Get(locale))} ({definition.Id} v{definition.Version.ToString(CultureInfo.InvariantCulture)})");
        foreach (var step in definition.Steps)
        {
            Line(sb, $"    {Plain(step.Window.ToString())} : {Plain(step.Title.Get(locale))} ({step.Owner})");
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string line) => sb.Append(line).Append('\n');

    // Mermaid entity codes keep quotes and angle brackets from breaking a label.
    private static string Escape(string text) =>
        text.Replace("\"", "#quot;", StringComparison.Ordinal)
            .Replace("<", "#lt;", StringComparison.Ordinal)
            .Replace(">", "#gt;", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);

    // Timeline entries split on ':' and end at a line break.
    private static string Plain(string text) => text.Replace(":", " -", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
