using Google.Protobuf;
using OrderPlatform.DevSidecar.Workflows.Protocol;
using D = Dapr.DurableTask.Protobuf;
using M = Microsoft.DurableTask.Protobuf;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Protocol;

/// <summary>Messages crossing the forks keep their shared fields and lose only the colliding ones.</summary>
public sealed class ProtocolTranslatorTests
{
    private readonly ProtocolTranslator translator = new(ProtocolMap.ForTaskHub());

    [Fact]
    public void A_workflow_response_keeps_its_actions_and_drops_the_colliding_version()
    {
        var response = DaprResponseWithCollidingFields();

        var translated = translator.ToMicrosoft<D.WorkflowResponse, M.OrchestratorResponse>(response);

        translated.InstanceId.Should().Be("order-1");
        translated.OrchestrationTraceContext.Should().BeNull();
        var action = translated.Actions.Should().ContainSingle().Subject;
        action.Id.Should().Be(3);
        action.ScheduleTask.Name.Should().Be("ReserveActivity");
        action.ScheduleTask.Input.Should().Be("\"in\"");
        action.ScheduleTask.Tags.Should().BeEmpty();
        action.ScheduleTask.ParentTraceContext.Should().BeNull();
    }

    [Fact]
    public void Without_the_map_the_same_bytes_are_misread_by_Microsofts_types()
    {
        // Proof the translation matters: parsed naively, Dapr's version is read as Microsoft's trace context.
        var bytes = DaprResponseWithCollidingFields().ToByteArray();

        var naive = () => M.OrchestratorResponse.Parser.ParseFrom(bytes);

        naive.Should().Throw<InvalidProtocolBufferException>();
    }

    [Fact]
    public void The_caller_message_is_not_modified()
    {
        var response = DaprResponseWithCollidingFields();

        translator.ToMicrosoft<D.WorkflowResponse, M.OrchestratorResponse>(response);

        response.Version.Should().NotBeNull();
        response.Actions[0].ScheduleTask.TaskExecutionId.Should().Be("exec-1");
    }

    [Fact]
    public void A_work_item_from_the_engine_keeps_its_history_and_drops_the_colliding_fields()
    {
        var scheduled = new M.HistoryEvent { EventId = 0, TaskScheduled = new M.TaskScheduledEvent { Name = "ShipActivity" } };
        scheduled.TaskScheduled.Tags.Add("tag", "value");
        var request = new M.OrchestratorRequest
        {
            InstanceId = "order-2",
            OrchestrationTraceContext = new M.OrchestrationTraceContext { SpanID = "span" },
        };
        request.Properties.Add("p", Google.Protobuf.WellKnownTypes.Value.ForString("v"));
        request.PastEvents.Add(scheduled);

        var item = translator.ToDapr<M.WorkItem, D.WorkItem>(new M.WorkItem { OrchestratorRequest = request });

        item.WorkflowRequest.InstanceId.Should().Be("order-2");
        item.WorkflowRequest.Router.Should().BeNull();
        item.WorkflowRequest.PropagatedHistory.Should().BeNull();
        var taskScheduled = item.WorkflowRequest.PastEvents.Should().ContainSingle().Subject.TaskScheduled;
        taskScheduled.Name.Should().Be("ShipActivity");
        taskScheduled.TaskExecutionId.Should().BeEmpty();
    }

    [Fact]
    public void Clearing_a_colliding_oneof_member_leaves_the_oneof_case_that_is_set()
    {
        // HistoryEvent.executionRewound collides with Dapr's router and shares the eventType oneof.
        var started = new M.HistoryEvent { ExecutionStarted = new M.ExecutionStartedEvent { Name = "OrderWorkflow" } };

        var translated = translator.ToDapr<M.HistoryEvent, D.HistoryEvent>(started);

        translated.ExecutionStarted.Name.Should().Be("OrderWorkflow");
    }

    [Fact]
    public void A_forced_purge_reaches_the_engine_as_a_plain_purge_by_instance_id()
    {
        var translated = translator.ToMicrosoft<D.PurgeInstancesRequest, M.PurgeInstancesRequest>(
            new D.PurgeInstancesRequest { InstanceId = "order-3", Recursive = true, Force = true });

        translated.InstanceId.Should().Be("order-3");
        translated.Recursive.Should().BeTrue();
        translated.InstanceBatch.Should().BeNull();
    }

    private static D.WorkflowResponse DaprResponseWithCollidingFields()
    {
        var response = new D.WorkflowResponse
        {
            InstanceId = "order-1",
            Version = new D.WorkflowVersion { Name = "v2" },
        };
        response.Actions.Add(new D.WorkflowAction
        {
            Id = 3,
            ScheduleTask = new D.ScheduleTaskAction
            {
                Name = "ReserveActivity",
                Input = "\"in\"",
                TaskExecutionId = "exec-1",
                Router = new D.TaskRouter { SourceAppID = "orders-app" },
            },
        });
        return response;
    }
}
