using System.Text.RegularExpressions;
using OrderPlatform.Contracts;

namespace OrderPlatform.Infra.Tests;

/// <summary>
/// components/ (the self-hosted run with daprd) uses the state store type Azure uses, with the same databases and
/// tables, and scripts/local-postgres.sh creates exactly the roles and databases the components connect with.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed partial class LocalComponentsTests(BicepFixture bicep)
{
    private static readonly string[] StateStores =
    [
        Components.OrdersStore, Components.InventoryStore, Components.PaymentStore, Components.ShippingStore,
        Components.NotificationStore, Components.WorkflowStore,
    ];

    private static readonly Dictionary<string, JsonNode> Local = Directory.GetFiles(RepoPaths.Combine("components"), "*.yaml")
        .Select(f => Yaml.Parse(File.ReadAllText(f))).Where(y => (string?)y["kind"] == "Component")
        .ToDictionary(y => (string)y["metadata"]!["name"]!, StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*""(?<role>[a-z-]+):(?<database>[a-z_]+)""\s*$", RegexOptions.Multiline)]
    private static partial Regex ScriptDatabase();

    [GeneratedRegex(@"^password=""(?<password>[^""]+)""$", RegexOptions.Multiline)]
    private static partial Regex ScriptPassword();

    [Fact]
    public void No_local_component_is_a_redis_state_store()
    {
        // state.redis transactions are not atomic and it has no first-write inside them (components-contrib
        // state/redis/redis.go): the platform's ETag'd multi-key transactions need a store that is all-or-nothing.
        Local.Where(c => ((string)c.Value["spec"]!["type"]!).StartsWith("state.", StringComparison.Ordinal))
            .Select(c => $"{c.Key}: {c.Value["spec"]!["type"]}")
            .Should().NotContain(t => t.EndsWith(": state.redis", StringComparison.Ordinal)).And.HaveCount(StateStores.Length);
    }

    [Fact]
    public void Every_local_state_store_is_postgresql_v1_with_the_database_and_tables_it_has_on_Azure()
    {
        foreach (var name in StateStores)
        {
            var spec = Local[name]["spec"]!;
            ((string)spec["type"]!).Should().Be("state.postgresql", name);
            ((string)spec["version"]!).Should().Be("v1", $"{name}: v1 has the state query API and actor state, as on Azure");
            var local = Metadata(Local[name]);
            var azure = Snapshot.Metadata(bicep.Snapshot.DaprComponent(name));

            Keyword(local["connectionString"], "database").Should().Be(AzureDatabase(azure["connectionString"]), name);
            local["tableName"].Should().Be(azure["tableName"], name);
            local["metadataTableName"].Should().Be(azure["metadataTableName"], name);
            local.GetValueOrDefault("actorStateStore").Should().Be(name == Components.WorkflowStore ? "true" : null, name);
            local.Keys.Should().NotContain("useAzureAD", $"{name} signs in with a password on a local PostgreSQL");
        }
    }

    [Fact]
    public void The_local_postgres_script_creates_the_roles_and_databases_the_components_connect_with()
    {
        var script = RepoPaths.ReadText("scripts", "local-postgres.sh");
        var created = ScriptDatabase().Matches(script).Select(m => (m.Groups["role"].Value, m.Groups["database"].Value)).ToList();
        var password = ScriptPassword().Match(script).Groups["password"].Value;

        var used = StateStores.Select(s => Metadata(Local[s])["connectionString"])
            .Select(c => (Keyword(c, "user"), Keyword(c, "database"))).Distinct().ToList();
        created.Should().BeEquivalentTo(used);
        StateStores.Select(s => Keyword(Metadata(Local[s])["connectionString"], "password")).Should().AllBe(password);
        foreach (var store in StateStores)
        {
            var scopes = Local[store]["scopes"]!.AsArray().Select(s => (string)s!).ToList();
            scopes.Should().Equal([Keyword(Metadata(Local[store])["connectionString"], "user")],
                $"{store} signs in as the role of the one app it is scoped to, like its identity on Azure");
        }
    }

    /// <summary>The database of the Bicep connection string, an ARM expression: format('... database={2} ...', host, user, 'db').</summary>
    private static string AzureDatabase(string expression)
    {
        var match = ArmConnectionString().Match(expression);
        match.Success.Should().BeTrue($"the Azure connection string's shape changed: {expression}");
        return match.Groups["database"].Value;
    }

    [GeneratedRegex(@"^\[format\('[^']*database=\{2\}[^']*', .*, '(?<database>[a-z_]+)'\)\]$")]
    private static partial Regex ArmConnectionString();

    [Fact]
    public void The_READMEs_table_of_local_roles_and_databases_is_the_scripts()
    {
        var script = RepoPaths.ReadText("scripts", "local-postgres.sh");
        var readme = RepoPaths.ReadText("README.md");

        ReadmeRow().Matches(readme).Select(m => (m.Groups["role"].Value, m.Groups["database"].Value))
            .Should().BeEquivalentTo(ScriptDatabase().Matches(script).Select(m => (m.Groups["role"].Value, m.Groups["database"].Value)));
        readme.Should().Contain($"password `{ScriptPassword().Match(script).Groups["password"].Value}`");
    }

    [GeneratedRegex(@"^\| `(?<role>[a-z]+-service)` \| `(?<database>[a-z_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();

    private static Dictionary<string, string> Metadata(JsonNode component) =>
        component["spec"]!["metadata"]!.AsArray().ToDictionary(m => (string)m!["name"]!, m => (string)m!["value"]!, StringComparer.Ordinal);

    /// <summary>A keyword of a key=value connection string (the DSN form state.postgresql reads).</summary>
    private static string Keyword(string connectionString, string key) =>
        connectionString.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .Single(p => p[0] == key)[1];
}
