using Dapr.Workflow;
using Microsoft.Extensions.Options;

namespace OrderPlatform.OrderService.Workflow.Retention;

/// <summary>
/// Every <see cref="WorkflowRetentionOptions.SweepInterval"/>: pages through the app's workflow instances and purges
/// each ended one whose retention has passed since its last update. Running instances are never touched. Several
/// replicas may sweep at once: purging an instance that is already gone is a no-op.
/// </summary>
public sealed partial class WorkflowHistoryPurger(
    IDaprWorkflowClient workflows, IOptions<WorkflowRetentionOptions> options, TimeProvider time, ILogger<WorkflowHistoryPurger> logger)
    : BackgroundService
{
    private readonly WorkflowRetentionOptions retention = options.Value;
    private PeriodicTimer? timer;

    /// <summary>One sweep: returns how many instances were purged.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var purged = 0;
        string? token = null;
        do
        {
            var page = await workflows.ListInstanceIdsAsync(token, retention.PageSize, cancellationToken);
            foreach (var instanceId in page.InstanceIds)
            {
                var state = await workflows.GetWorkflowStateAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
                if (state is { Exists: true, LastUpdatedAt: { } updated } && KeepFor(state.RuntimeStatus) is { } keep
                    && updated + keep <= time.GetUtcNow()
                    && await workflows.PurgeInstanceAsync(instanceId, cancellationToken))
                {
                    purged++;
                }
            }

            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));

        return purged;
    }

    /// <summary>The interval starts with the service (ExecuteAsync itself runs later, on a background thread).</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        timer = retention.Enabled ? new PeriodicTimer(retention.SweepInterval, time) : null;
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (timer is null)
        {
            return;
        }

        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                LogSwept(logger, await SweepAsync(stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
    }

    private TimeSpan? KeepFor(WorkflowRuntimeStatus status) => status switch
    {
        WorkflowRuntimeStatus.Completed => retention.Completed,
        WorkflowRuntimeStatus.Failed => retention.Failed,
        WorkflowRuntimeStatus.Terminated => retention.Terminated,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Workflow retention sweep purged {Purged} ended instances")]
    private static partial void LogSwept(ILogger logger, int purged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow retention sweep failed; the next sweep tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
