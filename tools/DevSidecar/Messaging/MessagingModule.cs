using OrderPlatform.DevSidecar.Invocation;
using OrderPlatform.DevSidecar.Messaging.Broker;
using OrderPlatform.DevSidecar.Messaging.Delivery;
using OrderPlatform.DevSidecar.Messaging.Publishing;
using OrderPlatform.DevSidecar.Messaging.Subscriptions;
using Grpc.AspNetCore.Server.Model;
using OrderPlatform.DevSidecar.MetadataApi;

namespace OrderPlatform.DevSidecar.Messaging;

public static class MessagingModule
{
    /// <summary>
    /// Pub/sub: in-memory brokers, publishing (HTTP + gRPC), subscription discovery and delivery. Exposes
    /// <see cref="ISubscriptionCatalog"/> and, for /v1.0/metadata, an <see cref="ISubscriptionSource"/>. Needs AddSidecarResiliency.
    /// </summary>
    public static IServiceCollection AddSidecarMessaging(this IServiceCollection services)
    {
        services.AddAppChannel();
        services.AddSingleton<SubscriptionCatalog>();
        services.AddSingleton<ISubscriptionCatalog>(sp => sp.GetRequiredService<SubscriptionCatalog>());
        services.AddSingleton<ISubscriptionSource, MetadataSubscriptionSource>();
        services.AddSingleton<MessageDelivery>();
        services.AddSingleton<InMemoryBroker>();
        services.AddHostedService(sp => sp.GetRequiredService<InMemoryBroker>());
        services.AddHostedService<SubscriptionDiscovery>();
        services.AddSingleton<Publisher>();
        services.AddSingleton<PublishGrpcService>();
        services.AddSingleton<IServiceMethodProvider<PublishGrpcService>, PublishGrpcMethods>();
        return services;
    }

    public static WebApplication MapSidecarMessaging(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        PublishEndpoints.Map(app);
        app.MapGrpcService<PublishGrpcService>();
        return app;
    }
}
