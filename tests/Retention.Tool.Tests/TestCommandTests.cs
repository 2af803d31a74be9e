using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;
using Retention.Scoring;
using Retention.Tool.Settings;
using Retention.Tool.Tests.Support;
using Xunit;

namespace Retention.Tool.Tests;

/// <summary>
/// <c>retention test</c> end to end on files in the repository: the sample golden cases pass with the sample rules, a moved
/// threshold fails them with the case, the expectation and the why, bad rows are reported by line, a bad header or a missing
/// file stops the run with exit 2, the JUnit report parses with the right counts, and golden cases need an as-of date.
/// </summary>
public class TestCommandTests
{
    private static readonly string SampleRules = Cli.Repo("samples", "rules", "appsettings.json");
    private static readonly string SampleCases = Cli.Repo("samples", "rules", "cases.csv");

    private static string Case(string name) => Cli.Data("cases", name);

    [Fact]
    public void The_sample_cases_pass_against_the_sample_rules()
    {
        var run = Cli.Run("test", SampleRules, SampleCases);

        Assert.Equal(0, run.ExitCode);
        var summary = Regex.Match(run.Output, @"(\d+) cases run: (\d+) passed, 0 failed; 0 bad rows");
        Assert.True(summary.Success, run.Output);
        Assert.Equal(summary.Groups[1].Value, summary.Groups[2].Value);
        Assert.InRange(int.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture), 10, 20);
        Assert.Contains("passed: every case holds", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_cases_cover_every_tier_stage_and_value_tier_and_most_decisions()
    {
        var rows = File.ReadAllLines(SampleCases).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        var header = rows[0].ToList();
        List<string> Column(string name) => [.. rows.Skip(1).Select(r => r[header.IndexOf(name)]).Where(v => v.Length > 0).Distinct()];

        Assert.Equal(Enum.GetNames<RiskTier>().Order(), Column("expected_tier").Order());
        Assert.Equal(Enum.GetNames<ChurnStage>().Order(), Column("expected_stage").Order());
        Assert.Equal(Enum.GetNames<ValueTier>().Order(), Column("expected_value_tier").Order());
        Assert.True(Column("expected_decision").Count >= 6, string.Join(", ", Column("expected_decision")));
        Assert.True(Column("expected_rule").Count >= 10, string.Join(", ", Column("expected_rule")));

        // scoring.md section 2's worked example is a case, with its score.
        var worked = rows.Single(r => r[header.IndexOf("case")] == "spec-2-worked-example");
        Assert.Equal("47.5", worked[header.IndexOf("expected_score")]);
    }

    [Fact]
    public void Moving_a_tier_threshold_fails_the_cases_that_pin_it_with_the_expectation_and_the_why()
    {
        // The sample rules move YellowFrom to 55; this file keeps the spec's 60, so the cases scoring 55-60 fail.
        var run = Cli.Run("test", Case("yellow-from-60.json"), SampleCases);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("3 failed", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+4\s+yellow-at-this-files-threshold \(G003\)\s+expected_tier\s+Yellow\s+None\s*$", run.Output);
        Assert.Matches(@"(?m)^\s+expected_decision\s+Recover\s+NotNeeded\s*$", run.Output);
        Assert.Matches(@"(?m)^\s+5\s+low-value-automated-only \(G004\)\s+expected_tier\s+Yellow\s+None\s*$", run.Output);
        Assert.Matches(@"(?m)^\s+11\s+problem-customer \(G010\)\s+expected_tier\s+Yellow\s+None\s*$", run.Output);

        // The why: each term's points, the thresholds that decided the tier, the decision's rule and reason.
        Assert.Contains("risk: 55 points = latest satisfaction 25 + app opens per month 15 + service inquiries this quarter 10 + appointment cancellation rate 5", run.Output, StringComparison.Ordinal);
        Assert.Contains("tier: None (Yellow from 60, Orange from 75, Red from 90)", run.Output, StringComparison.Ordinal);
        Assert.Contains("decision: NotNeeded (rule ActiveNoRisk, budget 0): active customer (last visit 60 days ago), risk score 55: no recovery needed", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("spec-2-worked-example", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_why_is_in_the_chosen_locale()
    {
        var run = Cli.Run("test", Case("yellow-from-60.json"), SampleCases, "--locale", "zh-CN");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("风险：55 分 = 最近一次满意度 25", run.Output, StringComparison.Ordinal);
        Assert.Contains("风险等级：None（Yellow ≥ 60", run.Output, StringComparison.Ordinal);
        Assert.Contains("活跃客户（60 天前到店）", run.Output, StringComparison.Ordinal);
        Assert.Contains("失败 3 个", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_rows_are_reported_by_line_number_and_fail_the_run()
    {
        var run = Cli.Run("test", SampleRules, Case("bad-rows.csv"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("2 cases run: 2 passed, 0 failed; 9 bad rows not run", run.Output, StringComparison.Ordinal);
        var expected = new (int Line, string Column, string Problem)[]
        {
            (3, "satisfaction", "satisfaction must be in [0, 10] (was 11)"),
            (4, "cancellation_rate", "'35%' is not a number"),
            (6, "expected_tier", "'Purple' is not one of None|Yellow|Orange|Red"),
            (7, "last_visit", "last visit 2026-12-05 is after the as-of date 2026-11-23"),
            (8, "value_score", "is empty but the row checks the recovery decision"),
            (9, string.Empty, "checks nothing"),
            (10, "value_score", "'120' is not a value score from 0 to 100"),
            (11, "as_of", "'23/11/2026' is not a date (yyyy-MM-dd)"),
            (12, string.Empty, "has 5 values, the header has 20 columns"),
        };
        foreach (var (line, column, problem) in expected)
        {
            string pattern = $@"(?m)^\s+{line}\s+\S+\s+{Regex.Escape(column)}\s+{Regex.Escape(problem)}";
            Assert.True(Regex.IsMatch(run.Output, pattern), $"no bad-row line for line {line}:\n{run.Output}");
        }
    }

    [Theory]
    [InlineData("no-expectations.csv", "the header has no expectation column")]
    [InlineData("missing-column.csv", "the header lacks column annual_spend")]
    [InlineData("misspelt-expectation.csv", "unknown expectation column expected_teir")]
    [InlineData("decision-without-value-score.csv", "the header has expected_decision but no value_score column")]
    [InlineData("header-only.csv", "has no cases")]
    [InlineData("not-there.csv", "file not found")]
    public void A_bad_header_or_a_missing_cases_file_exits_2(string file, string message)
    {
        var run = Cli.Run("test", SampleRules, Case(file));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error:", run.Output, StringComparison.Ordinal);
        Assert.Contains(message, Flat(run.Output), StringComparison.Ordinal);
        Assert.DoesNotContain("cases run", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_settings_file_exits_2()
    {
        var run = Cli.Run("test", Case("not-there.json"), SampleCases);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("settings file not found", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_as_of_column_or_option_the_run_stops_with_a_clear_error()
    {
        var run = Cli.Run("test", SampleRules, Case("no-as-of.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give --as-of yyyy-MM-dd or add an as_of column (golden cases must not depend on today's date)", Flat(run.Output), StringComparison.Ordinal);

        var dated = Cli.Run("test", SampleRules, Case("no-as-of.csv"), "--as-of", "2026-11-23");
        Assert.Equal(0, dated.ExitCode);
        Assert.Contains("1 case run: 1 passed", dated.Output, StringComparison.Ordinal);
        Assert.Contains("ignored columns (not part of the cases format): notes", dated.Output, StringComparison.Ordinal);

        // A day later the last visit is 121 days ago: the worked example's 47.5 becomes 47.8.
        var later = Cli.Run("test", SampleRules, Case("no-as-of.csv"), "--as-of", "2026-11-24");
        Assert.Equal(1, later.ExitCode);
        Assert.Matches(@"expected_score\s+47\.5\s+47\.8", later.Output);

        var bad = Cli.Run("test", SampleRules, Case("no-as-of.csv"), "--as-of", "24/11/2026");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--as-of must be a date yyyy-MM-dd", bad.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_with_problems_are_printed_and_no_case_is_run()
    {
        string junit = Path.Combine(Cli.TempFolder(), "settings.xml");
        var run = Cli.Run("test", Case("invalid-options.json"), SampleCases, "--junit", junit);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Retention:Scoring:Tiers:OrangeFrom", run.Output, StringComparison.Ordinal);
        Assert.Contains("no case was run", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("cases run", run.Output, StringComparison.Ordinal);

        var suites = XDocument.Load(junit).Root!;
        Assert.Equal("1", suites.Attribute("tests")!.Value);
        Assert.Equal("1", suites.Attribute("failures")!.Value);
        Assert.Contains("Retention:Scoring:Tiers:OrangeFrom", suites.Descendants("failure").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_settings_file_without_the_section_gets_a_warning()
    {
        var run = Cli.Run("test", Case("wrong-section.json"), Case("no-as-of.csv"), "--as-of", "2026-11-23");

        Assert.Contains("has no Retention section", run.Output, StringComparison.Ordinal);
        Assert.Contains("--section", run.Output, StringComparison.Ordinal);

        var right = Cli.Run("test", Case("wrong-section.json"), Case("no-as-of.csv"), "--as-of", "2026-11-23", "--section", "Dealer:Retention");
        Assert.Equal(0, right.ExitCode);
        Assert.DoesNotContain("warning", right.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_JUnit_report_is_well_formed_with_one_testcase_per_row_failures_and_errors()
    {
        string junit = Path.Combine(Cli.TempFolder(), "reports", "retention.xml"); // the folder is created
        var run = Cli.Run("test", SampleRules, Case("mixed.csv"), "--junit", junit);

        Assert.Equal(1, run.ExitCode);
        var doc = XDocument.Load(junit);
        var suites = doc.Root!;
        Assert.Equal("testsuites", suites.Name.LocalName);
        var suite = Assert.Single(suites.Elements("testsuite"));
        foreach (var e in new[] { suites, suite })
        {
            Assert.Equal("4", e.Attribute("tests")!.Value);
            Assert.Equal("1", e.Attribute("failures")!.Value);
            Assert.Equal("1", e.Attribute("errors")!.Value);
            Assert.Equal("0", e.Attribute("skipped")!.Value);
        }

        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(["worked-example", "wrong-tier-on-purpose", "satisfaction-eleven", "active"], cases.Select(c => c.Attribute("name")!.Value));
        Assert.All(cases, c => Assert.Equal("mixed", c.Attribute("classname")!.Value));
        Assert.Equal(["2", "3", "4", "5"], cases.Select(c => c.Attribute("line")!.Value));

        var failure = Assert.Single(cases[1].Elements("failure"));
        Assert.Equal("expected_tier: expected Yellow, actual None", failure.Attribute("message")!.Value);
        Assert.Contains("risk: 47.5 points = ", failure.Value, StringComparison.Ordinal);
        Assert.Contains("tier: None (Yellow from 55, Orange from 75, Red from 90)", failure.Value, StringComparison.Ordinal);
        Assert.Contains("decision: Recover (rule StrategyMatrix, budget 800)", failure.Value, StringComparison.Ordinal);

        var error = Assert.Single(cases[2].Elements("error"));
        Assert.Equal("line 4 satisfaction: satisfaction must be in [0, 10] (was 11)", error.Attribute("message")!.Value);
        Assert.Empty(cases[0].Elements());
        Assert.Empty(cases[3].Elements());
    }

    [Fact]
    public void The_JUnit_report_of_the_sample_cases_has_no_failures()
    {
        string junit = Path.Combine(Cli.TempFolder(), "sample.xml");
        var run = Cli.Run("test", SampleRules, SampleCases, "--junit", junit);

        Assert.Equal(0, run.ExitCode);
        var suites = XDocument.Load(junit).Root!;
        int rows = File.ReadAllLines(SampleCases).Skip(1).Count(l => l.Length > 0);
        Assert.Equal(rows.ToString(CultureInfo.InvariantCulture), suites.Attribute("tests")!.Value);
        Assert.Equal("0", suites.Attribute("failures")!.Value);
        Assert.Equal("0", suites.Attribute("errors")!.Value);
        Assert.Equal(rows, suites.Descendants("testcase").Count());
    }

    [Property(Arbitrary = [typeof(GoldenArbitraries)], MaxTest = 40)]
    public void A_case_built_from_the_librarys_own_results_passes_and_any_changed_expectation_fails(GeneratedCases generated)
    {
        string folder = Cli.TempFolder();
        var options = SettingsFile.Load(SampleRules).Scoring;
        string cases = Path.Combine(folder, "cases.csv");
        var rows = generated.Customers.Select(c => Expectations(c, options)).ToList();
        File.WriteAllText(cases, Csv(rows), new UTF8Encoding(false));

        var run = Cli.Run("test", SampleRules, cases);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"{rows.Count} {(rows.Count == 1 ? "case" : "cases")} run: {rows.Count} passed", run.Output, StringComparison.Ordinal);

        // Change one expectation of one row to another valid value: exactly that case fails, naming the column.
        int target = generated.Target % rows.Count;
        var (column, changed) = generated.Change(rows[target]);
        rows[target] = rows[target] with { Values = new Dictionary<string, string>(rows[target].Values) { [column] = changed } };
        File.WriteAllText(cases, Csv(rows), new UTF8Encoding(false));

        var failed = Cli.Run("test", SampleRules, cases);
        Assert.True(failed.ExitCode == 1, failed.Output);
        Assert.Contains($"{rows.Count - 1} passed, 1 failed", failed.Output, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^\s+{target + 2}\s+case-{target} \(P{target}\)\s+{column}\s", failed.Output);
    }

    private static readonly string[] GeneratedHeader =
    [
        "case", "customer_id", "last_visit", "app_opens_per_month", "cancellation_rate", "satisfaction", "service_inquiries", "annual_spend",
        "complaints", "social_influence", "churn_reason", "stickiness", "lost_exceptions", "as_of", "value_score",
        "expected_score", "expected_tier", "expected_stage", "expected_value_tier", "expected_clv", "expected_decision", "expected_rule", "expected_budget",
    ];

    private static GeneratedRow Expectations(GeneratedCustomer c, ScoringOptions options)
    {
        var signals = c.Signals;
        var risk = new RiskScorer(options).Score(signals, c.AsOf);
        var value = new CustomerValuation(options).Assess(signals.AnnualSpend, c.ValueScore);
        var decision = new RecoveryPlanner(options).Decide(signals, c.AsOf, c.ValueScore, c.Context);
        string R(double d) => d.ToString("R", CultureInfo.InvariantCulture);
        string M(decimal d) => d.ToString(CultureInfo.InvariantCulture);
        var values = new Dictionary<string, string>
        {
            ["case"] = $"case-{c.Index}",
            ["customer_id"] = $"P{c.Index}",
            ["last_visit"] = LocalDatePattern.Iso.Format(signals.LastVisit),
            ["app_opens_per_month"] = signals.AppOpensPerMonth is double app ? R(app) : string.Empty,
            ["cancellation_rate"] = R(signals.CancellationRate),
            ["satisfaction"] = signals.Satisfaction is double sat ? R(sat) : string.Empty,
            ["service_inquiries"] = signals.ServiceInquiries.ToString(CultureInfo.InvariantCulture),
            ["annual_spend"] = M(signals.AnnualSpend),
            ["complaints"] = signals.Complaints.ToString(CultureInfo.InvariantCulture),
            ["social_influence"] = signals.SocialInfluence ? "true" : "false",
            ["churn_reason"] = c.Context.Reason?.ToString() ?? string.Empty,
            ["stickiness"] = c.Context.Stickiness.ToString(),
            ["lost_exceptions"] = c.Context.LostExceptions == LostCustomerExceptions.None ? string.Empty : c.Context.LostExceptions.ToString(),
            ["as_of"] = LocalDatePattern.Iso.Format(c.AsOf),
            ["value_score"] = R(c.ValueScore),
            ["expected_score"] = R(risk.Score),
            ["expected_tier"] = risk.Tier.ToString(),
            ["expected_stage"] = risk.Stage.ToString(),
            ["expected_value_tier"] = value.Tier.ToString(),
            ["expected_clv"] = M(value.LifetimeValue),
            ["expected_decision"] = decision.Verdict.ToString(),
            ["expected_rule"] = decision.Rule.ToString(),
            ["expected_budget"] = M(decision.Budget),
        };
        return new GeneratedRow(values);
    }

    private static string Csv(IEnumerable<GeneratedRow> rows) =>
        string.Join(",", GeneratedHeader) + "\n" + string.Join("\n", rows.Select(r => string.Join(",", GeneratedHeader.Select(h => r.Values[h])))) + "\n";

    /// <summary>The output with the table's and the console's line breaks taken out, for messages that wrap.</summary>
    private static string Flat(string output) => Regex.Replace(output, @"\s*\n\s*", " ");
}

/// <summary>One generated customer: valid signals, context, as-of date and value score.</summary>
public sealed record GeneratedCustomer(int Index, CustomerSignals Signals, RecoveryContext Context, LocalDate AsOf, double ValueScore);

/// <summary>One row of a generated cases file, by column.</summary>
public sealed record GeneratedRow(IReadOnlyDictionary<string, string> Values);

/// <summary>A generated cases file: customers, the row whose expectation gets changed, and which change.</summary>
public sealed record GeneratedCases(IReadOnlyList<GeneratedCustomer> Customers, int Target, int Which)
{
    /// <summary>Another valid value for one expectation of the row: the next tier, stage or value tier, or a score or budget that differs.</summary>
    public (string Column, string Value) Change(GeneratedRow row)
    {
        static string Next<T>(string name)
            where T : struct, Enum
        {
            var names = Enum.GetNames<T>();
            return names[(Array.IndexOf(names, name) + 1) % names.Length];
        }

        var v = row.Values;
        return (Which % 6) switch
        {
            0 => ("expected_tier", Next<RiskTier>(v["expected_tier"])),
            1 => ("expected_stage", Next<ChurnStage>(v["expected_stage"])),
            2 => ("expected_value_tier", Next<ValueTier>(v["expected_value_tier"])),
            3 => ("expected_decision", Next<RecoveryVerdict>(v["expected_decision"])),
            4 => ("expected_score", (Math.Round(double.Parse(v["expected_score"], CultureInfo.InvariantCulture), 2) is var s && s >= 50 ? s - 0.02 : s + 0.02).ToString("0.00", CultureInfo.InvariantCulture)),
            _ => ("expected_budget", (decimal.Parse(v["expected_budget"], CultureInfo.InvariantCulture) + 1m).ToString(CultureInfo.InvariantCulture)),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Customers.Count} customers, change #{Which % 6} on row {Target % Math.Max(Customers.Count, 1)}";
}

/// <summary>Generators of valid customers across every tier, stage and decision branch.</summary>
public static class GoldenArbitraries
{
    private static readonly LocalDate Base = new(2026, 11, 23);

    public static Arbitrary<GeneratedCases> Cases() => Arb.From(
        from count in Gen.Choose(1, 25)
        from customers in Gen.ArrayOf(Customer, count)
        from target in Gen.Choose(0, 1000)
        from which in Gen.Choose(0, 5)
        select new GeneratedCases([.. customers.Select((c, i) => c with { Index = i })], target, which));

    private static Gen<double> Steps(int from, int to, double divisor) => Gen.Choose(from, to).Select(k => k / divisor);

    private static Gen<double?> Optional(Gen<double> gen) =>
        Gen.Frequency((1, Gen.Constant<double?>(null)), (5, gen.Select(d => (double?)d)));

    private static readonly Gen<GeneratedCustomer> Customer =
        from days in Gen.Frequency((3, Gen.Choose(0, 800)), (1, Gen.Elements(89, 90, 119, 120, 179, 180, 364, 365)))
        from asOfShift in Gen.Choose(-400, 400)
        from app in Optional(Steps(0, 50, 10))
        from cancel in Steps(0, 100, 100)
        from sat in Optional(Steps(0, 20, 2))
        from inquiries in Gen.Choose(0, 3)
        from spend in Gen.Frequency((4, Gen.Choose(0, 400).Select(k => k * 50m)), (1, Gen.Elements(1999.99m, 2000m, 5000m, 5000.01m)))
        from complaints in Gen.Frequency((4, Gen.Choose(0, 2)), (1, Gen.Choose(3, 5)))
        from influence in Gen.Elements(false, false, true)
        from reason in Gen.Elements<ChurnReason?>(null, ChurnReason.Price, ChurnReason.ServiceExperience, ChurnReason.Inconvenience, ChurnReason.MovedOrChangedCar, ChurnReason.Other)
        from stickiness in Gen.Elements(Stickiness.Low, Stickiness.Medium, Stickiness.High)
        from exceptions in Gen.Elements(LostCustomerExceptions.None, LostCustomerExceptions.None, LostCustomerExceptions.CustomerContactedStore, LostCustomerExceptions.MovedBack)
        from valueScore in Gen.Frequency((4, Steps(0, 1000, 10)), (1, Gen.Elements(59.9, 60.0, 70.0, 70.1, 80.0)))
        let asOf = Base.PlusDays(asOfShift)
        select new GeneratedCustomer(
            0,
            new CustomerSignals
            {
                LastVisit = asOf.PlusDays(-days),
                AppOpensPerMonth = app,
                CancellationRate = cancel,
                Satisfaction = sat,
                ServiceInquiries = inquiries,
                AnnualSpend = spend,
                Complaints = complaints,
                SocialInfluence = influence,
            },
            new RecoveryContext { Reason = reason, Stickiness = stickiness, LostExceptions = exceptions },
            asOf,
            valueScore);
}
