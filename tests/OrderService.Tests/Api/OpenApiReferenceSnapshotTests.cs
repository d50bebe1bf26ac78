using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>
/// The API reference text as clients read it (every <c>/api/</c> operation's summary, description, request examples
/// and responses: descriptions, media types, named schemas, examples) against a committed, reviewed copy,
/// <c>OrderApiReference.snapshot.json</c>. A change to the text is a change to the published documentation: it fails
/// here with each differing JSON path, and the served document is written beside the test binaries so that, once the
/// change is reviewed, it can be copied over the snapshot (the failure message says where).
/// </summary>
public sealed class OpenApiReferenceSnapshotTests(OrderApiFactory api) : OrderApiTests(api)
{
    private const string SnapshotName = "OrderApiReference.snapshot.json";

    // Indented, and arrows and backticks as written (not \u escapes), so the snapshot and its diffs read as the reference.
    private static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_served_API_reference_matches_the_reviewed_snapshot()
    {
        var document = JsonNode.Parse(await Api.ClientWith(null).GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var served = Reference(document);
        var received = Path.Combine(AppContext.BaseDirectory, "OrderApiReference.received.json");
        await File.WriteAllTextAsync(received, served.ToJsonString(Readable) + "\n");

        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(SnapshotPath()))!;

        Leaves(served).Should().BeEquivalentTo(
            Leaves(snapshot),
            "the served API reference is documentation and must match the reviewed {0}; if the change is intended, review it and copy {1} over it",
            SnapshotPath(), received);
    }

    /// <summary>
    /// What the reference gives each <c>/api/</c> operation: summary, description, request examples, and per response its
    /// description and, per media type, the schema it refers to (a named one, or none where the reference adds
    /// ProblemDetails inline) and the example.
    /// </summary>
    private static JsonObject Reference(JsonNode document)
    {
        var reference = new JsonObject();
        foreach (var (path, operations) in document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var responses = new JsonObject();
                foreach (var (status, response) in operation!["responses"]!.AsObject())
                {
                    responses[status] = new JsonObject { ["description"] = response!["description"]?.DeepClone(), ["content"] = Media(response) };
                }

                reference[$"{method.ToUpperInvariant()} {path}"] = new JsonObject
                {
                    ["summary"] = operation["summary"]?.DeepClone(),
                    ["description"] = operation["description"]?.DeepClone(),
                    ["request"] = operation["requestBody"] is { } body ? Media(body) : null,
                    ["responses"] = responses,
                };
            }
        }

        return reference;

        static JsonObject Media(JsonNode owner)
        {
            var media = new JsonObject();
            foreach (var (type, content) in owner["content"]?.AsObject() ?? [])
            {
                media[type] = new JsonObject { ["schema"] = content!["schema"]?["$ref"]?.DeepClone(), ["example"] = content["example"]?.DeepClone() };
            }

            return media;
        }
    }

    /// <summary>Every leaf by its JSON path, so that a difference is reported by where it is.</summary>
    private static Dictionary<string, string> Leaves(JsonNode node)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(node, "$", leaves);
        return leaves;

        static void Walk(JsonNode? node, string path, Dictionary<string, string> leaves)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        Walk(value, $"{path}['{key}']", leaves);
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Walk(array[i], $"{path}[{i}]", leaves);
                    }

                    break;
                default:
                    leaves[path] = node?.ToJsonString() ?? "null";
                    break;
            }
        }
    }

    private static string SnapshotPath([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, SnapshotName);
}
