using System.Text.Json;
using System.Text.Json.Serialization;
using OrderPlatform.ServiceDefaults.RequestBodies;

namespace OrderPlatform.ServiceDefaults.Tests;

/// <summary>
/// The field at fault comes from the exception's path, the contract and the document, never from the message text:
/// a converter that throws with System.Text.Json's own wording for another failure still names its own field.
/// </summary>
public sealed class JsonBodyErrorsTests
{
    private static readonly JsonSerializerOptions Strict =
        StrictJson.CopyOf(JsonDefaults.Options, JsonUnmappedMemberHandling.Disallow);

    public sealed record Line(string ProductId, int Quantity, [property: JsonConverter(typeof(LyingConverter))] string? Note = null);

    public sealed record Body(string CustomerId, IReadOnlyList<Line> Items);

    /// <summary>Refuses "lie" with a message System.Text.Json writes for missing or unknown members.</summary>
    public sealed class LyingConverter : JsonConverter<string>
    {
        public const string MissingWording = "JSON deserialization for type 'Line' was missing required properties including: 'ghost'.";
        public const string UnknownWording = "The JSON property 'ghost' could not be mapped to any .NET member contained in type 'Line'.";

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() switch
            {
                "lie-missing" => throw new JsonException(MissingWording),
                "lie-unknown" => throw new JsonException(UnknownWording),
                "lie-null" => throw new JsonException("The property or field 'note' doesn't allow setting null values."),
                var s => s,
            };

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    [Theory]
    [InlineData("lie-missing")]
    [InlineData("lie-unknown")]
    [InlineData("lie-null")]
    public void A_message_in_the_wording_of_another_failure_still_names_the_field_that_failed(string note)
    {
        var errors = Errors($$"""{"customerId":"c","items":[{"productId":"p","quantity":1,"note":"{{note}}"}]}""");

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new KeyValuePair<string, string[]>("items[0].note", [JsonBodyErrors.NotValidJson]));
    }

    [Theory]
    [InlineData("""{"items":[]}""", "customerId", "'customerId' is required.")]
    [InlineData("""{"customerId":null,"items":[]}""", "customerId", "'customerId' is required.")]
    [InlineData("""{"customerId":"c","items":[{"productId":"p"}]}""", "items[0].quantity", "'quantity' is required.")]
    [InlineData("""{"customerId":"c","items":[{"productId":"p","quantity":null}]}""", "items[0].quantity", "'quantity' is required.")]
    [InlineData("""{"customerId":"c","items":[{"productId":"p","quantity":"x"}]}""", "items[0].quantity", JsonBodyErrors.NotValidJson)]
    [InlineData("""{"customerId":"c","items":[{"productId":"p","quantity":1,"qty":1}]}""", "items[0].qty", "'qty' is not a field of this body; check its spelling.")]
    public void Each_failure_is_told_from_structure(string json, string field, string message) =>
        Errors(json).Should().ContainKey(field).WhoseValue.Should().Equal(message);

    [Fact]
    public void Malformed_json_is_not_valid_json_for_the_body() =>
        Errors("""{"customerId":"c","items":[""", document: false).Should().ContainSingle().Which.Value.Should().Equal(JsonBodyErrors.NotValidJson);

    private static Dictionary<string, string[]> Errors(string json, bool document = true)
    {
        var exception = FluentActions.Invoking(() => JsonSerializer.Deserialize<Body>(json, Strict)).Should().Throw<JsonException>().Which;
        JsonElement? parsed = document ? JsonDocument.Parse(json).RootElement.Clone() : null;
        return JsonBodyErrors.From(exception, Strict.GetTypeInfo(typeof(Body)), parsed);
    }
}
