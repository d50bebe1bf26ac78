using System.Collections.Concurrent;
using Grpc.Core;
using OrderPlatform.DevSidecar.Api;
using OrderPlatform.DevSidecar.Configuration;

namespace OrderPlatform.DevSidecar.Secrets;

/// <summary>Singleton: the secret stores each app may use (scopes), loaded on first use.</summary>
public sealed class SecretStores(ComponentRegistry components)
{
    private readonly ConcurrentDictionary<string, Lazy<LocalFileSecretStore>> stores = new(StringComparer.Ordinal);

    public LocalFileSecretStore Open(string appId, string storeName)
    {
        var component = components.Resolve(appId, storeName, "secretstores.");
        if (component.Type != "secretstores.local.file")
        {
            throw new DaprApiException(500, StatusCode.Internal, "ERR_SECRET_GET",
                $"failed getting secrets from secret store {storeName}: the dev sidecar only emulates secretstores.local.file, not {component.Type}");
        }

        return stores.GetOrAdd(component.Name, _ => new Lazy<LocalFileSecretStore>(() => Load(component))).Value;
    }

    private LocalFileSecretStore Load(ComponentDefinition component)
    {
        var file = component.GetMetadata("secretsFile")
            ?? throw new InvalidOperationException($"Secret store '{component.Name}' needs metadata secretsFile.");
        try
        {
            return new LocalFileSecretStore(component, components.ResolvePath(file));
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            throw new DaprApiException(500, StatusCode.Internal, "ERR_SECRET_GET",
                $"failed getting secrets from secret store {component.Name}: cannot read {file}: {e.Message}");
        }
    }
}
