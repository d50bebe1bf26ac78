using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.OrderService.Orders;

/// <summary>ProblemDetails answers shared by the order endpoints.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string orderId) =>
        TypedResults.Problem($"Order '{orderId}' does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Order not found");

    /// <summary>403: signed in, but this is not the caller's to do (another customer's order, one's own approval).</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    /// <summary>The one answer to a create or batch entry naming another customer.</summary>
    public static ProblemHttpResult NotYourCustomerId() =>
        Forbidden("customerId must be the signed-in caller's own id (or be left out): orders are created for the caller only.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    /// <summary>422: the request is well-formed but names products that do not exist (<c>errors</c> as for a 400).</summary>
    public static ProblemHttpResult UnknownProducts(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Unknown product",
            Detail = "The order names products that do not exist; nothing was stored.",
        });

    /// <summary>
    /// 503 + <c>Retry-After</c>: inventory-service could not price the order (catalogue prices are the only prices), so
    /// nothing was stored; the same request (and <c>Idempotency-Key</c>) can be sent again.
    /// </summary>
    public static ProblemHttpResult CatalogueUnavailable(
        HttpResponse response, string detail = "The product catalogue could not be reached to price the order; nothing was stored. Retry later.")
        => RetryLater(response, TimeSpan.FromSeconds(CatalogueRetryAfterSeconds), StatusCodes.Status503ServiceUnavailable, "Catalogue unavailable", detail);

    public const int CatalogueRetryAfterSeconds = 5;

    /// <summary>A refusal the caller may send again later: <c>Retry-After</c> (whole seconds, rounded up) + the problem.</summary>
    public static ProblemHttpResult RetryLater(HttpResponse response, TimeSpan after, int statusCode, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail, statusCode: statusCode, title: title);
    }

    public static string Location(string orderId) => $"/api/orders/{Uri.EscapeDataString(orderId)}";
}
