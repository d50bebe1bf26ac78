using OrderPlatform.OrderService;
using OrderPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddOrderService();
var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOrderServiceEndpoints();
app.Run();

/// <summary>Entry point; public so <c>WebApplicationFactory&lt;Program&gt;</c> can host the API in tests.</summary>
public partial class Program;
