namespace OrderPlatform.Infra.Tests.Support;

/// <summary>Paths in the repository, found from the test assembly's folder (the folder holding OrderPlatform.sln).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Infra => Path.Combine(Root, "infra");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string ReadText(params string[] parts) => File.ReadAllText(Combine(parts));

    private static string FindRoot() => OrderPlatform.PlatformLauncher.RepoPaths.FindRoot();
}
