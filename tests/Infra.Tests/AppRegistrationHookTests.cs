using System.Diagnostics;

namespace OrderPlatform.Infra.Tests;

/// <summary>
/// infra/hooks/preprovision.sh run with stand-ins for azd and curl on PATH (each call recorded): which Microsoft Graph
/// calls it makes, what it asks Entra for, what it hands to azd, and how it behaves without the right to write.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AppRegistrationHookTests : IDisposable
{
    private readonly string bin = Directory.CreateTempSubdirectory("hook-bin").FullName;
    private string Calls => Path.Combine(bin, "calls.log");

    public AppRegistrationHookTests()
    {
        // azd: a token for Graph, and `env set` recorded. curl: every call recorded (arguments one per line), the
        // app read back with its client id, and, when FAIL_WRITE is set, every write refused as Graph would (curl -f: 22).
        Stub("azd", """
            echo "azd $*" >> "$CALLS"
            if [ "$1 $2" = "auth token" ]; then echo '{"token":"graph-token"}'; fi
            """);
        Stub("curl", """
            printf 'curl' >> "$CALLS"; for a in "$@"; do printf ' <%s>' "$(printf '%s' "$a" | tr '\n' ' ')" >> "$CALLS"; done; echo >> "$CALLS"
            case "$*" in
              *"-X PATCH"*) if [ -n "$FAIL_WRITE" ]; then exit 22; fi ;;
              *'$select=appId'*) echo '{"appId":"0c0ffee0-0000-4000-8000-000000000001"}' ;;
            esac
            """);
    }

    [Fact]
    public void Upserts_the_app_with_the_operator_role_sets_its_identifier_uri_and_service_principal_and_hands_the_id_to_azd()
    {
        var (code, _) = Run(("ORDER_API_CLIENT_ID", ""));

        code.Should().Be(0);
        var calls = File.ReadAllLines(Calls);
        calls.Should().Contain("azd auth token --scope https://graph.microsoft.com/.default --output json");
        var graph = calls.Where(c => c.StartsWith("curl", StringComparison.Ordinal)).ToList();
        graph.Should().HaveCount(4);
        graph.Should().OnlyContain(c => c.Contains("<Authorization: Bearer graph-token>", StringComparison.Ordinal));
        graph[0].Should().Contain("<-X> <PATCH> <-H> <Prefer: create-if-missing>")
            .And.Contain("<https://graph.microsoft.com/v1.0/applications(uniqueName='orderplatform-api-hooktest')>")
            .And.Contain("\"requestedAccessTokenVersion\": 2").And.Contain("\"signInAudience\": \"AzureADMyOrg\"")
            .And.Contain("\"value\": \"Orders.Operator\"").And.Contain("\"value\": \"Orders.ReadWrite\"");
        graph[1].Should().Contain("applications(uniqueName='orderplatform-api-hooktest')?$select=appId");
        graph[2].Should().Contain("<-X> <PATCH>").And.Contain("{\"identifierUris\":[\"api://0c0ffee0-0000-4000-8000-000000000001\"]}");
        graph[3].Should().Contain("<-X> <PATCH> <-H> <Prefer: create-if-missing>")
            .And.Contain("servicePrincipals(appId='0c0ffee0-0000-4000-8000-000000000001')");
        calls.Should().Contain("azd env set ORDER_API_CLIENT_ID 0c0ffee0-0000-4000-8000-000000000001");
    }

    [Fact]
    public void Without_the_right_to_write_an_id_already_set_is_kept_and_nothing_else_happens()
    {
        var (code, output) = Run(("ORDER_API_CLIENT_ID", "kept-id"), ("FAIL_WRITE", "1"));

        code.Should().Be(0, output);
        output.Should().Contain("keeping ORDER_API_CLIENT_ID=kept-id");
        File.ReadAllLines(Calls).Should().NotContain(c => c.StartsWith("azd env set", StringComparison.Ordinal))
            .And.ContainSingle(c => c.StartsWith("curl", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_right_to_write_and_no_id_the_provision_stops()
    {
        var (code, output) = Run(("ORDER_API_CLIENT_ID", ""), ("FAIL_WRITE", "1"));

        code.Should().NotBe(0);
        output.Should().Contain("ORDER_API_CLIENT_ID is not set");
        File.ReadAllLines(Calls).Should().NotContain(c => c.StartsWith("azd env set", StringComparison.Ordinal));
    }

    [Fact]
    public void Azure_yaml_runs_it_before_every_provision()
    {
        var hook = (string)Yaml.Load("azure.yaml")["hooks"]!["preprovision"]!["posix"]!["run"]!;
        hook.Should().Be("./infra/hooks/preprovision.sh");
        File.GetUnixFileMode(RepoPaths.Combine(hook)).Should().HaveFlag(UnixFileMode.UserExecute);
    }

    public void Dispose() => Directory.Delete(bin, recursive: true);

    private void Stub(string name, string body)
    {
        var path = Path.Combine(bin, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private (int Code, string Output) Run(params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash", [RepoPaths.Combine("infra", "hooks", "preprovision.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["CALLS"] = Calls;
        start.Environment["AZURE_ENV_NAME"] = "hooktest";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }
}
