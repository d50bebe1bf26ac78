namespace OrderPlatform.PlatformLauncher;

/// <summary>How to start the platform.</summary>
public sealed class PlatformOptions
{
    /// <summary>Repository root; found from the running assembly when null.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Build configuration of the app outputs to run; the running assembly's when null.</summary>
    public string? Configuration { get; init; }

    /// <summary>Dapr resources folder for the sidecar; the repository's <c>components/</c> when null.</summary>
    public string? ResourcesPath { get; init; }

    /// <summary>
    /// Invocation resiliency applied by the apps instead of the sidecar, as on Azure Container Apps (see
    /// <see cref="AppInvocationResiliency"/>): the sidecar gets resiliency.yaml without <c>targets.apps</c>, every app
    /// <c>InvocationResiliency__Mode=app</c> and the spec.
    /// </summary>
    public bool InvocationResiliencyInApps { get; init; }

    /// <summary><c>ASPNETCORE_ENVIRONMENT</c> of the services.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Extra environment variables per app-id (e.g. <c>Orders__ApprovalTimeout</c>).</summary>
    public IDictionary<string, IDictionary<string, string>> AppEnvironment { get; init; } =
        new Dictionary<string, IDictionary<string, string>>(StringComparer.Ordinal);

    /// <summary>
    /// Entry assembly per app-id to run instead of its build output (e.g. the benchmark's publish outputs, published as
    /// the container images are); apps not named here run from the build output.
    /// </summary>
    public IDictionary<string, string> AppAssemblies { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Extra environment variables for the sidecar (e.g. log levels for a benchmark).</summary>
    public IDictionary<string, string> SidecarEnvironment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How long to wait for every process to report ready.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Pause between readiness polls (also the resolution of <see cref="ManagedProcess.TimeToReady"/>).</summary>
    public TimeSpan ReadinessPollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Receives every output line of every process, prefixed with its name (null: keep only the buffer).</summary>
    public Action<string>? Log { get; init; }

    public PlatformOptions WithAppEnvironment(string appId, string name, string value)
    {
        if (!AppEnvironment.TryGetValue(appId, out var env))
        {
            AppEnvironment[appId] = env = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        env[name] = value;
        return this;
    }
}
