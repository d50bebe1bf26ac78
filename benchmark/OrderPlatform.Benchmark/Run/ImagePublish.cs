using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrderPlatform.PlatformLauncher;

namespace OrderPlatform.Benchmark.Run;

/// <summary>
/// The services as their container images run them: the <c>dotnet</c> commands of each Dockerfile's build stage (restore,
/// then publish ReadyToRun for the target architecture) are read from the Dockerfile and run here, and the benchmark starts
/// <c>dotnet &lt;publish&gt;/X.dll</c> as the image's ENTRYPOINT does. Read, not copied, so the two cannot drift apart.
/// </summary>
public static partial class ImagePublish
{
    /// <summary>What a Dockerfile's build stage runs, made runnable here, and the entry assembly its image starts.</summary>
    public sealed record Plan(IReadOnlyList<IReadOnlyList<string>> Commands, string EntryAssembly);

    [GeneratedRegex(@"^(?<op>[A-Z]+)\s+(?<args>.*)$", RegexOptions.Multiline)]
    private static partial Regex Instruction();

    [GeneratedRegex(@"\$\{?(?<name>[A-Za-z_][A-Za-z0-9_]*)\}?")]
    private static partial Regex Variable();

    /// <summary>
    /// The build stage's <c>RUN dotnet ...</c> commands (arguments after <c>dotnet</c>) for this machine:
    /// <c>$TARGETARCH</c> is <paramref name="targetArch"/>, the publish output (<c>-o /app</c>, which the runtime stage
    /// copies) is <paramref name="output"/>, and every command gets <c>--artifacts-path</c> <paramref name="artifacts"/>
    /// (the image builds in a clean /src; here the RID-specific restore and build stay out of the repository's own
    /// bin/obj, so neither invalidates the other's incremental state). Anything else in the stage is refused, not skipped.
    /// </summary>
    public static Plan Read(string dockerfile, string targetArch, string output, string artifacts)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        var text = dockerfile.Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal);
        var lines = Instruction().Matches(text).Select(m => (Op: m.Groups["op"].Value, Args: m.Groups["args"].Value.Trim())).ToList();
        var stages = lines.Select((l, i) => (l.Op, Index: i)).Where(l => l.Op == "FROM").Select(l => l.Index).ToList();
        if (stages.Count < 2)
        {
            throw new InvalidOperationException("Expected a build stage and a runtime stage (two FROM instructions).");
        }

        var commands = new List<IReadOnlyList<string>>();
        foreach (var (op, args) in lines.Skip(stages[0] + 1).Take(stages[1] - stages[0] - 1).Where(l => l.Op == "RUN"))
        {
            var words = Variable().Replace(args, m => m.Groups["name"].Value == "TARGETARCH"
                    ? targetArch
                    : throw new InvalidOperationException($"Unknown variable ${m.Groups["name"].Value} in '{op} {args}'."))
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (words[0] != "dotnet" || words.Any(w => w.Contains('"', StringComparison.Ordinal) || w.Contains('\'', StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"Only unquoted dotnet commands can be run here: '{op} {args}'.");
            }

            var o = words.FindIndex(w => w is "-o" or "--output");
            if (o >= 0)
            {
                words[o + 1] = output;
            }

            commands.Add([.. words.Skip(1), "--artifacts-path", artifacts]);
        }

        if (!commands.Any(c => c[0] == "publish" && c.Contains(output)))
        {
            throw new InvalidOperationException("The build stage has no 'dotnet publish ... -o <folder>'.");
        }

        var entrypoint = JsonSerializer.Deserialize<string[]>(lines.Last(l => l.Op == "ENTRYPOINT").Args)!;
        return entrypoint is ["dotnet", var dll]
            ? new Plan(commands, Path.Combine(output, dll))
            : throw new InvalidOperationException($"Expected ENTRYPOINT [\"dotnet\", \"X.dll\"], found {string.Join(' ', entrypoint)}.");
    }

    /// <summary>This machine's architecture as BuildKit names it in <c>TARGETARCH</c> (the SDK's <c>-a</c> takes these names).</summary>
    public static string TargetArch() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        var other => throw new PlatformNotSupportedException($"No container architecture for {other}."),
    };

    /// <summary>
    /// Runs every service's image commands (incremental: an unchanged service restores and publishes in seconds) and
    /// returns each app-id's entry assembly.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> PublishAllAsync(string root, string workFolder, Action<string> log,
        CancellationToken cancellationToken)
    {
        var arch = TargetArch();
        var assemblies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var app in PlatformApp.All)
        {
            var started = Stopwatch.GetTimestamp();
            var plan = Read(await File.ReadAllTextAsync(Path.Combine(root, app.ProjectFolder, "Dockerfile"), cancellationToken), arch,
                Path.Combine(workFolder, "publish", app.AppId), Path.Combine(workFolder, "image-build"));
            foreach (var command in plan.Commands)
            {
                await RunDotnetAsync(root, command, cancellationToken);
            }

            assemblies[app.AppId] = plan.EntryAssembly;
            log($"  {app.AppId}: published as its image ({Stopwatch.GetElapsedTime(started).TotalSeconds:0} s)");
        }

        return assemblies;
    }

    private static async Task RunDotnetAsync(string root, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args.Append("-v").Append("quiet"))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet {string.Join(' ', args)} exited with {process.ExitCode}:{Environment.NewLine}{await stdout}{await stderr}");
        }
    }
}
