using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Orders.Batch;

namespace OrderPlatform.OrderService.Orders.Admission;

/// <summary>
/// Around <c>POST /api/orders</c> and <c>POST /api/orders/batch</c>: reserves a slot per order the request may create
/// (a batch: one per entry) before anything is read or stored, answers 429 + <c>Retry-After</c> (ProblemDetails) when
/// they are not free, and keeps a slot for each order created (202 / an accepted batch entry; a replay, a rejection or
/// a failure gives its slot back).
/// </summary>
internal sealed class AdmissionFilter(OrderAdmission admission, IOptions<AdmissionOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var slots = context.Arguments.OfType<BatchCreateOrdersRequest>().FirstOrDefault() is { } batch
            ? Math.Clamp(batch.Orders?.Count ?? 1, 1, BatchCreateOrdersRequest.MaxOrders)
            : 1;
        if (!await admission.TryReserveAsync(slots, context.HttpContext.RequestAborted))
        {
            return TooManyInFlight(context.HttpContext, slots);
        }

        var created = new List<string>();
        try
        {
            var result = await next(context);
            created.AddRange(CreatedOrderIds(result));
            return result;
        }
        finally
        {
            admission.Settle(slots, created);
        }
    }

    private ProblemHttpResult TooManyInFlight(HttpContext http, int slots) => ApiProblems.RetryLater(
        http.Response,
        options.Value.RetryAfter,
        StatusCodes.Status429TooManyRequests,
        "Too many orders in flight",
        slots == 1
            ? "Too many orders are being processed; nothing was stored. Retry after the time in Retry-After."
            : $"Too many orders are being processed to take {slots} more; nothing was stored. Retry after the time in Retry-After.");

    private static IEnumerable<string> CreatedOrderIds(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result switch
        {
            Accepted<OrderView> { Value: { } view } => [view.OrderId],
            Ok<BatchCreateOrdersResponse> { Value: { } response } =>
                response.Results.Where(r => r.Status == BatchItemStatus.Accepted && r.OrderId is not null).Select(r => r.OrderId!),
            _ => [],
        };
    }
}
