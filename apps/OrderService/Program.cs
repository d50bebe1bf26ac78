using System.Text.Json.Serialization;
using OrderPlatform.OrderService;
using OrderPlatform.OrderService.Orders;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.RequestBodies;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
// Every body here is typed by a client: an unknown (mistyped) member is refused, never silently dropped.
builder.Services.AddStrictRequestBodies(JsonUnmappedMemberHandling.Disallow);
builder.Services.AddOrderService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOrderEndpoints();
app.Run();

/// <summary>Entry point; public so <c>WebApplicationFactory&lt;Program&gt;</c> can host the API in tests.</summary>
public partial class Program;
