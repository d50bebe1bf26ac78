using System.Globalization;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using DurableTask.Core.Query;

namespace OrderPlatform.DevSidecar.Workflows.Engine;

/// <summary>
/// Durable Task's in-memory orchestration service as each app's engine uses it, with two changes:
/// <list type="bullet">
/// <item>its own work-item concurrency: the in-memory service allows one work item per core and its dispatchers hold
/// each item until the app's worker answers over gRPC, so two slow activities would stall every other workflow;</item>
/// <item>an instance that ends is kept as its status record only (<see cref="EndedInstances"/>): once the episode that
/// ended it is released, its history leaves the inner store. Every client call sees both stores.</item>
/// </list>
/// <see cref="EpisodeCompleted"/> sees every saved episode's status (the retention policy tracks the terminal ones).
/// </summary>
internal sealed class EngineOrchestrationService<TInner>(TInner inner, int maxConcurrentWorkItems)
    : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient, IDisposable
    where TInner : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    private readonly EndedInstances ended = new();

    /// <summary>Serialises creating an instance with moving an ended one out of the inner store.</summary>
    private readonly SemaphoreSlim moving = new(1, 1);

    public event Action<OrchestrationState>? EpisodeCompleted;

    /// <summary>Ended instances held as status records.</summary>
    public int EndedCount => ended.Count;

    /// <summary>The in-memory service itself (instances with their history).</summary>
    internal TInner Inner => inner;

    public int MaxConcurrentTaskOrchestrationWorkItems => maxConcurrentWorkItems;

    public int MaxConcurrentTaskActivityWorkItems => maxConcurrentWorkItems;

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public Task StartAsync() => inner.StartAsync();

    public Task StopAsync() => inner.StopAsync();

    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public async Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
    {
        await inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages,
            timerMessages, continuedAsNewMessage, orchestrationState).ConfigureAwait(false);
        if (EndedInstances.IsEnded(orchestrationState.OrchestrationStatus))
        {
            ended.Add(orchestrationState);
        }

        EpisodeCompleted?.Invoke(orchestrationState);
    }

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    /// <summary>Releases the episode; an instance it ended then leaves the inner store (unless it was scheduled again).</summary>
    public async Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        await inner.ReleaseTaskOrchestrationWorkItemAsync(workItem).ConfigureAwait(false);
        if (ended.Find(workItem.InstanceId) is not { } final)
        {
            return;
        }

        await moving.WaitAsync().ConfigureAwait(false);
        try
        {
            var current = await inner.GetOrchestrationStateAsync(workItem.InstanceId, executionId: null).ConfigureAwait(false);
            if (current is not null && EndedInstances.IsEnded(current.OrchestrationStatus)
                && current.OrchestrationInstance.ExecutionId == final.OrchestrationInstance.ExecutionId)
            {
                await inner.PurgeInstanceStateAsync(workItem.InstanceId).ConfigureAwait(false);
            }
        }
        finally
        {
            moving.Release();
        }
    }

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => inner.AbandonTaskActivityWorkItemAsync(workItem);

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) =>
        CreateTaskOrchestrationAsync(creationMessage, [OrchestrationStatus.Pending, OrchestrationStatus.Running]);

    /// <summary>An ended instance whose status is not deduplicated is replaced by the new execution, as in the engine.</summary>
    public async Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses)
    {
        ArgumentNullException.ThrowIfNull(creationMessage);
        var instanceId = creationMessage.OrchestrationInstance.InstanceId;
        await moving.WaitAsync().ConfigureAwait(false);
        try
        {
            if (ended.Find(instanceId) is { } previous)
            {
                if (dedupeStatuses?.Contains(previous.OrchestrationStatus) == true)
                {
                    throw new OrchestrationAlreadyExistsException(
                        $"An orchestration with id '{instanceId}' already exists. It's in the {previous.OrchestrationStatus} state.");
                }

                ended.Remove(instanceId);
            }

            await inner.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses).ConfigureAwait(false);
        }
        finally
        {
            moving.Release();
        }
    }

    /// <summary>Events, suspend/resume and terminate sent to an ended instance are dropped, as the engine drops them.</summary>
    public Task SendTaskOrchestrationMessageAsync(TaskMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Event is not ExecutionStartedEvent && ended.Find(message.OrchestrationInstance.InstanceId) is not null
            ? Task.CompletedTask
            : inner.SendTaskOrchestrationMessageAsync(message);
    }

    public async Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            await SendTaskOrchestrationMessageAsync(message).ConfigureAwait(false);
        }
    }

    /// <summary>Registers with the engine first, then looks at the ended instances (one may have moved meanwhile).</summary>
    public async Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiting = inner.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);
        return ended.Find(instanceId, executionId) ?? await waiting.ConfigureAwait(false);
    }

    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) =>
        ended.Find(instanceId) is not null ? Task.CompletedTask : inner.ForceTerminateTaskOrchestrationAsync(instanceId, reason);

    public async Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions)
    {
        var states = await inner.GetOrchestrationStateAsync(instanceId, allExecutions).ConfigureAwait(false);
        return states.Any(s => s is not null) || ended.Find(instanceId) is not { } final ? states : [final];
    }

    public async Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) =>
        await inner.GetOrchestrationStateAsync(instanceId, executionId).ConfigureAwait(false)
        ?? ended.Find(instanceId, executionId)!;

    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => inner.GetOrchestrationHistoryAsync(instanceId, executionId);

    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        inner.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);

    /// <summary>Both stores, oldest first (then by id), paged by offset: the token is the number of instances already returned.</summary>
    public async Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var offset = query.ContinuationToken is { } token ? int.Parse(token, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        var everything = new OrchestrationQuery
        {
            CreatedTimeFrom = query.CreatedTimeFrom,
            CreatedTimeTo = query.CreatedTimeTo,
            RuntimeStatus = query.RuntimeStatus,
            InstanceIdPrefix = query.InstanceIdPrefix,
            FetchInputsAndOutputs = query.FetchInputsAndOutputs,
            PageSize = int.MaxValue,
        };
        var live = (await inner.GetOrchestrationWithQueryAsync(everything, cancellationToken).ConfigureAwait(false)).OrchestrationState;
        var matching = ended.Matching(query).ToList();
        var endedIds = matching.Select(s => s.OrchestrationInstance.InstanceId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var all = live.Where(s => !endedIds.Contains(s.OrchestrationInstance.InstanceId)).Concat(matching)
            .OrderBy(s => s.CreatedTime).ThenBy(s => s.OrchestrationInstance.InstanceId, StringComparer.Ordinal).ToList();
        var page = all.Skip(offset).Take(query.PageSize).ToList();
        var next = offset + page.Count < all.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return new OrchestrationQueryResult(page, next);
    }

    public async Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) =>
        ended.Remove(instanceId) ? new PurgeResult(1) : await inner.PurgeInstanceStateAsync(instanceId).ConfigureAwait(false);

    public async Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter)
    {
        ArgumentNullException.ThrowIfNull(purgeInstanceFilter);
        var fromEnded = ended.Purge(purgeInstanceFilter);
        var fromInner = await inner.PurgeInstanceStateAsync(purgeInstanceFilter).ConfigureAwait(false);
        return new PurgeResult(fromEnded + fromInner.DeletedInstanceCount);
    }

    public void Dispose() => moving.Dispose();
}
