namespace OrderPlatform.Contracts;

/// <summary>Dapr app-ids. They match <c>dapr.yaml</c>, <c>infra/</c> and <c>azure.yaml</c>; a test keeps them in step.</summary>
public static class AppIds
{
    public const string OrderService = "order-service";
    public const string InventoryService = "inventory-service";
    public const string PaymentService = "payment-service";
    public const string ShippingService = "shipping-service";
    public const string NotificationService = "notification-service";

    public static readonly IReadOnlyList<string> All =
        [OrderService, InventoryService, PaymentService, ShippingService, NotificationService];
}

/// <summary>Dapr component names, as declared in <c>components/</c> and <c>infra/</c>.</summary>
public static class Components
{
    public const string OrdersStore = "orders-store";
    public const string InventoryStore = "inventory-store";
    public const string PaymentStore = "payment-store";
    public const string ShippingStore = "shipping-store";
    public const string NotificationStore = "notification-store";

    /// <summary>The actor state store (<c>actorStateStore: true</c>) that backs Dapr Workflow.</summary>
    public const string WorkflowStore = "workflow-store";

    public const string PubSub = "order-pubsub";
    public const string SecretStore = "secret-store";

    /// <summary>
    /// <c>bindings.cron</c> input binding scoped to order-service: the sidecar POSTs <c>/{name}</c> on its schedule and
    /// order-service reconciles stranded orders.
    /// </summary>
    public const string ReconcileCron = "order-reconcile-cron";
}

/// <summary>Pub/sub topics on <see cref="Components.PubSub"/>.</summary>
public static class Topics
{
    public const string Orders = "orders";
    public const string OrdersDeadLetter = "orders-deadletter";
}
