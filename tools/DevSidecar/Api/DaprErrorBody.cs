using System.Text.Json;

namespace OrderPlatform.DevSidecar.Api;

/// <summary>The JSON body of a Dapr HTTP API error.</summary>
public sealed record DaprErrorBody(string ErrorCode, string Message)
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
