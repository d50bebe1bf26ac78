namespace OrderPlatform.OrderService.Workflow.Retention;

/// <summary>
/// How long an ended <see cref="OrderWorkflow"/> instance's history is kept (<c>OrderWorkflow:Retention</c>). The same
/// policy as components/config/appconfig.yaml's <c>stateRetentionPolicy</c>, applied by order-service itself because
/// Azure Container Apps' managed Dapr takes no Dapr Configuration. A null duration keeps that state's instances.
/// </summary>
public sealed class WorkflowRetentionOptions
{
    public const string Section = "OrderWorkflow:Retention";

    public bool Enabled { get; set; } = true;

    /// <summary>The order record keeps the status history, so a completed workflow's history is not needed for long.</summary>
    public TimeSpan? Completed { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan? Failed { get; set; } = TimeSpan.FromHours(72);

    public TimeSpan? Terminated { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Time between sweeps; the first sweep runs one interval after start.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    public int PageSize { get; set; } = 100;
}
