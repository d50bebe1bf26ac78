using OrderPlatform.Contracts;

namespace OrderPlatform.Infra.Tests;

/// <summary>Topics and subscriptions exist in Bicep (Dapr cannot create them) and roles are scoped to them.</summary>
[Collection(BicepCollection.Name)]
public sealed class ServiceBusTests(BicepFixture bicep)
{
    [Fact]
    public void Namespace_is_standard_with_both_topics()
    {
        ((string)bicep.Snapshot.OfType("Microsoft.ServiceBus/namespaces").Single()["sku"]!["name"]!).Should().Be("Standard");
        bicep.Snapshot.OfType("Microsoft.ServiceBus/namespaces/topics").Select(Snapshot.ShortName)
            .Should().BeEquivalentTo([Topics.Orders, Topics.OrdersDeadLetter]);
    }

    [Fact]
    public void The_subscriber_has_a_dead_lettering_subscription_named_after_its_app_id_on_each_topic()
    {
        var subscriptions = bicep.Snapshot.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions").ToList();
        subscriptions.Select(s => string.Join('/', ((string)s["name"]!).Split('/')[1..])).Should().BeEquivalentTo(
            [$"{Topics.Orders}/{AppIds.NotificationService}", $"{Topics.OrdersDeadLetter}/{AppIds.NotificationService}"]);
        foreach (var subscription in subscriptions)
        {
            subscription["properties"]!["deadLetteringOnMessageExpiration"]!.GetValue<bool>().Should().BeTrue();
            subscription["properties"]!["maxDeliveryCount"]!.GetValue<int>().Should().BeGreaterThan(0);
        }
    }

    [Fact]
    public void Publishing_is_granted_per_topic_and_receiving_per_subscription_never_on_the_namespace()
    {
        var namespaceId = (string)bicep.Snapshot.OfType("Microsoft.ServiceBus/namespaces").Single()["id"]!;
        var serviceBusRoles = bicep.Snapshot.RoleAssignments.Where(r => r.Scope.StartsWith(namespaceId, StringComparison.Ordinal)).ToList();

        serviceBusRoles.Should().NotContain(r => r.Scope == namespaceId);
        serviceBusRoles.Where(r => r.Role == Roles.ServiceBusDataSender).Select(r => r.Scope).Should().BeEquivalentTo(
            [$"{namespaceId}/topics/{Topics.Orders}", $"{namespaceId}/topics/{Topics.OrdersDeadLetter}"]);
        serviceBusRoles.Where(r => r.Role != Roles.ServiceBusDataSender).Select(r => r.Scope)
            .Should().AllSatisfy(s => s.Should().Contain("/subscriptions/"));
        // Only the KEDA scaler's read of a subscription's message count needs the Manage claim: one per scaled subscription.
        var owners = serviceBusRoles.Where(r => r.Role == Roles.ServiceBusDataOwner).ToList();
        owners.Select(r => r.Scope).Should().BeEquivalentTo(
            [$"{namespaceId}/topics/{Topics.Orders}/subscriptions/{AppIds.NotificationService}",
             $"{namespaceId}/topics/{Topics.OrdersDeadLetter}/subscriptions/{AppIds.NotificationService}"]);
        owners.Should().AllSatisfy(r => r.Principal.Should().Contain($"/id-{AppIds.NotificationService}'"));
    }
}
