using System.Reflection;
using System.Text.RegularExpressions;
using OrderPlatform.Contracts;

namespace OrderPlatform.Infra.Tests;

/// <summary>App-ids, component names and topics are identical in apps/, components/, dapr.yaml, infra/ and azure.yaml.</summary>
[Collection(BicepCollection.Name)]
public sealed partial class NameConsistencyTests(BicepFixture bicep)
{
    private static readonly string[] ComponentNames = Constants(typeof(Components));
    private static readonly string[] TopicNames = Constants(typeof(Topics));

    [GeneratedRegex(@"""([a-z]+(?:-[a-z]+)*-(?:service|store|pubsub|deadletter))""")]
    private static partial Regex NameLiteral();

    [Fact]
    public void App_ids_match_everywhere()
    {
        Constants(typeof(AppIds)).Should().BeEquivalentTo(AppIds.All);
        Yaml.Load("dapr.yaml")["apps"]!.AsArray().Select(a => (string)a!["appID"]!).Should().BeEquivalentTo(AppIds.All);
        Yaml.Load("azure.yaml")["services"]!.AsObject().Select(s => s.Key).Should().BeEquivalentTo(AppIds.All);
        bicep.Snapshot.ContainerApps.Select(Snapshot.ShortName).Should().BeEquivalentTo(AppIds.All);
        bicep.Snapshot.ContainerApps.Select(a => (string)a["properties"]!["configuration"]!["dapr"]!["appId"]!)
            .Should().BeEquivalentTo(AppIds.All);
    }

    [Fact]
    public void Component_names_match_everywhere()
    {
        var local = Directory.GetFiles(RepoPaths.Combine("components"), "*.yaml")
            .Select(f => Yaml.Parse(File.ReadAllText(f))).Where(y => (string?)y["kind"] == "Component")
            .Select(y => (string)y["metadata"]!["name"]!);
        local.Should().BeEquivalentTo(ComponentNames);
        bicep.Snapshot.DaprComponents.Select(Snapshot.ShortName).Should().BeEquivalentTo(ComponentNames);
        Yaml.Load("components", "resiliency.yaml")["spec"]!["targets"]!["components"]!.AsObject().Select(c => c.Key)
            .Should().BeSubsetOf(ComponentNames);
    }

    [Fact]
    public void Topics_match_everywhere()
    {
        bicep.Snapshot.OfType("Microsoft.ServiceBus/namespaces/topics").Select(Snapshot.ShortName).Should().BeEquivalentTo(TopicNames);
    }

    [Fact]
    public void Every_name_like_literal_in_the_apps_code_is_a_known_name()
    {
        var known = AppIds.All.Concat(ComponentNames).Concat(TopicNames).ToHashSet(StringComparer.Ordinal);
        var sources = Directory.GetFiles(RepoPaths.Combine("apps"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in sources)
        {
            foreach (System.Text.RegularExpressions.Match match in NameLiteral().Matches(File.ReadAllText(file)))
            {
                known.Should().Contain(match.Groups[1].Value, $"{Path.GetRelativePath(RepoPaths.Root, file)} uses a name literal");
            }
        }
    }

    private static string[] Constants(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();
}
