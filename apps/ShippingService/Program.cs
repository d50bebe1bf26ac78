using OrderPlatform.ServiceDefaults;
using OrderPlatform.ShippingService;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddShippingService();
var app = builder.Build();
app.MapDefaultEndpoints();
app.MapShippingServiceEndpoints();
app.Run();

/// <summary>Entry point; public so tests can host the service with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
