using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Retention.Scripts;

/// <summary>The root of a JSON catalog file: <c>{ "scripts": [ ... ] }</c>.</summary>
internal sealed class CatalogDocument
{
    public List<ScriptDefinition>? Scripts { get; set; }
}

/// <summary>Source-generated (reflection-free, trimming and AOT safe) JSON metadata for catalog files.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(CatalogDocument))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
