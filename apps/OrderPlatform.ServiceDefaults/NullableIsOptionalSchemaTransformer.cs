using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// The OpenAPI document lists a record's nullable constructor parameters (<c>string? OrderId</c>) as optional, as the
/// strict request bodies read them: the schema generator marks every constructor parameter without a default value
/// as required, which made optional fields such as a create-order request's <c>orderId</c> look mandatory.
/// </summary>
public sealed class NullableIsOptionalSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (schema.Required is { Count: > 0 } required && context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            foreach (var property in context.JsonTypeInfo.Properties)
            {
                if (!property.IsRequired && property.AssociatedParameter is { IsNullable: true })
                {
                    required.Remove(property.Name);
                }
            }
        }

        return Task.CompletedTask;
    }
}
