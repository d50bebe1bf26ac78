using System.Globalization;
using Grpc.Core;
using OrderPlatform.DevSidecar.Workflows.Engine;
using D = Dapr.DurableTask.Protobuf;
using M = Microsoft.DurableTask.Protobuf;

namespace OrderPlatform.DevSidecar.Workflows.Grpc;

/// <summary>Dapr's ListInstanceIDs (no Microsoft counterpart), answered from the engine's instance query.</summary>
internal static class InstanceIdListing
{
    public static async Task<D.ListInstanceIDsResponse> ListAsync(
        WorkflowEngine engine, D.ListInstanceIDsRequest request, ServerCallContext context)
    {
        var query = new M.InstanceQuery
        {
            MaxInstanceCount = request.HasPageSize ? checked((int)request.PageSize) : int.MaxValue,
        };
        if (request.HasContinuationToken)
        {
            if (!int.TryParse(request.ContinuationToken, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw new RpcException(new Status(
                    StatusCode.InvalidArgument, $"continuationToken '{request.ContinuationToken}' is not one this sidecar issued."));
            }

            query.ContinuationToken = request.ContinuationToken;
        }

        var page = await engine.Server.QueryInstances(new M.QueryInstancesRequest { Query = query }, context)
            .ConfigureAwait(false);
        var response = new D.ListInstanceIDsResponse();
        response.InstanceIds.AddRange(page.OrchestrationState.Select(s => s.InstanceId));
        if (!string.IsNullOrEmpty(page.ContinuationToken))
        {
            response.ContinuationToken = page.ContinuationToken;
        }

        return response;
    }
}
