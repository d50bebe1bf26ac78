using System.Text.Json;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.ServiceDefaults.RequestBodies;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace OrderPlatform.OrderService.Orders.Batch;

/// <summary>
/// Reads one batch entry with the same strict options as <c>POST /api/orders</c> binds its body with (required fields,
/// no null for non-nullable ones, unknown members refused), turning a read failure into that entry's errors.
/// </summary>
public sealed class BatchEntryReader(IOptions<HttpJsonOptions> json)
{
    public const string EntryField = "order";

    public BatchEntry Read(JsonElement entry)
    {
        if (entry.ValueKind == JsonValueKind.Null)
        {
            return new BatchEntry(null, new Dictionary<string, string[]> { [EntryField] = [JsonBodyErrors.Required(EntryField)] });
        }

        try
        {
            return new BatchEntry(entry.Deserialize<CreateOrderRequest>(json.Value.SerializerOptions));
        }
        catch (JsonException ex)
        {
            var contract = json.Value.SerializerOptions.GetTypeInfo(typeof(CreateOrderRequest));
            return new BatchEntry(null, JsonBodyErrors.From(ex, contract, entry, rootField: EntryField));
        }
    }
}
