using System.Collections.Concurrent;
using DurableTask.Core;
using DurableTask.Core.Query;

namespace OrderPlatform.DevSidecar.Workflows.Engine;

/// <summary>
/// Instances that have ended, kept as their final status record only (name, status, input, output, failure,
/// timestamps). The in-memory engine would keep each one's whole history (dozens of events with every activity's
/// input and output); nothing the sidecar serves reads an ended instance's history, so it is dropped.
/// </summary>
internal sealed class EndedInstances
{
    private readonly ConcurrentDictionary<string, OrchestrationState> states = new(StringComparer.OrdinalIgnoreCase);

    public int Count => states.Count;

    public static bool IsEnded(OrchestrationStatus status) => status is OrchestrationStatus.Completed
        or OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled;

    public void Add(OrchestrationState state) => states[state.OrchestrationInstance.InstanceId] = state;

    public OrchestrationState? Find(string instanceId, string? executionId = null) =>
        states.TryGetValue(instanceId, out var state)
            && (executionId is null || executionId == state.OrchestrationInstance.ExecutionId)
            ? state
            : null;

    public bool Remove(string instanceId) => states.TryRemove(instanceId, out _);

    public bool Remove(string instanceId, string executionId) =>
        states.TryGetValue(instanceId, out var state) && state.OrchestrationInstance.ExecutionId == executionId
        && states.TryRemove(KeyValuePair.Create(instanceId, state));

    /// <summary>The ended instances an instance query selects (its paging is applied by the caller).</summary>
    public IEnumerable<OrchestrationState> Matching(OrchestrationQuery query) => states.Values.Where(s =>
        (query.CreatedTimeFrom is not { } from || s.CreatedTime >= from)
        && (query.CreatedTimeTo is not { } to || s.CreatedTime <= to)
        && (query.RuntimeStatus is not { Count: > 0 } statuses || statuses.Contains(s.OrchestrationStatus))
        && (query.InstanceIdPrefix is not { } prefix
            || s.OrchestrationInstance.InstanceId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Removes the ended instances a purge filter selects; returns how many.</summary>
    public int Purge(PurgeInstanceFilter filter) => states.Values
        .Where(s => s.CreatedTime >= filter.CreatedTimeFrom
            && (filter.CreatedTimeTo is not { } to || s.CreatedTime <= to)
            && (filter.RuntimeStatus is null || !filter.RuntimeStatus.Any() || filter.RuntimeStatus.Contains(s.OrchestrationStatus)))
        .ToList()
        .Count(s => states.TryRemove(KeyValuePair.Create(s.OrchestrationInstance.InstanceId, s)));
}
