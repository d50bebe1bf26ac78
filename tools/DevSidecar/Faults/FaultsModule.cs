using System.Globalization;

namespace OrderPlatform.DevSidecar.Faults;

/// <summary>
/// The fault switches, on every HTTP port and only when <c>DevSidecar:Faults:Enabled</c> is true (never by default):
/// <c>POST /v1.0/dev/faults/state/{store}?seconds=10</c>, <c>POST /v1.0/dev/faults/publish/{pubsub}?seconds=10</c>,
/// <c>GET /v1.0/dev/faults</c>, <c>DELETE /v1.0/dev/faults</c>. Without the setting the routes do not exist (404).
/// </summary>
public static class FaultsModule
{
    private static readonly TimeSpan MaxDuration = TimeSpan.FromHours(1);

    public static IServiceCollection AddSidecarFaults(this IServiceCollection services) => services.AddSingleton<SidecarFaults>();

    public static WebApplication MapSidecarFaults(this WebApplication app, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!enabled)
        {
            return app;
        }

        app.MapPost("/v1.0/dev/faults/state/{store}", (string store, string? seconds, SidecarFaults faults) =>
            Switch(seconds, duration => faults.FailStateWrites(store, duration)));
        app.MapPost("/v1.0/dev/faults/publish/{pubsub}", (string pubsub, string? seconds, SidecarFaults faults) =>
            Switch(seconds, duration => faults.FailPublishes(pubsub, duration)));
        app.MapGet("/v1.0/dev/faults", (SidecarFaults faults) => Results.Json(faults.Snapshot()));
        app.MapDelete("/v1.0/dev/faults", (SidecarFaults faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        return app;
    }

    private static IResult Switch(string? seconds, Action<TimeSpan> apply)
    {
        if (!double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || value <= 0 || TimeSpan.FromSeconds(value) > MaxDuration)
        {
            return Results.BadRequest(new { message = $"seconds must be a number above 0 and at most {MaxDuration.TotalSeconds}" });
        }

        apply(TimeSpan.FromSeconds(value));
        return Results.NoContent();
    }
}
