using System.Globalization;
using System.Text.Json;
using FluentValidation;

namespace OrderPlatform.ServiceDefaults.Validation;

/// <summary>
/// FluentValidation's settings are process-wide, so they are set here once, from <c>AddServiceDefaults</c>, and
/// nowhere else: errors name fields as they appear in the JSON body (<c>items[0].quantity</c>), and a missing value
/// reads the same whether the JSON reader or a validator found it (<see cref="RequestBodies.JsonBodyErrors.Required"/>).
/// </summary>
public static class ValidationNames
{
    public const string RequiredMessage = "'{PropertyName}' is required.";

    public static void UseJsonNames()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.LanguageManager = new Messages();
    }

    /// <summary>English messages in the invariant culture the services run in, with the platform's one wording for "required".</summary>
    private sealed class Messages : FluentValidation.Resources.LanguageManager
    {
        public Messages()
        {
            Culture = CultureInfo.InvariantCulture; // the services run in globalization-invariant mode; FluentValidation falls back to "en"
            AddTranslation("en", "NotEmptyValidator", RequiredMessage);
            AddTranslation("en", "NotNullValidator", RequiredMessage);
        }
    }
}
