using System.Collections.Concurrent;
using System.Diagnostics;

namespace OrderPlatform.PlatformLauncher;

/// <summary>A child process whose output is kept (the last lines) for diagnostics and stopped with its tree.</summary>
public sealed class ManagedProcess : IAsyncDisposable
{
    private const int KeptLines = 2000;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Process _process;
    private readonly Action<string>? _log;

    private ManagedProcess(string name, Process process, Action<string>? log)
    {
        Name = name;
        _process = process;
        _log = log;
        StartTimestamp = Stopwatch.GetTimestamp();
    }

    public string Name { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyCollection<string> Output => _lines.ToArray();

    /// <summary><see cref="Stopwatch"/> timestamp taken just before the process was started.</summary>
    public long StartTimestamp { get; }

    /// <summary>From process start to its first successful readiness answer (null until ready); poll-interval resolution.</summary>
    public TimeSpan? TimeToReady { get; private set; }

    internal void MarkReady() => TimeToReady ??= Stopwatch.GetElapsedTime(StartTimestamp);

    public static ManagedProcess Start(string name, string assemblyPath, IEnumerable<string> args,
        IReadOnlyDictionary<string, string> environment, Action<string>? log)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(assemblyPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var managed = new ManagedProcess(name, process, log);
        process.OutputDataReceived += (_, e) => managed.Append(e.Data);
        process.ErrorDataReceived += (_, e) => managed.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return managed;
    }

    public string Tail(int lines = 60) => string.Join(System.Environment.NewLine, Output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        while (_lines.Count > KeptLines && _lines.TryDequeue(out _))
        {
        }

        _log?.Invoke($"[{Name}] {line}");
    }
}
