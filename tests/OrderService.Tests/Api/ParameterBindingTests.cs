using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>
/// ASP.NET Core answers a query, route or header value it cannot bind (an <c>int</c> given "ten") with its own 400
/// before any validator runs. order-service binds every such parameter as text and validates it with the kit's
/// validators (a 400 ProblemDetails naming the parameter), so binding can never fail: this pins that for every endpoint.
/// </summary>
public sealed class ParameterBindingTests(OrderApiFactory api) : OrderApiTests(api)
{
    [Fact]
    public void Every_query_route_and_header_parameter_of_every_endpoint_is_bound_as_text()
    {
        var descriptions = Api.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .ToList();
        var parameters = descriptions
            .SelectMany(d => d.ParameterDescriptions.Select(p => (Endpoint: $"{d.HttpMethod} {d.RelativePath}", p.Name, p.Source, p.Type)))
            .Where(p => p.Source == BindingSource.Query || p.Source == BindingSource.Path || p.Source == BindingSource.Header)
            .ToList();

        parameters.Select(p => $"{p.Endpoint} {p.Name}").Should().Contain([
            "GET api/orders/ Status", "GET api/orders/ Token", "GET api/orders/ PageSize", "GET api/products/ Token",
            "GET api/orders/{id} id", "POST api/orders/ Idempotency-Key",
        ]);
        parameters.Should().OnlyContain(p => p.Type == typeof(string), "a non-text parameter fails binding with ASP.NET Core's 400 instead of the kit's");
    }
}
