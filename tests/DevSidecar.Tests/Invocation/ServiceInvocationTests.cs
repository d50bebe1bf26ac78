using System.Net;
using System.Text;
using Dapr.Client;
using Microsoft.AspNetCore.Http;

namespace OrderPlatform.DevSidecar.Tests.Invocation;

public class ServiceInvocationTests
{
    private const string TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static void EchoTarget(WebApplication app)
    {
        app.MapPost("/orders/{id}", async (string id, HttpRequest request, HttpResponse response) =>
        {
            response.Headers["X-Reply"] = "yes";
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            return Results.Json(new { id, body }, statusCode: 201);
        });
        app.MapGet("/status/ping", () => Results.Text("pong"));
        app.MapPut("/things/{id}", (string id) => Results.Text($"put {id}"));
    }

    [Fact]
    public async Task Forwards_through_the_sdk_invoke_http_client_with_headers_query_body_and_trace()
    {
        await using var rig = await InvocationRig.StartAsync(EchoTarget);
        using var http = DaprClient.CreateInvokeHttpClient("target", rig.Host.HttpEndpoint("caller").ToString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders/42?expand=items")
        {
            Content = new StringContent("""{"qty":3}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", TraceParent);
        request.Headers.Add("X-Custom", "kept");

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.GetValues("X-Reply").Should().Equal("yes");
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"id":"42","body":"{\"qty\":3}"}""");
        var seen = rig.Target!.On("/orders/42").Should().ContainSingle().Subject;
        seen.PathAndQuery.Should().Be("/orders/42?expand=items");
        seen.Headers["dapr-caller-app-id"].Should().Be("caller");
        seen.Headers["dapr-callee-app-id"].Should().Be("target");
        seen.Headers["X-Custom"].Should().Be("kept");
        seen.Headers["traceparent"].Should().Contain("4bf92f3577b34da6a3ce929d0e0e4736");
        seen.ContentType.Should().StartWith("application/json");
    }

    [Fact]
    public async Task Forwards_an_sdk_invoke_method_request_sent_to_the_invoke_url()
    {
        // DaprClient.InvokeMethodWithResponseAsync is obsolete in Dapr 1.19; the request it would send is sent as-is.
        await using var rig = await InvocationRig.StartAsync(EchoTarget);
        var client = rig.Host.CreateDaprClient("caller");
        using var request = client.CreateInvokeMethodRequest(HttpMethod.Get, "target", "status/ping");
        request.RequestUri.Should().Be(new Uri(rig.Host.HttpEndpoint("caller"), "/v1.0/invoke/target/method/status/ping"));

        using var response = await rig.Host.CreateHttpClient("caller").SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("pong");
        rig.Target!.On("/status/ping").Should().ContainSingle().Which.Headers["traceparent"].Should().MatchRegex("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$");
    }

    [Fact]
    public async Task Forwards_any_request_carrying_the_dapr_app_id_header_at_the_same_path()
    {
        await using var rig = await InvocationRig.StartAsync(EchoTarget);
        var http = rig.Host.CreateHttpClient("caller");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/things/7?v=2");
        request.Headers.Add("dapr-app-id", "target");

        using var response = await http.SendAsync(request);

        (await response.Content.ReadAsStringAsync()).Should().Be("put 7");
        var seen = rig.Target!.On("/things/7").Should().ContainSingle().Subject;
        seen.PathAndQuery.Should().Be("/things/7?v=2");
        seen.Headers["dapr-caller-app-id"].Should().Be("caller");
    }

    [Fact]
    public async Task An_unknown_app_id_is_daprs_direct_invoke_error()
    {
        await using var rig = await InvocationRig.StartAsync(EchoTarget);
        using var http = DaprClient.CreateInvokeHttpClient("nope", rig.Host.HttpEndpoint("caller").ToString());

        using var response = await http.GetAsync("/status/ping");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var (code, message) = await InvocationRig.DaprError(response);
        code.Should().Be("ERR_DIRECT_INVOKE");
        message.Should().Be("failed to invoke, id: nope, err: couldn't find service: nope");
        rig.Target!.On("/status/ping").Should().BeEmpty();
    }

    [Fact]
    public async Task An_app_that_is_not_listening_is_a_500_direct_invoke_error()
    {
        await using var rig = await InvocationRig.StartAsync(mapTarget: null);
        using var http = DaprClient.CreateInvokeHttpClient("target", rig.Host.HttpEndpoint("caller").ToString());

        using var response = await http.GetAsync("/status/ping");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await InvocationRig.DaprError(response)).ErrorCode.Should().Be("ERR_DIRECT_INVOKE");
    }
}
