using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

    // Mirrors: dapr/components-contrib state/postgresql/v1/postgresql.go (first-write: INSERT … ON CONFLICT DO UPDATE … WHERE expired) + common/component/postgresql/v1/postgresql.go (doSet: "no item was updated") + dapr/dapr pkg/api/grpc/grpc.go (getStateErrorCode: not an ETag error → Internal)
    [Fact]
    public async Task First_write_without_etag_on_a_live_key_is_an_internal_error_not_an_etag_mismatch()
    {
        var key = NewKey();
        await client.SaveStateAsync("shared", key, new Widget("first", 1), FirstWrite);

        var second = () => client.SaveStateAsync("shared", key, new Widget("second", 2), FirstWrite);
        var viaTry = () => client.TrySaveStateAsync("shared", key, new Widget("third", 3), string.Empty, FirstWrite);

        var error = (await second.Should().ThrowAsync<DaprException>()).Which.InnerException.Should().BeOfType<RpcException>().Subject;
        error.StatusCode.Should().Be(StatusCode.Internal);
        error.Status.Detail.Should().Be("failed saving state in state store shared: no item was updated");
        await viaTry.Should().ThrowAsync<DaprException>("TrySaveStateAsync returns false only for Aborted");
        (await client.GetStateAsync<Widget>("shared", key)).Name.Should().Be("first");
    }

    // Mirrors: dapr/dapr pkg/api/http/http.go (onPostState → stateErrorResponse: not an ETag error → 500)
    [Fact]
    public async Task First_write_without_etag_on_a_live_key_over_http_is_500_err_state_save()
    {
        var key = NewKey();
        var http = sidecar.Host.CreateHttpClient("app-a");
        var item = new[] { new { key, value = 1, options = new { concurrency = "first-write" } } };
        (await http.PostAsJsonAsync("/v1.0/state/shared", item)).EnsureSuccessStatusCode();

        using var again = await http.PostAsJsonAsync("/v1.0/state/shared", item);

        again.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("errorCode").GetString().Should().Be("ERR_STATE_SAVE");
        body.GetProperty("message").GetString().Should().Be("failed saving state in state store shared: no item was updated");
    }

    // Mirrors: dapr/components-contrib state/postgresql/v1/postgresql.go (the upsert updates a row whose expiredate has passed)
    [Fact]
    public async Task First_write_inserts_when_the_key_is_absent_or_expired()
    {
        var (absent, expiring) = (NewKey(), NewKey());
        await client.SaveStateAsync("shared", expiring, new Widget("old", 1), metadata: new Dictionary<string, string> { ["ttlInSeconds"] = "1" });
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        await client.SaveStateAsync("shared", absent, new Widget("new", 1), FirstWrite);
        await client.SaveStateAsync("shared", expiring, new Widget("new", 1), FirstWrite);

        (await client.GetStateAsync<Widget>("shared", absent)).Name.Should().Be("new");
        (await client.GetStateAsync<Widget>("shared", expiring)).Name.Should().Be("new");
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
