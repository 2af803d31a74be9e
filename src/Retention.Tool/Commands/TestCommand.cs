using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using NodaTime;
using NodaTime.Text;
using Retention.Tool.Cases;
using Retention.Tool.Settings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retention.Tool.Commands;

/// <summary>
/// <c>retention test &lt;appsettings.json&gt; &lt;cases.csv&gt;</c>: golden customer cases (signals in, expected score, tier,
/// stage, value tier, CLV, decision, rule and budget out) evaluated with the settings file's options. Exit codes: 0 every
/// case passed; 1 a case failed, a row could not be run, or the settings file has problems (then no case is run);
/// 2 a file is missing or unreadable, the cases header lacks a required column, or no as-of date is given.
/// </summary>
internal sealed class TestCommand(IAnsiConsole console) : Command<TestCommand.Settings>
{
    /// <summary>The command's arguments and options.</summary>
    public sealed class Settings : ToolSettings
    {
        /// <summary>The appsettings.json under test.</summary>
        [CommandArgument(0, "<SETTINGS>")]
        [Description("The appsettings.json whose Retention options the cases are evaluated with.")]
        public string SettingsPath { get; init; } = string.Empty;

        /// <summary>The golden cases file.</summary>
        [CommandArgument(1, "<CASES>")]
        [Description("The golden cases: the customer CSV schema plus expected_* columns (and optional case, description, as_of, value_score).")]
        public string CasesPath { get; init; } = string.Empty;

        /// <summary>The root section the packages' sections are under.</summary>
        [CommandOption("--section <SECTION>")]
        [Description("The configuration section the packages' sections (Scoring, Nps, ...) are under, for example Retention or MyApp:Retention.")]
        [DefaultValue("Retention")]
        public string Section { get; init; } = "Retention";

        /// <summary>The as-of date of rows without an <c>as_of</c> cell.</summary>
        [CommandOption("--as-of <DATE>")]
        [Description("The date (yyyy-MM-dd) to evaluate rows with an empty or no as_of column. Required when the file has no as_of column.")]
        public string? AsOf { get; init; }

        /// <summary>Where to write a JUnit XML report.</summary>
        [CommandOption("--junit <FILE>")]
        [Description("Also write a JUnit XML report (one testcase per case; failures and bad rows) for the CI system.")]
        public string? JUnit { get; init; }

        /// <summary>The parsed <see cref="AsOf"/>; <see langword="null"/> when not given.</summary>
        public LocalDate? AsOfDate => ParseAsOf(AsOf);

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            var result = base.Validate();
            if (!result.Successful)
            {
                return result;
            }

            if (string.IsNullOrWhiteSpace(SettingsPath) || string.IsNullOrWhiteSpace(CasesPath))
            {
                return ValidationResult.Error("give the settings file and the cases file: retention test <appsettings.json> <cases.csv>");
            }

            if (AsOfProblem(AsOf) is { } asOfProblem)
            {
                return asOfProblem;
            }

            return JUnit is not null && string.IsNullOrWhiteSpace(JUnit)
                ? ValidationResult.Error("--junit needs a file name.")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        long started = Stopwatch.GetTimestamp();

        // Files and header first: a missing file or a bad header is exit 2 whatever the options say.
        var options = SettingsFile.Load(settings.SettingsPath, settings.Section);
        using var file = CaseFile.Open(settings.CasesPath, settings.AsOfDate);
        string className = Path.GetFileNameWithoutExtension(settings.CasesPath);

        PrintHeader(settings, options, file);
        if (!options.IsValid)
        {
            return SettingsFailed(settings, options, started);
        }

        var check = new CaseCheck(options.Scoring);
        var failed = new List<CaseResult>();
        var bad = new List<BadCase>();
        var junit = settings.JUnit is null ? null : new List<JUnitCase>();
        int run = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long caseStarted = Stopwatch.GetTimestamp();
            if (!file.Read(out var golden, out var badCase))
            {
                break;
            }

            if (badCase is not null)
            {
                bad.Add(badCase);
                junit?.Add(new JUnitCase(badCase.Name, className, badCase.Problem.Line, Elapsed(caseStarted), JUnitOutcome.Error,
                    BadRowText(badCase.Problem, settings), "BadRow", BadRowText(badCase.Problem, settings)));
                continue;
            }

            var result = check.Run(golden!);
            run++;
            if (!result.Passed)
            {
                failed.Add(result);
            }

            junit?.Add(result.Passed
                ? new JUnitCase(golden!.Name, className, golden.Line, Elapsed(caseStarted), JUnitOutcome.Passed, string.Empty, string.Empty, string.Empty)
                : new JUnitCase(golden!.Name, className, golden.Line, Elapsed(caseStarted), JUnitOutcome.Failed,
                    string.Join("; ", result.Mismatches.Select(m => Mismatch(m, settings))), "ExpectationFailed", FailureText(result, check, settings)));
        }

        if (run == 0 && bad.Count == 0)
        {
            throw new ToolUsageException($"{settings.CasesPath} has no cases (only the header row)");
        }

        PrintFailures(failed, check, settings);
        PrintBadRows(bad, settings);
        PrintSummary(run, failed.Count, bad.Count, settings);
        if (junit is not null)
        {
            JUnitReport.Write(settings.JUnit!, new JUnitSuite(className, settings.CasesPath, Properties(settings, options, file), junit, Elapsed(started)));
            console.MarkupLine(Markup.Escape(settings.T($"JUnit 报告：{settings.JUnit}", $"JUnit report: {settings.JUnit}")));
        }

        return failed.Count == 0 && bad.Count == 0 ? RetentionApp.Ok : RetentionApp.Failed;
    }

    private void PrintHeader(Settings s, SettingsFile options, CaseFile file)
    {
        string asOf = (file.HasAsOfColumn, s.AsOf) switch
        {
            (true, null) => s.T("as_of 列", "the as_of column"),
            (true, _) => s.T($"as_of 列（为空时用 --as-of {s.AsOf}）", $"the as_of column (--as-of {s.AsOf} where empty)"),
            _ => $"--as-of {s.AsOf}",
        };
        console.MarkupLine(Markup.Escape(s.T(
            $"用 {s.SettingsPath}（配置节 {options.Section}）的选项检查 {s.CasesPath}，日期取自 {asOf}",
            $"Checking {s.CasesPath} against {s.SettingsPath} (section {options.Section}), as of {asOf}")));
        console.MarkupLine(Markup.Escape(s.T($"检查项：{string.Join(", ", file.ExpectationColumns)}", $"checks: {string.Join(", ", file.ExpectationColumns)}")));
        if (file.IgnoredColumns.Count > 0)
        {
            console.MarkupLine(Markup.Escape(s.T(
                $"忽略的列（不属于用例格式）：{string.Join(", ", file.IgnoredColumns)}",
                $"ignored columns (not part of the cases format): {string.Join(", ", file.IgnoredColumns)}")));
        }

        if (!options.SectionFound)
        {
            console.MarkupLine("[yellow]" + Markup.Escape(s.T(
                $"注意：{s.SettingsPath} 中没有 {options.Section} 配置节，用例按各包的默认选项运行（配置节名称是否正确？见 --section）",
                $"warning: {s.SettingsPath} has no {options.Section} section, so the cases run with the packages' defaults (is the section right? see --section)")) + "[/]");
        }

        console.WriteLine();
    }

    private int SettingsFailed(Settings s, SettingsFile options, long started)
    {
        console.MarkupLine("[red]" + Markup.Escape(s.T(
            $"{s.SettingsPath} 有 {options.Problems.Count} 个问题，未运行任何用例（宿主程序启动时同样会拒绝这些选项）：",
            $"{s.SettingsPath} has {options.Problems.Count} {(options.Problems.Count == 1 ? "problem" : "problems")}; no case was run (a host would refuse these options at start-up too):")) + "[/]");
        foreach (var p in options.Problems)
        {
            console.MarkupLine("  " + Markup.Escape(p.ToString()));
        }

        if (s.JUnit is not null)
        {
            string message = s.T($"{s.SettingsPath} 的选项无效（{options.Problems.Count} 个问题）", $"{s.SettingsPath} has invalid options ({options.Problems.Count} {(options.Problems.Count == 1 ? "problem" : "problems")})");
            var test = new JUnitCase(s.T("选项有效", "options are valid"), "settings", 0, Elapsed(started), JUnitOutcome.Failed, message, "InvalidOptions",
                string.Join("\n", options.Problems.Select(p => p.ToString())));
            JUnitReport.Write(s.JUnit, new JUnitSuite(Path.GetFileName(s.SettingsPath), s.SettingsPath, [new("section", options.Section)], [test], Elapsed(started)));
            console.MarkupLine(Markup.Escape(s.T($"JUnit 报告：{s.JUnit}", $"JUnit report: {s.JUnit}")));
        }

        return RetentionApp.Failed;
    }

    private void PrintFailures(List<CaseResult> failed, CaseCheck check, Settings s)
    {
        if (failed.Count == 0)
        {
            return;
        }

        // One row per expectation that did not hold; the "why" of each case follows the table as plain lines, which stay
        // readable in an 80-column CI log where a sixth table column would be squeezed letter by letter.
        console.MarkupLine("[red]" + Markup.Escape(s.T($"失败的用例（{failed.Count}）", $"Failed cases ({failed.Count})")) + "[/]");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(s.T("行号", "line"), c => c.RightAligned().NoWrap());
        table.AddColumn(s.T("用例", "case"));
        table.AddColumn(s.T("期望项", "expectation"), c => c.NoWrap());
        table.AddColumn(s.T("期望", "expected"), c => c.NoWrap());
        table.AddColumn(s.T("实际", "actual"), c => c.NoWrap());
        foreach (var r in failed)
        {
            for (int i = 0; i < r.Mismatches.Count; i++)
            {
                var m = r.Mismatches[i];
                table.AddRow(
                    new Text(i == 0 ? r.Case.Line.ToString(CultureInfo.InvariantCulture) : string.Empty),
                    new Text(i == 0 ? Label(r.Case) : string.Empty),
                    new Text(m.Column),
                    new Text(m.Expected),
                    new Text(m.Actual));
            }
        }

        console.Write(table);
        console.WriteLine();
        console.MarkupLine(Markup.Escape(s.T("原因（各项得分、阈值和挽回决策）", "Why (each term's points, the thresholds and the recovery decision)")));
        foreach (var r in failed)
        {
            string description = r.Case.Description.Length > 0 ? s.T("：", ": ") + r.Case.Description : string.Empty;
            console.MarkupLine(Markup.Escape(s.T($"  第 {r.Case.Line} 行  {Label(r.Case)}{description}", $"  line {r.Case.Line}  {Label(r.Case)}{description}")));
            foreach (string line in check.Why(r, s.IsChinese))
            {
                console.MarkupLine("    " + Markup.Escape(line));
            }
        }

        console.WriteLine();
    }

    private static string Label(GoldenCase c) =>
        string.Equals(c.Name, c.CustomerId, StringComparison.Ordinal) ? c.Name : $"{c.Name} ({c.CustomerId})";

    private void PrintBadRows(List<BadCase> bad, Settings s)
    {
        if (bad.Count == 0)
        {
            return;
        }

        console.MarkupLine("[red]" + Markup.Escape(s.T(
            $"无法运行的行（{bad.Count}，计为失败：黄金用例文件不能悄悄丢失用例）",
            $"Bad rows ({bad.Count}, not run and counted as failures: a golden file must not silently lose cases)")) + "[/]");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(s.T("行号", "line"), c => c.RightAligned());
        table.AddColumn(s.T("用例", "case"));
        table.AddColumn(s.T("列", "column"));
        table.AddColumn(s.T("问题", "problem"));
        foreach (var b in bad)
        {
            table.AddRow(
                new Text(b.Problem.Line.ToString(CultureInfo.InvariantCulture)),
                new Text(b.Name),
                new Text(b.Problem.Column),
                new Text(b.Problem.Message));
        }

        console.Write(table);
        console.WriteLine();
    }

    private void PrintSummary(int run, int failed, int bad, Settings s)
    {
        int passed = run - failed;
        console.MarkupLine(Markup.Escape(s.T(
            $"运行用例 {run} 个：通过 {passed} 个，失败 {failed} 个；无法运行的行 {bad} 行",
            $"{run} {(run == 1 ? "case" : "cases")} run: {passed} passed, {failed} failed; {bad} bad {(bad == 1 ? "row" : "rows")} not run")));
        if (failed == 0 && bad == 0)
        {
            console.MarkupLine("[green]" + Markup.Escape(s.T("通过：全部用例符合期望", "passed: every case holds")) + "[/]");
        }
        else
        {
            console.MarkupLine("[red]" + Markup.Escape(s.T(
                $"失败：{failed} 个用例不符合期望，{bad} 行无法运行",
                $"failed: {failed} failing {(failed == 1 ? "case" : "cases")}, {bad} bad {(bad == 1 ? "row" : "rows")}")) + "[/]");
        }
    }

    private static string Mismatch(CaseMismatch m, Settings s) =>
        s.T($"{m.Column}：期望 {m.Expected}，实际 {m.Actual}", m.ToString());

    private static string FailureText(CaseResult r, CaseCheck check, Settings s)
    {
        var lines = new List<string>();
        if (r.Case.Description.Length > 0)
        {
            lines.Add(r.Case.Description);
        }

        lines.Add(s.T($"第 {r.Case.Line} 行，客户 {r.Case.CustomerId}", $"line {r.Case.Line}, customer {r.Case.CustomerId}"));
        lines.AddRange(r.Mismatches.Select(m => Mismatch(m, s)));
        lines.AddRange(check.Why(r, s.IsChinese));
        return string.Join("\n", lines);
    }

    private static string BadRowText(Customers.RowProblem p, Settings s)
    {
        string column = p.Column.Length > 0 ? " " + p.Column : string.Empty;
        return s.T($"第 {p.Line} 行{column}：{p.Message}", $"line {p.Line}{column}: {p.Message}");
    }

    private static List<KeyValuePair<string, string>> Properties(Settings s, SettingsFile options, CaseFile file) =>
    [
        new("settings", s.SettingsPath),
        new("section", options.Section),
        new("cases", s.CasesPath),
        new("as-of", (file.HasAsOfColumn ? "as_of column" : string.Empty) + (s.AsOf is null ? string.Empty : (file.HasAsOfColumn ? "; " : string.Empty) + "--as-of " + s.AsOf)),
        new("locale", s.IsChinese ? "zh-CN" : "en"),
    ];

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalSeconds;
}
