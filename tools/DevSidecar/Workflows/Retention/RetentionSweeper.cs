using DurableTask.Core;
using DurableTask.Core.Query;

namespace OrderPlatform.DevSidecar.Workflows.Retention;

/// <summary>
/// Applies a <see cref="WorkflowRetentionPolicy"/> to one engine: every instance that reaches a terminal state is
/// purged once its retention has passed (checked every <c>interval</c>). An instance id scheduled again after it ended
/// is a new execution and is left alone.
/// </summary>
internal sealed class RetentionSweeper : IDisposable
{
    private readonly PriorityQueue<(string InstanceId, string ExecutionId), DateTimeOffset> due = new();
    private readonly WorkflowRetentionPolicy policy;
    private readonly IOrchestrationServiceClient states;
    private readonly IOrchestrationServicePurgeClient purger;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ITimer? timer;
    private int sweeping;

    public RetentionSweeper(WorkflowRetentionPolicy policy, IOrchestrationServiceClient states,
        IOrchestrationServicePurgeClient purger, TimeProvider time, TimeSpan interval, ILogger logger)
    {
        this.logger = logger;
        this.policy = policy;
        this.states = states;
        this.purger = purger;
        this.time = time;
        timer = policy.KeepsEverything ? null : time.CreateTimer(_ => _ = SweepOnTimerAsync(), null, interval, interval);
    }

    /// <summary>Called when an instance's episode ends in <paramref name="state"/>'s status.</summary>
    public void Track(OrchestrationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (policy.For(state.OrchestrationStatus) is { } keep && state.OrchestrationInstance is { } instance)
        {
            lock (due)
            {
                due.Enqueue((instance.InstanceId, instance.ExecutionId), time.GetUtcNow() + keep);
            }
        }
    }

    /// <summary>Purges every instance whose retention has passed; returns how many were purged.</summary>
    public async Task<int> SweepAsync()
    {
        var purged = 0;
        foreach (var (instanceId, executionId) in TakeDue())
        {
            var current = await states.GetOrchestrationStateAsync(instanceId, executionId).ConfigureAwait(false);
            if (current is not null && policy.For(current.OrchestrationStatus) is not null)
            {
                purged += (await purger.PurgeInstanceStateAsync(instanceId).ConfigureAwait(false)).DeletedInstanceCount;
            }
        }

        return purged;
    }

    public void Dispose() => timer?.Dispose();

    private List<(string, string)> TakeDue()
    {
        var now = time.GetUtcNow();
        var taken = new List<(string, string)>();
        lock (due)
        {
            while (due.TryPeek(out var instance, out var at) && at <= now)
            {
                due.Dequeue();
                taken.Add(instance);
            }
        }

        return taken;
    }

    private async Task SweepOnTimerAsync()
    {
        // One sweep at a time: a slow sweep is not overlapped by the next tick.
        if (Interlocked.Exchange(ref sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            await SweepAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Workflow retention sweep failed; the next sweep tries again.");
        }
        finally
        {
            Volatile.Write(ref sweeping, 0);
        }
    }
}
