using OrderPlatform.OrderService;
using OrderPlatform.OrderService.Orders;
using OrderPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddRequestBodyProblemDetails();
builder.Services.AddOrderService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOrderEndpoints();
app.Run();

/// <summary>Entry point; public so <c>WebApplicationFactory&lt;Program&gt;</c> can host the API in tests.</summary>
public partial class Program;
