using OrderPlatform.PaymentService;
using OrderPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPaymentService();
var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPaymentServiceEndpoints();
app.Run();

/// <summary>Entry point; public so tests can host the service with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
