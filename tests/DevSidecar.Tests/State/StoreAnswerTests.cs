using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapr;
using Dapr.Client;
using Grpc.Core;

namespace OrderPlatform.DevSidecar.Tests.State;

/// <summary>
/// What daprd answers, word for word where clients read it, around what <c>state.postgresql</c> v1 says: its ETags are
/// PostgreSQL <c>xmin</c> values, its errors carry no key, bulk operations try every item, transactions are one
/// database transaction.
/// </summary>
public sealed class StoreAnswerTests(StateSidecar sidecar) : IClassFixture<StateSidecar>
{
    private static readonly Dictionary<string, string> AsJson = new() { ["contentType"] = "application/json" };
    private readonly DaprClient client = sidecar.Host.CreateDaprClient("app-a");
    private readonly HttpClient http = sidecar.Host.CreateHttpClient("app-a");

    private static string NewKey() => "s-" + Guid.NewGuid().ToString("N");

    // Mirrors: dapr/components-contrib common/component/postgresql/v1/postgresql.go (doSet: ETagMismatch) + dapr/dapr pkg/api/grpc/grpc.go (getStateErrorCode)
    [Fact]
    public async Task A_stale_etag_is_aborted_with_the_stores_mismatch_text()
    {
        var key = NewKey();
        await client.SaveStateAsync("shared", key, new Widget("v1", 1));
        var (_, etag) = await client.GetStateAndETagAsync<Widget>("shared", key);
        await client.SaveStateAsync("shared", key, new Widget("v2", 2));

        (await client.TrySaveStateAsync("shared", key, new Widget("v3", 3), etag)).Should().BeFalse("gRPC Aborted");
        using var response = await http.PostAsJsonAsync("/v1.0/state/shared", new[] { new { key, value = 3, etag } });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("errorCode").GetString().Should().Be("ERR_STATE_SAVE");
        body.GetProperty("message").GetString().Should().Be("failed saving state in state store shared: possible etag mismatch. error from state store");
    }

    // Mirrors: dapr/components-contrib common/component/postgresql/v1/postgresql.go (doSet/doDelete: strconv.ParseUint(etag, 10, 32) → ETagInvalid)
    [Fact]
    public async Task An_etag_that_is_no_xmin_value_is_invalid_not_a_mismatch()
    {
        var key = NewKey();
        await client.SaveStateAsync("shared", key, new Widget("v1", 1));

        var notANumber = await RpcErrorAsync(() => client.TrySaveStateAsync("shared", key, new Widget("v2", 2), "abc"));
        var tooBig = await RpcErrorAsync(() => client.TryDeleteStateAsync("shared", key, "4294967296"));

        notANumber.StatusCode.Should().Be(StatusCode.InvalidArgument);
        notANumber.Status.Detail.Should().Be(
            "failed saving state in state store shared: invalid etag value: strconv.ParseUint: parsing \"abc\": invalid syntax");
        tooBig.StatusCode.Should().Be(StatusCode.InvalidArgument);
        tooBig.Status.Detail.Should().Be(
            $"failed deleting state with key {key}: invalid etag value: strconv.ParseUint: parsing \"4294967296\": value out of range");
        using var response = await http.PostAsJsonAsync("/v1.0/state/shared", new[] { new { key, value = 1, etag = "abc" } });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString().Should().Be("ERR_STATE_SAVE");
    }

    // Mirrors: dapr/components-contrib state/bulk.go (DoBulkSetDelete: every item tried, errors joined) + dapr/dapr pkg/components/state/bulk.go
    [Fact]
    public async Task A_bulk_save_tries_every_item_and_reports_the_refused_one()
    {
        var (stale, fresh) = (NewKey(), NewKey());
        await client.SaveStateAsync("shared", stale, new Widget("v1", 1));

        var error = await RpcErrorAsync(() => client.SaveBulkStateAsync("shared",
        [
            new SaveStateItem<Widget>(stale, new Widget("v2", 2), "4000000000"),
            new SaveStateItem<Widget>(fresh, new Widget("new", 1), string.Empty),
        ]));

        error.StatusCode.Should().Be(StatusCode.Aborted);
        (await client.GetStateAsync<Widget>("shared", fresh)).Should().Be(new Widget("new", 1), "the other item was saved");
        (await client.GetStateAsync<Widget>("shared", stale)).Name.Should().Be("v1");
    }

    // Mirrors: dapr/components-contrib state/bulk.go (DoBulkSetDelete) + dapr/dapr pkg/api/grpc/grpc.go (DeleteBulkState: ERR_STATE_BULK_DELETE)
    [Fact]
    public async Task A_bulk_delete_tries_every_item()
    {
        var (stale, plain) = (NewKey(), NewKey());
        await client.SaveStateAsync("shared", stale, new Widget("v1", 1));
        await client.SaveStateAsync("shared", plain, new Widget("v1", 1));

        var error = await RpcErrorAsync(() => client.DeleteBulkStateAsync("shared",
            [new BulkDeleteStateItem(stale, "4000000000"), new BulkDeleteStateItem(plain, string.Empty)]));

        error.StatusCode.Should().Be(StatusCode.Aborted);
        error.Status.Detail.Should().Be("failed deleting state in state store shared: possible etag mismatch. error from state store");
        (await client.GetStateAsync<Widget?>("shared", plain)).Should().BeNull();
        (await client.GetStateAsync<Widget?>("shared", stale)).Should().NotBeNull();
    }

    // Mirrors: dapr/dapr pkg/api/grpc/grpc.go (ExecuteStateTransaction: any store error is Internal ERR_STATE_TRANSACTION) + pkg/api/http/http.go (onPostStateTransaction: 500)
    [Fact]
    public async Task A_refused_operation_fails_the_transaction_as_internal_with_the_stores_text()
    {
        var key = NewKey();
        await client.SaveStateAsync("shared", key, new Widget("v1", 1));

        var error = await RpcErrorAsync(() => client.ExecuteStateTransactionAsync("shared",
            [new StateTransactionRequest(key, JsonSerializer.SerializeToUtf8Bytes(new Widget("v2", 2)), StateOperationType.Upsert, "4000000000")]));
        using var response = await http.PostAsJsonAsync($"/v1.0/state/shared/transaction",
            new { operations = new[] { new { operation = "upsert", request = new { key, value = 2, etag = "4000000000" } } } });

        error.StatusCode.Should().Be(StatusCode.Internal);
        error.Status.Detail.Should().Be("error while executing state transaction: possible etag mismatch. error from state store");
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString().Should().Be("ERR_STATE_TRANSACTION");
    }

    // Mirrors: dapr/dapr pkg/api/grpc/grpc.go (ExecuteStateTransaction passes req.GetValue() as bytes; SaveState parses JSON only with contentType) + pkg/api/http/http.go (onPostState: value is JSON)
    [Fact]
    public async Task Only_json_values_are_documents_to_the_query_whatever_api_wrote_them()
    {
        var (viaTransaction, viaSave, viaHttp) = (NewKey(), NewKey(), NewKey());
        var tag = NewKey();
        var value = JsonSerializer.SerializeToUtf8Bytes(new { name = tag, quantity = 1 });
        await client.ExecuteStateTransactionAsync("shared",
            [new StateTransactionRequest(viaTransaction, value, StateOperationType.Upsert, metadata: AsJson)]);
        await client.SaveStateAsync("shared", viaSave, new Widget(tag, 1), metadata: AsJson);
        (await http.PostAsJsonAsync("/v1.0/state/shared", new[] { new { key = viaHttp, value = new { name = tag, quantity = 1 } } }))
            .EnsureSuccessStatusCode();

        var found = await client.QueryStateAsync<Widget>("shared", "{\"filter\":{\"EQ\":{\"name\":\"" + tag + "\"}}}");

        found.Results.Select(r => r.Key).Should().BeEquivalentTo(viaSave, viaHttp);
    }

    private static async Task<RpcException> RpcErrorAsync(Func<Task> act) =>
        (await act.Should().ThrowAsync<DaprException>()).Which.InnerException.Should().BeOfType<RpcException>().Subject;
}
