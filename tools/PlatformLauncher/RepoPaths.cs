namespace OrderPlatform.PlatformLauncher;

/// <summary>Finds the repository (the folder holding <c>OrderPlatform.sln</c>) and the build outputs in it.</summary>
public static class RepoPaths
{
    public static string FindRoot(string? startDirectory = null)
    {
        var dir = new DirectoryInfo(startDirectory ?? AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrderPlatform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName
            ?? throw new InvalidOperationException($"OrderPlatform.sln not found above '{startDirectory ?? AppContext.BaseDirectory}'.");
    }

    /// <summary>The build configuration of the running assembly (Debug or Release), so launched apps match it.</summary>
    public static string CurrentConfiguration()
    {
        var parts = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar);
        var bin = Array.LastIndexOf(parts, "bin");
        return bin >= 0 && bin + 1 < parts.Length ? parts[bin + 1] : "Debug";
    }

    /// <summary>Path of a project's built entry assembly, e.g. <c>apps/OrderService</c> → <c>.../bin/Release/net10.0/OrderService.dll</c>.</summary>
    public static string BuiltAssembly(string root, string projectFolder, string assemblyName, string configuration)
    {
        var path = Path.Combine(root, projectFolder, "bin", configuration, "net10.0", assemblyName + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"'{path}' is not built. Run `dotnet build OrderPlatform.sln -c {configuration}` first.", path);
    }
}
