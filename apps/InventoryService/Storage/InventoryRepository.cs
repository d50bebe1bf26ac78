using System.Text.Json;
using System.Text.Json.Nodes;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.State;

namespace OrderPlatform.InventoryService.Storage;

/// <summary>
/// The one class that reads and writes <c>inventory-store</c>. Every change is one state transaction whose writes
/// carry the ETags they were decided on (<see cref="StateStore.Put{T}"/>), so of two racing writers one loses; the
/// loser reads again and decides again inside <see cref="StateStore.RetryOnConflictAsync{T}"/>.
/// </summary>
public sealed partial class InventoryRepository(StateStore store, TimeProvider time)
{
    public async Task<StockItem?> GetStockAsync(string productId, CancellationToken ct) =>
        (await store.GetAsync<StockItem>(StateKeys.Stock(productId), ct)).Value;

    /// <summary>The products' stock with the ETags read, in one bulk read (an unknown product has neither).</summary>
    public async Task<IReadOnlyDictionary<string, Versioned<StockItem>>> ReadStocksAsync(
        IEnumerable<string> productIds, CancellationToken ct)
    {
        var keys = productIds.ToDictionary(StateKeys.Stock, id => id, StringComparer.Ordinal);
        var found = await store.GetManyAsync<StockItem>(keys.Keys, ct);
        return keys.ToDictionary(k => k.Value, k => found[k.Key], StringComparer.Ordinal);
    }

    /// <summary>Sets the available units (operators, tests); reserved units are kept.</summary>
    public Task<StockItem> SetAvailableAsync(string productId, int available, CancellationToken ct) =>
        store.RetryOnConflictAsync(async token =>
        {
            var current = await store.GetAsync<StockItem>(StateKeys.Stock(productId), token);
            var next = new StockItem(productId, available, current.Value?.Reserved ?? 0);
            await store.TransactAsync([StateStore.Put(StateKeys.Stock(productId), next, current.ETag)], token);
            return next;
        }, ct);

    /// <summary>
    /// Raises the product's available units to <paramref name="quantity"/> when below it (reserved units kept; a
    /// missing product is inserted); true when it wrote.
    /// </summary>
    public async Task<bool> TopUpAsync(string productId, int quantity, CancellationToken ct)
    {
        var wrote = false;
        await store.UpdateAsync<StockItem>(StateKeys.Stock(productId), item =>
        {
            wrote = item is null || item.Available < quantity;
            return !wrote ? null : item is null ? new StockItem(productId, quantity, 0) : item with { Available = quantity };
        }, ct);
        return wrote;
    }

    /// <summary>Inserts the product with first-write; false when it already exists (live stock is never overwritten).</summary>
    public Task<bool> SeedAsync(string productId, int quantity, CancellationToken ct) =>
        store.TryInsertAsync(StateKeys.Stock(productId), new StockItem(productId, quantity, 0), ct);

    /// <summary>
    /// The products' stock (with ETags) and the catalogue entries of those that have one, in one bulk read of both kinds
    /// of key (check-stock needs both). Two value types: read as JSON, then typed.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, Versioned<StockItem>> Stock, IReadOnlyList<CatalogueEntry> Catalogue)> ReadStocksAndCatalogueAsync(
        IReadOnlyCollection<string> productIds, CancellationToken ct)
    {
        var found = await store.GetManyAsync<JsonElement>([.. productIds.Select(StateKeys.Stock), .. productIds.Select(StateKeys.Product)], ct);
        var stock = productIds.ToDictionary(id => id, id => Typed<StockItem>(found[StateKeys.Stock(id)]), StringComparer.Ordinal);
        var catalogue = productIds.Select(id => Typed<CatalogueEntry>(found[StateKeys.Product(id)]).Value).OfType<CatalogueEntry>().ToList();
        return (stock, catalogue);
    }

    /// <summary>Inserts the catalogue entry with first-write; false when the product already has one (a price set since is kept).</summary>
    public Task<bool> SeedCatalogueAsync(CatalogueEntry entry, CancellationToken ct) =>
        store.TryInsertAsync(StateKeys.Product(entry.ProductId), entry, ct);

    /// <summary>
    /// Sets the product's name and/or price, keeping what is not given (a new entry is named after the product when no
    /// name is given); true when it wrote. Throws <see cref="InvalidOperationException"/> when the product would have
    /// no price.
    /// </summary>
    public async Task<bool> SetCatalogueAsync(string productId, string? name, decimal? price, CancellationToken ct)
    {
        var wrote = false;
        await store.UpdateAsync<CatalogueEntry>(StateKeys.Product(productId), current =>
        {
            var next = new CatalogueEntry(
                productId,
                name ?? current?.Name ?? productId,
                price ?? current?.Price ?? throw new InvalidOperationException($"Product '{productId}' has no price: give one with its name."));
            wrote = next != current;
            return wrote ? next : null;
        }, ct);
        return wrote;
    }

    /// <summary>One page of the catalogue by product id, through the state query API.</summary>
    public async Task<(IReadOnlyList<CatalogueEntry> Items, string? Token)> ListCatalogueAsync(int limit, string? token, CancellationToken ct)
    {
        var page = new JsonObject { ["limit"] = limit };
        if (token is not null)
        {
            page["token"] = token;
        }

        var query = new JsonObject
        {
            ["filter"] = new JsonObject { ["EQ"] = new JsonObject { ["kind"] = CatalogueEntry.DocumentKind } },
            ["sort"] = new JsonArray(new JsonObject { ["key"] = "productId", ["order"] = "ASC" }),
            ["page"] = page,
        }.ToJsonString();
        var response = await store.QueryAsync<CatalogueEntry>(query, ct);
        var items = response.Results.Select(r => r.Data).OfType<CatalogueEntry>().ToList();
        return (items, string.IsNullOrEmpty(response.Token) ? null : response.Token);
    }

    /// <summary>A value read as JSON with others of another type, typed (with its ETag; neither when it does not exist).</summary>
    private static Versioned<T> Typed<T>(Versioned<JsonElement> item) =>
        item.Exists ? new Versioned<T>(item.Value.Deserialize<T>(JsonDefaults.Options), item.ETag) : default;
}
