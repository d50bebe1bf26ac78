using OrderPlatform.DevSidecar.Api;
using OrderPlatform.DevSidecar.Configuration;

namespace OrderPlatform.DevSidecar.Tests.Configuration;

public sealed class ComponentLoaderTests
{
    private static readonly IReadOnlyList<ComponentDefinition> RepoComponents =
        ComponentLoader.LoadFolder(Path.Combine(RepoRoot.Path, "components"));

    [Fact]
    public void The_repositorys_components_load_with_names_types_metadata_and_scopes()
    {
        RepoComponents.Select(c => c.Name).Should().BeEquivalentTo(
            "orders-store", "inventory-store", "payment-store", "shipping-store", "notification-store",
            "workflow-store", "order-pubsub", "secret-store", "order-reconcile-cron");
        var orders = RepoComponents.Single(c => c.Name == "orders-store");
        orders.Type.Should().Be("state.postgresql");
        orders.Version.Should().Be("v1");
        orders.GetMetadata("tableName").Should().Be("orders_store");
        orders.GetMetadata("keyPrefix").Should().BeNull("daprd's default, appid, applies");
        orders.Scopes.Should().Equal("order-service");
        RepoComponents.Single(c => c.Name == "order-pubsub").Scopes.Should().Contain("notification-service");
    }

    [Fact]
    public void The_repository_has_exactly_one_actor_state_store_for_workflows()
    {
        var registry = new ComponentRegistry(RepoComponents, RepoRoot.Path);

        registry.ActorStateStore!.Name.Should().Be("workflow-store");
        registry.ActorStateStore.IsVisibleTo("order-service").Should().BeTrue();
    }

    [Fact]
    public void Scopes_hide_components_from_other_apps()
    {
        var registry = new ComponentRegistry(RepoComponents, RepoRoot.Path);

        var act = () => registry.Resolve("inventory-service", "orders-store", "state.");

        act.Should().Throw<DaprApiException>().Which.ErrorCode.Should().Be("ERR_STATE_STORE_NOT_FOUND");
        registry.ForApp("inventory-service").Select(c => c.Name).Should().Equal("inventory-store");
    }

    [Fact]
    public void Other_kinds_are_ignored_and_several_documents_per_file_are_read()
    {
        var yaml = """
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: r
            spec:
              policies: {}
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: a
            spec:
              type: state.in-memory
              version: v1
              metadata:
              - name: ttl
                value: 5
            """;

        var components = ComponentLoader.Parse(new StringReader(yaml), "inline");

        components.Should().ContainSingle().Which.GetMetadata("ttl").Should().Be("5");
    }

    [Fact]
    public void Duplicate_component_names_are_a_startup_error()
    {
        var act = () => new ComponentRegistry([TestComponents.StateStore("x"), TestComponents.PubSub("x")], ".");

        act.Should().Throw<InvalidOperationException>().WithMessage("*'x'*more than once*");
    }

    [Fact]
    public void Two_actor_state_stores_are_a_startup_error()
    {
        var act = () => new ComponentRegistry([TestComponents.ActorStateStore("a"), TestComponents.ActorStateStore("b")], ".");

        act.Should().Throw<InvalidOperationException>().WithMessage("*actorStateStore*a, b*");
    }

    [Fact]
    public void A_component_without_a_type_is_a_startup_error()
    {
        var act = () => ComponentLoader.Parse(new StringReader("kind: Component\nmetadata:\n  name: broken\n"), "broken.yaml");

        act.Should().Throw<InvalidOperationException>().WithMessage("broken.yaml*spec.type*");
    }
}
