using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Retention.Workflows;

namespace Retention.Tool.Workflows;

/// <summary>A workflow definition read from a file, with where it came from.</summary>
/// <param name="Definition">The definition.</param>
/// <param name="Source">The file as given on the command line, with the array index when the file holds an array.</param>
internal sealed record ConfiguredWorkflow(WorkflowDefinition Definition, string Source);

/// <summary>
/// Reads workflow definition files: the JSON of <see cref="WorkflowJson.Serialize(WorkflowDefinition)"/>, either one
/// definition (an object) or several (an array of such objects). Each definition is read with
/// <see cref="WorkflowJson.DeserializeDefinition"/>, so it is checked like a built one.
/// </summary>
internal static class DefinitionFile
{
    /// <summary>Reads every definition of a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The definitions, in file order.</returns>
    /// <exception cref="ToolUsageException">The file is missing or unreadable, is not JSON, holds no definition, or a definition is invalid; the message names the file, the line and the reason.</exception>
    public static IReadOnlyList<ConfiguredWorkflow> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new ToolUsageException($"workflow definition file not found: {path}");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolUsageException($"{path} cannot be read: {e.Message}");
        }

        var elements = new List<(int Start, int Length)>();
        bool array;
        try
        {
            var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
            var reader = new Utf8JsonReader(bytes.AsSpan(Bom(bytes)), options);
            if (!reader.Read())
            {
                throw new ToolUsageException($"{path} is empty: expected a workflow definition (a JSON object) or an array of them");
            }

            array = reader.TokenType == JsonTokenType.StartArray;
            if (!array && reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ToolUsageException($"{path}: expected a workflow definition (a JSON object) or an array of them, not {reader.TokenType}");
            }

            if (array)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    int start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    elements.Add((start, (int)reader.BytesConsumed - start));
                }
            }
            else
            {
                reader.Skip();
                elements.Add((0, (int)reader.BytesConsumed));
            }

            if (reader.Read())
            {
                throw new ToolUsageException($"{path}: unexpected {reader.TokenType} after the {(array ? "array" : "definition")}");
            }
        }
        catch (JsonException e)
        {
            throw new ToolUsageException($"{path}{Where(e, null)} is not valid JSON: {Reason(e)}");
        }

        if (elements.Count == 0)
        {
            throw new ToolUsageException($"{path} holds an empty array: expected at least one workflow definition");
        }

        var result = new List<ConfiguredWorkflow>(elements.Count);
        int offset = Bom(bytes);
        for (int i = 0; i < elements.Count; i++)
        {
            int? index = array ? i : null;
            string source = index is int n ? $"{path} [{n.ToString(CultureInfo.InvariantCulture)}]" : path;
            string json = Padded(bytes, offset, elements[i].Start, elements[i].Length);
            try
            {
                result.Add(new(WorkflowJson.DeserializeDefinition(json), source));
            }
            catch (JsonException e)
            {
                throw new ToolUsageException($"{path}{Where(e, index)}: not a valid workflow definition: {Reason(e)}");
            }
            catch (WorkflowDefinitionException e)
            {
                throw new ToolUsageException($"{source}: {Problems(e)}");
            }
        }

        return result;
    }

    /// <summary>
    /// The element's JSON preceded by the line breaks and spaces that came before it in the file, so the reader's line
    /// numbers and positions in its errors are the file's.
    /// </summary>
    private static string Padded(byte[] bytes, int offset, int start, int length)
    {
        int absolute = offset + start;
        int lines = 0, column = 0;
        for (int i = offset; i < absolute; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lines++;
                column = 0;
            }
            else
            {
                column++;
            }
        }

        return new string('\n', lines) + new string(' ', column) + Encoding.UTF8.GetString(bytes, absolute, length);
    }

    private static int Bom(byte[] bytes) => bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;

    private static string Where(JsonException e, int? index)
    {
        var parts = new List<string>();
        if (e.LineNumber is long line)
        {
            parts.Add($"line {(line + 1).ToString(CultureInfo.InvariantCulture)}");
        }

        if (e.Path is { Length: > 0 } jsonPath)
        {
            parts.Add("at " + (index is int n && jsonPath.StartsWith('$') ? $"$[{n.ToString(CultureInfo.InvariantCulture)}]{jsonPath[1..]}" : jsonPath));
        }

        return parts.Count == 0 ? string.Empty : " (" + string.Join(", ", parts) + ")";
    }

    /// <summary>The reader's message without the position it appends (reported by <see cref="Where"/>).</summary>
    private static string Reason(JsonException e)
    {
        string message = e.Message;
        int at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (at < 0)
        {
            at = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        message = at > 0 ? message[..at] : message;
        if (e.InnerException is WorkflowDefinitionException inner)
        {
            message += " " + Problems(inner);
        }
        else if (e.InnerException is { } cause && !message.Contains(cause.Message, StringComparison.Ordinal))
        {
            message += " " + cause.Message;
        }

        return message.Trim();
    }

    private static string Problems(WorkflowDefinitionException e) =>
        e.Problems.Count == 1 ? "invalid workflow definition: " + e.Problems[0]
            : "invalid workflow definition:" + string.Concat(e.Problems.Select(p => Environment.NewLine + "  - " + p));
}
