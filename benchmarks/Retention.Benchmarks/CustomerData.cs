using System;
using System.Collections.Generic;
using NodaTime;
using Retention.Scoring;

namespace Retention.Benchmarks;

/// <summary>
/// One deterministic customer base (fixed seed) in the three shapes the benchmarks read: the
/// classes an app would load, <see cref="CustomerSignals"/> values, and columns. All records are
/// valid; about 30 % have no app account and 25 % were never surveyed (missing signals).
/// </summary>
internal sealed class CustomerData
{
    public const int Seed = 20260630;

    public CustomerData(int count, LocalDate asOf)
    {
        var rng = new Random(Seed);
        Days = new int[count];
        AppOpens = new double[count];
        CancellationRate = new double[count];
        Satisfaction = new double[count];
        ServiceInquiries = new int[count];
        Signals = new CustomerSignals[count];
        AppCustomers = new List<NaiveCustomer>(count);
        var asOfDateTime = asOf.ToDateTimeUnspecified();
        for (int i = 0; i < count; i++)
        {
            // Mostly recent visitors, a long tail of lapsed and lost customers (0..1,095 days).
            double u = rng.NextDouble();
            int days = (int)(u * u * 1095);
            double app = rng.NextDouble() < 0.30 ? double.NaN : Math.Round(rng.NextDouble() * 6, 1);
            double cancel = Math.Round(Math.Pow(rng.NextDouble(), 3), 2);
            double sat = rng.NextDouble() < 0.25 ? double.NaN : rng.Next(0, 11);
            int inquiries = rng.Next(0, 4);
            decimal spend = rng.Next(500, 20_000);

            Days[i] = days;
            AppOpens[i] = app;
            CancellationRate[i] = cancel;
            Satisfaction[i] = sat;
            ServiceInquiries[i] = inquiries;
            Signals[i] = new CustomerSignals
            {
                LastVisit = asOf.PlusDays(-days),
                AppOpensPerMonth = double.IsNaN(app) ? null : app,
                CancellationRate = cancel,
                Satisfaction = double.IsNaN(sat) ? null : sat,
                ServiceInquiries = inquiries,
                AnnualSpend = spend,
            };
            AppCustomers.Add(new NaiveCustomer
            {
                Id = i + 1,
                LastVisit = asOfDateTime.AddDays(-days),
                AppOpensPerMonth = double.IsNaN(app) ? null : app,
                CancellationRate = cancel,
                Satisfaction = double.IsNaN(sat) ? null : sat,
                ServiceInquiries = inquiries,
                AnnualSpend = spend,
            });
        }
    }

    public int[] Days { get; }

    public double[] AppOpens { get; }

    public double[] CancellationRate { get; }

    public double[] Satisfaction { get; }

    public int[] ServiceInquiries { get; }

    public CustomerSignals[] Signals { get; }

    public List<NaiveCustomer> AppCustomers { get; }
}
