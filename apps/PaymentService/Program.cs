using System.Text.Json.Serialization;
using OrderPlatform.PaymentService;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.RequestBodies;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
// Dapr-invoked methods skip unknown members (a newer order-service may send more); FaultRequest refuses them.
builder.Services.AddStrictRequestBodies(JsonUnmappedMemberHandling.Skip);
builder.Services.AddPaymentService(builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPaymentEndpoints();
app.Run();

/// <summary>Entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
