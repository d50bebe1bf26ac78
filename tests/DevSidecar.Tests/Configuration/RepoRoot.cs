namespace OrderPlatform.DevSidecar.Tests.Configuration;

/// <summary>The repository root: the first folder above the test binaries that holds OrderPlatform.sln.</summary>
public static class RepoRoot
{
    public static string Path { get; } = RepoPaths.FindRoot();
}
