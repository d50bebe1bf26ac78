using Dapr.Workflow;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Support;

internal static class InstanceIdPages
{
    /// <summary>Every page <c>ListInstanceIdsAsync</c> returns, following continuation tokens to the end.</summary>
    public static async Task<List<IReadOnlyList<string>>> ListAllPagesAsync(this DaprWorkflowClient client, int pageSize)
    {
        var pages = new List<IReadOnlyList<string>>();
        string? token = null;
        do
        {
            var page = await client.ListInstanceIdsAsync(token, pageSize);
            pages.Add([.. page.InstanceIds]);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return pages;
    }
}
