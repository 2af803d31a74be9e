using System.Text.Json.Serialization;

namespace Retention.Workflows;

/// <summary>Source-generated (reflection-free, trimming and AOT safe) JSON metadata for definitions, instances, events and commands.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [typeof(InstantJsonConverter), typeof(LocalDateJsonConverter), typeof(DurationJsonConverter)])]
[JsonSerializable(typeof(WorkflowDefinition))]
[JsonSerializable(typeof(WorkflowInstance))]
[JsonSerializable(typeof(WorkflowEvent))]
[JsonSerializable(typeof(WorkflowCommand))]
internal sealed partial class WorkflowJsonContext : JsonSerializerContext;
