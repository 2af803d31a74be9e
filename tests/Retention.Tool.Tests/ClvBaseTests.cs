using System;
using System.IO;
using System.Linq;
using System.Threading;
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

/// <summary>
/// The value-score base of <c>score</c>: in memory up to a chunk, sorted on disk beyond it. Either way the value score is
/// the library's <see cref="ValueDistribution.PercentileRank"/>, to the bit.
/// </summary>
public class ClvBaseTests
{
    [Property(MaxTest = 300)]
    public void The_base_ranks_every_clv_like_the_library_whether_in_memory_or_on_disk(int[] spends, PositiveInt chunk, int[] probes)
    {
        // Few distinct values (spends in whole hundreds, some negative) so that ties, the most delicate case, are common.
        var clvs = spends.Select(s => s % 50 * 100m).ToArray();
        int size = chunk.Get % 7 + 1;
        using var collector = new ClvCollector(size);
        foreach (decimal clv in clvs)
        {
            collector.Add(clv);
        }

        using var clvBase = collector.Complete();
        if (clvs.Length == 0)
        {
            Assert.Null(clvBase);
            return;
        }

        Assert.NotNull(clvBase);
        Assert.Equal(clvs.Length, clvBase.Count);
        Assert.Equal(clvs.Length >= size, clvBase.OnDisk);
        var library = ValueDistribution.Create(clvs);
        foreach (decimal probe in clvs.Concat(probes.Select(p => p % 60 * 100m - 50m)).Append(decimal.MinValue).Append(decimal.MaxValue))
        {
            Assert.Equal(library.PercentileRank(probe), clvBase.PercentileRank(probe));
        }
    }

    [Fact]
    public void Values_with_other_scales_and_signs_survive_the_disk_round_trip()
    {
        decimal[] clvs = [0.01m, -12345.678m, 1.0m, 1.00m, 79228162514264337593543950335m, -79228162514264337593543950335m, 0m, 5000.5m, 5000.50m];
        using var collector = new ClvCollector(chunk: 2);
        foreach (decimal clv in clvs)
        {
            collector.Add(clv);
        }

        using var clvBase = collector.Complete()!;
        var library = ValueDistribution.Create(clvs);
        Assert.True(clvBase.OnDisk);
        foreach (decimal probe in clvs.Append(1.001m).Append(5000.49m))
        {
            Assert.Equal(library.PercentileRank(probe), clvBase.PercentileRank(probe));
        }
    }

    [Fact]
    public void More_runs_than_one_merge_takes_are_merged_in_rounds()
    {
        // 1,000 values in runs of 3: 334 runs, more than the 64 merged at once.
        var random = new Random(7);
        var clvs = Enumerable.Range(0, 1000).Select(_ => (decimal)random.Next(-500, 500)).ToArray();
        using var collector = new ClvCollector(chunk: 3);
        foreach (decimal clv in clvs)
        {
            collector.Add(clv);
        }

        using var clvBase = collector.Complete()!;
        var library = ValueDistribution.Create(clvs);
        for (int probe = -501; probe <= 501; probe++)
        {
            Assert.Equal(library.PercentileRank(probe), clvBase.PercentileRank(probe));
        }
    }

    [Fact]
    public void The_temporary_files_are_gone_once_the_base_or_an_unfinished_collector_is_disposed()
    {
        string root = Cli.TempFolder();
        using (var collector = new ClvCollector(chunk: 2, root))
        {
            for (int i = 0; i < 10; i++)
            {
                collector.Add(i);
            }

            using var clvBase = collector.Complete()!;
            Assert.True(clvBase.OnDisk);
            Assert.Single(Directory.GetDirectories(root));
        }

        Assert.Empty(Directory.GetDirectories(root));
        using (var unfinished = new ClvCollector(chunk: 2, root))
        {
            for (int i = 0; i < 10; i++)
            {
                unfinished.Add(i);
            }

            Assert.Single(Directory.GetDirectories(root));
        }

        Assert.Empty(Directory.GetDirectories(root));
    }

    [Fact]
    public void A_chunk_below_one_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ClvCollector(0));
        Assert.Equal("chunk", e.ParamName);
    }

    [Fact]
    public void Scoring_the_sample_with_the_base_on_disk_writes_the_same_file_as_in_memory()
    {
        string sample = Cli.Repo("samples", "Retention.Samples.DealerDay", "data", "customers.csv");
        var asOf = new LocalDate(2026, 11, 23);

        string inMemory = Score(sample, asOf, ClvCollector.DefaultChunk, out bool memoryOnDisk);
        string onDisk = Score(sample, asOf, chunk: 37, out bool diskOnDisk);

        Assert.False(memoryOnDisk);
        Assert.True(diskOnDisk);
        Assert.Equal(inMemory, onDisk);
        Assert.Equal(1201, inMemory.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // header + 1,200 scored rows
    }

    private static string Score(string path, LocalDate asOf, int chunk, out bool onDisk)
    {
        var scorer = new CustomerFileScorer(new ScoringOptions(), asOf, "en", chunk);
        using var first = CustomerCsvReader.Open(path);
        using var values = scorer.ReadValues(first, progress: null, CancellationToken.None);
        onDisk = values.Clvs!.OnDisk;
        using var second = CustomerCsvReader.Open(path);
        using var text = new StringWriter();
        using (var sink = new CsvSink(text, ownsWriter: false))
        {
            scorer.Score(second, values, sink, rejects: null, progress: null, CancellationToken.None);
            sink.Flush();
        }

        return text.ToString();
    }
}
