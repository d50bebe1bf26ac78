namespace OrderPlatform.DevSidecar.Tests.Configuration;

/// <summary>The repository root: the first folder above the test binaries that holds OrderPlatform.sln.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OrderPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrderPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
