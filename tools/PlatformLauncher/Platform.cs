namespace OrderPlatform.PlatformLauncher;

/// <summary>
/// The whole platform as plain processes: the dev sidecar (one process, ports for every app-id) and the five services,
/// each on free loopback ports, started in dependency order and stopped together.
/// </summary>
public sealed class Platform : IAsyncDisposable
{
    private readonly PlatformOptions _options;
    private readonly string _root;
    private readonly string _configuration;
    private readonly Dictionary<string, ManagedProcess> _apps = new(StringComparer.Ordinal);
    private readonly AppInvocationResiliency? _appResiliency;

    // The app API token the sidecar sends on every call to an app and the apps require on their internal routes
    // (daprd's and ACA's APP_API_TOKEN); one per platform run.
    private readonly string _appApiToken = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The run's app API token, for a test that calls an app as its sidecar does (an input binding).</summary>
    public string AppApiToken => _appApiToken;

    private Platform(PlatformOptions options, IReadOnlyDictionary<string, AppPorts> ports)
    {
        _options = options;
        _root = options.RepositoryRoot ?? RepoPaths.FindRoot();
        _configuration = options.Configuration ?? RepoPaths.CurrentConfiguration();
        Ports = ports;
        _appResiliency = options.InvocationResiliencyInApps ? AppInvocationResiliency.Prepare(ResourcesPath(options, _root)) : null;
    }

    public IReadOnlyDictionary<string, AppPorts> Ports { get; }

    internal PlatformOptions Options => _options;

    public ManagedProcess? Sidecar { get; private set; }

    public IReadOnlyDictionary<string, ManagedProcess> Apps => _apps;

    /// <summary>
    /// Starts the platform on free ports. A port taken by someone else between choosing and binding it makes that
    /// process exit at start; the whole platform is then started again on other ports (three attempts).
    /// </summary>
    public static async Task<Platform> StartAsync(PlatformOptions options, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (PortInUseException) when (attempt < 3)
            {
                // try again on other ports
            }
        }
    }

    private static async Task<Platform> StartOnceAsync(PlatformOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var free = FreePorts.Take(PlatformApp.All.Count * 3);
        var ports = PlatformApp.All
            .Select((app, i) => (app.AppId, Ports: new AppPorts(free[i * 3], free[(i * 3) + 1], free[(i * 3) + 2])))
            .ToDictionary(x => x.AppId, x => x.Ports, StringComparer.Ordinal);
        var platform = new Platform(options, ports);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.StartTimeout);
            await platform.StartSidecarAsync(timeout.Token).ConfigureAwait(false);
            foreach (var app in PlatformApp.All)
            {
                platform.StartApp(app);
            }

            await Readiness.WaitForAppsAsync(platform, timeout.Token).ConfigureAwait(false);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Stops one service until <see cref="RestartAppAsync"/>: killed at once (SIGKILL on Linux, <c>Process.Kill</c>), as
    /// a crashed or evicted replica goes, with whatever it was doing unfinished.
    /// </summary>
    public async Task StopAppAsync(string appId)
    {
        if (_apps.Remove(appId, out var process))
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async Task RestartAppAsync(string appId, CancellationToken cancellationToken = default)
    {
        await StopAppAsync(appId).ConfigureAwait(false);
        StartApp(PlatformApp.All.Single(a => a.AppId == appId));
        await Readiness.WaitForAppAsync(this, appId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The last output lines of every process, for a failing test's message.</summary>
    public string Diagnostics() => string.Join(
        System.Environment.NewLine + System.Environment.NewLine,
        new[] { Sidecar }.Concat(_apps.Values).OfType<ManagedProcess>()
            .Select(p => $"--- {p.Name} (exited: {p.HasExited}) ---{System.Environment.NewLine}{p.Tail()}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }

        _apps.Clear();
        if (Sidecar is not null)
        {
            await Sidecar.DisposeAsync().ConfigureAwait(false);
        }

        _appResiliency?.Dispose();
    }

    private static string ResourcesPath(PlatformOptions options, string root) => options.ResourcesPath ?? Path.Combine(root, "components");

    private async Task StartSidecarAsync(CancellationToken cancellationToken)
    {
        var args = new List<string>
        {
            "--run-file", Path.Combine(_root, "dapr.yaml"),
            "--resources-path", _appResiliency?.ResourcesPath ?? ResourcesPath(_options, _root),
        };
        var env = new Dictionary<string, string>(_options.SidecarEnvironment, StringComparer.Ordinal) { ["APP_API_TOKEN"] = _appApiToken };
        foreach (var (appId, ports) in Ports)
        {
            env[$"DevSidecar__Apps__{appId}__AppPort"] = ports.AppPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            env[$"DevSidecar__Apps__{appId}__HttpPort"] = ports.DaprHttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            env[$"DevSidecar__Apps__{appId}__GrpcPort"] = ports.DaprGrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var sidecar = PlatformApp.DevSidecar;
        Sidecar = ManagedProcess.Start(sidecar.AppId,
            RepoPaths.BuiltAssembly(_root, sidecar.ProjectFolder, sidecar.AssemblyName, _configuration), args, env, _options.Log);
        await Readiness.WaitForSidecarAsync(this, cancellationToken).ConfigureAwait(false);
    }

    private void StartApp(PlatformApp app)
    {
        var ports = Ports[app.AppId];
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = _options.Environment,
            ["ASPNETCORE_URLS"] = ports.AppUrl.ToString().TrimEnd('/'),
            ["DAPR_HTTP_ENDPOINT"] = ports.DaprHttpUrl.ToString().TrimEnd('/'),
            ["DAPR_GRPC_ENDPOINT"] = ports.DaprGrpcUrl.ToString().TrimEnd('/'),
            ["APP_API_TOKEN"] = _appApiToken,
        };
        foreach (var (key, value) in _appResiliency?.Settings ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        if (_options.AppEnvironment.TryGetValue(app.AppId, out var extra))
        {
            foreach (var (key, value) in extra)
            {
                env[key] = value;
            }
        }

        var assembly = _options.AppAssemblies.TryGetValue(app.AppId, out var given)
            ? given
            : RepoPaths.BuiltAssembly(_root, app.ProjectFolder, app.AssemblyName, _configuration);
        _apps[app.AppId] = ManagedProcess.Start(app.AppId, assembly, [], env, _options.Log);
    }
}
