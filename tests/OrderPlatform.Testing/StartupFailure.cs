using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrderPlatform.Testing;

/// <summary>
/// Starts a service whose start-up is expected to fail and throws what stopped it.
/// </summary>
/// <remarks>
/// <c>CreateClient()</c> alone cannot be trusted for this: with a top-level <c>Program</c>, WebApplicationFactory's
/// deferred host waits for the app's own thread, and when that thread's start fails it disposes the host; if the
/// dispose wins the race, the factory throws <see cref="ObjectDisposedException"/> ('IServiceProvider') and the real
/// cause is lost (seen once in a fresh-clone run). The options validation that <c>ValidateOnStart</c> runs is recorded
/// on the app's thread before it can dispose anything, and rethrown here in that case.
/// </remarks>
public static class StartupFailure
{
    // Thread.Start flows the execution context, so the app's thread (started by HostFactoryResolver while the test
    // thread waits in CreateClient) sees the box the test thread set.
    private static readonly AsyncLocal<StrongBox> Current = new();

    /// <summary>Builds and starts the service of <paramref name="factory"/> (and disposes the client it made).</summary>
    public static void Start<TProgram>(this WebApplicationFactory<TProgram> factory)
        where TProgram : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        var box = new StrongBox();
        Current.Value = box;
        try
        {
            factory.CreateClient().Dispose();
        }
        catch (ObjectDisposedException) when (box.Failure is { } validation)
        {
            ExceptionDispatchInfo.Throw(validation);
        }
        finally
        {
            Current.Value = null!;
        }
    }

    /// <summary>Wraps the host's start-up validator so that its failure is recorded (see <see cref="Start{TProgram}"/>).</summary>
    internal static void RecordValidation(IServiceCollection services)
    {
        var descriptor = services.LastOrDefault(d => d.ServiceType == typeof(IStartupValidator));
        if (descriptor is null)
        {
            return;
        }

        services.Remove(descriptor);
        services.Add(ServiceDescriptor.Describe(
            typeof(IStartupValidator),
            provider => new RecordingValidator(Create(provider, descriptor)),
            descriptor.Lifetime));
    }

    private static IStartupValidator Create(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (IStartupValidator)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    private sealed class RecordingValidator(IStartupValidator inner) : IStartupValidator
    {
        public void Validate()
        {
            try
            {
                inner.Validate();
            }
            catch (Exception e) when (Current.Value is { } box)
            {
                box.Failure = e;
                throw;
            }
        }
    }

    private sealed class StrongBox
    {
        public volatile Exception? Failure;
    }
}
