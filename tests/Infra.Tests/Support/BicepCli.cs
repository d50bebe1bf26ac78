using System.Diagnostics;
using System.Reflection;

namespace OrderPlatform.Infra.Tests.Support;

/// <summary>The Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64); its path comes from $(BicepPath).</summary>
public static class BicepCli
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static string ExecutablePath { get; } = Locate();

    public static async Task<Result> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // No telemetry, no network: the tests run offline.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPath")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException($"Bicep CLI not found at '{path}': restore tests/Infra.Tests.");
        }

        // The package is linux-x64 only; make sure the restored binary is executable.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }
}
