using System.Net.Http.Json;
using Dapr.Client;

namespace OrderPlatform.DevSidecar.Tests.State;

/// <summary>
/// The query API as daprd answers it with <c>state.postgresql</c> v1: values are saved with
/// <c>contentType: application/json</c> (daprd then hands the store a JSON document) unless a test says otherwise.
/// </summary>
public sealed class QueryTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> AsJson = new() { ["contentType"] = "application/json" };

    private SidecarTestHost host = null!;
    private DaprClient client = null!;

    public async Task InitializeAsync()
    {
        host = await SidecarTestHost.StartAsync(o => o.AddApp("app").AddApp("other")
            .AddComponent(TestComponents.StateStore("orders")).AddComponent(TestComponents.StateStore("mixed")));
        client = host.CreateDaprClient("app");
        await client.SaveStateAsync("orders", "o1", new Order("c1", "paid", 30, new Address("Oslo")), metadata: AsJson);
        await client.SaveStateAsync("orders", "o2", new Order("c1", "created", 10, new Address("Bergen")), metadata: AsJson);
        await client.SaveStateAsync("orders", "o3", new Order("c2", "paid", 20, new Address("Oslo")), metadata: AsJson);
        await client.SaveStateAsync("orders", "o4", new Order("c3-x", "failed", 40, new Address("Trondheim")), metadata: AsJson);
        await client.SaveStateAsync("orders", "o5", new Order("c3", "failed", 9, new Address("Tromsø")), metadata: AsJson);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<string[]> Keys(string query, string store = "orders") =>
        [.. (await client.QueryStateAsync<Order>(store, query)).Results.Select(r => r.Key)];

    // Mirrors: dapr/components-contrib common/component/postgresql/v1/postgresql_query.go (whereFieldEqual: value->>'field' = $1)
    [Fact]
    public async Task Eq_matches_a_fields_exact_text_and_results_carry_unprefixed_keys_data_and_etags()
    {
        var response = await client.QueryStateAsync<Order>("orders", """{"filter":{"EQ":{"customerId":"c3"}}}""");

        response.Results.Select(r => r.Key).Should().Equal("o5");
        response.Results[0].Data.Should().Be(new Order("c3", "failed", 9, new Address("Tromsø")));
        response.Results[0].ETag.Should().NotBeNullOrEmpty();
        (await Keys("""{"filter":{"EQ":{"total":10}}}""")).Should().Equal("o2");
        (await Keys("""{"filter":{"EQ":{"total":"10"}}}""")).Should().Equal(["o2"], "the field's text is compared, not its JSON type");
    }

    // Mirrors: dapr/components-contrib common/component/postgresql/v1/postgresql_query.go (VisitIN: one EQ per value, OR-ed)
    [Fact]
    public async Task In_matches_any_listed_value() =>
        (await Keys("""{"filter":{"IN":{"status":["created","failed"]}},"sort":[{"key":"customerId"}]}""")).Should().Equal("o2", "o5", "o4");

    // Mirrors: dapr/components-contrib common/component/postgresql/v1/postgresql_query.go (visitFilters, translateFieldToFilter)
    [Fact]
    public async Task And_or_nest_and_dotted_paths_reach_into_the_value() =>
        (await Keys("""
            {"filter":{"OR":[
                {"AND":[{"EQ":{"status":"paid"}},{"EQ":{"address.city":"Oslo"}}]},
                {"EQ":{"customerId":"c3-x"}}]},
             "sort":[{"key":"customerId","order":"DESC"}]}
            """)).Should().Equal("o4", "o3", "o1");

    // Mirrors: dapr/components-contrib common/component/postgresql/v1/postgresql_query.go (Finalize: ORDER BY value->>'field')
    [Fact]
    public async Task Sort_orders_by_the_fields_text_so_numbers_sort_as_text() =>
        (await Keys("""{"sort":[{"key":"total"}]}""")).Should().Equal("o2", "o3", "o1", "o4", "o5");

    // Mirrors: dapr/components-contrib common/component/postgresql/v1/postgresql_query.go (Finalize: ORDER BY, several keys)
    [Fact]
    public async Task Sort_uses_several_keys_in_order() =>
        (await Keys("""{"sort":[{"key":"status","order":"DESC"},{"key":"customerId","order":"ASC"}]}""")).Should().Equal("o1", "o3", "o5", "o4", "o2");

    // Mirrors: dapr/components-contrib common/component/postgresql/v1/postgresql_query.go (execute: token = offset + rows whenever a limit is set)
    // and dapr/dapr pkg/api/universal/state.go (QueryStateAlpha1: no results is an empty response, without the store's token)
    [Fact]
    public async Task The_token_is_the_next_offset_and_is_given_until_a_page_comes_back_empty()
    {
        var pages = new List<(string[] Keys, string? Token)>();
        string? token = null;
        do
        {
            var page = token is null ? """{"sort":[{"key":"total"}],"page":{"limit":3}}""" : $$$"""{"sort":[{"key":"total"}],"page":{"limit":3,"token":"{{{token}}}"}}""";
            var response = await client.QueryStateAsync<Order>("orders", page);
            token = string.IsNullOrEmpty(response.Token) ? null : response.Token;
            pages.Add(([.. response.Results.Select(r => r.Key)], token));
        }
        while (token is not null);

        pages.Should().HaveCount(3);
        pages.SelectMany(p => p.Keys).Should().Equal("o2", "o3", "o1", "o4", "o5");
        pages.Select(p => p.Token).Should().Equal("3", "5", null);
    }

    // Mirrors: dapr/dapr pkg/api/grpc/grpc.go (SaveState: JSON only with contentType application/json) + components-contrib common/component/postgresql/v1/postgresql.go (doSet: bytes base64-encoded)
    [Fact]
    public async Task A_value_saved_without_the_json_content_type_is_no_document_to_the_query()
    {
        await client.SaveStateAsync("mixed", "doc", new Order("c1", "paid", 1, new Address("Oslo")), metadata: AsJson);
        await client.SaveStateAsync("mixed", "bytes", new Order("c1", "paid", 1, new Address("Oslo")));

        (await Keys("""{"filter":{"EQ":{"customerId":"c1"}}}""", "mixed")).Should().Equal("doc");
        var http = host.CreateHttpClient("app");
        var saved = await http.GetByteArrayAsync("/v1.0/state/mixed/bytes");
        using var unfiltered = await http.PostAsync("/v1.0-alpha1/state/mixed/query",
            new StringContent("""{"sort":[{"key":"customerId"}]}""", System.Text.Encoding.UTF8, "application/json"));
        var results = (await unfiltered.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("results");
        results.EnumerateArray().Select(r => r.GetProperty("key").GetString()).Should().Equal("doc", "bytes");
        Convert.FromBase64String(results[1].GetProperty("data").GetString()!).Should().Equal(saved,
            "without a filter the row comes back as the store keeps it: the bytes base64-encoded in a JSON string");
        (await client.GetStateAsync<Order>("mixed", "bytes")).Should().Be(new Order("c1", "paid", 1, new Address("Oslo")),
            "reading the key itself decodes the bytes");
    }

    // Mirrors: dapr/components-contrib common/component/postgresql/v1/postgresql_query.go (Finalize: no key filter) + dapr/dapr pkg/api/universal/state_query.go (GetOriginalStateKey)
    [Fact]
    public async Task The_query_reads_the_whole_store_whichever_app_wrote_the_row()
    {
        await host.CreateDaprClient("other").SaveStateAsync("orders", "x1", new Order("c-other", "paid", 99, new Address("Oslo")), metadata: AsJson);

        (await Keys("""{"filter":{"EQ":{"customerId":"c-other"}}}""")).Should().Equal("x1");
    }

    [Fact]
    public async Task An_unsupported_operator_is_a_malformed_request()
    {
        var act = () => client.QueryStateAsync<Order>("orders", """{"filter":{"LIKE":{"status":"p%"}}}""");

        (await act.Should().ThrowAsync<Dapr.DaprException>()).Which.InnerException!.Message.Should().Contain("LIKE");
    }
}

public sealed record Address(string City);

public sealed record Order(string CustomerId, string Status, int Total, Address Address);
