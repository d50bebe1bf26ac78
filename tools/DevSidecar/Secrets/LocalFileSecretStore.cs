using System.Text.Json;
using Grpc.Core;
using OrderPlatform.DevSidecar.Api;
using OrderPlatform.DevSidecar.Configuration;

namespace OrderPlatform.DevSidecar.Secrets;

/// <summary>
/// Dapr's <c>secretstores.local.file</c>: a JSON file (<c>secretsFile</c>, relative to the app's appDirPath, where daprd runs);
/// nested objects are flattened with <c>nestedSeparator</c> (default ":"); with <c>multiValued: true</c> each top-level
/// key is one secret holding all its nested values.
/// </summary>
public sealed class LocalFileSecretStore
{
    private readonly string name;
    private readonly Dictionary<string, Dictionary<string, string>> secrets;

    public LocalFileSecretStore(ComponentDefinition component, string path)
    {
        ArgumentNullException.ThrowIfNull(component);
        name = component.Name;
        var separator = component.GetMetadata("nestedSeparator") is { Length: > 0 } s ? s : ":";
        var multiValued = bool.TryParse(component.GetMetadata("multiValued"), out var m) && m;
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        secrets = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var flat = new Dictionary<string, string>(StringComparer.Ordinal);
            Flatten(property.Value, property.Name, separator, flat);
            if (multiValued && property.Value.ValueKind == JsonValueKind.Object)
            {
                var nested = new Dictionary<string, string>(StringComparer.Ordinal);
                Flatten(property.Value, string.Empty, separator, nested);
                secrets[property.Name] = nested;
            }
            else
            {
                foreach (var (key, value) in flat)
                {
                    secrets[key] = new Dictionary<string, string>(StringComparer.Ordinal) { [key] = value };
                }
            }
        }
    }

    public IReadOnlyDictionary<string, string> Get(string key) =>
        secrets.TryGetValue(key, out var values)
            ? values
            : throw new DaprApiException(500, StatusCode.Internal, "ERR_SECRET_GET",
                $"failed getting secret with key {key} from secret store {name}: secret {key} not found");

    public IReadOnlyDictionary<string, Dictionary<string, string>> GetAll() => secrets;

    private static void Flatten(JsonElement element, string path, string separator, Dictionary<string, string> into)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            into[path] = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
            return;
        }

        foreach (var child in element.EnumerateObject())
        {
            Flatten(child.Value, path.Length == 0 ? child.Name : path + separator + child.Name, separator, into);
        }
    }
}
