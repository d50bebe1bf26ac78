using OrderPlatform.AppHost;
using OrderPlatform.DaprFiles;

// README command 1: `dotnet run --project apps/OrderPlatform.AppHost`. Starts the dev sidecar (the Dapr APIs on
// loopback, no daprd/Docker needed) and the five services on the ports of dapr.yaml, with the Aspire dashboard.
// With the Dapr CLI installed (`dapr init`), `--OrderPlatform:UseDaprd=true` starts one real daprd per app instead.
var builder = DistributedApplication.CreateBuilder(args);
var root = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
var runFile = DaprRunFile.Load(Path.Combine(root, "dapr.yaml"));
// The app API token each sidecar sends to its app and the apps require on their internal routes (APP_API_TOKEN, as
// ACA injects it): one per run, given to the sidecars and the apps alike.
var appApiToken = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
var useDaprd = bool.TryParse(builder.Configuration["OrderPlatform:UseDaprd"], out var daprd) && daprd;
var sidecars = useDaprd
    ? DaprSidecars.Daprd(builder, root, runFile, appApiToken)
    : DaprSidecars.DevSidecar(builder, root, runFile, appApiToken);

builder.AddDaprApp<Projects.OrderService>("order-service", runFile, sidecars, appApiToken)
    .WithExternalHttpEndpoints();
builder.AddDaprApp<Projects.InventoryService>("inventory-service", runFile, sidecars, appApiToken);
builder.AddDaprApp<Projects.PaymentService>("payment-service", runFile, sidecars, appApiToken);
builder.AddDaprApp<Projects.ShippingService>("shipping-service", runFile, sidecars, appApiToken);
builder.AddDaprApp<Projects.NotificationService>("notification-service", runFile, sidecars, appApiToken);

builder.Build().Run();
