using System.Collections.Concurrent;
using System.Reflection;
using Grpc.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace OrderPlatform.DevSidecar.Workflows.Engine;

/// <summary>
/// The work items the engine's gRPC server has handed to the worker and is waiting on. The server keeps one pending
/// completion per work item and never gives up on it, so a worker that disappears would hold those instances forever.
/// Failing them makes the engine's dispatcher abandon each work item back to the queue (orchestrator messages and
/// activity requests alike), from where the next worker that connects gets them: what daprd does when a work-item
/// stream disconnects. The server exposes no API for this, so its two private maps are reached by reflection, bound
/// when the engine is created so that a package upgrade that renames them fails at the first workflow call, not
/// silently (<c>WorkerRestartTests</c>).
/// </summary>
internal sealed class InFlightWorkItems
{
    private static readonly string[] PendingMaps = ["pendingOrchestratorTasks", "pendingActivityTasks"];

    private readonly List<Func<Exception, int>> failers;

    public InFlightWorkItems(TaskHubGrpcServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        failers = [.. PendingMaps.Select(name => Bind(server, name))];
    }

    /// <summary>Hands every work item the worker has not completed back to the engine's queue; returns how many.</summary>
    public int HandBack() => failers.Sum(fail => fail(new RpcException(new Status(
        StatusCode.Unavailable, "The workflow worker disconnected before it completed the work item."))));

    private static Func<Exception, int> Bind(TaskHubGrpcServer server, string fieldName)
    {
        var field = typeof(TaskHubGrpcServer).GetField(fieldName, BindingFlags.Instance | BindingFlags.NonPublic);
        if (field?.FieldType is not { IsGenericType: true } mapType
            || mapType.GetGenericTypeDefinition() != typeof(ConcurrentDictionary<,>)
            || mapType.GetGenericArguments()[1] is not { IsGenericType: true } completionType
            || completionType.GetGenericTypeDefinition() != typeof(TaskCompletionSource<>))
        {
            throw new InvalidOperationException(
                $"{typeof(TaskHubGrpcServer).FullName} has no '{fieldName}' map of pending completions: this version of "
                + "Microsoft.DurableTask.InProcessTestHost cannot hand a disconnected worker's work items back (see Workflows/README.md).");
        }

        var map = field.GetValue(server)!;
        var fail = typeof(InFlightWorkItems).GetMethod(nameof(FailAll), BindingFlags.Static | BindingFlags.NonPublic)!
            .MakeGenericMethod(completionType.GetGenericArguments()[0])
            .CreateDelegate<Func<object, Exception, int>>();
        return error => fail(map, error);
    }

    /// <summary>
    /// Removes each pending completion and fails it. Removing matters: the server drops an activity's entry only when
    /// sending fails, so a failed entry left behind would keep the same key (instance + task id) from being registered
    /// again when the activity is re-dispatched, and the next worker's completion would land on the dead entry.
    /// </summary>
    private static int FailAll<TResult>(object map, Exception error)
    {
        var pending = (ConcurrentDictionary<string, TaskCompletionSource<TResult>>)map;
        return pending.Count(entry => pending.TryRemove(entry) && entry.Value.TrySetException(error));
    }
}
