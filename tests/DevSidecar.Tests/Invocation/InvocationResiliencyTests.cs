using System.Net;
using Dapr.Client;
using Microsoft.AspNetCore.Http;

namespace OrderPlatform.DevSidecar.Tests.Invocation;

public class InvocationResiliencyTests
{
    private static Action<WebApplication> FailingTarget(Func<int, int> statusForAttempt)
    {
        var attempts = 0;
        return app => app.MapGet("/work", () =>
        {
            var status = statusForAttempt(Interlocked.Increment(ref attempts));
            return Results.Text(status == 200 ? "done" : $"failed with {status}", statusCode: status);
        });
    }

    private static async Task<HttpResponseMessage> Invoke(InvocationRig rig, string path = "/work")
    {
        using var http = DaprClient.CreateInvokeHttpClient("target", rig.Host.HttpEndpoint("caller").ToString());
        return await http.GetAsync(path);
    }

    [Fact]
    public async Task Constant_retries_replay_until_the_app_succeeds()
    {
        var yaml = InvocationRig.Resiliency("""
                retries:
                  quick: { policy: constant, duration: 10ms, maxRetries: 3 }
            """, "{ retry: quick }");
        await using var rig = await InvocationRig.StartAsync(FailingTarget(n => n < 3 ? 500 : 200), yaml);

        using var response = await Invoke(rig);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("done");
        rig.Target!.On("/work").Should().HaveCount(3);
    }

    [Fact]
    public async Task When_retries_run_out_the_apps_last_answer_is_returned()
    {
        var yaml = InvocationRig.Resiliency("""
                retries:
                  quick: { policy: constant, duration: 10ms, maxRetries: 3 }
            """, "{ retry: quick }");
        await using var rig = await InvocationRig.StartAsync(FailingTarget(_ => 503), yaml);

        using var response = await Invoke(rig);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Be("failed with 503");
        rig.Target!.On("/work").Should().HaveCount(4);
    }

    [Fact]
    public async Task Exponential_retries_count_max_retries_too()
    {
        var yaml = InvocationRig.Resiliency("""
                retries:
                  expo: { policy: exponential, maxInterval: 20ms, maxRetries: 2 }
            """, "{ retry: expo }");
        await using var rig = await InvocationRig.StartAsync(FailingTarget(_ => 500), yaml);

        using var response = await Invoke(rig);

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        rig.Target!.On("/work").Should().HaveCount(3);
    }

    [Fact]
    public async Task Matching_status_codes_limit_what_is_retried()
    {
        var yaml = InvocationRig.Resiliency("""
                retries:
                  only503:
                    policy: constant
                    duration: 10ms
                    maxRetries: 3
                    matching:
                      httpStatusCodes: "503"
            """, "{ retry: only503 }");
        await using var rig = await InvocationRig.StartAsync(FailingTarget(_ => 400), yaml);

        using var response = await Invoke(rig);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        rig.Target!.On("/work").Should().ContainSingle();
    }

    [Fact]
    public async Task Without_a_policy_a_failing_answer_is_not_retried()
    {
        await using var rig = await InvocationRig.StartAsync(FailingTarget(_ => 500));

        using var response = await Invoke(rig);

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        rig.Target!.On("/work").Should().ContainSingle();
    }

    [Fact]
    public async Task A_timeout_cuts_a_slow_app_off_with_a_direct_invoke_error()
    {
        var yaml = InvocationRig.Resiliency("""
                timeouts:
                  fast: 200ms
            """, "{ timeout: fast }");
        await using var rig = await InvocationRig.StartAsync(
            app => app.MapGet("/slow", async (HttpContext context) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                return Results.Text("late");
            }),
            yaml);

        using var response = await Invoke(rig, "/slow");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var (code, message) = await InvocationRig.DaprError(response);
        code.Should().Be("ERR_DIRECT_INVOKE");
        message.Should().Be("failed to invoke, id: target, err: context deadline exceeded");
        rig.Target!.On("/slow").Should().ContainSingle();
    }

    [Fact]
    public async Task The_circuit_breaker_opens_after_consecutive_failures_fails_fast_and_half_opens_after_its_timeout()
    {
        var time = new OrderPlatform.DevSidecar.Tests.Messaging.ShiftableTime();
        var failing = true;
        var yaml = InvocationRig.Resiliency("""
                circuitBreakers:
                  cb: { maxRequests: 1, timeout: 30s, trip: consecutiveFailures >= 2 }
            """, "{ circuitBreaker: cb }");
        await using var rig = await InvocationRig.StartAsync(FailingTarget(_ => Volatile.Read(ref failing) ? 500 : 200), yaml, time);

        (await Invoke(rig)).StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await Invoke(rig)).StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        using (var open = await Invoke(rig))
        {
            open.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
            (await InvocationRig.DaprError(open)).Should().Be(("ERR_DIRECT_INVOKE", "failed to invoke, id: target, err: circuit breaker is open"));
        }

        rig.Target!.On("/work").Should().HaveCount(2, "an open breaker does not call the app");

        Volatile.Write(ref failing, false);
        time.Offset = TimeSpan.FromSeconds(31);
        using var halfOpen = await Invoke(rig);
        halfOpen.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Invoke(rig)).StatusCode.Should().Be(HttpStatusCode.OK);
        rig.Target.On("/work").Should().HaveCount(4);
    }
}
