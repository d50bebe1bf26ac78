using Dapr;
using FluentValidation;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Events;
using OrderPlatform.NotificationService.DeadLetters;
using OrderPlatform.NotificationService.Events;
using OrderPlatform.NotificationService.Notifications;
using OrderPlatform.NotificationService.Storage;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.State;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.NotificationService;

/// <summary>Everything notification-service registers and maps besides the service defaults.</summary>
public static class NotificationServiceRegistration
{
    public static IHostApplicationBuilder AddNotificationService(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<NotificationServiceOptions>(NotificationServiceOptions.SectionName);
        builder.AddStateStore(Components.NotificationStore);

        builder.Services.AddSingleton<CloudEventReader>();
        builder.Services.AddSingleton<NotificationRepository>();
        builder.Services.AddSingleton<DeadLetterRepository>();
        builder.Services.AddSingleton<OrderEventProcessor>();
        builder.Services.AddSingleton<UnknownEventProcessor>();
        builder.Services.AddSingleton<DeadLetterHandler>();
        builder.Services.AddSingleton<IValidator<NotificationQuery>, NotificationQueryValidator>();
        return builder;
    }

    /// <summary>The route table: Dapr's subscription and delivery routes, then the API.</summary>
    public static IEndpointRouteBuilder MapNotificationServiceEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapSubscribeHandler(); // GET /dapr/subscribe, from the WithTopic options below

        var priority = 0;
        foreach (var type in OrderEventTypes.All)
        {
            app.MapPost(OrderEventSubscriptions.PathFor(type),
                    (HttpRequest request, OrderEventProcessor processor, CancellationToken ct) => OrderEventEndpoint.HandleAsync(type, request, processor, ct))
                .WithTopic(OrderEventSubscriptions.Rule(type, priority++))
                .WithName($"OrderEvent_{type}");
        }

        app.MapPost(OrderEventSubscriptions.UnknownPath, UnknownEventEndpoint.HandleAsync)
            .WithTopic(OrderEventSubscriptions.Default(priority))
            .WithName("OrderEvent_unknown");
        app.MapPost(OrderEventSubscriptions.DeadLetterPath, DeadLetterEndpoint.HandleAsync)
            .WithTopic(Components.PubSub, Topics.OrdersDeadLetter)
            .WithName("OrderDeadLetter");

        app.MapGet("/api/notifications", GetNotificationsEndpoint.HandleAsync).Validate<NotificationQuery>().WithName("GetNotifications");
        app.MapGet("/api/notifications/deadletters", GetDeadLettersEndpoint.HandleAsync).WithName("GetDeadLetters");
        return app;
    }
}
