namespace OrderPlatform.OrderService.Downstream;

/// <summary>
/// How long order-service waits for one service invocation. The sidecar's resiliency policy
/// (components/resiliency.yaml, the same values in infra/) owns retries and per-attempt timeouts; this client timeout
/// only has to outlast the sidecar's worst budget, so the sidecar's answer (success or its final error) is always
/// the one the workflow sees. Worst today: payment-service, 4 attempts × 30 s (<c>important</c>) + 3 × 1 s
/// (<c>serviceRetry</c>) = 123 s. A test recomputes the budget from the YAML.
/// </summary>
public static class InvokeTimeout
{
    public static readonly TimeSpan Value = TimeSpan.FromSeconds(150);

    public static IHttpClientBuilder WithInvokeTimeout(this IHttpClientBuilder builder) =>
        builder.ConfigureHttpClient(client => client.Timeout = Value);
}
