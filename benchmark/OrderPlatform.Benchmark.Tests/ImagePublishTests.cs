using OrderPlatform.Benchmark.Run;
using OrderPlatform.PlatformLauncher;

namespace OrderPlatform.Benchmark.Tests;

/// <summary>The benchmark runs the services as their images do: the commands come from each Dockerfile's build stage.</summary>
public class ImagePublishTests
{
    private const string Dockerfile = """
        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        ARG TARGETARCH=amd64
        WORKDIR /src
        COPY apps/X/X.csproj apps/X/
        RUN dotnet restore apps/X/X.csproj -a $TARGETARCH -p:PublishReadyToRun=true
        COPY apps/X/ apps/X/
        RUN dotnet publish apps/X/X.csproj -c Release -o /app -a ${TARGETARCH} \
            --self-contained false --no-restore -p:PublishReadyToRun=true

        FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS final
        RUN echo runtime stage
        COPY --from=build /app .
        ENTRYPOINT ["dotnet", "X.dll"]
        """;

    [Fact]
    public void The_build_stage_commands_run_here_for_this_architecture_into_the_benchmark_folder()
    {
        var plan = ImagePublish.Read(Dockerfile, "arm64", "/tmp/pub/x", "/tmp/art");

        plan.Commands.Select(c => string.Join(' ', c)).Should().Equal(
            "restore apps/X/X.csproj -a arm64 -p:PublishReadyToRun=true --artifacts-path /tmp/art",
            "publish apps/X/X.csproj -c Release -o /tmp/pub/x -a arm64 --self-contained false --no-restore -p:PublishReadyToRun=true --artifacts-path /tmp/art");
        plan.EntryAssembly.Should().Be(Path.Combine("/tmp/pub/x", "X.dll"));
    }

    [Theory]
    [InlineData("-a ${TARGETARCH}", "-a ${OTHERARCH}")]
    [InlineData("RUN dotnet restore apps/X/X.csproj", "RUN apt-get update && dotnet restore apps/X/X.csproj")]
    [InlineData("-o /app", "")]
    [InlineData("""ENTRYPOINT ["dotnet", "X.dll"]""", """ENTRYPOINT ["/app/X"]""")]
    public void What_cannot_be_run_as_the_image_does_is_refused(string replaced, string by)
    {
        var changed = Dockerfile.Replace(replaced, by, StringComparison.Ordinal);
        changed.Should().NotBe(Dockerfile);

        FluentActions.Invoking(() => ImagePublish.Read(changed, "amd64", "/tmp/pub/x", "/tmp/art")).Should().Throw<InvalidOperationException>();
    }

    /// <summary>Each service's own Dockerfile (apps/*/Dockerfile) yields a ReadyToRun publish of that service.</summary>
    [Fact]
    public void Every_service_Dockerfile_publishes_it_ReadyToRun_for_this_machine()
    {
        var root = RepoPaths.FindRoot();
        foreach (var app in PlatformApp.All)
        {
            var output = Path.Combine("/tmp/pub", app.AppId);
            var plan = ImagePublish.Read(File.ReadAllText(Path.Combine(root, app.ProjectFolder, "Dockerfile")), ImagePublish.TargetArch(), output, "/tmp/art");

            var publish = plan.Commands.Single(c => c[0] == "publish");
            publish.Should().ContainInConsecutiveOrder("-a", ImagePublish.TargetArch()).And.Contain("-p:PublishReadyToRun=true")
                .And.ContainInConsecutiveOrder("-o", output).And.Contain($"{app.ProjectFolder}/{app.AssemblyName}.csproj");
            plan.EntryAssembly.Should().Be(Path.Combine(output, app.AssemblyName + ".dll"));
        }
    }
}
