namespace OrderPlatform.OrderService.Auth;

/// <summary>The app role and the policies of the order API (the role's value is the one infra/hooks creates).</summary>
public static class OrderRoles
{
    /// <summary>Entra app role: approve, compensate, commit stock, resume, the attention list, every customer's orders.</summary>
    public const string Operator = "Orders.Operator";

    /// <summary>Entra ID puts app roles in the <c>roles</c> claim.</summary>
    public const string RoleClaim = "roles";

    /// <summary>Signed in with a usable caller id (the default for the order API).</summary>
    public const string CustomerPolicy = "customer";

    /// <summary>A customer holding <see cref="Operator"/>.</summary>
    public const string OperatorPolicy = "operator";
}
