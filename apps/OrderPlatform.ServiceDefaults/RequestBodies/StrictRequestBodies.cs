using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace OrderPlatform.ServiceDefaults.RequestBodies;

/// <summary>
/// Opt-in per service: request bodies bound by minimal APIs are read with <see cref="StrictJson"/> (required fields,
/// no null for non-nullable ones, unknown members per <paramref name="unknownMembers"/>), and a body that breaks a rule
/// is a 400 validation ProblemDetails naming the field (<see cref="RequestBodyProblemDetails"/>), before any handler runs.
/// Only the HTTP binding options change: <see cref="JsonDefaults.Options"/> (Dapr state, pub/sub, invocation) stays lenient.
/// </summary>
public static class StrictRequestBodies
{
    public static IServiceCollection AddStrictRequestBodies(this IServiceCollection services, JsonUnmappedMemberHandling unknownMembers)
    {
        services.AddRequestBodyProblemDetails();
        services.Configure<JsonOptions>(o => StrictJson.Apply(o.SerializerOptions, unknownMembers));
        return services;
    }
}
