using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Time.Testing;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.State;
using OrderPlatform.Testing;

namespace OrderPlatform.ServiceDefaults.Tests;

/// <summary>
/// The kit's state access against the dev sidecar with the repository's components (inventory-service's
/// <c>inventory-store</c>): first-write semantics, lost races recognised by re-reading, faults rethrown.
/// </summary>
public sealed class StateStoreTests : IAsyncLifetime
{
    private SidecarClients clients = null!;

    public sealed record Doc(string Kind, string Name, int Count);

    public async Task InitializeAsync() => clients = await SidecarClients.StartAsync(AppIds.InventoryService);

    public async Task DisposeAsync() => await clients.DisposeAsync();

    private StateStore Store(int attempts = 5) => clients.Store(Components.InventoryStore, attempts);

    [Fact]
    public async Task An_insert_on_an_existing_key_answers_false_and_keeps_the_first_value()
    {
        var store = Store();
        (await store.TryInsertAsync("k1", new Doc("doc", "first", 1), default)).Should().BeTrue();
        (await store.TryInsertAsync("k1", new Doc("doc", "second", 2), default)).Should().BeFalse();
        (await store.GetAsync<Doc>("k1", default)).Value.Should().Be(new Doc("doc", "first", 1));
    }

    [Fact]
    public async Task An_insert_that_fails_on_an_existing_key_is_a_lost_race_whatever_the_error()
    {
        // state.postgresql v1 answers a first-write insert on an existing key with a unique-constraint error, not an
        // ETag error (components-contrib internal/component/postgresql/postgresdbaccess.go): only the re-read can tell.
        var store = Store();
        await clients.Other.SaveStateAsync(Components.InventoryStore, "k2", new Doc("doc", "there", 1));
        clients.Hooks.Fail("SaveState", times: 1);

        (await store.TryInsertAsync("k2", new Doc("doc", "mine", 2), default)).Should().BeFalse();
    }

    [Fact]
    public async Task A_failed_insert_on_a_missing_key_is_a_fault_and_is_rethrown()
    {
        var store = Store();
        clients.Hooks.Fail("SaveState", times: 1);

        var insert = () => store.TryInsertAsync("k3", new Doc("doc", "mine", 1), default);

        await insert.Should().ThrowAsync<DaprException>();
        (await store.GetAsync<Doc>("k3", default)).Exists.Should().BeFalse();
    }

    [Fact]
    public async Task A_save_at_a_stale_etag_answers_false_and_at_the_current_one_saves()
    {
        var store = Store();
        await store.TryInsertAsync("k4", new Doc("doc", "v1", 1), default);
        var read = await store.GetAsync<Doc>("k4", default);
        (await store.TrySaveAsync("k4", new Doc("doc", "v2", 2), read.ETag, default)).Should().BeTrue();

        (await store.TrySaveAsync("k4", new Doc("doc", "stale", 3), read.ETag, default)).Should().BeFalse();
        (await store.GetAsync<Doc>("k4", default)).Value!.Name.Should().Be("v2");
    }

    [Fact]
    public async Task A_failed_save_whose_etag_still_matches_is_rethrown()
    {
        var store = Store();
        await store.TryInsertAsync("k5", new Doc("doc", "v1", 1), default);
        var read = await store.GetAsync<Doc>("k5", default);
        clients.Hooks.Fail("SaveState", times: 1);

        var save = () => store.TrySaveAsync("k5", new Doc("doc", "v2", 2), read.ETag, default);

        await save.Should().ThrowAsync<DaprException>();
    }

    [Fact]
    public async Task A_transaction_decided_on_a_stale_etag_is_a_conflict_and_changes_nothing()
    {
        var store = Store();
        await store.TryInsertAsync("a", new Doc("doc", "a1", 1), default);
        var a = await store.GetAsync<Doc>("a", default);
        await clients.Other.SaveStateAsync(Components.InventoryStore, "a", new Doc("doc", "racer", 9));

        var commit = () => store.TransactAsync([StateStore.Put("a", new Doc("doc", "a2", 2), a.ETag), StateStore.Put("b", new Doc("doc", "b1", 1), etag: null)], default);

        await commit.Should().ThrowAsync<StateConflictException>();
        (await store.GetAsync<Doc>("a", default)).Value!.Name.Should().Be("racer");
        (await store.GetAsync<Doc>("b", default)).Exists.Should().BeFalse();
    }

    [Fact]
    public async Task A_transaction_inserting_a_key_that_exists_is_a_conflict()
    {
        var store = Store();
        await clients.Other.SaveStateAsync(Components.InventoryStore, "c", new Doc("doc", "there", 1));

        var commit = () => store.TransactAsync([StateStore.Put("c", new Doc("doc", "mine", 2), etag: null)], default);

        await commit.Should().ThrowAsync<StateConflictException>();
    }

    [Fact]
    public async Task A_failed_transaction_whose_versions_still_hold_is_a_fault_not_a_conflict()
    {
        var store = Store();
        await store.TryInsertAsync("d", new Doc("doc", "d1", 1), default);
        var d = await store.GetAsync<Doc>("d", default);
        clients.Hooks.Fail("ExecuteStateTransaction", times: 1);

        var commit = () => store.TransactAsync([StateStore.Put("d", new Doc("doc", "d2", 2), d.ETag)], default);

        (await commit.Should().ThrowAsync<DaprException>()).Which.Should().NotBeOfType<StateConflictException>();
    }

    [Fact]
    public async Task An_update_that_loses_a_race_reads_again_and_applies_its_change_to_the_winner()
    {
        var store = Store();
        await store.TryInsertAsync("e", new Doc("doc", "e", 1), default);
        var raced = false;
        clients.Hooks.Before("SaveState", async ct =>
        {
            if (!raced)
            {
                raced = true;
                await clients.Other.SaveStateAsync(Components.InventoryStore, "e", new Doc("doc", "e", 10), cancellationToken: ct);
            }
        });

        var result = await store.UpdateAsync<Doc>("e", d => d! with { Count = d.Count + 1 }, default);

        result!.Count.Should().Be(11);
        (await store.GetAsync<Doc>("e", default)).Value!.Count.Should().Be(11);
        clients.Hooks.Calls("SaveState").Should().Be(3, "the racer's save, the lost save and the one after reading again");
    }

    [Fact]
    public async Task An_update_from_a_version_just_read_saves_at_its_etag_without_reading_again()
    {
        var store = Store();
        await store.TryInsertAsync("kv", new Doc("doc", "kv", 1), default);
        var known = await store.GetAsync<Doc>("kv", default);
        clients.Hooks.ResetCounts();

        var result = await store.UpdateAsync("kv", known, d => d! with { Count = d.Count + 1 }, default);

        result!.Count.Should().Be(2);
        clients.Hooks.Calls("GetState").Should().Be(0);
        clients.Hooks.Calls("SaveState").Should().Be(1);
    }

    [Fact]
    public async Task An_update_from_a_stale_version_loses_the_race_then_reads_and_applies_again()
    {
        var store = Store();
        await store.TryInsertAsync("ks", new Doc("doc", "ks", 1), default);
        var known = await store.GetAsync<Doc>("ks", default);
        await clients.Other.SaveStateAsync(Components.InventoryStore, "ks", new Doc("doc", "ks", 10));
        clients.Hooks.ResetCounts();

        var result = await store.UpdateAsync("ks", known, d => d! with { Count = d.Count + 1 }, default);

        result!.Count.Should().Be(11, "the change was applied to the version read after the lost race");
        (await store.GetAsync<Doc>("ks", default)).Value!.Count.Should().Be(11);
    }

    [Fact]
    public async Task An_update_of_a_missing_key_inserts_and_a_null_change_writes_nothing()
    {
        var store = Store();
        (await store.UpdateAsync<Doc>("f", d => d ?? new Doc("doc", "new", 1), default))!.Name.Should().Be("new");
        clients.Hooks.ResetCounts();

        (await store.UpdateAsync<Doc>("f", _ => null, default))!.Name.Should().Be("new");
        clients.Hooks.Calls("SaveState").Should().Be(0);
    }

    [Fact]
    public async Task Losing_every_attempt_ends_in_a_conflict_after_the_configured_attempts()
    {
        var store = Store(attempts: 3);
        await store.TryInsertAsync("g", new Doc("doc", "g", 0), default);
        var n = 0;
        clients.Hooks.Before("SaveState", ct => clients.Other.SaveStateAsync(Components.InventoryStore, "g", new Doc("doc", "g", 100 + Interlocked.Increment(ref n)), cancellationToken: ct));

        var update = () => store.UpdateAsync<Doc>("g", d => d! with { Count = -1 }, default);

        await update.Should().ThrowAsync<StateConflictException>();
        n.Should().Be(3);
    }

    [Fact]
    public async Task Many_keys_are_read_in_one_call_with_their_etags_and_missing_ones_do_not_exist()
    {
        var store = Store();
        await store.TryInsertAsync("m1", new Doc("doc", "m1", 1), default);
        await store.TryInsertAsync("m2", new Doc("doc", "m2", 2), default);
        clients.Hooks.ResetCounts();

        var found = await store.GetManyAsync<Doc>(["m1", "m2", "m3"], default);

        clients.Hooks.Calls("GetBulkState").Should().Be(1);
        found["m1"].Value!.Name.Should().Be("m1");
        found["m2"].ETag.Should().Be((await store.GetAsync<Doc>("m2", default)).ETag);
        found["m3"].Exists.Should().BeFalse();
    }

    [Fact]
    public async Task Saved_documents_are_json_the_query_api_can_filter()
    {
        var store = Store();
        await store.TryInsertAsync("q1", new Doc("query-doc", "alpha", 1), default);
        await store.TryInsertAsync("q2", new Doc("query-doc", "beta", 2), default);
        await store.TryInsertAsync("q3", new Doc("query-doc", "alpha", 3), default);
        // daprd passes a transaction's values on as bytes, whatever their metadata, and state.postgresql v1 keeps bytes
        // base64-encoded (dapr/dapr pkg/api/grpc/grpc.go ExecuteStateTransaction; components-contrib
        // internal/component/postgresql/postgresdbaccess.go doSet): a value written by a transaction is never found.
        await store.TransactAsync([StateStore.Put("q4", new Doc("query-doc", "alpha", 4), etag: null)], default);

        var result = await store.QueryAsync<Doc>("""{"filter":{"AND":[{"EQ":{"kind":"query-doc"}},{"EQ":{"name":"alpha"}}]},"sort":[{"key":"count"}]}""", default);

        result.Results.Select(r => r.Key).Should().Equal("q1", "q3");
    }

    [Fact]
    public async Task Conflict_retries_wait_on_the_injected_clock()
    {
        var time = new FakeTimeProvider();
        var store = clients.Store(Components.InventoryStore, attempts: 2, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), time);
        var attempts = 0;

        var run = store.RetryOnConflictAsync<int>(_ => Interlocked.Increment(ref attempts) == 1 ? throw new StateConflictException("lost") : Task.FromResult(attempts), default);
        await Task.Delay(50);
        attempts.Should().Be(1, "the second attempt waits for the backoff");
        time.Advance(TimeSpan.FromMinutes(1));

        (await run).Should().Be(2);
    }
}
