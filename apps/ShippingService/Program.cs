using OrderPlatform.ServiceDefaults;
using OrderPlatform.ShippingService;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddShipping();
var app = builder.Build();
app.MapDefaultEndpoints();
app.MapShippingEndpoints();
app.Run();
