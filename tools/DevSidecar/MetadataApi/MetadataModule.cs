using Grpc.AspNetCore.Server.Model;
using OrderPlatform.DevSidecar.Api;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace OrderPlatform.DevSidecar.MetadataApi;

/// <summary>The metadata API: HTTP <c>GET /v1.0/metadata</c> and gRPC GetMetadata, per app.</summary>
public static class MetadataModule
{
    public static IServiceCollection AddSidecarMetadata(this IServiceCollection services)
    {
        services.AddSingleton<SidecarMetadata>();
        services.AddSingleton<MetadataGrpcService>();
        services.AddSingleton<IServiceMethodProvider<MetadataGrpcService>, MetadataGrpcService.Methods>();
        return services;
    }

    public static WebApplication MapSidecarMetadata(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcService<MetadataGrpcService>();
        app.MapGet("/v1.0/metadata", (HttpContext http, ApiCalls calls, SidecarMetadata metadata) =>
            calls.Http(http, "metadata", null, a => Results.Json(metadata.For(a))));
        return app;
    }
}

/// <summary>GetMetadata of <c>dapr.proto.runtime.v1.Dapr</c>.</summary>
public sealed class MetadataGrpcService(ApiCalls calls, SidecarMetadata metadata)
{
    private readonly ApiCalls calls = calls;
    private readonly SidecarMetadata metadata = metadata;

    internal sealed class Methods : IServiceMethodProvider<MetadataGrpcService>
    {
        public void OnServiceMethodDiscovery(ServiceMethodProviderContext<MetadataGrpcService> context) =>
            context.AddUnaryMethod(DaprGrpc.Unary<P.GetMetadataRequest, P.GetMetadataResponse>("GetMetadata"), [], (s, r, c) =>
                s.calls.Grpc(c, "metadata", null, app => ToProto(s.metadata.For(app))));
    }

    private static P.GetMetadataResponse ToProto(MetadataResponse metadata)
    {
        var response = new P.GetMetadataResponse { Id = metadata.Id, RuntimeVersion = metadata.RuntimeVersion };
        foreach (var (key, value) in metadata.Extended)
        {
            response.ExtendedMetadata[key] = value;
        }

        foreach (var c in metadata.Components)
        {
            var component = new P.RegisteredComponents { Name = c.Name, Type = c.Type, Version = c.Version };
            component.Capabilities.AddRange(c.Capabilities);
            response.RegisteredComponents.Add(component);
        }

        foreach (var s in metadata.Subscriptions)
        {
            var subscription = new P.PubsubSubscription { PubsubName = s.PubsubName, Topic = s.Topic, DeadLetterTopic = s.DeadLetterTopic ?? string.Empty };
            subscription.Rules = new P.PubsubSubscriptionRules();
            subscription.Rules.Rules.AddRange(s.Rules.Select(r => new P.PubsubSubscriptionRule { Match = r.Match, Path = r.Path }));
            response.Subscriptions.Add(subscription);
        }

        return response;
    }
}
