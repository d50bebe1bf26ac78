using Pipelines.Tests.Infrastructure;

namespace Pipelines.Tests.Workflows;

public class WorkflowSchemaTests
{
    public static TheoryData<string> WorkflowFiles => new(Repo.WorkflowFiles());

    [Fact]
    public void The_CI_and_the_azd_CD_workflows_exist()
    {
        Repo.WorkflowFiles().Should().Contain([".github/workflows/ci.yml", ".github/workflows/azure-dev.yml"]);
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Workflow_is_valid_against_the_GitHub_workflow_schema(string file)
    {
        var errors = WorkflowSchema.Errors(YamlJson.Parse(Repo.ReadText(file)));

        errors.Should().BeEmpty($"{file} must follow the GitHub workflow schema");
    }

    [Fact]
    public void Schema_check_rejects_a_misspelled_job_key_and_a_text_timeout()
    {
        const string Broken = """
            on: push
            jobs:
              build:
                runs-on: ubuntu-24.04
                timeout-minutes: soon
                stepz:
                  - run: echo hi
            """;

        WorkflowSchema.Errors(YamlJson.Parse(Broken)).Should().NotBeEmpty();
    }

    [Fact]
    public void Yaml_plain_scalars_become_json_numbers_and_booleans_but_quoted_ones_stay_strings()
    {
        var node = YamlJson.Parse("a: 30\nb: true\nc: '30'\nd: on\ne:\n")!;

        node["a"]!.GetValue<long>().Should().Be(30);
        node["b"]!.GetValue<bool>().Should().BeTrue();
        node["c"]!.GetValue<string>().Should().Be("30");
        node["d"]!.GetValue<string>().Should().Be("on");
        node["e"].Should().BeNull();
    }
}
