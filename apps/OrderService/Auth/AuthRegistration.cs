using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.OrderService.Auth;

/// <summary>
/// Bearer tokens on the order API, on in every environment: Microsoft Entra ID in Azure (Authority + audience from app
/// settings), a development signing key in Development only (<c>appsettings.Development.json</c>, the
/// <c>dotnet user-jwts</c> configuration shape; <c>tools/DevToken</c> mints tokens with it).
/// </summary>
public static class AuthRegistration
{
    public const string SchemeSection = "Authentication:Schemes:" + JwtBearerDefaults.AuthenticationScheme;

    public static IHostApplicationBuilder AddOrderAuth(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<CallerAuthOptions>(CallerAuthOptions.SectionName);
        var services = builder.Services;

        // AddJwtBearer binds Authentication:Schemes:Bearer (dotnet/aspnetcore JwtBearerConfigureOptions); the rest is pinned here.
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<CallerAuthOptions>>((options, caller) =>
            {
                // Claims keep their token names (oid, sub, roles), not the WS-Federation URIs of the inbound claim map.
                options.MapInboundClaims = false;
                var parameters = options.TokenValidationParameters;
                parameters.NameClaimType = caller.Value.CallerIdClaim;
                parameters.RoleClaimType = OrderRoles.RoleClaim;
                // The binding turns issuer and audience checks off when none is configured: they are never optional here.
                parameters.ValidateIssuer = true;
                parameters.ValidateAudience = true;
                parameters.ValidateLifetime = true;
                parameters.RequireExpirationTime = true;
            })
            .Validate<IConfiguration, IHostEnvironment>(
                (_, configuration, environment) =>
                    environment.IsDevelopment() || !configuration.GetSection(SchemeSection + ":SigningKeys").Exists(),
                $"{SchemeSection}:SigningKeys (a development signing key) is configured outside Development: refused.")
            .Validate(
                o => Named(o.TokenValidationParameters.ValidAudience, o.TokenValidationParameters.ValidAudiences),
                $"{SchemeSection}: set ValidAudiences (the API's client id / App ID URI).")
            .Validate(
                o => Named(o.TokenValidationParameters.ValidIssuer, o.TokenValidationParameters.ValidIssuers),
                $"{SchemeSection}: set ValidIssuer (https://login.microsoftonline.com/<tenant>/v2.0 for Entra ID).")
            .Validate(
                o => !string.IsNullOrEmpty(o.Authority) || !string.IsNullOrEmpty(o.MetadataAddress) || o.Configuration is not null
                    || o.TokenValidationParameters.IssuerSigningKey is not null || o.TokenValidationParameters.IssuerSigningKeys?.Any() == true,
                $"{SchemeSection}: set Authority (Entra ID), or, in Development, SigningKeys.")
            .ValidateOnStart();

        // The kit's AddOpenApi registers the document "v1"; its options are named after it.
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o =>
        {
            o.AddDocumentTransformer<BearerSecurityTransformer>();
            o.AddOperationTransformer<BearerSecurityTransformer>();
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(OrderRoles.CustomerPolicy, CustomerPolicy())
            .AddPolicy(OrderRoles.OperatorPolicy, new AuthorizationPolicyBuilder(CustomerPolicy()).RequireRole(OrderRoles.Operator).Build());
        return builder;
    }

    private static bool Named(string? one, IEnumerable<string>? many) =>
        !string.IsNullOrWhiteSpace(one) || many?.Any(v => !string.IsNullOrWhiteSpace(v)) == true;

    /// <summary>Authenticated with a caller id that can be a customer id (it becomes part of state keys and queries).</summary>
    private static AuthorizationPolicy CustomerPolicy() =>
        new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => Identifiers.IsValid(context.User.Identity?.Name))
            .Build();

    /// <summary>After the kit's exception handler and status-code pages, so a 401/403 gets a ProblemDetails body.</summary>
    public static WebApplication UseOrderAuth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
