using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OrderPlatform.ServiceDefaults.RequestBodies;

/// <summary>
/// Reading rules that stop System.Text.Json from silently defaulting a body's fields:
/// <list type="bullet">
/// <item>a constructor parameter that is neither nullable (<c>string?</c>, <c>int?</c>) nor optional (<c>= 503</c>) must be
/// present, else "missing required properties" (a missing <c>int</c> no longer reads as 0);</item>
/// <item>a JSON <c>null</c> for a non-nullable reference type is refused (<see cref="JsonSerializerOptions.RespectNullableAnnotations"/>),
/// for reading only: every property that can hold null is still written as it is, so responses do not change (a
/// <c>null</c> for a value type such as <c>int</c> was always refused; <see cref="JsonBodyErrors"/> reports it as required);</item>
/// <item>unknown members are refused or skipped per <see cref="JsonUnmappedMemberHandling"/> (a type's own
/// <see cref="JsonUnmappedMemberHandlingAttribute"/> wins).</item>
/// </list>
/// For request bodies and events only: never for reading stored state (old records may lack newer fields).
/// </summary>
public static class StrictJson
{
    /// <summary>Applies the rules to <paramref name="options"/> (which must not have been used yet) and returns it.</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options, JsonUnmappedMemberHandling unknownMembers)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RespectNullableAnnotations = true;
        options.UnmappedMemberHandling = unknownMembers;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(RequireNonNullableMembers);
        return options;
    }

    /// <summary>A new strict copy of <paramref name="options"/> (for reading events with the platform's JSON shape).</summary>
    public static JsonSerializerOptions CopyOf(JsonSerializerOptions options, JsonUnmappedMemberHandling unknownMembers) =>
        Apply(new JsonSerializerOptions(options), unknownMembers);

    /// <summary>The contract modifier: non-nullable, non-optional constructor parameters become required.</summary>
    public static void RequireNonNullableMembers(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false })
            {
                property.IsRequired = true;
            }

            if (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null)
            {
                property.IsGetNullable = true;
            }
        }
    }
}
