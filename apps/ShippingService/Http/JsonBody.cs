using System.Text.Json;
using Microsoft.Extensions.Options;
using OrderPlatform.ServiceDefaults.RequestBodies;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace OrderPlatform.ShippingService.Http;

/// <summary>
/// Reads a JSON body with the request-binding JSON options, made strict by
/// <see cref="StrictRequestBodies.AddStrictRequestBodies"/>: a missing or null required field, like unreadable JSON,
/// becomes field errors keyed by its JSON path (<c>items[0].quantity</c>), so a 400 names the field at fault.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, Dictionary<string, string[]>? Errors)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, new() { ["body"] = ["A JSON body (Content-Type: application/json) is required."] });
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted);
            return value is null ? (null, new() { ["body"] = ["The request body is required."] }) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, JsonBodyErrors.From(ex));
        }
    }
}
