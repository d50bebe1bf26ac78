using OrderPlatform.PaymentService;
using OrderPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddRequestBodyProblemDetails();
builder.Services.AddPaymentService(builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPaymentEndpoints();
app.Run();

/// <summary>Entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
