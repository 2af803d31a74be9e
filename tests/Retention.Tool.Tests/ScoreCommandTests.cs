using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Retention.Scoring;
using Retention.Tool.Customers;
using Retention.Tool.Scoring;
using Retention.Tool.Tests.Support;
using Xunit;

namespace Retention.Tool.Tests;

/// <summary>Fields made mostly of the characters RFC 4180 cares about.</summary>
public static class CsvFieldArbitraries
{
    public static Arbitrary<string[]> Fields() =>
        Arb.From(Gen.Elements(',', '"', '\r', '\n', 'a', ' ', '中', ';').ArrayOf().Select(cs => new string(cs)).ArrayOf().Where(fields => fields.Length > 0));
}

/// <summary>
/// <c>retention score</c> end to end: the DealerDay sample's bundled file and broken files, every row against the
/// library called directly, settings and --as-of, standard output mode, exit codes, and a large generated file.
/// </summary>
public class ScoreCommandTests
{
    private const string AsOf = "2026-11-23";
    private static readonly LocalDate AsOfDate = new(2026, 11, 23);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string Sample => Cli.Repo("samples", "Retention.Samples.DealerDay", "data", "customers.csv");

    private static string Data(string name) => Cli.Data("score", name);

    // ---- the sample's bundled file -------------------------------------------------------------------------------

    [Fact]
    public void The_sample_file_scores_every_good_row_and_reports_its_three_bad_lines_with_exit_code_1()
    {
        string output = Path.Combine(Cli.TempFolder(), "scores.csv");

        var run = Cli.Run("score", Sample, "-o", output, "--as-of", AsOf);

        Assert.Equal(1, run.ExitCode);
        var rows = ScoreCsv.Rows(File.ReadAllText(output));
        Assert.Equal(1203, SummaryNumber(run.Output, "rows read"));
        Assert.Equal(1200, SummaryNumber(run.Output, "scored"));
        Assert.Equal(3, SummaryNumber(run.Output, "skipped"));
        Assert.Equal(SummaryNumber(run.Output, "scored"), rows.Count);
        Assert.Contains("line 219 (C11201) satisfaction: satisfaction must be in [0, 10] (was 11)", run.Output, StringComparison.Ordinal);
        Assert.Contains("line 645 (C11202) last_visit: last visit 2026-12-05 is after the as-of date 2026-11-23", run.Output, StringComparison.Ordinal);
        Assert.Contains("line 1037 (C11203) cancellation_rate: '35%' is not a number", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r["line"] is "219" or "645" or "1037");
        Assert.Contains($"2026-11-23 (--as-of)", run.Output, StringComparison.Ordinal);
        Assert.Contains(output, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_row_of_the_sample_equals_the_library_called_directly()
    {
        string output = Path.Combine(Cli.TempFolder(), "scores.csv");

        var run = Cli.Run("score", Sample, "-o", output, "--as-of", AsOf);

        Assert.Equal(1, run.ExitCode);
        var rows = ScoreCsv.Rows(File.ReadAllText(output));
        var expected = Library.Of(Sample, new ScoringOptions(), AsOfDate);
        Assert.Equal(expected.Records.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            expected.AssertRow(expected.Records[i], rows[i], "en");
        }

        // Reasons hold commas: quoted, and read back whole by an RFC 4180 reader.
        Assert.Contains(rows, r => r["reason"].Contains(',', StringComparison.Ordinal));
        Assert.Equal(CustomerFileScorer.Columns, ScoreCsv.Parse(File.ReadAllText(output))[0]);
    }

    [Fact]
    public void The_summary_counts_per_tier_stage_and_decision_match_the_rows()
    {
        string output = Path.Combine(Cli.TempFolder(), "scores.csv");

        var run = Cli.Run("score", Sample, "-o", output, "--as-of", AsOf);

        var rows = ScoreCsv.Rows(File.ReadAllText(output));
        string Counts(string column, IEnumerable<string> names, bool all) =>
            string.Join(", ", names.Select(n => (n, c: rows.Count(r => r[column] == n))).Where(x => all || x.c > 0).Select(x => $"{x.n} {x.c}"));
        Assert.Contains("risk tier     " + Counts("risk_tier", Enum.GetNames<RiskTier>(), true), run.Output, StringComparison.Ordinal);
        Assert.Contains("churn stage   " + Counts("churn_stage", Enum.GetNames<ChurnStage>(), true), run.Output, StringComparison.Ordinal);
        Assert.Contains("value tier    " + Counts("value_tier", Enum.GetNames<ValueTier>(), true), run.Output, StringComparison.Ordinal);
        Assert.Contains("decision      " + Counts("decision", Enum.GetNames<RecoveryVerdict>(), false), run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void In_Chinese_the_reasons_and_the_summary_are_Chinese()
    {
        string output = Path.Combine(Cli.TempFolder(), "scores.csv");

        var run = Cli.Run("score", Data("clean.csv"), "-o", output, "--as-of", AsOf, "--locale", "zh-CN");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("已评分", run.Output, StringComparison.Ordinal);
        var rows = ScoreCsv.Rows(File.ReadAllText(output, Encoding.UTF8));
        var expected = Library.Of(Data("clean.csv"), new ScoringOptions(), AsOfDate);
        Assert.Equal(6, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            expected.AssertRow(expected.Records[i], rows[i], "zh-CN");
        }
    }

    // ---- broken files ----------------------------------------------------------------------------------------------

    [Fact]
    public void Every_bad_row_of_a_broken_file_is_reported_by_line_and_column_and_written_to_the_rejects_file()
    {
        string folder = Cli.TempFolder();
        string output = Path.Combine(folder, "scores.csv");
        string rejects = Path.Combine(folder, "rejects.csv");

        var run = Cli.Run("score", Data("broken.csv"), "-o", output, "--rejects", rejects, "--as-of", AsOf);

        Assert.Equal(1, run.ExitCode);
        var expectedBad = new (int Line, string Column)[]
        {
            (3, "last_visit"), (4, string.Empty), (5, string.Empty), (6, "satisfaction"), (9, "last_visit"), (10, "annual_spend"), (11, "customer_id"), (12, "churn_reason"),
        };
        foreach (var (line, column) in expectedBad)
        {
            Assert.Matches(new Regex($@"^  line {line}( \(B\d+\))?{(column.Length > 0 ? " " + column : string.Empty)}: ", RegexOptions.Multiline), run.Output);
        }

        Assert.DoesNotContain("line 8 ", run.Output, StringComparison.Ordinal); // the blank line is not a row
        Assert.Equal(11, SummaryNumber(run.Output, "rows read"));
        Assert.Equal(3, SummaryNumber(run.Output, "scored"));
        Assert.Equal(8, SummaryNumber(run.Output, "skipped"));

        var scored = ScoreCsv.Rows(File.ReadAllText(output));
        Assert.Equal(new[] { "B001:2", "B006:7", "B011:13" }, scored.Select(r => $"{r["customer_id"]}:{r["line"]}"));

        var rejected = ScoreCsv.Rows(File.ReadAllText(rejects));
        Assert.Equal(expectedBad.Select(b => $"{b.Line}:{b.Column}"), rejected.Select(r => $"{r["line"]}:{r["column"]}"));
        Assert.Contains(rejected, r => r["problem"].Contains("[0, 10]", StringComparison.Ordinal)); // a comma, quoted
    }

    [Fact]
    public void A_missing_input_file_exits_2()
    {
        string folder = Cli.TempFolder();

        var run = Cli.Run("score", Path.Combine(folder, "nope.csv"), "-o", Path.Combine(folder, "scores.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("file not found", run.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void A_header_without_a_required_column_exits_2_and_names_the_column()
    {
        string folder = Cli.TempFolder();

        var run = Cli.Run("score", Data("missing-column.csv"), "-o", Path.Combine(folder, "scores.csv"), "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("annual_spend", run.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Theory]
    [InlineData("--as-of", "2026-13-01")]
    [InlineData("--as-of", "23/11/2026")]
    [InlineData("--section", "Retention")]
    [InlineData("--locale", "fr")]
    public void A_bad_argument_exits_2(string option, string value)
    {
        var run = Cli.Run("score", Data("clean.csv"), "-o", Path.Combine(Cli.TempFolder(), "scores.csv"), option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_output_cannot_be_the_input_file()
    {
        string folder = Cli.TempFolder();
        string input = Path.Combine(folder, "customers.csv");
        File.Copy(Data("clean.csv"), input);
        byte[] before = File.ReadAllBytes(input);

        var run = Cli.Run("score", input, "-o", input, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is the input file", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public void An_output_folder_that_does_not_exist_exits_2()
    {
        var run = Cli.Run("score", Data("clean.csv"), "-o", Path.Combine(Cli.TempFolder(), "no-such-folder", "scores.csv"), "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_only_file_scores_nothing_and_exits_0()
    {
        string output = Path.Combine(Cli.TempFolder(), "scores.csv");

        var run = Cli.Run("score", Data("header-only.csv"), "-o", output, "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, SummaryNumber(run.Output, "rows read"));
        Assert.Equal(string.Join(",", CustomerFileScorer.Columns) + "\n", File.ReadAllText(output));
    }

    // ---- options ---------------------------------------------------------------------------------------------------

    [Fact]
    public void A_tier_threshold_moved_in_the_settings_changes_the_tiers()
    {
        string folder = Cli.TempFolder();
        string defaults = Path.Combine(folder, "defaults.csv");
        string moved = Path.Combine(folder, "moved.csv");

        Assert.Equal(1, Cli.Run("score", Sample, "-o", defaults, "--as-of", AsOf).ExitCode);
        var run = Cli.Run("score", Sample, "-o", moved, "--as-of", AsOf, "--settings", Data("yellow-from-30.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Data("yellow-from-30.json"), run.Output, StringComparison.Ordinal);
        var before = ScoreCsv.Rows(File.ReadAllText(defaults));
        var after = ScoreCsv.Rows(File.ReadAllText(moved));
        var options = new ScoringOptions();
        options.Tiers.YellowFrom = 30;
        var scorer = new RiskScorer(options);
        Assert.Equal(before.Count, after.Count);
        int changed = 0;
        for (int i = 0; i < after.Count; i++)
        {
            double score = double.Parse(after[i]["risk_score"], Invariant);
            Assert.Equal(before[i]["risk_score"], after[i]["risk_score"]);
            Assert.Equal(scorer.TierOf(score).ToString(), after[i]["risk_tier"]);
            if (score >= 30 && score < 60)
            {
                Assert.Equal("None", before[i]["risk_tier"]);
                Assert.Equal("Yellow", after[i]["risk_tier"]);
                changed++;
            }
        }

        Assert.True(changed > 0, "no customer scored between 30 and 60");

        // The whole decision follows the moved threshold too, as the library decides it with those options.
        var expected = Library.Of(Sample, options, AsOfDate);
        for (int i = 0; i < after.Count; i++)
        {
            expected.AssertRow(expected.Records[i], after[i], "en");
        }
    }

    [Fact]
    public void Section_names_the_settings_root_section()
    {
        string folder = Cli.TempFolder();
        string retention = Path.Combine(folder, "retention.csv");
        string store1 = Path.Combine(folder, "store1.csv");

        Cli.Run("score", Sample, "-o", retention, "--as-of", AsOf, "--settings", Data("yellow-from-30.json"));
        var run = Cli.Run("score", Sample, "-o", store1, "--as-of", AsOf, "--settings", Data("store1-yellow-from-30.json"), "--section", "Store1");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(File.ReadAllText(retention), File.ReadAllText(store1));
    }

    [Fact]
    public void A_settings_file_without_the_section_exits_1_rather_than_scoring_with_the_defaults()
    {
        string output = Path.Combine(Cli.TempFolder(), "scores.csv");

        var run = Cli.Run("score", Sample, "-o", output, "--as-of", AsOf, "--settings", Data("store1-yellow-from-30.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no Retention section", run.Output, StringComparison.Ordinal);
        Assert.Contains("--section", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Invalid_settings_are_printed_with_their_path_exit_1_and_leave_the_old_output_untouched()
    {
        string folder = Cli.TempFolder();
        string output = Path.Combine(folder, "scores.csv");
        File.WriteAllText(output, "old");

        var run = Cli.Run("score", Sample, "-o", output, "--as-of", AsOf, "--settings", Data("invalid-tiers.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Retention:Scoring:Tiers:OrangeFrom", run.Output, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(output));
        Assert.Equal(new[] { output }, Directory.GetFiles(folder));
    }

    [Fact]
    public void A_successful_run_replaces_an_existing_output_file()
    {
        string folder = Cli.TempFolder();
        string output = Path.Combine(folder, "scores.csv");
        File.WriteAllText(output, "old");

        var run = Cli.Run("score", Data("clean.csv"), "-o", output, "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(6, ScoreCsv.Rows(File.ReadAllText(output)).Count);
        Assert.Equal(new[] { output }, Directory.GetFiles(folder));
    }

    // ---- the as-of date --------------------------------------------------------------------------------------------

    [Fact]
    public void As_of_is_the_date_days_are_counted_to_and_a_later_one_accepts_the_visit_that_was_in_the_future()
    {
        string folder = Cli.TempFolder();
        string early = Path.Combine(folder, "early.csv");
        string late = Path.Combine(folder, "late.csv");

        Cli.Run("score", Sample, "-o", early, "--as-of", AsOf);
        var run = Cli.Run("score", Sample, "-o", late, "--as-of", "2026-12-31");

        Assert.Contains("2026-12-31 (--as-of)", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, SummaryNumber(run.Output, "skipped"));
        Assert.DoesNotContain("line 645", run.Output, StringComparison.Ordinal);
        var before = ScoreCsv.Rows(File.ReadAllText(early)).ToDictionary(r => r["line"]);
        var after = ScoreCsv.Rows(File.ReadAllText(late)).ToDictionary(r => r["line"]);
        Assert.Equal("C11202", after["645"]["customer_id"]);
        Assert.Equal("26", after["645"]["days_since_last_visit"]);
        Assert.All(before, b => Assert.Equal(int.Parse(b.Value["days_since_last_visit"], Invariant) + 38, int.Parse(after[b.Key]["days_since_last_visit"], Invariant)));
        var expected = Library.Of(Sample, new ScoringOptions(), new LocalDate(2026, 12, 31));
        Assert.Equal(expected.Records.Count, after.Count);
        foreach (var record in expected.Records)
        {
            expected.AssertRow(record, after[record.Line.ToString(Invariant)], "en");
        }
    }

    [Theory]
    [InlineData(null, "Asia/Shanghai")]
    [InlineData("zone-kiritimati.json", "Pacific/Kiritimati")] // Contact:StoreTimeZone, UTC+14
    [InlineData("zone-pago-pago.json", "Pacific/Pago_Pago")] // Workflows:StoreTimeZone, UTC-11: never the same date as Kiritimati
    public void Without_as_of_the_date_is_today_in_the_store_time_zone(string? settings, string zone)
    {
        string output = Path.Combine(Cli.TempFolder(), "scores.csv");
        string[] args = settings is null
            ? ["score", Data("clean.csv"), "-o", output]
            : ["score", Data("clean.csv"), "-o", output, "--settings", Data(settings)];

        var before = Today(zone);
        var run = Cli.Run(args);
        var after = Today(zone);

        Assert.Equal(0, run.ExitCode);
        var asOf = run.Output.Contains($"{before:uuuu-MM-dd} (today in {zone})", StringComparison.Ordinal) ? before : after;
        Assert.Contains($"{asOf:uuuu-MM-dd} (today in {zone})", run.Output, StringComparison.Ordinal);
        var first = ScoreCsv.Rows(File.ReadAllText(output))[0];
        Assert.Equal(Period.Between(new LocalDate(2026, 10, 20), asOf, PeriodUnits.Days).Days.ToString(Invariant), first["days_since_last_visit"]);
    }

    [Fact]
    public void Contact_and_Workflows_zones_that_disagree_need_as_of()
    {
        string output = Path.Combine(Cli.TempFolder(), "scores.csv");

        var without = Cli.Run("score", Data("clean.csv"), "-o", output, "--settings", Data("zone-conflict.json"));
        var with = Cli.Run("score", Data("clean.csv"), "-o", output, "--settings", Data("zone-conflict.json"), "--as-of", AsOf);

        Assert.Equal(1, without.ExitCode);
        Assert.Contains("disagree", without.Output, StringComparison.Ordinal);
        Assert.Equal(0, with.ExitCode);
    }

    // ---- standard output mode --------------------------------------------------------------------------------------

    [Fact]
    public void Without_output_the_console_gets_pure_csv()
    {
        var run = Cli.Run("score", Data("clean.csv"), "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
        var records = ScoreCsv.Parse(run.StandardOutput);
        Assert.Equal(CustomerFileScorer.Columns, records[0]);
        Assert.Equal(7, records.Count);
        Assert.All(records, r => Assert.Equal(CustomerFileScorer.Columns.Length, r.Length));
        var expected = Library.Of(Data("clean.csv"), new ScoringOptions(), AsOfDate);
        var rows = ScoreCsv.Rows(run.StandardOutput);
        for (int i = 0; i < rows.Count; i++)
        {
            expected.AssertRow(expected.Records[i], rows[i], "en");
        }

        Assert.Equal(6, SummaryNumber(run.Error, "scored"));
        Assert.Contains("standard output", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_a_process_without_output_stdout_is_pure_csv_and_the_report_is_on_stderr()
    {
        var run = await ToolProcess.RunAsync("score", Sample, "--as-of", AsOf);

        Assert.True(run.ExitCode == 1, run.ToString());
        var records = ScoreCsv.Parse(run.Output);
        Assert.Equal(CustomerFileScorer.Columns, records[0]);
        Assert.Equal(1201, records.Count);
        Assert.All(records, r => Assert.Equal(CustomerFileScorer.Columns.Length, r.Length));
        Assert.DoesNotContain("skipped", run.Output, StringComparison.Ordinal);
        Assert.Contains("line 219 (C11201) satisfaction", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 645 (C11202) last_visit", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 1037 (C11203) cancellation_rate", run.Error, StringComparison.Ordinal);
        Assert.Equal(1200, SummaryNumber(run.Error, "scored"));
        Assert.Contains("standard output", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_a_process_without_output_an_error_goes_to_stderr_and_stdout_stays_empty()
    {
        var run = await ToolProcess.RunAsync("score", Path.Combine(Cli.TempFolder(), "nope.csv"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains("file not found", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--as-of", "23/11/2026")]
    public async Task As_a_process_a_bad_argument_goes_to_stderr_and_stdout_stays_empty(params string[] extra)
    {
        var run = await ToolProcess.RunAsync(["score", Sample, .. extra]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains("error:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_a_process_with_output_the_report_is_on_stdout_without_a_progress_bar()
    {
        string output = Path.Combine(Cli.TempFolder(), "scores.csv");

        var run = await ToolProcess.RunAsync("score", Sample, "-o", output, "--as-of", AsOf);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(1200, SummaryNumber(run.Output, "scored"));
        Assert.DoesNotContain("pass 1/2", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }

    // ---- a large file ----------------------------------------------------------------------------------------------

    [Fact]
    public void A_200k_row_generated_file_scores_every_good_row_like_the_library()
    {
        const int Rows = 200_000;
        const int BadEvery = 5_000;
        string folder = Cli.TempFolder();
        string input = Path.Combine(folder, "customers.csv");
        string output = Path.Combine(folder, "scores.csv");
        string rejects = Path.Combine(folder, "rejects.csv");
        var badLines = Generate(input, Rows, BadEvery);

        var run = Cli.Run("score", input, "-o", output, "--rejects", rejects, "--as-of", AsOf);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(Rows, SummaryNumber(run.Output, "rows read"));
        Assert.Equal(Rows - badLines.Count, SummaryNumber(run.Output, "scored"));
        Assert.Equal(badLines.Count, SummaryNumber(run.Output, "skipped"));

        // The console lists the first 20 bad rows and counts the rest; the rejects file has them all.
        foreach (int line in badLines.Take(ScoreTally.ListedLimit))
        {
            Assert.Contains($"line {line} (", run.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain($"line {badLines[ScoreTally.ListedLimit]} (", run.Output, StringComparison.Ordinal);
        Assert.Contains($"... and {badLines.Count - ScoreTally.ListedLimit} more", run.Output, StringComparison.Ordinal);
        Assert.Equal(badLines.Select(l => l.ToString(Invariant)), ScoreCsv.Rows(File.ReadAllText(rejects)).Select(r => r["line"]));

        // Every good line once, in order; a sample of rows equal to the library's results.
        var expected = Library.Of(input, new ScoringOptions(), AsOfDate, keep: line => line % 997 == 0);
        var kept = expected.Records.ToDictionary(r => r.Line);
        var bad = badLines.ToHashSet();
        int previous = 1, count = 0, compared = 0;
        string[]? header = null;
        foreach (string text in File.ReadLines(output))
        {
            var record = Assert.Single(ScoreCsv.Parse(text + "\n"));
            if (header is null)
            {
                header = record;
                continue;
            }

            var row = header.Zip(record).ToDictionary(p => p.First, p => p.Second);
            int line = int.Parse(row["line"], Invariant);
            Assert.True(line > previous, $"line {line} after {previous}");
            Assert.DoesNotContain(line, bad);
            previous = line;
            count++;
            if (kept.TryGetValue(line, out var customer))
            {
                expected.AssertRow(customer, row, "en");
                compared++;
            }
        }

        Assert.Equal(Rows - badLines.Count, count);
        Assert.Equal(kept.Count, compared);
        Assert.True(compared > 100);
    }

    // ---- the CSV writer --------------------------------------------------------------------------------------------

    [Property(Arbitrary = [typeof(CsvFieldArbitraries)], MaxTest = 500)]
    public void Csv_fields_with_commas_quotes_and_line_breaks_read_back_unchanged(string[] fields)
    {
        var text = new StringWriter();
        using (var sink = new CsvSink(text, ownsWriter: false))
        {
            sink.Row(fields);
            sink.Row("next");
            sink.Flush();
        }

        var records = ScoreCsv.Parse(text.ToString());

        Assert.Equal(2, records.Count);
        Assert.Equal(fields, records[0]);
        Assert.Equal(new[] { "next" }, records[1]);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /// <summary>A number from the summary (<c>  scored        1200</c>).</summary>
    private static int SummaryNumber(string output, string label)
    {
        var match = Regex.Match(output, $@"^  {Regex.Escape(label)} +(\d+)\s*$", RegexOptions.Multiline);
        Assert.True(match.Success, $"no \"{label}\" in the summary:\n{output}");
        return int.Parse(match.Groups[1].Value, Invariant);
    }

    private static LocalDate Today(string zone) => SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb[zone]).Date;

    /// <summary>Writes a customer file of <paramref name="rows"/> varied rows; every <paramref name="badEvery"/>th has a satisfaction of 12.</summary>
    /// <returns>The bad rows' line numbers.</returns>
    private static List<int> Generate(string path, int rows, int badEvery)
    {
        var random = new Random(20261123);
        string[] reasons = ["", "", "", "Price", "ServiceExperience", "Inconvenience", "MovedOrChangedCar", "Other"];
        string[] stickiness = ["", "Low", "Medium", "High"];
        string[] exceptions = ["", "", "", "", "", "", "", "", "CustomerContactedStore", "CompetitorClosed|MovedBack"];
        var bad = new List<int>();
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write(string.Join(",", CustomerCsvReader.Columns) + "\n");
        for (int i = 0; i < rows; i++)
        {
            int line = i + 2;
            bool isBad = i % badEvery == badEvery - 1;
            if (isBad)
            {
                bad.Add(line);
            }

            var lastVisit = AsOfDate.PlusDays(-random.Next(0, 800));
            string app = random.Next(5) == 0 ? "" : (random.Next(0, 100) / 10.0).ToString(Invariant);
            string cancellation = (random.Next(0, 101) / 100.0).ToString(Invariant);
            string satisfaction = isBad ? "12" : random.Next(7) == 0 ? "" : random.Next(0, 11).ToString(Invariant);
            string spend = random.Next(3) == 0 ? (random.Next(0, 2_000_000) / 100m).ToString(Invariant) : random.Next(0, 200).ToString(Invariant) + "00";
            writer.Write(string.Join(",",
                $"C{i:D7}", lastVisit.ToString("uuuu-MM-dd", Invariant), app, cancellation, satisfaction, random.Next(0, 6).ToString(Invariant), spend,
                (random.Next(10) == 0 ? random.Next(3, 6) : random.Next(0, 3)).ToString(Invariant), random.Next(20) == 0 ? "true" : "false",
                reasons[random.Next(reasons.Length)], stickiness[random.Next(stickiness.Length)], exceptions[random.Next(exceptions.Length)]) + "\n");
        }

        return bad;
    }

    /// <summary>The library called directly on the rows of a file: what every output row must say.</summary>
    private sealed class Library
    {
        private readonly RiskScorer _scorer;
        private readonly CustomerValuation _valuation;
        private readonly RecoveryPlanner _planner;
        private readonly ValueDistribution _distribution;
        private readonly LocalDate _asOf;

        private Library(ScoringOptions options, ValueDistribution distribution, LocalDate asOf, List<CustomerRecord> records)
        {
            _scorer = new RiskScorer(options);
            _valuation = new CustomerValuation(options);
            _planner = new RecoveryPlanner(options);
            _distribution = distribution;
            _asOf = asOf;
            Records = records;
        }

        /// <summary>The rows the library accepts (parsed, and in range for the as-of date) that were kept, in file order.</summary>
        public List<CustomerRecord> Records { get; }

        public static Library Of(string path, ScoringOptions options, LocalDate asOf, Func<int, bool>? keep = null)
        {
            var valuation = new CustomerValuation(options);
            var lifetimeValues = new List<decimal>();
            var records = new List<CustomerRecord>();
            using (var reader = CustomerCsvReader.Open(path))
            {
                while (reader.Read(out var record, out _))
                {
                    if (record is not null && SignalChecks.TryCheck(record.Signals, asOf, out _, out _))
                    {
                        lifetimeValues.Add(valuation.LifetimeValue(record.Signals.AnnualSpend));
                        if (keep is null || keep(record.Line))
                        {
                            records.Add(record);
                        }
                    }
                }
            }

            return new Library(options, ValueDistribution.Create(lifetimeValues), asOf, records);
        }

        public void AssertRow(CustomerRecord record, Dictionary<string, string> row, string locale)
        {
            var risk = _scorer.Score(record.Signals, _asOf);
            var value = _valuation.Assess(record.Signals.AnnualSpend, _distribution);
            var decision = _planner.Decide(record.Signals, _asOf, _distribution, record.Context);
            string at = $"line {record.Line}";

            Assert.True(record.CustomerId == row["customer_id"], at);
            Assert.True(record.Line.ToString(Invariant) == row["line"], at);
            Assert.True(risk.Score == double.Parse(row["risk_score"], Invariant), $"{at}: risk score {risk.Score} != {row["risk_score"]}");
            Assert.True(risk.Tier.ToString() == row["risk_tier"], $"{at}: tier {risk.Tier} != {row["risk_tier"]}");
            Assert.True(risk.Stage.ToString() == row["churn_stage"], $"{at}: stage {risk.Stage} != {row["churn_stage"]}");
            Assert.True(risk.DaysSinceLastVisit.ToString(Invariant) == row["days_since_last_visit"], at);
            Assert.True(value.Tier.ToString() == row["value_tier"], $"{at}: value tier {value.Tier} != {row["value_tier"]}");
            Assert.True(value.LifetimeValue == decimal.Parse(row["clv"], Invariant), $"{at}: CLV {value.LifetimeValue} != {row["clv"]}");
            Assert.True(value.MaxRecoveryCost == decimal.Parse(row["max_recovery_cost"], Invariant), $"{at}: max recovery cost {value.MaxRecoveryCost} != {row["max_recovery_cost"]}");
            Assert.True(value.ValueScore == double.Parse(row["value_score"], Invariant), $"{at}: value score {value.ValueScore} != {row["value_score"]}");
            Assert.True(decision.Verdict.ToString() == row["decision"], $"{at}: decision {decision.Verdict} != {row["decision"]}");
            Assert.True(decision.Rule.ToString() == row["rule"], $"{at}: rule {decision.Rule} != {row["rule"]}");
            Assert.True((decision.Owner?.ToString() ?? string.Empty) == row["owner"], $"{at}: owner {decision.Owner} != {row["owner"]}");
            Assert.True(decision.Budget == decimal.Parse(row["budget"], Invariant), $"{at}: budget {decision.Budget} != {row["budget"]}");
            Assert.True(decision.Reason.Get(locale) == row["reason"], $"{at}: reason \"{decision.Reason.Get(locale)}\" != \"{row["reason"]}\"");
        }
    }
}
