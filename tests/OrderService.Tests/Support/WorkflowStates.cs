using System.Reflection;
using Dapr.Common.Serialization;
using Dapr.Workflow;

namespace OrderPlatform.OrderService.Tests.Support;

/// <summary>
/// <see cref="WorkflowState"/> is sealed with an internal constructor (over the internal WorkflowMetadata), so a mocked
/// <see cref="IDaprWorkflowClient"/> can only return one built through reflection.
/// </summary>
internal static class WorkflowStates
{
    public static WorkflowState Create(string instanceId, WorkflowRuntimeStatus status, DateTime createdAt, DateTime lastUpdatedAt)
    {
        const BindingFlags Flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var metadataType = typeof(WorkflowState).Assembly.GetType("Dapr.Workflow.Client.WorkflowMetadata", throwOnError: true)!;
        var metadata = Activator.CreateInstance(
            metadataType, Flags, null,
            [instanceId, "OrderWorkflow", status, createdAt, lastUpdatedAt, Mock.Of<IDaprSerializer>()], null);
        return (WorkflowState)Activator.CreateInstance(typeof(WorkflowState), Flags, null, [metadata], null)!;
    }
}
