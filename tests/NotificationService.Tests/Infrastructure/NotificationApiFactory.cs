using Dapr.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OrderPlatform.Contracts;
using OrderPlatform.NotificationService.DeadLetters;
using OrderPlatform.NotificationService.Notifications;
using OrderPlatform.NotificationService.State;

namespace NotificationService.Tests.Infrastructure;

/// <summary>The real app on TestServer (no ports), <see cref="DaprClient"/> mocked over an in-memory store, fake time.</summary>
public sealed class NotificationApiFactory : WebApplicationFactory<Program>
{
    public InMemoryStateStore Store { get; } = new InMemoryStateStore(Components.NotificationStore)
        .Handle<List<Notification>>()
        .Handle<List<DeadLetter>>()
        .Handle<ProcessedMarker>();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DaprClient>();
            services.AddSingleton(Store.Dapr.Object);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }
}
