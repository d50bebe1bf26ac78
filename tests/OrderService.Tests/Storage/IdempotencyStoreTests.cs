using Dapr.Client;
using Microsoft.Extensions.Options;
using OrderPlatform.OrderService;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Tests.Support;
using OrderPlatform.ServiceDefaults.State;

namespace OrderPlatform.OrderService.Tests.Storage;

/// <summary>Idempotency records are claimed insert-only and expire through the state store's ttlInSeconds.</summary>
public sealed class IdempotencyStoreTests : IAsyncLifetime
{
    private OrdersSidecar sidecar = null!;

    public async Task InitializeAsync() => sidecar = await OrdersSidecar.StartAsync();

    public async Task DisposeAsync() => await sidecar.DisposeAsync();

    [Fact]
    public async Task A_claimed_key_is_remembered_for_24_hours_by_default()
    {
        var claimed = await Store(new OrderServiceOptions()).ClaimAsync("cust-1", "key-1", Record());

        claimed.Should().BeNull("this call claimed the key");
        var save = sidecar.Hooks.Saves.Should().ContainSingle().Subject;
        save.Key.Should().Be(StateKeys.Idempotency("cust-1", "key-1"));
        save.ETag.Should().BeEmpty();
        save.Concurrency.Should().Be(ConcurrencyMode.FirstWrite);
        save.Metadata.Should().Equal(new Dictionary<string, string> { ["contentType"] = "application/json", ["ttlInSeconds"] = "86400" });
    }

    [Fact]
    public async Task The_ttl_follows_the_configured_IdempotencyKeyTtl_rounded_up_to_whole_seconds()
    {
        await Store(new OrderServiceOptions { IdempotencyKeyTtl = TimeSpan.FromMinutes(90.5) }).ClaimAsync("cust-1", "key-2", Record());

        sidecar.Hooks.Saves.Single().Metadata["ttlInSeconds"].Should().Be("5430");
    }

    [Fact]
    public async Task A_key_already_claimed_answers_the_record_that_holds_it()
    {
        var store = Store(new OrderServiceOptions());
        await store.ClaimAsync("cust-1", "key-3", Record());

        var held = await store.ClaimAsync("cust-1", "key-3", new IdempotencyRecord("other-hash", "ord-2", DateTimeOffset.UnixEpoch));

        held.Should().Be(Record());
    }

    [Fact]
    public async Task A_key_given_back_between_the_refused_claim_and_the_read_is_claimed_again()
    {
        // The holder's request created no order and gave the key back just after this claim was refused: the read that
        // follows the refusal (the second GetState; the first is the kit's check that the insert lost a race) finds nothing.
        var key = StateKeys.Idempotency("cust-1", "key-4");
        await sidecar.State.PutAsync(key, new IdempotencyRecord("holder-hash", "ord-0", DateTimeOffset.UnixEpoch));
        sidecar.Hooks.Before("GetState", async _ =>
        {
            if (sidecar.Hooks.Calls("GetState") == 2)
            {
                await sidecar.State.DeleteAsync(key);
            }
        });

        var claimed = await Store(new OrderServiceOptions()).ClaimAsync("cust-1", "key-4", Record());

        claimed.Should().BeNull("the key was free again, and this call claimed it");
        (await sidecar.State.GetAsync<IdempotencyRecord>(key)).Should().Be(Record());
        sidecar.Hooks.Calls("SaveState").Should().Be(2);
    }

    [Fact]
    public async Task A_key_given_back_after_every_refusal_fails_as_a_conflict_after_the_configured_attempts()
    {
        var key = StateKeys.Idempotency("cust-1", "key-5");
        var holder = new IdempotencyRecord("holder-hash", "ord-0", DateTimeOffset.UnixEpoch);
        sidecar.Hooks.Before("SaveState", _ => sidecar.State.PutAsync(key, holder));
        sidecar.Hooks.Before("GetState", async _ =>
        {
            if (sidecar.Hooks.Calls("GetState") % 2 == 0)
            {
                await sidecar.State.DeleteAsync(key);
            }
        });

        var claim = () => Store(new OrderServiceOptions()).ClaimAsync("cust-1", "key-5", Record());

        (await claim.Should().ThrowAsync<StateConflictException>())
            .WithMessage($"'{key}' was given back while it was being claimed.");
        sidecar.Hooks.Calls("SaveState").Should().Be(5, "order-service's StateStore:ConflictAttempts");
    }

    [Fact]
    public void A_ttl_shorter_than_a_minute_is_refused_at_start_up()
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var options = new OrderServiceOptions { IdempotencyKeyTtl = TimeSpan.FromSeconds(5) };

        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true)
            .Should().BeFalse();
        results.Should().ContainSingle(r => r.MemberNames.Contains(nameof(OrderServiceOptions.IdempotencyKeyTtl)));
    }

    private IdempotencyStore Store(OrderServiceOptions options) => new(sidecar.Store(), Options.Create(options));

    private static IdempotencyRecord Record() => new("hash", "ord-1", DateTimeOffset.UnixEpoch);
}
