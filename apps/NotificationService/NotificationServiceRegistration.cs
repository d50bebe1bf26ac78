using Dapr;
using FluentValidation;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Events;
using OrderPlatform.NotificationService.DeadLetters;
using OrderPlatform.NotificationService.Events;
using OrderPlatform.NotificationService.Notifications;
using OrderPlatform.NotificationService.Storage;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Security;
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
        // GET /dapr/subscribe, from the WithTopic options below: left open, it only names the topics and routes, and
        // daprd reads it once at start.
        app.MapSubscribeHandler();

        // Deliveries come from this app's own sidecar only: daprd sends its app API token on every app-channel call and
        // stamps no caller app-id on a pub/sub delivery (dapr/dapr pkg/runtime/subscription/postman/http/http.go builds
        // the request without one; pkg/messaging/direct_messaging.go stamps it on service invocation only), so
        // RequireDaprBinding() refuses both a call to the app port (401) and any app's invocation, forged events (403).
        var priority = 0;
        foreach (var type in OrderEventTypes.All)
        {
            app.MapPost(OrderEventSubscriptions.PathFor(type),
                    (HttpRequest request, OrderEventProcessor processor, CancellationToken ct) => OrderEventEndpoint.HandleAsync(type, request, processor, ct))
                .WithTopic(OrderEventSubscriptions.Rule(type, priority++))
                .WithName($"OrderEvent_{type}")
                .RequireDaprBinding();
        }

        app.MapPost(OrderEventSubscriptions.UnknownPath, UnknownEventEndpoint.HandleAsync)
            .WithTopic(OrderEventSubscriptions.Default(priority))
            .WithName("OrderEvent_unknown")
            .RequireDaprBinding();
        app.MapPost(OrderEventSubscriptions.DeadLetterPath, DeadLetterEndpoint.HandleAsync)
            .WithTopic(Components.PubSub, Topics.OrdersDeadLetter)
            .WithName("OrderDeadLetter")
            .RequireDaprBinding();

        // Reads no app of the platform makes today (tests and operators do, through a sidecar): any platform app through Dapr.
        app.MapGet("/api/notifications", GetNotificationsEndpoint.HandleAsync).Validate<NotificationQuery>().WithName("GetNotifications")
            .RequireDaprCaller([.. AppIds.All]);
        app.MapGet("/api/notifications/deadletters", GetDeadLettersEndpoint.HandleAsync).WithName("GetDeadLetters")
            .RequireDaprCaller([.. AppIds.All]);
        return app;
    }
}
