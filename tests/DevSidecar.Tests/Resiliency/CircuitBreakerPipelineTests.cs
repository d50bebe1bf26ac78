using OrderPlatform.DevSidecar.Resiliency;
using OrderPlatform.DevSidecar.Tests.Messaging;
using Polly;
using Polly.CircuitBreaker;

namespace OrderPlatform.DevSidecar.Tests.Resiliency;

public class CircuitBreakerPipelineTests
{
    private static readonly OutcomeClassifier<bool> OkIsTrue = new(ok => !ok);

    private static (ResiliencePipelines Pipelines, ShiftableTime Time) Create(string breaker)
    {
        var time = new ShiftableTime();
        var policies = new ResiliencyPolicies(ResiliencyLoader.LoadYaml($$"""
            kind: Resiliency
            spec:
              policies:
                circuitBreakers:
                  cb: {{breaker}}
              targets:
                apps:
                  target: { circuitBreaker: cb }
            """));
        return (new ResiliencePipelines(policies, time), time);
    }

    private static async Task<Outcome<bool>> Call(ResiliencePipeline<bool> pipeline, bool succeed, Action onCall)
    {
        var context = ResilienceContextPool.Shared.Get();
        try
        {
            return await pipeline.ExecuteOutcomeAsync((_, _) => { onCall(); return ValueTask.FromResult(Outcome.FromResult(succeed)); }, context, 0);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    [Fact]
    public async Task Opens_after_the_trip_count_fails_fast_then_half_opens_after_timeout_and_closes_after_max_requests()
    {
        var (pipelines, time) = Create("{ maxRequests: 2, timeout: 30s, trip: consecutiveFailures >= 3 }");
        var pipeline = pipelines.For("caller", PolicyTarget.App("target"), OkIsTrue);
        var calls = 0;

        for (var i = 0; i < 3; i++)
        {
            (await Call(pipeline, false, () => calls++)).Result.Should().BeFalse();
        }

        var rejected = await Call(pipeline, true, () => calls++);
        rejected.Exception.Should().BeOfType<BrokenCircuitException>().Which.Message.Should().Be("circuit breaker is open");
        calls.Should().Be(3);

        time.Offset = TimeSpan.FromSeconds(31);
        (await Call(pipeline, true, () => calls++)).Result.Should().BeTrue();
        (await Call(pipeline, true, () => calls++)).Result.Should().BeTrue();
        calls.Should().Be(5);

        (await Call(pipeline, false, () => calls++)).Exception.Should().BeNull("two half-open successes closed the breaker");
        calls.Should().Be(6);
    }

    [Fact]
    public async Task A_failure_while_half_open_reopens_it()
    {
        var (pipelines, time) = Create("{ timeout: 10s, trip: consecutiveFailures > 1 }");
        var pipeline = pipelines.For("caller", PolicyTarget.App("target"), OkIsTrue);
        var calls = 0;
        await Call(pipeline, false, () => calls++);
        await Call(pipeline, false, () => calls++);

        time.Offset = TimeSpan.FromSeconds(11);
        (await Call(pipeline, false, () => calls++)).Exception.Should().BeNull();
        (await Call(pipeline, true, () => calls++)).Exception.Should().BeOfType<BrokenCircuitException>();
        calls.Should().Be(3);
    }

    [Fact]
    public async Task A_success_resets_consecutive_failures_and_each_sidecar_app_has_its_own_breaker()
    {
        var (pipelines, _) = Create("{ trip: consecutiveFailures >= 2 }");
        var pipeline = pipelines.For("caller", PolicyTarget.App("target"), OkIsTrue);
        var calls = 0;
        await Call(pipeline, false, () => calls++);
        await Call(pipeline, true, () => calls++);
        await Call(pipeline, false, () => calls++);
        (await Call(pipeline, true, () => calls++)).Exception.Should().BeNull();

        await Call(pipeline, false, () => calls++);
        await Call(pipeline, false, () => calls++);
        (await Call(pipeline, true, () => calls++)).Exception.Should().BeOfType<BrokenCircuitException>();
        pipelines.For("caller", PolicyTarget.App("target"), OkIsTrue).Should().BeSameAs(pipeline);
        (await Call(pipelines.For("other-caller", PolicyTarget.App("target"), OkIsTrue), true, () => calls++)).Exception.Should().BeNull();
    }
}
