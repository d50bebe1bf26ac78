using OrderPlatform.Benchmark.BareKestrel;
using OrderPlatform.Contracts.Orders;

// ASPNETCORE_URLS=http://127.0.0.1:PORT dotnet OrderPlatform.Benchmark.BareKestrel.dll
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

// The same request body as order-service's POST /api/orders, read and answered with 202 + a small view: the cost of
// Kestrel, routing and JSON alone.
app.MapPost("/api/orders", (CreateOrderRequest order) =>
{
    var accepted = AcceptedOrder.From(order);
    return TypedResults.Accepted($"/api/orders/{accepted.OrderId}", accepted);
});
app.MapGet("/health/ready", () => TypedResults.Ok());
await app.RunAsync();
