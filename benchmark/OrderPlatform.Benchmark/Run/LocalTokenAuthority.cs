using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderPlatform.PlatformLauncher;

namespace OrderPlatform.Benchmark.Run;

/// <summary>
/// A token issuer on loopback for the benchmark, whose order-service runs in Production (where development signing
/// keys are refused): OpenID metadata + a JWKS with one RSA key, so order-service validates RS256 tokens through its
/// Authority as it does against Entra ID in Azure. Tokens carry <c>oid</c>, <c>sub</c> and <c>roles</c> like Entra's.
/// </summary>
public sealed class LocalTokenAuthority : IDisposable
{
    public const string Audience = "api://orderplatform-benchmark";

    private readonly HttpListener listener = new();
    private readonly RSA rsa = RSA.Create(2048);
    private readonly RsaSecurityKey key;
    private readonly byte[] metadata;
    private readonly byte[] jwks;

    private LocalTokenAuthority(Uri url)
    {
        Url = url;
        key = new RsaSecurityKey(rsa) { KeyId = "benchmark" };
        metadata = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = new Uri(url, "jwks").ToString(),
        });
        var publicKey = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = key.KeyId });
        jwks = Encoding.UTF8.GetBytes($$"""{"keys":[{"kty":"RSA","use":"sig","kid":"{{publicKey.Kid}}","n":"{{publicKey.N}}","e":"{{publicKey.E}}"}]}""");
        listener.Prefixes.Add(url.ToString());
    }

    public Uri Url { get; }

    public string Issuer => Url.ToString().TrimEnd('/');

    /// <summary>order-service's settings (environment variables) that trust this issuer instead of Entra ID.</summary>
    public IReadOnlyDictionary<string, string> OrderServiceSettings => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Authentication__Schemes__Bearer__Authority"] = Issuer,
        ["Authentication__Schemes__Bearer__RequireHttpsMetadata"] = "false",
        ["Authentication__Schemes__Bearer__ValidIssuer"] = Issuer,
        ["Authentication__Schemes__Bearer__ValidAudiences__0"] = Audience,
    };

    public static LocalTokenAuthority Start()
    {
        var authority = new LocalTokenAuthority(new Uri($"http://127.0.0.1:{FreePorts.Take()}/"));
        authority.listener.Start();
        _ = Task.Run(authority.ServeAsync);
        return authority;
    }

    /// <summary>A token for <paramref name="callerId"/>; with <paramref name="operatorRole"/> it holds Orders.Operator.</summary>
    public string Token(string callerId, bool operatorRole = false)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["oid"] = callerId, ["sub"] = callerId };
        if (operatorRole)
        {
            claims["roles"] = new[] { DevTokenIssuer.OperatorRole };
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            Expires = DateTime.UtcNow.AddHours(2),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>One token per customer <c>bench-{tag}-{i}</c>: many customers, so payment-service's per-customer limit never declines.</summary>
    public IReadOnlyList<string> CustomerTokens(string tag, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Token($"bench-{tag}-{i}"))];

    public void Dispose()
    {
        listener.Close();
        rsa.Dispose();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            var body = path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal) ? metadata
                : path.EndsWith("/jwks", StringComparison.Ordinal) ? jwks
                : null;
            context.Response.StatusCode = body is null ? (int)HttpStatusCode.NotFound : (int)HttpStatusCode.OK;
            context.Response.ContentType = "application/json";
            if (body is not null)
            {
                await context.Response.OutputStream.WriteAsync(body);
            }

            context.Response.Close();
        }
    }
}
