using System.Text;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.InventoryService.Tests.Support;

namespace OrderPlatform.InventoryService.Tests.Api;

/// <summary>
/// No field is silently defaulted: a missing or null required field is a 400 naming it ("... is required") and nothing
/// is written. PUT /api/inventory refuses unknown members; the Dapr-invoked methods skip them (version skew).
/// </summary>
public sealed class RequiredFieldsApiTests : IDisposable
{
    private readonly InventoryApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    private async Task<ProblemBody> SendAsync(HttpMethod method, string path, string json)
    {
        var client = await factory.StartAsync();
        await factory.PutAsync(StateKeys.Stock("SKU-001"), new StockItem("SKU-001", 40, 2));
        var response = await client.SendAsync(new HttpRequestMessage(method, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        factory.Hooks.StateWrites.Should().Be(0, "nothing may be stored for bad input");
        (await factory.GetAsync<StockItem>(StateKeys.Stock("SKU-001"))).Should().Be(new StockItem("SKU-001", 40, 2));
        return await response.ReadAsync<ProblemBody>();
    }

    [Theory]
    [InlineData("/reserve", """{"orderId":"o","items":[{"productId":"SKU-001","quantity":1}]}""", "reservationId")]
    [InlineData("/reserve", """{"reservationId":"r","orderId":null,"items":[{"productId":"SKU-001","quantity":1}]}""", "orderId")]
    [InlineData("/reserve", """{"reservationId":"r","orderId":"o","items":[{"productId":"SKU-001"}]}""", "items[0].quantity")]
    [InlineData("/reserve", """{"reservationId":"r","orderId":"o","items":[{"productId":"SKU-001","quantity":1},{"quantity":1}]}""", "items[1].productId")]
    [InlineData("/reserve", """{"reservationId":"r","orderId":"o","items":null}""", "items")]
    [InlineData("/release", """{}""", "reservationId")]
    [InlineData("/release", """{"reservationId":null}""", "reservationId")]
    [InlineData("/commit", """{}""", "reservationId")]
    [InlineData("/check-stock", """{}""", "items")]
    [InlineData("/check-stock", """{"items":[{"productId":"SKU-001"}]}""", "items[0].quantity")]
    public async Task A_missing_or_null_required_field_is_named_as_required(string path, string json, string field)
    {
        var problem = await SendAsync(HttpMethod.Post, path, json);

        problem.Errors.Should().ContainKey(field).WhoseValue.Should().ContainSingle().Which.Should().EndWith("is required.");
    }

    [Fact]
    public async Task Setting_stock_without_available_is_refused_not_set_to_zero()
    {
        var problem = await SendAsync(HttpMethod.Put, "/api/inventory/SKU-001", "{}");

        problem.Errors.Should().ContainKey("available").WhoseValue.Should().Equal("'available' is required.");
    }

    [Theory]
    [InlineData("""{"quantity":100000}""", "quantity")]
    [InlineData("""{"available":5,"availble":7}""", "availble")]
    public async Task Setting_stock_with_an_unknown_member_is_refused(string json, string field)
    {
        var problem = await SendAsync(HttpMethod.Put, "/api/inventory/SKU-001", json);

        problem.Errors.Should().ContainKey(field).WhoseValue.Should().ContainSingle().Which.Should().Contain("not a field");
    }

    [Fact]
    public async Task Dapr_invoked_methods_skip_unknown_members_so_a_newer_caller_still_works()
    {
        var client = await factory.StartAsync();
        await factory.PutAsync(StateKeys.Stock("SKU-001"), new StockItem("SKU-001", 40, 2));

        var response = await client.PostAsync("/reserve", new StringContent(
            """{"reservationId":"r-new","orderId":"o","items":[{"productId":"SKU-001","quantity":3,"warehouse":"w1"}],"priority":1}""",
            Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await factory.GetAsync<StockItem>(StateKeys.Stock("SKU-001"))).Should().Be(new StockItem("SKU-001", 37, 5));
    }
}
