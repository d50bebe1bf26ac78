using OrderPlatform.OrderService;
using OrderPlatform.OrderService.Auth;
using OrderPlatform.OrderService.Limits;
using OrderPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddOrderService();
var app = builder.Build();
app.MapDefaultEndpoints();
app.UseOrderAuth();
app.UseRequestLimits(); // after authentication: writes are limited per caller
app.MapOrderServiceEndpoints();
app.Run();

/// <summary>Entry point; public so tests can host the service with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
