using System;

namespace Retention.Samples.DealerDay.Files;

/// <summary>SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and fixed forever, unlike a seeded <see cref="Random"/>.</summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public double NextDouble() => (Next64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [0, <paramref name="count"/>).</summary>
    public int Next(int count) => (int)(Next64() % (ulong)count);

    public bool Chance(double probability) => NextDouble() < probability;

    private ulong Next64()
    {
        unchecked // the algorithm relies on wrap-around; the project checks overflow by default
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
