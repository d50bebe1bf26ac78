using System.Text.Json;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.ShippingService.Http;

/// <summary>
/// Reads a JSON body with the platform's JSON options. Unreadable JSON becomes field errors keyed by the JSON path
/// the serializer stopped at (<c>items[0].quantity</c>), so a 400 names the field at fault.
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

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, JsonDefaults.Options, request.HttpContext.RequestAborted);
            return value is null ? (null, new() { ["body"] = ["The request body is required."] }) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, new() { [FieldOf(ex.Path)] = [$"The value is not valid JSON for this field: {ex.Message}"] });
        }
    }

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$').TrimStart('.');
}
