using OrderPlatform.AppHost;
using OrderPlatform.DaprFiles;

// README command 1: `dotnet run --project apps/OrderPlatform.AppHost`. Starts the dev sidecar (the Dapr APIs on
// loopback, no daprd/Docker needed) and the five services on the ports of dapr.yaml, with the Aspire dashboard.
// With the Dapr CLI installed (`dapr init`), `--OrderPlatform:UseDaprd=true` starts one real daprd per app instead.
var builder = DistributedApplication.CreateBuilder(args);
var root = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
var runFile = DaprRunFile.Load(Path.Combine(root, "dapr.yaml"));
var useDaprd = bool.TryParse(builder.Configuration["OrderPlatform:UseDaprd"], out var daprd) && daprd;
var sidecars = useDaprd
    ? DaprSidecars.Daprd(builder, root, runFile)
    : DaprSidecars.DevSidecar(builder, root, runFile);

builder.AddDaprApp<Projects.OrderService>("order-service", runFile, sidecars)
    .WithExternalHttpEndpoints();
builder.AddDaprApp<Projects.InventoryService>("inventory-service", runFile, sidecars);
builder.AddDaprApp<Projects.PaymentService>("payment-service", runFile, sidecars);
builder.AddDaprApp<Projects.ShippingService>("shipping-service", runFile, sidecars);
builder.AddDaprApp<Projects.NotificationService>("notification-service", runFile, sidecars);

builder.Build().Run();
