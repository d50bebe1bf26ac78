using Google.Protobuf.Reflection;

namespace OrderPlatform.DevSidecar.Workflows.Protocol;

/// <summary>
/// A field number that Dapr's fork of the task-hub protocol (Dapr.DurableTask.Protobuf) and Microsoft's
/// (Microsoft.DurableTask.Protobuf) both use, with a different meaning or wire type. Such a field cannot be
/// re-serialised across the two forks: the translator clears it on the sending side.
/// </summary>
public sealed record FieldCollision(FieldDescriptor DaprField, FieldDescriptor MicrosoftField)
{
    public int Number => DaprField.FieldNumber;

    /// <summary>Stable text form, e.g. <c>WorkflowRequest.router=#7 vs OrchestratorRequest.properties</c>.</summary>
    public string Key => $"{DaprField.ContainingType.Name}.{DaprField.Name}=#{Number} vs "
        + $"{MicrosoftField.ContainingType.Name}.{MicrosoftField.Name}";

    public override string ToString() => Key;
}
