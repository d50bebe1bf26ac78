using System.Text.Json.Serialization;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.RequestBodies;
using OrderPlatform.ShippingService.Shipments;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
// POST /ship is Dapr-invoked: required fields are enforced, unknown members skipped (a newer order-service may send more).
builder.Services.AddStrictRequestBodies(JsonUnmappedMemberHandling.Skip);
builder.AddShipments();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapShipmentEndpoints();
app.Run();

/// <summary>Entry point; public so tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
