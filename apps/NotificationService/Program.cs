using OrderPlatform.NotificationService;
using OrderPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotificationService();
var app = builder.Build();
app.MapDefaultEndpoints();
app.MapNotificationServiceEndpoints();
app.Run();

/// <summary>Entry point; public so tests can host the service with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
