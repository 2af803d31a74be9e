using System;
using System.IO;
using System.Text;

namespace Retention.Tool.Scoring;

/// <summary>
/// A CSV file being written: the rows go to a temporary file next to the target, which replaces the target only when
/// <see cref="Commit"/> is called. A run that fails or is cancelled leaves the target as it was (no half-written file
/// that looks complete) and deletes the temporary file.
/// </summary>
internal sealed class PendingFile : IDisposable
{
    private readonly string _temporary;
    private bool _committed;

    private PendingFile(string path, string temporary, CsvSink sink)
    {
        Path = path;
        _temporary = temporary;
        Sink = sink;
    }

    /// <summary>The target file's full path.</summary>
    public string Path { get; }

    /// <summary>Where the rows go.</summary>
    public CsvSink Sink { get; }

    /// <summary>Starts writing a file: UTF-8 without a byte order mark.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="option">The option that named it, for messages (<c>--output</c>).</param>
    /// <returns>The pending file.</returns>
    /// <exception cref="ToolUsageException">The folder does not exist, the path is a folder, or the file cannot be written.</exception>
    public static PendingFile Create(string path, string option)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new ToolUsageException($"{option} {path} is a folder, not a file");
        }

        string folder = System.IO.Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new ToolUsageException($"{option}: the folder {folder} does not exist");
        }

        string temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        FileStream stream;
        try
        {
            stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolUsageException($"{option}: cannot write in {folder}: {e.Message}");
        }

        var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16);
        return new PendingFile(full, temporary, new CsvSink(writer, ownsWriter: true));
    }

    /// <summary>Flushes the rows and puts the file in place of the target (replacing it).</summary>
    /// <exception cref="IOException">The target cannot be replaced.</exception>
    public void Commit()
    {
        Sink.Flush();
        Sink.Dispose();
        File.Move(_temporary, Path, overwrite: true);
        _committed = true;
    }

    /// <summary>Deletes the temporary file unless <see cref="Commit"/> put it in place.</summary>
    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        Sink.Dispose();
        try
        {
            File.Delete(_temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the run has already failed for a better reason.
        }
    }
}
