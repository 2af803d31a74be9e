using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using NodaTime;
using NodaTime.Text;
using Retention.Contact;
using Retention.Scoring;
using Retention.Tool.Customers;
using Retention.Tool.Scoring;
using Retention.Tool.Settings;
using Retention.Workflows;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Retention.Tool.Commands;

/// <summary>
/// <c>retention score &lt;customers.csv&gt;</c>: scores every customer of a file with the DealerDay sample's schema and
/// writes one CSV row per scored customer (risk score, tier, stage, value tier, CLV, recovery cap, value score, decision,
/// rule, owner, budget, reason), streaming.
/// </summary>
/// <remarks>
/// <para>
/// The value score is the percentile of the customer's CLV among all scored customers of the file, so the file is read
/// twice: pass 1 keeps only the CLVs (16 bytes per customer, see <see cref="CustomerFileScorer"/>), pass 2 scores and
/// writes. Nothing else grows with the file: rows are read and written one at a time, and only the first
/// <see cref="ScoreTally.ListedLimit"/> skipped rows are kept for the summary. Duplicate customer ids are therefore not
/// detected (that would need every id in memory): each row is scored on its own.
/// </para>
/// <para>
/// Output: with <c>-o</c>, the CSV goes to the file (written to a temporary file next to it, which replaces it at the
/// end, so a failed run leaves no half file) and the progress, skipped rows and summary go to the console. Without
/// <c>-o</c> (or with <c>-o -</c>) the CSV goes to standard output and everything else to standard error, so standard
/// output stays pure CSV. The progress bar is only shown on an interactive terminal.
/// </para>
/// <para>
/// Exit codes: 0 every row was scored; 1 some rows were skipped (they are reported by line number; the others are
/// scored and written) or the settings file is invalid (nothing is written); 2 the tool could not run (missing or
/// unreadable input, a header without a required column, a bad argument, an output that cannot be written).
/// </para>
/// </remarks>
internal sealed class ScoreCommand(IAnsiConsole console, IClock clock, ErrorOutput errors) : Command<ScoreCommand.Settings>
{
    /// <summary>The command's arguments and options.</summary>
    public sealed class Settings : ToolSettings
    {
        /// <summary>The customer file.</summary>
        [CommandArgument(0, "<customers.csv>")]
        [Description("The customer file, in the DealerDay sample's schema (header row, columns by name, UTF-8). It is read twice, so it must be a file, not a pipe.")]
        public string Input { get; init; } = string.Empty;

        /// <summary>The output file, or <see langword="null"/> / <c>-</c> for standard output.</summary>
        [CommandOption("-o|--output <FILE>")]
        [Description("Write the scores to this CSV file (replaced only when the run completes). Omitted or '-': the CSV goes to standard output and the summary to standard error.")]
        public string? Output { get; init; }

        /// <summary>The settings file, or <see langword="null"/> for the packages' defaults.</summary>
        [CommandOption("--settings <FILE>")]
        [Description("An appsettings.json with the packages' options (Scoring, Contact, Workflows...). Invalid options: they are printed, nothing is scored, exit code 1. Default: the packages' defaults.")]
        public string? SettingsPath { get; init; }

        /// <summary>The root section of the settings file, or <see langword="null"/> for <c>Retention</c>.</summary>
        [CommandOption("--section <NAME>")]
        [Description("The settings file's root section. Default: Retention.")]
        public string? Section { get; init; }

        /// <summary>The date to score for, <c>yyyy-MM-dd</c>, or <see langword="null"/> for today in the store's time zone.</summary>
        [CommandOption("--as-of <DATE>")]
        [Description("The date to score for (yyyy-MM-dd), in the store's calendar. A last visit after it makes the row bad. Default: today in the store's time zone (Contact:StoreTimeZone or Workflows:StoreTimeZone, default Asia/Shanghai).")]
        public string? AsOf { get; init; }

        /// <summary>A CSV file for every skipped row, or <see langword="null"/>.</summary>
        [CommandOption("--rejects <FILE>")]
        [Description("Also write every skipped row (line, customer_id, column, problem) to this CSV file. The console lists the first 20.")]
        public string? Rejects { get; init; }

        /// <summary>The parsed <see cref="AsOf"/>, once validated.</summary>
        internal LocalDate? AsOfDate => ParseAsOf(AsOf);

        /// <summary>Whether the scores go to standard output.</summary>
        internal bool ToStandardOutput => Output is null || Output == "-";

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            var result = base.Validate();
            if (!result.Successful)
            {
                return result;
            }

            if (string.IsNullOrWhiteSpace(Input))
            {
                return ValidationResult.Error("<customers.csv> is required.");
            }

            if (Input == "-")
            {
                return ValidationResult.Error("<customers.csv> must be a file: it is read twice (the value score needs every customer's CLV first), so standard input is not supported.");
            }

            if (AsOfProblem(AsOf) is { } asOfProblem)
            {
                return asOfProblem;
            }

            if (Section is not null && SettingsPath is null)
            {
                return ValidationResult.Error("--section needs --settings (it names the settings file's root section).");
            }

            if (Rejects is "-" || string.IsNullOrWhiteSpace(Rejects) && Rejects is not null)
            {
                return ValidationResult.Error("--rejects needs a file name.");
            }

            return ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // With the CSV on standard output, everything else goes to standard error so that standard output stays CSV.
        TextWriter log = settings.ToStandardOutput ? errors.Writer : console.Profile.Out.Writer;
        try
        {
            return Run(settings, log, cancellationToken);
        }
        catch (ToolUsageException e) when (settings.ToStandardOutput)
        {
            log.WriteLine($"error: {e.Message}");
            return RetentionApp.Usage;
        }
        catch (OperationCanceledException)
        {
            log.WriteLine(settings.T("已取消：未写出任何结果。", "cancelled: no scores were written."));
            return RetentionApp.Usage;
        }
    }

    private int Run(Settings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        string input = Path.GetFullPath(settings.Input);
        string? output = settings.ToStandardOutput ? null : Path.GetFullPath(settings.Output!);
        string? rejects = settings.Rejects is null ? null : Path.GetFullPath(settings.Rejects);
        Distinct(settings, input, output, rejects);

        // 1. The file must be there with a usable header (exit 2), before anything is written.
        using var firstPass = CustomerCsvReader.Open(settings.Input);

        // 2. Options: the file's or the packages' defaults. Invalid options: say which and why, exit 1.
        var options = settings.SettingsPath is null ? SettingsFile.Defaults() : SettingsFile.Load(settings.SettingsPath, settings.Section ?? "Retention");
        if (settings.SettingsPath is not null && !options.SectionFound)
        {
            // A misspelt --section would otherwise score with the defaults without a word.
            log.WriteLine(settings.T(
                $"{settings.SettingsPath}：没有 {options.Section} 节，未评分（用 --section 指定文件的根节）。",
                $"{settings.SettingsPath}: there is no {options.Section} section, nothing was scored (name the file's root section with --section)."));
            return RetentionApp.Failed;
        }

        if (!options.IsValid)
        {
            log.WriteLine(settings.T($"{settings.SettingsPath}：选项无效，未评分：", $"{settings.SettingsPath}: the options are invalid, nothing was scored:"));
            foreach (var problem in options.Problems)
            {
                log.WriteLine($"  {problem}");
            }

            return RetentionApp.Failed;
        }

        // 3. The as-of date: given, or today in the store's time zone (the only place the tool reads the clock).
        LocalDate asOf;
        string asOfSource;
        if (settings.AsOfDate is LocalDate given)
        {
            asOf = given;
            asOfSource = "--as-of";
        }
        else
        {
            if (!TryStoreZone(options, out string zoneId, out string? conflict))
            {
                log.WriteLine(conflict);
                return RetentionApp.Failed;
            }

            asOf = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb[zoneId]).Date;
            asOfSource = settings.T($"{zoneId} 的今天", $"today in {zoneId}");
        }

        // 4. Score: pass 1 builds the CLV distribution, pass 2 writes the rows.
        var scorer = new CustomerFileScorer(options.Scoring, asOf, settings.Locale);
        using var outputFile = output is null ? null : PendingFile.Create(output, "--output");
        using var rejectsFile = rejects is null ? null : PendingFile.Create(rejects, "--rejects");
        using var standardOutput = output is null ? StandardOutput() : null;
        var sink = outputFile?.Sink ?? standardOutput!;

        ScoreTally tally;
        try
        {
            tally = WithProgress(settings, firstPass.Length, (pass1, pass2) =>
            {
                using var values = scorer.ReadValues(firstPass, pass1, cancellationToken);
                firstPass.Dispose();
                using var secondPass = CustomerCsvReader.Open(settings.Input);
                return scorer.Score(secondPass, values, sink, rejectsFile?.Sink, pass2, cancellationToken);
            });

            if (outputFile is null)
            {
                sink.Flush();
            }
            else
            {
                outputFile.Commit();
            }

            rejectsFile?.Commit();
        }
        catch (IOException e)
        {
            throw new ToolUsageException($"reading {settings.Input} or writing the scores failed: {e.Message}");
        }

        Report(settings, log, tally, input, output, rejects, asOf, asOfSource, watch.Elapsed);
        return tally.Skipped == 0 ? RetentionApp.Ok : RetentionApp.Failed;
    }

    /// <summary>Where the CSV goes without <c>-o</c>: the console's writer, or the process's standard output as UTF-8 (buffered) when the console is the terminal.</summary>
    private CsvSink StandardOutput()
    {
        var writer = console.Profile.Out.Writer;
        return IsProcessStandardOutput(writer)
            ? new CsvSink(new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), bufferSize: 1 << 16), ownsWriter: true)
            : new CsvSink(writer, ownsWriter: false);
    }

    private static bool IsProcessStandardOutput(TextWriter writer) => ReferenceEquals(writer, Console.Out);

    /// <summary>Runs both passes, under a progress bar (by bytes of the file) when a person is watching a terminal.</summary>
    private ScoreTally WithProgress(Settings settings, long length, Func<Action<CustomerCsvReader>?, Action<CustomerCsvReader>?, ScoreTally> passes)
    {
        var progressConsole = ProgressConsole(settings);
        if (progressConsole is null || length <= 0)
        {
            return passes(null, null);
        }

        ScoreTally? tally = null;
        progressConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var first = ctx.AddTask(settings.T("第 1/2 遍：客户价值分布", "pass 1/2: value distribution"), maxValue: length);
                var second = ctx.AddTask(settings.T("第 2/2 遍：评分并写出", "pass 2/2: scoring"), autoStart: false, maxValue: length);
                tally = passes(
                    reader => first.Value = Math.Min(reader.Position, length),
                    reader =>
                    {
                        if (!second.IsStarted)
                        {
                            first.Value = length;
                            second.StartTask();
                        }

                        second.Value = Math.Min(reader.Position, length);
                    });
                second.Value = length;
            });
        return tally!;
    }

    /// <summary>
    /// The console to draw the progress bar on, or <see langword="null"/> for none: only an interactive terminal gets
    /// one (never CI logs, redirected output or a test console). With the CSV on standard output, the bar goes to
    /// standard error, and only when standard output is redirected (otherwise it would draw over the CSV).
    /// </summary>
    private IAnsiConsole? ProgressConsole(Settings settings)
    {
        bool terminal = IsProcessStandardOutput(console.Profile.Out.Writer);
        if (!settings.ToStandardOutput)
        {
            var capabilities = console.Profile.Capabilities;
            return capabilities.Interactive && capabilities.Ansi && (!terminal || !Console.IsOutputRedirected) ? console : null;
        }

        if (!terminal || !Console.IsOutputRedirected || Console.IsErrorRedirected)
        {
            return null;
        }

        // Spectre judges "interactive" by standard output, which is redirected here; standard error was checked above.
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes });
        return error.Profile.Capabilities.Ansi ? error : null;
    }

    /// <summary>
    /// The store's time zone for "today": <c>Contact:StoreTimeZone</c> and <c>Workflows:StoreTimeZone</c> name the same
    /// store, so when only one is changed from the default it wins; when both are changed and disagree there is no
    /// right answer (pass <c>--as-of</c> or make them agree).
    /// </summary>
    private static bool TryStoreZone(SettingsFile options, out string zone, out string? conflict)
    {
        string contact = options.Contact.StoreTimeZone;
        string workflows = options.Workflows.StoreTimeZone;
        conflict = null;
        zone = contact;
        if (string.Equals(contact, workflows, StringComparison.Ordinal) || string.Equals(workflows, new WorkflowOptions().StoreTimeZone, StringComparison.Ordinal))
        {
            return true;
        }

        if (string.Equals(contact, new ContactOptions().StoreTimeZone, StringComparison.Ordinal))
        {
            zone = workflows;
            return true;
        }

        conflict = $"{options.Section}:Contact:StoreTimeZone ({contact}) and {options.Section}:Workflows:StoreTimeZone ({workflows}) disagree, so \"today\" is ambiguous: make them agree or pass --as-of.";
        return false;
    }

    /// <summary>The input, the output and the rejects file must be three different files (never overwrite the input).</summary>
    private static void Distinct(Settings settings, string input, string? output, string? rejects)
    {
        if (output is not null && string.Equals(input, output, StringComparison.OrdinalIgnoreCase))
        {
            throw new ToolUsageException($"--output {settings.Output} is the input file: write the scores to another file");
        }

        if (rejects is not null && string.Equals(input, rejects, StringComparison.OrdinalIgnoreCase))
        {
            throw new ToolUsageException($"--rejects {settings.Rejects} is the input file: write the rejects to another file");
        }

        if (rejects is not null && output is not null && string.Equals(output, rejects, StringComparison.OrdinalIgnoreCase))
        {
            throw new ToolUsageException($"--rejects and --output are the same file ({settings.Output})");
        }
    }

    private static void Report(
        Settings settings, TextWriter log, ScoreTally tally, string input, string? output, string? rejects, LocalDate asOf, string asOfSource, TimeSpan elapsed)
    {
        string T(string zhCn, string en) => settings.T(zhCn, en);

        // Skipped rows first, so the summary is the last thing on screen.
        if (tally.Skipped > 0)
        {
            log.WriteLine(T($"跳过 {tally.Skipped} 行（未评分）：", $"{tally.Skipped} {(tally.Skipped == 1 ? "row" : "rows")} skipped (not scored):"));
            foreach (var problem in tally.Listed)
            {
                log.WriteLine("  " + Describe(problem, settings.IsChinese));
            }

            int more = tally.Skipped - tally.Listed.Count;
            if (more > 0)
            {
                log.WriteLine(rejects is null
                    ? T($"  ……另有 {more} 行（用 --rejects <文件> 写出全部）", $"  ... and {more} more (write them all with --rejects <file>)")
                    : T($"  ……另有 {more} 行（全部见 {rejects}）", $"  ... and {more} more (all of them are in {rejects})"));
            }
        }

        // Chinese labels are two columns wide per character on a terminal.
        string Label(string zhCn, string en) => "  " + (settings.IsChinese ? zhCn + new string(' ', Math.Max(1, 10 - (2 * zhCn.Length))) : en.PadRight(14));
        log.WriteLine(T($"评分：{input}", $"scored {input}"));
        log.WriteLine($"{Label("评分日期", "as of")}{asOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} ({asOfSource})");
        log.WriteLine($"{Label("选项", "options")}{(settings.SettingsPath is null ? T("各包默认值", "the packages' defaults") : Path.GetFullPath(settings.SettingsPath) + " (" + (settings.Section ?? "Retention") + ")")}");
        log.WriteLine($"{Label("读取行数", "rows read")}{tally.Rows}");
        log.WriteLine($"{Label("已评分", "scored")}{tally.Scored}");
        log.WriteLine($"{Label("已跳过", "skipped")}{tally.Skipped}");
        log.WriteLine($"{Label("风险等级", "risk tier")}{Counts(Enum.GetValues<RiskTier>(), tally.Count, all: true)}");
        log.WriteLine($"{Label("流失阶段", "churn stage")}{Counts(Enum.GetValues<ChurnStage>(), tally.Count, all: true)}");
        log.WriteLine($"{Label("价值等级", "value tier")}{Counts(Enum.GetValues<ValueTier>(), tally.Count, all: true)}");
        log.WriteLine($"{Label("挽回决策", "decision")}{Counts(Enum.GetValues<RecoveryVerdict>(), tally.Count, all: false)}");
        log.WriteLine($"{Label("输出", "output")}{output ?? T("标准输出", "standard output")}");
        if (rejects is not null)
        {
            log.WriteLine($"{Label("跳过的行", "rejects")}{rejects}");
        }

        log.WriteLine($"{Label("用时", "time")}{elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
    }

    private static string Counts<T>(IEnumerable<T> values, Func<T, int> count, bool all)
        where T : struct, Enum
    {
        var parts = values.Where(v => all || count(v) > 0).Select(v => $"{v} {count(v).ToString(CultureInfo.InvariantCulture)}").ToList();
        return parts.Count == 0 ? "-" : string.Join(", ", parts);
    }

    private static string Describe(RowProblem problem, bool chinese)
    {
        if (!chinese)
        {
            return problem.ToString();
        }

        string id = problem.CustomerId.Length > 0 ? $"（{problem.CustomerId}）" : string.Empty;
        string column = problem.Column.Length > 0 ? " " + problem.Column : string.Empty;
        return $"第 {problem.Line} 行{id}{column}：{problem.Message}";
    }
}
