using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderPlatform.OrderService.Storage;

/// <summary>
/// Writes timestamps as fixed-width ISO-8601 UTC (<c>2026-01-31T08:15:00.0000000Z</c>) so the state store can sort
/// them as text (the state query API sorts orders by <c>createdAt</c>).
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString() ?? throw new JsonException("A timestamp cannot be null."), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
