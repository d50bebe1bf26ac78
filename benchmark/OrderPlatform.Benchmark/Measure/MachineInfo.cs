using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OrderPlatform.Benchmark.Measure;

/// <summary>The machine the numbers came from (they mean little without it).</summary>
public sealed record MachineInfo(
    string CpuModel, int LogicalCores, long MemoryMb, string Os, string DotnetSdk, string DotnetRuntime, string Node, string LoadTool)
{
    public static async Task<MachineInfo> CollectAsync(string loadTool) => new(
        ReadProc("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        long.TryParse(ReadProc("/proc/meminfo", "MemTotal")?.Split(' ')[0], out var kb) ? kb / 1024 : 0,
        RuntimeInformation.OSDescription,
        await CommandOutputAsync("dotnet", "--version"),
        RuntimeInformation.FrameworkDescription,
        await CommandOutputAsync("node", "--version"),
        loadTool);

    public string Describe() =>
        $"{LogicalCores} logical cores ({CpuModel}), {MemoryMb} MB RAM, {Os}; .NET SDK {DotnetSdk} ({DotnetRuntime}); node {Node}; {LoadTool}";

    private static string? ReadProc(string file, string key) => File.Exists(file)
        ? File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
        : null;

    private static async Task<string> CommandOutputAsync(string command, string argument)
    {
        var info = new ProcessStartInfo(command, argument) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }
}
