using System;
using System.Collections.Generic;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using Retention.Scoring;

namespace Retention.Tool.Scoring;

/// <summary>
/// The CLVs of every customer that will be scored, for the value score: the percentile rank of a CLV in the base,
/// <c>100 x (CLVs in the base below it) / Count</c>, exactly as <see cref="ValueDistribution.PercentileRank"/> computes it.
/// </summary>
internal interface IClvBase : IDisposable
{
    /// <summary>The number of CLVs in the base.</summary>
    int Count { get; }

    /// <summary>Whether the base was sorted on disk because it did not fit in one in-memory chunk.</summary>
    bool OnDisk { get; }

    /// <summary>The value score of a CLV, in [0, 100].</summary>
    /// <param name="lifetimeValue">A CLV.</param>
    /// <returns>The percentile rank.</returns>
    double PercentileRank(decimal lifetimeValue);
}

/// <summary>
/// Collects the CLVs of pass 1. Up to <see cref="DefaultChunk"/> CLVs (16 MB) stay in memory and become the library's
/// <see cref="ValueDistribution"/>; a larger base is sorted on disk in runs of that size, merged into one sorted file and
/// searched in place (memory-mapped), so the memory scoring takes stays bounded whatever the file's size.
/// </summary>
internal sealed class ClvCollector : IDisposable
{
    /// <summary>CLVs kept in memory before a sorted run goes to disk: 1,048,576 (16 MB).</summary>
    public const int DefaultChunk = 1 << 20;

    /// <summary>How many sorted runs are merged at once (bounds the open files).</summary>
    private const int MergeWidth = 64;

    private const int BufferSize = 1 << 16;

    private readonly int _chunk;
    private readonly string _tempRoot;
    private readonly List<decimal> _buffer = [];
    private readonly List<string> _runs = [];
    private string? _folder;
    private int _count;

    /// <summary>Creates a collector.</summary>
    /// <param name="chunk">CLVs kept in memory before a run is written to disk (tests use small chunks).</param>
    /// <param name="tempRoot">Where the folder of sorted runs is made; <see langword="null"/> for the system's temporary folder.</param>
    public ClvCollector(int chunk = DefaultChunk, string? tempRoot = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        _chunk = chunk;
        _tempRoot = tempRoot ?? Path.GetTempPath();
    }

    /// <summary>Adds one customer's CLV.</summary>
    /// <param name="lifetimeValue">The CLV.</param>
    public void Add(decimal lifetimeValue)
    {
        _buffer.Add(lifetimeValue);
        _count = checked(_count + 1);
        if (_buffer.Count == _chunk)
        {
            Spill();
        }
    }

    /// <summary>The base of every CLV added, or <see langword="null"/> when none was; the caller disposes it.</summary>
    /// <returns>The base.</returns>
    public IClvBase? Complete()
    {
        if (_count == 0)
        {
            return null;
        }

        if (_runs.Count == 0)
        {
            var distribution = ValueDistribution.Create(CollectionsMarshal.AsSpan(_buffer));
            _buffer.Clear();
            _buffer.TrimExcess();
            return new InMemoryClvBase(distribution);
        }

        if (_buffer.Count > 0)
        {
            Spill();
        }

        _buffer.TrimExcess();
        while (_runs.Count > 1)
        {
            var merged = new List<string>();
            for (int i = 0; i < _runs.Count; i += MergeWidth)
            {
                merged.Add(Merge(_runs.GetRange(i, Math.Min(MergeWidth, _runs.Count - i))));
            }

            _runs.Clear();
            _runs.AddRange(merged);
        }

        var result = new SortedFileClvBase(_runs[0], _count, _folder!);
        _folder = null; // the base owns the folder now
        _runs.Clear();
        return result;
    }

    /// <summary>Deletes the runs written so far, when <see cref="Complete"/> was not reached.</summary>
    public void Dispose()
    {
        if (_folder is not null)
        {
            TryDelete(_folder);
            _folder = null;
        }
    }

    /// <summary>Deletes a folder of runs, ignoring a folder that is already gone or still in use.</summary>
    internal static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary folder left behind is not worth failing a finished run for.
        }
    }

    private void Spill()
    {
        _folder ??= Directory.CreateDirectory(Path.Combine(_tempRoot, "retention-score-" + Guid.NewGuid().ToString("N"))).FullName;
        CollectionsMarshal.AsSpan(_buffer).Sort();
        string path = NewRun();
        using (var writer = new BinaryWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize)))
        {
            foreach (decimal value in _buffer)
            {
                writer.Write(value);
            }
        }

        _runs.Add(path);
        _buffer.Clear();
    }

    private string NewRun() => Path.Combine(_folder!, $"run-{Guid.NewGuid():N}.bin");

    /// <summary>Merges sorted runs into one sorted run and deletes them.</summary>
    private string Merge(List<string> runs)
    {
        if (runs.Count == 1)
        {
            return runs[0];
        }

        string path = NewRun();
        var readers = new List<(BinaryReader Reader, long Left)>(runs.Count);
        try
        {
            var queue = new PriorityQueue<int, decimal>(runs.Count);
            foreach (string run in runs)
            {
                var stream = new FileStream(run, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
                readers.Add((new BinaryReader(stream), stream.Length / sizeof(decimal)));
            }

            for (int i = 0; i < readers.Count; i++)
            {
                Advance(readers, queue, i);
            }

            using var writer = new BinaryWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize));
            while (queue.TryDequeue(out int i, out decimal value))
            {
                writer.Write(value);
                Advance(readers, queue, i);
            }
        }
        finally
        {
            foreach (var (reader, _) in readers)
            {
                reader.Dispose();
            }
        }

        foreach (string run in runs)
        {
            File.Delete(run);
        }

        return path;
    }

    private static void Advance(List<(BinaryReader Reader, long Left)> readers, PriorityQueue<int, decimal> queue, int i)
    {
        var (reader, left) = readers[i];
        if (left > 0)
        {
            queue.Enqueue(i, reader.ReadDecimal());
            readers[i] = (reader, left - 1);
        }
    }
}

/// <summary>A base that fits in memory: the library's own <see cref="ValueDistribution"/>.</summary>
/// <param name="distribution">The distribution.</param>
internal sealed class InMemoryClvBase(ValueDistribution distribution) : IClvBase
{
    /// <inheritdoc/>
    public int Count => distribution.Count;

    /// <inheritdoc/>
    public bool OnDisk => false;

    /// <inheritdoc/>
    public double PercentileRank(decimal lifetimeValue) => distribution.PercentileRank(lifetimeValue);

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}

/// <summary>
/// A base sorted on disk: one file of <see cref="decimal"/>s in ascending order (as <see cref="BinaryWriter.Write(decimal)"/>
/// writes them), memory-mapped and binary-searched. Deletes its folder when disposed.
/// </summary>
internal sealed class SortedFileClvBase : IClvBase
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly string _folder;

    /// <summary>Maps a sorted file.</summary>
    /// <param name="path">The sorted file.</param>
    /// <param name="count">The number of CLVs in it.</param>
    /// <param name="folder">The temporary folder holding it, deleted on <see cref="Dispose"/>.</param>
    public SortedFileClvBase(string path, int count, string folder)
    {
        Count = count;
        _folder = folder;
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.Read);
        _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public bool OnDisk => true;

    /// <inheritdoc/>
    public double PercentileRank(decimal lifetimeValue)
    {
        // First index whose value is >= lifetimeValue: the number of strictly lower CLVs (as ValueDistribution does).
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (At(mid) < lifetimeValue)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return 100.0 * lo / Count;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _view.Dispose();
        _file.Dispose();
        ClvCollector.TryDelete(_folder);
    }

    private decimal At(int index)
    {
        long offset = (long)index * sizeof(decimal);
        Span<int> bits = stackalloc int[4];
        bits[0] = _view.ReadInt32(offset);
        bits[1] = _view.ReadInt32(offset + 4);
        bits[2] = _view.ReadInt32(offset + 8);
        bits[3] = _view.ReadInt32(offset + 12);
        return new decimal(bits);
    }
}
