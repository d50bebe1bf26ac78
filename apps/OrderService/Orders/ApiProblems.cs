using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.OrderService.Orders;

/// <summary>ProblemDetails answers shared by the order endpoints.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string orderId) =>
        TypedResults.Problem($"Order '{orderId}' does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Order not found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static string Location(string orderId) => $"/api/orders/{Uri.EscapeDataString(orderId)}";
}
