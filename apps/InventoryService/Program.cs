using OrderPlatform.InventoryService;
using OrderPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddRequestBodyProblemDetails();
builder.Services.AddInventoryService(builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapInventoryEndpoints();
app.Run();

/// <summary>Entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
