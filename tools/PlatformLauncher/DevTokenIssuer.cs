using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrderPlatform.PlatformLauncher;

/// <summary>
/// Mints bearer tokens order-service accepts in Development: signed with the development key of
/// <see cref="SettingsFile"/> (the <c>dotnet user-jwts</c> shape of <c>Authentication:Schemes:Bearer</c>), for any
/// caller id, with app roles. order-service refuses that key outside Development, so these tokens are good locally only.
/// </summary>
public sealed class DevTokenIssuer(string issuer, string audience, byte[] key)
{
    /// <summary>order-service's Development settings, relative to the repository root: the one copy of the key.</summary>
    public const string SettingsFile = "apps/OrderService/appsettings.Development.json";

    public const string OperatorRole = "Orders.Operator";

    public string Issuer => issuer;

    public string Audience => audience;

    /// <summary>The issuer of <see cref="SettingsFile"/> under <paramref name="repoRoot"/>.</summary>
    public static DevTokenIssuer Load(string repoRoot)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(repoRoot, SettingsFile)));
        var bearer = settings.RootElement.GetProperty("Authentication").GetProperty("Schemes").GetProperty("Bearer");
        var issuer = bearer.GetProperty("ValidIssuer").GetString()!;
        var signingKey = bearer.GetProperty("SigningKeys").EnumerateArray().Single(k => k.GetProperty(nameof(Issuer)).GetString() == issuer);
        return new DevTokenIssuer(
            issuer, bearer.GetProperty("ValidAudiences")[0].GetString()!, Convert.FromBase64String(signingKey.GetProperty("Value").GetString()!));
    }

    /// <summary>
    /// A token for <paramref name="callerId"/> (as both <c>oid</c> and <c>sub</c>, so either caller claim works) holding
    /// <paramref name="roles"/> (Entra's <c>roles</c> claim). The other parameters make the broken tokens tests need.
    /// </summary>
    public string Create(string callerId, IEnumerable<string>? roles = null, TimeSpan? lifetime = null,
        DateTime? expires = null, string? audienceOverride = null, string? issuerOverride = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(callerId);
        var end = expires ?? DateTime.UtcNow.Add(lifetime ?? TimeSpan.FromHours(8));
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["oid"] = callerId, ["sub"] = callerId };
        if (roles?.ToArray() is { Length: > 0 } granted)
        {
            claims["roles"] = granted;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuerOverride ?? issuer,
            Audience = audienceOverride ?? audience,
            Claims = claims,
            IssuedAt = end.AddHours(-9),
            NotBefore = end.AddHours(-9),
            Expires = end,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An operator's token (the <see cref="OperatorRole"/> app role).</summary>
    public string CreateOperator(string callerId) => Create(callerId, [OperatorRole]);
}
