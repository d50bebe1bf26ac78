using System.Net.Http.Json;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Downstream;

/// <summary>POST JSON (JsonDefaults) to, or GET from, a Dapr-invoked method; a non-2xx answer is an exception.</summary>
internal static class HttpJson
{
    public static async Task<TResponse> PostAsync<TRequest, TResponse>(HttpClient http, string method, TRequest body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(new Uri(method, UriKind.Relative), body, JsonDefaults.Options, ct);
        return await ReadAsync<TResponse>(http, method, response, ct);
    }

    public static async Task<TResponse> GetAsync<TResponse>(HttpClient http, string methodAndQuery, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(methodAndQuery, UriKind.Relative), ct);
        return await ReadAsync<TResponse>(http, methodAndQuery, response, ct);
    }

    /// <summary>
    /// The call's service could not answer: a failed or non-2xx call, or a timeout (the resilience pipeline's or the
    /// client's) that the caller itself did not ask for by cancelling <paramref name="ct"/>.
    /// </summary>
    public static bool IsUnreachable(Exception ex, CancellationToken ct) =>
        ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested);

    public static async Task<TResponse> ReadAsync<TResponse>(HttpClient http, string method, HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"{http.BaseAddress?.Host} {method} answered {(int)response.StatusCode} {response.ReasonPhrase}.",
                inner: null,
                response.StatusCode);
        }

        return await response.Content.ReadFromJsonAsync<TResponse>(JsonDefaults.Options, ct)
            ?? throw new HttpRequestException($"{http.BaseAddress?.Host} {method} answered an empty body.");
    }
}
