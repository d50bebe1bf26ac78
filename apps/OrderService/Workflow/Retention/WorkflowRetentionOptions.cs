using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.OrderService.Workflow.Retention;

/// <summary>
/// How long an ended <see cref="OrderWorkflow"/> instance's history is kept (<c>OrderWorkflow:Retention</c>). The same
/// policy as components/config/appconfig.yaml's <c>stateRetentionPolicy</c>, applied by order-service itself because
/// Azure Container Apps' managed Dapr takes no Dapr Configuration. A null duration keeps that state's instances.
/// </summary>
public sealed class WorkflowRetentionOptions
{
    public const string SectionName = "OrderWorkflow:Retention";

    /// <summary>False: no sweeps (the instances stay until purged otherwise).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The order record keeps the status history, so a completed workflow's history is not needed for long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan? Completed { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan? Failed { get; set; } = TimeSpan.FromHours(72);

    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan? Terminated { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Time between sweeps; the first sweep runs one interval after start (a PeriodicTimer needs a positive period).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Instance ids asked for per <c>ListInstanceIds</c> page.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;
}
