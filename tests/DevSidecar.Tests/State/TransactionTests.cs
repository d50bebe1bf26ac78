using System.Text.Json;
using Dapr;
using Dapr.Client;

namespace OrderPlatform.DevSidecar.Tests.State;

public sealed class TransactionTests(StateSidecar sidecar) : IClassFixture<StateSidecar>
{
    private readonly DaprClient client = sidecar.Host.CreateDaprClient("app-a");

    private static string NewKey() => "t-" + Guid.NewGuid().ToString("N");

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static byte[] Json(Widget w) => JsonSerializer.SerializeToUtf8Bytes(w, Web);

    [Fact]
    public async Task All_operations_apply_together()
    {
        var (keep, drop) = (NewKey(), NewKey());
        await client.SaveStateAsync("shared", drop, new Widget("old", 1));

        await client.ExecuteStateTransactionAsync("shared",
        [
            new StateTransactionRequest(keep, Json(new Widget("new", 2)), StateOperationType.Upsert),
            new StateTransactionRequest(drop, null, StateOperationType.Delete),
        ]);

        (await client.GetStateAsync<Widget>("shared", keep)).Should().Be(new Widget("new", 2));
        (await client.GetStateAsync<Widget?>("shared", drop)).Should().BeNull();
    }

    [Fact]
    public async Task One_etag_mismatch_fails_the_whole_transaction_and_changes_nothing()
    {
        var (a, b) = (NewKey(), NewKey());
        await client.SaveStateAsync("shared", a, new Widget("a1", 1));
        await client.SaveStateAsync("shared", b, new Widget("b1", 1));
        var (_, etagA) = await client.GetStateAndETagAsync<Widget>("shared", a);

        var act = () => client.ExecuteStateTransactionAsync("shared",
        [
            new StateTransactionRequest(a, Json(new Widget("a2", 2)), StateOperationType.Upsert, etagA),
            new StateTransactionRequest(b, Json(new Widget("b2", 2)), StateOperationType.Upsert, "999999"),
        ]);

        (await act.Should().ThrowAsync<DaprException>()).Which.InnerException!.Message.Should().Contain("etag mismatch");
        (await client.GetStateAsync<Widget>("shared", a)).Name.Should().Be("a1");
        (await client.GetStateAsync<Widget>("shared", b)).Name.Should().Be("b1");
    }

    // Mirrors: dapr/components-contrib common/component/postgresql/v1/postgresql.go (Multi: one database transaction, doSet per operation, rollback on the first error)
    [Fact]
    public async Task Later_operations_see_earlier_ones_in_the_same_transaction()
    {
        var key = NewKey();
        var firstWrite = new StateOptions { Concurrency = ConcurrencyMode.FirstWrite };

        var act = () => client.ExecuteStateTransactionAsync("shared",
        [
            new StateTransactionRequest(key, Json(new Widget("one", 1)), StateOperationType.Upsert, options: firstWrite),
            new StateTransactionRequest(key, Json(new Widget("two", 2)), StateOperationType.Upsert, options: firstWrite),
        ]);

        (await act.Should().ThrowAsync<DaprException>()).Which.InnerException!.Message.Should().Contain(
            "error while executing state transaction: no item was updated");
        (await client.GetStateAsync<Widget?>("shared", key)).Should().BeNull();
    }
}
