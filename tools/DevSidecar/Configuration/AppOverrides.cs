using System.Globalization;

namespace OrderPlatform.DevSidecar.Configuration;

/// <summary>
/// Port overrides from configuration: <c>DevSidecar:Apps:{appId}:AppPort|HttpPort|GrpcPort</c>
/// (env <c>DevSidecar__Apps__order-service__AppPort</c>). An app-id the run file lacks is added when all three are set.
/// </summary>
public static class AppOverrides
{
    public static IReadOnlyList<AppDefinition> Apply(IReadOnlyList<AppDefinition> apps, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(apps);
        ArgumentNullException.ThrowIfNull(section);
        var result = apps.ToList();
        foreach (var appSection in section.GetChildren())
        {
            var index = result.FindIndex(a => a.AppId == appSection.Key);
            var appPort = Port(appSection, "AppPort");
            var httpPort = Port(appSection, "HttpPort");
            var grpcPort = Port(appSection, "GrpcPort");
            if (index >= 0)
            {
                var app = result[index];
                result[index] = app with
                {
                    AppPort = appPort ?? app.AppPort,
                    HttpPort = httpPort ?? app.HttpPort,
                    GrpcPort = grpcPort ?? app.GrpcPort,
                };
            }
            else if (appPort is { } a && httpPort is { } h && grpcPort is { } g)
            {
                result.Add(new AppDefinition(appSection.Key, a, h, g));
            }
            else
            {
                throw new InvalidOperationException(
                    $"{appSection.Path}: app '{appSection.Key}' is not in the run file, so AppPort, HttpPort and GrpcPort are all required.");
            }
        }

        return result;
    }

    private static int? Port(IConfigurationSection app, string key)
    {
        var text = app[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidOperationException($"{app.Path}:{key} must be a TCP port (1-65535), got '{text}'.");
    }
}
