using Dapr.Client;

namespace OrderPlatform.DevSidecar.Tests.State;

public sealed class QueryTests : IAsyncLifetime
{
    private SidecarTestHost host = null!;
    private DaprClient client = null!;

    public async Task InitializeAsync()
    {
        host = await SidecarTestHost.StartAsync(o => o.AddApp("app").AddApp("other").AddComponent(TestComponents.StateStore("orders")));
        client = host.CreateDaprClient("app");
        await client.SaveStateAsync("orders", "o1", new Order("c1", "paid", 30, new Address("Oslo")));
        await client.SaveStateAsync("orders", "o2", new Order("c1", "created", 10, new Address("Bergen")));
        await client.SaveStateAsync("orders", "o3", new Order("c2", "paid", 20, new Address("Oslo")));
        await client.SaveStateAsync("orders", "o4", new Order("c3", "failed", 40, new Address("Trondheim")));
        await host.CreateDaprClient("other").SaveStateAsync("orders", "x1", new Order("c1", "paid", 99, new Address("Oslo")));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<string[]> Keys(string query) =>
        [.. (await client.QueryStateAsync<Order>("orders", query)).Results.Select(r => r.Key)];

    [Fact]
    public async Task Eq_matches_one_field_and_results_carry_unprefixed_keys_data_and_etags()
    {
        var response = await client.QueryStateAsync<Order>("orders", """{"filter":{"EQ":{"customerId":"c1"}},"sort":[{"key":"total"}]}""");

        response.Results.Select(r => r.Key).Should().Equal("o2", "o1");
        response.Results[1].Data.Should().Be(new Order("c1", "paid", 30, new Address("Oslo")));
        response.Results.Should().OnlyContain(r => !string.IsNullOrEmpty(r.ETag));
    }

    [Fact]
    public async Task In_matches_any_listed_value() =>
        (await Keys("""{"filter":{"IN":{"status":["created","failed"]}},"sort":[{"key":"total"}]}""")).Should().Equal("o2", "o4");

    [Fact]
    public async Task And_or_nest_and_dotted_paths_reach_into_the_value() =>
        (await Keys("""
            {"filter":{"OR":[
                {"AND":[{"EQ":{"status":"paid"}},{"EQ":{"address.city":"Oslo"}}]},
                {"EQ":{"customerId":"c3"}}]},
             "sort":[{"key":"total","order":"DESC"}]}
            """)).Should().Equal("o4", "o1", "o3");

    [Fact]
    public async Task Sort_uses_several_keys_in_order() =>
        (await Keys("""{"sort":[{"key":"address.city","order":"DESC"},{"key":"total","order":"ASC"}]}""")).Should().Equal("o4", "o3", "o1", "o2");

    [Fact]
    public async Task Paging_with_the_token_walks_all_results_once()
    {
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = token is null ? """{"sort":[{"key":"total"}],"page":{"limit":3}}""" : $$$"""{"sort":[{"key":"total"}],"page":{"limit":3,"token":"{{{token}}}"}}""";
            var response = await client.QueryStateAsync<Order>("orders", page);
            seen.AddRange(response.Results.Select(r => r.Key));
            token = response.Token;
            pages++;
        }
        while (!string.IsNullOrEmpty(token));

        pages.Should().Be(2);
        seen.Should().Equal("o2", "o3", "o1", "o4");
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
