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

        var file = component.GetMetadata("secretsFile")
            ?? throw new InvalidOperationException($"Secret store '{component.Name}' needs metadata secretsFile.");
        // Each app's daprd opens a relative secretsFile from its own directory, so one component may mean several files.
        var path = components.ResolvePath(appId, file);
        return stores.GetOrAdd($"{component.Name}\n{path}", _ => new Lazy<LocalFileSecretStore>(() => Load(component, file, path))).Value;
    }

    private static LocalFileSecretStore Load(ComponentDefinition component, string file, string path)
    {
        try
        {
            return new LocalFileSecretStore(component, path);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            throw new DaprApiException(500, StatusCode.Internal, "ERR_SECRET_GET",
                $"failed getting secrets from secret store {component.Name}: cannot read {file}: {e.Message}");
        }
    }
}
