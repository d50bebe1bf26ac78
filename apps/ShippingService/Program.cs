using OrderPlatform.ServiceDefaults;
using OrderPlatform.ShippingService.Shipments;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddShipments();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapShipmentEndpoints();
app.Run();

/// <summary>Entry point; public so tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
