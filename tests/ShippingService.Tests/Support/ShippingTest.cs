namespace OrderPlatform.ShippingService.Tests.Support;

/// <summary>A test class with its own service and dev sidecar (a fresh, empty <c>shipping-store</c> per test).</summary>
public abstract class ShippingTest : IAsyncLifetime
{
    /// <summary>The gRPC method of Dapr.Client's <c>TrySaveStateAsync</c>, the service's only write.</summary>
    protected const string SaveState = "SaveState";

    protected const string GetState = "GetState";

    protected ShippingFactory Factory { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
