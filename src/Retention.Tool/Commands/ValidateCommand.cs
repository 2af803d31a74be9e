using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Threading;
using Retention.Tool.Settings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retention.Tool.Commands;

/// <summary>
/// <c>retention validate &lt;appsettings.json&gt;</c>: binds every package's options from the file as a host does, runs
/// their validators, builds what a host builds at start-up (the built-in workflows from the Scoring and Nps options, the
/// trigger rules, the script catalog) and lists every problem by its configuration path. Exit codes: 0 sound; 1 a
/// problem, or the root section is missing or configures no package (everything would silently be defaults, which is
/// almost always a wrong <c>--section</c> or a misspelt root key); 2 the file is missing or not JSON.
/// </summary>
internal sealed class ValidateCommand(IAnsiConsole console) : Command<ValidateCommand.Settings>
{
    /// <summary>The command's arguments and options.</summary>
    public sealed class Settings : ToolSettings
    {
        /// <summary>The appsettings.json to check.</summary>
        [CommandArgument(0, "<SETTINGS>")]
        [Description("The appsettings.json (or appsettings.Production.json, ...) to check.")]
        public string SettingsPath { get; init; } = string.Empty;

        /// <summary>The root section the packages' sections are under.</summary>
        [CommandOption("--section <SECTION>")]
        [Description("The root configuration section the packages' sections are under (default Retention; nested sections as A:B).")]
        [DefaultValue("Retention")]
        public string Section { get; init; } = "Retention";

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            var result = base.Validate();
            if (!result.Successful)
            {
                return result;
            }

            return string.IsNullOrWhiteSpace(SettingsPath)
                ? ValidationResult.Error("give the settings file: retention validate <appsettings.json>")
                : ValidationResult.Success();
        }
    }

    /// <summary>The package sections a root section may hold, in the order they are reported.</summary>
    private static readonly string[] PackageSections = ["Scoring", "Nps", "Contact", "Scripts", "Workflows"];

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var s = settings;

        // A missing or unreadable file is a ToolUsageException: exit 2.
        var file = SettingsFile.Load(s.SettingsPath, s.Section);
        console.MarkupLine(Markup.Escape(s.T(
            $"检查 {s.SettingsPath}（配置节 {file.Section}）",
            $"Validating {s.SettingsPath} (section {file.Section})")));
        console.WriteLine();

        var found = PackageSections.Where(p => file.SectionsFound.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();
        if (found.Count == 0 && file.Problems.Count == 0)
        {
            return NothingConfigured(s, file);
        }

        var check = SettingsCheck.Run(file, s.T);
        Print(s.T($"问题（{check.Problems.Count}）", $"Problems ({check.Problems.Count})"), "red", check.Problems);
        Print(s.T($"警告（{check.Warnings.Count}，不影响结果）", $"Warnings ({check.Warnings.Count}, they do not fail the check)"), "yellow", check.Warnings);
        PrintBuilt(s, check);

        var unknown = file.SectionsFound.Where(k => !PackageSections.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        var defaults = PackageSections.Except(found, StringComparer.OrdinalIgnoreCase).ToList();
        string sections = s.T(
            $"已配置：{List(found, "无")}；使用默认值：{List(defaults, "无")}" + (unknown.Count > 0 ? $"；未知配置节：{string.Join(", ", unknown)}" : string.Empty),
            $"configured: {List(found, "none")}; defaults: {List(defaults, "none")}" + (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}" : string.Empty));
        string counts = s.T(
            $"{check.Problems.Count} 个问题，{check.Warnings.Count} 个警告",
            $"{Count(check.Problems.Count, "problem")}, {Count(check.Warnings.Count, "warning")}");
        if (check.IsValid)
        {
            console.MarkupLine("[green]" + Markup.Escape(s.T(
                $"通过：{s.SettingsPath} 的选项有效（配置节 {file.Section}；{sections}；{counts}）",
                $"passed: {s.SettingsPath} is sound (section {file.Section}; {sections}; {counts})")) + "[/]");
            return RetentionApp.Ok;
        }

        console.MarkupLine("[red]" + Markup.Escape(s.T(
            $"失败：{s.SettingsPath} 有 {counts}，宿主程序启动时会拒绝这些选项（配置节 {file.Section}；{sections}）",
            $"failed: {s.SettingsPath} has {counts}; a host would refuse these options at start-up (section {file.Section}; {sections})")) + "[/]");
        return RetentionApp.Failed;
    }

    /// <summary>The root section is missing or holds no package section: every option would be a default.</summary>
    private int NothingConfigured(Settings s, SettingsFile file)
    {
        string what = file.SectionFound
            ? s.T($"{s.SettingsPath} 的 {file.Section} 配置节不含任何包的配置节（{string.Join(", ", PackageSections)}）",
                $"{s.SettingsPath} has a {file.Section} section, but it holds none of the package sections ({string.Join(", ", PackageSections)})")
            : s.T($"{s.SettingsPath} 中没有 {file.Section} 配置节", $"{s.SettingsPath} has no {file.Section} section");
        console.MarkupLine("[red]" + Markup.Escape(s.T(
            $"失败：{what}，所有选项都将是各包的默认值。这几乎总是 --section 写错或根键拼写错误（若确实要全部使用默认值，就没有需要检查的配置）。",
            $"failed: {what}, so every option would be the packages' default. That is almost always a wrong --section or a misspelt root key (if every default is really meant, there is nothing to validate).")) + "[/]");
        if (file.CandidateSections.Count > 0)
        {
            console.MarkupLine(Markup.Escape(s.T(
                $"文件中含有包配置节的配置节：{string.Join(", ", file.CandidateSections)}（试试 --section {file.CandidateSections[0]}）",
                $"sections of the file that hold package sections: {string.Join(", ", file.CandidateSections)} (try --section {file.CandidateSections[0]})")));
        }
        else
        {
            console.MarkupLine(Markup.Escape(s.T(
                $"文件的顶层配置节：{List(file.TopLevelSections, "无")}",
                $"the file's top-level sections: {List(file.TopLevelSections, "none")}")));
        }

        return RetentionApp.Failed;
    }

    /// <summary>One block per entry: the configuration path, then the reason indented (wrapped lines keep the indent).</summary>
    private void Print(string title, string colour, IReadOnlyList<OptionsProblem> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        console.MarkupLine($"[{colour}]{Markup.Escape(title)}[/]");
        foreach (var entry in entries)
        {
            console.Write(new Padder(new Text(entry.Path), new Padding(2, 0, 0, 0)));
            console.Write(new Padder(new Text(entry.Message), new Padding(6, 0, 0, 0)));
        }

        console.WriteLine();
    }

    private void PrintBuilt(Settings s, SettingsCheck check)
    {
        var lines = new List<string>();
        if (check.Workflows is { } workflows)
        {
            lines.Add(s.T(
                $"由 Scoring 和 Nps 选项生成了 {workflows.Length} 个内置流程（retention explain <id> --settings 可查看）",
                $"built {workflows.Length} built-in workflows from the Scoring and Nps options (see them with retention explain <id> --settings)"));
        }
        else if (!check.Problems.Any(p => p.Path.Equals($"{check.File.Section}:Workflows", StringComparison.Ordinal)))
        {
            lines.Add(s.T("未生成内置流程：请先修正 Scoring / Nps 的问题", "built-in workflows not built: fix the Scoring / Nps problems first"));
        }

        if (check.TriggerRules is int rules)
        {
            lines.Add(s.T($"生成了 {rules} 条触发规则", $"built {Count(rules, "trigger rule")}"));
        }

        foreach (string line in lines)
        {
            console.WriteLine(line);
        }

        if (lines.Count > 0)
        {
            console.WriteLine();
        }
    }

    private static string List(IReadOnlyCollection<string> items, string none) => items.Count == 0 ? none : string.Join(", ", items);

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
