namespace OrderPlatform.Infra.Tests;

/// <summary>Every .bicep lints and builds with zero diagnostics (warnings count: SARIF results are counted).</summary>
[Collection(BicepCollection.Name)]
public sealed class BicepCompilationTests(BicepFixture bicep)
{
    [Fact]
    public void Lint_reports_one_sarif_run_per_bicep_file_and_no_results()
    {
        bicep.Lint.ExitCode.Should().Be(0, bicep.Lint.StdErr);
        var reports = bicep.LintReports();

        reports.Should().HaveCount(bicep.BicepFiles.Count, "bicep lint --pattern prints one SARIF document per file");
        var results = reports.SelectMany(r => r["runs"]!.AsArray()).SelectMany(run => run!["results"]!.AsArray()).ToList();
        results.Select(r => r!.ToJsonString()).Should().BeEmpty();
    }

    [Fact]
    public void Build_compiles_every_bicep_file_without_diagnostics()
    {
        bicep.Build.ExitCode.Should().Be(0, bicep.Build.StdErr);
        var diagnostics = BicepFixture.ReadJsonStream(bicep.Build.StdErr + bicep.Build.StdOut)
            .SelectMany(r => r["runs"]!.AsArray()).SelectMany(run => run!["results"]!.AsArray());
        diagnostics.Select(d => d!.ToJsonString()).Should().BeEmpty();

        foreach (var file in bicep.BicepFiles)
        {
            File.Exists(Path.Combine(bicep.BuildDirectory, Path.ChangeExtension(file, ".json")))
                .Should().BeTrue($"{file} compiles to ARM JSON");
        }
    }

    [Fact]
    public void Snapshot_of_main_bicep_expands_every_module_without_diagnostics()
    {
        bicep.SnapshotRun.ExitCode.Should().Be(0, bicep.SnapshotRun.StdOut + bicep.SnapshotRun.StdErr);
        bicep.Snapshot.Diagnostics.Should().BeEmpty();
        bicep.Snapshot.ContainerApps.Should().NotBeEmpty();
    }

    [Fact]
    public void Every_parameter_of_every_file_has_a_description()
    {
        foreach (var file in bicep.BicepFiles)
        {
            var parameters = bicep.CompiledTemplate(file)["parameters"]?.AsObject() ?? [];
            foreach (var (name, definition) in parameters)
            {
                ((string?)definition!["metadata"]?["description"]).Should()
                    .NotBeNullOrWhiteSpace($"parameter '{name}' in {file} needs @description");
            }
        }
    }
}
