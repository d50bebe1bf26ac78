using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.DevSidecar.Tests.State;

/// <summary>The HTTP state API, driven with raw HTTP as services without the SDK would.</summary>
public sealed class StateHttpTests(StateSidecar sidecar) : IClassFixture<StateSidecar>
{
    private readonly HttpClient http = sidecar.Host.CreateHttpClient("app-a");

    private static string NewKey() => "h-" + Guid.NewGuid().ToString("N");

    private static Uri U(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Post_get_and_delete_with_if_match()
    {
        var key = NewKey();
        (await http.PostAsJsonAsync(U("/v1.0/state/shared"), new[] { new { key, value = new { name = "n", quantity = 2 } } }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);

        using var get = await http.GetAsync(U($"/v1.0/state/shared/{key}"));
        get.StatusCode.Should().Be(HttpStatusCode.OK);
        (await get.Content.ReadFromJsonAsync<Widget>()).Should().Be(new Widget("n", 2));
        var etag = get.Headers.ETag?.Tag ?? get.Headers.GetValues("ETag").Single();

        using var stale = new HttpRequestMessage(HttpMethod.Delete, U($"/v1.0/state/shared/{key}"));
        stale.Headers.TryAddWithoutValidation("If-Match", "12345678");
        using var conflict = await http.SendAsync(stale);
        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString().Should().Be("ERR_STATE_DELETE");

        using var current = new HttpRequestMessage(HttpMethod.Delete, U($"/v1.0/state/shared/{key}"));
        current.Headers.TryAddWithoutValidation("If-Match", etag.Trim('"'));
        (await http.SendAsync(current)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await http.GetAsync(U($"/v1.0/state/shared/{key}"))).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Save_with_a_stale_etag_is_a_409_err_state_save()
    {
        var key = NewKey();
        await http.PostAsJsonAsync(U("/v1.0/state/shared"), new[] { new { key, value = 1 } });

        using var response = await http.PostAsJsonAsync(U("/v1.0/state/shared"), new[] { new { key, value = 2, etag = "999999" } });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString().Should().Be("ERR_STATE_SAVE");
    }

    [Fact]
    public async Task Bulk_get_returns_data_and_etags()
    {
        var (k1, missing) = (NewKey(), NewKey());
        await http.PostAsJsonAsync(U("/v1.0/state/shared"), new[] { new { key = k1, value = new { name = "b", quantity = 1 } } });

        var items = await (await http.PostAsJsonAsync(U("/v1.0/state/shared/bulk"), new { keys = new[] { k1, missing }, parallelism = 2 }))
            .Content.ReadFromJsonAsync<JsonElement>();

        items[0].GetProperty("key").GetString().Should().Be(k1);
        items[0].GetProperty("data").GetProperty("name").GetString().Should().Be("b");
        items[0].GetProperty("etag").GetString().Should().NotBeNullOrEmpty();
        items[1].TryGetProperty("data", out _).Should().BeFalse();
    }

    [Fact]
    public async Task A_failed_transaction_is_a_500_err_state_transaction_and_applies_nothing()
    {
        var (a, b) = (NewKey(), NewKey());
        var body = new
        {
            operations = new object[]
            {
                new { operation = "upsert", request = new { key = a, value = 1 } },
                new { operation = "upsert", request = new { key = b, value = 2, etag = "424242" } },
            },
        };

        using var response = await http.PostAsJsonAsync(U("/v1.0/state/shared/transaction"), body);

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString().Should().Be("ERR_STATE_TRANSACTION");
        (await http.GetAsync(U($"/v1.0/state/shared/{a}"))).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Query_over_http_returns_results_and_token()
    {
        var prefix = NewKey();
        for (var i = 0; i < 3; i++)
        {
            await http.PostAsJsonAsync(U("/v1.0/state/by-name"), new[] { new { key = $"{prefix}-{i}", value = new { group = prefix, rank = i } } });
        }

        var query = $$$"""{"filter":{"EQ":{"group":"{{{prefix}}}"}},"sort":[{"key":"rank","order":"DESC"}],"page":{"limit":2}}""";
        var page = await (await http.PostAsync(U("/v1.0-alpha1/state/by-name/query"), new StringContent(query)))
            .Content.ReadFromJsonAsync<JsonElement>();

        page.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("key").GetString()).Should().Equal($"{prefix}-2", $"{prefix}-1");
        page.GetProperty("token").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Malformed_json_is_err_malformed_request()
    {
        using var response = await http.PostAsync(U("/v1.0/state/shared"), new StringContent("[{", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString().Should().Be("ERR_MALFORMED_REQUEST");
    }
}
