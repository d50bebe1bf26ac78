using Pipelines.Tests.Infrastructure;

namespace Pipelines.Tests.Tooling;

/// <summary>
/// scripts/check-test-run.sh (called by scripts/test.sh, so by .ci/run): `dotnet test` exits 0 for a test project
/// that discovers no test, so the run must notice it, and a test project left out of the solution.
/// </summary>
public sealed class CheckTestRunTests
{
    private static readonly string Script = Repo.PathOf("scripts/check-test-run.sh");

    [Fact]
    public async Task A_test_project_that_discovers_no_test_makes_the_run_red()
    {
        var dir = Directory.CreateTempSubdirectory("check-test-run-");
        try
        {
            WriteProject(dir.FullName, "Good.Tests", "public class GoodTests { [Xunit.Fact] public void Passes() { } }");
            WriteProject(dir.FullName, "Empty.Tests", "public class EmptyTests { public void NotATest() { } }");
            await RunAsync("dotnet", ["new", "sln", "--name", "Throwaway", "--format", "sln"], dir.FullName);
            await RunAsync("dotnet", ["sln", "Throwaway.sln", "add", "Good.Tests/Good.Tests.csproj", "Empty.Tests/Empty.Tests.csproj"], dir.FullName);
            var test = await ProcessRunner.RunAsync("dotnet", ["test", "Throwaway.sln", "--logger", "console;verbosity=minimal"], dir.FullName);
            test.ExitCode.Should().Be(0, "dotnet test itself says nothing is wrong: that is the gap\n" + test.Output);
            var log = Path.Combine(dir.FullName, "console.log");
            await File.WriteAllTextAsync(log, test.Output);

            var check = await ProcessRunner.RunAsync("bash", [Script, Path.Combine(dir.FullName, "Throwaway.sln"), log], dir.FullName);

            check.ExitCode.Should().Be(1, check.Output);
            check.Output.Trim().Should().Be("check-test-run: Empty.Tests reported no results (no test discovered, or it did not run)");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_test_project_left_out_of_the_solution_makes_the_run_red_and_a_full_run_passes()
    {
        var dir = Directory.CreateTempSubdirectory("check-test-run-");
        try
        {
            WriteProject(dir.FullName, "Listed.Tests", "public class ListedTests { }");
            WriteProject(dir.FullName, "Forgotten.Tests", "public class ForgottenTests { }");
            await RunAsync("dotnet", ["new", "sln", "--name", "Throwaway", "--format", "sln"], dir.FullName);
            await RunAsync("dotnet", ["sln", "Throwaway.sln", "add", "Listed.Tests/Listed.Tests.csproj"], dir.FullName);
            var log = Path.Combine(dir.FullName, "console.log");
            await File.WriteAllTextAsync(log,
                "Passed!  - Failed:     0, Passed:     3, Skipped:     0, Total:     3, Duration: 1 s - Listed.Tests.dll (net10.0)\n");
            var sln = Path.Combine(dir.FullName, "Throwaway.sln");

            var check = await ProcessRunner.RunAsync("bash", [Script, sln, log], dir.FullName);

            check.ExitCode.Should().Be(1, check.Output);
            check.Output.Trim().Should().Be("check-test-run: Forgotten.Tests/Forgotten.Tests.csproj is not in Throwaway.sln: its tests never run");

            Directory.Delete(Path.Combine(dir.FullName, "Forgotten.Tests"), recursive: true);
            var clean = await ProcessRunner.RunAsync("bash", [Script, sln, log], dir.FullName);
            clean.ExitCode.Should().Be(0, clean.Output);
            clean.Output.Should().BeEmpty();

            await File.WriteAllTextAsync(log,
                "Passed!  - Failed:     0, Passed:     0, Skipped:     0, Total:     0, Duration: 1 s - Listed.Tests.dll (net10.0)\n");
            var zero = await ProcessRunner.RunAsync("bash", [Script, sln, log], dir.FullName);
            zero.ExitCode.Should().Be(1);
            zero.Output.Trim().Should().Be("check-test-run: Listed.Tests ran 0 tests");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>An xunit project outside the repository (so none of its props apply), with the versions the repo pins.</summary>
    private static void WriteProject(string root, string name, string code)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.11.0" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Tests.cs"), code);
    }

    private static async Task RunAsync(string command, string[] arguments, string directory)
    {
        var result = await ProcessRunner.RunAsync(command, arguments, directory);
        result.ExitCode.Should().Be(0, result.Output);
    }
}
