using FluentValidation;

namespace OrderPlatform.ServiceDefaults.Validation;

/// <summary>
/// The query parameters of every paged list (<c>pageSize</c>, <c>token</c>), bound as text so a bad value is a 400
/// naming its parameter instead of a binding failure or a store error.
/// </summary>
public static class PagingRules
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The page size a valid <paramref name="pageSize"/> asks for (the default when absent).</summary>
    public static int Limit(string? pageSize) =>
        pageSize is null ? DefaultPageSize : int.Parse(pageSize, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);

    public static IRuleBuilderOptions<T, string?> PageSize<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Must(s => s is null || (s.Length <= 3 && int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxPageSize))
            .WithMessage($"'{{PropertyName}}' must be a whole number from 1 to {MaxPageSize}.");

    /// <summary>
    /// A continuation token as the state stores hand them out: state.postgresql v1 parses it with
    /// <c>strconv.ParseInt(token, 10, 64)</c> and uses it as the SQL OFFSET (dapr/components-contrib
    /// common/component/postgresql/v1/postgresql_query.go), so anything but a non-negative decimal number fails the query
    /// (a 500 before this rule). 1 to 18 ASCII digits.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> PageToken<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Must(t => t is null || (t.Length is >= 1 and <= 18 && t.All(char.IsAsciiDigit)))
            .WithMessage("'{PropertyName}' must be a continuation token from a previous page.");
}
