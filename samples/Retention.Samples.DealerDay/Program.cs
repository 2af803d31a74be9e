using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Retention.Contact;
using Retention.Nps;
using Retention.Samples.DealerDay.CommandLine;
using Retention.Samples.DealerDay.Contacts;
using Retention.Samples.DealerDay.Customers;
using Retention.Samples.DealerDay.Report;
using Retention.Samples.DealerDay.Sections;
#if DEALERDAY_WORKFLOWS
using Retention.Samples.DealerDay.Simulation;
#endif
using Retention.Samples.DealerDay.Survey;
using Retention.Scoring;
using Retention.Scripts;
using LocalizedText = Retention.Scoring.LocalizedText;

namespace Retention.Samples.DealerDay;

/// <summary>
/// A store manager's Monday report: reads a customer CSV, scores everyone with Retention.Scoring,
/// and prints the counts, the customers most at risk with what to do about them, the month's NPS and
/// open low-score alerts (Retention.Nps, from the survey answers next to the customer file), the
/// week's contact plan (Retention.Contact, from the contact history and preferences next to it), the
/// talk track for the customer most at risk (Retention.Scripts), a month of recovery and follow-up workflows simulated
/// on the same data (Retention.Workflows), and the rows it had to skip. See README.md for the data schemas and the options.
/// </summary>
internal static class Program
{
    private const int Success = 0;
    private const int BadInput = 2;

    /// <summary>The report, section by section; the simulated month (it needs the services) is added in <see cref="Main"/>.</summary>
    private static readonly IReportSection[] Sections =
    [
        new OverviewSection(),
        new CustomerBaseSection(),
        new RiskDriversSection(),
        new RecoveryPlanSection(),
        new NpsSection(maxAlerts: 25),
        new ContactPlanSection(examples: 7),
        new AtRiskCustomersSection(count: 20),
        new TalkTrackSection(),
        new BadRowsSection(),
    ];

    public static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8; // zh-CN text on consoles whose default code page is not UTF-8

        if (!DealerDayArguments.TryParse(args, out var arguments, out var error, out string locale))
        {
            return Fail(error, locale);
        }

        if (arguments.Help)
        {
            Console.Out.WriteLine(DealerDayArguments.Usage.Get(locale));
            return Success;
        }

        // The libraries as a host would use them: registered once, options validated, services resolved.
        using var services = new ServiceCollection()
            .AddRetentionScoring()
            .AddRetentionNps()
            .AddRetentionContact()
            .AddRetentionScripts()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var calendar = services.GetRequiredService<ContactCalendar>();
        var storeZone = calendar.Policy.StoreZone; // the store's time zone is a Retention.Contact option

        if (arguments.GeneratePath is string target)
        {
            return Generate(target, arguments.AsOf, storeZone, locale);
        }

        string path = Path.GetFullPath(arguments.Input ?? Path.Combine(AppContext.BaseDirectory, "data", "customers.csv"));
        if (!File.Exists(path))
        {
            return Fail(new($"找不到输入文件：{path}", $"input file not found: {path}"), locale);
        }

        CustomerFile? file;
        try
        {
            if (!CustomerFile.TryRead(path, out file, out var problem))
            {
                return Fail(new($"无法读取 {path}：{problem.ZhCn}", $"cannot read {path}: {problem.En}"), locale);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(new($"无法读取 {path}：{e.Message}", $"cannot read {path}: {e.Message}"), locale);
        }

        var report = DealerDayReport.Build(
            file,
            arguments.AsOf,
            services.GetRequiredService<RiskScorer>(),
            services.GetRequiredService<CustomerValuation>(),
            services.GetRequiredService<RecoveryPlanner>());

        // The survey answers, contact history and contact preferences live next to the customer file.
        string folder = Path.GetDirectoryName(path) ?? ".";
        if (!TryLoad<SurveyFile>(Path.Combine(folder, SurveyCsv.FileName), SurveyFile.TryRead, locale, out var answers, out int exit)
            || !TryLoad<HistoryFile>(Path.Combine(folder, ContactCsv.HistoryFileName), HistoryFile.TryRead, locale, out var history, out exit)
            || !TryLoad<PreferencesFile>(Path.Combine(folder, ContactCsv.PreferencesFileName), PreferencesFile.TryRead, locale, out var preferences, out exit))
        {
            return exit;
        }

        var clock = new StoreClock(storeZone, arguments.AsOf);
        var known = report.KnownCustomerIds;
        var highValue = report.Customers
            .Where(c => c.Decision.Value.Tier == ValueTier.High || c.Decision.Value.IsVip)
            .Select(c => c.Row.CustomerId)
            .ToHashSet(StringComparer.Ordinal);
        string answersPath = Path.Combine(folder, SurveyCsv.FileName);
        var survey = answers is null
            ? SurveyResults.Missing(answersPath, arguments.AsOf.ToYearMonth())
            : SurveyResults.Build(answers, known, highValue, clock,
                services.GetRequiredService<NpsCalculator>(), services.GetRequiredService<LowScoreAlerter>(), services.GetRequiredService<DetractorGrader>());
        var contacts = ContactWeek.Build(
            report, survey.OpenComplaints,
            history, Path.Combine(folder, ContactCsv.HistoryFileName),
            preferences, Path.Combine(folder, ContactCsv.PreferencesFileName),
            known, clock, services.GetRequiredService<FollowUpCadence>(), calendar);
        report = report.With(clock, survey, contacts, services.GetRequiredService<ScriptCatalog>());

#if DEALERDAY_WORKFLOWS
        // The month of workflows runs on the same scoring, redone for each Monday of the month.
        var month = new WorkflowMonthSection(new MonthSimulation(
            MonthSimulation.CreateEngine(storeZone),
            calendar,
            monday => DealerDayReport.Build(
                file, monday, services.GetRequiredService<RiskScorer>(), services.GetRequiredService<CustomerValuation>(), services.GetRequiredService<RecoveryPlanner>())));
        IReadOnlyList<IReportSection> sections = arguments.SimulateMonth
            ? [new OverviewSection(), month, new BadRowsSection()]
            : [.. Sections[..^1], month, Sections[^1]];
#else
        if (arguments.SimulateMonth)
        {
            return Fail(new("此版本构建时未包含 Retention.Workflows（-p:DealerDayWorkflows=false），无法模拟。", "this build leaves out Retention.Workflows (-p:DealerDayWorkflows=false), so it cannot simulate."), locale);
        }

        IReadOnlyList<IReportSection> sections = Sections;
#endif

        var writer = new ReportWriter(Console.Out, locale);
        foreach (var section in sections)
        {
            section.Write(report, writer);
        }

        if (report.Customers.Count == 0)
        {
            return Fail(new("没有任何一行可以评分。", "no row could be scored."), locale);
        }

        return Success;
    }

    /// <summary>Writes the synthetic data set: the customer file, and next to it the survey answers, contact history and preferences.</summary>
    private static int Generate(string target, LocalDate asOf, DateTimeZone zone, string locale)
    {
        string customersPath = Path.GetFullPath(target);
        string folder = Path.GetDirectoryName(customersPath) ?? ".";
        string answersPath = Path.Combine(folder, SurveyCsv.FileName);
        string historyPath = Path.Combine(folder, ContactCsv.HistoryFileName);
        string preferencesPath = Path.Combine(folder, ContactCsv.PreferencesFileName);
        int customers, answers, history, preferences;
        try
        {
            customers = SyntheticCustomers.Write(customersPath, asOf);

            // The other files are generated from the customer file as it reads back, so that they refer to its rows.
            if (!CustomerFile.TryRead(customersPath, out var file, out var problem))
            {
                return Fail(new($"无法读取 {customersPath}：{problem.ZhCn}", $"cannot read {customersPath}: {problem.En}"), locale);
            }

            answers = SyntheticAnswers.Write(answersPath, file.Rows, asOf, zone, out var generated);
            (history, preferences) = SyntheticContacts.Write(historyPath, preferencesPath, file.Rows, generated, asOf, zone);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(new($"无法写入 {folder}：{e.Message}", $"cannot write to {folder}: {e.Message}"), locale);
        }

        string date = CustomerCsv.FormatDate(asOf);
        Console.Out.WriteLine(new LocalizedText(
            $"""
            已写出统计日期 {date} 的合成数据（每个文件都含几行故意出错的数据）：
              {customersPath}：{Display.Count(customers)} 行客户
              {answersPath}：{Display.Count(answers)} 行问卷答卷
              {historyPath}：{Display.Count(history)} 行触达记录
              {preferencesPath}：{Display.Count(preferences)} 行触达偏好
            """,
            $"""
            wrote the synthetic data set as of {date} (each file has a few deliberately bad rows):
              {customersPath}: {Display.Count(customers)} customer rows
              {answersPath}: {Display.Count(answers)} survey answers
              {historyPath}: {Display.Count(history)} past contacts
              {preferencesPath}: {Display.Count(preferences)} contact preferences
            """).Get(locale));
        return Success;
    }

    private delegate bool Reader<T>(string path, [NotNullWhen(true)] out T? file, out LocalizedText problem)
        where T : class;

    /// <summary>Reads an optional file next to the customer file: a missing file is not an error, an unreadable one is.</summary>
    private static bool TryLoad<T>(string path, Reader<T> read, string locale, out T? file, out int exit)
        where T : class
    {
        file = null;
        exit = Success;
        if (!File.Exists(path))
        {
            return true;
        }

        try
        {
            if (read(path, out file, out var problem))
            {
                return true;
            }

            exit = Fail(new($"无法读取 {path}：{problem.ZhCn}", $"cannot read {path}: {problem.En}"), locale);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            exit = Fail(new($"无法读取 {path}：{e.Message}", $"cannot read {path}: {e.Message}"), locale);
        }

        return false;
    }

    private static int Fail(LocalizedText message, string locale)
    {
        Console.Error.WriteLine((Display.IsChinese(locale) ? "错误：" : "error: ") + message.Get(locale));
        return BadInput;
    }
}
