using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.OrderService.Orders.Intake;

/// <summary>
/// Before an order is stored: which of its products do not exist, asked of inventory-service's <c>check-stock</c>.
/// Only existence is checked here (stock changes; shortages are the workflow's call). When inventory-service cannot
/// answer, the order is not lost: only ids inventory could never hold count as unknown, and a warning is logged.
/// </summary>
public sealed class ProductCheck(InventoryClient inventory, ILogger<ProductCheck> logger)
{
    /// <summary>check-stock takes at most 100 lines per call.</summary>
    public const int MaxLinesPerCall = 100;

    public async Task<IReadOnlySet<string>> FindUnknownAsync(IEnumerable<string> productIds, CancellationToken ct)
    {
        var distinct = productIds.Distinct(StringComparer.Ordinal).ToList();
        var unknown = distinct.Where(id => !Identifiers.IsValid(id)).ToHashSet(StringComparer.Ordinal);
        try
        {
            foreach (var chunk in distinct.Where(Identifiers.IsValid).Chunk(MaxLinesPerCall))
            {
                var answer = await inventory.CheckStockAsync(new CheckStockRequest([.. chunk.Select(id => new StockLine(id, 1))]), ct);
                unknown.UnionWith(answer.UnknownProducts ?? []);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning(ex, "inventory-service could not check {Count} product(s); accepting the order, its workflow checks stock", distinct.Count);
        }

        return unknown;
    }

    /// <summary><c>items[i].productId</c> errors for each line of <paramref name="request"/> whose product is unknown.</summary>
    public static Dictionary<string, string[]> Errors(CreateOrderRequest request, IReadOnlySet<string> unknown)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Items
            .Select((item, index) => (item.ProductId, Index: index))
            .Where(line => unknown.Contains(line.ProductId))
            .ToDictionary(line => $"items[{line.Index}].productId", line => new[] { $"Product '{line.ProductId}' does not exist." });
    }
}
