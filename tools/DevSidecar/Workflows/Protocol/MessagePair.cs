using Google.Protobuf.Reflection;

namespace OrderPlatform.DevSidecar.Workflows.Protocol;

/// <summary>The same protocol message as Dapr's fork and Microsoft's fork declare it.</summary>
public readonly record struct MessagePair(MessageDescriptor Dapr, MessageDescriptor Microsoft)
{
    public override string ToString() => $"{Dapr.FullName}~{Microsoft.FullName}";
}

/// <summary>
/// What to do with one message pair when translating: fields to clear (collisions) and message-typed fields
/// whose values must be walked with their own plan.
/// </summary>
public sealed class PairPlan(MessagePair pair)
{
    public MessagePair Pair { get; } = pair;

    public List<FieldCollision> Collisions { get; } = [];

    /// <summary>Compatible message-typed fields (maps: the value message) and the plan of their values.</summary>
    public List<(FieldDescriptor Dapr, FieldDescriptor Microsoft, PairPlan Plan)> Children { get; } = [];
}
