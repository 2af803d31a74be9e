using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Threading;
using Retention.Scripts;
using Retention.Tool.Settings;
using Retention.Tool.Workflows;
using Retention.Workflows;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retention.Tool.Commands;

/// <summary>
/// <c>retention explain &lt;workflow-id&gt;</c>: prints a built-in or configured workflow as text (one block per step),
/// as a Mermaid flowchart or as a Mermaid timeline. Built-ins are built from the settings file's Scoring and Nps options
/// when <c>--settings</c> is given (else the packages' defaults); <c>--definition</c> files add configured definitions,
/// and of all definitions with the id the highest version is shown, a configured one winning a tie with a built-in.
/// Exit codes: 0 printed; 1 the settings file has problems (nothing is printed from invalid options); 2 an unknown
/// workflow id (the known ids are listed), a missing file, a broken definition file, or a bad argument.
/// </summary>
internal sealed class ExplainCommand(IAnsiConsole console, ErrorOutput errors) : Command<ExplainCommand.Settings>
{
    /// <summary>The command's arguments and options.</summary>
    public sealed class Settings : ToolSettings
    {
        /// <summary>The workflow to explain.</summary>
        [CommandArgument(0, "<WORKFLOW>")]
        [Description("The workflow id, for example risk.orange or nps.rescue.s (an unknown id lists the known ones).")]
        public string WorkflowId { get; init; } = string.Empty;

        /// <summary>The output format.</summary>
        [CommandOption("--format <FORMAT>")]
        [Description("text (default: one block per step), mermaid (a flowchart) or timeline (a Mermaid timeline of the windows).")]
        [DefaultValue("text")]
        public string Format { get; init; } = "text";

        /// <summary>The settings file whose options the built-in workflows are built from.</summary>
        [CommandOption("--settings <SETTINGS>")]
        [Description("An appsettings.json: the built-in workflows take their budgets, value-score lines and NPS deadlines from its Scoring and Nps options, and the escalation and touch defaults from its Workflows options.")]
        public string? SettingsPath { get; init; }

        /// <summary>The root section of the settings file.</summary>
        [CommandOption("--section <SECTION>")]
        [Description("The root configuration section of --settings (default Retention).")]
        [DefaultValue("Retention")]
        public string Section { get; init; } = "Retention";

        /// <summary>Definition files.</summary>
        [CommandOption("--definition <FILE>")]
        [Description("A workflow definition file (the JSON of WorkflowJson.Serialize: one definition, or an array of them). Repeat for more files. A definition with a built-in's id wins when its version is the same or higher.")]
        public string[] Definitions { get; init; } = [];

        /// <summary>The format, normalised.</summary>
        public string FormatName => Format.Trim().ToLowerInvariant();

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            var result = base.Validate();
            if (!result.Successful)
            {
                return result;
            }

            if (string.IsNullOrWhiteSpace(WorkflowId))
            {
                return ValidationResult.Error("give the workflow id: retention explain <workflow-id>, for example risk.orange");
            }

            if (FormatName is not ("text" or "mermaid" or "timeline"))
            {
                return ValidationResult.Error($"--format must be text, mermaid or timeline (was \"{Format}\").");
            }

            if (SettingsPath is null && !string.Equals(Section, "Retention", StringComparison.Ordinal))
            {
                return ValidationResult.Error("--section applies to the --settings file; give --settings too.");
            }

            return SettingsPath is not null && string.IsNullOrWhiteSpace(SettingsPath)
                ? ValidationResult.Error("--settings needs a file name.")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var s = settings;

        // Files first: a missing or broken file is exit 2 whatever else is wrong.
        var file = s.SettingsPath is null ? null : SettingsFile.Load(s.SettingsPath, s.Section);
        var configured = s.Definitions.SelectMany(DefinitionFile.Read).ToList();
        CheckDuplicates(configured);

        var workflowOptions = new WorkflowOptions();
        IReadOnlyList<WorkflowDefinition> builtIns = BuiltInWorkflows.All;
        string builtInSource = s.T("内置，默认选项", "built-in, default options");
        ScriptCatalog catalog = ScriptCatalog.BuiltIn;
        if (file is not null)
        {
            var check = SettingsCheck.Run(file, s.T);
            if (!check.IsValid || check.Workflows is null)
            {
                return SettingsFailed(s, check);
            }

            if (!file.SectionFound)
            {
                Warn(s, s.T(
                    $"注意：{s.SettingsPath} 中没有 {file.Section} 配置节，内置流程按默认选项生成（配置节名称是否正确？见 --section）",
                    $"warning: {s.SettingsPath} has no {file.Section} section, so the built-in workflows use the packages' defaults (is the section right? see --section)"));
            }

            builtIns = check.Workflows.Value;
            workflowOptions = file.Workflows;
            builtInSource = s.T($"内置，按 {s.SettingsPath} 的 {file.Section}:Scoring 和 {file.Section}:Nps 选项生成", $"built-in, built from the {file.Section}:Scoring and {file.Section}:Nps options of {s.SettingsPath}");
            catalog = new ScriptCatalog(file.Scripts);
        }

        // The highest version wins; on a tie a configured definition wins over a built-in.
        var candidates = configured.Select(c => (c.Definition, c.Source, Configured: true))
            .Concat(builtIns.Select(d => (Definition: d, Source: builtInSource, Configured: false)))
            .Where(c => string.Equals(c.Definition.Id, s.WorkflowId, StringComparison.Ordinal))
            .OrderByDescending(c => c.Definition.Version)
            .ThenByDescending(c => c.Configured)
            .ToList();
        if (candidates.Count == 0)
        {
            return UnknownWorkflow(s, builtIns, configured);
        }

        var (definition, source, _) = candidates[0];
        string locale = s.IsChinese ? "zh-CN" : "en";
        switch (s.FormatName)
        {
            case "mermaid":
                // Written as is: the console would wrap long lines, which breaks the diagram.
                console.Profile.Out.Writer.Write(WorkflowDiagram.ToMermaidFlowchart(definition, locale));
                break;
            case "timeline":
                console.Profile.Out.Writer.Write(WorkflowDiagram.ToMermaidTimeline(definition, locale));
                break;
            default:
                PrintText(s, definition, source, candidates.Skip(1).Select(c => (c.Definition.Version, c.Source)), workflowOptions, catalog);
                break;
        }

        return RetentionApp.Ok;
    }

    /// <summary>A warning: on the console with the text, on standard error with a diagram (whose output must stay pure Mermaid).</summary>
    private void Warn(Settings s, string text)
    {
        if (s.FormatName == "text")
        {
            console.MarkupLine("[yellow]" + Markup.Escape(text) + "[/]");
        }
        else
        {
            errors.Writer.WriteLine(text);
        }
    }

    private void PrintText(Settings s, WorkflowDefinition definition, string source, IEnumerable<(int Version, string Source)> others, WorkflowOptions options, ScriptCatalog catalog)
    {
        console.Write(new WorkflowText(s.IsChinese, options).Render(definition, source));

        var hidden = others.ToList();
        var missing = definition.MissingScripts(catalog.Ids);
        if (hidden.Count > 0 || missing.Count > 0)
        {
            console.WriteLine();
        }

        foreach (var (version, from) in hidden)
        {
            console.MarkupLine(Markup.Escape(s.T(
                $"另有 v{version}（{from}），已被上面的版本取代",
                $"also v{version.ToString(CultureInfo.InvariantCulture)} ({from}), superseded by the one above")));
        }

        foreach (string problem in missing)
        {
            console.MarkupLine("[yellow]" + Markup.Escape(s.T($"警告：{problem}", $"warning: {problem}")) + "[/]");
        }
    }

    private int SettingsFailed(Settings s, SettingsCheck check)
    {
        console.MarkupLine("[red]" + Markup.Escape(s.T(
            $"{s.SettingsPath} 有 {check.Problems.Count} 个问题，无法按其选项生成流程（详见 retention validate {s.SettingsPath}）：",
            $"{s.SettingsPath} has {check.Problems.Count} {(check.Problems.Count == 1 ? "problem" : "problems")}, so no workflow is built from its options (see retention validate {s.SettingsPath}):")) + "[/]");
        foreach (var p in check.Problems)
        {
            console.MarkupLine("  " + Markup.Escape(p.ToString()));
        }

        return RetentionApp.Failed;
    }

    private int UnknownWorkflow(Settings s, IReadOnlyList<WorkflowDefinition> builtIns, List<ConfiguredWorkflow> configured)
    {
        console.MarkupLine("[red]error:[/] " + Markup.Escape(s.T($"没有 id 为 '{s.WorkflowId}' 的流程。", $"there is no workflow '{s.WorkflowId}'.")));
        var known = configured.Select(c => (c.Definition, Source: (string?)c.Source))
            .Concat(builtIns.Select(d => (Definition: d, Source: (string?)null)))
            .GroupBy(c => c.Definition.Id, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(c => c.Definition.Version).First())
            .ToList();
        string? close = known.Select(k => k.Definition.Id).FirstOrDefault(id => string.Equals(id, s.WorkflowId, StringComparison.OrdinalIgnoreCase))
            ?? known.Select(k => k.Definition.Id).FirstOrDefault(id => id.Contains(s.WorkflowId, StringComparison.OrdinalIgnoreCase) || s.WorkflowId.Contains(id, StringComparison.OrdinalIgnoreCase));
        if (close is not null)
        {
            console.MarkupLine(Markup.Escape(s.T($"是否要找 {close}？", $"did you mean {close}?")));
        }

        console.MarkupLine(Markup.Escape(s.T("已知的流程：", "known workflows:")));
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(2));
        grid.AddColumn(new GridColumn().NoWrap().PadRight(2));
        grid.AddColumn(new GridColumn());
        foreach (var (definition, source) in known)
        {
            string title = definition.Title.Get(s.IsChinese ? "zh-CN" : "en");
            grid.AddRow(
                new Text(definition.Id),
                new Text("v" + definition.Version.ToString(CultureInfo.InvariantCulture)),
                new Text(source is null ? title : s.T($"{title}（{source}）", $"{title} ({source})")));
        }

        console.Write(new Padder(grid, new Padding(2, 0, 0, 0)));
        return RetentionApp.Usage;
    }

    /// <summary>Two configured definitions with the same id and version must be the same definition.</summary>
    private static void CheckDuplicates(List<ConfiguredWorkflow> configured)
    {
        foreach (var group in configured.GroupBy(c => (c.Definition.Id, c.Definition.Version)))
        {
            var first = group.First();
            if (group.Skip(1).FirstOrDefault(c => !c.Definition.Equals(first.Definition)) is { } other)
            {
                throw new ToolUsageException(
                    $"workflow '{group.Key.Id}' v{group.Key.Version.ToString(CultureInfo.InvariantCulture)} is defined differently in {first.Source} and {other.Source}; publish the change as a new version");
            }
        }
    }
}
