using OrderPlatform.InventoryService.Configuration;
using OrderPlatform.ServiceDefaults;
using Polly;
using Polly.Retry;

namespace OrderPlatform.InventoryService.Storage;

/// <summary>The bounded, jittered retry the repository wraps around a read-decide-commit that lost an ETag race.</summary>
public static class ConflictRetry
{
    public static ResiliencePipeline Create(InventoryOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(DaprStateConcurrency.IsEtagConflict),
                MaxRetryAttempts = options.ConflictRetryAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ConflictRetryDelay,
                MaxDelay = options.ConflictRetryMaxDelay,
            })
            .Build();
    }
}
