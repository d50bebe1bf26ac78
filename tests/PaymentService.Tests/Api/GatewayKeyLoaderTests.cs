using Dapr.Client;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Signing;
using OrderPlatform.PaymentService.Tests.Support;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace OrderPlatform.PaymentService.Tests.Api;

/// <summary>
/// How the gateway key gets loaded at startup when the secret store misbehaves: unreachable for a while (retried for
/// as long as it takes), or answering without the key (the service stays up and unready, nothing is signed with a
/// missing key). The first-reads-fail-then-load path with readiness: <see cref="GatewayKeyStartupTests"/>.
/// </summary>
public sealed class GatewayKeyLoaderTests
{
    [Fact]
    public async Task The_secret_read_is_retried_past_three_failures_with_the_configured_back_off_cap()
    {
        // Polly's default is three retries: the loader's own options keep reading for as long as the store fails. Ten
        // failures back off 200 ms doubling (about 200 s in all) unless Payments:SecretRetryMaxDelay (50 ms in tests)
        // caps each wait: StartAsync's 30 s wait for the key fails without the cap.
        await using var factory = new PaymentApiFactory();
        factory.Hooks.Fail("GetSecret", times: 10);

        var client = await factory.StartAsync();

        factory.Hooks.Calls("GetSecret").Should().Be(11);
        (await client.PostJsonAsync("/process-payment", new PaymentRequest("gl-1", "c", 1m, "EUR", "tok_visa")))
            .StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(false)] // the store answers, without the key
    [InlineData(true)] // the key is there, empty
    public async Task A_secret_store_without_a_value_for_the_key_leaves_the_service_up_unready_and_refusing_charges(bool emptyValue)
    {
        await using var factory = new PaymentApiFactory();
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DaprClient>();
            services.AddSingleton(_ => factory.Sidecar.CreateClient(new SecretAnswer(factory.Hooks, data =>
            {
                data.Remove(GatewayKey.SecretName);
                if (emptyValue)
                {
                    data[GatewayKey.SecretName] = string.Empty;
                }
            })));
        }));
        var client = app.CreateClient();
        var loader = app.Services.GetServices<IHostedService>().OfType<GatewayKeyLoader>().Single();

        await loader.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        loader.ExecuteTask.IsCompletedSuccessfully.Should().BeTrue("a missing key is logged, it does not fault the host");
        factory.Hooks.Calls("GetSecret").Should().Be(1, "an answer without the key is not retried");
        app.Services.GetRequiredService<GatewayKey>().IsLoaded.Should().BeFalse();
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var charge = await client.PostJsonAsync("/process-payment", new PaymentRequest("gl-2", "c", 1m, "EUR", "tok_visa"));
        charge.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await charge.ReadAsync<ProblemBody>()).Should().Be(new ProblemBody(
            503, "Payment gateway not ready", "The payment gateway key has not been loaded from the secret store yet.", null));
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(0);
    }

    /// <summary>Rewrites the data of the sidecar's <c>GetSecret</c> answers (a gRPC frame: flag, 4-byte length, message).</summary>
    private sealed class SecretAnswer(HttpMessageHandler inner, Action<MapField<string, string>> change) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri?.Segments[^1] != "GetSecret" || !response.IsSuccessStatusCode)
            {
                return response;
            }

            var frame = await response.Content.ReadAsByteArrayAsync(cancellationToken); // the trailers (grpc-status) are read too
            var answer = P.GetSecretResponse.Parser.ParseFrom(frame.AsSpan(5));
            change(answer.Data);
            var message = answer.ToByteArray();
            var rewritten = new byte[5 + message.Length];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(rewritten.AsSpan(1), message.Length);
            message.CopyTo(rewritten, 5);
            var content = new ByteArrayContent(rewritten);
            foreach (var header in response.Content.Headers.Where(h => h.Key != "Content-Length"))
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = content;
            return response;
        }
    }
}
