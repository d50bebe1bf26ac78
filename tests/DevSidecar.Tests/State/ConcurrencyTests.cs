using Dapr;
using Dapr.Client;
using Grpc.Core;

namespace OrderPlatform.DevSidecar.Tests.State;

public sealed class ConcurrencyTests(StateSidecar sidecar) : IClassFixture<StateSidecar>
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };
    private static readonly StateOptions LastWrite = new() { Concurrency = ConcurrencyMode.LastWrite };
    private readonly DaprClient client = sidecar.Host.CreateDaprClient("app-a");

    private static string NewKey() => "c-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task First_write_without_etag_inserts_only_when_the_key_is_absent()
    {
        var key = NewKey();
        await client.SaveStateAsync("shared", key, new Widget("first", 1), FirstWrite);

        var second = () => client.SaveStateAsync("shared", key, new Widget("second", 2), FirstWrite);

        (await second.Should().ThrowAsync<DaprException>())
            .Which.InnerException.Should().BeOfType<RpcException>()
            .Which.StatusCode.Should().Be(StatusCode.Aborted);
        (await client.GetStateAsync<Widget>("shared", key)).Name.Should().Be("first");
    }

    [Theory]
    [InlineData(ConcurrencyMode.FirstWrite)]
    [InlineData(ConcurrencyMode.LastWrite)]
    public async Task A_stale_etag_is_refused_and_the_current_etag_accepted(ConcurrencyMode mode)
    {
        var options = mode == ConcurrencyMode.FirstWrite ? FirstWrite : LastWrite;
        var key = NewKey();
        await client.SaveStateAsync("shared", key, new Widget("v1", 1));
        var (_, stale) = await client.GetStateAndETagAsync<Widget>("shared", key);
        (await client.TrySaveStateAsync("shared", key, new Widget("v2", 2), stale, options)).Should().BeTrue();

        (await client.TrySaveStateAsync("shared", key, new Widget("v3", 3), stale, options)).Should().BeFalse();

        (await client.GetStateAsync<Widget>("shared", key)).Name.Should().Be("v2");
    }

    [Fact]
    public async Task Last_write_without_etag_overwrites()
    {
        var key = NewKey();
        await client.SaveStateAsync("shared", key, new Widget("v1", 1), LastWrite);
        await client.SaveStateAsync("shared", key, new Widget("v2", 2), LastWrite);

        (await client.GetStateAsync<Widget>("shared", key)).Name.Should().Be("v2");
    }

    [Fact]
    public async Task An_etag_for_a_missing_key_is_a_mismatch()
    {
        (await client.TrySaveStateAsync("shared", NewKey(), new Widget("x", 1), "1")).Should().BeFalse();
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_is_refused()
    {
        var key = NewKey();
        await client.SaveStateAsync("shared", key, new Widget("v1", 1));
        var (_, stale) = await client.GetStateAndETagAsync<Widget>("shared", key);
        await client.SaveStateAsync("shared", key, new Widget("v2", 2));

        (await client.TryDeleteStateAsync("shared", key, stale)).Should().BeFalse();
        var (_, current) = await client.GetStateAndETagAsync<Widget>("shared", key);
        (await client.TryDeleteStateAsync("shared", key, current)).Should().BeTrue();

        (await client.GetStateAsync<Widget?>("shared", key)).Should().BeNull();
    }
}
