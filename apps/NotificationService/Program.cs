using OrderPlatform.NotificationService;
using OrderPlatform.NotificationService.DeadLetters;
using OrderPlatform.NotificationService.Events;
using OrderPlatform.NotificationService.Notifications;
using OrderPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotifications();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapSubscribeHandler();
app.MapOrderEventSubscriptions();
app.MapDeadLetterEndpoints();
app.MapNotificationEndpoints();
app.Run();

/// <summary>Entry point; public so tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
