using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
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
    private static readonly Dictionary<string, Func<string>> Broken = new()
    {
        ["wrong audience"] = () => OrderApiFactory.Tokens.Create(OrderApiFactory.Customer, audienceOverride: "api://someone-else"),
        ["wrong issuer"] = () => OrderApiFactory.Tokens.Create(OrderApiFactory.Customer, issuerOverride: "https://login.test/other/v2.0"),
        ["expired"] = () => OrderApiFactory.Tokens.Create(OrderApiFactory.Customer, expires: DateTime.UtcNow.AddMinutes(-10)),
        ["another key"] = () => new PlatformLauncher.DevTokenIssuer(OrderApiFactory.Tokens.Issuer, OrderApiFactory.Tokens.Audience, new byte[32]).Create(OrderApiFactory.Customer),
        ["not a JWT"] = () => "not-a-token",
    };

    public static TheoryData<string> BrokenTokens => new(Broken.Keys);

    [Theory]
    [MemberData(nameof(BrokenTokens))]
    public async Task A_token_with_the_wrong_audience_issuer_key_or_an_expired_one_is_a_401(string why)
    {
        var response = await Api.ClientWith(Broken[why]()).PostJsonAsync("/api/orders", TestOrders.Request("ord-auth-bad"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, why);
        (await State.ContainsAsync("ord-auth-bad")).Should().BeFalse();
    }

    [Fact]
    public async Task A_valid_token_is_accepted()
    {
        var response = await Api.ClientFor(OrderApiFactory.Customer).PostJsonAsync("/api/orders", TestOrders.Request("ord-auth-good"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

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
}
