using System.Net.Http.Json;
using System.Text.Json;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.Testing;

/// <summary>Request and response bodies in the platform's JSON shape (<see cref="JsonDefaults"/>).</summary>
public static class HttpJson
{
    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string path, T body) =>
        client.PostAsJsonAsync(path, body, JsonDefaults.Options);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(JsonDefaults.Options))!;

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}

/// <summary>The parts of a ProblemDetails body the tests look at.</summary>
public sealed record ProblemBody(int? Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors);
