using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OrderPlatform.OrderService.Tests.Support;
using OrderPlatform.Testing;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>Every order route needs a valid bearer token: issuer, audience, lifetime and signature are all checked.</summary>
public sealed class AuthenticationTests(OrderApiFactory api) : OrderApiTests(api)
{
    public static TheoryData<string, string> Routes => new()
    {
        { "POST", "/api/orders" },
        { "POST", "/api/orders/batch" },
        { "GET", "/api/orders" },
        { "GET", "/api/orders/ord-auth" },
        { "POST", "/api/orders/ord-auth/cancel" },
        { "POST", "/api/orders/ord-auth/approve" },
        { "POST", "/api/orders/ord-auth/compensate" },
        { "POST", "/api/orders/ord-auth/commit-stock" },
        { "POST", "/api/orders/ord-auth/resume" },
        { "GET", "/api/orders/attention" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_a_token_every_order_route_is_a_401_problem_and_nothing_is_done(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        var response = await Api.ClientWith(null).SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Bearer");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        Hooks.SaveCalls.Should().BeEmpty();
        Api.Workflows.VerifyNoOtherCalls();
    }

    // Built when the test runs, not in the theory data: a token holds timestamps, and test cases whose names change
    // from one discovery to the next cannot be matched by a runner that discovers twice (Stryker's coverage run).
    // Each token is valid but for the one thing named, and the answer's error_description names that thing, so each
    // case shows the check that refused it (JwtBearerHandler.CreateErrorDescription, dotnet/aspnetcore
    // src/Security/Authentication/JwtBearer/src/JwtBearerHandler.cs; the audience shows as '(null)' while PII logging is off).
    private static readonly Dictionary<string, (Func<string> Token, string Refusal)> Broken = new()
    {
        ["wrong audience"] = (() => OrderApiFactory.Tokens.Create(OrderApiFactory.Customer, audienceOverride: "api://someone-else"), "error_description=\"The audience '(null)' is invalid\""),
        ["wrong issuer"] = (() => OrderApiFactory.Tokens.Create(OrderApiFactory.Customer, issuerOverride: "https://login.test/other/v2.0"), "error_description=\"The issuer 'https://login.test/other/v2.0' is invalid\""),
        ["expired"] = (() => OrderApiFactory.Tokens.Create(OrderApiFactory.Customer, expires: DateTime.UtcNow.AddMinutes(-10)), "error_description=\"The token expired at"),
        ["no expiry"] = (() => OrderApiFactory.Token(new SecurityTokenDescriptor
        {
            Issuer = OrderApiFactory.Tokens.Issuer,
            Audience = OrderApiFactory.Tokens.Audience,
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow,
            Claims = new Dictionary<string, object> { ["oid"] = OrderApiFactory.Customer },
        }), "error_description=\"The token has no expiration\""),
        ["another key"] = (() => new PlatformLauncher.DevTokenIssuer(OrderApiFactory.Tokens.Issuer, OrderApiFactory.Tokens.Audience, new byte[32]).Create(OrderApiFactory.Customer), "error_description=\"The signature key was not found\""),
        ["not a JWT"] = (() => "not-a-token", "error=\"invalid_token\""),
    };

    public static TheoryData<string> BrokenTokens => new(Broken.Keys);

    /// <summary>
    /// On a host of its own: JwtBearer's options and the auth middleware are built inside this test (a change to them
    /// cannot hide behind the shared host an earlier test built).
    /// </summary>
    [Theory]
    [MemberData(nameof(BrokenTokens))]
    public async Task A_token_with_the_wrong_audience_issuer_key_an_expired_one_or_one_without_expiry_is_a_401(string why)
    {
        using var host = Api.WithWebHostBuilder(_ => { });
        var (token, refusal) = Broken[why];

        var response = await OrderApiFactory.ClientWith(host, token()).PostJsonAsync("/api/orders", TestOrders.Request("ord-auth-bad"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, why);
        var challenge = response.Headers.WwwAuthenticate.Should().ContainSingle().Subject;
        challenge.Scheme.Should().Be("Bearer");
        challenge.Parameter.Should().Contain("error=\"invalid_token\"").And.Contain(refusal);
        (await State.ContainsAsync("ord-auth-bad")).Should().BeFalse();
    }

    [Fact]
    public async Task A_valid_token_is_accepted_and_its_oid_is_the_customer()
    {
        using var host = Api.WithWebHostBuilder(_ => { });
        var token = OrderApiFactory.Token(ValidToken(oid: "cust-oid", sub: "cust-sub"));

        var response = await OrderApiFactory.ClientWith(host, token).PostJsonAsync("/api/orders", TestOrders.Request("ord-auth-good") with { CustomerId = null });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await response.ReadJsonAsync()).GetProperty("customerId").GetString().Should().Be("cust-oid");
    }

    [Fact]
    public async Task The_caller_claim_comes_from_configuration()
    {
        using var host = Api.WithWebHostBuilder(b => b.UseSetting("Auth:CallerIdClaim", "sub"));
        var token = OrderApiFactory.Token(ValidToken(oid: "cust-oid", sub: "cust-sub"));

        var response = await OrderApiFactory.ClientWith(host, token).PostJsonAsync("/api/orders", TestOrders.Request("ord-auth-sub") with { CustomerId = null });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await response.ReadJsonAsync()).GetProperty("customerId").GetString().Should().Be("cust-sub");
    }

    private static SecurityTokenDescriptor ValidToken(string oid, string sub) => new()
    {
        Issuer = OrderApiFactory.Tokens.Issuer,
        Audience = OrderApiFactory.Tokens.Audience,
        IssuedAt = DateTime.UtcNow,
        NotBefore = DateTime.UtcNow,
        Expires = DateTime.UtcNow.AddHours(1),
        Claims = new Dictionary<string, object> { ["oid"] = oid, ["sub"] = sub },
    };

    [Fact]
    public async Task Health_and_the_OpenAPI_document_need_no_token()
    {
        (await Api.ClientWith(null).GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public void A_development_signing_key_configured_outside_Development_stops_the_service_at_start()
    {
        using var production = Api.WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("Authentication:Schemes:Bearer:SigningKeys:0:Issuer", OrderApiFactory.Tokens.Issuer)
            .UseSetting("Authentication:Schemes:Bearer:SigningKeys:0:Value", Convert.ToBase64String(new byte[32])));

        var start = () => production.Start();

        start.Should().Throw<OptionsValidationException>().WithMessage("*SigningKeys*outside Development*");
    }

    [Fact]
    public void Without_an_audience_the_service_does_not_start()
    {
        using var noAudience = Api.WithWebHostBuilder(b => b.UseSetting("Authentication:Schemes:Bearer:ValidAudiences:0", ""));

        var start = () => noAudience.Start();

        start.Should().Throw<OptionsValidationException>().WithMessage("*ValidAudiences*");
    }

    [Fact]
    public void Without_an_issuer_the_service_does_not_start()
    {
        using var noIssuer = Api.WithWebHostBuilder(b => b.UseSetting("Authentication:Schemes:Bearer:ValidIssuer", ""));

        var start = () => noIssuer.Start();

        start.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal(
            "Authentication:Schemes:Bearer: set ValidIssuer (https://login.microsoftonline.com/<tenant>/v2.0 for Entra ID).");
    }

    [Fact]
    public void An_empty_audience_list_is_no_audience()
    {
        using var noAudience = Api.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.TokenValidationParameters.ValidAudiences = [])));

        var start = () => noAudience.Start();

        start.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal(
            "Authentication:Schemes:Bearer: set ValidAudiences (the API's client id / App ID URI).");
    }

    // Where the signing keys come from, each alone (the test key the factory adds is taken away first); an empty
    // Authority or MetadataAddress (a setting left blank) is none.
    private static readonly Dictionary<string, (Action<IWebHostBuilder> Setup, bool Starts)> KeySources = new()
    {
        ["none"] = (_ => { }, false),
        ["empty Authority"] = (b => b.UseSetting("Authentication:Schemes:Bearer:Authority", ""), false),
        ["empty MetadataAddress"] = (b => b.UseSetting("Authentication:Schemes:Bearer:MetadataAddress", ""), false),
        ["Authority"] = (b => b.UseSetting("Authentication:Schemes:Bearer:Authority", "https://login.test/tenant/v2.0"), true),
        ["MetadataAddress"] = (b => b.UseSetting("Authentication:Schemes:Bearer:MetadataAddress", "https://login.test/tenant/v2.0/.well-known/openid-configuration"), true),
        ["Configuration"] = (b => b.ConfigureTestServices(s => s.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.Configuration = new())), true),
        ["one signing key"] = (b => b.ConfigureTestServices(s => s.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(new byte[32]))), true),
        ["signing keys"] = (b => b.ConfigureTestServices(s => s.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.TokenValidationParameters.IssuerSigningKeys = [new SymmetricSecurityKey(new byte[32])])), true),
    };

    public static TheoryData<string> KeySourceNames => new(KeySources.Keys);

    [Theory]
    [MemberData(nameof(KeySourceNames))]
    public void The_service_starts_only_with_a_source_of_signing_keys(string source)
    {
        var (setup, starts) = KeySources[source];
        using var host = Api.WithWebHostBuilder(b =>
        {
            b.ConfigureTestServices(s => s.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                o.TokenValidationParameters.IssuerSigningKey = null;
                o.TokenValidationParameters.IssuerSigningKeys = null;
            }));
            setup(b);
        });

        var start = () => host.Start();

        if (starts)
        {
            start.Should().NotThrow(source);
        }
        else
        {
            start.Should().Throw<OptionsValidationException>(source).Which.Failures.Should().Equal(
                "Authentication:Schemes:Bearer: set Authority (Entra ID), or, in Development, SigningKeys.");
        }
    }
}
