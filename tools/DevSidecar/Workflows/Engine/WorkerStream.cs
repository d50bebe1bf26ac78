using Grpc.Core;
using M = Microsoft.DurableTask.Protobuf;

namespace OrderPlatform.DevSidecar.Workflows.Engine;

/// <summary>
/// The one stream the engine's gRPC server writes work items to, for the engine's whole life; the connected worker's
/// stream is attached behind it and detached when that worker leaves. The server never holds a dead worker's
/// stream: a work item written while no worker is attached fails (<c>Unavailable</c>), so the dispatcher abandons it
/// back to the queue, and once <see cref="DetachAsync"/> has returned no write to the old worker is under way.
/// </summary>
internal sealed class WorkerStream : IServerStreamWriter<M.WorkItem>, IDisposable
{
    private readonly SemaphoreSlim sending = new(1, 1);
    private IServerStreamWriter<M.WorkItem>? worker;

    public WriteOptions? WriteOptions { get; set; }

    /// <summary>Attaches a worker's stream unless another worker is attached.</summary>
    public async Task<bool> TryAttachAsync(IServerStreamWriter<M.WorkItem> target)
    {
        await sending.WaitAsync().ConfigureAwait(false);
        try
        {
            if (worker is not null)
            {
                return false;
            }

            worker = target;
            return true;
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>Detaches the worker once the write under way (if any) has finished.</summary>
    public async Task DetachAsync()
    {
        await sending.WaitAsync().ConfigureAwait(false);
        worker = null;
        sending.Release();
    }

    public async Task WriteAsync(M.WorkItem message)
    {
        await sending.WaitAsync().ConfigureAwait(false);
        try
        {
            var target = worker ?? throw new RpcException(new Status(StatusCode.Unavailable, "No workflow worker is connected."));
            await target.WriteAsync(message).ConfigureAwait(false);
        }
        finally
        {
            sending.Release();
        }
    }

    public void Dispose() => sending.Dispose();
}
