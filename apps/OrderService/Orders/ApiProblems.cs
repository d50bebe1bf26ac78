using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.OrderService.Orders;

/// <summary>ProblemDetails answers shared by the order endpoints.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string orderId) =>
        TypedResults.Problem($"Order '{orderId}' does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Order not found");

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

    public static string Location(string orderId) => $"/api/orders/{Uri.EscapeDataString(orderId)}";
}
