using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapr;

namespace OrderPlatform.DevSidecar.Tests.Api;

public sealed class SecretsTests : IAsyncLifetime
{
    private SidecarTestHost host = null!;

    public async Task InitializeAsync() => host = await SidecarTestHost.StartAsync(o =>
    {
        o.WriteResource("secrets.json", """{"gateway-key":"k-123","db":{"user":"app","password":"pw"},"port":5432}""");
        o.AddApp("payments").AddApp("outsider")
            .AddComponent(TestComponents.SecretFile("file-secrets", "secrets.json", new Dictionary<string, string> { ["nestedSeparator"] = "." }, "payments"))
            .AddComponent(TestComponents.SecretFile("multi", "secrets.json", new Dictionary<string, string> { ["multiValued"] = "true" }, "payments"));
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_secret_is_read_from_the_file_relative_to_the_base_directory()
    {
        var secret = await host.CreateDaprClient("payments").GetSecretAsync("file-secrets", "gateway-key");

        secret.Should().Equal(new Dictionary<string, string> { ["gateway-key"] = "k-123" });
    }

    [Fact]
    public async Task Nested_values_are_flattened_with_the_nested_separator()
    {
        var client = host.CreateDaprClient("payments");

        (await client.GetSecretAsync("file-secrets", "db.password")).Should().Contain("db.password", "pw");
        (await client.GetSecretAsync("file-secrets", "port")).Should().Contain("port", "5432");
    }

    [Fact]
    public async Task Bulk_returns_every_secret()
    {
        var all = await host.CreateDaprClient("payments").GetBulkSecretAsync("file-secrets");

        all.Keys.Should().BeEquivalentTo("gateway-key", "db.user", "db.password", "port");
        all["db.user"].Should().Contain("db.user", "app");
    }

    [Fact]
    public async Task Multi_valued_stores_return_all_nested_values_of_a_top_level_key()
    {
        var db = await host.CreateDaprClient("payments").GetSecretAsync("multi", "db");

        db.Should().Equal(new Dictionary<string, string> { ["user"] = "app", ["password"] = "pw" });
    }

    [Fact]
    public async Task An_unknown_key_is_err_secret_get()
    {
        using var response = await host.CreateHttpClient("payments").GetAsync(new Uri("/v1.0/secrets/file-secrets/nope", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString().Should().Be("ERR_SECRET_GET");
        var sdk = () => host.CreateDaprClient("payments").GetSecretAsync("file-secrets", "nope");
        await sdk.Should().ThrowAsync<DaprException>();
    }

    [Fact]
    public async Task Http_get_and_bulk_return_daprs_json_shapes()
    {
        var http = host.CreateHttpClient("payments");

        (await http.GetFromJsonAsync<Dictionary<string, string>>(new Uri("/v1.0/secrets/file-secrets/gateway-key", UriKind.Relative)))
            .Should().Equal(new Dictionary<string, string> { ["gateway-key"] = "k-123" });
        var bulk = await http.GetFromJsonAsync<Dictionary<string, Dictionary<string, string>>>(new Uri("/v1.0/secrets/file-secrets/bulk", UriKind.Relative));
        bulk!["port"].Should().Contain("port", "5432");
    }

    [Fact]
    public async Task An_app_outside_the_scopes_gets_secret_store_not_configured()
    {
        using var response = await host.CreateHttpClient("outsider").GetAsync(new Uri("/v1.0/secrets/file-secrets/gateway-key", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString().Should().Be("ERR_SECRET_STORES_NOT_CONFIGURED");
    }
}
