using System.Text.Json;
using Dapr.Client;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.State;

namespace OrderPlatform.OrderService.Tests.Support;

/// <summary>
/// Arranges and inspects <c>orders-store</c> beside the service under test, through a second client of order-service's
/// app-id (keys as the service writes them). Arranged documents are written as the service writes them (the kit's
/// JSON documents), so the state query sees them.
/// </summary>
internal sealed class OrdersState(DaprClient dapr)
{
    private readonly StateStore store = new(dapr, Components.OrdersStore, new StateStoreOptions(), TimeProvider.System);

    public Task PutAsync<T>(string key, T value)
        where T : class =>
        store.UpdateAsync<T>(key, _ => value, CancellationToken.None);

    public Task DeleteAsync(string key) => store.DeleteAsync(key, CancellationToken.None);

    public async Task<T?> GetAsync<T>(string key) => (await store.GetAsync<T>(key, CancellationToken.None)).Value;

    public async Task<bool> ContainsAsync(string key) => (await store.GetAsync<JsonElement?>(key, CancellationToken.None)).Exists;

    public async Task<JsonElement> JsonAsync(string key) =>
        (await store.GetAsync<JsonElement>(key, CancellationToken.None)).Value;
}
