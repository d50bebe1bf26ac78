using OrderPlatform.DevSidecar.Api;
using OrderPlatform.DevSidecar.Configuration;

namespace OrderPlatform.DevSidecar.State;

/// <summary>
/// Dapr's key prefixing (metadata <c>keyPrefix</c>): <c>appid</c> (default) → <c>{appId}||key</c>,
/// <c>name</c> → <c>{storeName}||key</c>, <c>none</c> → key, anything else → <c>{keyPrefix}||key</c>.
/// </summary>
public static class StateKeys
{
    public const string Separator = "||";

    public static string Prefix(ComponentDefinition store, string appId)
    {
        ArgumentNullException.ThrowIfNull(store);
        var strategy = store.GetMetadata("keyPrefix");
        return strategy?.ToLowerInvariant() switch
        {
            null or "" or "appid" => appId + Separator,
            "name" => store.Name + Separator,
            "none" => string.Empty,
            _ => strategy + Separator,
        };
    }

    /// <summary>The stored key; with a prefix, Dapr refuses keys that contain the separator.</summary>
    public static string Compose(string prefix, string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new DaprApiException(400, Grpc.Core.StatusCode.InvalidArgument, "ERR_MALFORMED_REQUEST", "state key is empty");
        }

        if (prefix.Length > 0 && key.Contains(Separator, StringComparison.Ordinal))
        {
            throw new DaprApiException(
                400, Grpc.Core.StatusCode.InvalidArgument, "ERR_MALFORMED_REQUEST", $"input key/keyPrefix '{key}' can't contain '{Separator}'");
        }

        return prefix + key;
    }
}
