namespace OrderPlatform.NotificationService.Tests.Support;

/// <summary>A fresh service and sidecar (empty store) for every test.</summary>
public abstract class NotificationServiceTest : IAsyncLifetime
{
    protected NotificationApiFactory Factory { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}
