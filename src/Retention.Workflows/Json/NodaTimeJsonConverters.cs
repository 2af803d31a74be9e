using System;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Retention.Workflows;

/// <summary>An <see cref="Instant"/> as an ISO-8601 UTC string with up to nanoseconds: <c>2026-03-10T01:00:00Z</c>.</summary>
internal sealed class InstantJsonConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(InstantPattern.ExtendedIso, ref reader, "an instant such as 2026-03-10T01:00:00Z");

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));

    internal static T Parse<T>(IPattern<T> pattern, ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected {expected} as a string (was {reader.TokenType}).");
        }

        var result = pattern.Parse(reader.GetString()!);
        return result.Success ? result.Value : throw new JsonException($"Expected {expected}: {result.Exception.Message}");
    }
}

/// <summary>A <see cref="LocalDate"/> as an ISO-8601 date string: <c>2026-03-10</c>.</summary>
internal sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        InstantJsonConverter.Parse(LocalDatePattern.Iso, ref reader, "a date such as 2026-03-10");

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}

/// <summary>A <see cref="Duration"/> as <c>-D:hh:mm:ss.FFFFFFFFF</c> (round-trip pattern): <c>0:02:00:00</c>.</summary>
internal sealed class DurationJsonConverter : JsonConverter<Duration>
{
    public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        InstantJsonConverter.Parse(DurationPattern.Roundtrip, ref reader, "a duration such as 0:02:00:00 (days:hours:minutes:seconds)");

    public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DurationPattern.Roundtrip.Format(value));
}

/// <summary>Free context values as a JSON object, keys sorted ordinal, read back with ordinal keys.</summary>
internal sealed class StringMapJsonConverter : JsonConverter<ImmutableSortedDictionary<string, string>>
{
    public override ImmutableSortedDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected the context values as an object of strings (was {reader.TokenType}).");
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"The context value of \"{key}\" must be a string (was {reader.TokenType}).");
            }

            if (builder.ContainsKey(key))
            {
                throw new JsonException($"The context key \"{key}\" appears twice.");
            }

            builder.Add(key, reader.GetString()!);
        }

        return builder.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var pair in value)
        {
            writer.WriteString(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
    }
}
