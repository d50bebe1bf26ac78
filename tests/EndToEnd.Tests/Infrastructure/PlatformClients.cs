using System.Net.Http.Headers;
using Azure.Core;
using Azure.Identity;
using OrderPlatform.PlatformLauncher;

namespace OrderPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// HTTP clients for the order API (always) and a Dapr sidecar to invoke the internal services through (when reachable). Order API callers
/// sign in with development tokens (<see cref="DevTokenIssuer"/>: any customer, an operator) against a platform in
/// Development, or, when <c>ORDERPLATFORM_API_SCOPE</c> is set (CD's smoke run), with the one token of the pipeline's
/// own identity, which is then <see cref="Orders"/>' customer (no operator, no second customer).
/// </summary>
public sealed class PlatformClients : IDisposable
{
    /// <summary>The API scope (<c>api://&lt;client id&gt;/.default</c>) to get a token for from azd's signed-in identity.</summary>
    public const string ApiScopeVariable = "ORDERPLATFORM_API_SCOPE";

    private readonly HttpClient? _sidecar;
    private readonly List<HttpClient> _callers = [];
    private readonly Uri _orderUrl;
    private readonly DevTokenIssuer? _devTokens;
    private OrderApi? _operator;

    public PlatformClients(Uri orderUrl, Uri? sidecarUrl, DevTokenIssuer? devTokens, (string CallerId, string Token)? caller = null)
    {
        _orderUrl = orderUrl;
        _sidecar = sidecarUrl is null ? null : new HttpClient { BaseAddress = sidecarUrl, Timeout = TimeSpan.FromSeconds(60) };
        _devTokens = devTokens;
        var (callerId, token) = caller ?? NewDevCaller();
        Orders = Caller(callerId, token);
    }
    /// <summary>The suite's customer.</summary>
    public OrderApi Orders { get; }

    /// <summary>An operator (the Orders.Operator app role) who places no orders: development tokens only.</summary>
    public OrderApi Operator => _operator ??= Caller(OrderApi.Unique("ops"), DevTokens.CreateOperator);

    /// <summary>Another customer, new on every call: development tokens only.</summary>
    public OrderApi NewCustomer() => Caller(OrderApi.Unique("cust"), id => DevTokens.Create(id));

    /// <summary>An operator who is also <paramref name="callerId"/> the customer: development tokens only.</summary>
    public OrderApi OperatorAs(string callerId) => Caller(callerId, DevTokens.CreateOperator);

    /// <summary>A caller without a token.</summary>
    public OrderApi Anonymous() => new(Track(new HttpClient { BaseAddress = _orderUrl, Timeout = TimeSpan.FromSeconds(60) }), null);

    /// <summary>Stock through the operator's order API; payments, notifications and payment faults through the sidecar.</summary>
    public InternalApis Internal => new(Operator, _sidecar);

    /// <summary>
    /// An external platform: <c>ORDERPLATFORM_ORDER_URL</c> (and <c>ORDERPLATFORM_DAPR_URL</c> when given), and a token
    /// from azd's identity or the development key.
    /// </summary>
    public static PlatformClients FromEnvironment()
    {
        var orderUrl = new Uri(Environment.GetEnvironmentVariable(PlatformTarget.OrderUrlVariable)!);
        var sidecarUrl = Environment.GetEnvironmentVariable(PlatformTarget.DaprUrlVariable) is { Length: > 0 } dapr ? new Uri(dapr) : null;

        if (Environment.GetEnvironmentVariable(ApiScopeVariable) is { Length: > 0 } scope)
        {
            // CD signs azd in with the pipeline's identity (OIDC federation); azd hands out a client-credentials token.
            var token = new AzureDeveloperCliCredential().GetToken(new TokenRequestContext([scope]), CancellationToken.None).Token;
            return new PlatformClients(orderUrl, sidecarUrl, null, (CallerOf(token), token));
        }

        return new PlatformClients(orderUrl, sidecarUrl, DevTokenIssuer.Load(RepoPaths.FindRoot()));
    }

    public void Dispose()
    {
        _sidecar?.Dispose();
        foreach (var client in _callers)
        {
            client.Dispose();
        }
    }

    private DevTokenIssuer DevTokens => _devTokens
        ?? throw new InvalidOperationException($"Only development tokens name other callers; {ApiScopeVariable} gives one identity.");

    private (string, string) NewDevCaller()
    {
        var callerId = OrderApi.Unique("cust");
        return (callerId, DevTokens.Create(callerId));
    }

    private OrderApi Caller(string callerId, Func<string, string> mint) => Caller(callerId, mint(callerId));

    private OrderApi Caller(string callerId, string token)
    {
        var http = new HttpClient { BaseAddress = _orderUrl, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new OrderApi(Track(http), callerId);
    }

    private HttpClient Track(HttpClient client)
    {
        _callers.Add(client);
        return client;
    }

    /// <summary>The caller id order-service reads from the token (its default claim, oid).</summary>
    private static string CallerOf(string token) =>
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).GetClaim("oid").Value;
}
