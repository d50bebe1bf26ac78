using System.Text.Json;
using Dapr.Client;
using OrderPlatform.PaymentService.Payments;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.State;

namespace OrderPlatform.PaymentService.Storage;

/// <summary>
/// The one class that reads and writes <c>payment-store</c>, through the kit's <see cref="StateStore"/>: an order's
/// payment record and a customer's running total, read with their ETags and saved together in one state transaction.
/// </summary>
public sealed class PaymentRepository(StateStore store)
{
    public Task<Versioned<PaymentRecord>> GetPaymentAsync(string orderId, CancellationToken ct) =>
        store.GetAsync<PaymentRecord>(StateKeys.Payment(orderId), ct);

    public Task<Versioned<CustomerTotal>> GetTotalAsync(string customerId, CancellationToken ct) =>
        store.GetAsync<CustomerTotal>(StateKeys.Customer(customerId), ct);

    /// <summary>
    /// The order's payment record and the customer's running total with their ETags, in one bulk read (a charge needs
    /// both). Two value types under two keys: read as JSON, then typed; the transaction that follows checks both ETags.
    /// </summary>
    public async Task<(Versioned<PaymentRecord> Payment, Versioned<CustomerTotal> Total)> GetPaymentAndTotalAsync(
        string orderId, string customerId, CancellationToken ct)
    {
        var (paymentKey, totalKey) = (StateKeys.Payment(orderId), StateKeys.Customer(customerId));
        var found = await store.GetManyAsync<JsonElement>([paymentKey, totalKey], ct);
        return (Typed<PaymentRecord>(found[paymentKey]), Typed<CustomerTotal>(found[totalKey]));
    }

    /// <summary>
    /// Saves the customer's <paramref name="total"/> (when given) at <paramref name="totalETag"/> and
    /// <paramref name="record"/> at <paramref name="recordETag"/>, all or nothing; a null ETag inserts (the key must not
    /// exist yet). <see cref="StateConflictException"/> when either changed since it was read.
    /// </summary>
    public Task SaveAsync(PaymentRecord record, string? recordETag, CustomerTotal? total, string? totalETag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var operations = new List<StateTransactionRequest>(2);
        if (total is not null)
        {
            operations.Add(StateStore.Put(StateKeys.Customer(total.CustomerId), total, totalETag));
        }

        operations.Add(StateStore.Put(StateKeys.Payment(record.OrderId), record, recordETag));
        return store.TransactAsync(operations, ct);
    }

    private static Versioned<T> Typed<T>(Versioned<JsonElement> item) =>
        item.Exists ? new Versioned<T>(item.Value.Deserialize<T>(JsonDefaults.Options), item.ETag) : default;

    /// <summary>Runs a read-decide-save again while its save loses a race (<c>StateStore:ConflictAttempts</c> in all).</summary>
    public Task<T> RetryOnConflictAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken ct) =>
        store.RetryOnConflictAsync(attempt, ct);
}
