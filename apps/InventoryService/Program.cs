using OrderPlatform.InventoryService;
using OrderPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddInventoryService();
var app = builder.Build();
app.MapDefaultEndpoints();
app.MapInventoryServiceEndpoints();
app.Run();

/// <summary>Entry point; public so tests can host the service with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
