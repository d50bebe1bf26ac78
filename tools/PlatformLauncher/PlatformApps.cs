using OrderPlatform.Contracts;

namespace OrderPlatform.PlatformLauncher;

/// <summary>A service of the platform: its Dapr app-id and where its project and entry assembly are.</summary>
public sealed record PlatformApp(string AppId, string ProjectFolder, string AssemblyName)
{
    public static readonly IReadOnlyList<PlatformApp> All =
    [
        new(AppIds.OrderService, "apps/OrderService", "OrderService"),
        new(AppIds.InventoryService, "apps/InventoryService", "InventoryService"),
        new(AppIds.PaymentService, "apps/PaymentService", "PaymentService"),
        new(AppIds.ShippingService, "apps/ShippingService", "ShippingService"),
        new(AppIds.NotificationService, "apps/NotificationService", "NotificationService"),
    ];

    public static readonly PlatformApp DevSidecar = new("dev-sidecar", "tools/DevSidecar", "OrderPlatform.DevSidecar");
}

/// <summary>The ports one app uses: its own (app channel) and its sidecar's HTTP and gRPC ports.</summary>
public sealed record AppPorts(int AppPort, int DaprHttpPort, int DaprGrpcPort)
{
    public Uri AppUrl => new($"http://127.0.0.1:{AppPort}");

    public Uri DaprHttpUrl => new($"http://127.0.0.1:{DaprHttpPort}");

    public Uri DaprGrpcUrl => new($"http://127.0.0.1:{DaprGrpcPort}");
}
