using Grpc.AspNetCore.Server.Model;
using OrderPlatform.DevSidecar.State.Http;
using OrderPlatform.DevSidecar.State.Rpc;

namespace OrderPlatform.DevSidecar.State;

/// <summary>The state API (gRPC + HTTP) over in-memory stores, one per state component.</summary>
public static class StateModule
{
    public static IServiceCollection AddSidecarState(this IServiceCollection services)
    {
        services.AddSingleton<StateStores>();
        services.AddSingleton<StateGrpcService>();
        services.AddSingleton<IServiceMethodProvider<StateGrpcService>, StateGrpcService.Methods>();
        return services;
    }

    public static WebApplication MapSidecarState(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcService<StateGrpcService>();
        StateHttpEndpoints.Map(app);
        return app;
    }
}
