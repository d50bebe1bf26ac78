using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace OrderPlatform.DevSidecar.Workflows.Grpc;

/// <summary>One RPC of Dapr's task-hub service and the API name its calls are recorded as.</summary>
public sealed record TaskHubRpc(string Name, string Api)
{
    /// <summary>The instance the request is about (its <c>instanceId</c> field), for the call log.</summary>
    public static string? TargetOf(IMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var field = request.Descriptor.Fields.InDeclarationOrder()
            .FirstOrDefault(f => f.JsonName == "instanceId" && f.FieldType == FieldType.String);
        return field?.Accessor.GetValue(request) as string is { Length: > 0 } id ? id : null;
    }
}
