using System;
using System.IO;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Retention.Contact;
using Retention.Nps;
using Retention.Samples.DealerDay.CommandLine;
using Retention.Samples.DealerDay.Contacts;
using Retention.Samples.DealerDay.Customers;
using Retention.Samples.DealerDay.Report;
using Retention.Samples.DealerDay.Simulation;
using Retention.Samples.DealerDay.Survey;
using Retention.Scoring;
using Retention.Scripts;
using Xunit;

namespace Retention.Samples.Tests.Support;

/// <summary>
/// The sample's data set as <c>Program.Main</c> loads it, in process: the services registered once, the customer file
/// scored, the survey answers, contact history and preferences next to it read, and the report completed with
/// <see cref="DealerDayReport.With"/>. <see cref="Simulate"/> runs the month the way <c>Program.Main</c> wires it.
/// </summary>
internal sealed class SampleStore : IDisposable
{
    private readonly ServiceProvider _services;

    private SampleStore(ServiceProvider services, CustomerFile file, DealerDayReport report)
    {
        _services = services;
        File = file;
        Report = report;
    }

    /// <summary>The bundled data, copied next to the test assembly like next to the sample's executable.</summary>
    public static string BundledFolder => Path.Combine(AppContext.BaseDirectory, "data");

    public static string BundledCustomers => Path.Combine(BundledFolder, "customers.csv");

    public CustomerFile File { get; }

    public DealerDayReport Report { get; }

    public ContactCalendar Calendar => _services.GetRequiredService<ContactCalendar>();

    public DateTimeZone StoreZone => Calendar.Policy.StoreZone;

    /// <summary>Loads a data set (the bundled one by default) for a date (the sample's default by default).</summary>
    public static SampleStore Load(string? customersPath = null, LocalDate? asOf = null)
    {
        var date = asOf ?? DealerDayArguments.DefaultAsOf;
        var services = new ServiceCollection()
            .AddRetentionScoring()
            .AddRetentionNps()
            .AddRetentionContact()
            .AddRetentionScripts()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            string path = Path.GetFullPath(customersPath ?? BundledCustomers);
            Assert.True(CustomerFile.TryRead(path, out var file, out var problem), problem.En);
            var report = DealerDayReport.Build(
                file, date, services.GetRequiredService<RiskScorer>(), services.GetRequiredService<CustomerValuation>(), services.GetRequiredService<RecoveryPlanner>());

            string folder = Path.GetDirectoryName(path)!;
            string answersPath = Path.Combine(folder, SurveyCsv.FileName);
            string historyPath = Path.Combine(folder, ContactCsv.HistoryFileName);
            string preferencesPath = Path.Combine(folder, ContactCsv.PreferencesFileName);
            Assert.True(SurveyFile.TryRead(answersPath, out var answers, out problem), problem.En);
            Assert.True(HistoryFile.TryRead(historyPath, out var history, out problem), problem.En);
            Assert.True(PreferencesFile.TryRead(preferencesPath, out var preferences, out problem), problem.En);

            var calendar = services.GetRequiredService<ContactCalendar>();
            var clock = new StoreClock(calendar.Policy.StoreZone, date);
            var known = report.KnownCustomerIds;
            var highValue = report.Customers
                .Where(c => c.Decision.Value.Tier == ValueTier.High || c.Decision.Value.IsVip)
                .Select(c => c.Row.CustomerId)
                .ToHashSet(StringComparer.Ordinal);
            var survey = SurveyResults.Build(answers, known, highValue, clock,
                services.GetRequiredService<NpsCalculator>(), services.GetRequiredService<LowScoreAlerter>(), services.GetRequiredService<DetractorGrader>());
            var contacts = ContactWeek.Build(
                report, survey.OpenComplaints, history, historyPath, preferences, preferencesPath, known, clock,
                services.GetRequiredService<FollowUpCadence>(), calendar);
            report = report.With(clock, survey, contacts, services.GetRequiredService<ScriptCatalog>());
            return new SampleStore(services, file, report);
        }
        catch
        {
            services.Dispose();
            throw;
        }
    }

    /// <summary>The simulation as <c>Program.Main</c> builds it: a fresh engine in the store's zone, later Mondays rescored from the same file.</summary>
    public MonthSimulation Simulation(ulong seed = SimulatedStore.DefaultSeed) => new(MonthSimulation.CreateEngine(StoreZone), Calendar, Screen, seed);

    /// <summary>The customer file scored for another date, as each later Monday of the month rescores it.</summary>
    public DealerDayReport Screen(LocalDate date) => DealerDayReport.Build(
        File, date, _services.GetRequiredService<RiskScorer>(), _services.GetRequiredService<CustomerValuation>(), _services.GetRequiredService<RecoveryPlanner>());

    /// <summary>Runs the month on this data set.</summary>
    public SimulatedMonth Simulate(ulong seed = SimulatedStore.DefaultSeed) => Simulation(seed).Run(Report);

    public void Dispose() => _services.Dispose();
}
