using Dapr.Client;
using OrderPlatform.DevSidecar.State;

namespace OrderPlatform.DevSidecar.Tests.State;

public sealed class KeyPrefixTests(StateSidecar sidecar) : IClassFixture<StateSidecar>
{
    private readonly DaprClient a = sidecar.Host.CreateDaprClient("app-a");
    private readonly DaprClient b = sidecar.Host.CreateDaprClient("app-b");

    private static string NewKey() => "p-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task With_keyPrefix_appid_two_apps_sharing_a_store_do_not_see_each_others_keys()
    {
        var key = NewKey();
        await a.SaveStateAsync("shared", key, new Widget("from-a", 1));
        await b.SaveStateAsync("shared", key, new Widget("from-b", 2));

        (await a.GetStateAsync<Widget>("shared", key)).Name.Should().Be("from-a");
        (await b.GetStateAsync<Widget>("shared", key)).Name.Should().Be("from-b");
        sidecar.Host.GetRequiredService<StateStores>().Open("app-a", "shared").Prefix.Should().Be("app-a||");
    }

    [Theory]
    [InlineData("by-name", "by-name||")]
    [InlineData("no-prefix", "")]
    [InlineData("custom", "tenant1||")]
    public async Task Other_prefix_strategies_share_keys_between_apps(string store, string prefix)
    {
        var key = NewKey();
        await a.SaveStateAsync(store, key, new Widget("from-a", 1));

        (await b.GetStateAsync<Widget>(store, key)).Name.Should().Be("from-a");
        sidecar.Host.GetRequiredService<StateStores>().Open("app-b", store).Prefix.Should().Be(prefix);
    }

    [Fact]
    public async Task A_key_containing_the_separator_is_refused_when_prefixing()
    {
        var act = () => a.SaveStateAsync("shared", "bad||key", new Widget("x", 1));

        (await act.Should().ThrowAsync<Dapr.DaprException>()).Which.InnerException!.Message.Should().Contain("can't contain '||'");
    }
}
