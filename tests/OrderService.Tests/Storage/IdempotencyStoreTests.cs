using Dapr.Client;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using OrderPlatform.OrderService.Orders;
using OrderPlatform.OrderService.Storage;

namespace OrderService.Tests.Storage;

/// <summary>Idempotency records are claimed insert-only and expire through the state store's ttlInSeconds.</summary>
public sealed class IdempotencyStoreTests
{
    private readonly Mock<DaprClient> dapr = new();
    private IReadOnlyDictionary<string, string>? savedMetadata;
    private StateOptions? savedOptions;

    public IdempotencyStoreTests() =>
        dapr.Setup(d => d.TrySaveStateAsync(Components.OrdersStore, It.IsAny<string>(), It.IsAny<IdempotencyRecord>(), string.Empty,
                It.IsAny<StateOptions>(), It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, IdempotencyRecord _, string _, StateOptions options, IReadOnlyDictionary<string, string> metadata, CancellationToken _) =>
                (savedOptions, savedMetadata) = (options, metadata))
            .ReturnsAsync(true);

    [Fact]
    public async Task A_claimed_key_is_remembered_for_24_hours_by_default()
    {
        var claimed = await Store(new OrdersOptions()).ClaimAsync("key-1", Record());

        claimed.Should().BeNull("this call claimed the key");
        savedMetadata.Should().Equal(new Dictionary<string, string> { ["ttlInSeconds"] = "86400" });
        savedOptions!.Concurrency.Should().Be(ConcurrencyMode.FirstWrite);
    }

    [Fact]
    public async Task The_ttl_follows_the_configured_IdempotencyKeyTtl_rounded_up_to_whole_seconds()
    {
        await Store(new OrdersOptions { IdempotencyKeyTtl = TimeSpan.FromMinutes(90.5) }).ClaimAsync("key-2", Record());

        savedMetadata!["ttlInSeconds"].Should().Be("5430");
    }

    [Fact]
    public void A_ttl_shorter_than_a_minute_is_refused_at_start_up()
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var options = new OrdersOptions { IdempotencyKeyTtl = TimeSpan.FromSeconds(5) };

        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true)
            .Should().BeFalse();
        results.Should().ContainSingle(r => r.MemberNames.Contains(nameof(OrdersOptions.IdempotencyKeyTtl)));
    }

    private IdempotencyStore Store(OrdersOptions options) => new(dapr.Object, Options.Create(options));

    private static IdempotencyRecord Record() => new("hash", "ord-1", DateTimeOffset.UnixEpoch);
}
