using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrderPlatform.OrderService.Orders.Reference;

/// <summary>
/// The order API's reference text, kept beside the routes it documents (by endpoint name): each operation's summary,
/// description, request and response examples, and its error answers as ProblemDetails (<c>application/problem+json</c>).
/// Every operation can answer 500 (unhandled failures become ProblemDetails, <c>UseExceptionHandler</c>).
/// <c>OpenApiDocumentTests</c> fails for an operation missing any of them.
/// </summary>
internal sealed class OrderApiReference : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    private const string OrderExample = """
        {"orderId":"ord-7f3a9c2e41b8","customerId":"alice","items":[{"productId":"SKU-001","quantity":2,"unitPrice":19.99}],
         "total":39.98,"currency":"EUR","status":"Pending","history":[{"status":"Pending","at":"2026-11-29T09:00:00Z","detail":"order received"}],
         "createdAt":"2026-11-29T09:00:00Z","updatedAt":"2026-11-29T09:00:00Z","paymentId":null,"trackingNumber":null,"failureReason":null}
        """;

    private const string ProductsExample = """
        {"items":[{"productId":"SKU-001","name":"Widget","unitPrice":19.99}],"continuationToken":"1"}
        """;

    private const string StockExample = """
        {"productId":"SKU-001","available":250,"reserved":4}
        """;

    private static readonly (int Status, string When) InventoryDown = (503, "inventory-service cannot answer; retry after Retry-After (setting stock is idempotent: send the same request).");

    private const string CreateExample = """
        {"items":[{"productId":"SKU-001","quantity":2}],
         "shippingAddress":{"street":"1 Main St","city":"Springfield","postalCode":"12345","country":"US"}}
        """;

    private static readonly (int Status, string When) Failure = (500, "The state store, the workflow engine or the Dapr sidecar failed.");
    private static readonly (int Status, string When) Invalid = (400, "The body, a header or a query parameter is invalid (`errors` names each field).");
    private static readonly (int Status, string When) Missing = (404, "No order has this id (or it is another customer's).");
    private static readonly (int Status, string When) Unauthenticated = (401, "No bearer token, or one with the wrong issuer, audience or signature, or an expired one.");
    private static readonly (int Status, string When) NotOperator = (403, "The caller does not have the Orders.Operator app role.");
    private static readonly (int Status, string When) TooLarge = (413, "The body is larger than the route's limit; nothing was done.");
    private static readonly (int Status, string When) Throttled = (429, "The caller's write budget (or, for new orders, this replica's orders in flight) is used up; retry after Retry-After. Nothing was done.");
    private static readonly (int Status, string When) CatalogueDown = (503, "inventory-service cannot price the order; retry after Retry-After. Nothing was stored.");

    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal)
    {
        ["CreateOrder"] = new(
            "Create an order",
            "Stores the order as Pending and starts its workflow (check stock → approval above the threshold → reserve → charge → ship → commit → complete, compensating on refusal). 202 with `Location` for a new order; 200 with the existing order when the same `Idempotency-Key` and body are sent again.",
            CreateExample, OrderExample,
            [Invalid, Unauthenticated, (403, "`customerId` names another customer: orders are the caller's own."), (409, "The `Idempotency-Key` was used with another body, or the order id exists."), TooLarge, (422, "The order names products that do not exist or have no price; nothing was stored."), Throttled, Failure, CatalogueDown]),
        ["CreateOrdersBatch"] = new(
            "Create several orders",
            "Creates each order of the batch as `POST /api/orders` would; the answer lists each entry's outcome (created, replayed or refused with its problem) in request order.",
            """{"orders":[""" + CreateExample + "]}", null,
            [Invalid, Unauthenticated, (403, "An entry names another customer: the whole batch is refused."), TooLarge, Throttled, Failure, CatalogueDown]),
        ["QueryOrders"] = new(
            "Query orders",
            "Orders filtered by customer and/or status, newest first, one page at a time (`continuationToken` from the previous page). A customer lists their own orders; operators any customer's, or all.",
            null, null, [Invalid, Unauthenticated, (403, "A customer asked for another customer's orders."), Failure]),
        ["OrdersNeedingAttention"] = new(
            "Orders needing an operator",
            "Orders put on hold (a step's faults outlasted the retry window), failed orders whose compensation kept failing and shipped orders whose stock commit failed, with what to do next.",
            null, null, [Unauthenticated, NotOperator, Failure]),
        ["GetOrder"] = new(
            "Get an order",
            "The stored order (status and its history, payment id, tracking number, failure reason) with its workflow's runtime status.",
            null, OrderExample, [Unauthenticated, Missing, Failure]),
        ["CancelOrder"] = new(
            "Cancel an order",
            "Asks the workflow to cancel the order (reserved stock is released and a charge refunded). Accepted until the order ships; the body and its reason are optional.",
            """{"reason":"changed my mind"}""", OrderExample, [Invalid, Unauthenticated, Missing, (409, "The order has shipped or ended and can no longer be cancelled."), Throttled, Failure]),
        ["ApproveOrder"] = new(
            "Approve or reject an order",
            "Operator action: the decision an order above the approval threshold waits for: `approved: true` lets the workflow go on, `false` fails the order. The approver recorded is the caller; the order's own customer never approves it. Without a decision within the approval timeout the order fails.",
            """{"approved":true,"reason":"known customer"}""", OrderExample,
            [Invalid, Unauthenticated, (403, "The caller is not an operator, or placed this order."), Missing, (409, "The order is not AwaitingApproval."), Throttled, Failure]),
        ["CompensateOrder"] = new(
            "Finish a failed order's compensation",
            "Operator action: refunds and releases the stock of a failed order whose compensation kept failing.",
            null, OrderExample, [Unauthenticated, NotOperator, Missing, (409, "The order is not a failed order with compensation left to do."), Throttled, Failure]),
        ["CommitOrderStock"] = new(
            "Commit a shipped order's stock",
            "Operator action: commits the reserved stock of a shipped order whose stock commit failed.",
            null, OrderExample, [Unauthenticated, NotOperator, Missing, (409, "The order is not a shipped order with an uncommitted reservation."), Throttled, Failure]),
        ["ResumeOrder"] = new(
            "Resume an order on hold",
            "Operator action: an OnHold order's workflow retries the step that kept failing.",
            null, OrderExample, [Unauthenticated, NotOperator, Missing, (409, "The order is not OnHold."), Throttled, Failure]),
        ["ListProducts"] = new(
            "List the catalogue",
            "Public and read-only: products with their names and unit prices (inventory-service owns them), by product id, "
            + "paged with pageSize (1..100) and the previous page's continuationToken. Orders are priced from it.",
            null, ProductsExample, [(400, "pageSize or token is not valid."), (503, "inventory-service cannot answer; try again after Retry-After."), Failure]),
        ["GetProductStock"] = new(
            "Read a product's stock",
            "Operator action: the product's available and reserved units, as inventory-service keeps them.",
            null, StockExample,
            [(400, "productId is not a valid id (letters, digits, '.', '_', ':', '-'; at most 100)."), Unauthenticated, NotOperator,
             (404, "inventory-service keeps no stock for this product."), InventoryDown, Failure]),
        ["SetProductStock"] = new(
            "Set a product's stock (restock)",
            "Operator action: sets the units available for sale (0..1,000,000; reserved units are kept; an unknown product is created) "
            + "and, when given, the catalogue price (0.01..1,000,000, whole cents) and name (1..200 characters); absent ones are kept. "
            + "Internal services accept stock changes only from order-service through Dapr, so this is the way to restock.",
            """{"available":250,"price":19.99,"name":"Trail running shoes"}""", StockExample,
            [(400, "The body or productId is invalid, or a name is given for a product that has no price yet (`errors` names each field)."),
             Unauthenticated, NotOperator, TooLarge, Throttled, InventoryDown, Failure]),
    };

    /// <summary>Endpoint names with reference text (the test compares them with the document's operations).</summary>
    public static IReadOnlyCollection<string> Documented => Entries.Keys;

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (name is null || !Entries.TryGetValue(name, out var entry))
        {
            return;
        }

        operation.Summary = entry.Summary;
        operation.Description = entry.Description;
        if (entry.RequestExample is { } request && operation.RequestBody?.Content is { } requestContent)
        {
            foreach (var media in requestContent.Values)
            {
                media.Example = JsonNode.Parse(request);
            }
        }

        operation.Responses ??= [];
        if (entry.ResponseExample is { } response)
        {
            foreach (var (_, answer) in operation.Responses.Where(r => r.Key.StartsWith('2')))
            {
                foreach (var media in answer.Content?.Values ?? [])
                {
                    media.Example = JsonNode.Parse(response);
                }
            }
        }

        var problemSchema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        foreach (var (status, when) in entry.Errors)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var example = new JsonObject
            {
                ["type"] = $"https://tools.ietf.org/html/rfc9110#section-15.{(status >= 500 ? "6.1" : "5")}",
                ["title"] = when,
                ["status"] = status,
            };
            if (operation.Responses.TryGetValue(key, out var existing) && existing is OpenApiResponse documented)
            {
                documented.Description = when;
                foreach (var media in documented.Content?.Values ?? [])
                {
                    media.Example ??= example;
                }

                continue;
            }

            operation.Responses[key] = new OpenApiResponse
            {
                Description = when,
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    [ProblemJson] = new() { Schema = problemSchema, Example = example },
                },
            };
        }
    }

    private sealed record Entry(
        string Summary, string Description, string? RequestExample, string? ResponseExample, IReadOnlyList<(int Status, string When)> Errors);
}
