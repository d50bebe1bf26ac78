using System.Text;
using OrderPlatform.InventoryService.Tests.Support;

namespace OrderPlatform.InventoryService.Tests.Api;

/// <summary>Bad input is a 400 ProblemDetails naming the field at fault, and nothing is stored.</summary>
public sealed class ValidationApiTests : IDisposable
{
    private readonly InventoryApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    private async Task<ProblemBody> PostRawAsync(string path, string json)
    {
        var client = await factory.StartAsync();
        var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        factory.Hooks.StateWrites.Should().Be(0, "nothing may be stored for bad input");
        return await response.ReadAsync<ProblemBody>();
    }

    [Theory]
    [InlineData("/reserve", """{"reservationId":"r","orderId":"o","items":[{"productId":"SKU-001","quantity":0}]}""", "items[0].quantity")]
    [InlineData("/reserve", """{"reservationId":"r","orderId":"o","items":[{"productId":"SKU-001","quantity":1},{"productId":"","quantity":1}]}""", "items[1].productId")]
    [InlineData("/reserve", """{"reservationId":"","orderId":"o","items":[{"productId":"SKU-001","quantity":1}]}""", "reservationId")]
    [InlineData("/reserve", """{"reservationId":"a||b","orderId":"o","items":[{"productId":"SKU-001","quantity":1}]}""", "reservationId")]
    [InlineData("/reserve", """{"reservationId":"r","items":[{"productId":"SKU-001","quantity":1}]}""", "orderId")]
    [InlineData("/reserve", """{"reservationId":"r","orderId":"o","items":[]}""", "items")]
    [InlineData("/reserve", """{"reservationId":"r","orderId":"o"}""", "items")]
    [InlineData("/reserve", """{"reservationId":"r","orderId":"o","items":[null]}""", "items[0]")]
    [InlineData("/release", """{"reservationId":" "}""", "reservationId")]
    [InlineData("/commit", """{"reservationId":"a b"}""", "reservationId")]
    [InlineData("/commit", """{}""", "reservationId")]
    [InlineData("/commit", """{"reservationId":"r","productIds":["SKU-001","a b"]}""", "productIds[1]")]
    [InlineData("/check-stock", """{"items":[{"productId":"SKU-001","quantity":-2}]}""", "items[0].quantity")]
    [InlineData("/check-stock", """{"items":[{"productId":"SKU-001","quantity":1000001}]}""", "items[0].quantity")]
    public async Task Invalid_fields_are_named_in_the_problem(string path, string json, string field)
    {
        var problem = await PostRawAsync(path, json);

        problem.Errors.Should().ContainKey(field);
        problem.Status.Should().Be(400);
    }

    [Fact]
    public async Task A_value_of_the_wrong_json_type_names_its_path()
    {
        var problem = await PostRawAsync(
            "/reserve", """{"reservationId":"r","orderId":"o","items":[{"productId":"SKU-001","quantity":"two"}]}""");

        problem.Errors.Should().ContainKey("items[0].quantity");
    }

    [Fact]
    public async Task Malformed_json_and_a_missing_body_are_400_problems()
    {
        (await PostRawAsync("/reserve", "{not json")).Errors.Should().NotBeEmpty();
        (await PostRawAsync("/release", "null")).Errors.Should().ContainKey("body");
    }

    [Fact]
    public async Task More_than_100_lines_are_refused()
    {
        var lines = string.Join(',', Enumerable.Range(0, 101).Select(_ => """{"productId":"SKU-001","quantity":1}"""));

        var problem = await PostRawAsync("/check-stock", $$"""{"items":[{{lines}}]}""");

        problem.Errors.Should().ContainKey("items");
    }
}
