using System.Text;
using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using Polly;
using Polly.Retry;

namespace OrderPlatform.PaymentService.Signing;

/// <summary>
/// At startup: waits for the sidecar, then reads <c>payment-gateway-key</c> from <c>secret-store</c>, retrying
/// (jittered back-off) while the secret store cannot be read. Until then charges answer 503 and readiness fails.
/// </summary>
public sealed class GatewayKeyLoader(
    DaprClient dapr, GatewayKey key, IOptions<PaymentServiceOptions> options, ILogger<GatewayKeyLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await dapr.WaitForSidecarAsync(stoppingToken);
        var retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DaprException>(),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = options.Value.SecretRetryMaxDelay,
                OnRetry = args =>
                {
                    logger.LogWarning("Reading {Secret} from {Store} failed (attempt {Attempt}); retrying",
                        GatewayKey.SecretName, Components.SecretStore, args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        var secret = await retry.ExecuteAsync(
            async ct => await dapr.GetSecretAsync(Components.SecretStore, GatewayKey.SecretName, cancellationToken: ct),
            stoppingToken);
        if (!secret.TryGetValue(GatewayKey.SecretName, out var value) || string.IsNullOrEmpty(value))
        {
            logger.LogError("Secret store {Store} has no value for {Secret}", Components.SecretStore, GatewayKey.SecretName);
            return;
        }

        key.Set(Encoding.UTF8.GetBytes(value));
        logger.LogInformation("Loaded {Secret} from {Store}", GatewayKey.SecretName, Components.SecretStore);
    }
}
