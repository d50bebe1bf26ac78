using System.Net.Http.Headers;
using Azure.Core;
using Azure.Identity;
using OrderPlatform.Contracts;
using OrderPlatform.PlatformLauncher;

namespace OrderPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// HTTP clients for the order API (always) and the internal services' own APIs (when reachable). Order API callers
/// sign in with development tokens (<see cref="DevTokenIssuer"/>: any customer, an operator) against a platform in
/// Development, or, when <c>ORDERPLATFORM_API_SCOPE</c> is set (CD's smoke run), with the one token of the pipeline's
/// own identity, which is then <see cref="Orders"/>' customer (no operator, no second customer).
/// </summary>
public sealed class PlatformClients : IDisposable
{
    /// <summary>The API scope (<c>api://&lt;client id&gt;/.default</c>) to get a token for from azd's signed-in identity.</summary>
    public const string ApiScopeVariable = "ORDERPLATFORM_API_SCOPE";

    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly List<HttpClient> _callers = [];
    private readonly Uri _orderUrl;
    private readonly DevTokenIssuer? _devTokens;
    private OrderApi? _operator;

    public PlatformClients(IReadOnlyDictionary<string, Uri> baseUrls, DevTokenIssuer? devTokens, (string CallerId, string Token)? caller = null)
    {
        foreach (var (appId, url) in baseUrls)
        {
            _clients[appId] = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        }

        _orderUrl = baseUrls[AppIds.OrderService];
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

    public InternalApis Internal => new(
        Client(AppIds.InventoryService), Client(AppIds.PaymentService), Client(AppIds.NotificationService));

    public HttpClient Client(string appId) => _clients.TryGetValue(appId, out var client)
        ? client
        : throw new InvalidOperationException($"No URL for {appId}: set {PlatformTarget.InternalUrlVariables[appId]}.");

    /// <summary>An external platform: <c>ORDERPLATFORM_*_URL</c>, and a token from azd's identity or the development key.</summary>
    public static PlatformClients FromEnvironment()
    {
        var urls = new Dictionary<string, Uri>(StringComparer.Ordinal)
        {
            [AppIds.OrderService] = new(Environment.GetEnvironmentVariable(PlatformTarget.OrderUrlVariable)!),
        };
        foreach (var (appId, variable) in PlatformTarget.InternalUrlVariables)
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } url)
            {
                urls[appId] = new Uri(url);
            }
        }

        if (Environment.GetEnvironmentVariable(ApiScopeVariable) is { Length: > 0 } scope)
        {
            // CD signs azd in with the pipeline's identity (OIDC federation); azd hands out a client-credentials token.
            var token = new AzureDeveloperCliCredential().GetToken(new TokenRequestContext([scope]), CancellationToken.None).Token;
            return new PlatformClients(urls, null, (CallerOf(token), token));
        }

        return new PlatformClients(urls, DevTokenIssuer.Load(RepoPaths.FindRoot()));
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values.Concat(_callers))
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
