using System.Text.Json;

namespace OrderPlatform.Infra.Tests;

/// <summary>
/// infra/scripts/postgres-app-roles.sh (run by azd's postprovision hook) against a real PostgreSQL set up like Azure's:
/// each app's role reaches its own database only, and a second run changes nothing.
/// </summary>
public sealed class PostgresRolesTests(PostgresRolesTests.AppliedTwice applied) : IClassFixture<PostgresRolesTests.AppliedTwice>
{
    private PostgresServer Server => applied.Server;

    /// <summary>The server with two app databases, the script applied twice as two `azd provision` runs would.</summary>
    public sealed class AppliedTwice : IAsyncLifetime
    {
        private static readonly string Roles = JsonSerializer.Serialize(new[]
        {
            new { role = "id-order-service", oid = "00000000-0000-0000-0000-0000000000a1", database = "orders" },
            new { role = "id-inventory-service", oid = "00000000-0000-0000-0000-0000000000a2", database = "inventory" },
        });

        public PostgresServer Server { get; } = new();

        public async Task InitializeAsync()
        {
            await Server.InitializeAsync();
            await Server.CreateDatabaseAsync("orders");
            await Server.CreateDatabaseAsync("inventory");

            // The second run must succeed and change nothing (every `azd provision` runs the hook).
            await ApplyAsync();
            await ApplyAsync();
        }

        public Task DisposeAsync() => Server.DisposeAsync();

        private Task<PostgresServer.ProcessResult> ApplyAsync() => PostgresServer.RunAsync(
            RepoPaths.Combine("infra", "scripts", "postgres-app-roles.sh"),
            [Server.SocketDirectory, PostgresServer.Admin, Roles],
            PostgresServer.LibpqEnvironment);
    }

    [Fact]
    public async Task Each_app_role_is_an_Entra_login_that_administers_nothing()
    {
        var roles = await Server.PsqlAsync("postgres", "postgres", """
            SELECT rolname, rolcanlogin, rolsuper, rolcreaterole, rolcreatedb,
                   pg_has_role(oid, 'azure_pg_admin', 'MEMBER'), shobj_description(oid, 'pg_authid')
            FROM pg_roles WHERE rolname LIKE 'id-%' ORDER BY rolname;
            """);

        roles.Output.Trim().Split('\n').Should().Equal(
            "id-inventory-service|t|f|f|f|f|service:00000000-0000-0000-0000-0000000000a2",
            "id-order-service|t|f|f|f|f|service:00000000-0000-0000-0000-0000000000a1");
    }

    [Fact]
    public async Task An_app_role_creates_and_uses_its_state_tables_in_its_own_database()
    {
        // What Dapr's state.postgresql does at init: create its table (and metadata table) in the public schema.
        var result = await Server.PsqlAsync("id-order-service", "orders", """
            CREATE TABLE IF NOT EXISTS orders_store (key text PRIMARY KEY, value jsonb);
            INSERT INTO orders_store VALUES ('k', '{}') ON CONFLICT (key) DO UPDATE SET value = excluded.value;
            SELECT count(*) FROM orders_store;
            """);

        result.Output.Trim().Should().Be("1");
    }

    [Fact]
    public async Task An_app_role_cannot_connect_to_another_apps_database()
    {
        var result = await Server.PsqlAsync("id-order-service", "inventory", "SELECT 1;", check: false);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("permission denied for database \"inventory\"");
    }

    [Fact]
    public async Task An_app_role_can_drop_no_database_and_create_no_role()
    {
        var drop = await Server.PsqlAsync("id-order-service", "orders", "DROP DATABASE inventory;", check: false);
        var createRole = await Server.PsqlAsync("id-order-service", "orders", "CREATE ROLE intruder;", check: false);
        var createDb = await Server.PsqlAsync("id-order-service", "orders", "CREATE DATABASE other;", check: false);

        drop.Output.Should().Contain("must be owner of database inventory");
        createRole.Output.Should().Contain("permission denied to create role");
        createDb.Output.Should().Contain("permission denied to create database");
    }
}

/// <summary>PostgreSQL in Bicep and azure.yaml: the deployer is the only Entra administrator; the hook has what it reads.</summary>
[Collection(BicepCollection.Name)]
public sealed partial class PostgresAccessTests(BicepFixture bicep)
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\$\{?(AZURE_[A-Z_]+)")]
    private static partial System.Text.RegularExpressions.Regex AzdVariable();

    [Fact]
    public void The_deployer_is_the_only_Entra_administrator()
    {
        var admin = bicep.Snapshot.OfType("Microsoft.DBforPostgreSQL/flexibleServers/administrators").Should().ContainSingle().Subject;
        Snapshot.ShortName(admin).Should().Be(BicepFixture.DeployerPrincipalId);
        ((string)admin["properties"]!["principalType"]!).Should().Be(BicepFixture.DeployerPrincipalType);
        ((string)bicep.Snapshot.Outputs["AZURE_POSTGRES_ADMIN"]!).Should().Be((string)admin["properties"]!["principalName"]!);
    }

    [Fact]
    public void The_hook_gets_each_apps_identity_name_object_id_and_database()
    {
        // The identities' object ids exist only after deployment, so the snapshot cannot evaluate this output: check
        // that each entry pairs the app's identity (platform.bicep appPrincipals, the same identityName() that names
        // the state stores' PostgreSQL user) with its services[] database.
        var value = bicep.MainTemplate["outputs"]!["AZURE_POSTGRES_APP_ROLES"]!["value"]!.ToString();
        value.Should().Contain("outputs.appPrincipals.value[lambdaVariables('i')].role")
            .And.Contain("outputs.appPrincipals.value[lambdaVariables('i')].oid")
            .And.Contain("variables('services')[lambdaVariables('i')].database");
        var platform = bicep.CompiledTemplate("platform.bicep")["outputs"]!["appPrincipals"]!["copy"]!["input"]!.ToString();
        platform.Should().Contain("identityName(").And.Contain("principalId");

        // Each store connects as identityName(appId) to its app's database: the same pairs.
        foreach (var store in bicep.Snapshot.DaprComponents.Where(c => (string)c["properties"]!["componentType"]! == "state.postgresql"))
        {
            Snapshot.Metadata(store)["connectionString"].Should().Contain("user={1} port=5432 database={2}")
                .And.MatchRegex(@", 'id-[a-z]+-service', '[a-z]+'\)\]$");
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Azure_yaml_runs_the_role_hook_after_every_provision_and_main_outputs_every_value_it_reads()
    {
        var hook = (string)Yaml.Load("azure.yaml")["hooks"]!["postprovision"]!["posix"]!["run"]!;
        var script = RepoPaths.Combine(hook);
        File.Exists(script).Should().BeTrue(hook);
        File.GetUnixFileMode(script).Should().HaveFlag(UnixFileMode.UserExecute);

        var outputs = bicep.MainTemplate["outputs"]!.AsObject().Select(o => o.Key).ToHashSet();
        var read = AzdVariable().Matches(File.ReadAllText(script)).Select(m => m.Groups[1].Value).Distinct()
            .Where(v => v != "AZURE_SUBSCRIPTION_ID"); // azd's own environment value, not an output
        read.Should().NotBeEmpty().And.BeSubsetOf(outputs);
    }
}
