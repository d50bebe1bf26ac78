using Grpc.AspNetCore.Server.Model;
using OrderPlatform.DevSidecar.Api;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace OrderPlatform.DevSidecar.Secrets;

/// <summary>The secrets API: gRPC GetSecret/GetBulkSecret and HTTP /v1.0/secrets/{store}/{key|bulk}.</summary>
public static class SecretsModule
{
    public static IServiceCollection AddSidecarSecrets(this IServiceCollection services)
    {
        services.AddSingleton<SecretStores>();
        services.AddSingleton<SecretsGrpcService>();
        services.AddSingleton<IServiceMethodProvider<SecretsGrpcService>, SecretsGrpcService.Methods>();
        return services;
    }

    public static WebApplication MapSidecarSecrets(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcService<SecretsGrpcService>();
        app.MapGet("/v1.0/secrets/{store}/bulk", (HttpContext http, string store, ApiCalls calls, SecretStores stores) =>
            calls.Http(http, "secrets.bulkget", store, a => Results.Json(stores.Open(a.AppId, store).GetAll())));
        app.MapGet("/v1.0/secrets/{store}/{key}", (HttpContext http, string store, string key, ApiCalls calls, SecretStores stores) =>
            calls.Http(http, "secrets.get", store, a => Results.Json(stores.Open(a.AppId, store).Get(key))));
        return app;
    }
}

/// <summary>The secret methods of <c>dapr.proto.runtime.v1.Dapr</c>.</summary>
public sealed class SecretsGrpcService(ApiCalls calls, SecretStores stores)
{
    private readonly ApiCalls calls = calls;
    private readonly SecretStores stores = stores;

    internal sealed class Methods : IServiceMethodProvider<SecretsGrpcService>
    {
        public void OnServiceMethodDiscovery(ServiceMethodProviderContext<SecretsGrpcService> context)
        {
            context.AddUnaryMethod(DaprGrpc.Unary<P.GetSecretRequest, P.GetSecretResponse>("GetSecret"), [], (s, r, c) =>
                s.calls.Grpc(c, "secrets.get", r.StoreName, app =>
                {
                    var response = new P.GetSecretResponse();
                    foreach (var (key, value) in s.stores.Open(app.AppId, r.StoreName).Get(r.Key))
                    {
                        response.Data[key] = value;
                    }

                    return response;
                }));
            context.AddUnaryMethod(DaprGrpc.Unary<P.GetBulkSecretRequest, P.GetBulkSecretResponse>("GetBulkSecret"), [], (s, r, c) =>
                s.calls.Grpc(c, "secrets.bulkget", r.StoreName, app =>
                {
                    var response = new P.GetBulkSecretResponse();
                    foreach (var (key, values) in s.stores.Open(app.AppId, r.StoreName).GetAll())
                    {
                        var secret = new P.SecretResponse();
                        secret.Secrets.Add(values);
                        response.Data.Add(key, secret);
                    }

                    return response;
                }));
        }
    }
}
