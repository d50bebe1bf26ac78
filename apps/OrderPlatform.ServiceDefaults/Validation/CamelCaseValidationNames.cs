using System.Text.Json;
using FluentValidation;

namespace OrderPlatform.ServiceDefaults.Validation;

/// <summary>Validation errors name fields as they appear in the JSON body: <c>items[0].quantity</c>.</summary>
public static class CamelCaseValidationNames
{
    public static void Apply()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
    }
}
