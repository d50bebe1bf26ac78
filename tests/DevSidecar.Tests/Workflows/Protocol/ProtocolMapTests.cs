using OrderPlatform.DevSidecar.Workflows.Grpc;
using OrderPlatform.DevSidecar.Workflows.Protocol;
using D = Dapr.DurableTask.Protobuf;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Protocol;

/// <summary>The collision map computed from the live descriptors of the two referenced protocol forks.</summary>
public sealed class ProtocolMapTests
{
    private static readonly ProtocolMap Map = ProtocolMap.ForTaskHub();

    [Fact]
    public void Live_descriptor_collisions_are_exactly_the_reviewed_list()
    {
        // Fails when a Dapr.Workflow or DurableTask upgrade adds, moves or removes a colliding field:
        // review the new field (clear it, or translate it) and update ReviewedCollisions.
        ReviewedCollisions.Differences(Map).Should().BeEmpty();
        Map.Collisions.Select(c => c.Key).Should().BeEquivalentTo(ReviewedCollisions.Keys);
    }

    [Fact]
    public void Collisions_include_the_fields_that_broke_the_raw_engine()
    {
        Map.Collisions.Select(c => c.Key).Should().Contain(
        [
            "WorkflowResponse.version=#6 vs OrchestratorResponse.orchestrationTraceContext",
            "ScheduleTaskAction.taskExecutionId=#5 vs ScheduleTaskAction.parentTraceContext",
            "TaskScheduledEvent.taskExecutionId=#5 vs TaskScheduledEvent.tags",
        ]);
    }

    [Fact]
    public void Renamed_messages_are_paired_and_walked_rather_than_reported()
    {
        // Dapr renamed sub-orchestrations to child workflows: same field numbers, same meaning.
        Map.Collisions.Should().NotContain(c => c.DaprField.Name == "childWorkflowInstanceCreated");
        Map.Collisions.Should().Contain(c => c.DaprField.ContainingType.Name == "ChildWorkflowInstanceCreatedEvent");
    }

    [Fact]
    public void Every_rpc_of_Daprs_service_is_served_and_only_those()
    {
        var daprMethods = D.TaskHubSidecarService.Descriptor.Methods.Select(m => m.Name);

        TaskHubMethodProvider.Rpcs.Select(r => r.Name).Should().BeEquivalentTo(daprMethods);
    }

    [Fact]
    public void Dapr_only_rpcs_are_the_ones_the_sidecar_answers_itself()
    {
        Map.DaprOnlyMethods.Should().BeEquivalentTo("ListInstanceIDs", "GetInstanceHistory", "RerunWorkflowFromEvent");
        Map.SharedMethods["CompleteWorkflowTask"].Should().Be("CompleteOrchestratorTask");
    }

    [Theory]
    [InlineData("subOrchestrationInstanceCreated", "childWorkflowInstanceCreated")]
    [InlineData("orchestrationStatus", "workflowStatus")]
    [InlineData("ORCHESTRATION_STATUS_RUNNING", "WORKFLOW_STATUS_RUNNING")]
    public void Orchestration_to_workflow_renames_are_not_differences(string microsoft, string dapr) =>
        ProtocolNames.Normalize(microsoft).Should().Be(ProtocolNames.Normalize(dapr));

    [Fact]
    public void Different_names_stay_different() =>
        ProtocolNames.Normalize("router").Should().NotBe(ProtocolNames.Normalize("tags"));
}
