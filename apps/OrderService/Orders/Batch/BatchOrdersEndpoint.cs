using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.OrderService.Auth;
using OrderPlatform.OrderService.Orders.Intake;

namespace OrderPlatform.OrderService.Orders.Batch;

/// <summary>
/// <c>POST /api/orders/batch</c>: 200 with one result per entry (accepted / rejected / duplicate); an optional
/// <c>Idempotency-Key</c> (the caller's own) makes a retried batch report the same orders instead of creating new ones.
/// Every order is the caller's: an entry naming another <c>customerId</c> refuses the whole batch (403, nothing stored);
/// 503 when the catalogue cannot price the orders.
/// </summary>
internal static class BatchOrdersEndpoint
{
    public static async Task<Results<Ok<BatchCreateOrdersResponse>, ProblemHttpResult>> HandleAsync(
        BatchCreateOrdersRequest request,
        [AsParameters] IdempotencyKeyHeader idempotency,
        ClaimsPrincipal user,
        BatchEntryReader reader,
        BatchOrdersHandler handler,
        HttpResponse response,
        CancellationToken ct)
    {
        var callerId = user.CallerId();
        var entries = new List<BatchEntry>(request.Orders.Count);
        foreach (var entry in request.Orders.Select(reader.Read))
        {
            if (entry.Request is not { } read)
            {
                entries.Add(entry);
            }
            else if (CallerOrders.ForCaller(read, callerId) is { } own)
            {
                entries.Add(entry with { Request = own });
            }
            else
            {
                return ApiProblems.NotYourCustomerId();
            }
        }

        try
        {
            return TypedResults.Ok(await handler.HandleAsync(entries, callerId, idempotency.Value, ct));
        }
        catch (CatalogueUnavailableException)
        {
            return ApiProblems.CatalogueUnavailable(response);
        }
    }
}
