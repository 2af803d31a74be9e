using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.Extensions.Options;
using Retention.Scripts;
using Retention.Workflows;

namespace Retention.Tool.Settings;

/// <summary>
/// What a host builds from the options at start-up, beyond the validators: the built-in workflow definitions from the
/// Scoring and Nps options (<see cref="BuiltInWorkflows.For(Retention.Scoring.ScoringOptions, Retention.Nps.NpsOptions)"/>),
/// the trigger rules, and whether every script a workflow names is in the configured script catalog.
/// </summary>
/// <remarks>
/// Each part is built only when the options it reads have no problem: a host stops at their validators first, and
/// building from invalid figures would only repeat those problems.
/// </remarks>
internal sealed class SettingsCheck
{
    private SettingsCheck(SettingsFile file, IReadOnlyList<OptionsProblem> problems, IReadOnlyList<OptionsProblem> warnings, ImmutableArray<WorkflowDefinition>? workflows, int? triggerRules)
    {
        File = file;
        Problems = problems;
        Warnings = warnings;
        Workflows = workflows;
        TriggerRules = triggerRules;
    }

    /// <summary>The settings file checked.</summary>
    public SettingsFile File { get; }

    /// <summary>The file's problems followed by those found building what a host builds; empty when sound.</summary>
    public IReadOnlyList<OptionsProblem> Problems { get; }

    /// <summary>Things a host would accept that are probably not meant (a workflow naming a script the catalog lacks).</summary>
    public IReadOnlyList<OptionsProblem> Warnings { get; }

    /// <summary>The built-in workflow definitions built from the file's options, or <see langword="null"/> when they were not built.</summary>
    public ImmutableArray<WorkflowDefinition>? Workflows { get; }

    /// <summary>How many trigger rules the options give, or <see langword="null"/> when they were not built.</summary>
    public int? TriggerRules { get; }

    /// <summary>Whether no problem was found (warnings do not count).</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>Builds the workflows, trigger rules and script catalog of a bound settings file and collects what fails.</summary>
    /// <param name="file">The settings file.</param>
    /// <param name="text">Picks the tool's own text in the output locale (zh-CN, en).</param>
    /// <returns>The check.</returns>
    public static SettingsCheck Run(SettingsFile file, Func<string, string, string> text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<OptionsProblem>(file.Problems);
        var warnings = new List<OptionsProblem>();
        string section = file.Section;
        bool Clean(string name) => !file.Problems.Any(p => Under(p.Path, $"{section}:{name}"));

        ImmutableArray<WorkflowDefinition>? workflows = null;
        if (Clean("Scoring") && Clean("Nps"))
        {
            try
            {
                workflows = BuiltInWorkflows.For(file.Scoring, file.Nps);
            }
            catch (WorkflowDefinitionException e)
            {
                problems.AddRange(e.Problems.Select(p => new OptionsProblem(
                    $"{section}:Workflows",
                    text($"由 Scoring 和 Nps 选项生成内置流程失败：{p}", $"the built-in workflows cannot be built from the Scoring and Nps options: {p}"))));
            }
        }

        // The catalog the host would build (its validator already reported a broken one).
        ScriptCatalog? catalog = null;
        if (Clean("Scripts"))
        {
            try
            {
                catalog = new ScriptCatalog(file.Scripts);
            }
            catch (ScriptCatalogException e)
            {
                problems.Add(new($"{section}:Scripts", text($"无法生成话术目录：{e.Message}", $"the script catalog cannot be built: {e.Message}")));
            }
        }

        if (workflows is { } built && catalog is not null)
        {
            // One warning per workflow (a catalog without the built-ins would otherwise give one per step and script).
            var known = catalog.Ids.ToHashSet(StringComparer.Ordinal);
            foreach (var definition in built)
            {
                var missing = definition.Steps
                    .SelectMany(step => step.ScriptIds.Where(id => !known.Contains(id)).Select(id => (Script: id, Step: step.Id)))
                    .GroupBy(m => m.Script, StringComparer.Ordinal)
                    .Select(g => $"{g.Key} ({string.Join(", ", g.Select(m => m.Step))})")
                    .ToList();
                if (missing.Count > 0)
                {
                    warnings.Add(new($"{section}:Scripts", text(
                        $"内置流程 {definition.Id} 使用的话术不在话术目录中（宿主程序分派任务时将找不到）：{string.Join("; ", missing)}",
                        $"built-in workflow {definition.Id} names scripts the catalog lacks (its tasks would name a script the host cannot find): {string.Join("; ", missing)}")));
                }
            }
        }

        int? triggerRules = null;
        if (Clean("Workflows:Triggers"))
        {
            try
            {
                var evaluator = new TriggerEvaluator(file.Triggers);
                triggerRules = evaluator.Rules.Length;
                var knownWorkflows = (workflows ?? BuiltInWorkflows.All).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
                var knownScripts = catalog?.Ids.ToHashSet(StringComparer.Ordinal);
                foreach (var rule in evaluator.Rules)
                {
                    int custom = IndexOf(file.Triggers.Rules, rule.Id);
                    string rulePath = custom >= 0 ? $"{section}:Workflows:Triggers:Rules:{custom}" : $"{section}:Workflows:Triggers";
                    if (rule.Action.WorkflowId is { } workflowId && !knownWorkflows.Contains(workflowId))
                    {
                        warnings.Add(new(custom >= 0 ? rulePath + ":WorkflowId" : rulePath + ":BatteryFollowUpWorkflowId", text(
                            $"规则 {rule.Id} 启动的流程 '{workflowId}' 不是内置流程：宿主程序须自行注册该流程定义",
                            $"rule {rule.Id} starts workflow '{workflowId}', which is not a built-in: the host must register a definition with that id")));
                    }

                    if (rule.Action.Task?.ScriptId is { } scriptId && knownScripts is not null && !knownScripts.Contains(scriptId))
                    {
                        warnings.Add(new(custom >= 0 ? rulePath + ":Task:ScriptId" : rulePath, text(
                            $"规则 {rule.Id} 的任务使用的话术 '{scriptId}' 不在话术目录中",
                            $"rule {rule.Id} assigns a task with script '{scriptId}', which is not in the script catalog")));
                    }
                }
            }
            catch (Exception e) when (e is OptionsValidationException or WorkflowDefinitionException or ArgumentException)
            {
                problems.Add(new($"{section}:Workflows:Triggers", text($"无法生成触发规则：{e.Message}", $"the trigger rules cannot be built: {e.Message}")));
            }
        }

        return new SettingsCheck(file, problems, warnings, workflows, triggerRules);
    }

    /// <summary>Whether a configuration path is the section or lies under it (ignoring case, as configuration does).</summary>
    private static bool Under(string path, string section) =>
        path.Equals(section, StringComparison.OrdinalIgnoreCase) || path.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase);

    private static int IndexOf(IList<TriggerRuleOptions> rules, string id)
    {
        for (int i = 0; i < rules.Count; i++)
        {
            if (string.Equals(rules[i]?.Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
