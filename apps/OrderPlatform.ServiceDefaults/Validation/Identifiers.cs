using System.Text.RegularExpressions;
using FluentValidation;

namespace OrderPlatform.ServiceDefaults.Validation;

/// <summary>Ids become state keys: letters, digits, '.', '_', ':' and '-' only, at most 100 characters.</summary>
public static partial class Identifiers
{
    public const int MaxLength = 100;
    public const string Message = "'{PropertyName}' may contain only letters, digits, '.', '_', ':' and '-'.";

    /// <summary><see cref="Message"/> for a field checked outside FluentValidation (a route value).</summary>
    public static string MessageFor(string field) => Message.Replace("{PropertyName}", field, StringComparison.Ordinal);

    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && Pattern().IsMatch(value);

    public static IRuleBuilderOptions<T, string> Identifier<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(MaxLength)
            .Matches(Pattern())
            .WithMessage(Message);

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex Pattern();
}
