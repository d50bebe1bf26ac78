using OrderPlatform.NotificationService.DeadLetters;
using OrderPlatform.NotificationService.Events;
using OrderPlatform.NotificationService.Notifications;
using OrderPlatform.NotificationService.State;

namespace OrderPlatform.NotificationService;

public static class NotificationsRegistration
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<NotificationOptions>().Bind(builder.Configuration.GetSection(NotificationOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CloudEventReader>();
        builder.Services.AddSingleton<BoundedStateList>();
        builder.Services.AddSingleton<ProcessedEvents>();
        builder.Services.AddSingleton<NotificationRepository>();
        builder.Services.AddSingleton<DeadLetterRepository>();
        builder.Services.AddScoped<OrderEventProcessor>();
        builder.Services.AddScoped<UnknownEventProcessor>();
        builder.Services.AddScoped<DeadLetterHandler>();
        return builder;
    }
}
