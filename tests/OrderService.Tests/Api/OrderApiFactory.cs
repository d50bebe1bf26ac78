using System.Net.Http.Headers;
using System.Security.Cryptography;
using Dapr.Client;
using Dapr.Workflow;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderPlatform.Contracts;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.PlatformLauncher;
using OrderPlatform.Testing;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>
/// The order API in-process against the dev sidecar hosted in the test process (<see cref="SidecarServiceFactory{TProgram}"/>:
/// real DaprClient, real gRPC, the repository's components), every state and pub/sub request read on the way by
/// <see cref="SidecarServiceFactory{TProgram}.Hooks"/>. Kept as fakes: the <see cref="IDaprWorkflowClient"/> (these tests check what the API schedules
/// and raises; the workflow itself is tested with WorkflowHarness, and the worker, which would run orders through
/// faked downstream services, is removed), inventory-service's check-stock at the HttpClient level
/// (<see cref="FakeInventory"/>) and the clock. Callers sign in with tokens of <see cref="Tokens"/>, whose key the
/// host trusts the way a test can (in code: configured signing keys are refused outside Development).
/// </summary>
public class OrderApiFactory() : SidecarServiceFactory<Program>(AppIds.OrderService)
{
    /// <summary>The customer of <see cref="TestOrders"/> (the default client's caller).</summary>
    public const string Customer = "cust-1";

    /// <summary>An operator (the Orders.Operator app role) who placed no test order.</summary>
    public const string Operator = "ops-1";

    private static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);
    private OrdersState? state;

    /// <summary>Issues the tokens the hosted service accepts.</summary>
    public static DevTokenIssuer Tokens { get; } = new("https://login.test/order-tests/v2.0", "api://order-tests", SigningKey);

    public Mock<IDaprWorkflowClient> Workflows { get; } = new();
    public FakeTimeProvider Clock { get; } = new(TestOrders.Now);
    internal FakeInventory Inventory { get; } = new();

    /// <summary>Settings over the ones below, for a test with a host of its own (set before the host is built).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary><c>orders-store</c> as order-service's app-id sees it, beside the service.</summary>
    internal OrdersState State => state ??= new OrdersState(Dapr);

    /// <summary>
    /// Fresh mocks and records for the next test (tests of the collection run one at a time). The store is not
    /// emptied: each test uses its own order ids and idempotency keys.
    /// </summary>
    public void Reset()
    {
        Workflows.Reset();
        Workflows.Setup(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()))
            .ReturnsAsync((string _, string id, object _) => id);
        Inventory.Reset();
        Hooks.ClearRecords();
        Hooks.Before("SaveState", null);
        Hooks.ResetCounts();
    }

    /// <summary>A client sending <paramref name="token"/> (none: anonymous).</summary>
    public HttpClient ClientWith(string? token) => ClientWith(this, token);

    /// <summary>A client of <paramref name="factory"/> (this one, or one derived with <c>WithWebHostBuilder</c>) sending <paramref name="token"/>.</summary>
    public static HttpClient ClientWith(WebApplicationFactory<Program> factory, string? token)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A token signed with the key the host trusts, exactly as <paramref name="descriptor"/> says: no issued-at, not-before
    /// or expiry is added (<see cref="JsonWebTokenHandler.SetDefaultTimesOnTokenCreation"/> off), for tokens
    /// <see cref="DevTokenIssuer"/> cannot make (no expiry, a caller claim other than both oid and sub).
    /// </summary>
    public static string Token(SecurityTokenDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        descriptor.SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(SigningKey), SecurityAlgorithms.HmacSha256);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>A client signed in as customer <paramref name="callerId"/>.</summary>
    public HttpClient ClientFor(string callerId) => ClientWith(Tokens.Create(callerId));

    /// <summary>A client signed in as an operator (<paramref name="callerId"/> with the Orders.Operator role).</summary>
    public HttpClient OperatorClient(string callerId = Operator) => ClientWith(Tokens.CreateOperator(callerId));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Authentication:Schemes:Bearer:ValidIssuer", Tokens.Issuer);
        builder.UseSetting("Authentication:Schemes:Bearer:ValidAudiences:0", Tokens.Audience);
        builder.UseSetting("Orders:ApprovalThreshold", "1000");
        builder.UseSetting("Orders:EventTtlSeconds", "900");
        // Every test request comes from the same (test server) caller: only RequestLimitsTests turn the write rate down.
        builder.UseSetting("RequestLimits:WritesPerWindow", "1000000");
        // The clock is fake: a conflict retry must not wait on it.
        builder.UseSetting("StateStore:ConflictDelay", "00:00:00");
        builder.UseSetting("StateStore:ConflictMaxDelay", "00:00:00");
        // No worker runs here, so every order stays in flight: the bound is tested on its own (AdmissionTests).
        builder.UseSetting("Orders:Admission:MaxInFlight", "1000000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DaprClient>();
            services.AddSingleton(_ => Sidecar.CreateClient(Hooks));
            services.RemoveAll<IDaprWorkflowClient>();
            services.AddSingleton(Workflows.Object);
            services.AddHttpClient<InventoryClient>().ConfigurePrimaryHttpMessageHandler(Inventory.CreateHandler);
            services.PostConfigure<JwtBearerOptions>(
                JwtBearerDefaults.AuthenticationScheme, o => o.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(SigningKey));
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            var workflowWorkers = services
                .Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == typeof(DaprWorkflowClient).Assembly)
                .ToList();
            workflowWorkers.Should().NotBeEmpty("AddDaprWorkflow registers the worker as a hosted service");
            workflowWorkers.ForEach(d => services.Remove(d));
        });
    }
}

[CollectionDefinition(Name)]
public sealed class OrderApiCollection : ICollectionFixture<OrderApiFactory>
{
    public const string Name = "order-api";
}

/// <summary>Base for API tests: one shared host and sidecar, mocks and records reset before each test.</summary>
[Collection(OrderApiCollection.Name)]
public abstract class OrderApiTests
{
    protected OrderApiTests(OrderApiFactory api)
    {
        Api = api;
        Client = api.ClientFor(OrderApiFactory.Customer);
        api.Reset();
    }

    protected OrderApiFactory Api { get; }

    /// <summary>Signed in as <see cref="OrderApiFactory.Customer"/>, the customer of <see cref="TestOrders"/>.</summary>
    protected HttpClient Client { get; }

    internal OrdersState State => Api.State;

    internal DaprCallHooks Hooks => Api.Hooks;
}
