using Google.Protobuf.Reflection;

namespace OrderPlatform.DevSidecar.Workflows.Protocol;

/// <summary>Whether a field with the same number means the same thing in both forks.</summary>
public static class FieldCompatibility
{
    public static bool AreCompatible(FieldDescriptor dapr, FieldDescriptor microsoft)
    {
        ArgumentNullException.ThrowIfNull(dapr);
        ArgumentNullException.ThrowIfNull(microsoft);
        if (ProtocolNames.Normalize(dapr.Name) != ProtocolNames.Normalize(microsoft.Name)
            || dapr.IsRepeated != microsoft.IsRepeated || dapr.IsMap != microsoft.IsMap)
        {
            return false;
        }

        if (dapr.IsMap)
        {
            return SameValueType(dapr.MessageType.FindFieldByNumber(1), microsoft.MessageType.FindFieldByNumber(1))
                && SameValueType(dapr.MessageType.FindFieldByNumber(2), microsoft.MessageType.FindFieldByNumber(2));
        }

        return SameValueType(dapr, microsoft);
    }

    /// <summary>The message types to walk below two compatible fields (a map's value type), or null for scalars.</summary>
    public static MessagePair? MessageTypes(FieldDescriptor dapr, FieldDescriptor microsoft)
    {
        ArgumentNullException.ThrowIfNull(dapr);
        ArgumentNullException.ThrowIfNull(microsoft);
        if (dapr.IsMap)
        {
            return MessageTypes(dapr.MessageType.FindFieldByNumber(2), microsoft.MessageType.FindFieldByNumber(2));
        }

        return dapr.FieldType == FieldType.Message ? new MessagePair(dapr.MessageType, microsoft.MessageType) : null;
    }

    private static bool SameValueType(FieldDescriptor dapr, FieldDescriptor microsoft) =>
        dapr.FieldType == microsoft.FieldType && dapr.FieldType switch
        {
            FieldType.Enum => SameEnumValues(dapr.EnumType, microsoft.EnumType),
            _ => true,
        };

    /// <summary>Enums are compatible when every number both declare has the same (normalised) name.</summary>
    private static bool SameEnumValues(EnumDescriptor dapr, EnumDescriptor microsoft) =>
        dapr.Values.All(value => microsoft.FindValueByNumber(value.Number) is not { } other
            || ProtocolNames.Normalize(value.Name) == ProtocolNames.Normalize(other.Name));
}
