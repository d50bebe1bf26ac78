using System.Net;
using System.Net.Http.Json;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Tests.Support;

/// <summary>payment-service's refund and inventory-service's release and commit behind the typed clients.</summary>
internal sealed class FakeDownstream : HttpMessageHandler
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> calls = new();

    /// <summary>Every call as "{path} {order or reservation id}", in order (thread-safe: replicas call at once).</summary>
    public IReadOnlyList<string> Calls => [.. calls];

    public HttpStatusCode? FailRefundWith { get; set; }

    public ReservationStatus CommitAnswer { get; set; } = ReservationStatus.Committed;

    public ReservationStatus ReleaseAnswer { get; set; } = ReservationStatus.Released;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path == "/refund")
        {
            var refund = (await request.Content!.ReadFromJsonAsync<RefundRequest>(JsonDefaults.Options, cancellationToken))!;
            calls.Enqueue($"{path} {refund.OrderId}");
            return FailRefundWith is { } status
                ? new HttpResponseMessage(status)
                : Json(new RefundResult(refund.OrderId, RefundStatus.Refunded));
        }

        if (path == "/commit")
        {
            var commit = (await request.Content!.ReadFromJsonAsync<CommitStockRequest>(JsonDefaults.Options, cancellationToken))!;
            calls.Enqueue($"{path} {commit.ReservationId}");
            return Json(new ReservationResult(commit.ReservationId, CommitAnswer, []));
        }

        var release = (await request.Content!.ReadFromJsonAsync<ReleaseStockRequest>(JsonDefaults.Options, cancellationToken))!;
        calls.Enqueue($"{path} {release.ReservationId}");
        return Json(new ReservationResult(release.ReservationId, ReleaseAnswer, []));
    }

    private static HttpResponseMessage Json<T>(T body) => new(HttpStatusCode.OK) { Content = JsonContent.Create(body, options: JsonDefaults.Options) };
}

internal static class FakeDownstreamClients
{
    public static PaymentClient Payments(FakeDownstream downstream) =>
        new(new HttpClient(downstream, disposeHandler: false) { BaseAddress = new Uri("http://payment-service/") });

    public static InventoryClient Inventory(FakeDownstream downstream) =>
        new(new HttpClient(downstream, disposeHandler: false) { BaseAddress = new Uri("http://inventory-service/") });
}
