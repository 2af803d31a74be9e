using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Retention.Scripts;

/// <summary>
/// Reads JSON catalog files (<c>{ "scripts": [ ... ] }</c>, the format of the built-in catalog) with source-generated,
/// reflection-free System.Text.Json. Syntax and type errors carry the file's line and column; unknown properties are errors.
/// </summary>
/// <remarks>Stateless and thread-safe. Reading only parses; <see cref="ScriptCatalog"/> checks the scripts.</remarks>
public static class ScriptCatalogFile
{
    /// <summary>Parses a catalog from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The file's bytes.</param>
    /// <param name="source">A name for the source in error messages (a file path).</param>
    /// <returns>The script definitions, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ScriptCatalogException">The JSON is malformed, has an unknown property or a value of the wrong type, or has no <c>scripts</c> array; the problem gives the line and column.</exception>
    public static IReadOnlyList<ScriptDefinition> Parse(ReadOnlySpan<byte> utf8Json, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..]; // a UTF-8 byte order mark, as editors on Windows write
        }

        CatalogDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, CatalogJsonContext.Default.CatalogDocument);
        }
        catch (JsonException e)
        {
            throw new ScriptCatalogException([new ScriptProblem(source, e.Path ?? "$", Clean(e.Message))
            {
                Line = e.LineNumber + 1,
                Column = e.BytePositionInLine + 1,
            }]);
        }

        if (document?.Scripts is null)
        {
            throw new ScriptCatalogException([new ScriptProblem(source, "$", "the file must be an object with a \"scripts\" array") { Line = 1, Column = 1 }]);
        }

        return document.Scripts;
    }

    /// <summary>Parses a catalog from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">A name for the source in error messages.</param>
    /// <returns>The script definitions, in file order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ScriptCatalogException">See <see cref="Parse(ReadOnlySpan{byte}, string)"/>.</exception>
    public static IReadOnlyList<ScriptDefinition> Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(System.Text.Encoding.UTF8.GetBytes(json), source);
    }

    /// <summary>Reads and parses a catalog file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The script definitions, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ScriptCatalogException">The file cannot be read, or see <see cref="Parse(ReadOnlySpan{byte}, string)"/>.</exception>
    public static IReadOnlyList<ScriptDefinition> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScriptCatalogException([new ScriptProblem(path, "$", $"cannot read the file: {e.Message}")]);
        }

        return Parse(bytes, path);
    }

    // System.Text.Json appends "Path: ... | LineNumber: ... | BytePositionInLine: ..." to its messages; we report those separately.
    private static string Clean(string message)
    {
        int at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }
}
