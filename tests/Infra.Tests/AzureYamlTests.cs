using Json.Schema;

namespace OrderPlatform.Infra.Tests;

/// <summary>azure.yaml is valid against the azd schema and each service points at a real project and Dockerfile.</summary>
public sealed class AzureYamlTests
{
    private static readonly JsonNode AzureYaml = Yaml.Load("azure.yaml");

    public static TheoryData<string> Services => new(AzureYaml["services"]!.AsObject().Select(s => s.Key));

    [Fact]
    public void Azure_yaml_is_valid_against_the_azd_schema()
    {
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", "azure.yaml.json"));
        var result = schema.Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(AzureYaml), new EvaluationOptions { OutputFormat = OutputFormat.List });
        result.IsValid.Should().BeTrue(string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        ((string)AzureYaml["infra"]!["path"]!).Should().Be("infra");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Each_service_is_a_dotnet_container_app_built_remotely_from_an_existing_project(string name)
    {
        var service = AzureYaml["services"]![name]!;
        ((string)service["language"]!).Should().Be("dotnet");
        ((string)service["host"]!).Should().Be("containerapp");
        service["docker"]!["remoteBuild"]!.GetValue<bool>().Should().BeTrue();

        var project = Path.GetFullPath(RepoPaths.Combine((string)service["project"]!));
        Directory.GetFiles(project, "*.csproj").Should().ContainSingle($"{name} points at one project");
        File.Exists(Path.Combine(project, (string)service["docker"]!["path"]!)).Should().BeTrue($"{name} has a Dockerfile");
        Path.GetFullPath(Path.Combine(project, (string)service["docker"]!["context"]!)).TrimEnd('/')
            .Should().Be(RepoPaths.Root.TrimEnd('/'), "the image needs Contracts and ServiceDefaults from the repository root");
    }
}
