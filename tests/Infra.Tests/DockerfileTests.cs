using System.Text.RegularExpressions;

namespace OrderPlatform.Infra.Tests;

/// <summary>Each service's Dockerfile: multi-stage, chiseled non-root runtime, port 8080, the project azure.yaml names.</summary>
public sealed partial class DockerfileTests
{
    private static readonly JsonObject Services = Yaml.Load("azure.yaml")["services"]!.AsObject();

    public static TheoryData<string> ServiceNames => new(Services.Select(s => s.Key));

    [GeneratedRegex(@"^(?<op>[A-Z]+)\s+(?<args>.*)$", RegexOptions.Multiline)]
    private static partial Regex Instruction();

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Dockerfile_builds_the_named_project_on_a_chiseled_non_root_runtime_listening_on_8080(string name)
    {
        var projectDir = Path.GetFullPath(RepoPaths.Combine((string)Services[name]!["project"]!));
        var project = Path.GetFileNameWithoutExtension(Directory.GetFiles(projectDir, "*.csproj").Single());
        var lines = Instruction().Matches(File.ReadAllText(Path.Combine(projectDir, "Dockerfile")))
            .Select(m => (Op: m.Groups["op"].Value, Args: m.Groups["args"].Value.Trim())).ToList();

        var stages = lines.Where(l => l.Op == "FROM").Select(l => l.Args).ToList();
        stages.Should().HaveCountGreaterThanOrEqualTo(2, "multi-stage");
        stages[0].Should().StartWith("mcr.microsoft.com/dotnet/sdk:10.0");
        stages[^1].Should().StartWith("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled");

        lines.Should().Contain(l => l.Op == "RUN" && l.Args.Contains($"dotnet publish apps/{Path.GetFileName(projectDir)}/{project}.csproj", StringComparison.Ordinal));
        lines.Should().Contain(("EXPOSE", "8080"));
        lines.Last(l => l.Op == "USER").Args.Should().BeOneOf("$APP_UID", "app", "1654");
        lines.Last(l => l.Op == "ENTRYPOINT").Args.Should().Be($"[\"dotnet\", \"{project}.dll\"]");
    }

    /// <summary>
    /// ReadyToRun needs the runtime identifier at restore (the crossgen pack is restored for it) and at publish; without
    /// both, publish either fails or silently ships JIT-only assemblies.
    /// </summary>
    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void The_image_is_published_ReadyToRun_for_the_target_architecture(string name)
    {
        var projectDir = Path.GetFullPath(RepoPaths.Combine((string)Services[name]!["project"]!));
        var lines = Instruction().Matches(File.ReadAllText(Path.Combine(projectDir, "Dockerfile")))
            .Select(m => (Op: m.Groups["op"].Value, Args: m.Groups["args"].Value.Trim())).ToList();

        lines.Should().Contain(("ARG", "TARGETARCH=amd64"), "ACA runs amd64 when the builder sets no TARGETARCH");
        var restore = lines.Single(l => l.Op == "RUN" && l.Args.StartsWith("dotnet restore", StringComparison.Ordinal)).Args;
        var publish = lines.Single(l => l.Op == "RUN" && l.Args.StartsWith("dotnet publish", StringComparison.Ordinal)).Args;
        foreach (var command in new[] { restore, publish })
        {
            command.Split(' ').Should().Contain(["-a", "$TARGETARCH", "-p:PublishReadyToRun=true"]);
        }

        publish.Split(' ').Should().Contain(["--self-contained", "false", "--no-restore"], "the chiseled ASP.NET image brings the runtime");
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Every_copied_source_exists_in_the_build_context(string name)
    {
        var projectDir = Path.GetFullPath(RepoPaths.Combine((string)Services[name]!["project"]!));
        foreach (var source in CopiedSources(projectDir))
        {
            Path.Exists(RepoPaths.Combine(source)).Should().BeTrue($"{name}'s Dockerfile copies {source}");
        }
    }

    /// <summary>MSBuild reads every Directory.Build.props above a project: one left out would build a different image.</summary>
    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Every_directory_build_props_above_the_project_is_copied(string name)
    {
        var projectDir = Path.GetFullPath(RepoPaths.Combine((string)Services[name]!["project"]!));
        var copied = CopiedSources(projectDir)
            .Select(source => Path.GetFullPath(RepoPaths.Combine(source)).TrimEnd(Path.DirectorySeparatorChar))
            .ToList();
        var root = Path.GetFullPath(RepoPaths.Combine("."));
        var propsFiles = new List<string>();
        for (var dir = new DirectoryInfo(projectDir).Parent; dir is not null && dir.FullName.StartsWith(root, StringComparison.Ordinal); dir = dir.Parent)
        {
            propsFiles.AddRange(dir.GetFiles("Directory.Build.props").Select(f => f.FullName));
        }

        propsFiles.Should().HaveCountGreaterThanOrEqualTo(2, "the repository's and the apps' Directory.Build.props");
        foreach (var props in propsFiles)
        {
            copied.Should().Contain(props, $"{name}'s Dockerfile must copy {Path.GetRelativePath(root, props)}");
        }
    }

    [Fact]
    public void Dockerignore_keeps_build_outputs_and_tests_out_of_the_context()
    {
        var ignored = RepoPaths.ReadText(".dockerignore").Split('\n').Select(l => l.Trim()).ToList();
        ignored.Should().Contain(["**/bin/", "**/obj/", "tests/", ".git/"]);
    }

    /// <summary>The build-context paths a Dockerfile's COPY instructions take (not the ones from another stage).</summary>
    private static IEnumerable<string> CopiedSources(string projectDir) =>
        Instruction().Matches(File.ReadAllText(Path.Combine(projectDir, "Dockerfile")))
            .Where(m => m.Groups["op"].Value == "COPY" && !m.Groups["args"].Value.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(m => m.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1));
}
