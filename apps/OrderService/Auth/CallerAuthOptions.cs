using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.OrderService.Auth;

/// <summary>
/// Who the caller is: the <c>Auth</c> section. Token validation itself is the standard JwtBearer binding of
/// <c>Authentication:Schemes:Bearer</c> (Authority, ValidIssuer, ValidAudiences; SigningKeys in Development only).
/// </summary>
public sealed class CallerAuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// The token claim that names the caller (the customer). <c>oid</c> by default: Entra ID's immutable object id of
    /// the user or service principal, the same for every app of the tenant and present in app-only tokens too
    /// (<c>sub</c> is pairwise per application).
    /// </summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.:/-]{1,200}$")]
    public string CallerIdClaim { get; set; } = "oid";
}
