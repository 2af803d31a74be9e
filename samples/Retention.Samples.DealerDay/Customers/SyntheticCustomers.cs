using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NodaTime;
using Retention.Samples.DealerDay.Files;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Customers;

/// <summary>
/// Writes the bundled data set: synthetic customers of one store with realistic proportions, plus a
/// few deliberately bad rows. Deterministic: the same seed and as-of date give the same bytes on every
/// machine and .NET version (own generator, integer and basic floating-point arithmetic only, invariant formatting).
/// </summary>
internal static class SyntheticCustomers
{
    /// <summary>The seed of the bundled data set.</summary>
    public const ulong Seed = 20261123;

    /// <summary>The number of good customer rows in the bundled data set.</summary>
    public const int Count = 1200;

    /// <summary>Writes the data set to a file (UTF-8 without byte order mark, LF line ends).</summary>
    /// <param name="path">The file to write; its folder is created when missing.</param>
    /// <param name="asOf">The date the data set describes: last visits are counted back from it.</param>
    /// <returns>The number of data rows written, bad rows included.</returns>
    public static int Write(string path, LocalDate asOf)
    {
        var lines = Lines(asOf);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return lines.Count - 1;
    }

    /// <summary>The header and every data row.</summary>
    /// <param name="asOf">The date the data set describes.</param>
    /// <returns>The lines, without line ends.</returns>
    public static IReadOnlyList<string> Lines(LocalDate asOf)
    {
        var random = new SplitMix64(Seed);
        var lines = new List<string>(Count + 4) { string.Join(',', CustomerCsv.AllColumns) };
        for (int i = 0; i < Count; i++)
        {
            // Deliberately bad rows, spread through the file so that their line numbers matter.
            if (i == 217)
            {
                lines.Add($"C{10001 + Count},{Date(asOf, 40)},3.5,0.1,11,2,4200,0,false,,High,"); // satisfaction out of 0..10
            }
            else if (i == 642)
            {
                lines.Add($"C{10002 + Count},{CustomerCsv.FormatDate(asOf.PlusDays(12))},1.2,0.05,9,1,2600,0,false,,Medium,"); // visit after the as-of date
            }
            else if (i == 1033)
            {
                lines.Add($"C{10003 + Count},{Date(asOf, 130)},0.4,35%,6,0,5100,1,false,Price,Low,"); // a percent sign instead of a rate
            }

            lines.Add(Customer(random, $"C{10001 + i}", asOf));
        }

        return lines;
    }

    private static string Customer(SplitMix64 r, string id, LocalDate asOf)
    {
        // Time away, by churn stage: most customers are active, with a tail of pre / early / deep churn and lost.
        double stagePick = r.NextDouble();
        int days;
        double drift; // 0 = engaged, 1 = gone: drives every other signal
        if (stagePick < 0.66)
        {
            days = 2 + r.Next(88);
            drift = r.Chance(0.08) ? 0.55 : 0.10; // a few active customers are already unhappy
        }
        else if (stagePick < 0.76)
        {
            days = 90 + r.Next(30);
            drift = 0.40;
        }
        else if (stagePick < 0.85)
        {
            days = 120 + r.Next(60);
            drift = 0.60;
        }
        else if (stagePick < 0.93)
        {
            days = 180 + r.Next(185);
            drift = 0.80;
        }
        else
        {
            days = 365 + Math.Min(r.Next(636), r.Next(636)); // fewer the longer ago
            drift = 0.90;
        }

        bool away = days >= 90;
        ChurnReason? reason = away && r.Chance(0.88) ? Reason(r) : drift > 0.5 && r.Chance(0.3) ? Reason(r) : null;

        // Annual spend: mostly 1000-7400, a few small and a few high spenders, in whole tens of yuan.
        double spendPick = r.NextDouble();
        double spend = spendPick < 0.07 ? 300 + (700 * r.NextDouble())
            : spendPick < 0.95 ? 1000 + (3200 * (r.NextDouble() + r.NextDouble()))
            : 8000 + (32000 * r.NextDouble() * r.NextDouble());
        decimal annualSpend = (decimal)Math.Round(spend / 10) * 10;

        double? appOpens = r.Chance(0.76) ? Math.Round((1 - drift) * 9 * (0.3 + (1.2 * r.NextDouble())), 1) : null;

        double cancellation = !away && r.Chance(0.5) ? 0 : drift * 0.5 * (r.NextDouble() + r.NextDouble());
        if (reason == ChurnReason.ServiceExperience)
        {
            cancellation += 0.15;
        }

        cancellation = Math.Round(Math.Min(cancellation, 1), 2);

        double? satisfaction = null;
        if (r.Chance(0.84))
        {
            double s = reason switch
            {
                ChurnReason.ServiceExperience => 0.5 + (4.5 * r.NextDouble()),
                ChurnReason.Price => 4 + (4 * r.NextDouble()),
                ChurnReason.Inconvenience => 5 + (4 * r.NextDouble()),
                ChurnReason.MovedOrChangedCar => 7 + (3 * r.NextDouble()),
                _ => 10.4 - (drift * 7) - (2.4 * r.NextDouble()),
            };
            satisfaction = Math.Clamp(Math.Round(s), 0, 10);
        }

        int inquiries = away ? (r.Chance(0.85) ? 0 : 1) : (r.Chance(drift) ? 0 : 1 + r.Next(4));

        int complaints = r.Chance(0.86) ? 0 : r.Chance(0.7) ? 1 : r.Chance(0.7) ? 2 : 3 + r.Next(3);
        if (reason == ChurnReason.ServiceExperience && r.Chance(0.5))
        {
            complaints++;
        }

        bool influence = r.Chance(annualSpend > 8000 ? 0.25 : 0.025);

        double interaction = ((appOpens ?? 0) / 3) + inquiries + (1.5 * r.NextDouble());
        string stickiness = interaction >= 3 ? "High" : interaction >= 1 ? "Medium" : "Low";

        string exceptions = "";
        if (days >= 365 && r.Chance(0.12))
        {
            double e = r.NextDouble();
            exceptions = e < 0.5 ? "CustomerContactedStore" : e < 0.75 ? "CompetitorClosed" : e < 0.95 ? "MovedBack" : "CustomerContactedStore|MovedBack";
        }

        return string.Join(',',
            id,
            Date(asOf, days),
            appOpens is double a ? CustomerCsv.FormatNumber(a) : "",
            CustomerCsv.FormatNumber(cancellation),
            satisfaction is double sat ? CustomerCsv.FormatNumber(sat) : "",
            CustomerCsv.FormatInteger(inquiries),
            CustomerCsv.FormatMoney(annualSpend),
            CustomerCsv.FormatInteger(complaints),
            influence ? "true" : "false",
            reason?.ToString() ?? "",
            stickiness,
            exceptions);
    }

    // The playbooks' shares: price 35-45 %, service experience 25 %, inconvenience 15-20 %, moved or changed car 10 %, other.
    private static ChurnReason Reason(SplitMix64 r)
    {
        double p = r.NextDouble();
        return p < 0.40 ? ChurnReason.Price
            : p < 0.65 ? ChurnReason.ServiceExperience
            : p < 0.82 ? ChurnReason.Inconvenience
            : p < 0.92 ? ChurnReason.MovedOrChangedCar
            : ChurnReason.Other;
    }

    private static string Date(LocalDate asOf, int daysBefore) => CustomerCsv.FormatDate(asOf.PlusDays(-daysBefore));
}
