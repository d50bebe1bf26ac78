using Dapr.Client;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using OrderPlatform.PaymentService.Configuration;
using OrderPlatform.PaymentService.Payments;
using OrderPlatform.PaymentService.Signing;
using OrderPlatform.ServiceDefaults;
using Polly;
using Polly.Retry;

namespace OrderPlatform.PaymentService.Storage;

/// <summary>
/// The one class that reads and writes <c>payment-store</c>. A charge or refund is one state transaction: the payment
/// record is inserted with first-write (or updated at its ETag) and the customer's running total is updated at its
/// ETag, so two racing calls for one order charge once. A loser re-reads inside the conflict retry (the only retry here).
/// </summary>
public sealed partial class PaymentRepository(
    DaprClient dapr, PaymentSigner signer, IOptions<PaymentOptions> options, TimeProvider time)
{
    private readonly PaymentOptions settings = options.Value;

    private readonly ResiliencePipeline retry = new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(DaprStateConcurrency.IsEtagConflict),
            MaxRetryAttempts = options.Value.ConflictRetryAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.Value.ConflictRetryDelay,
            MaxDelay = options.Value.ConflictRetryMaxDelay,
        })
        .Build();

    public async Task<PaymentRecord?> GetAsync(string orderId, CancellationToken ct) =>
        (await ReadAsync<PaymentRecord>(StateKeys.Payment(orderId), ct)).Value;

    private async Task<Versioned<T>> ReadAsync<T>(string key, CancellationToken ct)
    {
        var (value, etag) = await dapr.GetStateAndETagAsync<T>(Components.PaymentStore, key, cancellationToken: ct);
        return new Versioned<T>(value, string.IsNullOrEmpty(etag) ? null : etag);
    }

    private Task CommitAsync(IReadOnlyList<StateTransactionRequest> operations, CancellationToken ct) =>
        dapr.ExecuteStateTransactionAsync(Components.PaymentStore, operations, cancellationToken: ct);

    private static StateTransactionRequest Upsert<T>(string key, T value, string? etag) =>
        DaprStateConcurrency.Upsert(key, value, etag, JsonDefaults.Options);
}
