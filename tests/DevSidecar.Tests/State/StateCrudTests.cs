using Dapr.Client;

namespace OrderPlatform.DevSidecar.Tests.State;

public sealed class StateCrudTests(StateSidecar sidecar) : IClassFixture<StateSidecar>
{
    private readonly DaprClient client = sidecar.Host.CreateDaprClient("app-a");

    private static string NewKey() => "k-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Saved_state_is_read_back_and_deleted()
    {
        var key = NewKey();
        await client.SaveStateAsync("shared", key, new Widget("w1", 3));

        (await client.GetStateAsync<Widget>("shared", key)).Should().Be(new Widget("w1", 3));

        await client.DeleteStateAsync("shared", key);
        (await client.GetStateAsync<Widget?>("shared", key)).Should().BeNull();
    }

    [Fact]
    public async Task Missing_key_reads_as_default_with_empty_etag()
    {
        var (value, etag) = await client.GetStateAndETagAsync<Widget?>("shared", NewKey());

        value.Should().BeNull();
        etag.Should().BeEmpty();
    }

    [Fact]
    public async Task Each_save_gets_a_new_etag()
    {
        var key = NewKey();
        await client.SaveStateAsync("shared", key, new Widget("w", 1));
        var (_, first) = await client.GetStateAndETagAsync<Widget>("shared", key);
        await client.SaveStateAsync("shared", key, new Widget("w", 2));
        var (_, second) = await client.GetStateAndETagAsync<Widget>("shared", key);

        first.Should().NotBeNullOrEmpty();
        second.Should().NotBe(first);
    }

    [Fact]
    public async Task Bulk_get_returns_every_key_in_order_with_values_and_etags()
    {
        var (k1, k2, missing) = (NewKey(), NewKey(), NewKey());
        await client.SaveStateAsync("shared", k1, new Widget("one", 1));
        await client.SaveStateAsync("shared", k2, new Widget("two", 2));

        var items = await client.GetBulkStateAsync<Widget>("shared", [k1, missing, k2], parallelism: 2);

        items.Select(i => i.Key).Should().Equal(k1, missing, k2);
        items[0].Value.Should().Be(new Widget("one", 1));
        items[0].ETag.Should().NotBeNullOrEmpty();
        items[1].ETag.Should().BeNullOrEmpty();
        items[2].Value.Should().Be(new Widget("two", 2));
    }

    [Fact]
    public async Task Bulk_save_and_bulk_delete_touch_every_item()
    {
        var (k1, k2) = (NewKey(), NewKey());
        await client.SaveBulkStateAsync("shared", new List<SaveStateItem<Widget>>
        {
            new(k1, new Widget("a", 1), string.Empty),
            new(k2, new Widget("b", 2), string.Empty),
        });
        (await client.GetStateAsync<Widget>("shared", k2)).Should().Be(new Widget("b", 2));

        await client.DeleteBulkStateAsync("shared", [new BulkDeleteStateItem(k1, string.Empty), new BulkDeleteStateItem(k2, string.Empty)]);

        (await client.GetStateAsync<Widget?>("shared", k1)).Should().BeNull();
        (await client.GetStateAsync<Widget?>("shared", k2)).Should().BeNull();
    }

    [Fact]
    public async Task Consistency_option_is_accepted()
    {
        var key = NewKey();
        var options = new StateOptions { Consistency = ConsistencyMode.Strong };
        await client.SaveStateAsync("shared", key, new Widget("s", 1), options);

        (await client.GetStateAsync<Widget>("shared", key, ConsistencyMode.Eventual)).Should().Be(new Widget("s", 1));
    }
}

public sealed record Widget(string Name, int Quantity);
