using System;
using Retention.Samples.DealerDay.Simulation;

namespace Retention.Samples.Tests.Support;

/// <summary>The bundled data set, loaded once, and its month simulated once with the sample's seed (shared by a test class).</summary>
public sealed class BundledMonth : IDisposable
{
    public BundledMonth()
    {
        Store = SampleStore.Load();
        Month = Store.Simulate();
    }

    internal SampleStore Store { get; }

    internal SimulatedMonth Month { get; }

    public void Dispose() => Store.Dispose();
}
