using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text;

namespace Retention.Tool.Scoring;

/// <summary>
/// Writes CSV rows to a <see cref="TextWriter"/>, quoting per RFC 4180: a field that holds a comma, a double quote, a
/// carriage return or a line feed is put in double quotes and its double quotes are doubled; other fields are written
/// as they are. Rows end with a line feed (<c>\n</c>). Numbers use the invariant culture. Rows are gathered in a
/// buffer of about 64 K characters and handed to the writer a buffer at a time, so the memory used does not grow with
/// the number of rows and a console writer is not flushed once per row.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class CsvSink : IDisposable
{
    private const int FlushAt = 1 << 16;
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly StringBuilder _buffer = new(FlushAt + 1024);
    private bool _rowStarted;

    /// <summary>Creates a sink over a writer.</summary>
    /// <param name="writer">Where the rows go.</param>
    /// <param name="ownsWriter">Whether <see cref="Dispose"/> disposes the writer too.</param>
    public CsvSink(TextWriter writer, bool ownsWriter)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _ownsWriter = ownsWriter;
    }

    /// <summary>The number of rows ended so far (the header counts).</summary>
    public long Rows { get; private set; }

    /// <summary>Writes a whole row of text fields.</summary>
    /// <param name="fields">The fields.</param>
    public void Row(params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (string field in fields)
        {
            Field(field);
        }

        EndRow();
    }

    /// <summary>Adds a text field to the current row, quoted when it needs to be.</summary>
    /// <param name="value">The text; <see langword="null"/> writes an empty field.</param>
    /// <returns>This sink.</returns>
    public CsvSink Field(string? value)
    {
        Separator();
        Append(_buffer, value);
        return this;
    }

    /// <summary>Adds a whole number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>This sink.</returns>
    public CsvSink Field(long value)
    {
        Separator();
        _buffer.Append(CultureInfo.InvariantCulture, $"{value}");
        return this;
    }

    /// <summary>Adds a number in its shortest form that reads back to the same <see cref="double"/> (for example <c>47.5</c>).</summary>
    /// <param name="value">The number.</param>
    /// <returns>This sink.</returns>
    public CsvSink Field(double value)
    {
        Separator();
        _buffer.Append(CultureInfo.InvariantCulture, $"{value:R}");
        return this;
    }

    /// <summary>Adds an amount as the <see cref="decimal"/> prints it (for example <c>7000.0</c>).</summary>
    /// <param name="value">The amount.</param>
    /// <returns>This sink.</returns>
    public CsvSink Field(decimal value)
    {
        Separator();
        _buffer.Append(CultureInfo.InvariantCulture, $"{value}");
        return this;
    }

    /// <summary>Ends the current row; hands the buffer to the writer when it is full.</summary>
    public void EndRow()
    {
        _buffer.Append('\n');
        _rowStarted = false;
        Rows++;
        if (_buffer.Length >= FlushAt)
        {
            FlushBuffer();
        }
    }

    /// <summary>Hands everything written so far to the writer and flushes it.</summary>
    public void Flush()
    {
        FlushBuffer();
        _writer.Flush();
    }

    /// <summary>Disposes the writer when this sink owns it. Rows still in the buffer are dropped: call <see cref="Flush"/> first to keep them.</summary>
    public void Dispose()
    {
        if (_ownsWriter)
        {
            _writer.Dispose();
        }
    }

    /// <summary>Appends one field to a builder, quoted per RFC 4180 when it holds a comma, a double quote or a line break.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="value">The field's text; <see langword="null"/> appends nothing.</param>
    internal static void Append(StringBuilder builder, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(NeedsQuotes) < 0)
        {
            builder.Append(value);
            return;
        }

        builder.Append('"');
        foreach (char c in value)
        {
            if (c == '"')
            {
                builder.Append('"');
            }

            builder.Append(c);
        }

        builder.Append('"');
    }

    private void Separator()
    {
        if (_rowStarted)
        {
            _buffer.Append(',');
        }

        _rowStarted = true;
    }

    private void FlushBuffer()
    {
        if (_buffer.Length > 0)
        {
            _writer.Write(_buffer);
            _buffer.Clear();
        }
    }
}
