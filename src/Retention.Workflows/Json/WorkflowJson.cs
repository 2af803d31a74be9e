using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Retention.Workflows;

/// <summary>
/// Reads and writes definitions, instances, events and commands as JSON with source-generated System.Text.Json (no
/// reflection; trimming and native-AOT safe). The round trip is lossless: reading what was written gives an equal value.
/// </summary>
/// <remarks>
/// <para>Format: camelCase names; enums as names; instants as ISO-8601 UTC (<c>2026-03-10T01:00:00Z</c>); dates as
/// <c>2026-03-10</c>; durations as <c>D:hh:mm:ss</c>; windows, events and commands carry a <c>$type</c> discriminator
/// first (<c>days</c>, <c>hours</c>, <c>daysAfter</c>, <c>hoursAfter</c>, <c>recurring</c>; <c>stepCompleted</c>, ...;
/// <c>assignTask</c>, ...); <see langword="null"/> values are left out; unknown properties are errors.</para>
/// <para>Definitions read from JSON are checked like built ones. Stateless and thread-safe.</para>
/// </remarks>
public static class WorkflowJson
{
    /// <summary>Writes an instance.</summary>
    /// <param name="instance">The instance.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="instance"/> is <see langword="null"/>.</exception>
    public static string Serialize(WorkflowInstance instance) => Write(instance, WorkflowJsonContext.Default.WorkflowInstance);

    /// <summary>Writes a definition.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    public static string Serialize(WorkflowDefinition definition) => Write(definition, WorkflowJsonContext.Default.WorkflowDefinition);

    /// <summary>Writes an event.</summary>
    /// <param name="workflowEvent">The event.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="workflowEvent"/> is <see langword="null"/>.</exception>
    public static string Serialize(WorkflowEvent workflowEvent) => Write(workflowEvent, WorkflowJsonContext.Default.WorkflowEvent);

    /// <summary>Writes a command (for an outbox).</summary>
    /// <param name="command">The command.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is <see langword="null"/>.</exception>
    public static string Serialize(WorkflowCommand command) => Write(command, WorkflowJsonContext.Default.WorkflowCommand);

    /// <summary>Writes an instance as UTF-8 bytes.</summary>
    /// <param name="instance">The instance.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="instance"/> is <see langword="null"/>.</exception>
    public static byte[] SerializeToUtf8Bytes(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return JsonSerializer.SerializeToUtf8Bytes(instance, WorkflowJsonContext.Default.WorkflowInstance);
    }

    /// <summary>Reads an instance.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The instance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The JSON is malformed, is <c>null</c>, has an unknown property, or a value is invalid; the message says which.</exception>
    public static WorkflowInstance DeserializeInstance(string json) => Read(json, WorkflowJsonContext.Default.WorkflowInstance);

    /// <summary>Reads an instance from UTF-8 bytes.</summary>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <returns>The instance.</returns>
    /// <exception cref="JsonException">The JSON is malformed, is <c>null</c>, has an unknown property, or a value is invalid.</exception>
    public static WorkflowInstance DeserializeInstance(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, WorkflowJsonContext.Default.WorkflowInstance) ?? throw new JsonException("The JSON is null; expected a workflow instance.");
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"Invalid workflow instance: {e.Message}", e);
        }
    }

    /// <summary>Reads a definition and checks it like <see cref="WorkflowDefinition"/>'s constructor does.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The JSON is malformed, is <c>null</c>, has an unknown property, or a value has the wrong type.</exception>
    /// <exception cref="WorkflowDefinitionException">The definition is invalid; every problem is listed.</exception>
    public static WorkflowDefinition DeserializeDefinition(string json) => Read(json, WorkflowJsonContext.Default.WorkflowDefinition);

    /// <summary>Reads an event.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The JSON is malformed, is <c>null</c> or is not a known event.</exception>
    public static WorkflowEvent DeserializeEvent(string json) => Read(json, WorkflowJsonContext.Default.WorkflowEvent);

    /// <summary>Reads a command.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The JSON is malformed, is <c>null</c> or is not a known command.</exception>
    public static WorkflowCommand DeserializeCommand(string json) => Read(json, WorkflowJsonContext.Default.WorkflowCommand);

    private static string Write<T>(T value, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.Serialize(value, type);
    }

    private static T Read<T>(string json, JsonTypeInfo<T> type)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw new JsonException($"The JSON is null; expected a {typeof(T).Name}.");
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"Invalid {typeof(T).Name}: {e.Message}", e);
        }
    }
}
