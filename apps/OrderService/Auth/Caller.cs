using System.Security.Claims;

namespace OrderPlatform.OrderService.Auth;

/// <summary>
/// The signed-in caller as the order API sees it. The caller id is <see cref="ClaimsPrincipal"/>'s name: JwtBearer's
/// name claim is set to <see cref="CallerAuthOptions.CallerIdClaim"/>, so anything reading <c>HttpContext.User</c>
/// (rate limiting's partition, logs) gets the same id.
/// </summary>
public static class Caller
{
    /// <summary>The caller id; the customer policy guarantees it on every order endpoint.</summary>
    public static string CallerId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.Name ?? throw new InvalidOperationException("No caller id: the endpoint is not behind the customer policy.");
    }

    public static bool IsOperator(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(OrderRoles.Operator);
    }

    /// <summary>Whether the caller may see (and cancel) <paramref name="customerId"/>'s orders.</summary>
    public static bool MayAccess(this ClaimsPrincipal user, string customerId) =>
        user.IsOperator() || string.Equals(user.CallerId(), customerId, StringComparison.Ordinal);
}
